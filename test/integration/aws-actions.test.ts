import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { DescribeDBInstancesCommand, DescribeDBSnapshotsCommand } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ProviderError,
  ValidationError,
} from '../../src/errors.ts';
import type { AwsProvider } from '../../src/providers/aws/provider.ts';
import type {
  ActionOutcome,
  ActionRequest,
  ActionVerb,
  Resource,
  ResourceEvent,
} from '../../src/providers/provider.ts';
import {
  MOTO_CREDENTIALS,
  motoProvider,
  sdk,
  seedEstate,
  startMoto,
  type Moto,
  type Seeded,
} from '../support/moto.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';

const REGION = 'us-east-1';

let moto: Moto;
let seeded: Seeded;
let provider: AwsProvider;
let client: ReturnType<typeof sdk>;
const events: ResourceEvent[] = [];

beforeAll(async () => {
  moto = await startMoto();
  seeded = await seedEstate(moto.endpoint, REGION);
  client = sdk(moto.endpoint, REGION);
  // Polling hourly: every prompt update these tests see comes from the refresh after an action.
  provider = await motoProvider(moto, [REGION]);
  provider.onEvent((e) => events.push(e));
});

afterAll(async () => {
  await provider?.stop();
  for (const c of Object.values(client ?? {})) c.destroy();
  await moto?.stop();
});

const id = (kind: string, native: string) => `aws:${REGION}:${kind}:${native}`;

function target(kind: string, native: string): Resource {
  const r = provider.get(id(kind, native));
  if (!r) throw new Error(`${kind} ${native} not in the cache`);
  return r;
}

/**
 * Executes an action and, when it goes on in the background (a running instance's type
 * change), its `finish` too, as the action pipeline would: the action's last outcome.
 */
async function completed(p: AwsProvider, req: ActionRequest): Promise<ActionOutcome> {
  const first = await p.execute(req);
  return first.finish ? first.finish(new AbortController().signal) : first;
}

function run(verb: ActionVerb, r: Resource, params: Record<string, unknown> = {}, dryRun = false) {
  return completed(provider, { verb, target: r, params, dryRun });
}

/** The instance as EC2 describes it now (through `ec2`, this file's moto by default). */
async function describeInstance(instanceId: string, ec2: EC2Client = client.ec2) {
  const res = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  return res.Reservations?.[0]?.Instances?.[0];
}

const ec2State = async (instanceId: string) => (await describeInstance(instanceId))?.State?.Name;
const ec2Type = async (instanceId: string) => (await describeInstance(instanceId))?.InstanceType;

async function rdsStatus(db: string): Promise<string | undefined> {
  const res = await client.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: db }));
  return res.DBInstances?.[0]?.DBInstanceStatus;
}

async function desired(group: string): Promise<number | undefined> {
  const res = await client.autoscaling.send(
    new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [group] }),
  );
  return res.AutoScalingGroups?.[0]?.DesiredCapacity;
}

async function rejects<E extends Error>(
  p: Promise<unknown>,
  type: new (...a: never[]) => E,
): Promise<E> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(type);
  return err as E;
}

/**
 * t3.micro -> t3.small on a moto that enforces IAM, as an identity allowed everything but
 * `denied`: the error the change ends with, and the instance as AWS shows it afterwards.
 */
