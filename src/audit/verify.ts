import type { Database } from '../store/database.ts';
import { canonicalJson, GENESIS_HASH } from './chain.ts';
import { LogCheck, type Mismatch, type SignedCheckpoint } from './log-check.ts';
import {
  consistencyProof,
  Frontier,
  rangeNodes,
  verifyConsistency,
  type NodeReader,
} from './merkle.ts';
import type { NoteVerifier } from './note.ts';
import { CHAIN_LOCK } from './chain-tables.ts';

export interface VerifyResult {
  valid: boolean;
  /** Leaves in the tree after the scan. */
  treeSize: number;
  checkedRecords: number;
  checkedEvents: number;
  /** The signed checkpoints checked (database, sink), with the keys that signed them. */
  checkpoints: { source: string; size: number; verifiedBy: string[] }[];
  mismatchCount: number;
  /** Every mismatch found, in log order (up to 100,000 kept). */
  mismatches: Mismatch[];
}

/** Where a scan starts: a pruned prefix, or the end of the last clean incremental scan. */
export interface ScanStart {
  baseSeq: number;
  tree: Frontier;
  prevHash: string;
}

export interface VerifyOptions {
  keys: NoteVerifier[];
  origin: string;
  checkpoints: SignedCheckpoint[];
  readNodes: NodeReader;
  /** Continue from here (incremental); otherwise from the start of the kept log. */
  from?: ScanStart | undefined;
}

/**
 * Rows per read: bounds a scan's memory and how long one read holds the embedded store, a
 * single connection every other statement waits behind.
 */
const BATCH = 1000;

type Body = Record<string, unknown>;
const INTENT_FIELDS: [column: string, bodyKey: string][] = [
  ['actor', 'actor'],
  ['actor_name', 'actorName'],
  ['actor_role', 'actorRole'],
  ['source', 'source'],
  ['action', 'action'],
  ['verb', 'verb'],
  ['target', 'target'],
  ['parameters', 'parameters'],
  ['dry_run', 'dryRun'],
  ['request_id', 'requestId'],
  ['idempotency_key', 'idempotencyKey'],
  ['input_hash', 'inputHash'],
  ['reverts', 'reverts'],
  ['instance_id', 'instanceId'],
];
const OUTCOME_FIELDS: [string, string][] = [
  ['status', 'status'],
  ['error', 'error'],
  ['before', 'before'],
  ['after', 'after'],
  ['message', 'message'],
  ['duration_ms', 'durationMs'],
];

/** A column against its hashed field: scalars directly, objects by their canonical JSON. */
function same(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  return canonicalJson(x) === canonicalJson(y);
}

/** The start of the kept log: after the pruned prefix (whose subtree hashes are kept). */
async function keptStart(db: Database, readNodes: NodeReader): Promise<ScanStart> {
  const [row] = await db.query<{
    base_seq: string | number;
    seq: string | null;
    prev_hash: string | null;
  }>(
    `SELECT t.base_seq, a.seq, a.prev_hash FROM audit_tree t LEFT JOIN audit_anchor a ON a.id = 1`,
  );
  const baseSeq = Number(row?.base_seq ?? 1);
  const pruned = row?.seq != null ? Math.max(0, Number(row.seq) - baseSeq) : 0;
  return {
    baseSeq,
    tree: new Frontier(pruned, await readNodes(rangeNodes(0, pruned))),
    prevHash: row?.prev_hash ?? GENESIS_HASH,
  };
}

/**
 * Walks the records from `from` (or the start of the kept log) to the Merkle tree's head
 * (records not integrated yet wait for the next scan), recomputing every hash, the
 * Merkle tree and its root at each signed checkpoint's size; checks the checkpoints it starts
 * beyond with consistency proofs from the stored tree; then checks every row of the queryable
 * projection written from those records. Reports every mismatch; `end` is where the next
 * incremental scan may start.
 */
