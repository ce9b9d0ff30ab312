// `lab seed`: demo workloads (manifests/demo.yaml), EC2 instances and CloudWatch data in
// moto, and with --scale N, N extra pods for scale tests. Safe to run repeatedly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AwsEnv, awsQuery, describeInstances } from './aws.ts';
import { isOurs } from './procs.ts';
import { readState, type LabState } from './state.ts';
import { KUBECONFIG, LAB_SRC, LabError, log, request, run, sleep } from './util.ts';

export const SEED_TAG = 'lab.optiinfra.dev/seed';

export function requireLab(): LabState {
  const s = readState();
  if (!s?.components.length)
    throw new LabError("the lab is not running: run 'node test/lab/lab.ts up' first");
  return s;
}

export const kubectl = (s: LabState, args: string[], input?: string) =>
  run(
    join(s.binDir, 'kubectl'),
    ['--kubeconfig', KUBECONFIG, ...args],
    input === undefined ? {} : { input },
  );

interface WorkloadList {
  items: {
    kind: string;
    metadata: { name: string };
    spec: { replicas?: number };
    status: { readyReplicas?: number; numberReady?: number; desiredNumberScheduled?: number };
  }[];
}

/** Waits until every Deployment, StatefulSet and DaemonSet in the namespaces is fully ready. */
/**
 * Waits until every Deployment, StatefulSet and DaemonSet in the namespaces is fully ready.
 * On a busy or large lab (1000 nodes: a DaemonSet pod each) this can take minutes, so it
 * gives up only when readiness has made no progress for `stallMs`, or after 15 minutes.
 */
export async function waitWorkloads(
  s: LabState,
  namespaces: string[],
  stallMs = 120_000,
): Promise<void> {
  const t0 = Date.now();
  let lastProgress = t0;
  let best = -1;
  let pending: string[] = [];
  while (Date.now() - lastProgress < stallMs && Date.now() - t0 < 15 * 60_000) {
    pending = [];
    let readyTotal = 0;
    for (const ns of namespaces) {
      const list = JSON.parse(
        await kubectl(s, ['get', 'deploy,sts,ds', '-n', ns, '-o', 'json']),
      ) as WorkloadList;
      for (const w of list.items) {
        const ds = w.kind === 'DaemonSet';
        const want = ds ? (w.status.desiredNumberScheduled ?? 1) : (w.spec.replicas ?? 1);
        const ready = ds ? (w.status.numberReady ?? 0) : (w.status.readyReplicas ?? 0);
        readyTotal += ready;
        if (ready < want || want === 0) pending.push(`${ns}/${w.metadata.name} ${ready}/${want}`);
      }
    }
    if (pending.length === 0) return;
    if (readyTotal > best) {
      best = readyTotal;
      lastProgress = Date.now();
    }
    await sleep(1000);
  }
  throw new LabError(
    `workloads not ready after ${Math.round((Date.now() - t0) / 1000)}s (no progress for ${stallMs / 1000}s): ${pending.join(', ')}`,
  );
}

export async function seed(opts: { scale: number }): Promise<void> {
  const s = requireLab();
  const t0 = Date.now();
  await kubectl(s, ['apply', '-f', join(LAB_SRC, 'manifests', 'demo.yaml')]);
  await waitWorkloads(s, ['lab-demo', 'lab-staging']);
  log(
    `demo workloads ready in lab-demo and lab-staging (${Math.round((Date.now() - t0) / 1000)}s)`,
  );
  await seedAws(s.env as unknown as AwsEnv);
  if (opts.scale > 0) await seedScale(s, opts.scale);
}

const INSTANCES = [
  { name: 'web-1', type: 't3.large', env: 'prod', team: 'shop', stopped: false, cpu: 35 },
  { name: 'web-2', type: 't3.large', env: 'prod', team: 'shop', stopped: false, cpu: 30 },
  { name: 'batch-worker', type: 'm5.2xlarge', env: 'prod', team: 'data', stopped: false, cpu: 4 },
  {
    name: 'legacy-reporting',
    type: 'm5.xlarge',
    env: 'prod',
    team: 'finance',
    stopped: true,
    cpu: 0,
  },
  { name: 'dev-sandbox', type: 't3.medium', env: 'dev', team: 'platform', stopped: true, cpu: 0 },
];

/** EC2 instances tagged lab.optiinfra.dev/seed=true, created once per moto lifetime. */
async function seedAws(env: AwsEnv): Promise<void> {
  const existing = await describeInstances(env, [[`tag:${SEED_TAG}`, 'true']]);
  if (existing.length >= INSTANCES.length) {
    log(`moto already has ${existing.length} seeded EC2 instances`);
    return;
  }
  const images = await awsQuery(env, 'ec2', 'DescribeImages', { 'Owner.1': 'amazon' });
  const imageId = /<imageId>(ami-[^<]+)<\/imageId>/.exec(images)?.[1];
  if (!imageId) throw new LabError('moto lists no Amazon AMI to launch the seed instances from');
  const ids: Record<string, string> = {};
  for (const inst of INSTANCES) {
    const tags = { Name: inst.name, env: inst.env, team: inst.team, [SEED_TAG]: 'true' };
    const params: Record<string, string> = {
      ImageId: imageId,
      InstanceType: inst.type,
      MinCount: '1',
      MaxCount: '1',
      'TagSpecification.1.ResourceType': 'instance',
    };
    Object.entries(tags).forEach(([k, v], i) => {
      params[`TagSpecification.1.Tag.${i + 1}.Key`] = k;
      params[`TagSpecification.1.Tag.${i + 1}.Value`] = v;
    });
    const xml = await awsQuery(env, 'ec2', 'RunInstances', params);
    const id = /<instanceId>([^<]+)<\/instanceId>/.exec(xml)?.[1];
    if (!id) throw new LabError(`RunInstances returned no instance id for ${inst.name}`);
    ids[inst.name] = id;
    if (inst.stopped) await awsQuery(env, 'ec2', 'StopInstances', { 'InstanceId.1': id });
  }
  await putCpuHistory(env, ids);
  log(
    `created ${INSTANCES.length} EC2 instances in moto (${INSTANCES.filter((i) => i.stopped).length} stopped) with 24h of CloudWatch CPUUtilization`,
  );
}

