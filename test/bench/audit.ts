// Audit log benchmark: write throughput (events/s, each = intent + outcome records in the
// hash chain and Merkle tree, checkpoints signed every second meanwhile) against a baseline of
// the same event written durably without the chain (its row inserted, then its outcome applied,
// in a copy of the projection table with all its indexes; same store, same concurrency), and
// auditLog query latency at 1M rows, on PGlite and on PostgreSQL.
//   node test/bench/audit.ts [--rows 1000000] [--writes 2000] [--rounds 3]
//        [--stores pglite,postgres] [--writers 1,8,32]
// Reports medians of repeated runs, and of order-balanced pairs of rounds (an even --rounds: each
// side first once per pair); see test/bench/README.md for recorded figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditStore } from '../../src/audit/store.ts';
import type { IntentInput } from '../../src/audit/chain-tables.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { testLedger } from '../support/audit.ts';
import { orderBalanced } from './http-load.ts';
import { createScratchDatabase } from '../support/postgres.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    writes: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    stores: { type: 'string', default: 'pglite,postgres' },
    writers: { type: 'string', default: '1,8,32' },
  },
});
const ROUNDS = Number(values.rounds);
const STORES = values.stores.split(',');
const ROWS = Number(values.rows);
const WRITES = Number(values.writes);
const WRITERS = values.writers.split(',').map(Number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

function intent(i: number): IntentInput {
  return {
    actor: `user-${i % 7}`,
    actorRole: 'operator',
    source: 'API',
    action: i % 3 ? 'scale' : 'restart',
    verb: i % 3 ? 'scale' : 'restart',
    target: {
      id: `k8s:lab:DEPLOYMENT:ns-${i % 50}:web-${i % 500}`,
      provider: 'KUBERNETES',
      kind: 'DEPLOYMENT',
      cluster: 'lab',
      namespace: `ns-${i % 50}`,
      name: `web-${i % 500}`,
    },
    parameters: { replicas: i % 10 },
    dryRun: false,
    requestId: null,
    idempotencyKey: null,
    inputHash: null,
    reverts: null,
    instanceId: 'bench',
  };
}

async function writeOne(store: AuditStore, i: number) {
  const e = await store.recordIntent(intent(i));
  await store.recordOutcome(e.id, {
    status: 'SUCCEEDED',
    error: null,
    before: { replicas: 1 },
    after: { replicas: i % 10 },
    message: null,
    durationMs: 1,
  });
}

/**
 * Chained writes as the server makes them: the hash chain, the Merkle tree, and the leader
 * signing a checkpoint (to the database and a file sink) every second while they run. The
 * clock stops once every record written is in the Merkle tree, not when the last is stored.
 */
async function writeThroughput(db: Database, concurrency: number): Promise<number> {
  const store = new AuditStore(db);
  const ledger = testLedger(db, store, { intervalSeconds: 1 });
  ledger.start();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < WRITES) await writeOne(store, next++);
    }),
  );
  await store.integrate();
  const rate = WRITES / ((performance.now() - started) / 1000);
  ledger.stop();
  return rate;
}

/**
 * The baseline: the same event written durably without the chain, on the same store at the
 * same concurrency: its intent inserted as a PENDING row, then its outcome applied to it, two
 * autocommitted statements, into a copy of the projection table with every index and
 * constraint it has (`LIKE audit_events INCLUDING ALL`), with the values the store writes.
 */
async function plainThroughput(db: Database, concurrency: number): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS bench_plain (LIKE audit_events INCLUDING ALL)');
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < WRITES) {
        const i = next++;
        const id = crypto.randomUUID();
        const x = intent(i);
        await db.query(
          `INSERT INTO bench_plain (id, ts, actor, actor_name, actor_role, source, action, verb,
             target_id, target, parameters, dry_run, status, request_id, idempotency_key,
             input_hash, reverts, instance_id, intent_seq, last_seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'PENDING', $13, $14, $15,
             $16, $17, $18, $18)`,
          [
            id,
            new Date().toISOString(),
            x.actor,
            x.actorName ?? null,
            x.actorRole,
            x.source,
            x.action,
            x.verb,
            x.target?.id ?? null,
            JSON.stringify(x.target),
            JSON.stringify(x.parameters),
            x.dryRun,
            x.requestId,
            x.idempotencyKey,
            x.inputHash,
            x.reverts,
            x.instanceId,
            2 * i,
          ],
        );
        await db.query(
          `UPDATE bench_plain SET status = $2, error = $3, before = $4, after = $5, message = $6,
             duration_ms = $7, last_seq = $8 WHERE id = $1 AND status = 'PENDING'`,
          [
            id,
            'SUCCEEDED',
            null,
            JSON.stringify({ replicas: 1 }),
            JSON.stringify({ replicas: i % 10 }),
            null,
            1,
            2 * i + 1,
          ],
        );
      }
    }),
  );
  return WRITES / ((performance.now() - started) / 1000);
}

