// Cursor-bearing subscriptions across replicas on one PostgreSQL and one Redis: a client
// subscribed through replica A, which is killed (SIGKILL) midway through 1,000 events, carries
// on through replica B from its last cursors and gets every event exactly once, in order.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorStream, type DeliveredEvent } from '../../src/cursor-stream.ts';
import { RedisEventLog } from '../../src/eventlog-redis.ts';
import { LOGGED_TOPICS, parseCursor } from '../../src/eventlog.ts';
import {
  killScenario,
  REDIS_URL,
  startReplicaPair,
  type ReplicaPair,
} from '../support/stream-replicas.ts';

const TOTAL = 1000;

let pair: ReplicaPair;

beforeAll(async () => {
  pair = await startReplicaPair();
}, 180_000);
afterAll(async () => {
  await pair?.close();
});

describe('streams across replicas', () => {
  it('lose nothing when the replica a client is on is killed: it resumes on another', async () => {
    const out = await killScenario(pair, TOTAL);
    const expected = (p: string) => Array.from({ length: TOTAL }, (_, k) => `${p}-${k + 1}`);
    expect(out.anomalies).toEqual([]);
    expect(out.audit).toEqual(expected('a'));
    expect(out.resources).toEqual(expected('p'));
    console.log(
      `streams: 0 of ${TOTAL} lost across a SIGKILL; kill to first event through B: ${out.killToFirstEventMs} ms`,
    );
  }, 120_000);

  it('report a cursor past the Redis retention as a gap, with the count, then go on', async () => {
    const log = new RedisEventLog({
      url: REDIS_URL,
      prefix: `oi:test:${randomUUID()}:`,
      topics: LOGGED_TOPICS,
      retention: { maxEvents: 10, maxAgeMs: 60_000 },
    });
    try {
      const cursors: string[] = [];
      for (let i = 1; i <= 1000; i++) cursors.push((await log.append('auditEvents', { i }))!);
      // MAXLEN ~ trims whole nodes: somewhat more than 10 stay, far fewer than 1,000.
      const stream = cursorStream<{ i: number }>({
        log,
        topic: 'auditEvents',
        after: parseCursor(cursors[0]!),
        keep: () => true,
        buffer: 100,
      });
      const first = (await stream.next()).value as DeliveredEvent<{ i: number }>;
      expect(first.gap?.reason).toBe('CURSOR_EXPIRED');
      expect(first.gap!.skipped).toBeGreaterThan(800);
      expect(first.payload.i).toBe(first.gap!.skipped + 2);
      const rest: number[] = [first.payload.i];
      while (rest.at(-1)! < 1000) {
        rest.push(((await stream.next()).value as DeliveredEvent<{ i: number }>).payload.i);
      }
      expect(rest).toEqual(Array.from({ length: rest.length }, (_, k) => first.payload.i + k));
      // Then live, from the other replica's appends as from its own.
      const next = stream.next();
      await log.append('auditEvents', { i: 1001 });
      expect(((await next).value as DeliveredEvent<{ i: number }>).payload.i).toBe(1001);
      await stream.return?.();
    } finally {
      await log.close();
    }
  });
});
