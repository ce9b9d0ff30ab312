import { describe, expect, it } from 'vitest';
import { INTEGRATE_AFTER_MS } from '../../src/audit/chain-writer.ts';
import { verifyInclusion } from '../../src/audit/merkle.ts';
import { pruneAuditLog } from '../../src/audit/verify.ts';
import { AuditStore } from '../../src/audit/store.ts';
import { auditIntent, recordAction, testLedger } from '../support/audit.ts';
import { STORES } from '../support/stores.ts';

// Two-phase appends (docs/audit.md): a record is acknowledged once it and its projection row
// are stored; it reaches the Merkle tree a moment later, and always before a checkpoint,
// a verification or a prune that needs it.

async function write(store: AuditStore, from: number, to: number) {
  const events = [];
  for (let i = from; i <= to; i++) events.push(await recordAction(store, auditIntent(i)));
  return events;
}

const treeSize = async (store: AuditStore) => (await store.treeHead()).tree.size;

describe.each(STORES)('two-phase audit appends on $kind', (target) => {
  it('adds acknowledged records to the tree within a bounded lag, with no caller asking', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      await write(store, 1, 3);
      const written = Date.now();
      while ((await treeSize(store)) < 6) {
        expect(Date.now() - written).toBeLessThan(INTEGRATE_AFTER_MS + 5000);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await treeSize(store)).toBe(6);
    } finally {
      await cleanup();
    }
  });

  it('covers a record acknowledged before integration by the next checkpoint, with a proof', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db, { integrateAfterMs: null });
      const ledger = testLedger(db, store);
      const events = await write(store, 1, 3);
      expect(await treeSize(store)).toBe(0); // acknowledged, stored, not in the tree yet
      expect(events.map((e) => e.leafIndex)).toEqual([0, 2, 4]); // its place is already fixed
      expect(await ledger.inclusion(events[2]!.id)).toMatchObject({ treeSize: 0, leaves: [] });
      const cp = (await ledger.checkpoint())!;
      expect(cp.size).toBe(6);
      const proof = (await ledger.inclusion(events[2]!.id))!;
      expect(proof.leaves.map((l) => l.leafIndex)).toEqual([4, 5]);
      for (const l of proof.leaves) {
        expect(verifyInclusion(l.leafIndex, 6, l.leafHash, l.hashes, cp.root)).toBe(true);
      }
      expect(await ledger.verify(true)).toMatchObject({ valid: true, checkedRecords: 6 });
    } finally {
      await cleanup();
    }
  });

  it('catches an un-integrated record edited or deleted once it is integrated', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db, { integrateAfterMs: null });
      const ledger = testLedger(db, store);
      await write(store, 1, 2);
      await ledger.checkpoint(); // records 1-4 in the tree and signed
      const [edited] = await write(store, 3, 4); // records 5-8, only stored
      await db.query(
        `UPDATE audit_records SET body = replace(body, '"replicas":3', '"replicas":30')
         WHERE seq = 5`,
      );
      const first = await ledger.verify(true); // integrates, then checks
      expect(await treeSize(store)).toBe(8);
      expect(first.mismatches).toContainEqual({
        kind: 'RECORD_EDITED',
        seq: 5,
        eventId: edited!.id,
        reason: 'record content does not match its hash',
      });
      // A record deleted before integration: the tree stops below it, and that is reported.
      await write(store, 5, 6); // records 9-12
      await db.query('DELETE FROM audit_records WHERE seq = 10');
      const second = await ledger.verify();
      expect(second.valid).toBe(false);
      expect(second.mismatches).toContainEqual(
        expect.objectContaining({ kind: 'RECORD_MISSING', seq: 10 }),
      );
      expect(await treeSize(store)).toBe(9);
      await expect(ledger.checkpoint()).rejects.toThrow(/audit record 10 is missing/);
    } finally {
      await cleanup();
    }
  });

  it('never prunes a record that is not in the tree yet', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db, { integrateAfterMs: null });
      await write(store, 1, 2);
      await store.integrate();
      await write(store, 3, 4); // records 5-8, only stored
      await db.query(`UPDATE audit_records SET created_at = now() - interval '40 days'`);
      expect(await pruneAuditLog(db, new Date(Date.now() - 30 * 86_400_000))).toBe(2);
      expect(await store.count({})).toBe(2);
      const ledger = testLedger(db, store);
      expect(await ledger.verify(true)).toMatchObject({ valid: true, checkedEvents: 2 });
    } finally {
      await cleanup();
    }
  });
});