async function resizeDenied<E extends Error>(denied: string, type: new (...a: never[]) => E) {
  // The first 3 requests (creating that identity) go unchecked.
  const strict = await startMoto({ requireAuth: true, unauthenticatedRequests: 3 });
  const iam = new IAMClient({
    region: REGION,
    endpoint: strict.endpoint,
    credentials: MOTO_CREDENTIALS,
  });
  let resizer: AwsProvider | undefined;
  let ec2: EC2Client | undefined;
  try {
    await iam.send(new CreateUserCommand({ UserName: 'resizer' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'resizer' }))).AccessKey;
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'resizer',
        PolicyName: 'all-but-one',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: '*', Resource: '*' },
            { Effect: 'Deny', Action: denied, Resource: '*' },
          ],
        }),
      }),
    );
    const credentials = {
      accessKeyId: key?.AccessKeyId ?? '',
      secretAccessKey: key?.SecretAccessKey ?? '',
    };
    ec2 = new EC2Client({ region: REGION, endpoint: strict.endpoint, credentials });
    const ami = (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images?.[0];
    const launched = await ec2.send(
      new RunInstancesCommand({
        ImageId: ami?.ImageId,
        MinCount: 1,
        MaxCount: 1,
        InstanceType: 't3.micro',
      }),
    );
    const instanceId = launched.Instances?.[0]?.InstanceId ?? '';
    resizer = await motoProvider(strict, [REGION], {
      regionTargets: { [REGION]: { credentials } },
    });
    const box = resizer.get(id('EC2_INSTANCE', instanceId));
    if (!box) throw new Error('instance not in the strict provider');
    const err = await rejects(
      completed(resizer, {
        verb: 'patch',
        target: box,
        params: { patch: { instanceType: 't3.small' } },
        dryRun: false,
      }),
      type,
    );
    return { err, instance: await describeInstance(instanceId, ec2) };
  } finally {
    await resizer?.stop();
    ec2?.destroy();
    iam.destroy();
    await strict.stop();
  }
}

