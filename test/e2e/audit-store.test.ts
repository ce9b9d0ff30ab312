import { describe, expect, it } from 'vitest';
import { AuditMaintenance } from '../../src/actions/reconcile.ts';
import { AuditStore } from '../../src/audit/store.ts';
import { CHAIN_LOCK, type IntentInput } from '../../src/audit/chain-tables.ts';
import { pruneAuditLog, verifyAuditLog } from '../../src/audit/verify.ts';
import { MemoryEventLog } from '../../src/eventlog.ts';
import { createLogger } from '../../src/logger.ts';
import { SINGLE_REPLICA } from '../../src/leader.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { testLedger, testPipeline } from '../support/audit.ts';
import { STORES } from '../support/stores.ts';

const log = createLogger('silent');

/** A full check with no signed checkpoint (the ledger's checks are in audit-ledger.test.ts). */
/** Verifies the whole log, every record appended so far integrated first (as the ledger does). */
async function verifyAll(db: Database) {
  const store = new AuditStore(db);
  await store.integrate();
  return verifyAuditLog(db, {
    keys: [],
    origin: 'test',
    checkpoints: [],
    readNodes: store.readNodes,
  });
}

function intent(i: number, over: Partial<IntentInput> = {}): IntentInput {
  return {
    actor: i % 2 ? 'alice' : 'bob',
    actorRole: 'operator',
    source: 'API',
    action: i % 3 ? 'scale' : 'restart',
    verb: i % 3 ? 'scale' : 'restart',
    target: {
      id: `k8s:lab:DEPLOYMENT:shop:web-${i % 4}`,
      provider: 'KUBERNETES',
      kind: 'DEPLOYMENT',
      cluster: 'lab',
      namespace: 'shop',
      name: `web-${i % 4}`,
    },
    parameters: { replicas: i },
    dryRun: false,
    requestId: `req-${i}`,
    idempotencyKey: null,
    inputHash: null,
    reverts: null,
    instanceId: 'test-instance',
    ...over,
  };
}

async function complete(store: AuditStore, i: number) {
  const pending = await store.recordIntent(intent(i));
  return store.recordOutcome(pending.id, {
    status: i % 5 === 0 ? 'FAILED' : 'SUCCEEDED',
    error: i % 5 === 0 ? { code: 'CONFLICT', message: 'changed' } : null,
    before: { replicas: i - 1 },
    after: { replicas: i },
    message: `scaled to ${i}`,
    durationMs: 12,
  });
}

