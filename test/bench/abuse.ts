// The attacks of issue 16 against `npm start` as an attacker meets it (its own process,
// production mode, token auth, PGlite with a seeded audit log), one after the other. For each:
// the refusals (status + extensions.code), /health p50/p99/max sampled from a worker thread
// while the attack runs, the server's RSS before/after and the count of 5xx. Not in npm test:
//   nice node test/bench/abuse.ts [--repeats 3] [--events 100000] [--only a,b] [--seconds 10]
// Figures: docs/security.md and test/bench/README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { spawnServer, type SpawnedServer } from '../security/server.ts';
import { seedAuditLog } from '../support/audit-seed.ts';

const { values: opts } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    // Events in the seeded audit log (2 records each): what verifyAuditLog and auditLog read.
    events: { type: 'string', default: '100000' },
    // Seconds of each looping attack.
    seconds: { type: 'string', default: '10' },
    only: { type: 'string', default: '' },
  },
});
const REPEATS = Number(opts.repeats);
const SECONDS = Number(opts.seconds);
const out = (s: string) => process.stdout.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One token per attacker, so that one attack's rate-limit budget never spills into the next. */
const ATTACKERS = [
  'viewer-1',
  'viewer-2',
  'viewer-3',
  'viewer-4',
  'operator-1',
  'admin-1',
  'flooder',
  'operator-malformed',
  'socket',
];
const secret = (name: string) => `${name}-secret-0123456789abcdef`;
const role = (name: string) =>
  name.startsWith('operator') ? 'operator' : name.startsWith('admin') ? 'admin' : 'viewer';

/** What an attack sent and what came back. */
class Tally {
  readonly refusals = new Map<string, number>();
  requests = 0;
  fiveXX = 0;
  add(status: number, code: unknown): void {
    this.requests++;
    if (status >= 500) this.fiveXX++;
    const key = `${status}${code ? ` ${JSON.stringify(code).replaceAll(`"`, '')}` : ''}`;
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
  }
  toString(): string {
    return [...this.refusals]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} x${n}`)
      .join(', ');
  }
}

async function post(
  s: SpawnedServer,
  who: string,
  tally: Tally,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<void> {
  try {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${secret(who)}` },
      body,
    });
    const text = await res.text();
    let code: unknown;
    try {
      const parsed = JSON.parse(text) as {
        data?: Record<string, { __typename?: string } | null> | null;
        errors?: { message: string; extensions?: { code?: unknown } }[];
      };
      const error = parsed.errors?.[0];
      // A refusal's code; "Unexpected error." when masked; else the result's union member.
      code = error
        ? (error.extensions?.code ??
          (error.message.startsWith('Unexpected') ? 'UNEXPECTED' : 'no code'))
        : Object.values(parsed.data ?? {})[0]?.__typename;
    } catch {
      code = 'non-JSON';
    }
    tally.add(res.status, code);
  } catch (err) {
    tally.add(599, `connection: ${(err as Error).message}`);
  }
}

const operation = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

/** Runs `fn` from `clients` loops until `seconds` have passed. */
async function loop(clients: number, seconds: number, fn: (i: number) => Promise<void>) {
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (performance.now() < until) await fn(i);
    }),
  );
}

