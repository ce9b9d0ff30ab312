import { randomUUID } from 'node:crypto';
import type { LeaderGate } from '../leader.ts';
import type { Database } from '../store/database.ts';
import {
  isUniqueViolation,
  movedUnderUs,
  readTreeNodes,
  type IntentInput,
  type OutcomeInput,
} from './chain-tables.ts';
import { ChainWriter } from './chain-writer.ts';
import { filterClause } from './filter.ts';
import { NodeCache } from './node-cache.ts';
import type { Frontier, NodeReader } from './merkle.ts';
import type {
  AuditError,
  AuditEvent,
  AuditFilter,
  AuditSource,
  AuditStatus,
  AuditTarget,
} from './types.ts';
import type { ActionVerb } from '../providers/provider.ts';

export class IdempotencyKeyTaken extends Error {}

/** An event's projection row with its latest record's hashes and the tree's base. */
export interface Row {
  id: string;
  ts: Date | string;
  actor: string;
  actor_name: string | null;
  actor_role: string;
  source: AuditSource;
  action: string;
  verb: ActionVerb;
  target_id: string | null;
  target: AuditTarget | null;
  parameters: Record<string, unknown>;
  dry_run: boolean;
  status: AuditStatus;
  error: AuditError | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  message: string | null;
  duration_ms: number | null;
  request_id: string | null;
  idempotency_key: string | null;
  input_hash: string | null;
  reverts: string | null;
  hash: string;
  prev_hash: string;
  intent_seq: string | number;
  last_seq: string | number;
  base_seq: string | number;
}

const JOIN = 'JOIN audit_records r ON r.seq = e.last_seq CROSS JOIN audit_tree t';
const COLUMNS = 'SELECT e.*, r.hash, r.prev_hash, t.base_seq';
const SELECT = `${COLUMNS} FROM audit_events e ${JOIN}`;

/** Where a page of the log starts: after this (timestamp, id), newest first. */
export interface AuditKey {
  ts: string;
  id: string;
}

/**
 * Which way a keyset page reads from its key: `older` (the log's own order, newest first) or
 * `newer` (oldest first from the key, or from the start of the log without one).
 */
export type AuditDirection = 'older' | 'newer';

function toEvent(row: Row): AuditEvent {
  return {
    id: row.id,
    timestamp: new Date(row.ts).toISOString(),
    actor: row.actor,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    source: row.source,
    action: row.action,
    verb: row.verb,
    target: row.target,
    parameters: row.parameters,
    dryRun: row.dry_run,
    status: row.status,
    error: row.error,
    before: row.before,
    after: row.after,
    message: row.message,
    durationMs: row.duration_ms,
    requestId: row.request_id,
    idempotencyKey: row.idempotency_key,
    reverts: row.reverts,
    hash: row.hash,
    prevHash: row.prev_hash,
    leafIndex: Number(row.intent_seq) - Number(row.base_seq),
    outcomeLeafIndex:
      row.last_seq === row.intent_seq ? null : Number(row.last_seq) - Number(row.base_seq),
  };
}

const ORDER: Record<AuditDirection, string> = {
  older: 'e.ts DESC, e.id DESC',
  newer: 'e.ts ASC, e.id ASC',
};

