// The fast path for `metrics` subscriptions (src/server/sample-fastpath.ts) against the
// normal path, on the same services: two fronts (HTTP with SSE, and graphql-ws) over one app,
// one with the fast path and one without, each subscriber's raw frames and events compared
// byte for byte. Targets are EC2 instances in moto; samples are published on the collector's
// pubsub topic.
import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { N, type Snapshot } from '../../src/metrics/aggregate.ts';
import { toWire } from '../../src/metrics/hub.ts';
import { METRICS_TOPIC } from '../../src/metrics/setup.ts';
import { NAME_INDEX, type MetricName } from '../../src/metrics/types.ts';
import { parse, subscribe, type ExecutionResult } from 'graphql';
import { createContext } from '../../src/graphql/context.ts';
import { schema } from '../../src/graphql/schema.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { ServerTelemetry } from '../../src/server/telemetry.ts';
import { SampleFastPath } from '../../src/server/sample-fastpath.ts';
import { attachWebSocket } from '../../src/server/ws.ts';
import { createGraphQLServer } from '../../src/server/yoga.ts';
import { TOKENS, type TestApp } from '../support/app.ts';
import { seedEstate, startAwsTestApp, startMoto, type Moto } from '../support/moto.ts';
import { sseEvents } from '../support/sse.ts';

const REGION = 'us-east-1';

interface Front {
  /** graphql-ws */
  url: string;
  /** HTTP (SSE) */
  httpUrl: string;
  ws: ReturnType<typeof attachWebSocket>;
  server: Server;
}

let moto: Moto;
let t: TestApp;
let fast: Front;
let normal: Front;
/** Global ids of two EC2 instances, and their provider ids. */
let gids: string[];
let ids: string[];
let clock = Date.UTC(2026, 0, 1);
/** The fast front's fast path (the other front has none). */
const fastPath = new SampleFastPath();

/** The default limits, as a process without LIMIT variables has them. */
const { limits } = loadConfig({});

async function front(withFastPath: boolean): Promise<Front> {
  const log = createLogger('silent');
  const fp = withFastPath ? fastPath : undefined;
  const yoga = createGraphQLServer({
    schema,
    services: t.app.services,
    metrics: new ServerTelemetry(),
    log,
    limits,
    ...(fp && { fastPath: fp }),
  });
  // HTTP as the app's front hands it to yoga: the authenticated viewer as server context.
  const server = createServer((req, res) => {
    const viewer = t.app.services.auth.authenticate(req.headers.authorization);
    if (!viewer) return void res.writeHead(401).end();
    void yoga(req, res, { viewer, requestId: 'sse', log });
  });
  const ws = attachWebSocket({
    server,
    yoga,
    auth: t.app.services.auth,
    log,
    maxPayload: 1 << 20,
    limits,
    ...(fp && { fastPath: fp }),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    httpUrl: `http://127.0.0.1:${port}/graphql`,
    ws,
    server,
  };
}

beforeAll(async () => {
  moto = await startMoto();
  const seeded = await seedEstate(moto.endpoint, REGION);
  t = await startAwsTestApp({ ...moto.env, AWS_REGION: REGION });
  const wanted = seeded.web.slice(0, 2);
  const found = t.app.services.providers
    .list({ kinds: ['EC2_INSTANCE'] })
    .filter((r) => wanted.some((w) => r.id.endsWith(w)));
  expect(found).toHaveLength(2);
  ids = found.map((r) => r.id);
  gids = ids.map((id) => Buffer.from(`Ec2Instance:${id}`).toString('base64'));
  fast = await front(true);
  normal = await front(false);
  await publish(0.5);
});

afterAll(async () => {
  for (const f of [fast, normal]) {
    await f?.ws.close();
    await new Promise((r) => f?.server.close(r));
  }
  await t?.close();
  await moto?.stop();
});

/** Publishes one snapshot (every instance, every usage metric) and waits for its fan-out. */
async function publish(base: number): Promise<void> {
  clock += 15_000;
  const values = new Float64Array(ids.length * N).fill(NaN);
  ids.forEach((_, i) => {
    const names: MetricName[] = ['CPU_USAGE', 'MEMORY_USAGE'];
    names.forEach((n, k) => (values[i * N + NAME_INDEX[n]] = base + i + k / 10));
  });
  const s: Snapshot = { t: clock, ids, values, index: new Map(ids.map((id, i) => [id, i])) };
  t.app.services.pubsub.publish(METRICS_TOPIC, toWire(s));
  while (t.app.services.metrics.hub.latest?.t !== clock) await new Promise((r) => setTimeout(r, 5));
}

const opened: RawClient[] = [];
// A failed test must not leave subscribers behind for the next one to count.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.close()));
});

