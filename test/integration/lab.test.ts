// Proves the local lab does what issue 3 promises: real control plane with kwok nodes,
// Prometheus series that follow pod annotations, moto with seeded EC2, backfilled history,
// and a `down` that leaves no process behind. The lab comes from test/lab/global-setup.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { describeInstances, type AwsEnv } from '../lab/lib/aws.ts';
import { cpuAt, parseCpu, type Pattern } from '../lab/lib/usage.ts';
import { readState } from '../lab/lib/state.ts';
import { LAB_SRC, PKI_DIR, REPO, request, run, sleep } from '../lab/lib/util.ts';

const env = inject('labEnv');

interface Pod {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: { nodeName?: string };
  status: { phase: string };
}

async function kubectl(...args: string[]): Promise<string> {
  const s = readState();
  if (!s || !env) throw new Error('lab not running');
  return run(join(s.binDir, 'kubectl'), ['--kubeconfig', env.KUBECONFIG ?? '', ...args]);
}

async function pods(ns: string, selector?: string): Promise<Pod[]> {
  const args = ['get', 'pods', '-n', ns, '-o', 'json', ...(selector ? ['-l', selector] : [])];
  return (JSON.parse(await kubectl(...args)) as { items: Pod[] }).items;
}

async function promQuery(
  query: string,
  time?: number,
): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const url = new URL('/api/v1/query', env?.PROMETHEUS_URL);
  url.searchParams.set('query', query);
  if (time) url.searchParams.set('time', String(time));
  const r = await request(url.toString());
  expect(r.status).toBe(200);
  return (
    JSON.parse(r.body) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    }
  ).data.result;
}

async function eventually<T>(fn: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await sleep(2000);
    }
  }
}

// The project's Node 24 runs .ts directly; the Node running vitest may be older.
const NODE = existsSync(join(REPO, 'node_modules', '.bin', 'node'))
  ? join(REPO, 'node_modules', '.bin', 'node')
  : process.execPath;

const labCli = (args: string[], extraEnv: Record<string, string> = {}) =>
  spawnSync(NODE, [join(LAB_SRC, 'lab.ts'), ...args], {
    env: { ...process.env, ...extraEnv },
    encoding: 'utf8',
    timeout: 600_000,
  });

