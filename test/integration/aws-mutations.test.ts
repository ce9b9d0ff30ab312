import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, present, TOKENS, type TestApp } from '../support/app.ts';
import { auditOutcome } from '../support/audit-outcome.ts';
import {
  sdk,
  seedEstate,
  startAwsTestApp,
  startMoto,
  type Moto,
  type Seeded,
} from '../support/moto.ts';

const REGION = 'us-east-1';

const Stop = graphql(`
  mutation AwsStop($input: StopResourceInput!) {
    stopResource(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ActionResult {
        dryRun
        auditEvent {
          id
          action
          status
          dryRun
          before
          after
          message
        }
      }
    }
  }
`);

const Start = graphql(`
  mutation AwsStart($input: StartResourceInput!) {
    startResource(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
    }
  }
`);

const Reboot = graphql(`
  mutation AwsReboot($input: RebootResourceInput!) {
    rebootResource(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
    }
  }
`);

const Delete = graphql(`
  mutation AwsDelete($input: DeleteResourceInput!) {
    deleteResource(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ActionResult {
        auditEvent {
          status
          message
        }
      }
    }
  }
`);

const Scale = graphql(`
  mutation AwsScale($input: ScaleResourceInput!) {
    scaleResource(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ActionResult {
        dryRun
        auditEvent {
          id
          status
          before
          after
        }
      }
    }
  }
`);

const ChangeType = graphql(`
  mutation AwsChangeType($input: ChangeInstanceTypeInput!) {
    changeInstanceType(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ActionResult {
        dryRun
        auditEvent {
          id
          action
          status
          verb
          before
          after
          message
        }
      }
    }
  }
`);

const Revert = graphql(`
  mutation AwsRevert($input: RevertActionInput!) {
    revertAction(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ActionResult {
        auditEvent {
          id
        }
      }
    }
  }
`);

const Ids = graphql(`
  query AwsIds {
    resources(filter: { providers: [AWS] }, first: 1000) {
      edges {
        node {
          __typename
          id
          name
          kind
          state
          ... on Ec2Instance {
            instanceId
          }
        }
      }
    }
  }
`);

const Log = graphql(`
  query AwsAuditLog($filter: AuditLogFilter) {
    auditLog(filter: $filter, first: 50) {
      edges {
        node {
          action
          status
          dryRun
          actor
        }
      }
    }
    verifyAuditLog {
      valid
    }
  }
`);

let moto: Moto;
let seeded: Seeded;
let client: ReturnType<typeof sdk>;
let t: TestApp;
/** Global id by native id (instance id, group name). */
const ids = new Map<string, string>();

beforeAll(async () => {
  moto = await startMoto();
  seeded = await seedEstate(moto.endpoint, REGION);
  client = sdk(moto.endpoint, REGION);
  // Polling once an hour: whatever the graph shows after a mutation came from its refresh.
  t = await startAwsTestApp({ ...moto.env, AWS_REGION: REGION });
  const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Ids)).body);
  for (const { node } of data.resources.edges) {
    const native = node.__typename === 'Ec2Instance' ? node.instanceId : node.name;
    ids.set(native, node.id);
  }
});

afterAll(async () => {
  await t?.close();
  for (const c of Object.values(client ?? {})) c.destroy();
  await moto?.stop();
});

const gid = (native: string) => {
  const id = ids.get(native);
  if (!id) throw new Error(`no global id for ${native}`);
  return id;
};

async function ec2State(instanceId: string) {
  const res = await client.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  return res.Reservations?.[0]?.Instances?.[0]?.State?.Name;
}

async function stateInGraph(native: string) {
  const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Ids)).body);
  return data.resources.edges.find((e) => e.node.id === gid(native))?.node.state;
}