/** A bare graphql-transport-ws client that keeps every frame exactly as received. */
class RawClient {
  readonly frames: string[] = [];
  private readonly socket: WebSocket;
  private constructor(socket: WebSocket) {
    this.socket = socket;
    // A binary frame would not be what graphql-ws sends: mark it so comparisons fail.
    socket.on('message', (data: Buffer, isBinary: boolean) =>
      this.frames.push(isBinary ? `BINARY ${data.toString()}` : data.toString()),
    );
  }

  static async open(url: string, token: string): Promise<RawClient> {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((r, j) => socket.once('open', r).once('error', j));
    const c = new RawClient(socket);
    opened.push(c);
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
    );
    await c.until((f) => f.some((m) => m.includes('connection_ack')));
    c.frames.length = 0;
    return c;
  }

  subscribe(id: string, query: string, variables: Record<string, unknown>): void {
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  }

  complete(id: string): void {
    this.socket.send(JSON.stringify({ id, type: 'complete' }));
  }

  async until(done: (frames: string[]) => boolean): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!done(this.frames)) {
      if (Date.now() > deadline) throw new Error(`timed out; frames: ${this.frames.join('\n')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Frames of one subscription id. */
  of(id: string): string[] {
    return this.frames.filter((f) => (JSON.parse(f) as { id?: string }).id === id);
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((r) => {
      this.socket.once('close', () => r());
      this.socket.close();
    });
  }
}

/** An SSE subscription over HTTP that keeps every `next` event's data exactly as received. */
class SseClient {
  readonly events: string[] = [];
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  static async open(
    url: string,
    token: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<SseClient> {
    const c = new SseClient();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query, variables }),
      signal: c.abort.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    c.done = c.read(res.body as ReadableStream<Uint8Array>);
    sseOpened.push(c);
    return c;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    for await (const e of sseEvents(body)) if (e.event === 'next') this.events.push(e.data);
  }

  async until(done: (events: string[]) => boolean): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!done(this.events)) {
      if (Date.now() > deadline) throw new Error(`timed out; events: ${this.events.join('\n')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}

const sseOpened: SseClient[] = [];
afterEach(async () => {
  await Promise.all(sseOpened.splice(0).map((c) => c.close()));
});

const SELECTIONS: { name: string; query: string; vars: () => Record<string, unknown> }[] = [
  {
    name: 'plain fields, targets as a variable',
    query:
      'subscription ($t: [ID!]!) { metrics(targets: $t, names: [CPU_USAGE]) { value timestamp skipped } }',
    vars: () => ({ t: [gids[0]] }),
  },
  {
    name: 'aliases and __typename',
    query:
      'subscription Live($t: [ID!]!, $n: [MetricName!]) { m: metrics(targets: $t, names: $n) ' +
      '{ __typename v: value n: name u: unit at: timestamp } }',
    vars: () => ({ t: gids, n: ['CPU_USAGE', 'MEMORY_USAGE'] }),
  },
  {
    name: 'nested target fields, fragments and role-dependent fields',
    query:
      'subscription ($t: [ID!]!) { metrics(targets: $t, names: [MEMORY_USAGE]) { value ' +
      'target { __typename id name kind state labels { key value } actions ...Ec2 } } } ' +
      'fragment Ec2 on Ec2Instance { instanceType t: __typename }',
    vars: () => ({ t: [gids[1]] }),
  },
  {
    name: 'a non-filter variable in a directive',
    query:
      'subscription ($t: [ID!]!, $unit: Boolean!) { metrics(targets: $t, names: [CPU_USAGE]) ' +
      '{ value unit @include(if: $unit) target { name @skip(if: $unit) } } }',
    vars: () => ({ t: gids, unit: false }),
  },
  {
    name: 'a field that answers an error',
    query:
      'subscription ($t: [ID!]!) { metrics(targets: $t, names: [CPU_USAGE]) ' +
      '{ value target { auditLog(first: -1) { totalCount } } } }',
    vars: () => ({ t: [gids[0]] }),
  },
];

/** Samples per snapshot for each selection (targets x names). */
const PER_SNAPSHOT = [1, 4, 1, 2, 1];

describe('metrics fast path', () => {
  it('writes the same bytes as the normal path, for viewers and operators', async () => {
    for (const token of [TOKENS.viewer, TOKENS.operator]) {
      const a = await RawClient.open(fast.url, token);
      const b = await RawClient.open(normal.url, token);
      SELECTIONS.forEach((s, i) => {
        a.subscribe(`s${i}`, s.query, s.vars());
        b.subscribe(`s${i}`, s.query, s.vars());
      });
      // The latest samples arrive first on every subscription; then two more snapshots.
      const counts = (c: RawClient) => SELECTIONS.map((_, i) => c.of(`s${i}`).length);
      const reached = (c: RawClient, round: number) => () =>
        counts(c).every((n, i) => n >= (PER_SNAPSHOT[i] ?? 0) * round);
      for (let round = 1; round <= 3; round++) {
        if (round > 1) await publish(round * 1.25);
        await a.until(reached(a, round));
        await b.until(reached(b, round));
      }
      expect(fastPath.groupCount).toBe(SELECTIONS.length);
      // Samples after the first reached idle sockets straight from the hub's fan-out.
      expect(fastPath.directWrites).toBeGreaterThan(0);
      SELECTIONS.forEach((s, i) => {
        expect(a.of(`s${i}`), s.name).toEqual(b.of(`s${i}`));
      });
      expect(a.frames.length).toBe(b.frames.length);
      // The error case is a real error (masked and coded as on the normal path).
      expect(a.of('s4')[1]).toContain('"errors"');
      await a.close();
      await b.close();
    }
  });

  it('keeps each subscriber to its own targets and names', async () => {
    const q =
      'subscription ($t: [ID!]!, $n: [MetricName!]) { metrics(targets: $t, names: $n) { value name target { id } } }';
    const c = await RawClient.open(fast.url, TOKENS.viewer);
    c.subscribe('one', q, { t: [gids[0]], n: ['CPU_USAGE'] });
    c.subscribe('two', q, { t: [gids[1]], n: ['MEMORY_USAGE'] });
    await c.until(() => c.of('one').length >= 1 && c.of('two').length >= 1);
    // One selection: both share a group although they filter differently.
    expect(fastPath.groupCount).toBe(1);
    await publish(7);
    await c.until(() => c.of('one').length >= 2 && c.of('two').length >= 2);
    type Next = {
      payload: { data: { metrics: { value: number; name: string; target: { id: string } } } };
    };
    const got = (id: string) => c.of(id).map((f) => (JSON.parse(f) as Next).payload.data.metrics);
    for (const m of got('one')) expect([m.name, m.target.id]).toEqual(['CPU_USAGE', gids[0]]);
    for (const m of got('two')) expect([m.name, m.target.id]).toEqual(['MEMORY_USAGE', gids[1]]);
    expect(got('one').at(-1)?.value).toBe(7);
    expect(got('two').at(-1)?.value).toBe(8.1);
    // A variable outside the filter is part of the selection: another value, another group.
    const sel = SELECTIONS[3];
    c.subscribe('three', sel?.query ?? '', { t: gids, unit: true });
    c.subscribe('four', sel?.query ?? '', { t: [gids[0]], unit: false });
    await c.until(() => c.of('three').length >= 2 && c.of('four').length >= 1);
    expect(fastPath.groupCount).toBe(3);
    expect(c.of('three')[0]).toContain('"unit":"cores"');
    expect(c.of('four')[0]).not.toContain('"unit"');
    await c.close();
  });

  it('completes cleanly and leaves no subscriber behind', async () => {
    const hub = t.app.services.metrics.hub;
    await new Promise((r) => setTimeout(r, 50));
    const idleKeys = hub.subscriberKeys;
    const q = 'subscription ($t: [ID!]!) { metrics(targets: $t, names: [CPU_USAGE]) { value } }';
    const clients = await Promise.all(
      Array.from({ length: 20 }, () => RawClient.open(fast.url, TOKENS.viewer)),
    );
    clients.forEach((c, i) => c.subscribe('1', q, { t: [gids[i % 2]] }));
    await Promise.all(clients.map((c) => c.until(() => c.of('1').length >= 1)));
    expect(fastPath.groupCount).toBe(1);
    expect(hub.subscriberKeys).toBe(idleKeys + 2);

    // Half complete their subscription (client-initiated: no `complete` echoed back), half
    // just go away.
    const [done, gone] = [clients.slice(0, 10), clients.slice(10)];
    for (const c of done) c.complete('1');
    await Promise.all(gone.map((c) => c.close()));
    await new Promise((r) => setTimeout(r, 200));
    const before = done.map((c) => c.frames.length);
    await publish(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(done.map((c) => c.frames.length)).toEqual(before);
    expect(fastPath.groupCount).toBe(0);
    expect(hub.subscriberKeys).toBe(idleKeys);

    // The same connection can subscribe again under the same id.
    const again = done[0];
    again?.subscribe('1', q, { t: [gids[0]] });
    await again?.until(() => (again?.of('1').length ?? 0) > (before[0] ?? 0));
    await Promise.all(done.map((c) => c.close()));
    await new Promise((r) => setTimeout(r, 200));
    expect(fastPath.groupCount).toBe(0);
    expect(hub.subscriberKeys).toBe(idleKeys);
  });

  it('serves SSE subscribers from the same groups as graphql-ws, byte for byte', async () => {
    // A graphql-ws subscriber of the first selection: HTTP subscribers of it join its group.
    const w = await RawClient.open(fast.url, TOKENS.viewer);
    const first = SELECTIONS[0];
    w.subscribe('w', first?.query ?? '', first?.vars() ?? {});
    await w.until(() => w.of('w').length >= 1);
    expect(fastPath.groupCount).toBe(1);
    const pairs = await Promise.all(
      SELECTIONS.map(async (sel) => ({
        sel,
        a: await SseClient.open(fast.httpUrl, TOKENS.viewer, sel.query, sel.vars()),
        b: await SseClient.open(normal.httpUrl, TOKENS.viewer, sel.query, sel.vars()),
      })),
    );
    for (let round = 1; round <= 3; round++) {
      if (round > 1) await publish(round * 2.5);
      for (const [i, { a, b }] of pairs.entries()) {
        const want = (PER_SNAPSHOT[i] ?? 0) * round;
        await a.until((e) => e.length >= want);
        await b.until((e) => e.length >= want);
      }
    }
    // One group per selection: the SSE subscribers of the first share the graphql-ws one's.
    expect(fastPath.groupCount).toBe(SELECTIONS.length);
    for (const { sel, a, b } of pairs) expect(a.events, sel.name).toEqual(b.events);
    // The error case stays a real error (masked and coded as on the normal path).
    expect(pairs[4]?.a.events[1]).toContain('"errors"');
    // The graphql-ws subscriber's payloads are the SSE events' data.
    const payloads = w
      .of('w')
      .map((f) => JSON.stringify((JSON.parse(f) as { payload: unknown }).payload));
    expect(payloads).toEqual(pairs[0]?.a.events);
    // Going away leaves no member behind.
    await Promise.all(pairs.flatMap(({ a, b }) => [a.close(), b.close()]));
    await w.close();
    await expect.poll(() => fastPath.groupCount).toBe(0);
  });

  it('serialises each sample once for all its HTTP and graphql-ws subscribers', async () => {
    const sel = SELECTIONS[0];
    const query = sel?.query ?? '';
    const sse = await Promise.all(
      Array.from({ length: 5 }, () =>
        SseClient.open(fast.httpUrl, TOKENS.viewer, query, sel?.vars() ?? {}),
      ),
    );
    const ws = await Promise.all(
      Array.from({ length: 5 }, () => RawClient.open(fast.url, TOKENS.viewer)),
    );
    ws.forEach((c) => c.subscribe('1', query, sel?.vars() ?? {}));
    await Promise.all(sse.map((c) => c.until((e) => e.length >= 1)));
    await Promise.all(ws.map((c) => c.until(() => c.of('1').length >= 1)));
    // Count serialisations of a `metrics` result while one sample reaches all ten.
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await publish(11);
      await Promise.all(sse.map((c) => c.until((e) => e.length >= 2)));
      await Promise.all(ws.map((c) => c.until(() => c.of('1').length >= 2)));
      const results = stringify.mock.calls.filter(
        ([v]) => (v as { data?: { metrics?: unknown } } | null)?.data?.metrics !== undefined,
      );
      expect(results).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
    // Everyone got that sample: the same payload bytes, in each transport's envelope.
    const payload = sse[0]?.events[1] ?? '';
    expect(payload).toContain('"value":11');
    for (const c of sse) expect(c.events[1]).toBe(payload);
    for (const c of ws) expect(c.of('1')[1]).toBe(`{"id":"1","type":"next","payload":${payload}}`);
  });

  it('counts the samples a slow subscriber did not get (latest-value conflation)', async () => {
    const viewer = t.app.services.auth.authenticate(`Bearer ${TOKENS.viewer}`)!;
    const contextValue = createContext(
      { viewer, requestId: 'slow', log: createLogger('silent') },
      t.app.services,
    );
    const stream = (await subscribe({
      schema,
      document: parse(
        'subscription ($t: [ID!]!) { metrics(targets: $t, names: [CPU_USAGE]) { value skipped } }',
      ),
      variableValues: { t: [gids[0]] },
      contextValue,
    })) as AsyncIterableIterator<ExecutionResult>;
    const sample = async () => {
      const r = await stream.next();
      return r.done ? undefined : (r.value.data as { metrics: unknown }).metrics;
    };
    // The latest value first, then a subscriber that keeps up skips nothing.
    expect(await sample()).toMatchObject({ skipped: 0 });
    const kept = sample();
    await publish(20);
    expect(await kept).toEqual({ value: 20, skipped: 0 });
    // Five snapshots while it reads nothing: it gets the newest, told that four were replaced.
    for (let i = 1; i <= 5; i++) await publish(20 + i);
    expect(await sample()).toEqual({ value: 25, skipped: 4 });
    // Keeping up again: nothing skipped.
    const next = sample();
    await publish(30);
    expect(await next).toEqual({ value: 30, skipped: 0 });
    await stream.return?.();
  });

  it('answers an unknown target and other operations on the normal path', async () => {
    const a = await RawClient.open(fast.url, TOKENS.viewer);
    const b = await RawClient.open(normal.url, TOKENS.viewer);
    const bad = 'subscription ($t: [ID!]!) { metrics(targets: $t) { value } }';
    const other = 'subscription { auditEvents { id } }';
    for (const c of [a, b]) {
      c.subscribe('bad', bad, { t: ['UG9kOms4czpub3BlOlBPRDp4Ong='] });
      c.subscribe('q', '{ viewer { name role } }', {});
      c.subscribe('other', other, {});
    }
    for (const c of [a, b]) {
      const completed = (id: string) => c.of(id).some((f) => f.includes('"complete"'));
      await c.until(() => completed('bad') && completed('q'));
    }
    expect(a.of('bad')).toEqual(b.of('bad'));
    expect(a.of('bad')[0]).toContain('VALIDATION_FAILED');
    expect(a.of('q')).toEqual(b.of('q'));
    expect(fastPath.groupCount).toBe(0);
    await a.close();
    await b.close();
  });
});
