import type { ActionVerb } from '../providers/provider.ts';
import type { Queryable } from '../store/database.ts';
import { GENESIS_HASH } from './chain.ts';
import type { LogRecord } from './log-check.ts';
import { Frontier, type Hash, type NodeId } from './merkle.ts';
import type { Row } from './store.ts';
import type { AuditAction, AuditError, AuditSource, AuditStatus, AuditTarget } from './types.ts';

// The chain's tables as SQL: the head read under the chain lock, a batch written at it in one
// statement (records, subtrees, projection rows, new head), the tree's size and stored nodes.
// ChainWriter (chain-writer.ts) decides what to write and when.

// A writer that must read the chain head (none cached, or another replica moved it) reads it
// and appends under this advisory lock, and pruning takes it too. An append from the head a
// writer cached does not wait for the lock: its one call only tries it, and refuses itself
// whole when someone holds it, or when anyone else appended first (the tree's size under its
// row lock, the records' primary keys). So a writer holding the lock is never overtaken:
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

/** The tree and chain head, under the lock every writer takes. */
export async function lockHead(tx: Queryable): Promise<ChainHead> {
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
 * inserted, outcomes applied) and the new tree head in one call (`audit_append`, migration
 * 170), and returns the events as written. The call refuses itself (nothing is written)
 * unless the chain lock was free or already this transaction's, the tree, once its row was
 * locked (after any append before it committed), was at `fromSize`, and every outcome's event
 * was still PENDING.
 */
export async function writeHead(
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
    `SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
       $17) AS events`,
    [
      fromSize,
      head.tree.size,
      Buffer.concat(head.tree.hashes).toString('hex'),
      CHAIN_LOCK,
      `${TREE_MOVED}: it no longer has ${fromSize} leaves`,
      r.map((x) => x.seq),
      r.map((x) => x.eventId),
      r.map((x) => x.phase),
      r.map((x) => x.body),
      r.map((x) => x.prevHash),
      r.map((x) => x.hash),
      n.map((x) => x.level),
      n.map((x) => x.index),
      n.map((x) => x.hash.toString('hex')),
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
