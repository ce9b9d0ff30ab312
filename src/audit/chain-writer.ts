import { SINGLE_REPLICA, type LeaderGate } from '../leader.ts';
import type { Database } from '../store/database.ts';
import {
  integrateRecords,
  lockHead,
  movedUnderUs,
  readTreeHead,
  writeRecords,
  type ChainHead,
  type ChainWrite,
} from './chain-tables.ts';
import { canonicalJson, recordHash } from './chain.ts';
import type { Frontier } from './merkle.ts';
import type { Row } from './store.ts';

/** The most writes one append carries. */
const MAX_BATCH = 200;

/**
 * How long after an append its records wait to be added to the Merkle tree: the appends of
 * that moment share one integration (one read, one write of subtrees and head), so a lone
 * writer's commit touches only the records and the projection. Only the leader integrates
 * after its appends; a follower's records are integrated by the leader's next checkpoint (every
 * AUDIT_CHECKPOINT_INTERVAL_SECONDS), and a checkpoint, a verification or an export integrates
 * first wherever it runs.
 */
export const INTEGRATE_AFTER_MS = 250;

/** The most PENDING events whose rows a writer keeps (an outcome's event, not read back). */
const MAX_PENDING_ROWS = 10_000;

/** The most records one integration step reads and adds. */
const INTEGRATE_BATCH = 5000;

/**
 * Appends in flight at once from the cached head, per store. The embedded store runs its
 * statements in the order sent on one connection, so a second append is sent while the first
 * runs (this thread's hashing and encoding overlap the store thread's work); it starts from
 * the head the first leaves. On PostgreSQL two appends on two connections may run in either
 * order (the later one would find its first record's predecessor missing, or the chain lock
 * held, and fail), and the chain lock serialises their commits anyway: one at a time, each
 * carrying everything queued meanwhile.
 */
const PIPELINE: Record<Database['kind'], number> = { postgres: 1, pglite: 2 };

type Pending = { write: ChainWrite; resolve: (row: Row) => void; reject: (e: unknown) => void };

/**
 * Appends records to the hash chain (from the head it cached with no lock, else under one lock
 * for all replicas with the head read), and then, in batches, adds them to the Merkle tree.
 */
export class ChainWriter {
  private readonly db: Database;
  private readonly depth: number;

  /** Milliseconds from an append to its integration; `null` leaves it to `integrate` callers. */
  private readonly integrateAfterMs: number | null;
  /** Whether this process integrates after its appends (the leader does; followers do not). */
  private readonly leader: LeaderGate;

  constructor(
    db: Database,
    integrateAfterMs: number | null = INTEGRATE_AFTER_MS,
    leader: LeaderGate = SINGLE_REPLICA,
  ) {
    this.db = db;
    this.depth = PIPELINE[db.kind];
    this.integrateAfterMs = integrateAfterMs;
    this.leader = leader;
  }

  /**
   * Group commit: every write waiting while the appends in flight commit goes into the next
   * one, so N concurrent actions cost about one statement and one commit, not N.
   */
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  /**
   * Set from an append's end until the next turn of the event loop: the writers it answered
   * queue their next records first (an action's outcome follows its intent at once when it
   * had nothing to do), so they go out in one batch, not the first alone and the rest after.
   */
  private gathering = false;
  /**
   * The head after the last append this process sent (or read under the lock): the next
   * append starts from it with no read, even before that append has committed. Another writer
   * (a replica) holding the chain lock or having appended, or an append before it failing,
   * makes that append fail as a whole (the lock tried, its first record's link to the newest
   * stored one, the records' primary key); the cache is then dropped and the head read again
   * under the lock.
   */
  private cached: { baseSeq: number; seq: number; prevHash: string } | undefined;
  /**
   * The rows of the PENDING events this process wrote, as written: a lone outcome applies to
   * its row here instead of reading the event back (a row read back cost as much again as the
   * append on the embedded store). Dropped once the outcome is written or refused; the oldest
   * go first beyond MAX_PENDING_ROWS (an outcome then reads its event back).
   */
  private readonly pendingRows = new Map<string, Row>();
  /** The integration waiting to run (callers share it) and the one running. */
  private nextIntegration: Promise<number> | undefined;
  private integration: Promise<unknown> | undefined;
  private integrateTimer: NodeJS.Timeout | undefined;

