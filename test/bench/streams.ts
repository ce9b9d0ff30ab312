// Live-stream figures of issue 19, side by side in one run:
//  1. events lost across a replica kill: two replicas on PostgreSQL + Redis, a client on A
//     subscribed to auditEvents and resourceEvents, A SIGKILLed midway through 1,000 changes
//     of each in bursts, the client resuming on B with its last cursors (the scenario of
//     test/e2e/streams-replicas.test.ts, from test/support/stream-replicas.ts): lost,
//     duplicated and out-of-order events counted per stream;
//  2. reconnect -> first replayed event: a client that missed `--missed` events opens a new
//     graphql-ws connection to replica A (its own process) with `after: <last cursor>`; time
//     from opening the socket to the first replayed event, p50/p99 over every reconnect, split
//     into its steps (socket open, connection_init -> ack, subscribe -> first replayed event)
//     and with each round's first reconnect (the first replay of a just-started A) apart;
//  3. metrics fan-out lag at `--subscribers` on the fast path (metrics-fanout.ts's server and
//     load generator), this tree against `--baseline <dir>`, a checkout of the code before
//     cursors (the parent of 8af5aec, which added them), alternating which goes first.
// Every part runs `--rounds` times; medians over the rounds are printed at the end.
//
//   git worktree add --detach /tmp/pre-cursors 8af5aec^ && (cd /tmp/pre-cursors && npm ci)
//   node test/bench/streams.ts --baseline /tmp/pre-cursors
//     [--rounds 3] [--reconnects 100] [--missed 10] [--subscribers 10000] [--seconds 20]
//     [--parts replicas,fanout]
//
// Needs PostgreSQL and Redis (test/support/postgres.ts, REDIS_URL of stream-replicas.ts). Part 3
// subscribes to pods of the lab of LAB_DIR, or without LAB_DIR to 100 EC2 instances of an AWS
// emulator the bench starts (moto_server): the fan-out does not depend on the kind of target.
// Not part of npm test.
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DescribeImagesCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { TOKENS } from '../support/app.ts';
import { sdk, startMoto, type Moto } from '../support/moto.ts';
import {
  appendChange,
  AUDIT_SUBSCRIPTION,
  killScenario,
  startReplicaPair,
  type ReplicaPair,
} from '../support/stream-replicas.ts';
import { median, nextMessage, pct, runPhase, type PhaseRow, type Ready } from './fanout.ts';