/** One keyset page of audit_events read `direction` from `from`, as a subquery; `also` a further condition. */
function pageQuery(
  filter: AuditFilter,
  limit: number,
  from: AuditKey | undefined,
  direction: AuditDirection,
  params: unknown[],
  also?: string,
): string {
  const where = filterClause(filter, params);
  if (also) where.push(also);
  if (from) {
    params.push(from.ts, from.id);
    const op = direction === 'older' ? '<' : '>';
    where.push(`(e.ts, e.id) ${op} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit);
  return `SELECT * FROM audit_events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${ORDER[direction]} LIMIT $${params.length}`;
}

/** The append-only, hash-chained audit log and its queryable projection. */
export class AuditStore {
  private readonly db: Database;
  private readonly writer: ChainWriter;

  /**
   * `integrateAfterMs`: how long after an append its records are added to the Merkle tree
   * (default INTEGRATE_AFTER_MS); `null` leaves that to `integrate` (checkpoints, verification).
   * `leader`: only while it says so does this process integrate after its appends (default: a
   * single replica, always); a follower's records wait for the leader's next checkpoint.
   */
  constructor(
    db: Database,
    options: { integrateAfterMs?: number | null; leader?: LeaderGate } = {},
  ) {
    this.db = db;
    this.readNodes = new NodeCache(db).read;
    this.readStoredNodes = (ids) => readTreeNodes(db, ids);
    this.writer = new ChainWriter(db, options.integrateAfterMs, options.leader);
  }

  /**
   * Adds every stored record beyond the Merkle tree to it, in batches (appends are integrated a
   * moment after they commit; this runs at start, before each checkpoint and before an export).
   * Whatever was appended before the call is in the tree once it resolves.
   */
  integrate(): Promise<number> {
    return this.writer.integrate();
  }

  /** The tree's size and frontier now (leaf i = record baseSeq + i). */
  treeHead(): Promise<{ baseSeq: number; tree: Frontier }> {
    return this.writer.treeHead();
  }

  /** Reads stored subtree hashes (for proofs and roots); a missing one is an error. */
  readonly readNodes: NodeReader;

  /**
   * The same, always from the database, never from the proofs' in-memory cache: what
   * verification reads, so a stored node changed after the cache was filled is still caught.
   */
  readonly readStoredNodes: NodeReader;

  /** Records an intended action as PENDING, durably, before anything is executed. */
  async recordIntent(input: IntentInput): Promise<AuditEvent> {
    const id = randomUUID();
    const timestamp = new Date().toISOString();
    try {
      return toEvent(await this.writer.write({ phase: 'intent', id, timestamp, input }));
    } catch (err) {
      if (isUniqueViolation(err) && !movedUnderUs(err)) throw new IdempotencyKeyTaken();
      throw err;
    }
  }

  /** Records the outcome of a PENDING event (once). */
  async recordOutcome(id: string, outcome: OutcomeInput): Promise<AuditEvent> {
    const timestamp = new Date().toISOString();
    return toEvent(await this.writer.write({ phase: 'outcome', id, timestamp, outcome }));
  }

  async get(id: string): Promise<AuditEvent | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await this.db.query<Row>(`${SELECT} WHERE e.id = $1`, [id]);
    return row ? toEvent(row) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<(AuditEvent | undefined)[]> {
    const rows = await this.db.query<Row>(`${SELECT} WHERE e.id = ANY($1::uuid[])`, [
      ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    ]);
    const byId = new Map(rows.map((r) => [r.id, toEvent(r)]));
    return ids.map((id) => byId.get(id));
  }

  async findByIdempotencyKey(
    actor: string,
    key: string,
  ): Promise<{ event: AuditEvent; inputHash: string | null } | undefined> {
    const [row] = await this.db.query<Row>(
      `${SELECT} WHERE e.actor = $1 AND e.idempotency_key = $2`,
      [actor, key],
    );
    return row ? { event: toEvent(row), inputHash: row.input_hash } : undefined;
  }

  /**
   * Keyset-paginated on (timestamp, id), fast at any depth: up to `limit` events older than
   * `from` newest first, or with direction `newer`, newer than it oldest first.
   */
  async list(
    filter: AuditFilter,
    limit: number,
    from?: AuditKey,
    direction: AuditDirection = 'older',
  ): Promise<AuditEvent[]> {
    const params: unknown[] = [];
    const page = pageQuery(filter, limit, from, direction, params);
    const rows = await this.db.query<Row>(
      `${COLUMNS} FROM (${page}) e ${JOIN} ORDER BY ${ORDER[direction]}`,
      params,
    );
    return rows.map(toEvent);
  }

  /**
   * The same page (filter, limit, from, direction) of each of several resources, in one
   * statement: the index on (target_id, ts, id) serves each resource's page as `list` would.
   */
  async listPerTarget(
    targetIds: readonly string[],
    filter: Omit<AuditFilter, 'resourceId'>,
    limit: number,
    from?: AuditKey,
    direction: AuditDirection = 'older',
  ): Promise<AuditEvent[][]> {
    const params: unknown[] = [targetIds];
    const page = pageQuery(filter, limit, from, direction, params, 'e.target_id = k.id');
    const rows = await this.db.query<Row>(
      `${COLUMNS} FROM unnest($1::text[]) AS k(id) CROSS JOIN LATERAL (${page}) e
       ${JOIN} ORDER BY e.target_id, ${ORDER[direction]}`,
      params,
    );

    const byTarget = new Map<string, AuditEvent[]>();
    for (const row of rows) {
      const id = row.target_id ?? '';
      byTarget.set(id, [...(byTarget.get(id) ?? []), toEvent(row)]);
    }
    return targetIds.map((id) => byTarget.get(id) ?? []);
  }

  async count(filter: AuditFilter): Promise<number> {
    const params: unknown[] = [];
    const where = filterClause(filter, params);
    const [row] = await this.db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM audit_events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      params,
    );
    return Number(row?.n ?? 0);
  }

  /** The events matching `filter` on each of several resources, counted in one statement. */
  async countPerTarget(
    targetIds: readonly string[],
    filter: Omit<AuditFilter, 'resourceId'>,
  ): Promise<number[]> {
    const params: unknown[] = [targetIds];
    const where = ['e.target_id = ANY($1::text[])', ...filterClause(filter, params)];
    const rows = await this.db.query<{ target_id: string; n: string | number }>(
      `SELECT e.target_id, count(*) AS n FROM audit_events e WHERE ${where.join(' AND ')}
       GROUP BY e.target_id`,
      params,
    );
    const n = new Map(rows.map((r) => [r.target_id, Number(r.n)]));
    return targetIds.map((id) => n.get(id) ?? 0);
  }

  /** Marks this process alive; PENDING events of processes silent for long are reconciled. */
  async heartbeat(instanceId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO orchestrator_instances (instance_id, last_seen) VALUES ($1, now())
       ON CONFLICT (instance_id) DO UPDATE SET last_seen = now()`,
      [instanceId],
    );
  }

  /**
   * Marks a process as gone (at its shutdown): the PENDING events it leaves are reconciled by
   * the next start at once, not after the heartbeat goes stale.
   */
  async retire(instanceId: string): Promise<void> {
    await this.db.query(`DELETE FROM orchestrator_instances WHERE instance_id = $1`, [instanceId]);
  }

  /** Forgets processes silent for `days` (their PENDING events read as orphaned either way). */
  async pruneInstances(days: number): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM orchestrator_instances WHERE last_seen < now() - make_interval(days => $1) RETURNING 1`,
      [days],
    );
    return rows.length;
  }

  /** PENDING events whose writing process is no longer alive (or is this process's past). */
  async orphanedPending(instanceId: string, staleSeconds: number): Promise<AuditEvent[]> {
    const rows = await this.db.query<Row>(
      `${SELECT} LEFT JOIN orchestrator_instances i ON i.instance_id = e.instance_id
       WHERE e.status = 'PENDING' AND e.instance_id <> $1
         AND (i.last_seen IS NULL OR i.last_seen < now() - make_interval(secs => $2))
       ORDER BY e.ts LIMIT 500`,
      [instanceId, staleSeconds],
    );
    return rows.map(toEvent);
  }
}