describe.skipIf(!env)('local lab', () => {
  it('runs seeded pods on kwok nodes, visible to kubectl', async () => {
    const nodes = JSON.parse(await kubectl('get', 'nodes', '-o', 'json')) as {
      items: { metadata: { name: string; annotations: Record<string, string> } }[];
    };
    const kwokNodes = new Set(
      nodes.items
        .filter((n) => n.metadata.annotations['kwok.x-k8s.io/node'] === 'fake')
        .map((n) => n.metadata.name),
    );
    expect(kwokNodes.size).toBeGreaterThanOrEqual(1);
    const demo = await pods('lab-demo');
    // 3 checkout + 2 catalog + 2 legacy-reports + 2 frontend + 1 indexer + 2 postgres + 1 log-agent per node
    expect(demo.length).toBe(12 + kwokNodes.size);
    for (const p of demo) {
      expect(p.status.phase).toBe('Running');
      expect(kwokNodes.has(p.spec.nodeName ?? '')).toBe(true);
    }
    const all = await kubectl('get', 'pods', '-A');
    expect(all).toMatch(/lab-demo\s+postgres-0\s+1\/1\s+Running/);
  });

  it('scales a deployment up and down', async () => {
    const running = async (n: number) => {
      const ps = (await pods('lab-demo', 'app=catalog')).filter(
        (p) => p.status.phase === 'Running',
      );
      expect(ps.length).toBe(n);
    };
    await kubectl('scale', 'deployment/catalog', '-n', 'lab-demo', '--replicas=4');
    await eventually(() => running(4), 60_000);
    await kubectl('scale', 'deployment/catalog', '-n', 'lab-demo', '--replicas=2');
    await eventually(() => running(2), 90_000);
  }, 180_000);

  it('enforces RBAC: the viewer token has no rights, the admin token has', async () => {
    const url = `${env?.LAB_APISERVER_URL}/api/v1/namespaces/lab-demo/pods`;
    const ca = join(PKI_DIR, 'ca.crt');
    expect((await request(url, { ca, token: env?.LAB_VIEWER_TOKEN })).status).toBe(403);
    expect((await request(url, { ca, token: env?.LAB_ADMIN_TOKEN })).status).toBe(200);
    // Anonymous requests are authenticated as system:anonymous and refused by RBAC, as in kubeadm clusters.
    const anon = await request(url, { ca });
    expect(anon.status).toBe(403);
    expect(anon.body).toContain('system:anonymous');
  });

  it('reports cpu usage in Prometheus within 10% of each pod annotation', async () => {
    const demo = await pods('lab-demo');
    await eventually(async () => {
      const rows = await promQuery(
        'sum by (pod) (rate(container_cpu_usage_seconds_total{namespace="lab-demo"}[1m]))',
      );
      const byPod = new Map(rows.map((r) => [r.metric.pod, Number(r.value[1])]));
      const t = Date.now() / 1000;
      let checked = 0;
      for (const p of demo) {
        const a = p.metadata.annotations ?? {};
        const pattern = (a['lab.optiinfra.dev/pattern'] ?? 'steady') as Pattern;
        if (pattern === 'spiky') continue; // a 1m window may straddle a spike edge; see usage_test.go
        const want = cpuAt(parseCpu(a['lab.optiinfra.dev/cpu'] ?? '0'), pattern, t);
        const got = byPod.get(p.metadata.name);
        expect(got, `no series for ${p.metadata.name}`).toBeDefined();
        expect(
          Math.abs((got ?? 0) - want) / want,
          `${p.metadata.name}: got ${got}, want ${want}`,
        ).toBeLessThan(0.1);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(10);
    }, 150_000);
    const ksm = await promQuery(
      'kube_pod_container_resource_requests{namespace="lab-demo",pod=~"checkout-.*",resource="cpu"}',
    );
    expect(ksm.map((r) => Number(r.value[1]))).toEqual([2, 2, 2]);
  }, 180_000);

  it('lists the seeded EC2 instances in moto, running and stopped', async () => {
    const instances = await describeInstances(env as unknown as AwsEnv, [
      ['tag:lab.optiinfra.dev/seed', 'true'],
    ]);
    const names = instances.map((i) => i.tags.Name).sort();
    expect(names).toEqual(['batch-worker', 'dev-sandbox', 'legacy-reporting', 'web-1', 'web-2']);
    expect(instances.find((i) => i.tags.Name === 'web-1')?.state).toBe('running');
    expect(instances.find((i) => i.tags.Name === 'dev-sandbox')?.state).toMatch(/stopp(ing|ed)/);
  });

  it('backfills history for pods created after lab up', async () => {
    const ns = `lab-it-backfill-${Date.now() % 100000}`;
    await kubectl('create', 'namespace', ns);
    await kubectl(
      'create',
      'deployment',
      'hist',
      '-n',
      ns,
      '--image=registry.example/hist:1',
      '--replicas=2',
    );
    await kubectl(
      'patch',
      'deployment/hist',
      '-n',
      ns,
      '-p',
      JSON.stringify({
        spec: { template: { metadata: { annotations: { 'lab.optiinfra.dev/cpu': '300m' } } } },
      }),
    );
    await eventually(async () => {
      const ps = (await pods(ns)).filter(
        (p) => p.status.phase === 'Running' && p.metadata.annotations?.['lab.optiinfra.dev/cpu'],
      );
      expect(ps.length).toBe(2);
    }, 90_000);
    await eventually(async () => expect((await pods(ns)).length).toBe(2), 60_000); // old ReplicaSet gone
    const r = labCli(['backfill', '--namespace', ns, '--hours', '6']);
    expect(r.status, r.stderr).toBe(0);
    const fiveHoursAgo = Date.now() / 1000 - 5 * 3600;
    const rows = await promQuery(
      `sum by (pod) (rate(container_cpu_usage_seconds_total{namespace="${ns}"}[5m]))`,
      fiveHoursAgo,
    );
    expect(rows.length).toBe(2);
    for (const row of rows) expect(Number(row.value[1])).toBeCloseTo(0.3, 3);
    await kubectl('delete', 'namespace', ns, '--wait=false');
  }, 300_000);

  it('down stops every process it started (a second, private lab)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-down-'));
    const extra = { LAB_DIR: dir, LAB_NODES: '1' };
    const upRun = labCli(['up'], extra);
    expect(upRun.status, upRun.stderr).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as {
      components: { pid: number }[];
    };
    expect(state.components.length).toBe(8);
    const downRun = labCli(['down'], extra);
    expect(downRun.status, downRun.stderr).toBe(0);
    // Nothing may remain: not the recorded processes, nor anything running in or on the lab dir.
    const leftovers: string[] = [];
    for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (/\) Z /.test(stat)) continue;
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        const cwd = readlinkSync(`/proc/${pid}/cwd`);
        const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
        if (
          cmd.includes(dir) ||
          cwd.startsWith(dir) ||
          state.components.some((c) => c.pid === pgid)
        ) {
          leftovers.push(`${pid}: ${cmd}`);
        }
      } catch {
        /* process exited while we looked */
      }
    }
    expect(leftovers).toEqual([]);
  }, 600_000);
});