/** Bulk-loads synthetic projection rows (query latency does not depend on the hashes). */
async function bulkLoad(db: Database, rows: number) {
  const batch = 100_000;
  for (let from = 1; from <= rows; from += batch) {
    const to = Math.min(rows, from + batch - 1);
    await db.exec(`
      INSERT INTO audit_events (id, ts, actor, actor_role, source, action, verb, target_id, target,
        parameters, dry_run, status, instance_id, intent_seq, last_seq)
      SELECT md5(g::text)::uuid, now() - (g || ' seconds')::interval, 'user-' || (g % 7), 'operator',
        CASE WHEN g % 11 = 0 THEN 'CHATOPS' ELSE 'API' END,
        CASE WHEN g % 3 = 0 THEN 'restart' ELSE 'scale' END, 'scale',
        'k8s:lab:DEPLOYMENT:ns-' || (g % 50) || ':web-' || (g % 500), '{}'::jsonb,
        jsonb_build_object('replicas', g % 10), false,
        CASE WHEN g % 13 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END, 'bulk', 1000000000 + g, 1
      FROM generate_series(${from}, ${to}) g`);
  }
  await db.exec(`INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
    VALUES (1, md5('x')::uuid, 'intent', '{}', '', '') ON CONFLICT DO NOTHING`);
  await db.exec('ANALYZE audit_events');
}

async function queryLatency(db: Database) {
  const store = new AuditStore(db);
  const cases: [string, () => Promise<unknown>][] = [
    ['first page (20), no filter', () => store.list({}, 20)],
    [
      'first page, actions=[scale] statuses=[SUCCEEDED]',
      () => store.list({ actions: ['scale'], statuses: ['SUCCEEDED'] }, 20),
    ],
    [
      'first page, one resource',
      () => store.list({ resourceId: 'k8s:lab:DEPLOYMENT:ns-7:web-107' }, 20),
    ],
    [
      'page after 500k rows (keyset)',
      async () => {
        const [row] = await db.query<{ ts: Date; id: string }>(
          'SELECT ts, id FROM audit_events ORDER BY ts DESC, id DESC OFFSET $1 LIMIT 1',
          [Math.floor(ROWS / 2)],
        );
        const t = performance.now();
        await store.list({}, 20, { ts: new Date(row!.ts).toISOString(), id: row!.id });
        return performance.now() - t;
      },
    ],
  ];
  const out: Record<string, string> = {};
  for (const [name, run] of cases) {
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      const r = await run();
      samples.push(typeof r === 'number' ? r : performance.now() - t);
    }
    out[name] = `p50 ${median(samples).toFixed(2)} ms, p90 ${pct(samples, 0.9).toFixed(2)} ms`;
  }
  return out;
}

async function bench(
  kind: string,
  open: () => Promise<{ db: Database; cleanup: () => Promise<void> }>,
) {
  const results: Record<string, unknown> = { store: kind };
  for (const concurrency of WRITERS) {
    const runs: number[] = [];
    const plain: number[] = [];
    const ratios: number[] = [];
    // This process's CPU per event (all its threads: PGlite's store thread included; a
    // PostgreSQL server's own CPU is not), less sensitive than rates to a busy machine.
    const cpu: [number[], number[]] = [[], []];
    const measured = async (side: 0 | 1, run: () => Promise<number>) => {
      const before = process.cpuUsage();
      const rate = await run();
      const used = process.cpuUsage(before);
      cpu[side].push((used.user + used.system) / 1000 / WRITES);
      return rate;
    };
    for (let r = 0; r < ROUNDS; r++) {
      // Each first in turn, on a fresh database each round; the ratio is taken per round.
      const { db, cleanup } = await open();
      const plainRun = () => measured(1, () => plainThroughput(db, concurrency));
      const p1 = r % 2 ? await plainRun() : undefined;
      const c = await measured(0, () => writeThroughput(db, concurrency));
      const p = p1 ?? (await plainRun());
      runs.push(c);
      plain.push(p);
      ratios.push(c / p);
      await cleanup();
    }
    // The side that runs first on a round's fresh database is the slower (its first seconds):
    // a pair of rounds, one in each order, cancels that; its ratio is their geometric mean.
    const pairs = orderBalanced(ratios);
    const percents = (xs: number[]) => xs.map((x) => (100 * x).toFixed(0)).join('/');
    results[`writes/s (concurrency ${concurrency}, medians of ${ROUNDS})`] =
      `${median(runs).toFixed(0)} chained vs ${median(plain).toFixed(0)} plain, ratio ${(100 * median(ratios)).toFixed(0)}% (rounds ${percents(ratios)}%${pairs.length ? `; order-balanced pairs ${percents(pairs)}%, median ${(100 * median(pairs)).toFixed(0)}%` : ''}); CPU ms/event ${median(cpu[0]).toFixed(2)} vs ${median(cpu[1]).toFixed(2)}`;
  }
  results.load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const { db, cleanup } = await open();
  const t = performance.now();
  await bulkLoad(db, ROWS);
  results[`bulk load of ${ROWS} rows`] = `${((performance.now() - t) / 1000).toFixed(1)} s`;
  Object.assign(results, await queryLatency(db));
  await cleanup();
  console.log(JSON.stringify(results, null, 2));
}

if (STORES.includes('pglite'))
  await bench('pglite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
    const db = await openDatabase({ dataDir: dir });
    await migrate(db);
    return {
      db,
      cleanup: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
if (STORES.includes('postgres'))
  await bench('postgres', async () => {
    const scratch = await createScratchDatabase();
    const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
    await migrate(db);
    return {
      db,
      cleanup: async () => {
        await db.close();
        await scratch.drop();
      },
    };
  });
