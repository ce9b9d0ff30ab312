import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { verifyConsistency } from '../../src/audit/merkle.ts';
import { parseVerifierKey } from '../../src/audit/note.ts';
import { exportAuditLog, verifyExport, verifyProofFile } from '../../src/audit/offline.ts';
import { AuditMaintenance } from '../../src/actions/reconcile.ts';
import { AuditStore } from '../../src/audit/store.ts';
import { SINGLE_REPLICA } from '../../src/leader.ts';
import { MemoryEventLog } from '../../src/eventlog.ts';
import { createLogger } from '../../src/logger.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { auditIntent, recordAction, testLedger, testPipeline } from '../support/audit.ts';
import { STORES } from '../support/stores.ts';

const run = promisify(execFile);

async function fill(store: AuditStore, n: number) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const intent = auditIntent(i, { action: 'restart', verb: 'restart', parameters: {} });
    ids.push((await recordAction(store, intent)).id);
  }
  return ids;
}

describe.each(STORES)('offline audit verification on $kind', (target) => {
  it('verifies an export, its proofs, and catches edits and a rollback against a kept checkpoint', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const ledger = testLedger(db, store);
      const keys = [parseVerifierKey(ledger.publicKey())];
      const ids = await fill(store, 5);
      const kept = (await ledger.checkpoint())!.note; // an auditor keeps this one elsewhere
      await fill(store, 2);
      await ledger.checkpoint();

      const dir = mkdtempSync(join(tmpdir(), 'oi-export-'));
      expect(await exportAuditLog(db, ledger.publicKey(), dir)).toEqual({
        records: 14,
        checkpoints: 2,
      });
      const ok = await verifyExport(dir, keys, [{ source: 'kept', note: kept }]);
      expect(ok).toMatchObject({ valid: true, treeSize: 14, checkedRecords: 14, mismatchCount: 0 });
      expect(ok.checkpoints.map((c) => c.size).sort()).toEqual([10, 10, 14]);

      // The walkthrough: the CLI on the export, then a proof from the API against a checkpoint.
      const vkeyFile = join(dir, 'trusted.vkey');
      writeFileSync(vkeyFile, ledger.publicKey());
      const cli = await run('node', ['scripts/audit-verify.ts', dir, '--key', vkeyFile]);
      expect(cli.stdout).toMatch(/^VALID: 14 records, tree size 14/m);
      const proof = (await ledger.inclusion(ids[1]!))!;
      const asJson = JSON.parse(
        JSON.stringify({
          treeSize: proof.treeSize,
          leaves: proof.leaves.map((l) => ({
            leafIndex: l.leafIndex,
            record: l.record,
            hashes: l.hashes.map((h) => h.toString('base64')),
          })),
        }),
      ) as Parameters<typeof verifyProofFile>[0];
      const latest = (await ledger.latest())!.note;
      expect(verifyProofFile(asJson, latest, keys)).toEqual([]);
      asJson.leaves[0]!.record = asJson.leaves[0]!.record.replace('alice', 'mallory');
      expect(verifyProofFile(asJson, latest, keys)).toEqual([
        "leaf 2 is not in the checkpoint's tree",
      ]);

      // An edited record in the export.
      const records = join(dir, 'records.jsonl');
      const original = readFileSync(records, 'utf8');
      writeFileSync(records, original.replace('web-3', 'web-9'));
      const edited = await verifyExport(dir, keys, [{ source: 'kept', note: kept }]);
      expect(edited.mismatches.map((m) => [m.kind, m.seq])).toContainEqual(['RECORD_EDITED', 7]);
      const cliBad = await run('node', ['scripts/audit-verify.ts', dir, '--key', vkeyFile]).catch(
        (e: { code: number; stdout: string }) => e,
      );
      expect(cliBad).toMatchObject({
        code: 1,
        stdout: expect.stringMatching(/^INVALID/m) as unknown,
      });

      // The newest records and checkpoint gone (a restored backup): the kept checkpoint says so.
      const cut = original.split('\n').slice(0, 8).join('\n') + '\n';
      writeFileSync(records, cut);
      const cutResult = await verifyExport(dir, keys, [{ source: 'kept', note: kept }]);
      expect(cutResult.mismatches.map((m) => m.kind)).toContain('LOG_TRUNCATED');
    } finally {
      await cleanup();
    }
  });

  // Slow on a loaded machine: PGlite, two exports' worth of work and a CLI run.
  it(
    'prunes past retention and keeps it verifiable: kept proofs, the verifier, a kept checkpoint',
    { timeout: 300_000 },
    async () => {
      const { db, cleanup } = await target.open();
      try {
        const store = new AuditStore(db);
        const ledger = testLedger(db, store);
        const keys = [parseVerifierKey(ledger.publicKey())];
        const ids = await fill(store, 6); // 12 records
        const kept = (await ledger.checkpoint())!.note;
        await db.query(
          `UPDATE audit_records SET created_at = now() - interval '40 days' WHERE seq <= 8`,
        );
        const maintenance = new AuditMaintenance({
          db,
          audit: store,
          providers: new ProviderRegistry([]),
          log: createLogger('silent'),
          instanceId: 'me',
          retentionDays: 30,
          ledger,
          actions: testPipeline(store),
          events: new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 }),
          leader: SINGLE_REPLICA,
        });
        expect(await maintenance.prune()).toBe(4);
        // Two kept events and the prune's own (intent at leaf 12, outcome at 13).
        expect(await store.count({})).toBe(3);
        const [pruneEvent] = await store.list({ actions: ['prune_retention'] }, 1);
        expect(pruneEvent).toMatchObject({
          status: 'SUCCEEDED',
          parameters: { days: { auditEvents: 30 } },
          after: { removed: { auditEvents: 4 } },
          leafIndex: 12,
        });
        // The signed checkpoint made before the prune commits to what was removed and to the
        // intent that removed it.
        const beforePrune = (await ledger.latest())!;
        expect(beforePrune.size).toBe(13);
        await fill(store, 2);
        const latest = (await ledger.checkpoint())!;
        expect(latest.size).toBe(18);

        // A kept event's proof still verifies, against the new checkpoint and the pruning one.
        for (const size of [18, 13]) {
          const proof = (await ledger.inclusion(ids[5]!, size))!;
          const asJson = JSON.parse(
            JSON.stringify({
              treeSize: proof.treeSize,
              leaves: proof.leaves.map((l) => ({
                leafIndex: l.leafIndex,
                record: l.record,
                hashes: l.hashes.map((h) => h.toString('base64')),
              })),
            }),
          ) as Parameters<typeof verifyProofFile>[0];
          const note = size === 18 ? latest.note : beforePrune.note;
          expect(verifyProofFile(asJson, note, keys)).toEqual([]);
        }
        // A pruned one has no proof to give: its record is gone.
        expect(await ledger.inclusion(ids[0]!)).toBeNull();
        const c = await ledger.consistency(13, 18);
        expect(c.fromRoot.equals(beforePrune.root)).toBe(true);
        expect(verifyConsistency(13, 18, c.hashes, c.fromRoot, c.toRoot)).toBe(true);
        expect(await ledger.verify(true)).toMatchObject({ valid: true, mismatchCount: 0 });

        // The offline verifier passes, consistent with the checkpoint kept before the prune.
        const dir = mkdtempSync(join(tmpdir(), 'oi-export-'));
        expect(await exportAuditLog(db, ledger.publicKey(), dir)).toMatchObject({
          records: 10,
        });
        const ok = await verifyExport(dir, keys, [{ source: 'kept', note: kept }]);
        expect(ok).toMatchObject({
          valid: true,
          treeSize: 18,
          checkedRecords: 10,
          mismatchCount: 0,
        });
        const vkeyFile = join(dir, 'trusted.vkey');
        writeFileSync(vkeyFile, ledger.publicKey());
        writeFileSync(join(dir, 'kept.txt'), kept);
        const cli = await run('node', [
          'scripts/audit-verify.ts',
          dir,
          '--key',
          vkeyFile,
          '--checkpoint',
          join(dir, 'kept.txt'),
        ]).catch((e: { stdout: string; stderr: string }) => e);
        expect(cli.stdout).toMatch(/^VALID: 10 records, tree size 18/m);

        // Pruning more behind the anchor's back (deleting kept records) is caught.
        await db.query('DELETE FROM audit_records WHERE seq IN (9, 10)');
        const after = await ledger.verify(true);
        expect(after.valid).toBe(false);
      } finally {
        await cleanup();
      }
    },
  );
});
