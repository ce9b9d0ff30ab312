// Cost allocation against the lab: the demo workloads' real pod specs (requests), usage from
// the lab's Prometheus (annotated, known), the kwok nodes' labels (m5.2xlarge, us-east-1),
// owner chains from the watch caches, and the EC2 instances in moto, priced by tag.
import { mkdtempSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instance } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostAllocator } from '../../src/cost/allocation.ts';
import { CostInventory, nodeSpecOf } from '../../src/cost/inventory.ts';
import { PriceBook } from '../../src/cost/prices.ts';
import { SpotPrices } from '../../src/cost/spot.ts';
import { totalCost } from '../../src/cost/rows.ts';
import { CostService } from '../../src/cost/service.ts';
import { createLogger } from '../../src/logger.ts';
import { aggregate, containerTargetId, N } from '../../src/metrics/aggregate.ts';
import { PrometheusClient } from '../../src/metrics/prometheus-client.ts';
import { PrometheusSource, RATE_WINDOW_SECONDS } from '../../src/metrics/prometheus.ts';
import { HOUR, rollUp, RollupStore } from '../../src/metrics/rollups.ts';
import { NAME_INDEX } from '../../src/metrics/types.ts';
import { resourceId } from '../../src/providers/kubernetes/kinds.ts';
import type { Pod } from '../../src/providers/kubernetes/types.ts';
import { AwsProvider } from '../../src/providers/aws/provider.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { eventually, kubectl, lab, scratchNamespace, waitReady } from './kubernetes-support.ts';

// m5.2xlarge ($0.384/h, 8 cores, 32 GiB) split in OpenCost's ratio, by hand.
const K = 0.384 / (8 * 0.031611 + 32 * 0.004237);
const A = 0.031611 * K;
const B = 0.004237 * K;

