// Cursor-bearing subscriptions across replicas on one PostgreSQL and one Redis: a client
// subscribed through replica A, which is killed (SIGKILL) midway through 1,000 events, carries
// on through replica B from its last cursors and gets every event exactly once, in order.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorStream, type DeliveredEvent } from '../../src/cursor-stream.ts';
import { RedisEventLog } from '../../src/eventlog-redis.ts';
import { LOGGED_TOPICS, parseCursor } from '../../src/eventlog.ts';
import type { ResourceEvent } from '../../src/providers/provider.ts';
import { API_TOKENS, startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import { createScratchDatabase } from '../support/postgres.ts';
import { spawnOrchestrator, type Spawned } from '../support/process.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
/** Streams of this run only: other runs on the same Redis never mix in. */
const PREFIX = `oi:test:${randomUUID()}:`;
const TOTAL = 1000;

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let a: Spawned;
let aUrl: string;
let b: TestApp;
const dataDir = mkdtempSync(join(tmpdir(), 'oi-streams-a-'));

beforeAll(async () => {
  scratch = await createScratchDatabase();
  const env = {
    DATABASE_URL: scratch.url,
    REDIS_URL,
    STREAM_KEY_PREFIX: PREFIX,
    API_TOKENS,
  };
  a = spawnOrchestrator({ ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
  const [listening, started] = await Promise.all([
    a.waitFor(/"msg":"listening"/),
    startTestApp(env),
  ]);
  aUrl = `ws://127.0.0.1:${(JSON.parse(listening) as { port: number }).port}/graphql`;
  b = started;
}, 180_000);
afterAll(async () => {
  if (a?.child.exitCode === null) a.child.kill('SIGKILL');
  await b?.close();
  await scratch?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

function resourceEvent(i: number): ResourceEvent {
  const name = `p-${i}`;
  return {
    type: 'ADDED',
    timestamp: new Date().toISOString(),
    resource: {
      id: `k8s:lab:POD:replay:${name}`,
      provider: 'KUBERNETES',
      kind: 'POD',
      cluster: 'lab',
      namespace: 'replay',
      name,
      state: 'RUNNING',
      labels: {},
      createdAt: null,
      object: { metadata: { name, namespace: 'replay', resourceVersion: String(i) } },
    },
  };
}

describe('streams across replicas', () => {
  it('lose nothing when the replica a client is on is killed: it resumes on another', async () => {
    let aKilled = false;
    const client = createClient({
      url: () => (aKilled ? b.url.replace('http', 'ws') + '/graphql' : aUrl),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 50,
      retryWait: () => new Promise((r) => setTimeout(r, 50)),
      shouldRetry: () => true,
    });
    const audit: string[] = [];
    const resources: string[] = [];
    const arrivals: number[] = [];
    // The recipe of docs/streams.md: each retry sends these variables, with the last cursor.
    const auditVars: { after: string | null } = { after: null };
    const resourceVars: { after: string | null } = { after: null };
    const done = (list: string[]) => list.length >= TOTAL;
    const finished = new Promise<void>((resolve, reject) => {
      client.subscribe<{ auditEvents: { actor: string; cursor: string; gap: unknown } }>(
        {
          query:
            'subscription ($after: String) { auditEvents(after: $after, filter: { actions: [OTHER] }) { actor cursor gap { skipped } } }',
          variables: auditVars,
        },
        {
          next: ({ data, errors }) => {
            if (errors || !data) return reject(new Error(JSON.stringify(errors)));
            if (data.auditEvents.gap) return reject(new Error('unexpected gap'));
            auditVars.after = data.auditEvents.cursor;
            audit.push(data.auditEvents.actor);
            arrivals.push(Date.now());
            if (done(audit) && done(resources)) resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
      client.subscribe<{ resourceEvents: { resource: { name: string }; cursor: string } }>(
        {
          query:
            'subscription ($after: String) { resourceEvents(after: $after, filter: { namespaces: ["replay"] }) { cursor resource { name } } }',
          variables: resourceVars,
        },
        {
          next: ({ data, errors }) => {
            if (errors || !data) return reject(new Error(JSON.stringify(errors)));
            resourceVars.after = data.resourceEvents.cursor;
            resources.push(data.resourceEvents.resource.name);
            if (done(audit) && done(resources)) resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 1000));
    // 1,000 of each in bursts of 100; A is killed once the client has half of them.
    let killedAt = 0;
    for (let i = 1; i <= TOTAL; i++) {
      await Promise.all([
        b.app.services.events.append('auditEvents', {
          actor: `a-${i}`,
          action: 'stream-test',
          status: 'SUCCEEDED',
          prevHash: '',
        }),
        b.app.services.events.append('resourceEvents', resourceEvent(i), `r-${i}`),
      ]);
      if (i % 100 === 0) {
        await new Promise((r) => setTimeout(r, 50));
        if (!aKilled && audit.length >= TOTAL / 2) {
          a.child.kill('SIGKILL');
          aKilled = true;
          killedAt = Date.now();
        }
      }
    }
    if (!aKilled) throw new Error('the client got too few events through A to test a kill');
    await finished;
    const expected = (p: string) => Array.from({ length: TOTAL }, (_, k) => `${p}-${k + 1}`);
    expect(audit).toEqual(expected('a'));
    expect(resources).toEqual(expected('p'));
    const firstAfterKill = arrivals.find((t) => t > killedAt);
    console.log(
      `streams: 0 of ${TOTAL} lost across a SIGKILL; kill to first replayed event: ${firstAfterKill! - killedAt} ms`,
    );
    await client.dispose();
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
