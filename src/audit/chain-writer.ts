import type { Database } from '../store/database.ts';
import {
  lockHead,
  movedUnderUs,
  readTreeHead,
  writeHead,
  type ChainHead,
  type ChainWrite,
} from './chain-tables.ts';
import { canonicalJson, recordHash } from './chain.ts';
import { leafHash, type Frontier } from './merkle.ts';
import type { Row } from './store.ts';

/** The most writes one append carries. */
const MAX_BATCH = 200;

/**
 * Appends in flight at once from the cached head, per store. The embedded store runs its
 * statements in the order sent on one connection, so a second append is sent while the first
 * runs (this thread's hashing and encoding overlap the store thread's work); it starts from
 * the head the first leaves. On PostgreSQL two appends on two connections may run in either
 * order (the later one would find the tree short and fail), and the tree row serialises their
 * commits anyway: one at a time, each carrying everything queued meanwhile.
 */
const PIPELINE: Record<Database['kind'], number> = { postgres: 1, pglite: 2 };

type Pending = { write: ChainWrite; resolve: (row: Row) => void; reject: (e: unknown) => void };

/**
 * Appends records to the hash chain and the Merkle tree over it: from the head it cached with no
 * lock, else under one lock for all replicas with the head read.
 */
export class ChainWriter {
  private readonly db: Database;
  private readonly depth: number;

  constructor(db: Database, depth = PIPELINE[db.kind]) {
    this.db = db;
    this.depth = depth;
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
   * The head after the last append this process sent (or read under the lock), with its
   * frontier: the next append starts from it with no read, even before that append has
   * committed. Another writer (a replica) holding the chain lock or having moved the tree, or
   * an append before it failing, makes that append fail as a whole (the lock tried, the tree's
   * size checked under its row lock, the records' and subtrees' primary keys); the cache is
   * then dropped and the head read again under the lock.
   */
  private cached: { baseSeq: number; seq: number; prevHash: string; tree: Frontier } | undefined;

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
    }
  }

  /**
   * Appends a batch at the head: from the cached head in one statement with no transaction
   * (no lock wait, no read) when this process wrote last, else under the chain lock with the
   * head read first. Returns each write's event (its projection row) as it now stands, in order.
   */
  private async append(writes: ChainWrite[]): Promise<Row[]> {
    let [stale, locked] = [0, 0];
    for (;;) {
      const cached = this.cached;
      try {
        let rows: Row[];
        if (cached) {
          const head = { ...cached, tree: cached.tree.clone(), records: [], nodes: [] };
          const fromSize = head.tree.size;
          const placed = this.placeAll(head, writes);
          // The next batch may start from here before this one has committed.
          this.cached = {
            baseSeq: head.baseSeq,
            seq: head.seq,
            prevHash: head.prevHash,
            tree: head.tree,
          };
          rows = await writeHead(this.db, head, fromSize, placed);
        } else {
          const head = await this.db.transaction(async (tx) => {
            const h = await lockHead(tx);
            const fromSize = h.tree.size;
            const placed = this.placeAll(h, writes);
            return { h, rows: await writeHead(tx, h, fromSize, placed) };
          });
          rows = head.rows;
          const h = head.h;
          this.cached = { baseSeq: h.baseSeq, seq: h.seq, prevHash: h.prevHash, tree: h.tree };
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

  /** Places a batch at the head (chain and tree), in order. */
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
   * Adds to the Merkle tree every record written before it existed (a log from before
   * migration 30), in batches; a no-op once the tree has caught up. Run at start.
   */
  async buildTree(batch = 5000): Promise<number> {
    let added = 0;
    for (;;) {
      const n = await this.db.transaction(async (tx) => {
        const head = await lockHead(tx);
        const rows = await tx.query<{ seq: string | number; body: string }>(
          'SELECT seq, body FROM audit_records WHERE seq >= $1 ORDER BY seq LIMIT $2',
          [head.seq, batch],
        );
        for (const row of rows) {
          if (Number(row.seq) !== head.tree.size + head.baseSeq) {
            throw new Error(`audit record ${head.tree.size + head.baseSeq} is missing`);
          }
          head.nodes.push(...head.tree.append(leafHash(row.body)));
        }
        if (rows.length > 0) await writeHead(tx, head, head.tree.size - rows.length);
        return rows.length;
      });
      added += n;
      if (n < batch) return added;
    }
  }

  /** The tree's size and frontier now (leaf i = record baseSeq + i). */
  treeHead(): Promise<{ baseSeq: number; tree: Frontier }> {
    return readTreeHead(this.db);
  }

  /** Places one record at the head (chain and tree); written with the batch. */
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
    head.nodes.push(...head.tree.append(leafHash(text)));
    head.seq = seq + 1;
    head.prevHash = hash;
    return seq;
  }
}
