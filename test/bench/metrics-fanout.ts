// Subscription fan-out benchmark: N graphql-ws subscribers of `metrics` on one orchestrator
// process, one sample per second each, through the fast path (the app's own WebSocket front)
// and through the normal graphql-ws path (a second front on the same app with the fast path
// off), against a raw `ws` broadcast of pre-serialised bytes to N sockets, all in the same run.
// Run: node test/bench/metrics-fanout.ts [1000,10000] [seconds]; BENCH_KINDS=fast,normal,raw
// picks the paths (needs the lab: its Kubernetes gives the subscription real targets; or
// BENCH_AWS_ENDPOINT, an AWS emulator whose EC2 instances are the targets);
// BENCH_PROFILE=dir writes a CPU profile of each measured phase; BENCH_SERVER_FLAGS passes
// V8 flags to the server process (e.g. --trace-gc). The server part runs the orchestrator of
// BENCH_TREE (another checkout, e.g. a `git worktree` of an older commit; default this one):
// streams.ts compares two trees' fast paths that way.
// Not part of npm test.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WebSocketServer } from 'ws';
import type * as AppModule from '../../src/app.ts';
import type * as ConfigModule from '../../src/config.ts';
import type * as GraphqlSchemaModule from '../../src/graphql/schema.ts';
import type * as LoggerModule from '../../src/logger.ts';
import type * as MetricsAggregateModule from '../../src/metrics/aggregate.ts';
import type * as MetricsHubModule from '../../src/metrics/hub.ts';
import type * as MetricsSetupModule from '../../src/metrics/setup.ts';
import type * as MetricsTypesModule from '../../src/metrics/types.ts';
import type * as ServerTelemetryModule from '../../src/server/telemetry.ts';
import type * as ServerWsModule from '../../src/server/ws.ts';
import type * as ServerYogaModule from '../../src/server/yoga.ts';
import type { Snapshot } from '../../src/metrics/aggregate.ts';
import { labEnv } from '../support/lab.ts';
import {
  nextMessage,
  runPhase,
  SECRET,
  type FromServer,
  type Kind,
  type Ready,
  type ToServer,
} from './fanout.ts';

const TARGETS = 100; // subscribers spread over this many pods (CPU_USAGE of one each)

const benchKinds = () => (process.env.BENCH_KINDS ?? 'fast,normal,raw').split(',') as Kind[];

/** A module of the tree under test (BENCH_TREE, or this checkout), typed as this tree's. */
const fromTree = <M>(path: string): Promise<M> =>
  import(
    new URL(
      path,
      process.env.BENCH_TREE
        ? pathToFileURL(resolve(process.env.BENCH_TREE) + '/')
        : new URL('../../', import.meta.url),
    ).href
  ) as Promise<M>;

// ---------------------------------------------------------------- server (one process)
async function server(): Promise<void> {
  const { createApp } = await fromTree<typeof AppModule>('src/app.ts');
  const { loadConfig } = await fromTree<typeof ConfigModule>('src/config.ts');
  const { createLogger } = await fromTree<typeof LoggerModule>('src/logger.ts');
  const { N } = await fromTree<typeof MetricsAggregateModule>('src/metrics/aggregate.ts');
  const { toWire } = await fromTree<typeof MetricsHubModule>('src/metrics/hub.ts');
  const { METRICS_TOPIC } = await fromTree<typeof MetricsSetupModule>('src/metrics/setup.ts');
  const { NAME_INDEX } = await fromTree<typeof MetricsTypesModule>('src/metrics/types.ts');
  // Targets: the lab's pods, or with BENCH_AWS_ENDPOINT the EC2 instances of an AWS emulator
  // (moto; credentials in the environment), for a run without a lab.
  const aws = process.env.BENCH_AWS_ENDPOINT;
  const targetEnv = aws
    ? { AWS_ENDPOINT: aws, AWS_REGION: 'us-east-1' }
    : { KUBECONFIG: labEnv().KUBECONFIG ?? '' };
  const dataDir = mkdtempSync(join(tmpdir(), 'oi-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    API_TOKENS: `bench:viewer:${SECRET}`,
    LOG_LEVEL: 'silent',
    ...targetEnv,
    // The collector stays out of the way: the bench publishes the samples itself, on the
    // same pubsub topic and through the same hub as the collector's snapshots.
    METRICS_INTERVAL_SECONDS: '3600',
    // 10,000 subscribes from one token in a few seconds: the edge's rate limit (a per-token
    // budget, off with 0; trees before it ignore the setting) would refuse most of them.
    RATE_LIMIT_PER_SECOND: '0',
  });
  const app = await createApp(config, createLogger('silent'));
  const { port } = await app.listen();
  const normal = benchKinds().includes('normal') ? await normalFront(app, config) : undefined;
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
  while (!app.services.providers.synced()) await new Promise((r) => setTimeout(r, 500));
  const targets = app.services.providers.list(
    aws ? { kinds: ['EC2_INSTANCE'] } : { kinds: ['POD'], namespaces: ['lab-demo'] },
  );
  const ids = targets.slice(0, TARGETS).map((p) => p.id);
  const globalIds = ids.map((id) => Buffer.from(`Resource:${id}`).toString('base64'));

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
    normalPort: normal?.port ?? 0,
    rawPort,
    targets: globalIds,
    idleRssMb: process.memoryUsage().rss / 2 ** 20,
  });

  process.on('message', (m: ToServer) => {
    if (m.cmd === 'exit') {
      raw.close();
      normal?.close();
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

/** The normal graphql-ws path on the same app: a second front without the fast path. */
async function normalFront(
  app: AppModule.App,
  config: ConfigModule.Config,
): Promise<{ port: number; close: () => void }> {
  const { createLogger } = await fromTree<typeof LoggerModule>('src/logger.ts');
  const { schema } = await fromTree<typeof GraphqlSchemaModule>('src/graphql/schema.ts');
  const { ServerTelemetry } =
    await fromTree<typeof ServerTelemetryModule>('src/server/telemetry.ts');
  const { attachWebSocket } = await fromTree<typeof ServerWsModule>('src/server/ws.ts');
  const { createGraphQLServer } = await fromTree<typeof ServerYogaModule>('src/server/yoga.ts');
  const http = createServer((_req, res) => res.writeHead(404).end());
  const ws = attachWebSocket({
    server: http,
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
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    port: (http.address() as { port: number }).port,
    close: () => {
      void ws.close();
      http.close();
    },
  };
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
async function client(): Promise<void> {
  const counts = (process.argv[2] ?? '1000,10000').split(',').map(Number);
  const seconds = Number(process.argv[3] ?? 20);
  const child = fork(fileURLToPath(import.meta.url), ['server'], {
    stdio: 'inherit',
    // V8 flags for the server (e.g. --trace-gc)
    execArgv: process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [],
  });
  const ready = (await nextMessage(child)) as Ready;
  const rows: string[] = [];
  for (const n of counts) {
    for (const kind of benchKinds()) {
      const row = await runPhase(child, ready, n, kind, seconds);
      console.log(JSON.stringify(row));
      rows.push(
        `| ${n} | ${kind} | ${row.delivered} | ${row.lagP50Ms} | ${row.lagP99Ms} | ${row.serverFanoutP50Ms}; ${row.serverFanoutMaxMs} | ${row.eventLoopP99Ms} | ${row.serverRssMaxMb} (+${row.serverRssOverIdleMb}) | ${row.serverCpuSecondsPerSecond} | ${row.serverCpuUsPerDelivery} | ${row.clientCpuSecondsPerSecond} |`,
      );
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
