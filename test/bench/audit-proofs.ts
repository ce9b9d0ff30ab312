// Verifiable audit log at scale (PostgreSQL): bulk-builds a log of N records (bodies, chain and
// Merkle tree computed in JS, inserted in batches), then measures inclusion-proof latency,
// an incremental verifyAuditLog after 1,000 new records, and the full offline verification
// of an export. Medians and p99 of repeated runs.
//   node test/bench/audit-proofs.ts [--records 1000000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalJson, GENESIS_HASH, recordHash } from '../../src/audit/chain.ts';
import { Frontier, inclusionProof, leafHash } from '../../src/audit/merkle.ts';
import { parseVerifierKey } from '../../src/audit/note.ts';
import { exportAuditLog, verifyExport } from '../../src/audit/offline.ts';
import { AuditStore } from '../../src/audit/store.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrations.ts';
import { testLedger } from '../support/audit.ts';
import { createScratchDatabase } from '../support/postgres.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '1000000' } } });
const N = Number(values.records);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

const scratch = await createScratchDatabase();
const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
await migrate(db);
const results: Record<string, string> = { records: String(N) };
try {
  let t = performance.now();
  const tree = new Frontier();
  let prev = GENESIS_HASH;
  const BATCH = 20_000;
  for (let from = 0; from < N; from += BATCH) {
    const rec: unknown[][] = [[], [], [], [], [], []];
    const nodes: unknown[][] = [[], [], []];
    for (let i = from; i < Math.min(N, from + BATCH); i++) {
      const seq = i + 1;
      const eventId = crypto.randomUUID();
      // A PENDING event's intent, as the store writes it (its projection row is derived below).
      const body = canonicalJson({
        eventId,
        phase: 'intent',
        timestamp: new Date(1.7e12 + i * 1000).toISOString(),
        actor: `user-${i % 7}`,
        actorRole: 'operator',
        source: 'API',
        action: 'scale',
        verb: 'scale',
        target: {
          id: `t-${i % 500}`,
          provider: 'KUBERNETES',
          kind: 'DEPLOYMENT',
          cluster: 'lab',
          namespace: 'ns',
          name: `web-${i % 500}`,
        },
        parameters: { replicas: i % 10 },
        dryRun: false,
        requestId: null,
        idempotencyKey: null,
        inputHash: null,
        reverts: null,
        instanceId: 'bench',
      });
      const hash = recordHash(seq, body, prev);
      [seq, eventId, 'intent', body, prev, hash].forEach((v, k) => rec[k]!.push(v));
      prev = hash;
      for (const n of tree.append(leafHash(body))) {
        nodes[0]!.push(n.level);
        nodes[1]!.push(n.index);
        nodes[2]!.push(n.hash.toString('hex'));
      }
    }
    await db.query(
      `INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      rec,
    );
    await db.query(
      `INSERT INTO audit_tree_nodes (level, idx, hash)
       SELECT l, i, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) x(l, i, h)`,
      nodes,
    );
  }
  await db.query(`UPDATE audit_tree SET size = $1, frontier = decode($2, 'hex')`, [
    tree.size,
    Buffer.concat(tree.hashes).toString('hex'),
  ]);
  await db.exec(`INSERT INTO audit_events (id, ts, actor, actor_role, source, action, verb,
      target_id, target, parameters, dry_run, status, instance_id, intent_seq, last_seq)
    SELECT event_id, (b->>'timestamp')::timestamptz, b->>'actor', b->>'actorRole', b->>'source',
      b->>'action', b->>'verb', b->'target'->>'id', b->'target', b->'parameters', false, 'PENDING',
      b->>'instanceId', seq, seq
    FROM (SELECT event_id, seq, body::jsonb AS b FROM audit_records) r`);
  await db.exec('ANALYZE audit_records; ANALYZE audit_tree_nodes; ANALYZE audit_events');
  results['bulk build'] = `${((performance.now() - t) / 1000).toFixed(1)} s`;

  const store = new AuditStore(db);
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const index = Math.floor(Math.random() * N);
    const s = performance.now();
    await inclusionProof(index, N, store.readNodes);
    samples.push(performance.now() - s);
  }
  results['inclusion proof (300 random leaves)'] =
    `p50 ${pct(samples, 0.5).toFixed(2)} ms, p99 ${pct(samples, 0.99).toFixed(2)} ms`;

  const ledger = testLedger(db, store, { sink: null });
  await ledger.checkpoint();
  t = performance.now();
  const full = await ledger.verify(true);
  results['verifyAuditLog full (database)'] =
    `${((performance.now() - t) / 1000).toFixed(1)} s, valid ${full.valid}`;
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
  const inc = await ledger.verify();
  results['verifyAuditLog incremental, 1,000 new records'] =
    `${(performance.now() - t).toFixed(0)} ms, checked ${inc.checkedRecords}, valid ${inc.valid}`;

  const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
  t = performance.now();
  await exportAuditLog(db, ledger.publicKey(), dir);
  results['audit:export'] = `${((performance.now() - t) / 1000).toFixed(1)} s`;
  t = performance.now();
  const off = await verifyExport(dir, [parseVerifierKey(ledger.publicKey())]);
  results['audit:verify (offline, full)'] =
    `${((performance.now() - t) / 1000).toFixed(1)} s, valid ${off.valid}, ${off.checkedRecords} records`;
  rmSync(dir, { recursive: true, force: true });
} finally {
  await db.close();
  await scratch.drop();
}
console.log(JSON.stringify(results, null, 2));
