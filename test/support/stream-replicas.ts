// Two orchestrator replicas on one PostgreSQL and one Redis, and the replica-kill scenario of
// issue 19: shared by test/e2e/streams-replicas.test.ts (which asserts on it) and
// test/bench/streams.ts (which counts what it loses, duplicates and reorders).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { ResourceEvent } from '../../src/providers/provider.ts';
import { API_TOKENS, startTestApp, TOKENS, type TestApp } from './app.ts';
import { createScratchDatabase } from './postgres.ts';
import { spawnOrchestrator, type Spawned } from './process.ts';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface ReplicaPair {
  /** Replica A: `node src/main.ts`, a process of its own (the one to kill). */
  a: Spawned;
  aUrl: string;
  /** Replica B: in this process; events are appended through it. */
  b: TestApp;
  bUrl: string;
  close(): Promise<void>;
}

/** Starts both replicas on a scratch database and streams of this run only (own prefix). */
export async function startReplicaPair(): Promise<ReplicaPair> {
  const scratch = await createScratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'oi-streams-a-'));
  const env = {
    DATABASE_URL: scratch.url,
    REDIS_URL,
    // Other runs on the same Redis never mix in.
    STREAM_KEY_PREFIX: `oi:test:${randomUUID()}:`,
    API_TOKENS,
  };
  const a = spawnOrchestrator({ ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
  const [listening, b] = await Promise.all([a.waitFor(/"msg":"listening"/), startTestApp(env)]);
  return {
    a,
    aUrl: `ws://127.0.0.1:${(JSON.parse(listening) as { port: number }).port}/graphql`,
    b,
    bUrl: `${b.url.replace('http', 'ws')}/graphql`,
    close: async () => {
      if (a.child.exitCode === null && a.child.signalCode === null) {
        a.child.kill('SIGKILL');
        await a.exited;
      }
      await b.close();
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The i-th resource change of the scenario: a pod `p-<i>` in namespace `replay`. */
export function resourceEvent(i: number): ResourceEvent {
  const name = `p-${i}`;
  return {
    type: 'ADDED',
    timestamp: new Date().toISOString(),
    resource: {
      id: `k8s:lab:POD:replay:${name}`,
      provider: 'KUBERNETES',
      kind: 'POD',
      cluster: 'lab',
      namespace: 'replay',
      name,
      state: 'RUNNING',
      labels: {},
      createdAt: null,
      object: { metadata: { name, namespace: 'replay', resourceVersion: String(i) } },
    },
  };
}

/** Appends the i-th change of both streams through replica B (the log the replicas share). */
export const appendChange = (pair: ReplicaPair, i: number) =>
  Promise.all([
    pair.b.app.services.events.append('auditEvents', {
      actor: `a-${i}`,
      action: 'stream-test',
      status: 'SUCCEEDED',
      prevHash: '',
    }),
    pair.b.app.services.events.append('resourceEvents', resourceEvent(i), `r-${i}`),
  ]);

export const AUDIT_SUBSCRIPTION =
  'subscription ($after: String) { auditEvents(after: $after, filter: { actions: [OTHER] }) { actor cursor gap { skipped } } }';

export interface KillOutcome {
  /** Actors of the audit events received (`a-<i>`), in arrival order. */
  audit: string[];
  /** Names of the resources of the resource events received (`p-<i>`), in arrival order. */
  resources: string[];
  /** Gaps and in-stream errors received (none expected). */
  anomalies: string[];
  /** SIGKILL of A -> the first event received through B, ms. */
  killToFirstEventMs: number;
}

/**
 * A client subscribed to `auditEvents` and `resourceEvents` through replica A with the
 * graphql-ws recipe of docs/streams.md (each retry sends the last cursors); `total` changes of
 * each made in bursts of 100 through B; A is SIGKILLed once the client has half of them, and
 * the client's retries go to B. Ends when the client has `total` of each, or nothing more
 * arrives for 10 s after the last change.
 */
export async function killScenario(pair: ReplicaPair, total: number): Promise<KillOutcome> {
  let aKilled = false;
  let onB = false;
  const client = createClient({
    url: () => (aKilled ? pair.bUrl : pair.aUrl),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
    retryAttempts: 50,
    retryWait: () => new Promise((r) => setTimeout(r, 50)),
    shouldRetry: () => true,
    on: { connected: () => (onB = aKilled) },
  });
  const out: KillOutcome = { audit: [], resources: [], anomalies: [], killToFirstEventMs: NaN };
  let killedAt = 0;
  let lastArrival = Date.now();
  const arrived = () => {
    lastArrival = Date.now();
    if (onB && Number.isNaN(out.killToFirstEventMs))
      out.killToFirstEventMs = lastArrival - killedAt;
  };
  const auditVars: { after: string | null } = { after: null };
  const resourceVars: { after: string | null } = { after: null };
  let complete = () => {};
  const finished = new Promise<void>((resolve) => (complete = resolve));
  const check = () => {
    if (out.audit.length >= total && out.resources.length >= total) complete();
  };
  const failed = new Promise<never>((_, reject) => {
    client.subscribe<{ auditEvents: { actor: string; cursor: string; gap: unknown } }>(
      { query: AUDIT_SUBSCRIPTION, variables: auditVars },
      {
        next: ({ data, errors }) => {
          arrived();
          if (errors || !data) return void out.anomalies.push(JSON.stringify(errors));
          if (data.auditEvents.gap) out.anomalies.push(JSON.stringify(data.auditEvents.gap));
          auditVars.after = data.auditEvents.cursor;
          out.audit.push(data.auditEvents.actor);
          check();
        },
        error: reject,
        complete: () => {},
      },
    );
    client.subscribe<{
      resourceEvents: { resource: { name: string }; cursor: string; gap: unknown };
    }>(
      {
        query:
          'subscription ($after: String) { resourceEvents(after: $after, filter: { namespaces: ["replay"] }) { cursor gap { skipped } resource { name } } }',
        variables: resourceVars,
      },
      {
        next: ({ data, errors }) => {
          arrived();
          if (errors || !data) return void out.anomalies.push(JSON.stringify(errors));
          if (data.resourceEvents.gap) out.anomalies.push(JSON.stringify(data.resourceEvents.gap));
          resourceVars.after = data.resourceEvents.cursor;
          out.resources.push(data.resourceEvents.resource.name);
          check();
        },
        error: reject,
        complete: () => {},
      },
    );
  });
  try {
    await Promise.race([new Promise((r) => setTimeout(r, 1000)), failed]);
    for (let i = 1; i <= total; i++) {
      await appendChange(pair, i);
      if (i % 100 === 0) {
        await new Promise((r) => setTimeout(r, 50));
        if (!aKilled && out.audit.length >= total / 2) {
          pair.a.child.kill('SIGKILL');
          aKilled = true;
          killedAt = Date.now();
        }
      }
    }
    if (!aKilled) throw new Error('the client got too few events through A to test a kill');
    const quiet = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (Date.now() - lastArrival < 10_000) return;
        clearInterval(timer);
        resolve();
      }, 500);
      void finished.then(() => clearInterval(timer));
    });
    await Promise.race([finished, quiet, failed]);
    return out;
  } finally {
    await client.dispose();
  }
}