describe.each(STORES)('audit log on $kind', (target) => {
  it('chains intent and outcome records and verifies them', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const pending = await store.recordIntent(intent(1));
      expect(pending.status).toBe('PENDING');
      expect(pending.prevHash).toBe('0'.repeat(64));
      const done = await store.recordOutcome(pending.id, {
        status: 'SUCCEEDED',
        error: null,
        before: { replicas: 1 },
        after: { replicas: 3 },
        message: 'ok',
        durationMs: 5,
      });
      expect(done.status).toBe('SUCCEEDED');
      expect(done.prevHash).toBe(pending.hash);
      expect(done.after).toEqual({ replicas: 3 });
      await expect(
        store.recordOutcome(pending.id, { ...done, status: 'FAILED', durationMs: 1 }),
      ).rejects.toThrow(/not PENDING/);
      expect(await verifyAll(db)).toMatchObject({
        valid: true,
        checkedRecords: 2,
        checkedEvents: 1,
      });
    } finally {
      await cleanup();
    }
  });

  it('catches a row edited, a record edited, and rows deleted directly in the database', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const events = [];
      for (let i = 1; i <= 6; i++) events.push(await complete(store, i));
      expect((await verifyAll(db)).valid).toBe(true);

      const victim = events[3]!;
      await db.query(`UPDATE audit_events SET after = '{"replicas": 99}' WHERE id = $1`, [
        victim.id,
      ]);
      let result = await verifyAll(db);
      expect(result.valid).toBe(false);
      expect(result.mismatches[0]).toMatchObject({
        eventId: victim.id,
        reason: 'after was edited',
      });
      await db.query(`UPDATE audit_events SET after = $2 WHERE id = $1`, [
        victim.id,
        JSON.stringify(victim.after),
      ]);
      expect((await verifyAll(db)).valid).toBe(true);

      await db.query(
        `UPDATE audit_records SET body = replace(body, '"actor":"alice"', '"actor":"mallory"')
         WHERE event_id = $1 AND phase = 'intent'`,
        [events[0]!.id],
      );
      result = await verifyAll(db);
      expect(result.mismatches[0]).toMatchObject({
        eventId: events[0]!.id,
        reason: 'record content does not match its hash',
      });
    } finally {
      await cleanup();
    }
  });

  it("keeps a person's display name under the chain: recorded, verified, an edit caught", async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      await complete(store, 1);
      const person = await store.recordIntent(
        intent(2, { actor: 'oidc:u-alice', actorName: 'Alice Operator' }),
      );
      expect(person).toMatchObject({ actor: 'oidc:u-alice', actorName: 'Alice Operator' });
      expect((await store.get(person.id))?.actorName).toBe('Alice Operator');
      expect((await verifyAll(db)).valid).toBe(true);

      await db.query(`UPDATE audit_events SET actor_name = 'Mallory' WHERE id = $1`, [person.id]);
      const result = await verifyAll(db);
      expect(result.mismatches).toEqual([
        expect.objectContaining({ eventId: person.id, reason: 'actorName was edited' }),
      ]);
    } finally {
      await cleanup();
    }
  });

  it('catches a deleted record and a deleted event', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const events = [];
      for (let i = 1; i <= 4; i++) events.push(await complete(store, i));
      await db.query(`DELETE FROM audit_events WHERE id = $1`, [events[2]!.id]);
      expect((await verifyAll(db)).mismatches[0]?.reason).toMatch(
        /missing from the audit_events table/,
      );
      await db.query(`DELETE FROM audit_records WHERE seq = 3`);
      expect((await verifyAll(db)).mismatches[0]).toMatchObject({
        seq: 3,
        reason: 'record 3 is missing',
      });
    } finally {
      await cleanup();
    }
  });

  it('lists newest first with filters and keyset pages', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      for (let i = 1; i <= 12; i++) await complete(store, i);
      const all = await store.list({}, 100);
      expect(all.map((e) => e.parameters.replicas)).toEqual([
        12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
      ]);
      const scaled = await store.list({ actions: ['scale'], statuses: ['SUCCEEDED'] }, 100);
      expect(scaled.every((e) => e.action === 'scale' && e.status === 'SUCCEEDED')).toBe(true);
      expect(scaled).toHaveLength(6);
      expect(await store.count({ actors: ['alice'] })).toBe(6);
      expect(await store.count({ resourceId: 'k8s:lab:DEPLOYMENT:shop:web-1' })).toBe(3);
      const first = await store.list({}, 5);
      const last = first.at(-1)!;
      const next = await store.list({}, 5, { ts: last.timestamp, id: last.id });
      expect(next.map((e) => e.parameters.replicas)).toEqual([7, 6, 5, 4, 3]);
    } finally {
      await cleanup();
    }
  });

  it('keeps one event per actor and idempotency key', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      await store.recordIntent(intent(1, { idempotencyKey: 'k1', inputHash: 'h' }));
      await expect(
        store.recordIntent(intent(1, { idempotencyKey: 'k1', inputHash: 'h' })),
      ).rejects.toThrow();
      expect((await store.findByIdempotencyKey('alice', 'k1'))?.inputHash).toBe('h');
      expect(await store.findByIdempotencyKey('bob', 'k1')).toBeUndefined();
      expect((await verifyAll(db)).valid).toBe(true);
    } finally {
      await cleanup();
    }
  });

  it('fails a refused write alone among concurrent ones, and loses none acknowledged', async () => {
    // Batches are grouped and, on the embedded store, sent before the one ahead has committed:
    // a batch refused (a key taken) makes every batch sent after it fail too, and each is
    // written again from the head read under the lock.
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const writes = Array.from({ length: 24 }, (_, i) =>
        i % 6 === 5
          ? store.recordIntent(intent(i, { idempotencyKey: 'same', inputHash: 'h' }))
          : complete(store, i),
      );
      const settled = await Promise.allSettled(writes);
      const done = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      expect(settled.filter((r) => r.status === 'rejected')).toHaveLength(3); // 4 share one key
      for (const event of done) expect(await store.get(event.id)).toEqual(event);
      expect(await verifyAll(db)).toMatchObject({
        valid: true,
        checkedEvents: 21,
        checkedRecords: 20 * 2 + 1,
      });
    } finally {
      await cleanup();
    }
  });

  it('prunes old events and stays verifiable from the oldest kept one', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      for (let i = 1; i <= 4; i++) await complete(store, i);
      await db.query(
        `UPDATE audit_records SET created_at = now() - interval '40 days' WHERE seq <= 4`,
      );
      for (let i = 5; i <= 6; i++) await complete(store, i);
      await store.integrate(); // as the prune's checkpoint does first
      expect(await pruneAuditLog(db, new Date(Date.now() - 30 * 86_400_000))).toBe(2);
      expect(await store.count({})).toBe(4);
      expect(await verifyAll(db)).toMatchObject({ valid: true, checkedEvents: 4 });
      await complete(store, 7);
      expect((await verifyAll(db)).valid).toBe(true);
    } finally {
      await cleanup();
    }
  });

  it('reconciles PENDING events left by a process that died', async () => {
    const { db, cleanup } = await target.open();
    try {
      const store = new AuditStore(db);
      const orphan = await store.recordIntent(intent(1, { instanceId: 'dead-process' }));
      const mine = await store.recordIntent(intent(2, { instanceId: 'me' }));
      const maintenance = new AuditMaintenance({
        db,
        audit: store,
        providers: new ProviderRegistry([]),
        log,
        instanceId: 'me',
        retentionDays: 0,
        ledger: testLedger(db, store),
        actions: testPipeline(store),
        events: new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 }),
        leader: SINGLE_REPLICA,
      });
      expect(await maintenance.reconcile()).toBe(1);
      const fixed = await store.get(orphan.id);
      expect(fixed).toMatchObject({
        status: 'FAILED',
        error: { code: 'INTERRUPTED' },
        after: { exists: false },
      });
      expect((await store.get(mine.id))?.status).toBe('PENDING');
      expect((await verifyAll(db)).valid).toBe(true);
    } finally {
      await cleanup();
    }
  });
});

