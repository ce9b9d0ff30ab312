import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import { createScratchDatabase } from '../support/postgres.ts';

/** Two replicas behind one PostgreSQL and one Redis, as in production. */
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  scratch = await createScratchDatabase();
  const env = { DATABASE_URL: scratch.url, REDIS_URL: 'redis://127.0.0.1:6379' };
  [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await scratch?.drop();
});

describe('several replicas', () => {
  it('report Redis fan-out in status', async () => {
    const status = await a.app.services.health.status();
    expect(status.find((s) => s.name === 'pubsub')).toMatchObject({
      state: 'UP',
      message: 'redis fan-out',
    });
  });

  it('deliver an audit event recorded on one replica to a subscriber of the other', async () => {
    const client = createClient({
      url: `${b.url.replace('http', 'ws')}/ws`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 0,
    });
    const received = new Promise<unknown>((resolve, reject) => {
      const dispose = client.subscribe(
        { query: 'subscription { auditEvents { action actor target { name } } }' },
        {
          next: (v) => {
            resolve(v);
            dispose();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 500));
    const event = await a.app.services.audit.recordIntent({
      actor: 'replica-a',
      actorRole: 'operator',
      source: 'API',
      action: 'scale',
      verb: 'scale',
      target: {
        id: 'k8s:lab:DEPLOYMENT:shop:web',
        provider: 'KUBERNETES',
        kind: 'DEPLOYMENT',
        cluster: 'lab',
        namespace: 'shop',
        name: 'web',
      },
      parameters: { replicas: 2 },
      dryRun: true,
      requestId: null,
      idempotencyKey: null,
      inputHash: null,
      reverts: null,
      instanceId: 'a',
    });
    await a.app.services.events.append('auditEvents', event);
    expect(await received).toEqual({
      data: { auditEvents: { action: 'SCALE', actor: 'replica-a', target: { name: 'web' } } },
    });
    await client.dispose();
  });

  it('share one audit chain', async () => {
    expect(await b.app.services.audit.count({ actors: ['replica-a'] })).toBe(1);
  });

  it('answer recommendationRun with the latest pass of either replica', async () => {
    const ask = async (t: TestApp, query: string) => {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return (await res.json()) as { data: Record<string, { startedAt?: string; run?: unknown }> };
    };
    const ran = await ask(
      a,
      'mutation { runRecommendations { ... on RunRecommendationsSuccess { run { startedAt } } } }',
    );
    const startedAt = (ran.data.runRecommendations?.run as { startedAt: string }).startedAt;
    const query = '{ recommendationRun { startedAt workloads } }';
    const [fromA, fromB] = await Promise.all([ask(a, query), ask(b, query)]);
    expect(fromA.data.recommendationRun?.startedAt).toBe(startedAt);
    expect(fromB).toEqual(fromA);
  });
});
