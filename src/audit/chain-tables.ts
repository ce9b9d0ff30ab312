import type { ActionVerb } from '../providers/provider.ts';
import type { Queryable } from '../store/database.ts';
import { GENESIS_HASH } from './chain.ts';
import type { LogRecord } from './log-check.ts';
import { Frontier, leafHash, type Hash, type NodeId } from './merkle.ts';
import type { Row } from './store.ts';
import type { AuditAction, AuditError, AuditSource, AuditStatus, AuditTarget } from './types.ts';

// The chain's tables as SQL: the head read under the chain lock, a batch written at it in one
// statement (records and projection rows), records added to the Merkle tree in batches
// afterwards (subtrees and new tree head), the tree's size and stored nodes. ChainWriter
// (chain-writer.ts) decides what to write and when.

// A writer that must read the chain head (none cached, or another replica moved it) reads it
// and appends under this advisory lock, and pruning takes it too. An append from the head a
// writer cached does not wait for the lock: its one call only tries it, and refuses itself
// whole when someone holds it, or when anyone else appended first (its first record must
// follow the newest stored one; the records' primary keys). So a writer holding the lock is never overtaken:
// without the try, the last writer's lock-free appends could starve the others' retries.
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

export interface ChainHead {
  /** Leaf i of the Merkle tree is record baseSeq + i. */
  baseSeq: number;
  seq: number;
  prevHash: string;
  /** The records written in this batch. */
  records: Omit<LogRecord, 'storedLeaf'>[];
}

interface TreeRow {
  base_seq: string | number;
  size: string | number;
  frontier: string;
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

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505';
}

const MOVED = 'the audit log moved';

/** A stored record is missing below newer ones: the Merkle tree cannot grow past it. */
export class AuditRecordMissing extends Error {
  readonly seq: number;
  constructor(seq: number) {
    super(`audit record ${seq} is missing: the Merkle tree cannot be extended past it`);
    this.seq = seq;
  }
}

/** Another writer appended between this writer's read of the head and its append. */
export function movedUnderUs(err: unknown): boolean {
  const message = (err as { message?: string }).message ?? '';
  return (
    message.startsWith(MOVED) || (isUniqueViolation(err) && /audit_records_pkey/.test(message))
  );
}

/** The chain head (after the newest record), under the lock every writer takes. */
export async function lockHead(tx: Queryable): Promise<ChainHead> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
  const [h] = await tx.query<{
    base_seq: string | number;
    last_seq: string | number | null;
    last_hash: string | null;
    anchor_seq: string | number | null;
    anchor_prev: string | null;
  }>(
    `SELECT t.base_seq, r.seq AS last_seq, r.hash AS last_hash, a.seq AS anchor_seq,
       a.prev_hash AS anchor_prev
     FROM audit_tree t LEFT JOIN audit_anchor a ON a.id = 1
     LEFT JOIN LATERAL (SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1) r ON true
     WHERE t.id = 1`,
  );
  if (!h) throw new Error('audit_tree has no row (migration 30 not applied)');
  const baseSeq = Number(h.base_seq);
  return {
    baseSeq,
    seq: h.last_seq != null ? Number(h.last_seq) + 1 : Number(h.anchor_seq ?? baseSeq),
    prevHash: h.last_hash ?? h.anchor_prev ?? GENESIS_HASH,
    records: [],
  };
}

/**
 * Writes a batch's records and their projection rows (intents inserted, outcomes applied) in
 * one call (`audit_sequence`, migration 190; a batch of one by `writeOne`), and returns the
 * events as written (`pending`: an event's row as this process wrote it, if it did). The call
 * refuses itself (nothing is written) unless the chain lock was free or already this
 * transaction's, the batch's first record follows the newest stored one, and every outcome's
 * event was still PENDING. The Merkle tree is not touched: `integrate` adds the records later.
 */