/** 24 hours of 5-minute AWS/EC2 CPUUtilization for the running instances (diurnal shape). */
async function putCpuHistory(env: AwsEnv, ids: Record<string, string>): Promise<void> {
  const now = Math.floor(Date.now() / 300_000) * 300_000;
  for (const inst of INSTANCES.filter((i) => !i.stopped)) {
    const points: [number, number][] = [];
    for (let t = now - 24 * 3600_000; t <= now; t += 300_000) {
      const phase = (2 * Math.PI * (t / 1000)) / 86400;
      points.push([t, Math.max(0, inst.cpu * (1 - 0.5 * Math.cos(phase)))]);
    }
    for (let i = 0; i < points.length; i += 20) {
      const params: Record<string, string> = { Namespace: 'AWS/EC2' };
      points.slice(i, i + 20).forEach(([t, v], j) => {
        const m = `MetricData.member.${j + 1}`;
        params[`${m}.MetricName`] = 'CPUUtilization';
        params[`${m}.Unit`] = 'Percent';
        params[`${m}.Value`] = v.toFixed(2);
        params[`${m}.Timestamp`] = new Date(t).toISOString();
        params[`${m}.Dimensions.member.1.Name`] = 'InstanceId';
        params[`${m}.Dimensions.member.1.Value`] = ids[inst.name] ?? '';
      });
      await awsQuery(env, 'monitoring', 'PutMetricData', params);
    }
  }
}

/** N pods in namespace lab-scale as Deployments of up to 100 replicas, patterns mixed. */
async function seedScale(s: LabState, pods: number): Promise<void> {
  const t0 = Date.now();
  const patterns = ['steady', 'diurnal', 'spiky', 'idle'];
  const docs = [
    `apiVersion: v1\nkind: Namespace\nmetadata: {name: lab-scale, labels: {${SEED_TAG}: 'true'}}`,
  ];
  for (let i = 0, left = pods; left > 0; i++, left -= 100) {
    const name = `svc-${String(i).padStart(4, '0')}`;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: lab-scale, labels: {app: ${name}}}
spec:
  replicas: ${Math.min(100, left)}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata:
      labels: {app: ${name}}
      annotations: {lab.optiinfra.dev/cpu: ${10 + (i % 7) * 15}m, lab.optiinfra.dev/memory: ${32 + (i % 5) * 16}Mi, lab.optiinfra.dev/pattern: ${patterns[i % 4]}}
    spec:
      containers:
      - name: app
        image: registry.example/scale/${name}:1
        resources: {requests: {cpu: 20m, memory: 64Mi}}`);
  }
  // Server-side apply: one request per object instead of a read and a write.
  await kubectl(
    s,
    ['apply', '--server-side', '--field-manager=lab-seed', '-f', '-'],
    docs.join('\n---\n'),
  );
  log(
    `applied ${docs.length - 1} deployments for ${pods} pods in lab-scale; waiting for them to be Running and Ready`,
  );
  let running = 0;
  while (running < pods) {
    if (Date.now() - t0 > 20 * 60_000)
      throw new LabError(`only ${running}/${pods} scale pods Running after 20 min`);
    await sleep(5000);
    // Count Running pods through Prometheus (our informer-fed exporter): listing 10k pods
    // every few seconds would itself load the apiserver, and Deployment status lags far
    // behind the pods while the controllers work through their backlog.
    running = await runningPods(s, 'lab-scale');
    log(`  ${running}/${pods} Running after ${Math.round((Date.now() - t0) / 1000)}s`);
  }
  log(
    `scale seed: ${pods} pods Running in ${Math.round((Date.now() - t0) / 1000)}s; resident memory: ${memoryReport(s)}`,
  );
}

async function runningPods(s: LabState, ns: string): Promise<number> {
  const q = encodeURIComponent(
    `count(kube_pod_status_phase{namespace="${ns}",phase="Running"} == 1)`,
  );
  const r = await request(`${s.env.PROMETHEUS_URL}/api/v1/query?query=${q}`).catch(() => undefined);
  if (r?.status !== 200) return 0;
  const res = (JSON.parse(r.body) as { data: { result: { value: [number, string] }[] } }).data
    .result;
  return Number(res[0]?.value[1] ?? 0);
}

/** Resident set size of each lab process, from /proc (MiB). */
export function memoryReport(s: LabState): string {
  const parts: string[] = [];
  let total = 0;
  for (const c of s.components.filter(isOurs)) {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${c.pid}/status`, 'utf8'));
    const mib = Math.round(Number(m?.[1] ?? 0) / 1024);
    total += mib;
    parts.push(`${c.name} ${mib}`);
  }
  return `${total} MiB total (${parts.join(', ')})`;
}
