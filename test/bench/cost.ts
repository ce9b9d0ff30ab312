// Cost allocation at scale: 1,000 nodes and 11,000 pods with 30 days of hourly rollups, in a
// database of its own on the PostgreSQL server (never the shared lab's). Measures the first
// build of the per-day sums, the recomputation after one new hour, 30-day allocation by
// namespace and by controller (p50/p99 of 30) from the per-workload sums, a key only the
// per-pod sums hold (same run), the cost of adding each new hour, and the allocation state
// per pod. Run: node test/bench/cost.ts [--nodes 1000] [--pods 11000] [--days 30] [--reuse]
// [--hourly] (--reuse keeps and reuses the database cost20_bench, generating only the hours
// since; --hourly adds the same window from the hourly rollups, minutes). Not in npm test.
import { loadavg } from 'node:os';
import pg from 'pg';
import { CostAllocator } from '../../src/cost/allocation.ts';
import { CostInventory, type NodeSpec, type PodPlace } from '../../src/cost/inventory.ts';
import { GIB, PriceBook } from '../../src/cost/prices.ts';
import { CostService } from '../../src/cost/service.ts';
import { CLEAR_DAY, PRUNE_DAYS } from '../../src/cost/sql.ts';
import { DAY } from '../../src/cost/window.ts';
import { HOUR } from '../../src/metrics/rollups.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { POSTGRES_ADMIN_URL } from '../support/postgres.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const NODES = arg('nodes', 1000);
const PODS = arg('pods', 11_000);
const DAYS = arg('days', 30);
const REUSE = process.argv.includes('--reuse');
const HOURLY = process.argv.includes('--hourly');
const DB = 'cost20_bench';

const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount;
if (exists && !REUSE) await admin.query(`DROP DATABASE ${DB} WITH (FORCE)`);
if (!exists || !REUSE) await admin.query(`CREATE DATABASE ${DB}`);
await admin.end();
const url = new URL(POSTGRES_ADMIN_URL);
url.pathname = `/${DB}`;
const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
await migrate(db);

const now = Date.now();
const first = Math.floor(now / DAY) * DAY - (DAYS - 1) * DAY;
const last = Math.floor(now / HOUR) * HOUR; // exclusive
const prices = new PriceBook();
const inventory = new CostInventory(db, prices);
const allocator = new CostAllocator(db);
const cost = new CostService({ allocator, inventory, prices, providers: new ProviderRegistry([]) });
const t = () => performance.now();
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// The last NEW_HOURS hours are held back and added the way the collector adds them: the
// hour's rollups written, then hourFolded (the recomputation cost per hour of new data).
const NEW_HOURS = 5;
const held = last - NEW_HOURS * HOUR;

// Requests 20m/64Mi (the DaemonSet 100m/128Mi), usage from 10% to 150% of the request by pod,
// every hour fully present; [from, to) generated in the server, one day per statement.
async function generate(from: number, to: number): Promise<void> {
  for (let d = from; d < to; d = Math.min(to, Math.floor(d / DAY) * DAY + DAY)) {
    const end = Math.min(to, Math.floor(d / DAY) * DAY + DAY);
    const range = [new Date(d).toISOString(), new Date(end - HOUR).toISOString()];
    await db.query(
      `INSERT INTO metric_rollups (resolution, target_id, bucket, avg, max, samples)
       SELECT 3600, p.target_id, h, a, a, 240
         FROM cost_pods p, generate_series($1::timestamptz, $2::timestamptz, interval '1 hour') h,
              LATERAL (SELECT CASE WHEN p.namespace = 'kube-system' THEN 0.1 ELSE 0.02 END AS cr,
                              CASE WHEN p.namespace = 'kube-system' THEN 134217728 ELSE 67108864 END AS mr,
                              0.1 + 1.4 * abs(hashtext(p.target_id)) / 2147483647.0 AS f) x,
              LATERAL (SELECT ARRAY[x.cr * x.f, x.mr * x.f, NULL, NULL, x.cr, NULL, x.mr, NULL, NULL, NULL]::float8[] AS a) y
       ON CONFLICT DO NOTHING`,
      range,
    );
    await db.query(
      `INSERT INTO metric_rollups (resolution, target_id, bucket, avg, max, samples)
       SELECT 3600, n.target_id, h, a, a, 240
         FROM (SELECT target_id, ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, cpu_cores, memory_bytes]::float8[] AS a FROM cost_nodes
               UNION ALL SELECT 'k8s:bench', ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL]::float8[]) n,
              generate_series($1::timestamptz, $2::timestamptz, interval '1 hour') h
       ON CONFLICT DO NOTHING`,
      range,
    );
  }
}

