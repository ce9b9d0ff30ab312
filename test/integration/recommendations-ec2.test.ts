// The EC2 and EBS analyzers against a private moto_server: instances with known CloudWatch
// CPU history, an unattached volume; applying goes through the pipeline and is checked with
// the AWS SDK directly.
import { DescribeInstancesCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { AwsProvider } from '../../src/providers/aws/provider.ts';
import { expectNoErrors, gql, present, TOKENS, type TestApp } from '../support/app.ts';
import { auditOutcome } from '../support/audit-outcome.ts';
import { sdk, seedEstate, startAwsTestApp, startMoto, type Moto } from '../support/moto.ts';
import { RunInstancesCommand, CreateTagsCommand, type _InstanceType } from '@aws-sdk/client-ec2';

const REGION = 'us-east-1';

const Ec2Run = graphql(`
  mutation RecEc2Run {
    runRecommendations {
      __typename
      ... on RunRecommendationsSuccess {
        run {
          errors
          skips {
            targetId
            analyzer
            reason
          }
        }
      }
    }
  }
`);

const Ec2List = graphql(`
  query RecEc2List($filter: RecommendationFilter) {
    recommendations(filter: $filter, first: 100) {
      edges {
        node {
          id
          type
          status
          targetName
          source
          sourceName
          current
          recommended
          evidence
          estimatedMonthlySavings
          risk
          action
          target {
            __typename
            name
            kind
            state
            actions
          }
        }
      }
    }
  }
`);

const Ec2Apply = graphql(`
  mutation RecEc2Apply($input: ApplyRecommendationInput!) {
    applyRecommendation(input: $input) {
      __typename
      ... on ActionResult {
        dryRun
        auditEvent {
          id
          action
          source
          status
          verb
          parameters
          message
          before
          after
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Ec2Predictions = graphql(`
  query RecEc2Predictions {
    resources(filter: { kinds: [EC2_INSTANCE] }, first: 50) {
      edges {
        node {
          name
          predictions {
            method
            horizonHours
            cpu {
              unit
              samples
              last
              lastAt
              points {
                timestamp
                value
                lower
                upper
              }
            }
            memory {
              samples
            }
          }
        }
      }
    }
    overview {
      predictions {
        target {
          name
        }
      }
      recommendations {
        count
        totalMonthlySavings
        top {
          type
        }
      }
    }
  }
`);

const Ec2Revert = graphql(`
  mutation RecEc2Revert($input: RevertActionInput!) {
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

type Rec = {
  id: string;
  type: string;
  status: string;
  targetName: string;
  target: { __typename: string; name: string; kind: string; state: string; actions: string[] };
  [k: string]: unknown;
};

let moto: Moto;
let t: TestApp;
let client: ReturnType<typeof sdk>;
const ids: Record<string, string> = {};
let volume = '';

/** `hours` of 5-minute CPUUtilization (percent) around `level`, and network if given. */
async function history(id: string, hours: number, level: number, netBytesPer5m?: number) {
  const now = Math.floor(Date.now() / 300_000) * 300_000;
  const data: MetricDatum[] = [];
  for (let at = now - hours * 3_600_000; at <= now; at += 300_000) {
    const wobble = 1 + 0.2 * Math.sin(at / 3_600_000);
    const Dimensions = [{ Name: 'InstanceId', Value: id }];
    const Timestamp = new Date(at);
    data.push({
      MetricName: 'CPUUtilization',
      Unit: 'Percent',
      Value: level * wobble,
      Dimensions,
      Timestamp,
    });
    if (netBytesPer5m !== undefined) {
      for (const MetricName of ['NetworkIn', 'NetworkOut'])
        data.push({ MetricName, Unit: 'Bytes', Value: netBytesPer5m, Dimensions, Timestamp });
    }
  }
  for (let i = 0; i < data.length; i += 20) {
    await client.cloudwatch.send(
      new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: data.slice(i, i + 20) }),
    );
  }
}

async function launch(name: string, type: string, tags: Record<string, string> = {}) {
  const res = await client.ec2.send(
    new RunInstancesCommand({
      ImageId: ami,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: type as _InstanceType,
      Placement: { AvailabilityZone: `${REGION}a` },
    }),
  );
  const id = res.Instances?.[0]?.InstanceId ?? '';
  await client.ec2.send(
    new CreateTagsCommand({
      Resources: [id],
      Tags: Object.entries({ Name: name, ...tags }).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  ids[name] = id;
  return id;
}

let ami = '';

async function recs(statuses: string[] = ['OPEN']): Promise<Rec[]> {
  const r = await gql(t.url, TOKENS.admin, Ec2List, { filter: { statuses: statuses as never } });
  return present(expectNoErrors(r.body).recommendations).edges.map((e) => e.node as unknown as Rec);
}

async function run() {
  const r = expectNoErrors((await gql(t.url, TOKENS.admin, Ec2Run)).body).runRecommendations;
  if (r.__typename !== 'RunRecommendationsSuccess') throw new Error(JSON.stringify(r));
  return r.run;
}

async function instance(id: string): Promise<{ type?: string; state?: string }> {
  const res = await client.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  const i = res.Reservations?.[0]?.Instances?.[0];
  return { type: i?.InstanceType, state: i?.State?.Name };
}

async function instanceState(id: string): Promise<string | undefined> {
  return (await instance(id)).state;
}

describe('EC2 and EBS recommendations (moto)', () => {
  beforeAll(async () => {
    moto = await startMoto();
    client = sdk(moto.endpoint, REGION);
    const estate = await seedEstate(moto.endpoint, REGION, 0);
    ami = estate.ami;
    volume = estate.looseVolume;
    // 30 h of history: idle (1 % CPU, ~100 B/s), oversized (8 % of 8 vCPUs), busy (55 %).
    await history(await launch('idle-box', 'm5.xlarge'), 30, 1, 30_000);
    await history(await launch('big-box', 'm5.2xlarge'), 30, 8, 5_000_000);
    await history(await launch('busy-box', 't3.large'), 30, 55);
    // Two hours only: too little history to advise on.
    await history(await launch('new-box', 'm5.2xlarge'), 2, 1);
    // Part of an Auto Scaling group: stopping it would only make the group replace it.
    await history(
      await launch('asg-box', 'm5.xlarge', { 'aws:autoscaling:groupName': 'workers' }),
      30,
      1,
    );
    t = await startAwsTestApp({
      ...moto.env,
      AWS_REGION: REGION,
      RECOMMENDER_WINDOW_HOURS: '48',
      RECOMMENDER_MIN_HISTORY_HOURS: '24',
    });
  }, 240_000);

  afterAll(async () => {
    await t?.close();
    for (const c of Object.values(client ?? {})) c.destroy();
    await moto?.stop();
  });

  it('stop for idle, a smaller type for oversized, nothing for busy; skips young, ASG and new volumes', async () => {
    const report = await run();
    expect(report.errors).toEqual([]);
    const open = await recs();
    const of = (name: string) =>
      open
        .filter((r) => r.targetName === name)
        .map((r) => r.type)
        .sort();
    expect(of('idle-box')).toEqual(['EC2_IDLE']);
    expect(of('big-box')).toEqual(['EC2_DOWNSIZE']);
    expect(of('busy-box')).toEqual([]);
    expect(of('new-box')).toEqual([]);
    expect(of('asg-box')).toEqual([]);
    // The volume was created moments ago: it may be about to be attached.
    expect(of('scratch')).toEqual([]);
    const reasons = (name: string) =>
      report.skips
        .filter((s) => s.targetId === `aws:${REGION}:EC2_INSTANCE:${ids[name]}`)
        .map((s) => s.reason)
        .join(' ');
    expect(reasons('new-box')).toMatch(/not enough data: 2\.\d h of history, 24 h needed/);
    expect(reasons('asg-box')).toMatch(/Auto Scaling group workers/);
    expect(
      report.skips.some(
        (s) =>
          s.targetId === `aws:${REGION}:EBS_VOLUME:${volume}` &&
          /created 0\.\d h ago/.test(s.reason),
      ),
    ).toBe(true);

    const idle = open.find((r) => r.type === 'EC2_IDLE') as Rec;
    expect(idle.estimatedMonthlySavings).toBeCloseTo(0.192 * 730, 2); // m5.xlarge list price
    expect(idle.action).toMatchObject({ verb: 'stop' });
    expect(JSON.stringify(idle.evidence)).toContain('us-east-1');

    const big = open.find((r) => r.type === 'EC2_DOWNSIZE') as Rec;
    // P95 ≈ 9.6 % of 8 vCPUs = 0.77 cores, +15 % = 0.88: on m5.large (2 vCPU) 44 % < 60 %.
    expect(big.recommended).toMatchObject({ instanceType: 'm5.large', vcpus: 2 });
    expect(big.estimatedMonthlySavings).toBeCloseTo((0.384 - 0.096) * 730, 2);
    expect((big.evidence as { cpuPercent: { p95: number } }).cpuPercent.p95).toBeGreaterThan(8);
    expect(big.action).toMatchObject({
      verb: 'patch',
      params: { patch: { instanceType: 'm5.large' } },
      precondition: { awsState: 'running', instanceType: 'm5.2xlarge' },
    });
    expect(big.risk).toBe('MEDIUM');
  });

  it('applying stop: dry run changes nothing, apply stops the instance, audited', async () => {
    const idle = (await recs()).find((r) => r.type === 'EC2_IDLE') as Rec;
    const dry = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Ec2Apply, { input: { id: idle.id, dryRun: true } })).body,
    ).applyRecommendation;
    expect(dry).toMatchObject({ __typename: 'ApplyRecommendationSuccess', dryRun: true });
    expect(await instanceState(ids['idle-box'] ?? '')).toBe('running');

    const done = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Ec2Apply, { input: { id: idle.id } })).body,
    ).applyRecommendation;
    expect(done).toMatchObject({
      __typename: 'ApplyRecommendationSuccess',
      auditEvent: {
        action: 'APPLY_RECOMMENDATION',
        source: 'RECOMMENDATION',
        status: 'SUCCEEDED',
        verb: 'STOP',
      },
    });
    expect(['stopping', 'stopped']).toContain(await instanceState(ids['idle-box'] ?? ''));
    expect((await recs(['APPLIED'])).map((r) => r.id)).toContain(idle.id);

    // revertAction starts it again (once AWS reports it stopped: start needs `stopped`).
    if (done.__typename !== 'ApplyRecommendationSuccess') throw new Error(JSON.stringify(done));
    let reverted = '';
    for (const until = Date.now() + 60_000; Date.now() < until;) {
      const r = expectNoErrors(
        (
          await gql(t.url, TOKENS.operator, Ec2Revert, {
            input: { auditEventId: done.auditEvent.id },
          })
        ).body,
      ).revertAction;
      reverted = r.__typename;
      if (reverted === 'RevertActionSuccess') break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(reverted).toBe('RevertActionSuccess');
    expect(['pending', 'running']).toContain(await instanceState(ids['idle-box'] ?? ''));
  });

  it('applying a downsize: dry run changes nothing, apply stops, changes the type and starts, revert changes it back', async () => {
    const id = ids['big-box'] ?? '';
    const big = (await recs()).find((r) => r.type === 'EC2_DOWNSIZE') as Rec;
    const dry = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Ec2Apply, { input: { id: big.id, dryRun: true } })).body,
    ).applyRecommendation;
    if (dry.__typename !== 'ApplyRecommendationSuccess') throw new Error(JSON.stringify(dry));
    expect(dry.dryRun).toBe(true);
    expect(dry.auditEvent.message).toBe(
      'would change big-box from m5.2xlarge to m5.large (stop, modify, start)',
    );
    expect(await instance(id)).toMatchObject({ type: 'm5.2xlarge', state: 'running' });
    expect((await recs()).map((r) => r.id)).toContain(big.id);

    const done = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Ec2Apply, { input: { id: big.id } })).body,
    ).applyRecommendation;
    if (done.__typename !== 'ApplyRecommendationSuccess') throw new Error(JSON.stringify(done));
    // The stop-modify-start goes on in the background: PENDING now, the outcome on the same event.
    expect(done.auditEvent).toMatchObject({
      action: 'APPLY_RECOMMENDATION',
      source: 'RECOMMENDATION',
      status: 'PENDING',
      verb: 'PATCH',
      parameters: { patch: { instanceType: 'm5.large' } },
    });
    expect(await auditOutcome(t.url, TOKENS.operator, done.auditEvent.id)).toMatchObject({
      status: 'SUCCEEDED',
      before: { instanceType: 'm5.2xlarge', awsState: 'running' },
      after: { instanceType: 'm5.large' },
    });
    const changed = await instance(id);
    expect(changed.type).toBe('m5.large');
    expect(['pending', 'running']).toContain(changed.state);
    // Resolved once the outcome is recorded (a moment after the event completes).
    await expect.poll(async () => (await recs(['APPLIED'])).map((r) => r.id)).toContain(big.id);

    const reverted = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, Ec2Revert, {
          input: { auditEventId: done.auditEvent.id },
        })
      ).body,
    ).revertAction;
    if (reverted.__typename !== 'RevertActionSuccess') throw new Error(JSON.stringify(reverted));
    expect(await auditOutcome(t.url, TOKENS.operator, reverted.auditEvent.id)).toMatchObject({
      status: 'SUCCEEDED',
    });
    const back = await instance(id);
    expect(back.type).toBe('m5.2xlarge');
    expect(['pending', 'running']).toContain(back.state);
  });

  it('an unattached volume: advised once old enough, deleted only with its name, then shown as removed', async () => {
    // Stand-in for a day passing: moto cannot backdate a volume's CreateTime.
    t.app.services.recommendations.settings.ebsMinAgeHours = 0;
    // A pass already in flight (the engine's own timer) is shared and read the old setting:
    // the second call is a fresh pass.
    await run();
    await run();
    const ebs = (await recs()).find((r) => r.type === 'EBS_UNATTACHED') as Rec;
    expect(ebs).toMatchObject({
      targetName: 'scratch',
      risk: 'HIGH',
      source: 'ANALYZER',
      sourceName: 'ebs-unattached',
    });
    expect(ebs.estimatedMonthlySavings).toBeCloseTo(20 * 0.08, 5); // 20 GiB gp3
    expect(ebs.action).toMatchObject({ verb: 'delete', manualOnly: true });

    for (const confirm of [undefined, 'wrong-name']) {
      const refused = expectNoErrors(
        (
          await gql(t.url, TOKENS.admin, Ec2Apply, {
            input: { id: ebs.id, ...(confirm ? { confirm } : {}) },
          })
        ).body,
      ).applyRecommendation;
      expect(refused).toMatchObject({ __typename: 'ValidationError' });
    }
    const still = await client.ec2.send(new DescribeVolumesCommand({ VolumeIds: [volume] }));
    expect(still.Volumes?.[0]?.State).toBe('available');

    const done = expectNoErrors(
      (await gql(t.url, TOKENS.admin, Ec2Apply, { input: { id: ebs.id, confirm: 'scratch' } }))
        .body,
    ).applyRecommendation;
    expect(done).toMatchObject({
      __typename: 'ApplyRecommendationSuccess',
      auditEvent: { action: 'APPLY_RECOMMENDATION', verb: 'DELETE', status: 'SUCCEEDED' },
    });
    const after = await client.ec2
      .send(new DescribeVolumesCommand({ VolumeIds: [volume] }))
      .then((r) => r.Volumes ?? [])
      .catch(() => []);
    expect(after).toEqual([]);

    // The target is gone: the applied advice still answers, with a RemovedResource.
    const aws = t.app.services.providers.providers.find((p) => p instanceof AwsProvider);
    await aws?.pollNow();
    const applied = (await recs(['APPLIED'])).find((r) => r.id === ebs.id) as Rec;
    expect(applied.target).toEqual({
      __typename: 'RemovedResource',
      name: 'scratch',
      kind: 'EBS_VOLUME',
      state: 'UNKNOWN',
      actions: [],
    });
  });

  it('forecasts CPU of running instances from CloudWatch history, also in the overview', async () => {
    const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Ec2Predictions)).body);
    const byName = new Map(data.resources.edges.map((e) => [e.node.name, e.node.predictions]));
    const big = byName.get('big-box');
    expect(big).toMatchObject({ method: 'holt-linear', horizonHours: 6, memory: null });
    expect(big?.cpu?.unit).toBe('cores');
    // 24 h at 15 minutes of CPU 8 % × (1 + 0.2 sin(t / 1 h)) of 8 vCPUs.
    const truth = (iso: string) => 0.64 * (1 + 0.2 * Math.sin(Date.parse(iso) / 3_600_000));
    expect(big?.cpu?.samples).toBeGreaterThanOrEqual(90);
    expect(big?.cpu?.points).toHaveLength(24);
    // A 15-minute average starts at its timestamp: compare with the truth mid-period.
    const mid = (iso: string) => new Date(Date.parse(iso) + 450_000).toISOString();
    expect(
      Math.abs((big?.cpu?.last ?? 0) - truth(mid(big?.cpu?.lastAt ?? ''))) / 0.64,
    ).toBeLessThan(0.05);
    const first = big?.cpu?.points[0];
    expect(Math.abs((first?.value ?? 0) - truth(mid(first?.timestamp ?? ''))) / 0.64).toBeLessThan(
      0.1,
    );
    for (const p of big?.cpu?.points ?? []) {
      expect(p.value).toBeLessThan(2 * 0.77); // extrapolation stays within reason
      expect(p.lower).toBeLessThanOrEqual(p.value);
      expect(p.upper).toBeGreaterThanOrEqual(p.value);
    }
    // Stopped instances have no forecast.
    expect(byName.get('reports')).toBeNull(); // seeded stopped
    expect(data.overview.predictions.map((p) => p.target?.name)).toContain('big-box');
    const open = present(data.overview.recommendations);
    expect(open.count).toBeGreaterThan(0);
    expect(open.top.map((r) => r.type)).toContain('EC2_DOWNSIZE');
  });
});