describe('several writers on one PostgreSQL', () => {
  it('keep one valid chain under concurrency', async () => {
    const postgres = STORES.find((s) => s.kind === 'postgres')!;
    const { url, cleanup } = await postgres.open();
    const dbs = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url, dataDir: '' })),
    );
    try {
      const stores = dbs.map((db) => new AuditStore(db));
      await Promise.all(Array.from({ length: 80 }, (_, i) => complete(stores[i % 4]!, i + 1)));
      const result = await verifyAll(dbs[0]!);
      expect(result).toMatchObject({ valid: true, checkedEvents: 80, checkedRecords: 160 });
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await cleanup();
    }
  });

  it('a writer whose cached head another writer moved appends after it, never over it', async () => {
    const postgres = STORES.find((s) => s.kind === 'postgres')!;
    const { url, cleanup } = await postgres.open();
    const dbs = await Promise.all(
      [0, 1].map(() => openDatabase({ databaseUrl: url, dataDir: '' })),
    );
    try {
      const [a, b] = dbs.map((db) => new AuditStore(db)) as [AuditStore, AuditStore];
      // Turns: each append of one store starts from a head the other has just moved.
      const answered = [];
      for (let i = 1; i <= 12; i++) answered.push(await complete(i % 2 ? a : b, i));
      // Then both at once, several in flight each.
      const both = await Promise.all(
        Array.from({ length: 40 }, (_, i) => complete(i % 2 ? a : b, 100 + i)),
      );
      answered.push(...both);
      expect(await verifyAll(dbs[0]!)).toMatchObject({
        valid: true,
        checkedEvents: 52,
        checkedRecords: 104,
        treeSize: 104,
      });
      // What each append answered (no read back) is what the log holds.
      for (const event of answered) expect(await a.get(event.id)).toEqual(event);
      const leaves = new Set(answered.flatMap((e) => [e.leafIndex, e.outcomeLeafIndex]));
      expect(leaves.size).toBe(104);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await cleanup();
    }
  });

  it('a writer holding the chain lock is never overtaken by one appending from its cached head', async () => {
    // Without this, the last writer's lock-free appends could move the tree under a writer
    // that had read the head under the lock, again and again, until its retries ran out.
    const postgres = STORES.find((s) => s.kind === 'postgres')!;
    const { url, cleanup } = await postgres.open();
    const dbs = await Promise.all(
      [0, 1].map(() => openDatabase({ databaseUrl: url, dataDir: '' })),
    );
    try {
      const [writerDb, holderDb] = dbs as [Database, Database];
      const store = new AuditStore(writerDb);
      await complete(store, 1); // the store now appends from its cached head, with no lock
      const size = async () =>
        Number(
          (await holderDb.query<{ n: string }>('SELECT count(*) AS n FROM audit_records'))[0]!.n,
        );
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const holding = new Promise<void>((r) => (locked = r));
      const holder = holderDb.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
        locked();
        await released;
      });
      await holding;
      const write = complete(store, 2);
      try {
        await new Promise((r) => setTimeout(r, 500));
        expect(await size()).toBe(2); // nothing appended while another holds the lock
      } finally {
        release();
        await holder;
      }
      await write;
      expect(await size()).toBe(4);
      expect(await verifyAll(writerDb)).toMatchObject({ valid: true, checkedRecords: 4 });
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await cleanup();
    }
  });
});