const have = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM cost_pods'))[0]?.n);
if (have !== PODS) {
  // Like the lab's scale mode: m5.2xlarge kwok nodes, Deployments of 100 replicas (here over
  // 20 namespaces and 5 teams), and one DaemonSet pod per node.
  const nodes: NodeSpec[] = Array.from({ length: NODES }, (_, i) => ({
    targetId: `k8s:bench:NODE::node-${i}`,
    cluster: 'bench',
    name: `node-${i}`,
    labels: {
      'node.kubernetes.io/instance-type': 'm5.2xlarge',
      'topology.kubernetes.io/region': 'us-east-1',
    },
    cpuCores: 8,
    memoryBytes: 32 * GIB,
    gpus: 0,
  }));
  const pods: PodPlace[] = [];
  for (let i = 0; i < PODS - NODES; i++) {
    const d = Math.floor(i / 100);
    const ns = `team-${String(d % 20).padStart(2, '0')}`;
    pods.push({
      targetId: `k8s:bench:POD:${ns}:app-${d}-${i}`,
      cluster: 'bench',
      namespace: ns,
      name: `app-${d}-${i}`,
      nodeId: nodes[i % NODES]!.targetId,
      controllerKind: 'deployment',
      controllerName: `app-${d}`,
      labels: { app: `app-${d}`, team: `t${d % 5}` },
      gpus: 0,
    });
  }
  for (const n of nodes) {
    pods.push({
      targetId: `k8s:bench:POD:kube-system:log-agent-${n.name}`,
      cluster: 'bench',
      namespace: 'kube-system',
      name: `log-agent-${n.name}`,
      nodeId: n.targetId,
      controllerKind: 'daemonset',
      controllerName: 'log-agent',
      labels: { app: 'log-agent' },
      gpus: 0,
    });
  }
  await inventory.recordNodes(nodes, now);
  await inventory.recordPods(pods, now);
  await db.query('DELETE FROM metric_rollups');
  for (const sql of PRUNE_DAYS) await db.query(sql, [new Date(last + DAY).toISOString()]);
}
// Everything up to the held-back hours (with --reuse: the hours since the last run), and none
// of the held-back hours in the rollups or the per-day sums.
const rollupsBefore = (await allocator.days.frontier()) ?? first;
let started = t();
await generate(Math.max(first, rollupsBefore), held);
await db.query(
  'DELETE FROM metric_rollups WHERE resolution = 3600 AND (bucket >= $1 OR bucket < $2)',
  [new Date(held).toISOString(), new Date(first).toISOString()],
);
await allocator.days.prune(first);
for (let d = Math.floor(held / DAY) * DAY; d < last; d += DAY) {
  for (const sql of CLEAR_DAY) await db.query(sql, [new Date(d).toISOString()]);
}
await db.query('ANALYZE');
const rows = (await db.query<{ n: string }>('SELECT count(*) AS n FROM metric_rollups'))[0]?.n;
console.log(
  `${rows} hourly rollup rows (${NODES} nodes, ${PODS} pods, ${(held - first) / HOUR} h); generated in ${secs(t() - started)}`,
);

started = t();
const filled = await allocator.days.ensureDays(first, held);
console.log(`per-day sums built or caught up for ${filled} days in ${secs(t() - started)}`);

// New hours, as the collector sees them: written, then added to their day's sums.
const recompute: number[] = [];
for (let h = held; h < last; h += HOUR) {
  await generate(h, h + HOUR);
  started = t();
  await allocator.days.hourFolded(h);
  recompute.push(t() - started);
}
// An hour folded again (its data changed): the day is rebuilt from its hourly rollups.
started = t();
await allocator.days.hourFolded(last - HOUR);
const rebuild = t() - started;
const hoursToday = (last - Math.floor((last - HOUR) / DAY) * DAY) / HOUR;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
};
async function time(n: number, fn: () => Promise<unknown>, warm = true): Promise<number[]> {
  if (warm) await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = t();
    await fn();
    out.push(t() - s);
  }
  return out;
}

