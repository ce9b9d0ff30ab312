// Verifiable audit log at scale (PostgreSQL): bulk-builds a log of N records (bodies, chain and
// Merkle tree computed in JS, inserted in batches), then measures inclusion-proof latency (the
// bare node read, and the whole auditInclusionProof path), an incremental verifyAuditLog after
// 1,000 new records, and the full offline verification of an export. Medians and p99 of
// repeated runs, and the statements each step sends (robust to machine load, unlike ms); a
// `SELECT 1` p99 in the same run is the floor any one-statement answer pays on this machine.
//   node test/bench/audit-proofs.ts [--records 1000000] [--database NAME] [--export DIR]
//        [--full-db-verify]
// --database keeps the log in that database (created and built once, reused after: each run
// adds the 1,000 incremental records); --export keeps the export in DIR (written once). Without
// them a scratch database and a temporary export are made and removed.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { inclusionProof } from '../../src/audit/merkle.ts';
import { parseVerifierKey } from '../../src/audit/note.ts';
import { exportAuditLog, verifyExport } from '../../src/audit/offline.ts';
import { AuditStore } from '../../src/audit/store.ts';
import { verifyAuditLog } from '../../src/audit/verify.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { seedAuditLog } from '../support/audit-seed.ts';
import { testLedger } from '../support/audit.ts';
import { createScratchDatabase, POSTGRES_ADMIN_URL } from '../support/postgres.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    database: { type: 'string' },
    export: { type: 'string' },
    'full-db-verify': { type: 'boolean', default: false },
  },
});
const N = Number(values.records);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const ms = (xs: number[]) =>
  `p50 ${pct(xs, 0.5).toFixed(2)} ms, p99 ${pct(xs, 0.99).toFixed(2)} ms`;

/** Client CPU (user + system) since `from`, in ms. */
function cpuMs(from: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(from);
  return ((used.user + used.system) / 1000).toFixed(0);
}

async function persistentDatabase(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => {} };
}