describe('AWS actions through the GraphQL mutations', () => {
  it('stops an instance: dryRun audited and harmless, then done, shown at once, and audited', async () => {
    const web = seeded.web[0] ?? '';
    const dry = (await gql(t.url, TOKENS.operator, Stop, { input: { id: gid(web), dryRun: true } }))
      .body;
    const preview = expectNoErrors(dry).stopResource;
    expect(preview).toMatchObject({ __typename: 'StopResourceSuccess', dryRun: true });
    expect(await ec2State(web)).toBe('running');

    const real = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Stop, { input: { id: gid(web) } })).body,
    );
    expect(real.stopResource).toMatchObject({
      __typename: 'StopResourceSuccess',
      dryRun: false,
      auditEvent: {
        action: 'STOP',
        status: 'SUCCEEDED',
        before: { state: 'RUNNING' },
        after: { state: 'STOPPED' },
        message: 'stopped web',
      },
    });
    expect(['stopping', 'stopped']).toContain(await ec2State(web));
    expect(await stateInGraph(web)).toBe('STOPPED');

    const again = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Stop, { input: { id: gid(web) } })).body,
    );
    expect(again.stopResource).toMatchObject({ __typename: 'ValidationError' });
    if (again.stopResource.__typename === 'ValidationError')
      expect(again.stopResource.message).toMatch(/it is stopp/);

    const log = expectNoErrors(
      (await gql(t.url, TOKENS.admin, Log, { filter: { resourceId: gid(web) } })).body,
    );
    const rows = present(log.auditLog).edges.map((e) => [
      e.node.action,
      e.node.status,
      e.node.dryRun,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['STOP', 'SUCCEEDED', true],
        ['STOP', 'SUCCEEDED', false],
        ['STOP', 'FAILED', false],
      ]),
    );
    expect(present(log.verifyAuditLog).valid).toBe(true);
  });

  it('publishes the resourceEvent within seconds of a start, not a poll interval', async () => {
    const web = seeded.web[0] ?? '';
    const ws = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 0,
    });
    const started = Date.now();
    const event = new Promise<{ type: string; state: string }>((resolve, reject) => {
      const dispose = ws.subscribe<{
        resourceEvents: { type: string; resource: { id: string; state: string } };
      }>(
        {
          query:
            'subscription { resourceEvents(filter: {providers: [AWS]}) { type resource { id state } } }',
        },
        {
          next: (v) => {
            const e = v.data?.resourceEvents;
            if (e?.resource.id === gid(web) && e.resource.state !== 'STOPPED') {
              resolve({ type: e.type, state: e.resource.state });
              dispose();
            }
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    const res = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Start, { input: { id: gid(web) } })).body,
    );
    expect(res.startResource.__typename).toBe('StartResourceSuccess');
    const got = await event;
    expect(got.type).toBe('MODIFIED');
    expect(['PENDING', 'RUNNING']).toContain(got.state);
    expect(Date.now() - started).toBeLessThan(10_000);
    await ws.dispose();
  });

  it('reboot needs the operator role', async () => {
    const web = seeded.web[1] ?? '';
    const viewer = (await gql(t.url, TOKENS.viewer, Reboot, { input: { id: gid(web) } })).body;
    const refused = viewer.data?.rebootResource.__typename ?? viewer.errors?.[0]?.extensions?.code;
    expect(['ForbiddenError', 'FORBIDDEN']).toContain(refused);
    const op = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Reboot, { input: { id: gid(web) } })).body,
    );
    expect(op.rebootResource.__typename).toBe('RebootResourceSuccess');
  });

  it('changes an instance type: operator only, validated, audited, reverted', async () => {
    const batch = seeded.batch; // m5.large, running
    const type = async () =>
      (await client.ec2.send(new DescribeInstancesCommand({ InstanceIds: [batch] })))
        .Reservations?.[0]?.Instances?.[0]?.InstanceType;
    const change = (token: string, input: Record<string, unknown>) =>
      gql(t.url, token, ChangeType, {
        input: { id: gid(batch), instanceType: 'm5.xlarge', ...input },
      });

    const viewer = (await change(TOKENS.viewer, {})).body;
    expect(
      viewer.data?.changeInstanceType.__typename ?? viewer.errors?.[0]?.extensions?.code,
    ).toMatch(/^(ForbiddenError|FORBIDDEN)$/);
    for (const input of [{ instanceType: 'not a type' }, { id: gid(seeded.group) }]) {
      const bad = expectNoErrors((await change(TOKENS.operator, input)).body).changeInstanceType;
      expect(bad).toMatchObject({ __typename: 'ValidationError' });
    }
    const dry = expectNoErrors((await change(TOKENS.operator, { dryRun: true })).body);
    expect(dry.changeInstanceType).toMatchObject({
      __typename: 'ChangeInstanceTypeSuccess',
      dryRun: true,
    });
    expect(await type()).toBe('m5.large');

    // A running instance: the answer comes once the stop is sent, the event PENDING; the
    // outcome completes the same event.
    const done = expectNoErrors((await change(TOKENS.operator, {})).body).changeInstanceType;
    if (done.__typename !== 'ChangeInstanceTypeSuccess') throw new Error(JSON.stringify(done));
    expect(done.auditEvent).toMatchObject({
      action: 'CHANGE_INSTANCE_TYPE',
      verb: 'PATCH',
      status: 'PENDING',
      before: null,
    });
    expect(await auditOutcome(t.url, TOKENS.operator, done.auditEvent.id)).toMatchObject({
      status: 'SUCCEEDED',
      before: { instanceType: 'm5.large', awsState: 'running' },
      after: { instanceType: 'm5.xlarge' },
    });
    expect(await type()).toBe('m5.xlarge');
    expect(['pending', 'running']).toContain(await ec2State(batch));

    const undo = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Revert, { input: { auditEventId: done.auditEvent.id } }))
        .body,
    ).revertAction;
    if (undo.__typename !== 'RevertActionSuccess') throw new Error(JSON.stringify(undo));
    expect(await auditOutcome(t.url, TOKENS.operator, undo.auditEvent.id)).toMatchObject({
      status: 'SUCCEEDED',
    });
    expect(await type()).toBe('m5.large');
  });

  it('terminates only with confirm equal to the Name tag or the instance id', async () => {
    const reports = seeded.stoppedOne; // Name tag "reports"
    const wrong = expectNoErrors(
      (await gql(t.url, TOKENS.admin, Delete, { input: { id: gid(reports), confirm: 'web' } }))
        .body,
    );
    expect(wrong.deleteResource.__typename).toBe('ConfirmationRequiredError');
    expect(await ec2State(reports)).toBe('stopped');
    const byTag = expectNoErrors(
      (
        await gql(t.url, TOKENS.admin, Delete, {
          input: { id: gid(reports), confirm: 'reports', dryRun: true },
        })
      ).body,
    );
    expect(byTag.deleteResource).toMatchObject({ __typename: 'DeleteResourceSuccess' });
    expect(await ec2State(reports)).toBe('stopped');
    const byId = expectNoErrors(
      (await gql(t.url, TOKENS.admin, Delete, { input: { id: gid(reports), confirm: reports } }))
        .body,
    );
    expect(byId.deleteResource).toMatchObject({
      __typename: 'DeleteResourceSuccess',
      auditEvent: { status: 'SUCCEEDED', message: 'terminated reports' },
    });
    expect(['shutting-down', 'terminated']).toContain(await ec2State(reports));
    expect(await stateInGraph(reports)).toBe('TERMINATING');
  });

  it('scales an Auto Scaling group within its bounds and reverts the change', async () => {
    const desired = async () =>
      (
        await client.autoscaling.send(
          new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [seeded.group] }),
        )
      ).AutoScalingGroups?.[0]?.DesiredCapacity;
    const over = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Scale, { input: { id: gid(seeded.group), replicas: 9 } }))
        .body,
    );
    expect(over.scaleResource).toMatchObject({ __typename: 'ValidationError' });
    const dry = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, Scale, {
          input: { id: gid(seeded.group), replicas: 4, dryRun: true },
        })
      ).body,
    );
    expect(dry.scaleResource).toMatchObject({ __typename: 'ScaleResourceSuccess', dryRun: true });
    expect(await desired()).toBe(2);

    const done = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Scale, { input: { id: gid(seeded.group), replicas: 4 } }))
        .body,
    );
    expect(done.scaleResource).toMatchObject({
      __typename: 'ScaleResourceSuccess',
      auditEvent: {
        status: 'SUCCEEDED',
        before: { desiredCapacity: 2 },
        after: { desiredCapacity: 4 },
      },
    });
    expect(await desired()).toBe(4);
    if (done.scaleResource.__typename !== 'ScaleResourceSuccess') throw new Error('scale failed');
    const revert = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, Revert, {
          input: { auditEventId: done.scaleResource.auditEvent.id },
        })
      ).body,
    );
    expect(revert.revertAction.__typename).toBe('RevertActionSuccess');
    expect(await desired()).toBe(2);
  });
});
