import type { Database, Queryable } from '../store/database.ts';
import { canonicalJson, GENESIS_HASH, recordHash } from './chain.ts';
import { Frontier, leafHash, type Hash, type NodeId } from './merkle.ts';
import type { AuditAction, AuditError, AuditSource, AuditStatus, AuditTarget } from './types.ts';
import type { ActionVerb } from '../providers/provider.ts';
import type { Row } from './store.ts';
import type { LogRecord } from './log-check.ts';

// A writer that must read the chain head (none cached, or another replica moved it) reads it
// and appends under this advisory lock, and pruning takes it too; an append from the head a
// writer cached needs no lock: the records' primary keys and the tree's size guard refuse it
// whole if anyone else appended first.
export const CHAIN_LOCK = 704_113_002;

export interface IntentInput {
  actor: string;
  /** A person's display name; hashed with the rest (absent means null, as in older records). */
  actorName?: string | null | undefined;
  actorRole: string;
  source: AuditSource;
  action: AuditAction;
  verb: ActionVerb;
  target: AuditTarget | null;
  parameters: Record<string, unknown>;
  dryRun: boolean;
  requestId: string | null;
  idempotencyKey: string | null;
  inputHash: string | null;
  reverts: string | null;
  instanceId: string;
}

export interface OutcomeInput {
  status: Exclude<AuditStatus, 'PENDING'>;
  error: AuditError | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  message: string | null;
  durationMs: number | null;
}

interface ChainHead {
  baseSeq: number;
  seq: number;
  prevHash: string;
  /** The Merkle tree (leaf i = record baseSeq + i) and the records written in this batch. */
  tree: Frontier;
  records: Omit<LogRecord, 'storedLeaf'>[];
  nodes: (NodeId & { hash: Hash })[];
}

interface TreeRow {
  base_seq: string | number;
  size: string | number;
  frontier: string;
  last_hash: string | null;
  anchor_prev: string | null;
}

/** Splits a stored frontier (concatenated 32-byte hashes, hex) into its hashes. */
const splitHashes = (hex: string): Hash[] =>
  Array.from({ length: hex.length / 64 }, (_, i) =>
    Buffer.from(hex.slice(i * 64, i * 64 + 64), 'hex'),
  );

/** One record to chain and the change it makes to the projection (`audit_events`). */
export type ChainWrite =
  | { phase: 'intent'; id: string; timestamp: string; input: IntentInput }
  | { phase: 'outcome'; id: string; timestamp: string; outcome: OutcomeInput };

/** The most writes one append carries. */
const MAX_BATCH = 200;

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505';
}

const TREE_MOVED = 'the audit tree moved';

