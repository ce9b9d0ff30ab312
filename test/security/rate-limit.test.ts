import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Answer {
  status: number;
  retryAfter: string | null;
  code: unknown;
}

async function ask(base: string, secret: string, query: string): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: unknown } }[] };
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    code: body.errors?.[0]?.extensions?.code,
  };
}

function expectRefused(a: Answer, maxSeconds: number): void {
  expect(a.status).toBe(429);
  expect(a.code).toBe('RATE_LIMITED');
  const seconds = Number(a.retryAfter);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(maxSeconds);
}

describe('rate limits per token, in one process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_PER_SECOND: '2',
      RATE_LIMIT_BURST: '20',
      RATE_LIMIT_EXPENSIVE_COST: '15',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a flood with 429 and Retry-After, and other tokens are served', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => ask(t.url, TOKENS.viewer, '{ viewer { name } }')),
    );
    const seconds = Math.ceil((performance.now() - started) / 1000);
    const served = answers.filter((a) => a.status === 200).length;
    const refused = answers.filter((a) => a.status !== 200);
    // 20 for bursts, and 2 in each second begun (on a loaded machine the flood takes several).
    expect(served).toBeGreaterThanOrEqual(20);
    expect(served).toBeLessThanOrEqual(20 + 2 * (seconds + 1));
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) expectRefused(a, 10);
    expect((await ask(t.url, TOKENS.admin, '{ viewer { name } }')).status).toBe(200);
  });

  it('charges verifyAuditLog more than a plain query', async () => {
    // The operator's budget is untouched: two plain queries in a row pass...
    for (let i = 0; i < 2; i++) {
      expect((await ask(t.url, TOKENS.operator, '{ viewer { name } }')).status).toBe(200);
    }
    // ...while a verification costs 16 of the 20 of a burst, so the next one is refused.
    const verify = '{ verifyAuditLog { valid } }';
    expect((await ask(t.url, TOKENS.operator, verify)).status).toBe(200);
    expectRefused(await ask(t.url, TOKENS.operator, verify), 10);
  });

  it('refuses graphql-ws operations past the budget with RATE_LIMITED for that id', async () => {
    const secret = `ws-only-${randomBytes(8).toString('hex')}`;
    const own = await startTestApp({
      API_TOKENS: `ws-user:viewer:${secret}`,
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: '3',
    });
    const client = createClient({
      url: `${own.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${secret}` },
      retryAttempts: 0,
    });
    try {
      const started = performance.now();
      const outcomes = await Promise.all(
        Array.from(
          { length: 10 },
          () =>
            new Promise<unknown>((resolve) => {
              let last: unknown;
              client.subscribe(
                { query: '{ viewer { name } }' },
                { next: (v) => (last = v), error: resolve, complete: () => resolve(last) },
              );
            }),
        ),
      );
      const refused = outcomes.filter(Array.isArray) as { extensions?: { code?: string } }[][];
      const served = outcomes.filter((o) => !Array.isArray(o));
      const seconds = Math.ceil((performance.now() - started) / 1000);
      // 3 for bursts, and 1 in each second begun.
      expect(served.length).toBeGreaterThanOrEqual(3);
      expect(served.length).toBeLessThanOrEqual(3 + seconds + 1);
      expect(refused.length).toBeGreaterThan(0);
      expect(served[0]).toEqual({ data: { viewer: { name: 'ws-user' } } });
      for (const errors of refused) {
        expect(errors[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      }
    } finally {
      await client.dispose();
      await own.close();
    }
  });
});

describe('rate limits shared through Redis', () => {
  // A token name of its own: other runs and files using the same Redis keep their budgets.
  const name = `rl-${randomBytes(6).toString('hex')}`;
  const secret = `secret-${randomBytes(12).toString('hex')}`;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = {
      REDIS_URL,
      API_TOKENS: `${name}:viewer:${secret}`,
      RATE_LIMIT_PER_SECOND: '1',
      RATE_LIMIT_BURST: '20',
    };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('spends one budget across two servers', async () => {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ask(i % 2 === 0 ? a.url : b.url, secret, '{ viewer { name } }'),
      ),
    );
    const seconds = Math.ceil((performance.now() - started) / 1000);
    const served = answers.filter((x) => x.status === 200).length;
    // Alone, each server would serve all its 20 (20 for bursts, 1 a second): 40. Sharing: 20,
    // and 1 in each second begun.
    expect(seconds).toBeLessThan(10);
    expect(served).toBeGreaterThanOrEqual(20);
    expect(served).toBeLessThanOrEqual(20 + seconds + 1);
    for (const x of answers.filter((y) => y.status !== 200)) expectRefused(x, 10);
  });
});
