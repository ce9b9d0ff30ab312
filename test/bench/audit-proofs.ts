// Verifiable audit log at scale (PostgreSQL): bulk-builds a log of N records (bodies, chain and
// Merkle tree computed in JS, inserted in batches), then measures inclusion-proof latency,
// an incremental verifyAuditLog after 1,000 new records, and the full offline verification
// of an export. Medians and p99 of repeated runs.
//   node test/bench/audit-proofs.ts [--records 1000000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inclusionProof } from '../../src/audit/merkle.ts';
import { parseVerifierKey } from '../../src/audit/note.ts';
import { exportAuditLog, verifyExport } from '../../src/audit/offline.ts';
import { AuditStore } from '../../src/audit/store.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrations.ts';
import { seedAuditLog } from '../support/audit-seed.ts';
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
  // PENDING events' intents, as the store writes them, with their projection rows.
  await seedAuditLog(db, N, { withOutcomes: false });
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
