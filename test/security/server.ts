import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { API_TOKENS } from '../support/app.ts';
import { spawnOrchestrator, type Spawned } from '../support/process.ts';

/** `npm start` as an attacker meets it: its own process, production mode, token auth. */
export interface SpawnedServer {
  url: string;
  proc: Spawned;
  /** Resident memory of the server process, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

export async function spawnServer(env: Record<string, string> = {}): Promise<SpawnedServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oi-security-'));
  const proc = spawnOrchestrator({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    API_TOKENS,
    ...env,
  });
  const line = await proc.waitFor(/"msg":"listening"/);
  const port = (JSON.parse(line) as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    rssMb: () => {
      const status = readFileSync(`/proc/${proc.child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: async () => {
      proc.child.kill('SIGTERM');
      await proc.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs a raw GraphQL request (attacks are not typed documents). */
export async function post(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

export function codes(answer: Answer): unknown[] {
  return (answer.body.errors ?? []).map((e) => e.extensions?.code);
}

/** A graphql-transport-ws connection, acknowledged, with every message it receives. */
export async function wsConnect(
  url: string,
  token: string,
): Promise<{
  ws: WebSocket;
  messages: Record<string, unknown>[];
  next(id: string): Promise<Record<string, unknown>>;
}> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const messages: Record<string, unknown>[] = [];
  const waiters: { id: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as Record<string, unknown>;
    messages.push(m);
    for (const w of [...waiters]) {
      if (m.id === w.id) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  await new Promise((r) => ws.on('open', r));
  ws.send(
    JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
  );
  await new Promise<void>((resolve) => {
    const check = () =>
      messages.some((m) => m.type === 'connection_ack') ? resolve() : setTimeout(check, 10);
    check();
  });
  return {
    ws,
    messages,
    next: (id) =>
      new Promise((resolve) => {
        const seen = messages.find((m) => m.id === id);
        if (seen) resolve(seen);
        else waiters.push({ id, resolve });
      }),
  };
}
