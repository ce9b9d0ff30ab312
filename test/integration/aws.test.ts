import { paginateDescribeAutoScalingGroups } from '@aws-sdk/client-auto-scaling';
import {
  paginateDescribeInstances,
  paginateDescribeVolumes,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { paginateDescribeDBInstances } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsProvider } from '../../src/providers/aws/provider.ts';
import type { ResourceEvent } from '../../src/providers/provider.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS, type TestApp } from '../support/app.ts';
import {
  motoProvider,
  sdk,
  seedEstate,
  startAwsTestApp,
  startMoto,
  type Moto,
  type Seeded,
} from '../support/moto.ts';

const REGION = 'us-east-1';
const DB_COUNT = 23; // more than one page of 20, so the RDS paginator must follow NextToken

let moto: Moto;
let seeded: Seeded;
let provider: AwsProvider;
let client: ReturnType<typeof sdk>;

beforeAll(async () => {
  moto = await startMoto();
  seeded = await seedEstate(moto.endpoint, REGION, DB_COUNT);
  client = sdk(moto.endpoint, REGION);
  provider = await motoProvider(moto, [REGION], {
    pageSizes: { ec2: 5, volumes: 5, rds: 20, autoscaling: 1 },
  });
});

afterAll(async () => {
  await provider?.stop();
  for (const c of Object.values(client ?? {})) c.destroy();
  await moto?.stop();
});

async function sdkInventory() {
  const instances = new Map<string, { state: string; type: string }>();
  for await (const p of paginateDescribeInstances({ client: client.ec2 }, {}))
    for (const r of p.Reservations ?? [])
      for (const i of r.Instances ?? [])
        instances.set(i.InstanceId ?? '', {
          state: i.State?.Name ?? '',
          type: i.InstanceType ?? '',
        });
  const volumes: string[] = [];
  for await (const p of paginateDescribeVolumes({ client: client.ec2 }, {}))
    volumes.push(...(p.Volumes ?? []).map((v) => v.VolumeId ?? ''));
  const dbs: string[] = [];
  for await (const p of paginateDescribeDBInstances({ client: client.rds }, {}))
    dbs.push(...(p.DBInstances ?? []).map((d) => d.DBInstanceIdentifier ?? ''));
  const groups: string[] = [];
  for await (const p of paginateDescribeAutoScalingGroups({ client: client.autoscaling }, {}))
    groups.push(...(p.AutoScalingGroups ?? []).map((g) => g.AutoScalingGroupName ?? ''));
  return { instances, volumes, dbs, groups };
}

const nativeIds = (kind: Parameters<AwsProvider['list']>[0]['kinds']) =>
  provider
    .list({ kinds: kind })
    .map((r) => r.id.split(':').slice(3).join(':'))
    .sort();