/** `db` with every statement counted (including those sent inside transactions). */
function counted(db: Database) {
  const counter = { n: 0 };
  const wrap = <Q extends Pick<Database, 'query' | 'exec'>>(q: Q): Q => ({
    ...q,
    query: (sql: string, params?: unknown[]) => (counter.n++, q.query(sql, params)),
    exec: (sql: string) => (counter.n++, q.exec(sql)),
  });
  const out: Database = {
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
  return { db: out, counter };
}

const where = values.database
  ? await persistentDatabase(values.database)
  : await createScratchDatabase();
const raw = await openDatabase({ databaseUrl: where.url, dataDir: '' });
const { db, counter } = counted(raw);
await migrate(raw);
const results: Record<string, string> = {};
try {
  let t = performance.now();
  const [head] = await raw.query<{ size: string }>('SELECT size FROM audit_tree WHERE id = 1');
  if (Number(head?.size ?? 0) === 0) {
    // PENDING events' intents, as the store writes them, with their projection rows.
    await seedAuditLog(raw, N, { withOutcomes: false });
    results['bulk build'] = `${((performance.now() - t) / 1000).toFixed(1)} s`;
  }
  const store = new AuditStore(db);
  const size = (await store.treeHead()).tree.size;
  results.records = String(size);

  const floor: number[] = [];
  for (let i = 0; i < 300; i++) {
    const s = performance.now();
    await raw.query('SELECT 1');
    floor.push(performance.now() - s);
  }
  results['SELECT 1 (floor, 300)'] = ms(floor);

  const samples: number[] = [];
  let before = counter.n;
  for (let i = 0; i < 300; i++) {
    const index = Math.floor(Math.random() * size);
    const s = performance.now();
    await inclusionProof(index, size, store.readNodes);
    samples.push(performance.now() - s);
  }
  results['inclusion proof nodes (300 random leaves)'] =
    `${ms(samples)}, ${(counter.n - before) / 300} statement(s) each`;

  const ledger = testLedger(db, store, { sink: null });
  await ledger.checkpoint();
  const ids = await raw.query<{ id: string }>(
    'SELECT id FROM audit_events TABLESAMPLE SYSTEM (1) LIMIT 300',
  );
  const whole: number[] = [];
  before = counter.n;
  for (const { id } of ids) {
    const s = performance.now();
    const proof = await ledger.inclusion(id);
    whole.push(performance.now() - s);
    if (!proof || proof.leaves.length === 0) throw new Error(`no proof for ${id}`);
  }
  results[`auditInclusionProof (${ids.length} events)`] =
    `${ms(whole)}, ${((counter.n - before) / ids.length).toFixed(1)} statement(s) each`;

  if (values['full-db-verify']) {
    t = performance.now();
    const full = await ledger.verify(true);
    results['verifyAuditLog full (database)'] =
      `${((performance.now() - t) / 1000).toFixed(1)} s, valid ${full.valid}`;
  }
  // Where a clean scan would have ended: the tree head and the last record's hash as stored
  // now (a full scan of the database takes many minutes at 1M records; --full-db-verify).
  const { baseSeq, tree } = await store.treeHead();
  const [last] = await raw.query<{ hash: string }>(
    'SELECT hash FROM audit_records ORDER BY seq DESC LIMIT 1',
  );
  const from = { baseSeq, tree, prevHash: last!.hash };
  // 1,000 new records through the store (500 events), then the incremental check.
  for (let i = 0; i < 500; i++) {
    const e = await store.recordIntent({
      actor: 'bench',
      actorRole: 'operator',
      source: 'API',
      action: 'scale',
      verb: 'scale',
      target: {
        id: 'k8s:lab:DEPLOYMENT:ns:web',
        provider: 'KUBERNETES',
        kind: 'DEPLOYMENT',
        cluster: 'lab',
        namespace: 'ns',
        name: 'web',
      },
      parameters: { replicas: i },
      dryRun: false,
      requestId: null,
      idempotencyKey: null,
      inputHash: null,
      reverts: null,
      instanceId: 'bench',
    });
    await store.recordOutcome(e.id, {
      status: 'SUCCEEDED',
      error: null,
      before: null,
      after: null,
      message: null,
      durationMs: 1,
    });
  }
  await ledger.checkpoint();
  t = performance.now();
  before = counter.n;
  let cpu = process.cpuUsage();
  const latest = await ledger.latest();
  const inc = await verifyAuditLog(db, {
    keys: [parseVerifierKey(ledger.publicKey())],
    origin: ledger.origin,
    checkpoints: [{ source: 'database', note: latest!.note }],
    readNodes: store.readNodes,
    from,
  });
  results['verifyAuditLog incremental, 1,000 new records'] =
    `${(performance.now() - t).toFixed(0)} ms (CPU ${cpuMs(cpu)} ms), ${counter.n - before} statements, checked ${inc.checkedRecords}, valid ${inc.valid}`;

  const dir = values.export ?? mkdtempSync(join(tmpdir(), 'bench-export-'));
  if (!existsSync(join(dir, 'records.jsonl'))) {
    t = performance.now();
    await exportAuditLog(raw, ledger.publicKey(), dir);
    results['audit:export'] = `${((performance.now() - t) / 1000).toFixed(1)} s`;
  }
  t = performance.now();
  cpu = process.cpuUsage();
  const off = await verifyExport(dir, [parseVerifierKey(ledger.publicKey())]);
  results['audit:verify (offline, full)'] =
    `${((performance.now() - t) / 1000).toFixed(1)} s (CPU ${(Number(cpuMs(cpu)) / 1000).toFixed(1)} s), valid ${off.valid}, ${off.checkedRecords} records`;
  if (!values.export) rmSync(dir, { recursive: true, force: true });
} finally {
  await raw.close();
  if (!values.database) await where.drop();
}
console.log(JSON.stringify(results, null, 2));