  /**
   * Chains one record and applies it to the projection; resolves once committed with the
   * event's projection row as written.
   */
  write(write: ChainWrite): Promise<Row> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      if (!this.gathering) this.pump();
    });
  }

  /** Sends the queued writes as one batch, while fewer than `depth` appends are in flight. */
  private pump(): void {
    // From no cached head an append reads it under the lock: alone.
    while (this.queue.length > 0 && this.inFlight < (this.cached ? this.depth : 1)) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.gathering = true;
        setImmediate(() => {
          this.gathering = false;
          this.pump();
        });
      });
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    try {
      const rows = await this.append(batch.map((b) => b.write));
      this.scheduleIntegration();
      batch.forEach((b, k) => b.resolve(rows[k] as Row));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      // One write failed (an idempotency key taken, say): retry each alone so only it fails.
      for (const b of batch) {
        await this.append([b.write]).then(([row]) => b.resolve(row as Row), b.reject);
      }
      this.scheduleIntegration();
    }
  }

  /** Appends a batch (`appendAt`), keeping its intents' rows for their outcomes. */
  private async append(writes: ChainWrite[]): Promise<Row[]> {
    try {
      const rows = await this.appendAt(writes);
      for (const [k, w] of writes.entries()) {
        if (w.phase === 'outcome') continue;
        this.pendingRows.set(w.id, rows[k] as Row);
        if (this.pendingRows.size > MAX_PENDING_ROWS) {
          this.pendingRows.delete(this.pendingRows.keys().next().value as string);
        }
      }
      return rows;
    } finally {
      for (const w of writes) if (w.phase === 'outcome') this.pendingRows.delete(w.id);
    }
  }

  /**
   * Appends a batch at the head: from the cached head in one statement with no transaction
   * (no lock wait, no read) when this process wrote last, else under the chain lock with the
   * head read first. Returns each write's event (its projection row) as it now stands, in order.
   * The records are in the Merkle tree once integrated (`integrate`).
   */
  private async appendAt(writes: ChainWrite[]): Promise<Row[]> {
    const pending = (id: string) => this.pendingRows.get(id);
    let [stale, locked] = [0, 0];
    for (;;) {
      const cached = this.cached;
      try {
        let rows: Row[];
        if (cached) {
          const head = { ...cached, records: [] };
          const placed = this.placeAll(head, writes);
          // The next batch may start from here before this one has committed.
          this.cached = { baseSeq: head.baseSeq, seq: head.seq, prevHash: head.prevHash };
          rows = await writeRecords(this.db, head, placed, pending);
        } else {
          const { h, written } = await this.db.transaction(async (tx) => {
            const locked = await lockHead(tx);
            const placed = this.placeAll(locked, writes);
            return { h: locked, written: await writeRecords(tx, locked, placed, pending) };
          });
          rows = written;
          this.cached = { baseSeq: h.baseSeq, seq: h.seq, prevHash: h.prevHash };
        }
        const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
        return writes.map((w) => byId.get(w.id.toLowerCase()) as Row);
      } catch (err) {
        // A stale cache (every batch sent after a failed one fails too), or another process's
        // append landing between our read and write: read the head again under the lock.
        // Anything else (a refused outcome, an idempotency key taken) fails the same way
        // under the lock.
        this.cached = undefined;
        if (cached ? ++stale < 20 : movedUnderUs(err) && ++locked < 5) continue;
        throw err;
      }
    }
  }

  /** Places a batch at the head of the chain, in order. */
  private placeAll(head: ChainHead, writes: ChainWrite[]): { write: ChainWrite; seq: number }[] {
    return writes.map((write) => ({
      write,
      seq: this.place(
        head,
        write.id,
        write.phase,
        write.phase === 'intent'
          ? { timestamp: write.timestamp, ...write.input }
          : { timestamp: write.timestamp, ...write.outcome },
      ),
    }));
  }

  /**
   * Adds every stored record beyond the Merkle tree to it (appended by this process or another,
   * or written before the tree existed), in batches; returns how many. Calls while one runs
   * share the next run, which starts after it: whatever was appended before a call is in the
   * tree once its promise resolves.
   */
  integrate(): Promise<number> {
    if (this.nextIntegration) return this.nextIntegration;
    const run = (this.integration ?? Promise.resolve())
      .catch(() => {})
      .then(() => {
        this.nextIntegration = undefined;
        return this.integrateAll();
      });
    this.nextIntegration = run;
    this.integration = run;
    return run;
  }

  private async integrateAll(): Promise<number> {
    let [added, moved] = [0, 0];
    for (;;) {
      try {
        const step = await integrateRecords(this.db, INTEGRATE_BATCH);
        added += step.added;
        if (!step.more) return added;
      } catch (err) {
        // Another process integrated the same records first: read the tree again.
        if (movedUnderUs(err) && ++moved < 20) continue;
        throw err;
      }
    }
  }

  /**
   * On the leader, integrates a moment after an append (once for every append meanwhile). A
   * failure here (a record missing) is not lost: the next checkpoint integrates first and
   * reports it.
   */
  private scheduleIntegration(): void {
    if (this.integrateTimer || this.integrateAfterMs === null || !this.leader.isLeader()) return;
    this.integrateTimer = setTimeout(() => {
      this.integrateTimer = undefined;
      this.integrate().catch(() => {});
    }, this.integrateAfterMs);
    this.integrateTimer.unref();
  }

  /** The tree's size and frontier now (leaf i = record baseSeq + i). */
  treeHead(): Promise<{ baseSeq: number; tree: Frontier }> {
    return readTreeHead(this.db);
  }

  /** Places one record at the head of the chain; written with the batch. */
  private place(
    head: ChainHead,
    eventId: string,
    phase: 'intent' | 'outcome',
    body: Record<string, unknown>,
  ): number {
    const seq = head.seq;
    const text = canonicalJson({ eventId, phase, ...body });
    const hash = recordHash(seq, text, head.prevHash);
    head.records.push({ seq, eventId, phase, body: text, prevHash: head.prevHash, hash });
    head.seq = seq + 1;
    head.prevHash = hash;
    return seq;
  }
}