export async function writeRecords(
  db: Queryable,
  head: ChainHead,
  writes: { write: ChainWrite; seq: number }[],
  pending: (id: string) => Row | undefined,
): Promise<Row[]> {
  const r = head.records;
  const [one] = writes;
  if (one && writes.length === 1)
    return [await writeOne(db, head, one.write, pending(one.write.id))];
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
    `SELECT audit_sequence($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS events`,
    [
      CHAIN_LOCK,
      `${MOVED}: record ${r[0]?.seq ?? '?'} does not follow the newest one`,
      r.map((x) => x.seq),
      r.map((x) => x.eventId),
      r.map((x) => x.phase),
      r.map((x) => x.body),
      r.map((x) => x.prevHash),
      r.map((x) => x.hash),
      JSON.stringify(intents),
      JSON.stringify(outcomes),
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
 * A batch of one record (a lone writer's) by a call with plain arguments (migration 200):
 * the same checks and writes as `audit_sequence`, with no jsonb to unpack or build, and no
 * row read back when the writer knows it: an intent's row is what it wrote; an outcome's is
 * `pending` (its event's row as this process wrote it) with the outcome applied. Otherwise
 * (an outcome of an event this process did not write) the event comes back from the store.
 */
async function writeOne(
  db: Queryable,
  head: ChainHead,
  w: ChainWrite,
  pending: Row | undefined,
): Promise<Row> {
  const [x] = head.records;
  if (!x) throw new Error('no record placed for the write');
  const chained = { hash: x.hash, prev_hash: x.prevHash, base_seq: head.baseSeq };
  const record = [
    CHAIN_LOCK,
    `${MOVED}: record ${x.seq} does not follow the newest one`,
    x.seq,
    x.body,
    x.prevHash,
    x.hash,
    w.id,
  ];
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  if (w.phase === 'intent') {
    const i = w.input;
    await db.query(
      `SELECT audit_sequence_intent($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
         $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
      [
        ...record,
        w.timestamp,
        i.actor,
        i.actorName ?? null,
        i.actorRole,
        i.source,
        i.action,
        i.verb,
        i.target?.id ?? null,
        json(i.target),
        json(i.parameters),
        i.dryRun,
        i.requestId,
        i.idempotencyKey,
        i.inputHash,
        i.reverts,
        i.instanceId,
      ],
    );
    return {
      id: w.id,
      ts: w.timestamp,
      actor: i.actor,
      actor_name: i.actorName ?? null,
      actor_role: i.actorRole,
      source: i.source,
      action: i.action,
      verb: i.verb,
      target_id: i.target?.id ?? null,
      target: i.target,
      parameters: i.parameters,
      dry_run: i.dryRun,
      status: 'PENDING',
      error: null,
      before: null,
      after: null,
      message: null,
      duration_ms: null,
      request_id: i.requestId,
      idempotency_key: i.idempotencyKey,
      input_hash: i.inputHash,
      reverts: i.reverts,
      intent_seq: x.seq,
      last_seq: x.seq,
      ...chained,
    };
  }
  const o = w.outcome;
  const call = `audit_sequence_outcome($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`;
  const [row] = await db.query<Omit<Row, keyof typeof chained>>(
    pending ? `SELECT (${call}).id` : `SELECT * FROM ${call}`,
    [
      ...record,
      o.status,
      json(o.error),
      json(o.before),
      json(o.after),
      o.message,
      o.durationMs,
      `audit event ${w.id} is not PENDING`,
    ],
  );
  if (!row) throw new Error(`audit event ${w.id} is not PENDING`);
  const applied = {
    status: o.status,
    error: o.error,
    before: o.before,
    after: o.after,
    message: o.message,
    duration_ms: o.durationMs,
    last_seq: x.seq,
  };
  return pending ? { ...pending, ...applied, ...chained } : { ...row, ...chained };
}

/**
 * Adds up to `limit` stored records beyond the tree to it (their leaves, the subtrees they
 * complete, the new frontier and size): one read, then one call that refuses itself if the
 * tree moved meanwhile (another process integrated them first). Returns how many were added
 * and whether more may be waiting. A missing record stops it there (what comes before it is
 * added, then AuditRecordMissing): a tree is never built over a hole.
 */
export async function integrateRecords(
  db: Queryable,
  limit: number,
): Promise<{ added: number; more: boolean }> {
  const [t] = await db.query<
    TreeRow & { seqs: (string | number)[] | null; bodies: string[] | null }
  >(
    `SELECT t.base_seq, t.size, encode(t.frontier, 'hex') AS frontier, r.seqs, r.bodies
     FROM audit_tree t, LATERAL (
       SELECT array_agg(x.seq ORDER BY x.seq) AS seqs, array_agg(x.body ORDER BY x.seq) AS bodies
       FROM (SELECT seq, body FROM audit_records WHERE seq >= t.base_seq + t.size
             ORDER BY seq LIMIT $1) x) r
     WHERE t.id = 1`,
    [limit],
  );
  if (!t) throw new Error('audit_tree has no row (migration 30 not applied)');
  const seqs = t.seqs ?? [];
  const bodies = t.bodies ?? [];
  if (seqs.length === 0) return { added: 0, more: false };
  const baseSeq = Number(t.base_seq);
  const fromSize = Number(t.size);
  const tree = new Frontier(fromSize, splitHashes(t.frontier));
  const nodes: (NodeId & { hash: Hash })[] = [];
  let hole = false;
  for (const [k, seq] of seqs.entries()) {
    hole = Number(seq) !== baseSeq + tree.size;
    if (hole) break;
    nodes.push(...tree.append(leafHash(bodies[k] as string)));
  }
  const added = tree.size - fromSize;
  if (added > 0) await writeTree(db, fromSize, tree, nodes);
  if (hole) throw new AuditRecordMissing(baseSeq + tree.size);
  return { added, more: seqs.length === limit };
}

/** The tree grown from `fromSize`: its new subtrees and head, unless it moved meanwhile. */
async function writeTree(
  db: Queryable,
  fromSize: number,
  tree: Frontier,
  nodes: (NodeId & { hash: Hash })[],
): Promise<void> {
  await db.query('SELECT audit_integrate($1, $2, $3, $4, $5, $6, $7)', [
    fromSize,
    tree.size,
    Buffer.concat(tree.hashes).toString('hex'),
    nodes.map((x) => x.level),
    nodes.map((x) => x.index),
    nodes.map((x) => x.hash.toString('hex')),
    `${MOVED}: the tree no longer has ${fromSize} leaves`,
  ]);
}

/** The tree's size and frontier now (leaf i = record baseSeq + i). */
export async function readTreeHead(db: Queryable): Promise<{ baseSeq: number; tree: Frontier }> {
  const [t] = await db.query<TreeRow>(
    `SELECT base_seq, size, encode(frontier, 'hex') AS frontier FROM audit_tree WHERE id = 1`,
  );
  if (!t) throw new Error('audit_tree has no row');
  return {
    baseSeq: Number(t.base_seq),
    tree: new Frontier(Number(t.size), splitHashes(t.frontier)),
  };
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