const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    total: { type: 'string', default: '1000' },
    reconnects: { type: 'string', default: '100' },
    missed: { type: 'string', default: '10' },
    subscribers: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '20' },
    baseline: { type: 'string' },
    parts: { type: 'string', default: 'replicas,fanout' },
  },
});
const ROUNDS = Number(opts.rounds);
const TOTAL = Number(opts.total);
const RECONNECTS = Number(opts.reconnects);
const MISSED = Number(opts.missed);
const SUBSCRIBERS = Number(opts.subscribers);
const SECONDS = Number(opts.seconds);
const parts = new Set(opts.parts.split(','));
if (parts.has('fanout') && !opts.baseline) {
  throw new Error('--baseline <dir>: a checkout of the code before cursors (see the header)');
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---------------------------------------------------------------- 1. a replica killed
interface Count {
  received: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
}

/** What a stream of `prefix-1` … `prefix-total` received, against what was sent. */
function count(received: string[], prefix: string, total: number): Count {
  const index = received.map((r) => Number(r.slice(prefix.length + 1)));
  const seen = new Set(index);
  let lost = 0;
  for (let i = 1; i <= total; i++) if (!seen.has(i)) lost++;
  let outOfOrder = 0;
  for (let k = 1; k < index.length; k++) if (index[k]! <= index[k - 1]!) outOfOrder++;
  return { received: received.length, lost, duplicated: received.length - seen.size, outOfOrder };
}

// ---------------------------------------------------------------- 2. reconnect latency
/**
 * One reconnect, ms from opening the socket: open (handshake done), acked, first replayed event;
 * cold: the first of its round, A's first replay since it started.
 */
interface Reconnect {
  cold: boolean;
  open: number;
  ack: number;
  first: number;
}

/**
 * `reconnects` times: `missed` changes are made while the client is away, then it connects to
 * replica A with its last cursor; measured from opening the socket to the first replayed event.
 * Every replayed event is checked (the `missed` ones, in order) before the next round.
 */
async function reconnectLatencies(
  pair: ReplicaPair,
  start: string,
  reconnects: number,
  missed: number,
) {
  const samples: Reconnect[] = [];
  let wrong = 0;
  let after = start;
  // Change numbers far from the kill scenario's (1 … total): the resource log dedupes by number.
  let next = 1_000_000;
  for (let r = 0; r < reconnects; r++) {
    const first = next;
    for (let k = 0; k < missed; k++) await appendChange(pair, next++);
    const t0 = performance.now();
    const at = { open: NaN, ack: NaN };
    const client = createClient({
      url: pair.aUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 0,
      on: {
        opened: () => (at.open = performance.now() - t0),
        connected: () => (at.ack = performance.now() - t0),
      },
    });
    const actors: string[] = [];
    // A replay that never completes counts as wrong instead of stalling the bench.
    await new Promise<void>((resolve, reject) => {
      setTimeout(resolve, 15_000);
      client.subscribe<{ auditEvents: { actor: string; cursor: string } }>(
        { query: AUDIT_SUBSCRIPTION, variables: { after } },
        {
          next: ({ data }) => {
            if (actors.length === 0)
              samples.push({ cold: r === 0, ...at, first: performance.now() - t0 });
            actors.push(data?.auditEvents.actor ?? '?');
            after = data?.auditEvents.cursor ?? after;
            if (actors.length === missed) resolve();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await client.dispose();
    const expected = Array.from({ length: missed }, (_, k) => `a-${first + k}`);
    if (actors.join() !== expected.join()) wrong++;
  }
  return { samples, wrong };
}

/** p50, p99 and max of one step over a set of reconnects, as printed. */
function spread(samples: Reconnect[], step: (s: Reconnect) => number) {
  const sorted = samples.map(step).sort((a, b) => a - b);
  return {
    p50: pct(sorted, 0.5),
    p99: pct(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    text: `${pct(sorted, 0.5).toFixed(1)} / ${pct(sorted, 0.99).toFixed(1)}`,
  };
}

/** A table row of reconnects: the figure, then where its time went (p50 / p99 of each step). */
function reconnectRow(label: string, samples: Reconnect[], wrong: number): string {
  const all = spread(samples, (s) => s.first);
  const warm = spread(
    samples.filter((s) => !s.cold),
    (s) => s.first,
  );
  return [
    label,
    samples.length,
    all.p50.toFixed(1),
    all.p99.toFixed(1),
    all.max.toFixed(1),
    warm.p99.toFixed(1),
    spread(samples, (s) => s.open).text,
    spread(samples, (s) => s.ack - s.open).text,
    spread(samples, (s) => s.first - s.ack).text,
    wrong,
  ].join(' | ');
}

/**
 * The cursor of the newest audit event, read through a subscription to A from now: a change is
 * made every 500 ms until one reaches it (the subscription may take a while to be live), then
 * one more after the last of those, whose cursor is the newest.
 */
async function subscribeFromNow(pair: ReplicaPair): Promise<string> {
  const client = createClient({
    url: pair.aUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
  });
  let change = 900_000;
  let appending: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => (appending = appendChange(pair, change++)), 500);
  let seen: (actor: string, cursor: string) => void = () => {};
  try {
    const events = new Promise<never>((_, reject) =>
      client.subscribe<{ auditEvents: { actor: string; cursor: string } }>(
        { query: AUDIT_SUBSCRIPTION, variables: { after: null } },
        {
          next: ({ data }) => data && seen(data.auditEvents.actor, data.auditEvents.cursor),
          error: reject,
          complete: () => {},
        },
      ),
    );
    await Promise.race([new Promise<void>((resolve) => (seen = () => resolve())), events]);
    clearInterval(timer);
    await appending;
    const marker = `a-${change}`;
    const newest = new Promise<string>((resolve) => {
      seen = (actor, cursor) => actor === marker && resolve(cursor);
    });
    await appendChange(pair, change);
    return await Promise.race([newest, events]);
  } finally {
    clearInterval(timer);
    await client.dispose();
  }
}

// ---------------------------------------------------------------- 3. metrics fan-out
/** Without a lab: an AWS emulator with 100 EC2 instances, the subscriptions' targets. */
async function motoTargets(): Promise<Moto> {
  const moto = await startMoto();
  const { ec2 } = sdk(moto.endpoint);
  const images = await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
  await ec2.send(
    new RunInstancesCommand({
      ImageId: images.Images?.[0]?.ImageId,
      MinCount: 100,
      MaxCount: 100,
      InstanceType: 't3.micro',
    }),
  );
  ec2.destroy();
  return moto;
}

async function fanoutServer(
  tree: string | undefined,
  moto: Moto | undefined,
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(fileURLToPath(new URL('./metrics-fanout.ts', import.meta.url)), ['server'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      BENCH_KINDS: 'fast',
      ...(tree ? { BENCH_TREE: tree } : {}),
      ...(moto ? { ...moto.env, BENCH_AWS_ENDPOINT: moto.endpoint } : {}),
    },
  });
  return { child, ready: (await nextMessage(child)) as Ready };
}

// ---------------------------------------------------------------- the run
const kill: { audit: Count; resources: Count; anomalies: number; killToFirstMs: number }[] = [];
const reconnect: { samples: Reconnect[]; wrong: number; load: string }[] = [];
const fanout: {
  round: number;
  first: string;
  current: PhaseRow;
  baseline: PhaseRow;
  load: string;
}[] = [];

log(`load average ${load()}`);
if (parts.has('replicas')) {
  for (let round = 1; round <= ROUNDS; round++) {
    const pair = await startReplicaPair();
    try {
      // A cursor to start from, then reconnects (A is alive), then the kill.
      const start = await subscribeFromNow(pair);
      const { samples, wrong } = await reconnectLatencies(pair, start, RECONNECTS, MISSED);
      reconnect.push({ samples, wrong, load: load() });
      log(`round ${round} reconnects: ${reconnectRow('', samples, wrong)}; load ${load()}`);
      const out = await killScenario(pair, TOTAL);
      const row = {
        audit: count(out.audit, 'a', TOTAL),
        resources: count(out.resources, 'p', TOTAL),
        anomalies: out.anomalies.length,
        killToFirstMs: out.killToFirstEventMs,
      };
      kill.push(row);
      log(`round ${round} replica kill: ${JSON.stringify(row)}; load ${load()}`);
    } finally {
      await pair.close();
    }
  }
}

if (parts.has('fanout')) {
  const moto = process.env.LAB_DIR ? undefined : await motoTargets();
  const current = await fanoutServer(undefined, moto);
  const baseline = await fanoutServer(opts.baseline, moto);
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which tree goes first: the machine's load drifts within a round.
      const order =
        round % 2 === 1 ? (['current', 'baseline'] as const) : (['baseline', 'current'] as const);
      const rows: Partial<Record<'current' | 'baseline', PhaseRow>> = {};
      for (const which of order) {
        const s = which === 'current' ? current : baseline;
        rows[which] = await runPhase(s.child, s.ready, SUBSCRIBERS, 'fast', SECONDS);
        log(`round ${round} fan-out ${which}: ${JSON.stringify(rows[which])}; load ${load()}`);
      }
      fanout.push({
        round,
        first: order[0],
        current: rows.current!,
        baseline: rows.baseline!,
        load: load(),
      });
    }
  } finally {
    current.child.send({ cmd: 'exit' });
    baseline.child.send({ cmd: 'exit' });
    await Promise.all([current, baseline].map((s) => new Promise((r) => s.child.once('exit', r))));
    await moto?.stop();
  }
}

// ---------------------------------------------------------------- the figures
console.log(`\nload average at the end ${load()}`);
if (kill.length > 0) {
  console.log(
    `\n1. A replica killed midway through ${TOTAL} changes of each stream (${kill.length} rounds)\n`,
  );
  console.log(
    '| round | stream | received | lost | duplicated | out of order | gaps/errors | SIGKILL -> first event via B ms |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  kill.forEach((k, i) => {
    for (const [name, c] of [
      ['auditEvents', k.audit],
      ['resourceEvents', k.resources],
    ] as const) {
      console.log(
        `| ${i + 1} | ${name} | ${c.received} | ${c.lost} | ${c.duplicated} | ${c.outOfOrder} | ${k.anomalies} | ${k.killToFirstMs} |`,
      );
    }
  });
  console.log(`\n2. Reconnect -> first replayed event (${MISSED} missed events each)\n`);
  console.log(
    '| round | reconnects | p50 ms | p99 ms | max ms | p99 without the first (cold A) ms | socket open p50 / p99 ms | init -> ack p50 / p99 ms | subscribe -> first event p50 / p99 ms | wrong replays | load at the end |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  reconnect.forEach((r, i) =>
    console.log(`| ${reconnectRow(String(i + 1), r.samples, r.wrong)} | ${r.load} |`),
  );
  const wrong = reconnect.reduce((s, r) => s + r.wrong, 0);
  const firsts = reconnect.map((r) => r.samples[0]?.first.toFixed(1)).join(', ');
  console.log(
    `| ${reconnectRow(
      'all',
      reconnect.flatMap((r) => r.samples),
      wrong,
    )} | |`,
  );
  console.log(
    `\nThe first reconnect of each round (the first replay of a just-started A): ${firsts} ms`,
  );
}
if (fanout.length > 0) {
  console.log(
    `\n3. Metrics fan-out, ${SUBSCRIBERS} subscribers, fast path, ${SECONDS} s a phase: this tree vs ${opts.baseline}\n`,
  );
  console.log(
    '| round | first | lag p50 ms (base) | lag p99 ms (base) | p99 ratio | server fan-out p50 ms (base) | server CPU µs/delivery (base) | delivered (base) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const f of fanout) {
    const c = f.current;
    const b = f.baseline;
    console.log(
      `| ${f.round} | ${f.first} | ${c.lagP50Ms} (${b.lagP50Ms}) | ${c.lagP99Ms} (${b.lagP99Ms}) | ${(c.lagP99Ms / b.lagP99Ms).toFixed(3)} | ${c.serverFanoutP50Ms} (${b.serverFanoutP50Ms}) | ${c.serverCpuUsPerDelivery} (${b.serverCpuUsPerDelivery}) | ${c.delivered} (${b.delivered}) |`,
    );
  }
  const m = (pick: (f: (typeof fanout)[number]) => number) => median(fanout.map(pick));
  console.log(
    `| median | | ${m((f) => f.current.lagP50Ms)} (${m((f) => f.baseline.lagP50Ms)}) | ${m((f) => f.current.lagP99Ms)} (${m((f) => f.baseline.lagP99Ms)}) | ${m((f) => f.current.lagP99Ms / f.baseline.lagP99Ms).toFixed(3)} | ${m((f) => f.current.serverFanoutP50Ms)} (${m((f) => f.baseline.serverFanoutP50Ms)}) | ${m((f) => f.current.serverCpuUsPerDelivery)} (${m((f) => f.baseline.serverCpuUsPerDelivery)}) | |`,
  );
}
process.exit(0);
