// One long-lived socket: a `resourceEvents { resource { metrics } }` subscription over
// graphql-ws through many events. What each event loads (its loaders, its metrics clock) must
// be garbage once the event is sent, so the heap after 10N events is the heap after N, and
// later events must see metric values published after the subscription began.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { N } from '../../src/metrics/aggregate.ts';
import { toWire } from '../../src/metrics/hub.ts';
import { METRICS_TOPIC } from '../../src/metrics/setup.ts';
import { NAME_INDEX } from '../../src/metrics/types.ts';
import type { ResourceEvent } from '../../src/providers/provider.ts';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Events in the first phase; the second brings the total to ten times as many. */
const FIRST = 300;
/** A per-event leak of even 1 KB over the 2,700 later events would be 2.7 MB. */
const BOUND_BYTES = 1_500_000;

let t: TestApp;
beforeAll(async () => {
  // A short log, so that what it retains is not mistaken for what the socket retains.
  t = await startTestApp({ STREAM_RETENTION_EVENTS: '50' });
});
afterAll(async () => {
  await t?.close();
});

const ID = 'k8s:lab:POD:memory:long-lived';

function event(version: number): ResourceEvent {
  return {
    type: 'MODIFIED',
    timestamp: new Date().toISOString(),
    resource: {
      id: ID,
      provider: 'KUBERNETES',
      kind: 'POD',
      cluster: 'lab',
      namespace: 'memory',
      name: 'long-lived',
      state: 'RUNNING',
      labels: {},
      createdAt: null,
      object: {
        metadata: { name: 'long-lived', namespace: 'memory', resourceVersion: String(version) },
      },
    },
  };
}

async function publishCpu(at: number, value: number): Promise<void> {
  const values = new Float64Array(N).fill(NaN);
  values[NAME_INDEX.CPU_USAGE] = value;
  t.app.services.pubsub.publish(
    METRICS_TOPIC,
    toWire({ t: at, ids: [ID], values, index: new Map([[ID, 0]]) }),
  );
  while (t.app.services.metrics.hub.latest?.t !== at) await new Promise((r) => setTimeout(r, 5));
}

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

describe('a long-lived resourceEvents { resource { metrics } } subscription', () => {
  it('keeps a flat heap over 10N events and sees new metric values', async () => {
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 0,
    });
    let received = 0;
    let lastValues: number[] = [];
    let failure: unknown;
    const dispose = client.subscribe<{
      resourceEvents: { resource: { metrics: { points: { value: number }[] }[] } };
    }>(
      {
        query: `subscription { resourceEvents(filter: { namespaces: ["memory"] }) { cursor resource {
          name metrics(names: [CPU_USAGE], range: { last: "PT10M" }, step: "PT1S") { points { value } } } } }`,
      },
      {
        next: ({ data, errors }) => {
          if (errors || !data) failure = errors;
          received++;
          lastValues = data?.resourceEvents.resource.metrics[0]?.points.map((p) => p.value) ?? [];
        },
        error: (err) => (failure = err),
        complete: () => {},
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    // The hub's history starts at a minute boundary: the first sample sits on one.
    let at = Math.floor(Date.now() / 60_000) * 60_000;
    let sample = 0;
    let version = 0;
    /** Appends events in bursts, a new CPU value before each burst, until `total` arrived. */
    const run = async (total: number) => {
      while (version < total) {
        await publishCpu(sample === 0 ? at : (at = Math.max(at + 1, Date.now() - 5)), ++sample);
        for (let k = 0; k < 50; k++)
          await t.app.services.events.append('resourceEvents', event(++version));
        while (received < version && !failure) await new Promise((r) => setTimeout(r, 2));
        if (failure) throw new Error(JSON.stringify(failure));
      }
    };
    await run(FIRST);
    const early = lastValues;
    const first = await heapAfterGc();
    await run(10 * FIRST);
    // Samples only grow; points are per-second means. A series computed once for the socket
    // would end where the early one did.
    expect(early.length).toBeGreaterThan(0);
    expect(lastValues.at(-1)).toBeGreaterThan(early.at(-1)!);
    expect(lastValues.at(-1)).toBeGreaterThan(sample - 50);
    expect(sample).toBe((10 * FIRST) / 50);
    const last = await heapAfterGc();
    console.log(
      `streams memory: heap after ${FIRST} events ${(first / 1e6).toFixed(1)} MB, after ${10 * FIRST} ${(last / 1e6).toFixed(1)} MB`,
    );
    expect(last - first).toBeLessThan(BOUND_BYTES);
    dispose();
    await client.dispose();
  }, 120_000);
});