describe('AWS inventory', () => {
  it('matches what the SDK lists directly, page by page', async () => {
    const direct = await sdkInventory();
    expect(nativeIds(['EC2_INSTANCE'])).toEqual([...direct.instances.keys()].sort());
    expect(nativeIds(['EBS_VOLUME'])).toEqual(direct.volumes.sort());
    expect(nativeIds(['RDS_INSTANCE'])).toEqual(direct.dbs.sort());
    expect(nativeIds(['RDS_INSTANCE'])).toHaveLength(DB_COUNT);
    expect(nativeIds(['AUTO_SCALING_GROUP'])).toEqual(direct.groups.sort());
    // 2 web + batch + reports + the group's 2
    expect(direct.instances.size).toBe(6);
    for (const [id, { state, type }] of direct.instances) {
      const r = provider.get(`aws:${REGION}:EC2_INSTANCE:${id}`);
      expect(r?.object).toMatchObject({ State: { Name: state }, InstanceType: type });
    }
    expect(await provider.health()).toMatchObject({ state: 'UP' });
    expect(provider.failures()).toEqual([]);
    expect(provider.notReadyReason()).toBeNull();
  });

  it('maps names, tags, states and regions the way the contract says', () => {
    const web = provider.get(`aws:${REGION}:EC2_INSTANCE:${seeded.web[0]}`);
    expect(web).toMatchObject({
      provider: 'AWS',
      kind: 'EC2_INSTANCE',
      cluster: REGION,
      namespace: null,
      name: 'web',
      state: 'RUNNING',
      labels: { Name: 'web', env: 'prod', team: 'shop' },
    });
    expect(web?.createdAt).toBeInstanceOf(Date);
    // Untagged: the name falls back to the instance id.
    expect(provider.get(`aws:${REGION}:EC2_INSTANCE:${seeded.batch}`)?.name).toBe(seeded.batch);
    expect(provider.get(`aws:${REGION}:EC2_INSTANCE:${seeded.stoppedOne}`)?.state).toBe('STOPPED');
    const volume = provider.get(`aws:${REGION}:EBS_VOLUME:${seeded.looseVolume}`);
    expect(volume).toMatchObject({
      name: 'scratch',
      state: 'RUNNING',
      object: { State: 'available' },
    });
    expect(provider.get(`aws:${REGION}:RDS_INSTANCE:orders`)).toMatchObject({
      name: 'orders-db',
      state: 'RUNNING',
      labels: { env: 'prod' },
    });
    const group = provider.get(`aws:${REGION}:AUTO_SCALING_GROUP:workers`);
    expect(group).toMatchObject({
      name: 'workers',
      object: { DesiredCapacity: 2, MinSize: 1, MaxSize: 4 },
    });
    expect((group?.object as { Instances: unknown[] }).Instances).toHaveLength(2);
  });

  it('filters by kind, region, state and tag', () => {
    const prod = provider.list({ labelSelector: 'env=prod' }).map((r) => r.kind);
    expect(prod.sort()).toEqual(['EC2_INSTANCE', 'EC2_INSTANCE', 'RDS_INSTANCE']);
    expect(provider.list({ states: ['STOPPED'] }).map((r) => r.name)).toEqual(['reports']);
    expect(provider.list({ clusters: ['eu-west-1'] })).toEqual([]);
    expect(
      provider.list({ kinds: ['AUTO_SCALING_GROUP'], labelSelector: 'team=batch' }),
    ).toHaveLength(1);
  });

  it('publishes ADDED / MODIFIED as a poll sees changes, and nothing when nothing changed', async () => {
    const events: ResourceEvent[] = [];
    const off = provider.onEvent((e) => events.push(e));
    try {
      await provider.pollNow();
      expect(events.map((e) => `${e.type} ${e.resource.id}`)).toEqual([]);

      const run = await client.ec2.send(
        new RunInstancesCommand({
          ImageId: seeded.ami,
          MinCount: 1,
          MaxCount: 1,
          InstanceType: 't3.nano',
        }),
      );
      const id = run.Instances?.[0]?.InstanceId ?? '';
      await provider.pollNow();
      const added = events.filter((e) => e.resource.id === `aws:${REGION}:EC2_INSTANCE:${id}`);
      expect(added.map((e) => e.type)).toContain('ADDED');

      events.length = 0;
      await client.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
      await provider.pollNow();
      const mine = events.filter((e) => e.resource.id === `aws:${REGION}:EC2_INSTANCE:${id}`);
      expect(mine.map((e) => [e.type, e.resource.state])).toContainEqual([
        'MODIFIED',
        'TERMINATING',
      ]);
    } finally {
      off();
    }
  });
});

const AwsResources = graphql(`
  query AwsResources($filter: ResourceFilter) {
    resources(filter: $filter, first: 100) {
      totalCount
      failures {
        provider
        cluster
        message
      }
      edges {
        node {
          id
          __typename
          provider
          kind
          cluster
          name
          state
          actions
          labels {
            key
            value
          }
          ... on Ec2Instance {
            instanceId
            instanceType
            availabilityZone
            privateIpAddress
            launchTime
            volumeIds
            volumes {
              volumeId
              attached
            }
            hourlyPrice
            monthlyCost
          }
          ... on EbsVolume {
            volumeId
            attached
            sizeGiB
          }
          ... on RdsInstance {
            dbInstanceIdentifier
            engine
            hourlyPrice
            monthlyCost
          }
          ... on AutoScalingGroup {
            desiredCapacity
            minSize
            maxSize
            instances {
              instanceId
              instance {
                name
              }
            }
          }
        }
      }
    }
  }
`);

