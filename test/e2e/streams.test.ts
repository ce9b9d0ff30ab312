// Cursor-bearing subscriptions on one replica (the in-process event log): fresh data on every
// event, `after` over graphql-ws and Last-Event-ID over SSE.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { N } from '../../src/metrics/aggregate.ts';
import { toWire } from '../../src/metrics/hub.ts';
import { METRICS_TOPIC } from '../../src/metrics/setup.ts';
import { NAME_INDEX } from '../../src/metrics/types.ts';
import type { Resource, ResourceEvent } from '../../src/providers/provider.ts';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import { sseEvents } from '../support/sse.ts';

/** Events the log keeps per stream here: small enough for a test to outrun it. */
const RETENTION = 50;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ STREAM_RETENTION_EVENTS: String(RETENTION) });
});
afterAll(async () => {
  await t?.close();
});

function wsClient(): Client {
  return createClient({
    url: `${t.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
    retryAttempts: 0,
  });
}

/** The first `n` results of a subscription over graphql-ws. */
function collect<T>(client: Client, query: string, variables: Record<string, unknown>, n: number) {
  const got: T[] = [];
  const done = new Promise<T[]>((resolve, reject) => {
    const dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (r) => {
          if (r.errors) return reject(new Error(JSON.stringify(r.errors)));
          got.push(r.data as T);
          if (got.length === n) {
            dispose();
            resolve(got);
          }
        },
        error: reject,
        complete: () => resolve(got),
      },
    );
  });
  return { got, done };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

function pod(name: string, version: string): Resource {
  return {
    id: `k8s:lab:POD:streams:${name}`,
    provider: 'KUBERNETES',
    kind: 'POD',
    cluster: 'lab',
    namespace: 'streams',
    name,
    state: 'RUNNING',
    labels: {},
    createdAt: null,
    object: { metadata: { name, namespace: 'streams', resourceVersion: version } },
  };
}

async function publishCpu(id: string, at: number, value: number): Promise<void> {
  const values = new Float64Array(N).fill(NaN);
  values[NAME_INDEX.CPU_USAGE] = value;
  t.app.services.pubsub.publish(
    METRICS_TOPIC,
    toWire({ t: at, ids: [id], values, index: new Map([[id, 0]]) }),
  );
  while (t.app.services.metrics.hub.latest?.t !== at) await new Promise((r) => setTimeout(r, 5));
}

// Only what the selections read (and `prevHash`, by which AuditEvent is told apart).
const auditEvent = (actor: string) => ({
  actor,
  action: 'scale',
  status: 'SUCCEEDED',
  prevHash: '',
});

describe('cursor-bearing subscriptions', () => {
  it('resolve resource { metrics } afresh for every event of one subscription', async () => {
    const p = pod('fresh', '1');
    const client = wsClient();
    type R = {
      resourceEvents: {
        cursor: string;
        resource: { name: string; metrics: { points: { value: number }[] }[] };
      };
    };
    const sub = collect<R>(
      client,
      `subscription ($f: ResourceFilter) { resourceEvents(filter: $f) { cursor resource { name
        metrics(names: [CPU_USAGE], range: { last: "PT5M" }, step: "PT1S") { points { value } } } } }`,
      { f: { namespaces: ['streams'] } },
      2,
    );
    await settle();
    // The hub's history starts at a minute boundary, so both samples are in its window.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    await publishCpu(p.id, minute, 1);
    const event = (r: Resource): ResourceEvent => ({
      type: 'MODIFIED',
      resource: r,
      timestamp: new Date().toISOString(),
    });
    await t.app.services.events.append('resourceEvents', event(p));
    while (sub.got.length < 1) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 20));
    await publishCpu(p.id, Math.max(minute + 1, Date.now() - 5), 2);
    await t.app.services.events.append('resourceEvents', event(pod('fresh', '2')));
    const [first, second] = await sub.done;
    const values = (r: R | undefined) =>
      r?.resourceEvents.resource.metrics[0]?.points.map((pt) => pt.value);
    expect(values(first)).toEqual([1]);
    expect(values(second)).toEqual([1, 2]);
    await client.dispose();
  });

  it('replay after a cursor over graphql-ws, then go live, each event once', async () => {
    const cursors: string[] = [];
    for (let i = 1; i <= 5; i++) {
      cursors.push((await t.app.services.events.append('auditEvents', auditEvent(`ws-${i}`)))!);
    }
    const client = wsClient();
    type R = { auditEvents: { actor: string; cursor: string; gap: unknown } };
    const sub = collect<R>(
      client,
      'subscription ($after: String) { auditEvents(after: $after) { actor cursor gap { skipped } } }',
      { after: cursors[1] },
      5,
    );
    await settle();
    for (let i = 6; i <= 7; i++) {
      cursors.push((await t.app.services.events.append('auditEvents', auditEvent(`ws-${i}`)))!);
    }
    const got = await sub.done;
    expect(got.map((r) => r.auditEvents.actor)).toEqual(['ws-3', 'ws-4', 'ws-5', 'ws-6', 'ws-7']);
    expect(got.map((r) => r.auditEvents.cursor)).toEqual(cursors.slice(2));
    expect(got.every((r) => r.auditEvents.gap === null)).toBe(true);
    await client.dispose();
  });

  it('resume an SSE stream from Last-Event-ID, with each event id its cursor', async () => {
    const cursors: string[] = [];
    for (let i = 1; i <= 4; i++) {
      cursors.push((await t.app.services.events.append('auditEvents', auditEvent(`sse-${i}`)))!);
    }
    const controller = new AbortController();
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        authorization: `Bearer ${TOKENS.viewer}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'last-event-id': cursors[0]!,
      },
      body: JSON.stringify({
        query: 'subscription { auditEvents(filter: { actions: [SCALE] }) { actor } }',
      }),
    });
    expect(res.status).toBe(200);
    const seen: { id: string | undefined; actor: string }[] = [];
    for await (const e of sseEvents(res.body!)) {
      const data = JSON.parse(e.data) as { data: { auditEvents: { actor: string } } };
      seen.push({ id: e.id, actor: data.data.auditEvents.actor });
      if (seen.length === 3) break;
    }
    controller.abort();
    expect(seen).toEqual([
      { id: cursors[1], actor: 'sse-2' },
      { id: cursors[2], actor: 'sse-3' },
      { id: cursors[3], actor: 'sse-4' },
    ]);
  });

  it('send a gap at once when no event of the subscriber follows it, then go on', async () => {
    const expired = (await t.app.services.events.append('auditEvents', auditEvent('gap-0')))!;
    for (let i = 1; i <= RETENTION + 10; i++) {
      await t.app.services.events.append('auditEvents', auditEvent(`gap-${i}`));
    }
    const client = wsClient();
    type Gap = { code: string; skipped: number; reason: string; refetch: string; cursor: string };
    const got: { data: unknown; gap?: Gap }[] = [];
    const arrived = () => new Promise((r) => setTimeout(r, 10)).then(() => got.length);
    const dispose = client.subscribe<{ auditEvents: { actor: string; gap: unknown } }>(
      {
        query:
          'subscription ($after: String) { auditEvents(after: $after, filter: { actors: ["gap-wanted"] }) { actor gap { skipped } } }',
        variables: { after: expired },
      },
      {
        next: (r) => got.push({ data: r.data, gap: r.errors?.[0]?.extensions as Gap }),
        error: (err) => got.push({ data: err }),
        complete: () => {},
      },
    );
    // None of the events the log still holds is one this filter keeps, and nothing is appended:
    // the gap comes anyway, as an in-stream error with the gap in its extensions.
    while ((await arrived()) < 1);
    expect(got[0]?.data).toBeNull();
    const head = await t.app.services.events.head('auditEvents');
    expect(got[0]?.gap).toEqual({
      code: 'STREAM_GAP',
      skipped: RETENTION + 10 - RETENTION,
      reason: 'CURSOR_EXPIRED',
      refetch: 'auditLog',
      cursor: `${head.ms}-${head.n}`,
    });
    // The stream goes on: the next event the filter keeps arrives, with no gap of its own.
    await t.app.services.events.append('auditEvents', auditEvent('gap-wanted'));
    while ((await arrived()) < 2);
    expect(got[1]).toEqual({ data: { auditEvents: { actor: 'gap-wanted', gap: null } } });
    dispose();
    await client.dispose();
  });

  it('refuses a cursor that is not one', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKENS.viewer}`,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify({ query: 'subscription { auditEvents(after: "yesterday") { actor } }' }),
    });
    const events = sseEvents(res.body!);
    const first = await events.next();
    await events.return(undefined);
    const body = JSON.parse((first.value as { data: string }).data) as {
      errors: { extensions: { code: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe('VALIDATION_FAILED');
  });
});
