// Kubernetes benchmark against the running lab (not part of npm test):
//   node --expose-gc test/bench/kubernetes.ts [--create N] [--seconds S] [--slices K]
//     [--concurrency C] [--skip-startup] [--keep] [--limits] [--cache-off] [--query pods|dash]
// 1. start-to-ready of the watch caches vs `kubectl get pods -A -o json`, memory per pod;
// 2. dashboard query (first 100 pods of the biggest namespace with deployment and node):
//    throughput and p50/p99 against a plain yoga server answering the same JSON and a plain
//    node:http server writing the same bytes, in alternating slices;
// 3. latency from scaleResource returning to the resourceEvent reaching a subscriber.
// --limits adds, in phase 2, the same orchestrator with the edge's limits off (limits-off.ts),
// alternating with it, and the default one gets its rate limiter on (a budget it never spends);
// phase 3 is then skipped.
// --cache-off adds, in phase 2, the same orchestrator with its response cache off
// (RESPONSE_CACHE_BYTES=0: every request executes), alternating with the others; the run ends
// with the default orchestrator's response cache hits and misses.
// --query dash measures, in phase 2, the dashboard's own resource list instead of the pod page:
// `DashResources` as the dashboard sends it (manifest text, APQ hash, its Accept) for the first
// 50 resources of the biggest namespace (`#/resources?namespace=…`), with the orchestrators
// collecting metrics from the lab's Prometheus (its `cpuUsage`/`memoryUsage`) every 15 s.
// --create N first adds N pods in namespace k8s-bench (deleted at the end).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../../src/logger.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import { deploymentYaml, kubectl, lab, sleep } from '../integration/kubernetes-support.ts';
import { scaleToEvent } from './kubernetes-events.ts';
import {
  cpuMs,
  DASH_ACCEPT,
  DASH_RESOURCES,
  DASHBOARD,
  dashResourcesBody,
  load,
  median,
  out,
  perSlice,
  spawnNode,
  summary,
  waitHttp,
  withTypenames,
} from './http-load.ts';

const { values: opts } = parseArgs({
  options: {
    create: { type: 'string', default: '0' },
    seconds: { type: 'string', default: '15' },
    // The measured seconds of each server, split into this many alternating slices.
    slices: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    // Phases 2 and 3 only: for repeated before/after runs on a lab that already has the pods.
    'skip-startup': { type: 'boolean', default: false },
    // Leave the --create pods in place for the next run (`kubectl apply` finds them there).
    keep: { type: 'boolean', default: false },
    limits: { type: 'boolean', default: false },
    'cache-off': { type: 'boolean', default: false },
    query: { type: 'string', default: 'pods' },
  },
});
const DASH = opts.query === 'dash';
if (!DASH && opts.query !== 'pods') throw new Error(`--query pods|dash (got ${opts.query})`);
const TOKEN = 'bench-operator-secret-0123456789';
interface Server {
  name: string;
  port: number;
  /** Its process, whose CPU time each slice reads (Linux: /proc/<pid>/stat). */
  pid: number | undefined;
  token?: string;
}
const run = (server: Server, body: string, seconds: number) =>
  load(
    `http://127.0.0.1:${server.port}/graphql`,
    body,
    seconds,
    Number(opts.concurrency),
    server.token,
    DASH ? DASH_ACCEPT : undefined,
  );

async function createPods(n: number): Promise<void> {
  const docs = ['apiVersion: v1\nkind: Namespace\nmetadata: {name: k8s-bench}'];
  for (let i = 0; i * 100 < n; i++)
    docs.push(deploymentYaml('k8s-bench', `bench-${i}`, Math.min(100, n - i * 100)));
  await kubectl(['apply', '-f', '-'], { input: docs.join('\n---\n') });
  for (;;) {
    const running = (
      await kubectl([
        'get',
        'pods',
        '-n',
        'k8s-bench',
        '--field-selector=status.phase=Running',
        '-o',
        'name',
      ])
    )
      .split('\n')
      .filter(Boolean).length;
    out(`  ${running}/${n} bench pods Running`);
    if (running >= n) return;
    await sleep(5000);
  }
}