const AwsNode = graphql(`
  query AwsNode($id: ID!) {
    node(id: $id) {
      id
      __typename
      ... on Resource {
        name
        kind
      }
    }
  }
`);

const AwsStatus = graphql(`
  query AwsStatus {
    status {
      name
      state
      message
    }
  }
`);

describe('AWS in the graph', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAwsTestApp({ ...moto.env, AWS_REGION: REGION });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists EC2 instances by tag with prices, volumes and viewer-specific actions', async () => {
    const filter = {
      providers: ['AWS' as const],
      kinds: ['EC2_INSTANCE' as const],
      labelSelector: 'env=prod',
    };
    const op = expectNoErrors((await gql(t.url, TOKENS.operator, AwsResources, { filter })).body);
    expect(op.resources.totalCount).toBe(2);
    expect(op.resources.failures).toEqual([]);
    for (const { node } of op.resources.edges) {
      expect(node).toMatchObject({
        __typename: 'Ec2Instance',
        provider: 'AWS',
        cluster: REGION,
        name: 'web',
        state: 'RUNNING',
        instanceType: 't3.micro',
        availabilityZone: `${REGION}a`,
        hourlyPrice: 0.0104,
        monthlyCost: 7.59,
      });
      if (node.__typename !== 'Ec2Instance') throw new Error('not an instance');
      expect(node.labels).toContainEqual({ key: 'team', value: 'shop' });
      expect(node.privateIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(node.volumeIds.length).toBeGreaterThan(0);
      expect(node.volumes.map((v) => v.volumeId)).toEqual(node.volumeIds);
      expect(node.volumes.every((v) => v.attached)).toBe(true);
      expect(node.actions.sort()).toEqual(['PATCH', 'REBOOT', 'START', 'STOP']);
    }
    const admin = expectNoErrors((await gql(t.url, TOKENS.admin, AwsResources, { filter })).body);
    expect(admin.resources.edges[0]?.node.actions).toContain('DELETE');
    const viewer = expectNoErrors((await gql(t.url, TOKENS.viewer, AwsResources, { filter })).body);
    expect(viewer.resources.edges[0]?.node.actions).toEqual([]);
  });

  it('serves every AWS kind, with unknown prices as null, and node(id) for each', async () => {
    const data = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, AwsResources, { filter: { providers: ['AWS'] } })).body,
    );
    const byType = new Map<string, (typeof data.resources.edges)[number]['node'][]>();
    for (const { node } of data.resources.edges)
      byType.set(node.__typename, [...(byType.get(node.__typename) ?? []), node]);
    expect([...byType.keys()].sort()).toEqual([
      'AutoScalingGroup',
      'EbsVolume',
      'Ec2Instance',
      'RdsInstance',
    ]);
    const orders = byType.get('RdsInstance')?.find((n) => n.name === 'orders-db');
    expect(orders).toMatchObject({ engine: 'postgres', hourlyPrice: 0.018, monthlyCost: 13.14 });
    const group = byType.get('AutoScalingGroup')?.[0];
    expect(group).toMatchObject({ desiredCapacity: 2, minSize: 1, maxSize: 4 });
    if (group?.__typename === 'AutoScalingGroup') {
      expect(group.instances).toHaveLength(2);
      expect(group.instances.every((i) => i.instance?.name === i.instanceId)).toBe(true);
    }
    const loose = byType.get('EbsVolume')?.find((n) => n.name === 'scratch');
    expect(loose).toMatchObject({ attached: false, sizeGiB: 20 });

    for (const nodes of byType.values()) {
      const first = nodes[0];
      if (!first) continue;
      const res = expectNoErrors((await gql(t.url, TOKENS.viewer, AwsNode, { id: first.id })).body);
      expect(res.node).toMatchObject({
        id: first.id,
        __typename: first.__typename,
        name: first.name,
      });
    }
  });

  it('reports the aws component UP in status', async () => {
    const data = expectNoErrors((await gql(t.url, TOKENS.viewer, AwsStatus)).body);
    expect(data.status.find((c) => c.name === 'aws')).toMatchObject({ state: 'UP' });
  });
});
