import type { Database } from '../store/database.ts';
import { canonicalJson, GENESIS_HASH, recordHash } from './chain.ts';
import { CHAIN_LOCK } from './store.ts';

export interface VerifyResult {
  valid: boolean;
  checkedRecords: number;
  checkedEvents: number;
  /** The first thing that does not match, in chain order. */
  firstInvalid: { eventId: string | null; seq: number | null; reason: string } | null;
}

const BATCH = 5000;

type Body = Record<string, unknown>;

const INTENT_FIELDS: [column: string, bodyKey: string][] = [
  ['actor', 'actor'],
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

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Walks the chain from the anchor (or the genesis), recomputing every hash, then checks every
 * row of the queryable projection against the records it was written from.
 */
export async function verifyAuditLog(db: Database): Promise<VerifyResult> {
  const [anchor] = await db.query<{ seq: string | number; prev_hash: string }>(
    'SELECT seq, prev_hash FROM audit_anchor WHERE id = 1',
  );
  let expectedSeq = anchor ? Number(anchor.seq) : 1;
  let prevHash = anchor ? anchor.prev_hash : GENESIS_HASH;
  let checkedRecords = 0;
  let intents = 0;
  const fail = (reason: string, seq: number | null, eventId: string | null): VerifyResult => ({
    valid: false,
    checkedRecords,
    checkedEvents: 0,
    firstInvalid: { eventId, seq, reason },
  });

  for (;;) {
    const rows = await db.query<{
      seq: string | number;
      event_id: string;
      phase: string;
      body: string;
      prev_hash: string;
      hash: string;
    }>(
      'SELECT seq, event_id, phase, body, prev_hash, hash FROM audit_records WHERE seq >= $1 ORDER BY seq LIMIT $2',
      [expectedSeq, BATCH],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return fail(`record ${expectedSeq} is missing`, expectedSeq, null);
      if (r.prev_hash !== prevHash) return fail('previous-hash link broken', seq, r.event_id);
      if (recordHash(seq, r.body, r.prev_hash) !== r.hash) {
        return fail('record content does not match its hash', seq, r.event_id);
      }
      let body: Body;
      try {
        body = JSON.parse(r.body) as Body;
      } catch {
        return fail('record body is not JSON', seq, r.event_id);
      }
      if (body.eventId !== r.event_id || body.phase !== r.phase) {
        return fail('record columns do not match its hashed body', seq, r.event_id);
      }
      if (r.phase === 'intent') intents++;
      prevHash = r.hash;
      expectedSeq++;
      checkedRecords++;
    }
  }

  let checkedEvents = 0;
  let afterSeq = 0;
  for (;;) {
    const rows = await db.query<
      Body & { id: string; intent_seq: string | number; ts: Date | string }
    >(
      `SELECT e.*, i.body AS intent_body, o.body AS outcome_body
       FROM audit_events e
       LEFT JOIN audit_records i ON i.seq = e.intent_seq AND i.event_id = e.id AND i.phase = 'intent'
       LEFT JOIN audit_records o ON o.seq = e.last_seq AND o.seq <> e.intent_seq
         AND o.event_id = e.id AND o.phase = 'outcome'
       WHERE e.intent_seq > $1 ORDER BY e.intent_seq LIMIT $2`,
      [afterSeq, BATCH],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.intent_seq);
      afterSeq = seq;
      const bad = (reason: string): VerifyResult => ({
        ...fail(reason, seq, row.id),
        checkedEvents,
      });
      if (typeof row.intent_body !== 'string') return bad('event has no intent record');
      const intent = JSON.parse(row.intent_body) as Body;
      if (new Date(row.ts).toISOString() !== intent.timestamp) return bad('timestamp was edited');
      for (const [column, key] of INTENT_FIELDS) {
        if (!same(row[column], intent[key])) return bad(`${key} was edited`);
      }
      const outcome =
        typeof row.outcome_body === 'string' ? (JSON.parse(row.outcome_body) as Body) : null;
      if (!outcome && Number(row.last_seq) !== seq) return bad('event has no outcome record');
      for (const [column, key] of OUTCOME_FIELDS) {
        const expected = outcome ? outcome[key] : key === 'status' ? 'PENDING' : null;
        if (!same(row[column], expected)) return bad(`${key} was edited`);
      }
      checkedEvents++;
    }
  }
  if (checkedEvents !== intents) {
    return {
      valid: false,
      checkedRecords,
      checkedEvents,
      firstInvalid: {
        eventId: null,
        seq: null,
        reason: `${intents - checkedEvents} recorded event(s) missing from the audit_events table`,
      },
    };
  }
  return { valid: true, checkedRecords, checkedEvents, firstInvalid: null };
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
    const keepFrom = first?.seq != null ? Number(first.seq) : Number(last.seq) + 1;
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
