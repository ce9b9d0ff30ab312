// Collection-cycle benchmark against the running lab (scale mode for 10k pods:
// `npm run lab:seed -- --scale 10000`). Runs N collector cycles back to back and reports cycle
// time, targets, Prometheus requests per cycle, and the minute-rollup write.
// Run: node test/bench/metrics-collect.ts [cycles]; LAB_DIR=<dir> measures a private lab
// (e.g. one brought up with LAB_DIR=<dir> LAB_NODES=100 and seeded --scale 10000) rather
// than the shared one. Not part of npm test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { aggregate } from '../../src/metrics/aggregate.ts';
import { rollUp, RollupStore } from '../../src/metrics/rollups.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import { labEnv } from '../support/lab.ts';

const cycles = Number(process.argv[2] ?? 5);
const env = process.env.LAB_DIR
  ? Object.fromEntries(
      readFileSync(join(process.env.LAB_DIR, 'env'), 'utf8')
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    )
  : labEnv();
const dataDir = mkdtempSync(join(tmpdir(), 'oi-bench-'));
const config = loadConfig({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  API_TOKENS: 'bench:viewer:bench-secret-0123456789',
  LOG_LEVEL: 'silent',
  KUBECONFIG: env.KUBECONFIG ?? '',
  PROMETHEUS_URL: env.PROMETHEUS_URL ?? '',
  METRICS_INTERVAL_SECONDS: '3600',
});
const app = await createApp(config, createLogger('silent'));
const kube = app.services.providers.providers.find((p) => p instanceof KubernetesProvider);
const t0 = performance.now();
while (kube?.notReadyReason()) await new Promise((r) => setTimeout(r, 500));
const syncS = (performance.now() - t0) / 1000;
const pods = app.services.providers.list({ kinds: ['POD'] }).length;
const metrics = app.services.metrics;
const prometheus = metrics.prometheus;
const times: number[] = [];
const requests: number[] = [];
for (let i = 0; i < cycles; i++) {
  const before = prometheus?.client.requests ?? 0;
  const started = performance.now();
  await metrics.collector.cycle();
  times.push(performance.now() - started);
  requests.push((prometheus?.client.requests ?? 0) - before);
  await new Promise((r) => setTimeout(r, 1000));
}
// The two halves of a cycle: the Prometheus answers, then the join with the caches.
const p0 = performance.now();
const usage = await prometheus?.current();
const prometheusMs = performance.now() - p0;
const a0 = performance.now();
if (usage && kube) await aggregate(kube, usage, Date.now());
const aggregateMs = performance.now() - a0;
const latest = metrics.hub.latest;
const rows = latest ? rollUp([latest]) : [];
const w0 = performance.now();
await new RollupStore(app.services.db).write(
  60_000,
  Math.floor(Date.now() / 60_000) * 60_000,
  rows,
);
const writeMs = performance.now() - w0;
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    pods,
    targets: metrics.collector.state.targets,
    cacheSyncSeconds: Number(syncS.toFixed(1)),
    cycleMsMedian: Math.round(times[Math.floor(times.length / 2)] ?? NaN),
    cycleMsMax: Math.round(times.at(-1) ?? NaN),
    prometheusRequestsPerCycle: requests,
    prometheusMs: Math.round(prometheusMs),
    joinWithCachesMs: Math.round(aggregateMs),
    minuteRollupRows: rows.length,
    minuteRollupWriteMs: Math.round(writeMs),
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  }),
);
await app.shutdown();
rmSync(dataDir, { recursive: true, force: true });
