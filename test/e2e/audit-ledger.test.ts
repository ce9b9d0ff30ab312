import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { verifyConsistency, verifyInclusion, rangeNodes } from '../../src/audit/merkle.ts';
import { openNote, parseCheckpoint, parseVerifierKey } from '../../src/audit/note.ts';
import { INTEGRATE_AFTER_MS } from '../../src/audit/chain-writer.ts';
import { AuditStore } from '../../src/audit/store.ts';
import { openDatabase } from '../../src/store/database.ts';
import type { Database } from '../../src/store/database.ts';
import { openSink } from '../../src/audit/sink.ts';
import { auditIntent, recordAction, testLedger } from '../support/audit.ts';
import { seedAuditLog } from '../support/audit-seed.ts';
import { MOTO_CREDENTIALS, startMoto } from '../support/moto.ts';
import { STORES } from '../support/stores.ts';

async function write(store: AuditStore, from: number, to: number) {
  const events = [];
  for (let i = from; i <= to; i++) {
    events.push(await recordAction(store, auditIntent(i), { after: { replicas: i } }));
  }
  return events;
}

/** What an attacker with database access does to hide the newest records: cut everything back. */
async function rollBack(db: Database, store: AuditStore, size: number) {
  const frontier = await store.readNodes(rangeNodes(0, size));
  await db.query('DELETE FROM audit_records WHERE seq > $1', [size]);
  await db.query('DELETE FROM audit_events WHERE last_seq > $1', [size]);
  await db.query('DELETE FROM audit_tree_nodes WHERE (idx + 1) * (1::bigint << level) > $1', [
    size,
  ]);
  await db.query('DELETE FROM audit_checkpoints WHERE size > $1', [size]);
  await db.query(`UPDATE audit_tree SET size = $1, frontier = decode($2, 'hex')`, [
    size,
    Buffer.concat(frontier).toString('hex'),
  ]);
}

const kinds = (r: { mismatches: { kind: string }[] }) => [
  ...new Set(r.mismatches.map((m) => m.kind)),
];