export async function verifyAuditLog(
  db: Database,
  o: VerifyOptions,
): Promise<VerifyResult & { end: ScanStart }> {
  const start = o.from ?? (await keptStart(db, o.readNodes));
  const check = new LogCheck(start);
  for (const c of o.checkpoints) check.addCheckpoint(c, o.keys, o.origin);
  const firstSeq = start.baseSeq + start.tree.size;
  // Up to the Merkle tree's head: a record appended since is checked once integrated (the
  // ledger integrates before it verifies), so its stored subtrees exist for the proofs below.
  const [head] = await db.query<{ size: string | number }>(
    'SELECT size FROM audit_tree WHERE id = 1',
  );
  const headSize = Number(head?.size ?? 0);
  const endSeq = start.baseSeq + headSize;
  let intents = 0;
  for (let seq = firstSeq; seq < endSeq;) {
    const rows = await db.query<{
      seq: string | number;
      event_id: string;
      phase: string;
      body: string;
      prev_hash: string;
      hash: string;
      leaf: string | null;
    }>(
      `SELECT r.seq, r.event_id, r.phase, r.body, r.prev_hash, r.hash, encode(n.hash, 'hex') AS leaf
       FROM audit_records r LEFT JOIN audit_tree_nodes n ON n.level = 0 AND n.idx = r.seq - $3
       WHERE r.seq >= $1 AND r.seq < $4 ORDER BY r.seq LIMIT $2`,
      [seq, BATCH, start.baseSeq, endSeq],
    );
    for (const r of rows) {
      check.push({
        seq: Number(r.seq),
        eventId: r.event_id,
        phase: r.phase,
        body: r.body,
        prevHash: r.prev_hash,
        hash: r.hash,
        storedLeaf: r.leaf ? Buffer.from(r.leaf, 'hex') : undefined,
      });
      if (r.phase === 'intent') intents++;
      seq = Number(r.seq) + 1;
    }
    if (rows.length < BATCH) break;
  }
  const size = check.tree.size;
  for (const cp of check.behind()) {
    // A stored node that is missing counts as an inconsistency, like a wrong one.
    const proof = await consistencyProof(cp.size, size, o.readNodes).catch(() => null);
    const ok =
      proof !== null && verifyConsistency(cp.size, size, proof, cp.root, check.tree.root());
    if (!ok) {
      check.add({
        kind: 'CHECKPOINT_MISMATCH',
        seq: null,
        eventId: null,
        reason: `the ${cp.source} checkpoint at size ${cp.size} is not consistent with the log`,
      });
    }
  }
  check.finish();
  if (headSize !== size) {
    check.add({
      kind: 'LOG_TRUNCATED',
      seq: null,
      eventId: null,
      reason:
        headSize > size
          ? `the tree head counts ${headSize} records but ${size} were found`
          : `the tree head counts ${headSize} records but ${size} were verified before`,
    });
  }
  const checkedEvents = await checkProjection(db, check, firstSeq, endSeq, intents);
  return {
    valid: check.count === 0,
    treeSize: size,
    checkedRecords: check.checkedRecords,
    checkedEvents,
    checkpoints: check.checkpoints.map((c) => ({
      source: c.source,
      size: c.size,
      verifiedBy: c.verifiedBy,
    })),
    mismatchCount: check.count,
    mismatches: check.mismatches,
    end: { baseSeq: start.baseSeq, tree: check.tree, prevHash: check.lastHash },
  };
}

/**
 * Every projection row written from records at or after `fromSeq` against those records; the
 * `intents` scanned in [fromSeq, endSeq) must each have one.
 */