/** One provider from nothing to ready; returns before dropping its last reference. */
async function coldStart() {
  const p = await KubernetesProvider.open(
    { kubeconfig: lab().KUBECONFIG, contexts: [] },
    createLogger('warn'),
  );
  const t0 = performance.now();
  await p.start();
  while (p.notReadyReason()) await sleep(5);
  const readyMs = performance.now() - t0;
  const pods = p.list({ kinds: ['POD'] }).length;
  const resources = p.store.size;
  global.gc?.();
  const withCache = process.memoryUsage().heapUsed;
  await p.stop();
  return { readyMs, pods, resources, withCache };
}

/** Phase 1: cold start of the caches, in this process, against kubectl in the same run. */
async function startup(): Promise<void> {
  const runs: {
    kubectl: number;
    ready: number;
    perResource: number;
    pods: number;
    resources: number;
  }[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await kubectl(['get', 'pods', '-A', '-o', 'json']);
    const kubectlMs = performance.now() - t0;
    const { readyMs, pods, resources, withCache } = await coldStart();
    await sleep(100);
    global.gc?.();
    const retained = withCache - process.memoryUsage().heapUsed;
    runs.push({
      kubectl: kubectlMs,
      ready: readyMs,
      perResource: retained / resources,
      pods,
      resources,
    });
  }
  const r = runs[0];
  out(`cluster: ${r?.pods} pods, ${r?.resources} cached resources in total`);
  out(
    `start-to-ready (all caches, median of 3): ${median(runs.map((x) => x.ready)).toFixed(0)} ms; ` +
      `kubectl get pods -A -o json: ${median(runs.map((x) => x.kubectl)).toFixed(0)} ms`,
  );
  out(
    `heap retained per cached resource (${((100 * (r?.pods ?? 0)) / (r?.resources ?? 1)).toFixed(0)}% pods): ` +
      `${(median(runs.map((x) => x.perResource)) / 1024).toFixed(1)} KB` +
      (global.gc ? '' : ' (run with --expose-gc for a meaningful figure)'),
  );
}