describe.each(STORES)('signed audit checkpoints on $kind', (target) => {
  it('signs checkpoints, hands out proofs that verify, and verifies incrementally', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const ledger = testLedger(db, store);
      expect(await ledger.checkpoint()).toBeNull();
      const events = await write(store, 1, 5);
      expect(events.map((e) => [e.leafIndex, e.outcomeLeafIndex])[4]).toEqual([8, 9]);
      const cp = (await ledger.checkpoint())!;
      expect(cp.size).toBe(10);
      const opened = openNote(cp.note, [parseVerifierKey(ledger.publicKey())]);
      expect(opened.problem).toBeNull();
      expect(parseCheckpoint(opened.text).root.equals(cp.root)).toBe(true);

      const proof = (await ledger.inclusion(events[2]!.id))!;
      expect(proof.leaves.map((l) => l.leafIndex)).toEqual([4, 5]);
      for (const l of proof.leaves) {
        expect(verifyInclusion(l.leafIndex, 10, l.leafHash, l.hashes, cp.root)).toBe(true);
        expect(JSON.parse(l.record)).toMatchObject({ eventId: events[2]!.id, phase: l.phase });
      }
      await write(store, 6, 7);
      const cp2 = (await ledger.checkpoint())!;
      const c = await ledger.consistency(10, 14);
      expect(verifyConsistency(10, 14, c.hashes, cp.root, cp2.root)).toBe(true);
      await expect(ledger.consistency(10, 15)).rejects.toThrow(RangeError);

      expect(await ledger.verify(true)).toMatchObject({
        valid: true,
        treeSize: 14,
        checkedRecords: 14,
      });
      expect(await ledger.verify()).toMatchObject({ valid: true, checkedRecords: 0 });
      await write(store, 8, 8);
      expect(await ledger.verify()).toMatchObject({
        valid: true,
        checkedRecords: 2,
        checkedEvents: 1,
      });
      // Only what is new is read: an edit to a new event's row is caught on the next call.
      const [late] = await write(store, 9, 9);
      await db.query(`UPDATE audit_events SET after = '{"replicas": 99}' WHERE id = $1`, [
        late!.id,
      ]);
      const bad = await ledger.verify();
      expect(bad.mismatches).toEqual([
        { kind: 'EVENT_EDITED', seq: 17, eventId: late!.id, reason: 'after was edited' },
      ]);
      expect((await ledger.verify(true)).mismatchCount).toBe(1);
    } finally {
      await cleanup();
    }
  });

  it('shares one scan among concurrent verifications and turns the event loop between batches', async () => {
    const { db, cleanup } = await target.open();
    try {
      await seedAuditLog(db, 1500); // 3,000 records: several batches of the scan
      const ledger = testLedger(db, new AuditStore(db), { sink: null });
      // Macrotasks that run while the scans are under way (a /health request is one).
      let turns = 0;
      let ticking = true;
      const tick = () => {
        if (!ticking) return;
        turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      const [a, b] = await Promise.all([ledger.verify(true), ledger.verify(true)]);
      ticking = false;
      expect(a).toBe(b);
      expect(a).toMatchObject({ valid: true, checkedRecords: 3000, checkedEvents: 1500 });
      expect(turns).toBeGreaterThanOrEqual(5);
      // Once done, the next call scans again.
      expect(await ledger.verify(true)).not.toBe(a);
    } finally {
      await cleanup();
    }
  });

  it('reports every edit, a deletion in the middle and a reorder, not only the first', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const ledger = testLedger(db, store);
      const events = await write(store, 1, 6);
      await ledger.checkpoint();
      await db.query(
        `UPDATE audit_records SET body = replace(body, '"replicas":2', '"replicas":20') WHERE seq IN (3, 4)`,
      );
      await db.query(`UPDATE audit_events SET actor = 'mallory' WHERE id = $1`, [events[4]!.id]);
      let r = await ledger.verify(true);
      expect(r.valid).toBe(false);
      expect(r.mismatches.filter((m) => m.kind === 'RECORD_EDITED').map((m) => m.seq)).toEqual([
        3, 4,
      ]);
      expect(r.mismatches.filter((m) => m.kind === 'LEAF_MISMATCH').map((m) => m.seq)).toEqual([
        3, 4,
      ]);
      expect(r.mismatches).toContainEqual(
        expect.objectContaining({
          kind: 'EVENT_EDITED',
          eventId: events[4]!.id,
          reason: 'actor was edited',
        }),
      );
      expect(kinds(r)).toContain('CHECKPOINT_MISMATCH');

      // A deletion in the middle, and two records swapped.
      await db.query(`DELETE FROM audit_records WHERE seq = 7`);
      await db.query(`UPDATE audit_records SET seq = -seq WHERE seq IN (9, 10)`);
      await db.query(`UPDATE audit_records SET seq = 10 WHERE seq = -9`);
      await db.query(`UPDATE audit_records SET seq = 9 WHERE seq = -10`);
      r = await ledger.verify(true);
      expect(r.mismatches).toContainEqual(
        expect.objectContaining({ kind: 'RECORD_MISSING', reason: 'record 7 is missing' }),
      );
      expect(r.mismatches.filter((m) => m.kind === 'RECORD_EDITED').map((m) => m.seq)).toEqual(
        expect.arrayContaining([3, 4, 9, 10]),
      );
    } finally {
      await cleanup();
    }
  });

  it('catches the newest records deleted and a database rolled back, through the sink', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const ledger = testLedger(db, store);
      await write(store, 1, 4);
      await ledger.checkpoint();
      await write(store, 5, 6);
      await ledger.checkpoint();
      expect((await ledger.verify(true)).valid).toBe(true);
      // Restore "the backup" taken at 8 records: records, events, tree and checkpoints.
      await rollBack(db, store, 8);
      const r = await ledger.verify(true);
      expect(r.valid).toBe(false);
      expect(r.mismatches.map((m) => m.kind)).toEqual(['LOG_TRUNCATED']);
      expect(r.mismatches[0]?.reason).toMatch(
        /sink checkpoint covers 12 records but the log has 8/,
      );
      // And the leader refuses to sign over it: the sink keeps the evidence.
      await write(store, 7, 7);
      await expect(ledger.checkpoint()).rejects.toThrow(/refusing to sign/);
    } finally {
      await cleanup();
    }
  });

  it('catches a log recomputed from scratch and signed with another key', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const ledger = testLedger(db, store);
      await write(store, 1, 3);
      const honest = (await ledger.checkpoint())!;
      // The attacker rewrites history: everything recomputed, then signed with their key.
      await db.exec(`DELETE FROM audit_records; DELETE FROM audit_events; DELETE FROM audit_tree_nodes;
        DELETE FROM audit_checkpoints; UPDATE audit_tree SET size = 0, frontier = ''::bytea`);
      await write(store, 11, 13);
      const forger = testLedger(db, store, { seed: 9, sink: null });
      await forger.checkpoint();
      const r = await ledger.verify(true);
      expect(kinds(r).sort()).toEqual(['CHECKPOINT_MISMATCH', 'CHECKPOINT_UNSIGNED']);
      expect(r.mismatches.find((m) => m.kind === 'CHECKPOINT_MISMATCH')?.reason).toMatch(/sink/);
      expect(honest.size).toBe(6);
    } finally {
      await cleanup();
    }
  });
});

