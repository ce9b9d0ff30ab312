// Cost allocation at scale: 1,000 nodes and 11,000 pods with 30 days of hourly rollups, in a
// database of its own on the PostgreSQL server (never the shared lab's). Measures the first
// build of the per-day sums, the recomputation after one new hour, 30-day allocation by
// namespace and by controller (p50/p99 of 30) from the per-workload sums, a key only the
// per-pod sums hold (same run), the cost of adding each new hour, and the allocation state
// per pod. Run: node test/bench/cost.ts [--nodes 1000] [--pods 11000] [--days 30] [--reuse]
// [--hourly] [--pglite] [--db name] (--reuse keeps and reuses the database (default
// cost20_bench), generating only
// the hours since; --hourly adds the same window from the hourly rollups, minutes; --pglite
// uses an embedded PGlite in $TMPDIR/cost20-bench-pglite instead). Not in npm test.
import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CostAllocator } from '../../src/cost/allocation.ts';
import {
  CostInventory,
  type NodeSpec,
  type PodPlace,
  type VolumeSpec,
} from '../../src/cost/inventory.ts';
import { GIB, PriceBook } from '../../src/cost/prices.ts';
import { CostService } from '../../src/cost/service.ts';
import { CLEAR_DAY, PRUNE_DAYS } from '../../src/cost/sql.ts';
import { DAY } from '../../src/cost/window.ts';
import { HOUR } from '../../src/metrics/rollups.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { m5Node } from '../support/cost-case.ts';
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
const PGLITE = process.argv.includes('--pglite');
const dbArg = process.argv.indexOf('--db');
const DB = dbArg > 0 ? process.argv[dbArg + 1]! : 'cost20_bench';
if (!/^[a-z0-9_]+$/.test(DB)) throw new Error(`--db ${DB}: lower case, digits and _ only`);
const PGLITE_DIR = join(tmpdir(), 'cost20-bench-pglite');

