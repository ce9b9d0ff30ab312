// A subscription whose source fails mid-stream (here: the event log's Redis goes away) ends with
// an error the client can read and act on: masked (no internal text), with a code, and logged
// with the operation's request id, message, stack and path; over graphql-ws as over SSE.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../support/app.ts';
import { spawnServer, wsConnect, type SpawnedServer } from './server.ts';

let redis: ChildProcess | undefined;
let s: SpawnedServer;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

beforeAll(async () => {
  // A Redis of this test's own: it is killed halfway (never the shared one).
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no']);
  redis = child;
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) resolve();
    });
    child.on('exit', () => reject(new Error('redis-server exited')));
  });
  s = await spawnServer({ REDIS_URL: `redis://127.0.0.1:${port}` });
});

afterAll(async () => {
  redis?.kill('SIGKILL');
  await s?.stop();
});

interface LogLine {
  level: number;
  reqId?: string;
  msg: string;
  path?: string;
  err?: { message?: string; stack?: string };
}

const logLines = (): LogLine[] =>
  s.proc
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);

describe('an error of a subscription source over graphql-ws', () => {
  it('is masked for the client, with a code, and logged with the request id, stack and path', async () => {
    const c = await wsConnect(s.url, TOKENS.viewer);
    try {
      const gone = new Promise((r) => redis?.once('exit', r));
      redis?.kill('SIGKILL');
      await gone;
      // Resuming after a cursor reads the log back first: that read fails.
      c.ws.send(
        JSON.stringify({
          id: 'replay-1',
          type: 'subscribe',
          payload: { query: 'subscription { auditEvents(after: "1-1") { id } }' },
        }),
      );
      const m = await c.next('replay-1');
      expect(m.type).toBe('error');
      expect(m.payload).toEqual([
        {
          message: 'Unexpected error.',
          extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true },
        },
      ]);
      expect(c.ws.readyState).toBe(c.ws.OPEN);
      // pino writes asynchronously: the line may follow the answer by a moment.
      let logged: LogLine | undefined;
      for (let i = 0; i < 100 && !logged; i++) {
        logged = logLines().find((l) => l.reqId === 'replay-1' && l.level >= 50);
        if (!logged) await new Promise((r) => setTimeout(r, 50));
      }
      expect(logged, s.proc.output().slice(-3000)).toBeDefined();
      expect(logged?.path, JSON.stringify(logged)).toBe('auditEvents');
      expect(logged?.msg).toMatch(/^unexpected error: /);
      expect(logged?.err?.message).toBeTruthy();
      expect(logged?.err?.stack).toContain('\n    at ');
    } finally {
      c.ws.close();
    }
  });
});