describe('EC2 actions', () => {
  it('stop: dryRun changes nothing, the real stop shows at once, a second stop names the state', async () => {
    const web = target('EC2_INSTANCE', seeded.web[0] ?? '');
    events.length = 0;
    const preview = await run('stop', web, {}, true);
    expect(preview.message).toBe('would stop web');
    expect(preview.before).toMatchObject({ state: 'RUNNING', awsState: 'running' });
    expect(await ec2State(seeded.web[0] ?? '')).toBe('running');
    expect(events.filter((e) => e.resource.id === web.id && e.type === 'MODIFIED')).toEqual([]);

    const done = await run('stop', web);
    expect(done).toMatchObject({ before: { state: 'RUNNING' }, after: { state: 'STOPPED' } });
    expect(['stopping', 'stopped']).toContain(await ec2State(seeded.web[0] ?? ''));
    // No poll ran (interval 1 h): the refresh after the action published the change.
    expect(provider.get(web.id)?.state).toBe('STOPPED');
    expect(events.some((e) => e.resource.id === web.id && e.resource.state === 'STOPPED')).toBe(
      true,
    );

    const err = await rejects(run('stop', web), ValidationError);
    expect(err.message).toMatch(/it is (stopping|stopped)/);
    expect(provider.revertPlan('stop', done.before, done.after)).toEqual({
      verb: 'start',
      params: {},
      precondition: { state: 'STOPPED' },
    });
  });

  it('start: dryRun changes nothing, then starts; starting a running instance is refused', async () => {
    const web = target('EC2_INSTANCE', seeded.web[0] ?? '');
    await rejects(run('start', target('EC2_INSTANCE', seeded.web[1] ?? '')), ValidationError);
    expect((await run('start', web, {}, true)).message).toBe('would start web');
    expect(await ec2State(seeded.web[0] ?? '')).toBe('stopped');
    const done = await run('start', web);
    expect(['pending', 'running']).toContain(await ec2State(seeded.web[0] ?? ''));
    expect(['PENDING', 'RUNNING']).toContain(provider.get(web.id)?.state);
    expect(provider.revertPlan('start', done.before, done.after)?.verb).toBe('stop');
  });

  it('reboot: dryRun, real, and refused on a stopped instance', async () => {
    const other = target('EC2_INSTANCE', seeded.web[1] ?? '');
    expect((await run('reboot', other, {}, true)).message).toBe('would reboot web');
    expect((await run('reboot', other)).message).toBe('rebooted web');
    expect(await ec2State(seeded.web[1] ?? '')).toBe('running');
    const stopped = target('EC2_INSTANCE', seeded.stoppedOne);
    const err = await rejects(run('reboot', stopped), ValidationError);
    expect(err.message).toContain('it is stopped');
    expect(provider.revertPlan('reboot', {}, {})).toBeNull();
  });

  it('changes the instance type: a stopped one stays stopped, a running one is stopped, changed and started', async () => {
    const reports = target('EC2_INSTANCE', seeded.stoppedOne);
    const preview = await run('patch', reports, { patch: { instanceType: 'c5.large' } }, true);
    expect(preview.message).toBe(
      'would change reports from c5.xlarge to c5.large (modify; it stays stopped)',
    );
    expect(await ec2Type(seeded.stoppedOne)).toBe('c5.xlarge');
    const resized = await run('patch', reports, { patch: { instanceType: 'c5.large' } });
    expect(resized).toMatchObject({
      before: { instanceType: 'c5.xlarge', awsState: 'stopped' },
      after: { instanceType: 'c5.large', awsState: 'stopped' },
    });
    expect(await ec2Type(seeded.stoppedOne)).toBe('c5.large');
    expect(await ec2State(seeded.stoppedOne)).toBe('stopped');
    expect(provider.get(reports.id)?.object).toMatchObject({ InstanceType: 'c5.large' });
    const undo = provider.revertPlan('patch', resized.before, resized.after);
    expect(undo).toEqual({
      verb: 'patch',
      params: { patch: { instanceType: 'c5.xlarge' } },
      precondition: { instanceType: 'c5.large' },
    });
    await provider.execute({
      ...undo!,
      target: target('EC2_INSTANCE', seeded.stoppedOne),
      dryRun: false,
    });
    expect(await ec2Type(seeded.stoppedOne)).toBe('c5.xlarge');

    const web = target('EC2_INSTANCE', seeded.web[1] ?? '');
    const up = await run('patch', web, { patch: { instanceType: 't3.small' } });
    expect(up.message).toBe('changed web from t3.micro to t3.small (stopped, modified, started)');
    expect(up.before).toMatchObject({ awsState: 'running', instanceType: 't3.micro' });
    expect(await ec2Type(seeded.web[1] ?? '')).toBe('t3.small');
    expect(['pending', 'running']).toContain(await ec2State(seeded.web[1] ?? ''));
  });

  it('refuses bad instance-type changes and changes nothing', async () => {
    const reports = target('EC2_INSTANCE', seeded.stoppedOne);
    for (const patch of [
      { instanceType: 'huge' },
      { instanceType: 42 },
      { instanceType: 'c5.large', ebsOptimized: true },
      { instanceType: 'c5.xlarge' },
      {},
    ]) {
      const err = await rejects(run('patch', reports, { patch }), ValidationError);
      expect(err.fields[0]?.path).toBe('patch.instanceType');
    }
    const stale = provider.execute({
      verb: 'patch',
      target: reports,
      params: { patch: { instanceType: 'c5.large' } },
      dryRun: false,
      precondition: { instanceType: 'c5.2xlarge' },
    });
    await rejects(stale, ConflictError);
    expect(await ec2Type(seeded.stoppedOne)).toBe('c5.xlarge');
    expect(await ec2State(seeded.stoppedOne)).toBe('stopped');
  });

  it('puts an instance back on its type and starts it when AWS refuses the change after the stop', async () => {
    const { err, instance } = await resizeDenied('ec2:ModifyInstanceAttribute', ForbiddenError);
    expect(err.message).toMatch(/AccessDenied|ModifyInstanceAttribute/);
    expect(err.message).toMatch(/\(i-\w+ is still t3\.micro and starting again\)$/);
    expect(instance?.InstanceType).toBe('t3.micro');
    expect(['pending', 'running']).toContain(instance?.State?.Name);
  });

  it('starts an instance again on its own type when the wait for its stop fails', async () => {
    const ami = (await client.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] })))
      .Images?.[0]?.ImageId;
    const launched = await client.ec2.send(
      new RunInstancesCommand({ ImageId: ami, MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }),
    );
    const instanceId = launched.Instances?.[0]?.InstanceId ?? '';
    const proxy = await startFaultProxy(moto.endpoint);
    let resizer: AwsProvider | undefined;
    try {
      resizer = await motoProvider({ ...moto, endpoint: proxy.endpoint }, [REGION], {
        stopWaitSeconds: 3,
      });
      const box = resizer.get(id('EC2_INSTANCE', instanceId));
      if (!box) throw new Error('instance not in the proxied provider');
      // Once the stop is sent, every describe fails: the waiter never sees `stopped`.
      let stopped = false;
      proxy.fail = (body) => {
        if (body.includes('Action=StopInstances')) stopped = true;
        return stopped && body.includes('Action=DescribeInstances');
      };
      const err = await rejects(
        completed(resizer, {
          verb: 'patch',
          target: box,
          params: { patch: { instanceType: 't3.small' } },
          dryRun: false,
        }),
        ProviderError,
      );
      expect(err.message).toMatch(/waiting for the stop/);
      expect(err.message).toMatch(/\(i-\w+ is still t3\.micro and starting again\)$/);
      const instance = await describeInstance(instanceId);
      expect(instance?.InstanceType).toBe('t3.micro');
      expect(['pending', 'running']).toContain(instance?.State?.Name);
    } finally {
      await resizer?.stop();
      await proxy.close();
    }
  });

  it('changes the type back when the start on the new type fails, and says what it could not undo', async () => {
    // Start denied: the new type cannot be started, and neither can the old one afterwards.
    const { err, instance } = await resizeDenied('ec2:StartInstances', ProviderError);
    expect(err.message).toMatch(
      /; then putting i-\w+ back on t3\.micro and starting again failed: .*AccessDenied/,
    );
    expect(instance?.InstanceType).toBe('t3.micro');
    expect(instance?.State?.Name).toBe('stopped');
  });

  it('terminate: dryRun keeps the instance, the real one shows TERMINATING', async () => {
    const batch = target('EC2_INSTANCE', seeded.batch);
    expect((await run('delete', batch, {}, true)).message).toBe(`would terminate ${seeded.batch}`);
    expect(await ec2State(seeded.batch)).toBe('running');
    await run('delete', batch);
    expect(['shutting-down', 'terminated']).toContain(await ec2State(seeded.batch));
    expect(provider.get(batch.id)?.state).toBe('TERMINATING');
    await rejects(run('delete', batch), ValidationError);
    expect(provider.revertPlan('delete', {}, {})).toBeNull();
  });

  it('refuses unknown instances, unsupported verbs and stale preconditions', async () => {
    const ghost = {
      ...target('EC2_INSTANCE', seeded.stoppedOne),
      id: id('EC2_INSTANCE', 'i-0123456789abcdef0'),
    };
    await rejects(run('stop', ghost), NotFoundError);
    await rejects(
      run('scale', target('EC2_INSTANCE', seeded.stoppedOne), { replicas: 2 }),
      ValidationError,
    );
    const conflict = provider.execute({
      verb: 'start',
      target: target('EC2_INSTANCE', seeded.stoppedOne),
      params: {},
      dryRun: false,
      precondition: { state: 'RUNNING' },
    });
    await rejects(conflict, ConflictError);
    expect(await ec2State(seeded.stoppedOne)).toBe('stopped');
  });
});