const aliases = (n: number, field: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const AUDIT_PAGE = 'auditLog(first: 1000) { edges { node { id action actor hash prevHash } } }';
// The costliest audit page request within MAX_QUERY_COST (50,000): 7 x 1,000 events (49,007).
const AUDIT_MAX = aliases(7, AUDIT_PAGE);

const SCALE =
  'mutation($k: String!) { scaleResource(input: { id: "x", replicas: 1, dryRun: true, idempotencyKey: $k }) { __typename } }';

type Attack = { name: string; what: string; run(s: SpawnedServer, t: Tally): Promise<void> };

const ATTACKS: Attack[] = [
  {
    name: '1mb-documents',
    what: '50 distinct ~1 MB documents `{ a a a … }` (viewer)',
    run: async (s, t) => {
      for (let i = 0; i < 50; i++) {
        const doc = `{ ${'a '.repeat(500_000)}} # ${Date.now()}-${i}`;
        await post(s, 'viewer-1', t, operation(doc));
      }
    },
  },
  {
    name: 'schema-aliases',
    what: '1,000 aliases of `__schema` (viewer), 10 requests',
    run: async (s, t) => {
      const doc = aliases(1000, '__schema { types { name fields { name } } }');
      for (let i = 0; i < 10; i++) await post(s, 'viewer-2', t, operation(doc));
    },
  },
  {
    name: 'verify-aliases',
    what: '100 aliased `verifyAuditLog(full: true)` (operator), 10 requests',
    run: async (s, t) => {
      const doc = aliases(100, 'verifyAuditLog(full: true) { valid checkedRecords }');
      for (let i = 0; i < 10; i++) await post(s, 'operator-1', t, operation(doc));
    },
  },
  {
    name: 'verify-within-limits',
    what: '30 aliased `verifyAuditLog(full: true)` (operator, the most MAX_QUERY_ALIASES lets through), once',
    run: async (s, t) => {
      const doc = aliases(30, 'verifyAuditLog(full: true) { valid checkedRecords }');
      await post(s, 'operator-1', t, operation(doc));
    },
  },
  {
    name: 'auditlog-aliases',
    what: '100 aliased `auditLog(first: 1000)` (viewer), 10 requests',
    run: async (s, t) => {
      const doc = aliases(100, AUDIT_PAGE);
      for (let i = 0; i < 10; i++) await post(s, 'viewer-3', t, operation(doc));
    },
  },
  {
    name: 'auditlog-within-limits',
    what: `four viewers looping 7 aliased \`auditLog(first: 1000)\` (cost 49,007 of 50,000) for ${SECONDS} s`,
    run: (s, t) =>
      loop(4, SECONDS, (i) => post(s, `viewer-${i + 1}`, t, operation(AUDIT_MAX))).then(() =>
        // Their buckets refill before the next attack.
        sleep(10_000),
      ),
  },
  {
    name: 'big-query-loop',
    what: `four viewers looping a 209 KB query for ${SECONDS} s`,
    run: async (s, t) => {
      const doc = aliases(6000, 'health { status }').slice(0, 209_000) + ' }';
      await loop(4, SECONDS, (i) => post(s, `viewer-${i + 1}`, t, operation(doc)));
      await sleep(10_000);
    },
  },
  {
    name: 'deep-nesting',
    what: '10,000-deep nesting: in the document and in JSON variables, 10 requests each',
    run: async (s, t) => {
      const doc = `{ ${'a { '.repeat(10_000)}b${' }'.repeat(10_000)} }`;
      const vars = `{"query":"query($f: AuditLogFilter) { auditLog(filter: $f, first: 1) { totalCount } }","variables":{"f":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
      for (let i = 0; i < 10; i++) {
        await post(s, 'operator-malformed', t, operation(doc));
        await post(s, 'operator-malformed', t, vars);
      }
    },
  },
  {
    name: 'malformed-input',
    what: 'NUL / lone surrogate in filters, chat and idempotencyKey, a 3 KB key, bad JSON, bad cursor, huge ints; 5 rounds',
    run: async (s, t) => {
      const cases = [
        operation(
          'query($a: String!) { auditLog(filter: { actors: [$a] }, first: 1) { totalCount } }',
          {
            a: 'x\u0000y',
          },
        ),
        operation(
          'query($a: String!) { auditLog(filter: { actors: [$a] }, first: 1) { totalCount } }',
          {
            a: '\ud800',
          },
        ),
        operation('{ auditLog(filter: { actors: ["x\\u0000y"] }, first: 1) { totalCount } }'),
        operation('mutation($m: String!) { chat(input: { message: $m }) { __typename } }', {
          m: 'scale \ud800 web',
        }),
        operation(SCALE, { k: '\ud800' }),
        operation(SCALE, { k: 'k'.repeat(3000) }),
        '{"query": "{ health { status } ',
        operation('{ auditLog(first: 10, after: "not-a-cursor") { totalCount } }'),
        operation('{ auditLog(first: 99999999999) { totalCount } }'),
        operation('{ node(id: "' + 'x'.repeat(100_000) + '") { id } }'),
        operation('{ resources(first: -1) { totalCount } }'),
      ];
      for (let r = 0; r < 5; r++)
        for (const body of cases) await post(s, 'operator-malformed', t, body);
      await post(s, 'operator-malformed', t, 'not json at all', { 'content-type': 'text/plain' });
    },
  },
  {
    name: 'subscriptions-10k',
    what: '10,000 subscriptions on one WebSocket (viewer)',
    run: async (s, t) => {
      const ws = new WebSocket(`${s.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      const seen = new Map<string, string>();
      let closed: number | undefined;
      ws.on('message', (data: Buffer) => {
        const m = JSON.parse(data.toString()) as {
          type: string;
          id?: string;
          payload?: { extensions?: { code?: string } }[];
        };
        if (m.id) seen.set(m.id, `${m.type} ${m.payload?.[0]?.extensions?.code ?? ''}`.trim());
      });
      ws.on('close', (code) => (closed = code));
      await new Promise((r) => ws.on('open', r));
      ws.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: `Bearer ${secret('socket')}` },
        }),
      );
      await sleep(500);
      for (let i = 0; i < 10_000; i++) {
        ws.send(
          JSON.stringify({
            id: `s${i}`,
            type: 'subscribe',
            payload: { query: 'subscription { auditEvents { id } }' },
          }),
        );
        if (i % 500 === 499) await sleep(10);
      }
      await sleep(3000);
      // Every subscribe is either answered (error, complete) or running silently.
      for (let i = 0; i < 10_000; i++) {
        const answer = seen.get(`s${i}`);
        t.add(answer ? (answer.startsWith('error') ? 400 : 200) : 200, answer ?? 'open');
      }
      if (closed !== undefined) t.add(closed, 'socket closed');
      ws.close();
      await sleep(500);
    },
  },
  {
    name: 'rate-limit-flood',
    what: `one token, 8 concurrent clients looping \`{ health { status } }\` for ${SECONDS} s`,
    run: (s, t) =>
      loop(8, SECONDS, () => post(s, 'flooder', t, operation('{ health { status } }'))).then(() =>
        sleep(10_000),
      ),
  },
];