describe('two replicas on one PostgreSQL', () => {
  it('only the leader integrates: records of a follower reach the tree at its next checkpoint', async () => {
    const target = STORES.find((s) => s.kind === 'postgres')!;
    const { db, url, cleanup } = await target.open();
    // Each replica its own pool, as two processes would have.
    const other = await openDatabase({ databaseUrl: url, dataDir: '' });
    const leader = new AuditStore(db);
    const follower = new AuditStore(other, { leader: { isLeader: () => false } });
    const ledger = testLedger(db, leader, { intervalSeconds: 1 });
    const size = async () => (await leader.treeHead()).tree.size;
    try {
      await write(follower, 1, 3);
      // Well past the moment after which a writer that integrates would have.
      await new Promise((r) => setTimeout(r, 6 * INTEGRATE_AFTER_MS));
      expect(await size()).toBe(0);
      // The leader's checkpoints (every second here) integrate them, and sign them.
      ledger.start();
      await expect.poll(size, { timeout: 15_000, interval: 200 }).toBe(6);
      await expect.poll(async () => (await ledger.latest())?.size, { timeout: 15_000 }).toBe(6);
      ledger.stop();
      // The leader (as a single process with no election) integrates its own appends itself.
      await write(leader, 4, 4);
      await expect.poll(size, { timeout: 15_000, interval: 100 }).toBe(8);
      expect(await ledger.verify(true)).toMatchObject({ valid: true, treeSize: 8 });
    } finally {
      ledger.stop();
      await other.close();
      await cleanup();
    }
  });
});

describe('the checkpoint sink on S3 (moto)', () => {
  it('keeps the latest checkpoint in a bucket and catches a rollback through it', async () => {
    const moto = await startMoto();
    const saved = { ...process.env };
    Object.assign(process.env, moto.env);
    const { db, cleanup } = await STORES[1]!.open();
    try {
      const s3 = new S3Client({
        region: 'us-east-1',
        endpoint: moto.endpoint,
        forcePathStyle: true,
        credentials: MOTO_CREDENTIALS,
      });
      await s3.send(new CreateBucketCommand({ Bucket: 'audit-sink' }));
      const sink = openSink('s3://audit-sink/prod/checkpoint', {
        endpoint: moto.endpoint,
        region: 'us-east-1',
      })!;
      expect(sink.name).toBe('s3://audit-sink/prod/checkpoint');
      expect(await sink.read()).toBeNull();
      const store = new AuditStore(db);
      const ledger = testLedger(db, store, { sink });
      await write(store, 1, 3);
      const cp = (await ledger.checkpoint())!;
      expect(await sink.read()).toBe(cp.note);
      await rollBack(db, store, 4);
      const r = await ledger.verify(true);
      expect(r.mismatches.map((m) => m.kind)).toEqual(['LOG_TRUNCATED']);
      expect(await sink.read()).toBe(cp.note);
    } finally {
      process.env = saved;
      await cleanup();
      await moto.stop();
    }
  });
});
