// Subscription fan-out benchmark: N graphql-ws subscribers of `metrics` on one orchestrator
// process, one sample per second each, through the fast path (the app's own WebSocket front)
// and through the normal graphql-ws path (a second front on the same app with the fast path
// off), against a raw `ws` broadcast of pre-serialised bytes to N sockets, all in the same run.
// Run: node test/bench/metrics-fanout.ts [1000,10000] [seconds]; BENCH_KINDS=fast,normal,raw
// picks the paths (needs the lab: its Kubernetes gives the subscription real targets);
// BENCH_PROFILE=dir writes a CPU profile of each measured phase; BENCH_SERVER_FLAGS passes
// V8 flags to the server process (e.g. --trace-gc).
// Not part of npm test.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { N, type Snapshot } from '../../src/metrics/aggregate.ts';
import { toWire } from '../../src/metrics/hub.ts';
import { METRICS_TOPIC } from '../../src/metrics/setup.ts';
import { NAME_INDEX } from '../../src/metrics/types.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import { schema } from '../../src/graphql/schema.ts';
import { ServerTelemetry } from '../../src/server/telemetry.ts';
import { attachWebSocket } from '../../src/server/ws.ts';
import { createGraphQLServer } from '../../src/server/yoga.ts';
import { labEnv } from '../support/lab.ts';
import { leanSocket, type LeanSocket } from './ws-client.ts';

const SECRET = 'bench-secret-0123456789';
const TARGETS = 100; // subscribers spread over this many pods (CPU_USAGE of one each)

type Kind = 'fast' | 'normal' | 'raw';
type ToServer = { cmd: 'phase'; kind: Kind; seconds: number } | { cmd: 'exit' };
type FromServer =
  | {
      ready: true;
      port: number;
      normalPort: number;
      rawPort: number;
      targets: string[];
      idleRssMb: number;
    }
  | {
      phaseDone: true;
      cpuSeconds: number;
      elp99Ms: number;
      rssStartMb: number;
      rssMaxMb: number;
      published: number;
      /** Per sample: publish -> every frame handed to its socket, in the server (ms). */
      fanoutMs: number[];
    };

const pct = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN);

// ---------------------------------------------------------------- server (one process)
async function server(): Promise<void> {
  const env = labEnv();
  const dataDir = mkdtempSync(join(tmpdir(), 'oi-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    API_TOKENS: `bench:viewer:${SECRET}`,
    LOG_LEVEL: 'silent',
    KUBECONFIG: env.KUBECONFIG ?? '',
    // The collector stays out of the way: the bench publishes the samples itself, on the
    // same pubsub topic and through the same hub as the collector's snapshots.
    METRICS_INTERVAL_SECONDS: '3600',
  });
  const app = await createApp(config, createLogger('silent'));
  const { port } = await app.listen();
  // The normal graphql-ws path on the same app: a second front without the fast path.
  const normalHttp = createServer((_req, res) => res.writeHead(404).end());
  const normalWs = attachWebSocket({
    server: normalHttp,
    yoga: createGraphQLServer({
      schema,
      services: app.services,
      metrics: new ServerTelemetry(),
      log: createLogger('silent'),
      limits: config.limits,
    }),
    auth: app.services.auth,
    log: createLogger('silent'),
    maxPayload: config.maxRequestBytes,
    limits: config.limits,
  });
  await new Promise<void>((r) => normalHttp.listen(0, '127.0.0.1', r));
  const normalPort = (normalHttp.address() as { port: number }).port;
  // Server-side fan-out time: from a sample's timestamp to the hub having handed it to every
  // listener and the writes those queued (microtasks) having run.
  const hub = app.services.metrics.hub;
  const receive = hub.receive.bind(hub);
  let fanoutMs: number[] = [];
  hub.receive = async (snapshot) => {
    await receive(snapshot);
    await new Promise((r) => setImmediate(r));
    fanoutMs.push(Date.now() - snapshot.t);
  };
  const kube = app.services.providers.providers.find((p) => p instanceof KubernetesProvider);
  while (kube?.notReadyReason()) await new Promise((r) => setTimeout(r, 500));
  const pods = app.services.providers.list({ kinds: ['POD'], namespaces: ['lab-demo'] });
  const ids = pods.slice(0, TARGETS).map((p) => p.id);
  const globalIds = pods
    .slice(0, TARGETS)
    .map((p) => Buffer.from(`Pod:${p.id}`).toString('base64'));

  const publish = () => {
    const values = new Float64Array(ids.length * N).fill(NaN);
    ids.forEach((_, i) => (values[i * N + NAME_INDEX.CPU_USAGE] = Math.random()));
    const s: Snapshot = { t: Date.now(), ids, values, index: new Map(ids.map((id, i) => [id, i])) };
    void app.services.pubsub.publish(METRICS_TOPIC, toWire(s));
  };
  // A latest value exists before anyone subscribes, so each subscription's first sample (sent
  // on subscribe) tells the client its subscription is live.
  publish();

  const raw = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => raw.once('listening', r));
  const rawPort = (raw.address() as { port: number }).port;
  const eld = monitorEventLoopDelay({ resolution: 1 });

  const send = (m: FromServer) => process.send?.(m);
  send({
    ready: true,
    port,
    normalPort,
    rawPort,
    targets: globalIds,
    idleRssMb: process.memoryUsage().rss / 2 ** 20,
  });

  process.on('message', (m: ToServer) => {
    if (m.cmd === 'exit') {
      raw.close();
      void normalWs.close();
      normalHttp.close();
      void app.shutdown().then(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
      return;
    }
    const profile = process.env.BENCH_PROFILE ? profilePhase(process.env.BENCH_PROFILE) : undefined;
    const cpu0 = process.cpuUsage();
    eld.reset();
    eld.enable();
    const rssStart = process.memoryUsage().rss;
    let rssMax = 0;
    let published = 0;
    fanoutMs = [];
    const tick = () => {
      const t = Date.now();
      if (m.kind !== 'raw') {
        publish();
      } else {
        // What a hand-written broadcast would send: the same shape, serialised once.
        const bytes = JSON.stringify({
          type: 'next',
          id: '1',
          payload: {
            data: { metrics: { value: Math.random(), timestamp: new Date(t).toISOString() } },
          },
        });
        for (const c of raw.clients) c.send(bytes);
        setImmediate(() => fanoutMs.push(Date.now() - t));
      }
      published++;
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
    };
    const timer = setInterval(tick, 1000);
    setTimeout(() => {
      clearInterval(timer);
      // Let the last second drain before measuring.
      setTimeout(() => {
        eld.disable();
        const cpu = process.cpuUsage(cpu0);
        void profile?.then((stop) => stop(`${m.kind}`));
        send({
          phaseDone: true,
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          elp99Ms: eld.percentile(99) / 1e6,
          rssStartMb: rssStart / 2 ** 20,
          rssMaxMb: rssMax / 2 ** 20,
          published,
          fanoutMs,
        });
      }, 1000);
    }, m.seconds * 1000);
  });
}