describe('EBS, RDS and Auto Scaling actions', () => {
  it('deletes only unattached volumes; dryRun keeps them', async () => {
    const root = provider
      .list({ kinds: ['EBS_VOLUME'] })
      .find((v) => v.object && (v.object as { State?: string }).State === 'in-use');
    if (!root) throw new Error('no attached volume seeded');
    const err = await rejects(run('delete', root), ValidationError);
    expect(err.message).toMatch(/in-use \(attached to i-/);

    const loose = target('EBS_VOLUME', seeded.looseVolume);
    expect((await run('delete', loose, {}, true)).message).toBe('would delete scratch');
    const still = await client.ec2.send(
      new DescribeVolumesCommand({ VolumeIds: [seeded.looseVolume] }),
    );
    expect(still.Volumes).toHaveLength(1);
    events.length = 0;
    await run('delete', loose);
    expect(provider.get(loose.id)).toBeUndefined();
    expect(events.map((e) => [e.type, e.resource.id])).toContainEqual(['DELETED', loose.id]);
  });

  it('stops and starts RDS with validated previews, and names a wrong state', async () => {
    const db = target('RDS_INSTANCE', seeded.db);
    const preview = await run('stop', db, {}, true);
    expect(preview.message).toBe('would stop orders-db');
    expect(await rdsStatus(seeded.db)).toBe('available');
    await run('stop', db);
    expect(await rdsStatus(seeded.db)).toBe('stopped');
    expect(provider.get(db.id)?.state).toBe('STOPPED');
    const err = await rejects(run('stop', db), ValidationError);
    expect(err.message).toContain('it is stopped');
    expect((await run('start', db, {}, true)).message).toBe('would start orders-db');
    expect(await rdsStatus(seeded.db)).toBe('stopped');
    await run('start', db);
    expect(await rdsStatus(seeded.db)).toBe('available');
  });

  it('deletes an RDS instance with a final snapshot; dryRun keeps it', async () => {
    const db = target('RDS_INSTANCE', seeded.db);
    const preview = await run('delete', db, {}, true);
    expect(preview.message).toMatch(/^would delete orders-db \(final snapshot orders-final-\d+\)$/);
    expect(await rdsStatus(seeded.db)).toBe('available');
    const done = await run('delete', db);
    const snapshot = String(done.after.finalSnapshot);
    const snaps = await client.rds.send(
      new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: snapshot }),
    );
    expect(snaps.DBSnapshots?.[0]?.DBInstanceIdentifier).toBe(seeded.db);
    await rejects(run('stop', db), NotFoundError);
  });

  it('sets an Auto Scaling group desired capacity within min and max, with a revert plan', async () => {
    const group = target('AUTO_SCALING_GROUP', seeded.group);
    expect((await run('scale', group, { replicas: 3 }, true)).message).toBe(
      'would scale workers from 2 to 3',
    );
    expect(await desired(seeded.group)).toBe(2);

    const over = await rejects(run('scale', group, { replicas: 5 }), ValidationError);
    expect(over.message).toContain('between min 1 and max 4');
    await rejects(run('scale', group, { replicas: 0 }), ValidationError);
    await rejects(run('scale', group, { replicas: -1 }), ValidationError);
    await rejects(run('scale', group, { replicas: 'three' }), ValidationError);
    expect(await desired(seeded.group)).toBe(2);

    const done = await run('scale', group, { replicas: 3 });
    expect(done).toMatchObject({ before: { desiredCapacity: 2 }, after: { desiredCapacity: 3 } });
    expect(await desired(seeded.group)).toBe(3);
    expect((provider.get(group.id)?.object as { DesiredCapacity?: number }).DesiredCapacity).toBe(
      3,
    );
    // The launched instance reaches the inventory as the action settles, with no poll due.
    const launched = () =>
      provider
        .list({ kinds: ['EC2_INSTANCE'], labelSelector: 'team=batch' })
        .filter((r) => r.state !== 'TERMINATING');
    const deadline = Date.now() + 10_000;
    while (launched().length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(launched()).toHaveLength(3);
    const plan = provider.revertPlan('scale', done.before, done.after);
    expect(plan).toEqual({
      verb: 'scale',
      params: { replicas: 2 },
      precondition: { desiredCapacity: 3 },
    });
    // The revert runs only while nobody else changed the group.
    await rejects(
      provider.execute({
        verb: 'scale',
        target: group,
        params: { replicas: 2 },
        dryRun: false,
        precondition: { desiredCapacity: 4 },
      }),
      ConflictError,
    );
    await provider.execute({
      verb: 'scale',
      target: group,
      params: plan?.params ?? {},
      dryRun: false,
      precondition: plan?.precondition,
    });
    expect(await desired(seeded.group)).toBe(2);
  });
});
