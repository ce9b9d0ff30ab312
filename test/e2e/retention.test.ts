// Operational tables are pruned past their retention, on PGlite and PostgreSQL alike; only the
// leader prunes.
import { describe, expect, it } from 'vitest';
import { AuditStore } from '../../src/audit/store.ts';
import { ChatStore } from '../../src/chat/store.ts';
import { SINGLE_REPLICA } from '../../src/leader.ts';
import { createLogger } from '../../src/logger.ts';
import { RecommendationStore } from '../../src/recommendations/store.ts';
import type { Database } from '../../src/store/database.ts';
import { Retention } from '../../src/store/retention.ts';
import { testPipeline } from '../support/audit.ts';
import { STORES } from '../support/stores.ts';

const ids = async (db: Database, sql: string) =>
  (await db.query<{ id: string }>(sql)).map((r) => r.id).sort();

async function seed(db: Database) {
  const conv = (id: string, idleDays: number) =>
    db.query(
      `INSERT INTO chat_conversations (id, owner, updated_at)
       VALUES ($1, 'olga', now() - make_interval(days => $2))`,
      [id, idleDays],
    );
  const msg = (conv: string, ageDays: number, content: string) =>
    db.query(
      `INSERT INTO chat_messages (conversation_id, role, content, created_at)
       VALUES ($1, 'user', $2, now() - make_interval(days => $3))`,
      [conv, content, ageDays],
    );
  const idle = '00000000-0000-4000-8000-000000000001';
  const live = '00000000-0000-4000-8000-000000000002';
  await conv(idle, 40);
  await conv(live, 0);
  await msg(idle, 40, 'idle conversation');
  await msg(live, 45, 'old message of a live conversation');
  await msg(live, 1, 'recent message');
  for (const [token, expiredDaysAgo] of [
    ['spent', 3],
    ['fresh', -1],
  ] as const) {
    await db.query(
      `INSERT INTO chat_plans (token_hash, conversation_id, viewer, plan, expires_at)
       VALUES ($1, $2, 'olga', '{}', now() - make_interval(days => $3))`,
      [token, live, expiredDaysAgo],
    );
  }
  const rec = (id: string, status: string, resolvedDaysAgo: number | null) =>
    db.query(
      `INSERT INTO recommendations (id, target_id, target_kind, target_name, type, status, title,
         summary, evidence, confidence, risk, source, resolved_at, updated_at)
       VALUES ($1::uuid, $1::text, 'DEPLOYMENT', 'web', 'RIGHTSIZE', $2, 't', 's', '{}', 0.5, 'LOW', 'test',
         now() - make_interval(days => $3::int), now() - make_interval(days => COALESCE($3::int, 200)))`,
      [id, status, resolvedDaysAgo],
    );
  await rec('00000000-0000-4000-8000-00000000000a', 'APPLIED', 120);
  await rec('00000000-0000-4000-8000-00000000000b', 'REJECTED', 10);
  await rec('00000000-0000-4000-8000-00000000000c', 'OPEN', null);
  await db.query(
    `INSERT INTO recommendation_suppressions (target_id, type, until, reason, actor) VALUES
       ('lapsed', 'RIGHTSIZE', now() - interval '1 hour', 'r', 'olga'),
       ('held', 'RIGHTSIZE', now() + interval '1 day', 'r', 'olga')`,
  );
  await db.query(
    `INSERT INTO orchestrator_instances (instance_id, last_seen) VALUES
       ('gone', now() - interval '8 days'), ('alive', now())`,
  );
}

const retention = (
  db: Database,
  isLeader: boolean,
  days = { chat: 30, recommendations: 90, instances: 7 },
) =>
  new Retention({
    days,
    chat: new ChatStore(db),
    recommendations: new RecommendationStore(db),
    audit: new AuditStore(db),
    actions: testPipeline(new AuditStore(db)),
    leader: isLeader ? SINGLE_REPLICA : { isLeader: () => false },
    log: createLogger('silent'),
  });

describe.each(STORES)('retention on $kind', { timeout: 120_000 }, (target) => {
  it('prunes chat, resolved recommendations and silent instances past their days', async () => {
    const { db, cleanup } = await target.open();
    try {
      await seed(db);
      // A follower's timer does nothing: only the leader prunes.
      const follower = retention(db, false);
      follower.start();
      follower.stop();
      expect(await ids(db, 'SELECT instance_id AS id FROM orchestrator_instances')).toEqual([
        'alive',
        'gone',
      ]);

      // 0 keeps everything.
      const none = { chat: 0, recommendations: 0, instances: 0 };
      expect(await retention(db, true, none).prune()).toEqual(none);
      const audit = new AuditStore(db);
      expect(await audit.count({ actions: ['prune_retention'] })).toBe(0);

      const removed = await retention(db, true).prune();
      expect(removed).toEqual({ chat: 3, recommendations: 2, instances: 1 });
      // The run is an audit event: the days kept, and what it removed of each kind.
      const [event, ...more] = await audit.list({ actions: ['prune_retention'] }, 5);
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        actor: 'orchestrator',
        source: 'SYSTEM',
        status: 'SUCCEEDED',
        target: null,
        parameters: { days: { chat: 30, recommendations: 90, instances: 7 } },
        after: { removed: { chat: 3, recommendations: 2, instances: 1 } },
        message: 'removed 3 chat, 2 recommendations, 1 instances',
      });
      expect(await ids(db, 'SELECT id::text AS id FROM chat_conversations')).toEqual([
        '00000000-0000-4000-8000-000000000002',
      ]);
      expect(await ids(db, 'SELECT content AS id FROM chat_messages')).toEqual(['recent message']);
      expect(await ids(db, 'SELECT token_hash AS id FROM chat_plans')).toEqual(['fresh']);
      expect(await ids(db, 'SELECT status AS id FROM recommendations')).toEqual([
        'OPEN',
        'REJECTED',
      ]);
      expect(await ids(db, 'SELECT target_id AS id FROM recommendation_suppressions')).toEqual([
        'held',
      ]);
      expect(await ids(db, 'SELECT instance_id AS id FROM orchestrator_instances')).toEqual([
        'alive',
      ]);
      // A pass with nothing left to remove adds nothing to the log.
      expect(await retention(db, true).prune()).toEqual({
        chat: 0,
        recommendations: 0,
        instances: 0,
      });
      expect(await audit.count({ actions: ['prune_retention'] })).toBe(1);
    } finally {
      await cleanup();
    }
  });
});
