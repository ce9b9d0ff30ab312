// The load-generator side of the metrics fan-out benchmark, shared by metrics-fanout.ts and
// streams.ts: N lean graphql-ws subscribers of `metrics` (or raw sockets) against a server
// process running metrics-fanout.ts's `server` part, one measured phase at a time.
import type { ChildProcess } from 'node:child_process';
import { leanSocket, type LeanSocket } from './ws-client.ts';

export const SECRET = 'bench-secret-0123456789';

export type Kind = 'fast' | 'normal' | 'raw';
export type ToServer = { cmd: 'phase'; kind: Kind; seconds: number } | { cmd: 'exit' };
export type Ready = {
  ready: true;
  port: number;
  normalPort: number;
  rawPort: number;
  targets: string[];
  idleRssMb: number;
};
export type PhaseDone = {
  phaseDone: true;
  cpuSeconds: number;
  elp99Ms: number;
  rssStartMb: number;
  rssMaxMb: number;
  published: number;
  /** Per sample: publish -> every frame handed to its socket, in the server (ms). */
  fanoutMs: number[];
};
export type FromServer = Ready | PhaseDone;

export const pct = (sorted: number[], p: number) =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN);

export const median = (values: number[]) =>
  pct(
    [...values].sort((a, b) => a - b),
    0.5,
  );

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

/** The server process's messages, one at a time. */
export const nextMessage = (child: ChildProcess) =>
  new Promise<FromServer>((r) => child.once('message', (m: FromServer) => r(m)));

export interface PhaseRow {
  subscribers: number;
  kind: Kind;
  delivered: string;
  lagP50Ms: number;
  lagP99Ms: number;
  eventLoopP99Ms: number;
  serverRssMaxMb: number;
  serverRssOverIdleMb: number;
  serverCpuSecondsPerSecond: number;
  serverCpuUsPerDelivery: number;
  serverFanoutP50Ms: number;
  serverFanoutMaxMs: number;
  clientCpuSecondsPerSecond: number;
  connectSeconds: number;
}

/**
 * Connects n subscribers of one path to the server, lets them settle, has the server publish
 * one sample a second for `seconds`, and disconnects them.
 */
export async function runPhase(
  child: ChildProcess,
  ready: Ready,
  n: number,
  kind: Kind,
  seconds: number,
): Promise<PhaseRow> {
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
  const done = (await nextMessage(child)) as PhaseDone;
  const clientCpu = process.cpuUsage(clientCpu0);
  lags.sort((a, b) => a - b);
  const fanout = done.fanoutMs.sort((a, b) => a - b);
  const row: PhaseRow = {
    subscribers: n,
    kind,
    delivered: `${lags.length}/${n * done.published}`,
    lagP50Ms: pct(lags, 0.5),
    lagP99Ms: pct(lags, 0.99),
    eventLoopP99Ms: Number(done.elp99Ms.toFixed(1)),
    serverRssMaxMb: Math.round(done.rssMaxMb),
    // RSS with the subscribers connected, over the idle process with its caches.
    serverRssOverIdleMb: Math.round(done.rssMaxMb - ready.idleRssMb),
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
  for (const s of sockets) s.terminate();
  await new Promise((r) => setTimeout(r, 2000));
  return row;
}
