import type { Database, Queryable } from '../store/database.ts';
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
 * Appends records to the hash chain and the Merkle tree over it: from the head it cached with no
 * lock, else under one lock for all replicas with the head read.
 */
export class ChainWriter {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * Group commit: every write waiting while an append commits goes into the next one, so N
   * concurrent actions cost about one statement and one commit, not N.
   */
  private readonly queue: {
    write: ChainWrite;
    resolve: (row: Row) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private flushing = false;
  /**
   * The head this process last wrote (or read under the lock), with its frontier: the next
   * append starts from it with no read. Another writer (a replica) holding the chain lock or
   * having moved the tree makes that append fail as a whole (the lock tried, the records' and
   * subtrees' primary keys, the tree's size guard); the head is then read again under the lock.
   */
  private cached: { baseSeq: number; seq: number; prevHash: string; tree: Frontier } | undefined;

  /**
   * Chains one record and applies it to the projection; resolves once committed with the
   * event's projection row as written.
   */
  write(write: ChainWrite): Promise<Row> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const rows = await this.append(batch.map((b) => b.write));
          batch.forEach((b, k) => b.resolve(rows[k] as Row));
        } catch (err) {
          if (batch.length === 1) {
            batch[0]?.reject(err);
            continue;
          }
          // One write failed (an idempotency key taken, say): retry each alone so only it fails.
          for (const b of batch) {
            await this.append([b.write]).then(([row]) => b.resolve(row as Row), b.reject);
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Appends a batch at the head: from the cached head in one statement with no transaction
   * (no lock, no read) when this process wrote last, else under the chain lock with the head
   * read first. Returns each write's event (its projection row) as it now stands, in order.
   */
  private async append(writes: ChainWrite[]): Promise<Row[]> {
    for (let attempt = 1; ; attempt++) {
      const cached = this.cached;
      this.cached = undefined;
      try {
        const { head, rows } = cached
          ? await this.appendAt(
              this.db,
              { ...cached, tree: cached.tree.clone(), records: [], nodes: [] },
              writes,
            )
          : await this.db.transaction(async (tx) => this.appendAt(tx, await lockHead(tx), writes));
        this.cached = {
          baseSeq: head.baseSeq,
          seq: head.seq,
          prevHash: head.prevHash,
          tree: head.tree,
        };
        const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
        return writes.map((w) => byId.get(w.id.toLowerCase()) as Row);
      } catch (err) {
        // A stale cache, or another process's append landing between our read and write:
        // read the head again under the lock. Anything else (a refused outcome, an
        // idempotency key taken) fails the same way under the lock.
        if (cached || (movedUnderUs(err) && attempt < 5)) continue;
        throw err;
      }
    }
  }

  private async appendAt(db: Queryable, head: ChainHead, writes: ChainWrite[]) {
    const fromSize = head.tree.size;
    const placed = writes.map((write) => ({
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
    const rows = await writeHead(db, head, fromSize, placed);
    return { head, rows };
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