/** BENCH_PROFILE=dir: a CPU profile of each measured phase alone, as dir/<path>-<time>.cpuprofile. */
async function profilePhase(dir: string): Promise<(name: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (name) => {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

// ---------------------------------------------------------------- client (another process)
const QUERY =
  'subscription ($t: [ID!]!) { metrics(targets: $t, names: [CPU_USAGE]) { value timestamp } }';

const TIMESTAMP = Buffer.from('"timestamp":"');

/**
 * Lag of one frame without parsing it: the client shares the machine with the server, so
 * its per-message cost is kept to a byte search and one 24-character date parse.
 */
function lagOf(data: Buffer): number {
  const at = data.indexOf(TIMESTAMP);
  if (at < 0) return NaN;
  const from = at + TIMESTAMP.length;
  return Date.now() - Date.parse(data.toString('latin1', from, from + 24));
}

/**
 * One subscriber, live once its first sample arrived. On a loaded machine the server may
 * close a connection whose init it did not read within graphql-ws's 3 s (4408): try again.
 */
async function graphqlSocket(
  port: number,
  target: string,
  onLag: (ms: number) => void,
): Promise<LeanSocket> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await graphqlAttempt(port, target, onLag);
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

function graphqlAttempt(
  port: number,
  target: string,
  onLag: (ms: number) => void,
): Promise<LeanSocket> {
  return new Promise((resolve, reject) => {
    let live = false;
    // A failed attempt leaves no connection behind for the retry.
    const fail = (err: Error) => {
      void opened.then(
        (ws) => ws.terminate(),
        () => {},
      );
      reject(err);
    };
    const opened = leanSocket({
      port,
      path: '/graphql',
      protocol: 'graphql-transport-ws',
      onMessage: (data) => {
        if (live) return onLag(lagOf(data));
        const msg = JSON.parse(data.toString()) as {
          type: string;
          payload?: { data?: { metrics: { timestamp: string } } };
        };
        if (msg.type === 'connection_ack') {
          void opened.then((ws) =>
            ws.send(
              JSON.stringify({
                id: '1',
                type: 'subscribe',
                payload: { query: QUERY, variables: { t: [target] } },
              }),
            ),
          );
        } else if (msg.type === 'next' && msg.payload?.data) {
          // The first sample is the latest value, sent on subscribe: the subscription is live.
          live = true;
          void opened.then(resolve);
        } else if (msg.type === 'error') fail(new Error(JSON.stringify(msg)));
      },
      onClose: (reason) => {
        if (!live) reject(new Error(`${reason} before the first sample`));
      },
    });
    opened.then(
      (ws) =>
        ws.send(
          JSON.stringify({
            type: 'connection_init',
            payload: { authorization: `Bearer ${SECRET}` },
          }),
        ),
      reject,
    );
  });
}

const rawSocket = (port: number, onLag: (ms: number) => void): Promise<LeanSocket> =>
  leanSocket({ port, onMessage: (data) => onLag(lagOf(data)), onClose: () => {} });

async function client(): Promise<void> {
  const counts = (process.argv[2] ?? '1000,10000').split(',').map(Number);
  const seconds = Number(process.argv[3] ?? 20);
  const child = fork(fileURLToPath(import.meta.url), ['server'], {
    stdio: 'inherit',
    // V8 flags for the server (e.g. --trace-gc)
    execArgv: process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [],
  });
  const next = () => new Promise<FromServer>((r) => child.once('message', (m: FromServer) => r(m)));
  const ready = (await next()) as Extract<FromServer, { ready: true }>;
  const idleRssMb = ready.idleRssMb;
  const rows: string[] = [];
  for (const n of counts) {
    const kinds = (process.env.BENCH_KINDS ?? 'fast,normal,raw').split(',') as Kind[];
    for (const kind of kinds) {
      const lags: number[] = [];
      let warm = true;
      const record = (ms: number) => {
        if (!warm) lags.push(ms);
      };
      const sockets: LeanSocket[] = [];
      const t0 = performance.now();
      for (let i = 0; i < n; i += 250) {
        const batch = Array.from({ length: Math.min(250, n - i) }, (_, k) =>
          kind === 'raw'
            ? rawSocket(ready.rawPort, record)
            : graphqlSocket(
                kind === 'fast' ? ready.port : ready.normalPort,
                ready.targets[(i + k) % ready.targets.length] ?? '',
                record,
              ),
        );
        sockets.push(...(await Promise.all(batch)));
      }
      const connectS = (performance.now() - t0) / 1000;
      // Every subscription is live (it had its first sample); let the server settle.
      await new Promise((r) => setTimeout(r, 2000));
      warm = false;
      const clientCpu0 = process.cpuUsage();
      child.send({ cmd: 'phase', kind, seconds } satisfies ToServer);
      const done = (await next()) as Extract<FromServer, { phaseDone: true }>;
      const clientCpu = process.cpuUsage(clientCpu0);
      lags.sort((a, b) => a - b);
      const fanout = done.fanoutMs.sort((a, b) => a - b);
      const expected = n * done.published;
      const row = {
        subscribers: n,
        kind,
        delivered: `${lags.length}/${expected}`,
        lagP50Ms: pct(lags, 0.5),
        lagP99Ms: pct(lags, 0.99),
        eventLoopP99Ms: Number(done.elp99Ms.toFixed(1)),
        serverRssMaxMb: Math.round(done.rssMaxMb),
        // RSS with the subscribers connected, over the idle process with its caches.
        serverRssOverIdleMb: Math.round(done.rssMaxMb - idleRssMb),
        serverCpuSecondsPerSecond: Number((done.cpuSeconds / seconds).toFixed(3)),
        // Per frame the clients received: a server that falls behind does less work per second.
        serverCpuUsPerDelivery: Number(((done.cpuSeconds / lags.length) * 1e6).toFixed(1)),
        serverFanoutP50Ms: pct(fanout, 0.5),
        serverFanoutMaxMs: fanout.at(-1) ?? NaN,
        clientCpuSecondsPerSecond: Number(
          ((clientCpu.user + clientCpu.system) / 1e6 / (seconds + 1)).toFixed(3),
        ),
        connectSeconds: Number(connectS.toFixed(1)),
      };
      console.log(JSON.stringify(row));
      rows.push(
        `| ${n} | ${kind} | ${row.delivered} | ${row.lagP50Ms} | ${row.lagP99Ms} | ${row.serverFanoutP50Ms}; ${row.serverFanoutMaxMs} | ${row.eventLoopP99Ms} | ${row.serverRssMaxMb} (+${row.serverRssOverIdleMb}) | ${row.serverCpuSecondsPerSecond} | ${row.serverCpuUsPerDelivery} | ${row.clientCpuSecondsPerSecond} |`,
      );
      for (const s of sockets) s.terminate();
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  child.send({ cmd: 'exit' } satisfies ToServer);
  console.log(
    '\n| subscribers | path | delivered | lag p50 ms | lag p99 ms | server fan-out p50; max ms | event loop p99 ms | server RSS MB (+ over idle) | server CPU s/s | server CPU µs/delivery | client CPU s/s |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(r);
}

if (process.argv[2] === 'server') await server();
else await client();