const RUNS = 30;
// Fixed bounds, so a run that crosses midnight measures the same 30 days throughout.
const fixed = `${new Date(first).toISOString()},${new Date(last).toISOString()}`;
const byNamespace = await time(RUNS, () =>
  cost.allocation({ window: fixed, aggregate: ['namespace'] }),
);
const byController = await time(RUNS, () =>
  cost.allocation({ window: fixed, aggregate: ['namespace', 'controller'] }),
);
const byDay = await time(10, () =>
  cost.allocation({ window: fixed, step: '1d', aggregate: ['namespace'] }),
);
// Same run, a key the per-workload sums do not hold: read from the per-pod sums, as every
// whole-day window was before them.
const byTeam = await time(10, () => cost.allocation({ window: fixed, aggregate: ['label:team'] }));
const byPod = await cost.allocation({ window: fixed, aggregate: ['namespace', 'pod'] });
const check = await cost.allocation({ window: fixed, aggregate: ['namespace'] });
// Optional baseline: the same window from the hourly rollups (minutes at this scale).
let hourly: Awaited<ReturnType<typeof cost.allocation>> | undefined;
let baseline: number[] = [];
if (HOURLY) {
  baseline = await time(
    1,
    async () => {
      // Two steps (all but the last hour, then the last): not whole days, so hourly rollups.
      hourly = await cost.allocation({
        window: fixed,
        step: `${(last - first) / HOUR - 1}h`,
        aggregate: ['namespace'],
      });
    },
    false,
  );
}

const size = async (table: string) =>
  Number((await db.query<{ b: string }>(`SELECT pg_total_relation_size($1) AS b`, [table]))[0]?.b);
const count = async (table: string) =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);
const podState = (await size('cost_pod_days')) + (await size('cost_pods'));
const workloadState = await size('cost_workload_days');
// What the process keeps per pod between calls: the inventory's last written row (its JSON).
const inventoryBytes = JSON.stringify({
  id: 'k8s:bench:POD:team-00:app-0-0',
  cluster: 'bench',
  ns: 'team-00',
  name: 'app-0-0',
  node: 'k8s:bench:NODE::node-0',
  ck: 'deployment',
  cn: 'app-0',
  labels: { app: 'app-0', team: 't0' },
  gpus: 0,
}).length;

const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => percentile(xs, 0.5);
const sumCost = (a: typeof check) => a.total.cpuCost + a.total.ramCost;
console.log(
  `\n${NODES} nodes, ${PODS} pods, ${DAYS} days (${(last - first) / HOUR} h) on PostgreSQL; ${RUNS} runs after a warm-up; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `30-day allocation by namespace:            p50 ${ms(median(byNamespace))}, p99 ${ms(percentile(byNamespace, 0.99))}`,
);
console.log(
  `30-day allocation by namespace/controller: p50 ${ms(median(byController))}, p99 ${ms(percentile(byController, 0.99))}`,
);
console.log(
  `30-day by namespace, 30 daily steps:       p50 ${ms(median(byDay))}, p99 ${ms(percentile(byDay, 0.99))}`,
);
console.log(
  `same run, per-pod sums (label:team):       p50 ${ms(median(byTeam))} (${(median(byTeam) / median(byNamespace)).toFixed(1)}× by namespace)`,
);
if (HOURLY) {
  console.log(
    `same window from hourly rollups:           ${ms(median(baseline))}, one run (${(median(baseline) / median(byNamespace)).toFixed(1)}× by namespace)`,
  );
}
console.log(
  `one new hour added to its day's sums:      median ${ms(median(recompute))} of ${recompute.length} (max ${ms(Math.max(...recompute))})`,
);
console.log(`an hour folded again (day of ${hoursToday} h rebuilt): ${ms(rebuild)}`);
console.log(
  `allocation state on disk: ${(podState / PODS / 1024).toFixed(1)} KiB per pod (cost_pod_days + cost_pods, ${await count('cost_pod_days')} pod-days) + ${(workloadState / PODS).toFixed(0)} B per pod (cost_workload_days, ${await count('cost_workload_days')} rows); in memory ${inventoryBytes} B per live pod (the inventory's last row)`,
);
console.log(
  `totals agree: per-workload ${sumCost(check)} vs per-pod ${sumCost(byPod)}${hourly ? ` vs hourly ${sumCost(hourly)}` : ''}`,
);
await db.close();