/** Another writer appended between this writer's read of the head and its append. */
export function movedUnderUs(err: unknown): boolean {
  const message = (err as { message?: string }).message ?? '';
  return (
    message.startsWith(TREE_MOVED) ||
    (isUniqueViolation(err) && /audit_records_pkey|audit_tree_nodes_pkey/.test(message))
  );
}

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
   * append starts from it with no read. Another writer (a replica) moving the tree makes that
   * append fail as a whole (the records' and subtrees' primary keys, the tree's size guard);
   * the head is then read again under the lock.
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

  /** The tree and chain head, under the lock every writer takes. */
  private async lockHead(tx: Queryable): Promise<ChainHead> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [t] = await tx.query<TreeRow>(
      `SELECT t.base_seq, t.size, encode(t.frontier, 'hex') AS frontier,
         (SELECT hash FROM audit_records r WHERE r.seq = t.base_seq + t.size - 1) AS last_hash,
         (SELECT prev_hash FROM audit_anchor a WHERE a.id = 1 AND a.seq = t.base_seq + t.size)
           AS anchor_prev
       FROM audit_tree t WHERE t.id = 1`,
    );
    if (!t) throw new Error('audit_tree has no row (migration 30 not applied)');
    const baseSeq = Number(t.base_seq);
    const size = Number(t.size);
    return {
      baseSeq,
      seq: baseSeq + size,
      prevHash: t.last_hash ?? t.anchor_prev ?? GENESIS_HASH,
      tree: new Frontier(size, splitHashes(t.frontier)),
      records: [],
      nodes: [],
    };
  }

  /**
   * Writes a batch's records, the subtrees they complete, their projection rows (intents
   * inserted, outcomes applied) and the new tree head in one statement, and returns the
   * events as written. The statement refuses itself (nothing is written) unless the tree was
   * still at `fromSize` and every outcome's event was still PENDING.
   */
  private async writeHead(
    db: Queryable,
    head: ChainHead,
    fromSize: number,
    writes: { write: ChainWrite; seq: number }[] = [],
  ): Promise<Row[]> {
    const r = head.records;
    const n = head.nodes;
    const intents = writes.flatMap(({ write: w, seq }) =>
      w.phase === 'intent'
        ? [
            {
              id: w.id,
              ts: w.timestamp,
              actor: w.input.actor,
              actor_name: w.input.actorName ?? null,
              actor_role: w.input.actorRole,
              source: w.input.source,
              action: w.input.action,
              verb: w.input.verb,
              target_id: w.input.target?.id ?? null,
              target: w.input.target,
              parameters: w.input.parameters,
              dry_run: w.input.dryRun,
              request_id: w.input.requestId,
              idempotency_key: w.input.idempotencyKey,
              input_hash: w.input.inputHash,
              reverts: w.input.reverts,
              instance_id: w.input.instanceId,
              seq,
            },
          ]
        : [],
    );
    const outcomes = writes.flatMap(({ write: w, seq }) =>
      w.phase === 'outcome'
        ? [
            {
              id: w.id,
              status: w.outcome.status,
              error: w.outcome.error,
              before: w.outcome.before,
              after: w.outcome.after,
              message: w.outcome.message,
              duration_ms: w.outcome.durationMs,
              seq,
            },
          ]
        : [],
    );
    const [result] = await db.query<{ events: Omit<Row, 'hash' | 'prev_hash' | 'base_seq'>[] }>(
      `WITH r AS (
         INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
       ), n AS (
         INSERT INTO audit_tree_nodes (level, idx, hash)
         SELECT l, i, decode(h, 'hex') FROM unnest($7::smallint[], $8::bigint[], $9::text[]) AS x(l, i, h)
       ), i AS (
         INSERT INTO audit_events (id, ts, actor, actor_name, actor_role, source, action, verb, target_id,
           target, parameters, dry_run, status, request_id, idempotency_key, input_hash,
           reverts, instance_id, intent_seq, last_seq)
         SELECT id, ts, actor, actor_name, actor_role, source, action, verb, target_id,
           COALESCE(target, 'null'::jsonb), parameters, dry_run, 'PENDING', request_id,
           idempotency_key, input_hash, reverts, instance_id, seq, seq
         FROM jsonb_to_recordset($12::jsonb) AS x(id uuid, ts timestamptz, actor text,
           actor_name text, actor_role text, source text, action text, verb text, target_id text, target jsonb,
           parameters jsonb, dry_run boolean, request_id text, idempotency_key text,
           input_hash text, reverts uuid, instance_id text, seq bigint)
         RETURNING *
       ), o AS (
         UPDATE audit_events e SET status = x.status, error = x.error, before = x.before,
           after = x.after, message = x.message, duration_ms = x.duration_ms, last_seq = x.seq
         FROM jsonb_to_recordset($13::jsonb) AS x(id uuid, status text, error jsonb,
           before jsonb, after jsonb, message text, duration_ms integer, seq bigint)
         WHERE e.id = x.id AND e.status = 'PENDING'
         RETURNING e.*
       ), t AS (
         UPDATE audit_tree SET size = $10, frontier = decode($11, 'hex')
         WHERE id = 1 AND size = $14 RETURNING 1
       )
       SELECT audit_assert((SELECT count(*) FROM t) = 1, $15),
         audit_assert((SELECT count(*) FROM o) = $16, $17),
         (SELECT COALESCE(json_agg(x), '[]'::json) FROM (SELECT * FROM i UNION ALL SELECT * FROM o) x)
           AS events`,
      [
        r.map((x) => x.seq),
        r.map((x) => x.eventId),
        r.map((x) => x.phase),
        r.map((x) => x.body),
        r.map((x) => x.prevHash),
        r.map((x) => x.hash),
        n.map((x) => x.level),
        n.map((x) => x.index),
        n.map((x) => x.hash.toString('hex')),
        head.tree.size,
        Buffer.concat(head.tree.hashes).toString('hex'),
        JSON.stringify(intents),
        JSON.stringify(outcomes),
        fromSize,
        `${TREE_MOVED}: it no longer has ${fromSize} leaves`,
        outcomes.length,
        `audit event ${outcomes.map((o) => o.id).join(', ')} is not PENDING`,
      ],
    );
    const bySeq = new Map(r.map((x) => [x.seq, x]));
    return (result?.events ?? []).map((e) => {
      const record = bySeq.get(Number(e.last_seq));
      return {
        ...e,
        hash: record?.hash ?? '',
        prev_hash: record?.prevHash ?? '',
        base_seq: head.baseSeq,
      };
    });
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
          : await this.db.transaction(async (tx) =>
              this.appendAt(tx, await this.lockHead(tx), writes),
            );
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
    const rows = await this.writeHead(db, head, fromSize, placed);
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
        const head = await this.lockHead(tx);
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
        if (rows.length > 0) await this.writeHead(tx, head, head.tree.size - rows.length);
        return rows.length;
      });
      added += n;
      if (n < batch) return added;
    }
  }

  /** The tree's size and frontier now (leaf i = record baseSeq + i). */
  async treeHead(): Promise<{ baseSeq: number; tree: Frontier }> {
    const [t] = await this.db.query<TreeRow>(
      `SELECT base_seq, size, encode(frontier, 'hex') AS frontier FROM audit_tree WHERE id = 1`,
    );
    if (!t) throw new Error('audit_tree has no row');
    return {
      baseSeq: Number(t.base_seq),
      tree: new Frontier(Number(t.size), splitHashes(t.frontier)),
    };
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

/**
 * Reads stored subtree hashes through `db` (a transaction's, when the read must be part of it:
 * the embedded store serialises queries, so a read on the pool inside a transaction waits for
 * that transaction forever); a missing one is an error.
 */
export async function readTreeNodes(db: Queryable, ids: NodeId[]): Promise<Hash[]> {
  if (ids.length === 0) return [];
  // A join on the ids in order, one primary-key probe each. The same lookup written as
  // `(level, idx) IN (SELECT * FROM unnest(…))` took 7-12 ms to plan at 2M nodes, for
  // well under 1 ms of execution.
  const rows = await db.query<{ hash: string | null }>(
    `SELECT encode(n.hash, 'hex') AS hash
     FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS q(level, idx, ord)
     LEFT JOIN audit_tree_nodes n ON n.level = q.level AND n.idx = q.idx
     ORDER BY q.ord`,
    [ids.map((i) => i.level), ids.map((i) => i.index)],
  );
  return ids.map((id, k) => {
    const hash = rows[k]?.hash;
    if (!hash) throw new Error(`audit tree node ${id.level}/${id.index} is missing`);
    return Buffer.from(hash, 'hex');
  });
}