async function checkProjection(
  db: Database,
  check: LogCheck,
  fromSeq: number,
  endSeq: number,
  intents: number,
) {
  let checkedEvents = 0;
  let fresh = 0;
  // Paged on (last_seq, id), the order the index on last_seq serves: what was written since
  // `fromSeq` is read directly (paging on intent_seq walked the whole table to find it).
  let after = { lastSeq: -1, id: '00000000-0000-0000-0000-000000000000' };
  for (;;) {
    const rows = await db.query<
      Body & { id: string; intent_seq: string | number; ts: Date | string }
    >(
      `SELECT e.*, i.body AS intent_body, o.body AS outcome_body
       FROM audit_events e
       LEFT JOIN audit_records i ON i.seq = e.intent_seq AND i.event_id = e.id AND i.phase = 'intent'
       LEFT JOIN audit_records o ON o.seq = e.last_seq AND o.seq <> e.intent_seq
         AND o.event_id = e.id AND o.phase = 'outcome'
       WHERE e.last_seq >= $3 AND (e.last_seq, e.id) > ($1, $4::uuid)
       ORDER BY e.last_seq, e.id LIMIT $2`,
      [after.lastSeq, BATCH, fromSeq, after.id],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.intent_seq);
      after = { lastSeq: Number(row.last_seq), id: row.id };
      if (seq >= fromSeq && seq < endSeq) fresh++;
      const bad = (reason: string, kind: 'EVENT_EDITED' | 'EVENT_MISSING' = 'EVENT_EDITED') =>
        check.add({ kind, seq, eventId: row.id, reason });
      checkedEvents++;
      if (typeof row.intent_body !== 'string') {
        bad('event has no intent record', 'EVENT_MISSING');
        continue;
      }
      const intent = JSON.parse(row.intent_body) as Body;
      if (new Date(row.ts).toISOString() !== intent.timestamp) bad('timestamp was edited');
      for (const [column, key] of INTENT_FIELDS) {
        if (!same(row[column], intent[key])) bad(`${key} was edited`);
      }
      const outcome =
        typeof row.outcome_body === 'string' ? (JSON.parse(row.outcome_body) as Body) : null;
      if (!outcome && Number(row.last_seq) !== seq) {
        bad('event has no outcome record', 'EVENT_MISSING');
        continue;
      }
      for (const [column, key] of OUTCOME_FIELDS) {
        const expected = outcome ? outcome[key] : key === 'status' ? 'PENDING' : null;
        if (!same(row[column], expected)) bad(`${key} was edited`);
      }
    }
  }
  if (fresh < intents) {
    check.add({
      kind: 'EVENT_MISSING',
      seq: null,
      eventId: null,
      reason: `${intents - fresh} recorded event(s) missing from the audit_events table`,
    });
  }
  return checkedEvents;
}

/** Whether the oldest kept record is older than `before` (a prune would remove something). */
export async function auditPruneDue(db: Database, before: Date): Promise<boolean> {
  const [oldest] = await db.query<{ due: boolean }>(
    'SELECT created_at < $1 AS due FROM audit_records ORDER BY seq LIMIT 1',
    [before],
  );
  return oldest?.due === true;
}

/**
 * Removes records and events older than `before`, keeping the rest verifiable: the anchor
 * remembers where the kept chain starts and the hash it links to.
 */
export async function pruneAuditLog(db: Database, before: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [first] = await tx.query<{ seq: string | number }>(
      'SELECT min(seq) AS seq FROM audit_records WHERE created_at >= $1',
      [before],
    );
    const [last] = await tx.query<{ seq: string | number; hash: string }>(
      'SELECT seq, hash FROM audit_records ORDER BY seq DESC LIMIT 1',
    );
    if (!last) return 0;
    // Never past the Merkle tree: a record not yet integrated has no stored leaf to keep.
    const [tree] = await tx.query<{ end: string | number }>(
      'SELECT base_seq + size AS end FROM audit_tree WHERE id = 1',
    );
    const keepFrom = Math.min(
      first?.seq != null ? Number(first.seq) : Number(last.seq) + 1,
      Number(tree?.end ?? 0),
    );
    const [boundary] = await tx.query<{ hash: string }>(
      'SELECT hash FROM audit_records WHERE seq = $1',
      [keepFrom - 1],
    );
    if (!boundary) return 0;
    const deleted = await tx.query('DELETE FROM audit_events WHERE intent_seq < $1 RETURNING id', [
      keepFrom,
    ]);
    await tx.query('DELETE FROM audit_records WHERE seq < $1', [keepFrom]);
    await tx.query(
      `INSERT INTO audit_anchor (id, seq, prev_hash) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, prev_hash = EXCLUDED.prev_hash`,
      [keepFrom, boundary.hash],
    );
    return deleted.length;
  });
}
