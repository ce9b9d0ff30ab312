import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  CreateLaunchConfigurationCommand,
} from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  CreateVolumeCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { createLogger } from '../../src/logger.ts';
import { AwsProvider, type AwsProviderOptions } from '../../src/providers/aws/provider.ts';
import { startTestApp, type TestApp } from './app.ts';

export interface Moto {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  /** Environment for the orchestrator (and the SDK's credential chain) pointing at it. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(
  endpoint: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`moto_server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within 60 s:\n${output()}`);
}

/**
 * A private moto_server for one test file, so tests neither depend on nor disturb the shared
 * lab's emulator (whose state other engineers' tests and demos rely on).
 */
export async function startMoto(
  options: {
    requireAuth?: boolean;
    /** With requireAuth: this many first requests go unchecked (to create IAM users). */
    unauthenticatedRequests?: number;
  } = {},
): Promise<Moto> {
  const port = await freePort();
  const free = String(options.unauthenticatedRequests ?? 0);
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // With auth on, moto checks every request's access key against its IAM users and their
    // policies, so made-up credentials and denied actions fail the way they do on AWS.
    env: options.requireAuth ? { ...process.env, INITIAL_NO_AUTH_ACTION_COUNT: free } : process.env,
  });
  let text = '';
  const keep = (chunk: Buffer) => {
    // Only the tail matters for a startup failure; moto logs every request.
    text = (text + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(endpoint, child, () => text);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    endpoint,
    env: {
      AWS_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export interface Seeded {
  ami: string;
  /** Instance ids by role. */
  web: string[];
  batch: string;
  stoppedOne: string;
  looseVolume: string;
  db: string;
  group: string;
}

/** SDK clients for direct reads and seeding, independent of the code under test. */
export function sdk(endpoint: string, region = 'us-east-1') {
  const config = { region, endpoint, credentials: MOTO_CREDENTIALS };
  return {
    ec2: new EC2Client(config),
    rds: new RDSClient(config),
    autoscaling: new AutoScalingClient(config),
    cloudwatch: new CloudWatchClient(config),
  };
}

const tags = (t: Record<string, string>) =>
  Object.entries(t).map(([Key, Value]) => ({ Key, Value }));

/**
 * A small estate: two tagged web instances, an untagged batch instance, a stopped one, an
 * unattached volume, `dbCount` RDS instances (the first tagged) and an Auto Scaling group.
 */
export async function seedEstate(
  endpoint: string,
  region = 'us-east-1',
  dbCount = 1,
): Promise<Seeded> {
  const c = sdk(endpoint, region);
  const images = await c.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
  const ami = images.Images?.[0]?.ImageId;
  if (!ami) throw new Error('moto lists no AMI');
  const run = async (type: string, t: Record<string, string>, count = 1) => {
    const res = await c.ec2.send(
      new RunInstancesCommand({
        ImageId: ami,
        MinCount: count,
        MaxCount: count,
        InstanceType: type as _InstanceType,
        Placement: { AvailabilityZone: `${region}a` },
        ...(Object.keys(t).length
          ? { TagSpecifications: [{ ResourceType: 'instance', Tags: tags(t) }] }
          : {}),
      }),
    );
    return (res.Instances ?? []).map((i) => i.InstanceId ?? '');
  };
  const web = await run('t3.micro', { Name: 'web', env: 'prod', team: 'shop' }, 2);
  const [batch = ''] = await run('m5.large', {});
  const [stoppedOne = ''] = await run('c5.xlarge', { Name: 'reports', env: 'dev' });
  await c.ec2.send(new StopInstancesCommand({ InstanceIds: [stoppedOne] }));
  const vol = await c.ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${region}a`,
      Size: 20,
      VolumeType: 'gp3',
      TagSpecifications: [{ ResourceType: 'volume', Tags: tags({ Name: 'scratch' }) }],
    }),
  );
  for (let i = 0; i < dbCount; i++) {
    await c.rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: i === 0 ? 'orders' : `db-${i}`,
        DBInstanceClass: 'db.t3.micro',
        Engine: 'postgres',
        MasterUsername: 'admin1',
        MasterUserPassword: 'password-123',
        AllocatedStorage: 20,
        ...(i === 0 ? { Tags: tags({ Name: 'orders-db', env: 'prod' }) } : {}),
      }),
    );
  }
  await c.autoscaling.send(
    new CreateLaunchConfigurationCommand({
      LaunchConfigurationName: 'workers-lc',
      ImageId: ami,
      InstanceType: 't3.small',
    }),
  );
  await c.autoscaling.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: 'workers',
      LaunchConfigurationName: 'workers-lc',
      MinSize: 1,
      MaxSize: 4,
      DesiredCapacity: 2,
      AvailabilityZones: [`${region}a`],
      Tags: [{ Key: 'team', Value: 'batch', PropagateAtLaunch: true }],
    }),
  );
  for (const client of Object.values(c)) client.destroy();
  return {
    ami,
    web,
    batch,
    stoppedOne,
    looseVolume: vol.VolumeId ?? '',
    db: 'orders',
    group: 'workers',
  };
}

/** An AwsProvider on moto, polling hourly so that each test decides when a poll happens. */
export async function motoProvider(
  moto: Moto,
  regions: string[],
  extra: Partial<AwsProviderOptions> = {},
): Promise<AwsProvider> {
  const provider = new AwsProvider({
    endpoint: moto.endpoint,
    regions,
    pollIntervalSeconds: 3600,
    log: createLogger('silent'),
    regionTargets: Object.fromEntries(regions.map((r) => [r, { credentials: MOTO_CREDENTIALS }])),
    ...extra,
  });
  await provider.start();
  return provider;
}

/** The real app with AWS configured by `env`, returned once its AWS provider has polled. */
export async function startAwsTestApp(env: Record<string, string>): Promise<TestApp> {
  // The app's provider takes the SDK's standard credential chain: here, the environment.
  process.env.AWS_ACCESS_KEY_ID = MOTO_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = MOTO_CREDENTIALS.secretAccessKey;
  const t = await startTestApp({ AWS_POLL_INTERVAL_SECONDS: '3600', ...env });
  const aws = t.app.services.providers.enabled.find((p) => p.name === 'AWS');
  const deadline = Date.now() + 60_000;
  while (aws?.notReadyReason() !== null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return t;
}