async function open() {
  if (PGLITE) {
    if (!REUSE) await rm(PGLITE_DIR, { recursive: true, force: true });
    return openDatabase({ databaseUrl: undefined, dataDir: PGLITE_DIR });
  }
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount;
  if (exists && !REUSE) await admin.query(`DROP DATABASE ${DB} WITH (FORCE)`);
  if (!exists || !REUSE) await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${DB}`;
  return openDatabase({ databaseUrl: url.toString(), dataDir: '' });
}
const db = await open();
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

// Each container's request (CPU cores, memory bytes) by name: the app's, a sidecar's, the
// DaemonSet agent's. Usage from 10% to 150% of the request by container; every hour fully
// present. As the collector writes them: a row per container (<pod>/<name>) and one per pod
// (its containers summed), nodes' capacity, the cluster's row; and each volume's minutes.
const CONTAINERS: Record<string, [number, number]> = {
  app: [0.02, 64 * 2 ** 20],
  proxy: [0.01, 32 * 2 ** 20],
  agent: [0.1, 128 * 2 ** 20],
};
const VOLUME_GIB = 20;
const ALL_MINUTES = (2n ** 60n - 1n).toString();

// [from, to) generated in the server, one day per statement.
async function generate(from: number, to: number, volumes: VolumeSpec[]): Promise<void> {
  for (let d = from; d < to; d = Math.min(to, Math.floor(d / DAY) * DAY + DAY)) {
    const end = Math.min(to, Math.floor(d / DAY) * DAY + DAY);
    const range = [new Date(d).toISOString(), new Date(end - HOUR).toISOString()];
    await db.query(
      `WITH c AS MATERIALIZED (
         SELECT k.target_id, k.pod_id, h, r.cr, r.mr, r.cr * x.f AS cu, r.mr * x.f AS mu
           FROM cost_containers k
           JOIN (SELECT key, (value->>0)::float8 AS cr, (value->>1)::float8 AS mr
                   FROM jsonb_each($3::jsonb)) r ON r.key = k.name,
                generate_series($1::timestamptz, $2::timestamptz, interval '1 hour') h,
                LATERAL (SELECT 0.1 + 1.4 * abs(hashtext(k.target_id)) / 2147483647.0 AS f) x)
       INSERT INTO metric_rollups (resolution, target_id, bucket, avg, max, samples)
       SELECT 3600, target_id, h, a, a, 240
         FROM (SELECT target_id, h, ARRAY[cu, mu, NULL, NULL, cr, NULL, mr, NULL, NULL, NULL]::float8[] AS a
                 FROM c
               UNION ALL
               SELECT pod_id, h, ARRAY[sum(cu), sum(mu), NULL, NULL, sum(cr), NULL, sum(mr), NULL, NULL, NULL]::float8[]
                 FROM c GROUP BY pod_id, h) y
       ON CONFLICT DO NOTHING`,
      [...range, JSON.stringify(CONTAINERS)],
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
    await db.query(
      `INSERT INTO cost_volume_hours (bucket, volume_id, claim_namespace, claim_name, minutes)
       SELECT h, x.id, x.ns, x.claim, $4::bigint
         FROM jsonb_to_recordset($3::jsonb) AS x(id text, ns text, claim text),
              generate_series($1::timestamptz, $2::timestamptz, interval '1 hour') h
       ON CONFLICT DO NOTHING`,
      [
        ...range,
        JSON.stringify(
          volumes.map((v) => ({ id: v.targetId, ns: v.claim?.namespace, claim: v.claim?.name })),
        ),
        ALL_MINUTES,
      ],
    );
  }
}

// Like the lab's scale mode: m5.2xlarge kwok nodes, Deployments of 100 replicas (here over 20
// namespaces and 5 teams; every fourth with a sidecar; every tenth a StatefulSet whose pods
// each mount a 20 GiB gp3 claim), and one DaemonSet pod per node; plus one released volume
// per 10 claimed ones (no pod mounts it: __unmounted__).
const nodes: NodeSpec[] = Array.from({ length: NODES }, (_, i) => m5Node(`node-${i}`, 'bench'));
const pods: PodPlace[] = [];
const volumes: VolumeSpec[] = [];
const volume = (name: string, claim: VolumeSpec['claim']): VolumeSpec => ({
  targetId: `k8s:bench:PERSISTENT_VOLUME::${name}`,
  cluster: 'bench',
  name,
  labels: { 'topology.kubernetes.io/region': 'us-east-1' },
  storageClass: 'gp3',
  bytes: VOLUME_GIB * GIB,
  claim,
});
for (let i = 0; i < PODS - NODES; i++) {
  const d = Math.floor(i / 100);
  const ns = `team-${String(d % 20).padStart(2, '0')}`;
  const stateful = d % 10 === 9;
  const name = `app-${d}-${i}`;
  const claims = stateful ? [`data-${name}`] : [];
  if (stateful) {
    volumes.push(volume(`pv-${name}`, { namespace: ns, name: `data-${name}` }));
    if (i % 10 === 0) volumes.push(volume(`pv-released-${name}`, null));
  }
  pods.push({
    targetId: `k8s:bench:POD:${ns}:${name}`,
    cluster: 'bench',
    namespace: ns,
    name,
    nodeId: nodes[i % NODES]!.targetId,
    controllerKind: stateful ? 'statefulset' : 'deployment',
    controllerName: `app-${d}`,
    labels: { app: `app-${d}`, team: `t${d % 5}` },
    gpus: 0,
    containers: (d % 4 === 0 ? ['app', 'proxy'] : ['app']).map((c) => ({ name: c, gpus: 0 })),
    claims,
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
    containers: [{ name: 'agent', gpus: 0 }],
  });
}
const containerCount = pods.reduce((a, p) => a + (p.containers?.length ?? 0), 0);

const have = Number(
  (await db.query<{ n: string }>('SELECT count(*) AS n FROM cost_containers'))[0]?.n,
);
if (have !== containerCount) {
  await db.query('DELETE FROM cost_pods');
  await db.query('DELETE FROM cost_containers');
  await db.query('DELETE FROM cost_volumes');
  await db.query('DELETE FROM metric_rollups');
  for (const sql of PRUNE_DAYS) await db.query(sql, [new Date(last + DAY).toISOString()]);
}
// As the collector records them (its in-memory state is measured below); the minute this
// marks on each volume lies after the window.
await inventory.recordNodes(nodes, now);
await inventory.recordPods(pods, now);
await inventory.recordVolumes(volumes, now);
// Everything up to the held-back hours (with --reuse: the hours since the last run), and none
// of the held-back hours in the rollups or the per-day sums.
const rollupsBefore = (await allocator.days.frontier()) ?? first;
let started = t();
await generate(Math.max(first, rollupsBefore), held, volumes);
for (const sql of [
  'DELETE FROM metric_rollups WHERE resolution = 3600 AND (bucket >= $1 OR bucket < $2)',
  'DELETE FROM cost_volume_hours WHERE bucket >= $1 OR bucket < $2',
]) {
  await db.query(sql, [new Date(held).toISOString(), new Date(first).toISOString()]);
}
await allocator.days.prune(first);
for (let d = Math.floor(held / DAY) * DAY; d < last; d += DAY) {
  for (const sql of CLEAR_DAY) await db.query(sql, [new Date(d).toISOString()]);
}
await db.query('ANALYZE');
const rows = (await db.query<{ n: string }>('SELECT count(*) AS n FROM metric_rollups'))[0]?.n;
console.log(
  `${rows} hourly rollup rows (${NODES} nodes, ${PODS} pods, ${containerCount} containers, ${volumes.length} volumes, ${(held - first) / HOUR} h); generated in ${secs(t() - started)}`,
);

started = t();
const filled = await allocator.days.ensureDays(first, held);
console.log(`per-day sums built or caught up for ${filled} days in ${secs(t() - started)}`);

// New hours, as the collector sees them: written, then added to their day's sums.
const recompute: number[] = [];
for (let h = held; h < last; h += HOUR) {
  await generate(h, h + HOUR, volumes);
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
// What the process keeps between calls: the inventory's last written row per target (pods,
// their containers, nodes, volumes), id and JSON as V8 one-byte strings, per pod.
const written = (inventory as unknown as { written: Map<string, string> }).written;
let inventoryChars = 0;
for (const [k, v] of written) inventoryChars += k.length + v.length;
const inventoryBytes = Math.round(inventoryChars / PODS);

const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => percentile(xs, 0.5);
const sumCost = (a: typeof check) =>
  (a.total.cpuCost + a.total.ramCost + a.total.storageCost).toFixed(2);
console.log(
  `\n${NODES} nodes, ${PODS} pods, ${DAYS} days (${(last - first) / HOUR} h) on ${PGLITE ? 'PGlite' : 'PostgreSQL'}; ${RUNS} runs after a warm-up; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `${DAYS}-day allocation by namespace:            p50 ${ms(median(byNamespace))}, p99 ${ms(percentile(byNamespace, 0.99))}`,
);
console.log(
  `${DAYS}-day allocation by namespace/controller: p50 ${ms(median(byController))}, p99 ${ms(percentile(byController, 0.99))}`,
);
console.log(
  `${DAYS}-day by namespace, ${DAYS} daily steps:       p50 ${ms(median(byDay))}, p99 ${ms(percentile(byDay, 0.99))}`,
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
  `allocation state on disk: ${(podState / PODS / 1024).toFixed(1)} KiB per pod (cost_pod_days + cost_pods, ${await count('cost_pod_days')} pod-days) + ${(workloadState / PODS).toFixed(0)} B per pod (cost_workload_days, ${await count('cost_workload_days')} rows); in memory ${inventoryBytes} B per live pod (the inventory's last rows: pod, containers, nodes, volumes)`,
);
console.log(
  `totals (CPU + memory + storage) agree: per-workload $${sumCost(check)} vs per-pod $${sumCost(byPod)}${hourly ? ` vs hourly $${sumCost(hourly)}` : ''}; storage $${check.total.storageCost.toFixed(2)}`,
);
await db.close();