describe('cost allocation on the lab', () => {
  const log = createLogger('silent');
  const env = lab();
  const dataDir = mkdtempSync(join(tmpdir(), 'oi-cost-lab-'));
  let db: Database;
  let kube: KubernetesProvider;
  let aws: AwsProvider;
  let cost: CostService;
  // The snapshot is written as the rollup of the last complete hour: one hour of this usage.
  const hour = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
  const spotNode = `cost-spot-${process.pid}`;

  beforeAll(async () => {
    db = await openDatabase({ dataDir });
    await migrate(db);
    kube = await KubernetesProvider.open({ kubeconfig: env.KUBECONFIG, contexts: [] }, log);
    aws = new AwsProvider({
      endpoint: env.AWS_ENDPOINT,
      regions: [env.AWS_REGION ?? 'us-east-1'],
      pollIntervalSeconds: 3600,
      log,
    });
    await Promise.all([kube.start(), aws.start()]);
    await waitReady(kube);
    await waitReady(aws);
    const prices = new PriceBook(undefined, new SpotPrices(aws));
    const inventory = new CostInventory(db, prices);
    // A pod's rate() climbs over its first window in Prometheus (the lab just seeded them):
    // read the usage once every running demo pod is older than the window and a scrape.
    const settled = (RATE_WINDOW_SECONDS + 20) * 1000;
    const newest = Math.max(
      ...kube.store
        .list({ kinds: ['POD'], namespaces: ['lab-demo'] })
        .filter((p) => p.state === 'RUNNING')
        .map((p) => p.createdAt?.getTime() ?? 0),
    );
    await sleep(Math.max(0, newest + settled - Date.now()));
    const usage = await new PrometheusSource(
      new PrometheusClient(env.PROMETHEUS_URL ?? ''),
    ).current();
    const snapshot = await aggregate(kube, usage, hour);
    await new RollupStore(db).write(HOUR, hour, rollUp([snapshot]));
    await inventory.recordFrom(kube);
    cost = new CostService({
      allocator: new CostAllocator(db),
      inventory,
      prices,
      providers: new ProviderRegistry([kube, aws]),
      kube,
    });
  }, 330_000);

  afterAll(async () => {
    await kubectl(['delete', 'node', spotNode, '--ignore-not-found', '--wait=false']).catch(
      () => undefined,
    );
    await Promise.all([kube?.stop(), aws?.stop()]);
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const running = (ns: string, prefix: string) =>
    kube.store
      .list({ kinds: ['POD'], namespaces: [ns] })
      .filter((p) => p.name.startsWith(prefix) && p.state === 'RUNNING').length;

  it('charges the demo workloads their requests (usage is below them) at the node rates', async () => {
    const a = await cost.allocation({
      window: `${new Date(hour).toISOString()},${new Date(hour + HOUR).toISOString()}`,
      aggregate: ['namespace', 'controller'],
      filter: { namespaces: ['lab-demo'] },
    });
    const by = new Map(a.rows.map((r) => [r.name, r]));
    // checkout: 2 cores, 4 GiB per pod, using 150m and 300Mi; catalog 500m/512Mi using 400m;
    // postgres 1 core, 2 GiB using 600m and 1500Mi.
    const checkout = by.get('lab-demo/deployment:checkout');
    expect(totalCost(checkout!)).toBeCloseTo(running('lab-demo', 'checkout-') * (2 * A + 4 * B), 6);
    expect(checkout!.cpuUsageCoreHours / checkout!.cpuRequestCoreHours).toBeCloseTo(0.075, 1);
    const catalog = by.get('lab-demo/deployment:catalog');
    expect(totalCost(catalog!)).toBeCloseTo(
      running('lab-demo', 'catalog-') * (0.5 * A + 0.5 * B),
      6,
    );
    const postgres = by.get('lab-demo/statefulset:postgres');
    expect(totalCost(postgres!)).toBeCloseTo(running('lab-demo', 'postgres-') * (A + 2 * B), 6);
    // Idle is what the kwok nodes cost beyond all pods: 1 h of every priced node, less the
    // allocation (other tests' nodes on the shared lab come without an instance type).
    const nodes = kube.store
      .list({ kinds: ['NODE'] })
      .filter((n) => n.labels['node.kubernetes.io/instance-type'] === 'm5.2xlarge').length;
    const idle = a.rows.find((r) => r.idle);
    const all = await cost.allocation({
      window: `${new Date(hour).toISOString()},${new Date(hour + HOUR).toISOString()}`,
    });
    const kubeTotal = all.rows
      .filter((r) => r.provider === 'KUBERNETES')
      .reduce((s, r) => s + (totalCost(r) ?? 0), 0);
    expect(kubeTotal).toBeCloseTo(nodes * 0.384, 6);
    expect(totalCost(idle!)).toBeGreaterThan(0);
  });

  it('prices the EC2 instances in moto by their team tag, beside the pods', async () => {
    const a = await cost.allocation({
      window: `${new Date(hour).toISOString()},${new Date(hour + HOUR).toISOString()}`,
      aggregate: ['label:team'],
    });
    const ec2 = aws.list({ kinds: ['EC2_INSTANCE'] });
    await eventually(() => expect(ec2.length).toBeGreaterThan(0), 10_000);
    const expected = new Map<string, number>();
    for (const r of ec2) {
      const i = r.object as Instance;
      if (i.State?.Name !== 'running') continue;
      const price = new PriceBook().ec2(i.InstanceType, r.cluster);
      const since = Math.max(hour, i.LaunchTime?.getTime() ?? hour);
      const hours = Math.max(0, Math.min(hour + HOUR, Date.now()) - since) / HOUR;
      if (price.known && hours > 0) {
        const team = r.labels.team ?? '__unallocated__';
        expected.set(team, (expected.get(team) ?? 0) + price.hourly * hours);
      }
    }
    for (const [team, usd] of expected) {
      const row = a.rows.find((r) => r.provider === 'AWS' && r.name === team);
      expect(row?.instanceCost).toBeCloseTo(usd, 6);
    }
  });

  it('prices a spot kwok node at the spot price the lab moto reports for its zone', async () => {
    await kubectl(['apply', '-f', '-'], {
      input: `
apiVersion: v1
kind: Node
metadata:
  name: ${spotNode}
  annotations: {kwok.x-k8s.io/node: fake}
  labels:
    type: kwok
    node.kubernetes.io/instance-type: m5.2xlarge
    topology.kubernetes.io/region: us-east-1
    topology.kubernetes.io/zone: us-east-1a
    karpenter.sh/capacity-type: spot
spec:
  taints: [{key: cost-spot-test, value: "true", effect: NoSchedule}]
`,
    });
    const node = await eventually(() => {
      const n = kube.store.list({ kinds: ['NODE'] }).find((x) => x.name === spotNode);
      // kwok fills in the node's status (its allocatable capacity) a moment after it exists;
      // priced before that, it is "no allocatable CPU or memory" (CI failed on that once).
      if (!n || !nodeSpecOf(n).cpuCores)
        throw new Error('spot node not seen with its capacity yet');
      return n;
    }, 30_000);
    // The collector's record reads the spot prices of the spot nodes it sees.
    await cost.record(kube);
    const price = cost.nodePrice(node);
    expect(price, JSON.stringify(price)).toMatchObject({ known: true, hourly: 0.00001 });
    expect(price.known && price.source).toMatch(
      /AWS spot price history: m5\.2xlarge in us-east-1a/,
    );
    const rows = await db.query<{ hourly: number; price_source: string }>(
      'SELECT hourly, price_source FROM cost_nodes WHERE name = $1',
      [spotNode],
    );
    expect(Number(rows[0]?.hourly)).toBe(0.00001);
  });

  it('charges each container of a two-container lab pod its own max(request, usage)', async () => {
    // The lab splits a pod's annotated usage evenly over its containers: 500m and 256Mi each.
    // app: requests 200m / 1Gi → charged 0.5 core (usage) and 1 GiB (request);
    // side: requests 1 / 128Mi → charged 1 core (request) and 0.25 GiB (usage).
    const ns = await scratchNamespace('cost-ctr');
    try {
      await kubectl(['apply', '-f', '-'], {
        input: `apiVersion: v1
kind: Pod
metadata:
  name: duo
  namespace: ${ns.name}
  annotations: {lab.optiinfra.dev/cpu: "1", lab.optiinfra.dev/memory: 512Mi, lab.optiinfra.dev/pattern: steady}
spec:
  nodeSelector: {node.kubernetes.io/instance-type: m5.2xlarge}
  containers:
  - {name: app, image: registry.example/duo:1, resources: {requests: {cpu: 200m, memory: 1Gi}}}
  - {name: side, image: registry.example/duo:1, resources: {requests: {cpu: "1", memory: 128Mi}}}
`,
      });
      const source = new PrometheusSource(new PrometheusClient(env.PROMETHEUS_URL ?? ''));
      const usage = await eventually(
        async () => {
          const u = (await source.current()).get('', ns.name, 'duo');
          expect(u?.containers?.app?.CPU_USAGE).toBeCloseTo(0.5, 2);
          expect(u?.containers?.side?.MEMORY_USAGE).toBe(256 * 2 ** 20);
          const pod = kube.store.list({ kinds: ['POD'], namespaces: [ns.name] })[0];
          expect(pod?.state).toBe('RUNNING');
          return u;
        },
        120_000,
        2000,
      );
      expect(usage?.CPU_USAGE).toBeCloseTo(1, 2);
      // Another hour than the one beforeAll wrote: only this pod's rows matter in it.
      const at = hour - 2 * HOUR;
      const snapshot = await aggregate(kube, await source.current(), at);
      const pod = kube.store.list({ kinds: ['POD'], namespaces: [ns.name] })[0]!;
      const appRow = snapshot.index.get(containerTargetId(pod.id, 'app'))!;
      expect(snapshot.values[appRow * N + NAME_INDEX.CPU_REQUEST]).toBeCloseTo(0.2, 9);
      await new RollupStore(db).write(HOUR, at, rollUp([snapshot]));
      await cost.record(kube);
      const a = await cost.allocation({
        window: `${new Date(at).toISOString()},${new Date(at + HOUR).toISOString()}`,
        aggregate: ['pod', 'container'],
        filter: { namespaces: [ns.name] },
      });
      const node = kube.store.get(
        resourceId(pod.cluster, 'NODE', null, (pod.object as Pod).spec?.nodeName ?? ''),
      )!;
      const rates = cost.nodePrice(node);
      if (!rates.known) throw new Error(rates.reason);
      const [a1, b1] = [rates.cpuCoreHour, rates.memoryGibHour];
      const by = new Map(a.rows.map((r) => [r.name, r]));
      expect(totalCost(by.get(`${ns.name}/duo/app`)!)).toBeCloseTo(0.5 * a1 + 1 * b1, 4);
      expect(totalCost(by.get(`${ns.name}/duo/side`)!)).toBeCloseTo(1 * a1 + 0.25 * b1, 4);
      const whole = await cost.allocation({
        window: `${new Date(at).toISOString()},${new Date(at + HOUR).toISOString()}`,
        aggregate: ['pod'],
        filter: { namespaces: [ns.name] },
      });
      // The pod is its containers summed (at pod grain it would be 1.2 a + 1.125 b).
      const duo = whole.rows.find((r) => r.name === `${ns.name}/duo`);
      expect(totalCost(duo!)).toBeCloseTo(1.5 * a1 + 1.25 * b1, 4);
    } finally {
      await ns.drop();
    }
  }, 180_000);

  it('prices a lab PersistentVolume by its StorageClass’s type (gp3, us-east-1) and charges it to the pod mounting its claim', async () => {
    // 20 GiB of class "fast-…" (EBS CSI, parameters.type gp3: $0.08/GiB-month) for one hour:
    // 20 × 0.08 / 730 = $0.0021918.
    const ns = await scratchNamespace('cost-pv');
    const pvName = `${ns.name}-data`;
    const sc = `fast-${ns.name}`;
    try {
      await kubectl(['apply', '-f', '-'], {
        input: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: ${sc}}
provisioner: ebs.csi.aws.com
parameters: {type: gp3}
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${pvName}
  labels: {topology.kubernetes.io/region: us-east-1}
spec:
  capacity: {storage: 20Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ${sc}
  persistentVolumeReclaimPolicy: Retain
  hostPath: {path: /tmp/${pvName}}
  claimRef: {namespace: ${ns.name}, name: data}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
  namespace: ${ns.name}
  annotations: {pv.kubernetes.io/bind-completed: "yes"}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ${sc}
  volumeName: ${pvName}
  resources: {requests: {storage: 20Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: ${ns.name}}
spec:
  nodeSelector: {node.kubernetes.io/instance-type: m5.2xlarge}
  containers:
  - {name: db, image: registry.example/db:1, resources: {requests: {cpu: 100m, memory: 128Mi}}}
  volumes:
  - {name: data, persistentVolumeClaim: {claimName: data}}
`,
      });
      // The lab runs no PersistentVolume binder (kube-controller-manager's controllers are
      // the workload ones): the binding it would record (the claim's bind-completed
      // annotation, both phases) is written here.
      for (const [kind, name, extra] of [
        ['pv', pvName, []],
        ['pvc', 'data', ['-n', ns.name]],
      ] as const) {
        await kubectl([
          'patch',
          kind,
          name,
          ...extra,
          '--subresource=status',
          '--type=merge',
          '-p',
          '{"status":{"phase":"Bound"}}',
        ]);
      }
      const pv = await eventually(
        () => {
          const v = kube.store
            .list({ kinds: ['PERSISTENT_VOLUME'] })
            .find((x) => x.name === pvName);
          const pod = kube.store.list({ kinds: ['POD'], namespaces: [ns.name] })[0];
          expect((v?.object as { status?: { phase?: string } })?.status?.phase).toBe('Bound');
          expect(pod?.state).toBe('RUNNING');
          expect(kube.storageClass(v!.cluster, sc)?.parameters?.type).toBe('gp3');
          return v!;
        },
        120_000,
        1000,
      );
      const price = cost.volumePrice(pv);
      expect(price).toMatchObject({ known: true, gibHour: 0.08 / 730 });
      expect(price.known && price.source).toMatch(
        /EBS gp3 .*storage class fast-.*parameters\.type/,
      );
      // A third hour of its own: the pod seen all of it, the volume every minute.
      const at = hour - 3 * HOUR;
      const source = new PrometheusSource(new PrometheusClient(env.PROMETHEUS_URL ?? ''));
      await new RollupStore(db).write(
        HOUR,
        at,
        rollUp([await aggregate(kube, await source.current(), at)]),
      );
      for (let m = at; m < at + HOUR; m += 60_000) await cost.record(kube, m);
      const a = await cost.allocation({
        window: `${new Date(at).toISOString()},${new Date(at + HOUR).toISOString()}`,
        aggregate: ['namespace', 'pod'],
        filter: { namespaces: [ns.name] },
      });
      const dbRow = a.rows.find((r) => r.name === `${ns.name}/${ns.name}/db`);
      expect(dbRow!.storageCost).toBeCloseTo((20 * 0.08) / 730, 9);
      expect(a.rows.some((r) => r.unmounted)).toBe(false);
    } finally {
      await ns.drop();
      await kubectl(['delete', 'pv', pvName, '--wait=false']).catch(() => undefined);
      await kubectl(['delete', 'storageclass', sc, '--wait=false']).catch(() => undefined);
    }
  }, 180_000);
});
