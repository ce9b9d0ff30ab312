import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, describe, expect, it } from 'vitest';
import { API_TOKENS, startTestApp, TOKENS } from '../support/app.ts';
import { spawnOrchestrator } from '../support/process.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'oi-shutdown-'));
  dirs.push(d);
  return d;
}

describe('graceful shutdown of the real process', () => {
  it('finishes an in-flight request, closes WebSockets with 1001, refuses new connections, exits 0', async () => {
    const proc = spawnOrchestrator({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: tempDir(),
      API_TOKENS,
      SHUTDOWN_TIMEOUT_SECONDS: '10',
    });
    const line = await proc.waitFor(/"msg":"listening"/);
    const port = (JSON.parse(line) as { port: number }).port;

    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, 'graphql-transport-ws');
    await new Promise((r) => ws.on('open', r));
    ws.send(
      JSON.stringify({
        type: 'connection_init',
        payload: { authorization: `Bearer ${TOKENS.viewer}` },
      }),
    );
    await new Promise((r) => ws.once('message', r));
    const wsClosed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));

    // An SSE subscription: never ends by itself, shutdown ends it cleanly.
    const sse = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${TOKENS.viewer}`,
      },
      body: JSON.stringify({ query: 'subscription { auditEvents { id } }' }),
    });
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    const sseEnded = sse.text().then(
      () => 'ended',
      () => 'reset',
    );

    // A client that accepts anything gets SSE too: judged by the answer, it is ended the same.
    const anyAccept = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: '*/*',
        authorization: `Bearer ${TOKENS.viewer}`,
      },
      body: JSON.stringify({ query: 'subscription { auditEvents { id } }' }),
    });
    expect(anyAccept.headers.get('content-type')).toContain('text/event-stream');
    const anyEnded = anyAccept.text().then(
      () => 'ended',
      () => 'reset',
    );

    // Yoga refuses a multipart/mixed subscription (406): streams are SSE or WebSocket, both
    // ended above, so no multipart stream can hold shutdown up until its timeout.
    const multipart = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'multipart/mixed',
        authorization: `Bearer ${TOKENS.viewer}`,
      },
      body: JSON.stringify({ query: 'subscription { auditEvents { id } }' }),
    });
    expect(multipart.status).toBe(406);

    // A request whose body is still arriving when SIGTERM lands.
    const body = JSON.stringify({ query: '{ viewer { name } }' });
    const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${TOKENS.viewer}`,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        proc.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 500);
      }, 300);
    });

    const started = Date.now();
    const done = await inFlight;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text)).toEqual({ data: { viewer: { name: 'viewer-user' } } });
    expect(await wsClosed).toBe(1001);
    expect(await sseEnded).toBe('ended');
    expect(await anyEnded).toBe('ended');

    // A fresh connection (fetch could reuse the SSE stream's kept-alive one).
    const refused = await new Promise<boolean>((resolve) => {
      const probe = request({ host: '127.0.0.1', port, path: '/health', agent: false }, () =>
        resolve(false),
      );
      probe.on('error', () => resolve(true));
      probe.end();
    });
    expect(refused).toBe(true);

    const exit = await proc.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(proc.output()).toContain('shutdown complete');
  });

  it('reports not ready as soon as shutdown starts', async () => {
    const t = await startTestApp();
    expect(await t.app.services.health.notReadyReasons()).toEqual([]);
    const closing = t.app.shutdown();
    expect(await t.app.services.health.notReadyReasons()).toEqual(['shutting down']);
    await closing;
  });
});
