// Bounded per connection and per field: a socket's running operations, and every `first`.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../support/app.ts';
import { codes, post, spawnServer, wsConnect, type SpawnedServer } from './server.ts';

let s: SpawnedServer;
beforeAll(async () => {
  s = await spawnServer({ MAX_SUBSCRIPTIONS_PER_SOCKET: '3' });
});
afterAll(async () => {
  await s?.stop();
});

const subscribe = (id: string, query: string) =>
  JSON.stringify({ id, type: 'subscribe', payload: { query } });

describe('per-socket subscription limit (MAX_SUBSCRIPTIONS_PER_SOCKET)', () => {
  it('refuses one operation too many for its id and keeps the socket', async () => {
    const c = await wsConnect(s.url, TOKENS.viewer);
    try {
      for (const id of ['s1', 's2', 's3'])
        c.ws.send(subscribe(id, 'subscription { auditEvents { id } }'));
      c.ws.send(subscribe('s4', 'subscription { auditEvents { id } }'));
      const refused = await c.next('s4');
      expect(refused.type).toBe('error');
      expect((refused.payload as { extensions: unknown }[])[0]?.extensions).toEqual({
        code: 'MAX_SUBSCRIPTIONS_PER_SOCKET',
        limit: 3,
      });
      // The three are still running, so a query is one too many as well…
      c.ws.send(subscribe('q1', '{ viewer { name } }'));
      expect((await c.next('q1')).type).toBe('error');
      // …until one of them completes; the socket was never closed.
      c.ws.send(JSON.stringify({ id: 's1', type: 'complete' }));
      c.ws.send(subscribe('q2', '{ viewer { name } }'));
      const answered = await c.next('q2');
      expect(answered).toMatchObject({
        type: 'next',
        payload: { data: { viewer: { name: 'viewer-user' } } },
      });
      expect(c.ws.readyState).toBe(c.ws.OPEN);
      expect(c.messages.filter((m) => ['s2', 's3'].includes(m.id as string))).toEqual([]);
    } finally {
      c.ws.close();
    }
  });

  it('reads a burst of 2,000 frames in turns and answers every one', async () => {
    // The server pauses a socket after 100 messages in one turn of its loop (src/server/ws.ts,
    // takeTurns) and reads on at the next: nothing may be lost on the way. Each operation ends
    // once: `complete` after its answer, or `error` (one too many running, or rate limited).
    const c = await wsConnect(s.url, TOKENS.viewer);
    try {
      const ids = Array.from({ length: 2000 }, (_, i) => `q${i}`);
      for (const id of ids) c.ws.send(subscribe(id, '{ viewer { name } }'));
      const ended = () =>
        c.messages.filter((m) => m.type === 'complete' || m.type === 'error').map((m) => m.id);
      for (let i = 0; i < 200 && ended().length < ids.length; i++) await sleep(50);
      expect(ended().sort()).toEqual([...ids].sort());
      expect(c.messages.filter((m) => m.type === 'next').length).toBeGreaterThan(0);
      expect(c.ws.readyState).toBe(c.ws.OPEN);
    } finally {
      c.ws.close();
    }
  });
});

describe('first above its bound is a ValidationError, never a silent cap', () => {
  it('verifyAuditLog(first) accepts 0 to 500 and refuses 501', async () => {
    const within = await post(s.url, TOKENS.operator, '{ verifyAuditLog(first: 500) { valid } }');
    expect(within.body.errors).toBeUndefined();
    const over = await post(s.url, TOKENS.operator, '{ verifyAuditLog(first: 501) { valid } }');
    expect(codes(over)).toEqual(['VALIDATION_FAILED']);
    expect(over.body.errors?.[0]?.message).toBe('first must be between 0 and 500');
    const negative = await post(s.url, TOKENS.operator, '{ verifyAuditLog(first: -1) { valid } }');
    expect(codes(negative)).toEqual(['VALIDATION_FAILED']);
  });

  it('connections refuse first over 1000', async () => {
    const over = await post(s.url, TOKENS.viewer, '{ auditLog(first: 1001) { totalCount } }');
    expect(codes(over)).toEqual(['VALIDATION_FAILED']);
    expect(over.body.errors?.[0]?.message).toBe('first must be between 0 and 1000');
  });
});
