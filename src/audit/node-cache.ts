import type { Queryable } from '../store/database.ts';
import { readTreeNodes } from './chain-tables.ts';
import type { Hash, NodeId, NodeReader } from './merkle.ts';

/** Levels from here up are kept in memory: at 1M leaves about 4,000 nodes (under 1 MB). */
const MIN_LEVEL = 8;
/** Never more than this many (a log of ~250M records); beyond it, read as before. */
const MAX_ENTRIES = 1_000_000;

const key = (id: NodeId) => `${id.level}/${id.index}`;

/**
 * The stored subtrees of level 8 and up, kept in memory once read. A complete subtree's hash
 * never changes, so a proof then reads from the database only its low levels (8 nodes, near
 * one another in the table) instead of one scattered index and heap page per level (about 40
 * buffer reads for a random leaf at 1M records, measured with EXPLAIN (ANALYZE, BUFFERS)).
 * Loaded whole at the first read (one statement), then completed by what later reads fetch.
 * Whoever uses a proof checks it against a signed root, so a cached hash can never make a
 * wrong proof pass; after a database restore, restart the server so proofs come from it.
 */
export class NodeCache {
  private readonly db: Queryable;
  private readonly hashes = new Map<string, Hash>();
  private loading: Promise<void> | undefined;

  constructor(db: Queryable) {
    this.db = db;
  }

  readonly read: NodeReader = async (ids) => {
    await (this.loading ??= this.load().catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    }));
    const missing = ids.filter((id) => !this.hashes.has(key(id)));
    const fetched = new Map<string, Hash>();
    const read = await readTreeNodes(this.db, missing);
    missing.forEach((id, k) => {
      const hash = read[k] as Hash;
      fetched.set(key(id), hash);
      if (id.level >= MIN_LEVEL && this.hashes.size < MAX_ENTRIES) this.hashes.set(key(id), hash);
    });
    return ids.map((id) => (this.hashes.get(key(id)) ?? fetched.get(key(id))) as Hash);
  };

  private async load(): Promise<void> {
    const rows = await this.db.query<{ level: number; idx: string | number; hash: string }>(
      `SELECT level, idx, encode(hash, 'hex') AS hash FROM audit_tree_nodes
       WHERE level >= $1 ORDER BY level DESC LIMIT $2`,
      [MIN_LEVEL, MAX_ENTRIES],
    );
    for (const r of rows) {
      this.hashes.set(key({ level: r.level, index: Number(r.idx) }), Buffer.from(r.hash, 'hex'));
    }
  }
}