/** Phases 2 and 3, against the orchestrator run as its own process (node src/main.ts). */
async function serve(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'oi-bench-'));
  const orchestrator = (port: string, flags: string[], env: Record<string, string>) =>
    spawnNode([...flags, 'src/main.ts'], {
      PORT: port,
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(join(dir, 'data-')),
      API_TOKENS: `bench:operator:${TOKEN}`,
      KUBECONFIG: lab().KUBECONFIG ?? '',
      AWS_ENDPOINT: '',
      AWS_REGION: '',
      AWS_REGIONS: '',
      PROMETHEUS_URL: DASH ? (lab().PROMETHEUS_URL ?? '') : '',
      ...env,
    });
  // Throughput is the measure: one token's rate limit would cap it (docs/security.md). With
  // --limits the limiter runs and charges every request from a budget this load never spends.
  const app = orchestrator(
    '18181',
    [],
    opts.limits
      ? { RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' }
      : { RATE_LIMIT_PER_SECOND: '0' },
  );
  const uncached = opts['cache-off']
    ? orchestrator('18185', [], { RATE_LIMIT_PER_SECOND: '0', RESPONSE_CACHE_BYTES: '0' })
    : undefined;
  const unlimited = opts.limits
    ? orchestrator('18183', ['--import', './test/bench/limits-off.ts'], {
        RATE_LIMIT_PER_SECOND: '0',
      })
    : undefined;
  try {
    const t0 = performance.now();
    await waitHttp('http://127.0.0.1:18181/ready');
    if (unlimited) await waitHttp('http://127.0.0.1:18183/ready');
    if (uncached) await waitHttp('http://127.0.0.1:18185/ready');
    out(`orchestrator process: /ready 200 ${(performance.now() - t0).toFixed(0)} ms after spawn`);
    const p = await KubernetesProvider.open(
      { kubeconfig: lab().KUBECONFIG, contexts: [] },
      createLogger('silent'),
    );
    await p.start();
    while (p.notReadyReason()) await sleep(10);
    const counts = new Map<string, number>();
    for (const r of p.list({ kinds: ['POD'] }))
      counts.set(r.namespace ?? '', (counts.get(r.namespace ?? '') ?? 0) + 1);
    await p.stop();
    const [ns, nsPods] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['default', 0];
    // The dashboard's resource list at `#/resources?namespace=<ns>` (its page is 50).
    const dashVariables = { filter: { namespaces: [ns] }, first: 50, after: null };
    const body = DASH
      ? dashResourcesBody(dashVariables)
      : JSON.stringify({ query: DASHBOARD, variables: { ns } });
    const ask = async (text: string) => {
      const res = await fetch('http://127.0.0.1:18181/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(DASH ? { accept: DASH_ACCEPT } : {}),
          authorization: `Bearer ${TOKEN}`,
        },
        body: text,
      });
      const response = await res.text();
      const answer = JSON.parse(response) as { data?: Record<string, unknown>; errors?: unknown };
      if (!answer.data || answer.errors)
        throw new Error(`dashboard query failed: ${JSON.stringify(answer)}`);
      return { res, response, data: answer.data };
    };
    const { res: first, response, data } = await ask(body);
    const dataFile = join(dir, 'data.json');
    // The baseline's data, with the types of abstract fields (the same query with __typename).
    const typed = DASH
      ? (
          await ask(
            JSON.stringify({ query: withTypenames(DASH_RESOURCES), variables: dashVariables }),
          )
        ).data
      : data;
    writeFileSync(dataFile, JSON.stringify(typed));
    const responseFile = join(dir, 'response.json');
    writeFileSync(responseFile, response);
    const baselines = [
      spawnNode(['test/bench/kubernetes-baseline.ts', 'yoga', dataFile, '18182'], {}),
      spawnNode(
        [
          'test/bench/kubernetes-baseline.ts',
          'raw',
          responseFile,
          '18184',
          first.headers.get('content-type') ?? 'application/json',
        ],
        {},
      ),
    ];
    try {
      await waitHttp('http://127.0.0.1:18182/graphql?query=%7B__typename%7D');
      await waitHttp('http://127.0.0.1:18184/');
      // The plain yoga must answer what the orchestrator answered, byte for byte.
      const yogaAnswer = await fetch('http://127.0.0.1:18182/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(DASH ? { accept: DASH_ACCEPT } : {}) },
        body,
      }).then((r) => r.text());
      out(`plain yoga's answer is the orchestrator's, byte for byte: ${yogaAnswer === response}`);
      const seconds = Number(opts.seconds);
      const slices = Number(opts.slices);
      const servers: Server[] = [
        {
          name: `orchestrator${unlimited ? ', limits on' : ''}`,
          port: 18181,
          pid: app.pid,
          token: TOKEN,
        },
        ...(unlimited
          ? [{ name: 'orchestrator, limits off', port: 18183, pid: unlimited.pid, token: TOKEN }]
          : []),
        ...(uncached
          ? [
              {
                name: 'orchestrator, response cache off',
                port: 18185,
                pid: uncached.pid,
                token: TOKEN,
              },
            ]
          : []),
        { name: 'plain yoga, precomputed JSON', port: 18182, pid: baselines[0]?.pid },
        { name: 'plain node:http, the same bytes', port: 18184, pid: baselines[1]?.pid },
      ];
      for (const server of servers) await run(server, body, seconds); // warm-up, all
      // Alternating slices, each server first in turn, so that every server sees the same
      // (noisy) moments of the machine and none always follows the same neighbour.
      const latencies = servers.map((): number[] => []);
      const perSliceRps = servers.map((): number[] => []);
      const cpu = servers.map(() => 0);
      for (let i = 0; i < slices; i++) {
        for (let k = 0; k < servers.length; k++) {
          const j = (i + k) % servers.length;
          const server = servers[j] as Server;
          const before = cpuMs(server.pid);
          const l = await run(server, body, seconds / slices);
          cpu[j] = (cpu[j] ?? 0) + cpuMs(server.pid) - before;
          latencies[j]?.push(...l);
          perSliceRps[j]?.push(l.length);
        }
      }
      const what = DASH
        ? `DashResources (the dashboard's resource list: first 50 of ${ns}, ${nsPods} pods)`
        : `dashboard query (first 100 of ${nsPods} pods in ${ns}, with deployment and node)`;
      out(
        `${what} (${opts.concurrency} concurrent, ${seconds}s each in ${slices} alternating slices; load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}):`,
      );
      const totals = servers.map((_, j) => summary(latencies[j] ?? [], seconds));
      const cpuPerRequest = servers.map((_, j) => (cpu[j] ?? 0) / (latencies[j]?.length ?? 1));
      servers.forEach((server, j) => {
        const s = totals[j] as ReturnType<typeof summary>;
        out(
          `  ${server.name}: ${s.rps.toFixed(0)} req/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, server CPU ${(cpuPerRequest[j] ?? NaN).toFixed(2)} ms/request`,
        );
      });
      // One server against another: throughput over the whole run, the median of the per-slice
      // ratios, and the inverse ratio of the CPU time each spent per request.
      const ratio = (a: number, b: number, label: string) =>
        out(
          `  ${label}: ${((100 * (totals[a]?.rps ?? 0)) / (totals[b]?.rps ?? 1)).toFixed(0)}% of the throughput; ${perSlice(
            (perSliceRps[a] ?? []).map((n, i) => n / (perSliceRps[b]?.[i] ?? 1)),
          )}; CPU per request ${((100 * (cpuPerRequest[b] ?? 0)) / (cpuPerRequest[a] ?? 1)).toFixed(0)}%`,
        );
      const yoga = servers.length - 2;
      const raw = servers.length - 1;
      if (unlimited) ratio(0, 1, 'limits on / off');
      ratio(0, yoga, 'orchestrator / plain yoga');
      ratio(0, raw, 'orchestrator / plain node:http');
      if (uncached) {
        const off = unlimited ? 2 : 1;
        ratio(off, yoga, 'orchestrator, response cache off / plain yoga');
        ratio(off, raw, 'orchestrator, response cache off / plain node:http');
      }
      ratio(yoga, raw, 'plain yoga / plain node:http');
      const metrics = await (
        await fetch('http://127.0.0.1:18181/metrics', {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).text();
      const cached = (outcome: string) =>
        new RegExp(
          `^optiinfra_graphql_response_cache_total\\{outcome="${outcome}"\\} (\\d+)`,
          'm',
        ).exec(metrics)?.[1] ?? '0';
      out(`  orchestrator's response cache: ${cached('hit')} hits, ${cached('miss')} misses`);
    } finally {
      for (const b of baselines) b.kill();
    }
    // --limits measures phase 2 only (and so leaves a shared lab untouched).
    if (!opts.limits) await scaleToEvent('http://127.0.0.1:18181', TOKEN);
  } finally {
    app.kill();
    unlimited?.kill();
    uncached?.kill();
  }
}

const created = Number(opts.create);
if (created > 0) await createPods(created);
try {
  if (!opts['skip-startup']) await startup();
  await serve();
} finally {
  if (created > 0 && !opts.keep)
    await kubectl(['delete', 'namespace', 'k8s-bench', '--wait=false']);
}
process.exit(0);