/** /health sampled in a worker thread (its own event loop), one request at a time every 10 ms. */
const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let running = false;
const get = () => new Promise((resolve) => {
  const req = http.get(workerData + '/health', { agent, timeout: 30000 }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', () => resolve(0));
  req.on('timeout', () => { req.destroy(); resolve(0); });
});
parentPort.on('message', async (m) => {
  if (m !== 'start') { running = false; return; }
  running = true;
  const samples = [];
  let failures = 0;
  while (running) {
    const t0 = performance.now();
    const status = await get();
    samples.push(performance.now() - t0);
    if (status !== 200) failures++;
    await new Promise((r) => setTimeout(r, 10));
  }
  parentPort.postMessage({ samples, failures });
});`;

interface Run {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  healthFailures: number;
  rssBefore: number;
  rssAfter: number;
  ms: number;
  tally: Tally;
}

async function measure(s: SpawnedServer, sampler: Worker, attack: Attack): Promise<Run> {
  const rssBefore = s.rssMb();
  const done = new Promise<{ samples: number[]; failures: number }>((r) =>
    sampler.once('message', r),
  );
  sampler.postMessage('start');
  await sleep(200);
  const tally = new Tally();
  const t0 = performance.now();
  await attack.run(s, tally);
  const ms = performance.now() - t0;
  sampler.postMessage('stop');
  const { samples, failures } = await done;
  await sleep(1000);
  return {
    p50: pct(samples, 0.5),
    p99: pct(samples, 0.99),
    max: Math.max(...samples),
    samples: samples.length,
    healthFailures: failures,
    rssBefore,
    rssAfter: s.rssMb(),
    ms,
    tally,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), 'oi-abuse-'));
const seedStart = performance.now();
const db = await openDatabase({ dataDir });
await migrate(db);
await seedAuditLog(db, Number(opts.events));
await db.close();
out(
  `seeded ${opts.events} audit events (${2 * Number(opts.events)} records) in PGlite: ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);
const s = await spawnServer({
  DATA_DIR: dataDir,
  API_TOKENS: ATTACKERS.map((n) => `${n}:${role(n)}:${secret(n)}`).join(','),
});
const sampler = new Worker(SAMPLER, { eval: true, workerData: s.url });
try {
  // Warm up: the first verifyAuditLog and the first page read what the seed wrote.
  await post(s, 'operator-1', new Tally(), operation('{ verifyAuditLog { valid } }'));
  await post(s, 'viewer-1', new Tally(), operation(`{ ${AUDIT_PAGE} }`));
  const idle = await measure(s, sampler, {
    name: 'idle',
    what: '',
    run: () => sleep(5000),
  });
  out(
    `idle: /health p50 ${idle.p50.toFixed(1)} ms, p99 ${idle.p99.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms; RSS ${idle.rssAfter.toFixed(0)} MB`,
  );
  const only = opts.only ? new Set(opts.only.split(',')) : undefined;
  out(
    '| attack | refusals (status code xN) | /health p50 / p99 / max ms (median of runs) | worst max ms | RSS before -> after MB | 5xx | attack s |',
  );
  out('| --- | --- | --- | --- | --- | --- | --- |');
  for (const attack of ATTACKS.filter((a) => !only || only.has(a.name))) {
    const runs: Run[] = [];
    for (let r = 0; r < REPEATS; r++) runs.push(await measure(s, sampler, attack));
    const m = (f: (r: Run) => number) => median(runs.map(f));
    out(
      `| ${attack.name}: ${attack.what} | ${runs[0]?.tally.toString()} | ${m((r) => r.p50).toFixed(1)} / ${m((r) => r.p99).toFixed(1)} / ${m((r) => r.max).toFixed(0)} | ${Math.max(...runs.map((r) => r.max)).toFixed(0)} | ${runs[0]?.rssBefore.toFixed(0)} -> ${runs.map((r) => r.rssAfter.toFixed(0)).join(', ')} | ${runs.map((r) => r.tally.fiveXX).join(', ')} | ${runs.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} |`,
    );
    const failures = runs.reduce((n, r) => n + r.healthFailures, 0);
    if (failures > 0) out(`  (${failures} /health samples failed)`);
  }
} finally {
  await sampler.terminate();
  await s.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
