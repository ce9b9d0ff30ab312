// Bulk-builds a verifiable audit log for benchmarks and tests: each event is an intent and an
// outcome record as AuditStore writes them (bodies, chain and Merkle tree computed here,
// inserted in batches), and its projection row derived from those records in SQL. Thousands of
// times faster than AuditStore's durable per-event writes; verifyAuditLog finds it valid.
import { canonicalJson, GENESIS_HASH, recordHash } from '../../src/audit/chain.ts';
import { Frontier, leafHash } from '../../src/audit/merkle.ts';
import type { Database } from '../../src/store/database.ts';

const BATCH = 10_000;

function intentBody(eventId: string, i: number): string {
  return canonicalJson({
    eventId,
    phase: 'intent',
    timestamp: new Date(1.7e12 + i * 1000).toISOString(),
    actor: `user-${i % 7}`,
    actorRole: 'operator',
    source: 'API',
    action: 'scale',
    verb: 'scale',
    target: {
      id: `k8s:lab:DEPLOYMENT:ns-${i % 50}:web-${i % 500}`,
      provider: 'KUBERNETES',
      kind: 'DEPLOYMENT',
      cluster: 'lab',
      namespace: `ns-${i % 50}`,
      name: `web-${i % 500}`,
    },
    parameters: { replicas: i % 10 },
    dryRun: false,
    requestId: null,
    idempotencyKey: null,
    inputHash: null,
    reverts: null,
    instanceId: 'bench',
  });
}

function outcomeBody(eventId: string, i: number): string {
  return canonicalJson({
    eventId,
    phase: 'outcome',
    timestamp: new Date(1.7e12 + i * 1000 + 500).toISOString(),
    status: 'SUCCEEDED',
    error: null,
    before: { replicas: 1 },
    after: { replicas: i % 10 },
    message: null,
    durationMs: 1,
  });
}

/**
 * Appends `events` finished events (2 records each) to an empty, migrated audit log.
 * `withOutcomes: false` writes intents only (PENDING events, one record each).
 */
export async function seedAuditLog(
  db: Database,
  events: number,
  options: { withOutcomes?: boolean } = {},
): Promise<void> {
  const withOutcomes = options.withOutcomes ?? true;
  const tree = new Frontier();
  let prev = GENESIS_HASH;
  let seq = 0;
  for (let from = 0; from < events; from += BATCH) {
    const rec: unknown[][] = [[], [], [], [], [], []];
    const nodes: unknown[][] = [[], [], []];
    const add = (eventId: string, phase: string, body: string) => {
      seq++;
      const hash = recordHash(seq, body, prev);
      [seq, eventId, phase, body, prev, hash].forEach((v, k) => rec[k]!.push(v));
      prev = hash;
      for (const n of tree.append(leafHash(body))) {
        nodes[0]!.push(n.level);
        nodes[1]!.push(n.index);
        nodes[2]!.push(n.hash.toString('hex'));
      }
    };
    for (let i = from; i < Math.min(events, from + BATCH); i++) {
      const eventId = crypto.randomUUID();
      add(eventId, 'intent', intentBody(eventId, i));
      if (withOutcomes) add(eventId, 'outcome', outcomeBody(eventId, i));
    }
    await db.query(
      `INSERT INTO audit_records (seq, event_id, phase, body, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      rec,
    );
    await db.query(
      `INSERT INTO audit_tree_nodes (level, idx, hash)
       SELECT l, i, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) x(l, i, h)`,
      nodes,
    );
  }
  await db.query(`UPDATE audit_tree SET size = $1, frontier = decode($2, 'hex')`, [
    tree.size,
    Buffer.concat(tree.hashes).toString('hex'),
  ]);
  await db.exec(`INSERT INTO audit_events (id, ts, actor, actor_role, source, action, verb,
      target_id, target, parameters, dry_run, status, before, after, duration_ms, instance_id,
      intent_seq, last_seq)
    SELECT i.event_id, (b->>'timestamp')::timestamptz, b->>'actor', b->>'actorRole', b->>'source',
      b->>'action', b->>'verb', b->'target'->>'id', b->'target', b->'parameters', false,
      coalesce(ob->>'status', 'PENDING'), ob->'before', ob->'after', (ob->>'durationMs')::int,
      b->>'instanceId', i.seq, coalesce(o.seq, i.seq)
    FROM (SELECT event_id, seq, body::jsonb AS b FROM audit_records WHERE phase = 'intent') i
    -- An event's outcome is the record right after its intent here.
    LEFT JOIN (SELECT seq, body::jsonb AS ob FROM audit_records WHERE phase = 'outcome') o
      ON o.seq = i.seq + 1`);
  await db.exec('ANALYZE audit_records; ANALYZE audit_tree_nodes; ANALYZE audit_events');
}
