// Metrics against the lab's real Prometheus: pods with known usage annotations, sums over
// workloads and namespaces, the DataLoader's query count, validation, live samples over
// graphql-ws and SSE, and history that survives a restart (from the rollups, no Prometheus).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import {
  expectErrorCode,
  expectNoErrors,
  gql,
  startTestApp,
  TOKENS,
  type TestApp,
  present,
} from '../support/app.ts';
import { sseEvents } from '../support/sse.ts';
import {
  eventually,
  kubectl,
  kubectlJson,
  kubeProvider,
  lab,
  scratchNamespace,
  waitReady,
} from './kubernetes-support.ts';

const CPU = 0.2; // cores per web pod (annotation 200m)
const MEM = 300 * 2 ** 20; // bytes per web pod (300Mi)
const SOLO_CPU = 0.5;
const SOLO_MEM = 100 * 2 ** 20;
const FLEET = 96; // with web and solo: a page of exactly 100 pods
const FLEET_CPU = 0.02;
/** Prometheus' rate() under-reads a series younger than its 2-minute window. */
const RATE_SETTLE_MS = 135_000;

const Current = graphql(`
  query MetricsCurrent($filter: ResourceFilter) {
    resources(filter: $filter, first: 1000) {
      edges {
        node {
          id
          kind
          name
          cpuUsage
          memoryUsage
          usage {
            cpuRequest
            cpuLimit
            memoryRequest
            cpuRequestUtilization
            memoryLimitUtilization
            networkReceive
          }
        }
      }
    }
  }
`);

const Paged = graphql(`
  query MetricsPaged($filter: ResourceFilter) {
    resources(filter: $filter, first: 100) {
      edges {
        node {
          id
          name
          namespace
          metrics(names: [CPU_USAGE, MEMORY_USAGE], range: { last: "PT5M" }) {
            name
            unit
            points {
              timestamp
              value
            }
          }
        }
      }
    }
  }
`);

const History = graphql(`
  query MetricsHistory(
    $targets: [ID!]!
    $names: [MetricName!]
    $range: MetricRangeInput
    $step: Duration
  ) {
    metrics(targets: $targets, names: $names, range: $range, step: $step) {
      target {
        id
        name
      }
      name
      unit
      points {
        timestamp
        value
      }
    }
  }
`);

const Summary = graphql(`
  query MetricsSummary {
    clusterSummary {
      cluster
      cpuUsage
      cpuRequest
      cpuCapacity
      memoryUsage
      memoryCapacity
    }
    overview {
      metrics {
        source
        collectedAt
        clusters {
          cluster
          cpuUsage
        }
        orchestrator {
          rssBytes
        }
      }
    }
  }
`);

const Live = graphql(`
  subscription MetricsLive($targets: [ID!]!) {
    metrics(targets: $targets, names: [CPU_USAGE]) {
      target {
        id
      }
      name
      unit
      timestamp
      value
    }
  }
`);

type Node = {
  id: string;
  kind: string;
  name: string;
  cpuUsage?: number | null;
  memoryUsage?: number | null;
};

let t: TestApp;
let ns: { name: string; drop: () => Promise<void> };
const dataDir = mkdtempSync(join(tmpdir(), 'oi-metrics-'));
const within10 = (actual: number | null | undefined, expected: number) => {
  expect(actual, `expected ~${expected}`).not.toBeNull();
  expect(Math.abs((actual ?? 0) - expected) / expected).toBeLessThan(0.1);
};

async function current(): Promise<Node[]> {
  const { body } = await gql(t.url, TOKENS.viewer, Current, {
    filter: { namespaces: [ns.name], kinds: ['POD', 'DEPLOYMENT', 'REPLICASET'] },
  });
  const data = expectNoErrors(body);
  const ns0 = await gql(t.url, TOKENS.viewer, Current, {
    filter: { kinds: ['NAMESPACE'], names: [ns.name] },
  });
  return [...data.resources.edges, ...expectNoErrors(ns0.body).resources.edges].map((e) => e.node);
}

describe('metrics (lab Prometheus)', () => {
  beforeAll(async () => {
    ns = await scratchNamespace('metrics-test');
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns.name}}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
      annotations: {lab.optiinfra.dev/cpu: 200m, lab.optiinfra.dev/memory: 300Mi}
    spec:
      containers:
      - name: app
        image: registry.example/web:1
        resources: {requests: {cpu: 400m, memory: 512Mi}, limits: {cpu: "1", memory: 1Gi}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: fleet, namespace: ${ns.name}}
spec:
  replicas: ${FLEET}
  selector: {matchLabels: {app: fleet}}
  template:
    metadata:
      labels: {app: fleet}
      annotations: {lab.optiinfra.dev/cpu: 20m, lab.optiinfra.dev/memory: 32Mi}
    spec:
      containers:
      - {name: app, image: registry.example/fleet:1, resources: {requests: {cpu: 20m, memory: 32Mi}}}
---
apiVersion: v1
kind: Pod
metadata:
  name: solo
  namespace: ${ns.name}
  annotations: {lab.optiinfra.dev/cpu: 500m, lab.optiinfra.dev/memory: 100Mi}
spec:
  containers:
  - {name: a, image: registry.example/solo:1, resources: {requests: {cpu: 250m, memory: 64Mi}}}
  - {name: b, image: registry.example/solo:1, resources: {requests: {cpu: 250m, memory: 64Mi}}}
`,
    });
    await eventually(
      async () => {
        const pods = await kubectlJson<{ items: { status: { phase: string } }[] }>([
          '-n',
          ns.name,
          'get',
          'pods',
        ]);
        expect(pods.items.filter((p) => p.status.phase === 'Running').length).toBe(FLEET + 4);
      },
      480_000,
      2000,
    );
    const runningAt = Date.now();
    const env = lab();
    t = await startTestApp({
      KUBECONFIG: env.KUBECONFIG ?? '',
      PROMETHEUS_URL: env.PROMETHEUS_URL ?? '',
      METRICS_INTERVAL_SECONDS: '2',
      DATA_DIR: dataDir,
    });
    await waitReady(kubeProvider(t));
    await new Promise((r) => setTimeout(r, Math.max(0, runningAt + RATE_SETTLE_MS - Date.now())));
    await eventually(
      async () => {
        const nodes = await current();
        const pods = nodes.filter((n) => n.kind === 'POD');
        expect(pods).toHaveLength(FLEET + 4);
        for (const p of pods) expect(p.cpuUsage, p.name).not.toBeNull();
      },
      60_000,
      2000,
    );
  }, 600_000);

  afterAll(async () => {
    await t?.close();
    await ns?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports each pod within 10% of its annotated usage, with requests and limits', async () => {
    const nodes = await current();
    const pods = nodes.filter((n) => n.kind === 'POD');
    for (const p of pods.filter((x) => !x.name.startsWith('fleet-'))) {
      const solo = p.name === 'solo';
      within10(p.cpuUsage, solo ? SOLO_CPU : CPU);
      within10(p.memoryUsage, solo ? SOLO_MEM : MEM);
    }
    const web = (
      await gql(t.url, TOKENS.viewer, Current, {
        filter: { namespaces: [ns.name], names: ['web'] },
      })
    ).body;
    const usage = expectNoErrors(web).resources.edges[0]?.node.usage;
    expect(usage?.cpuRequest).toBeCloseTo(1.2, 6);
    expect(usage?.cpuLimit).toBeCloseTo(3, 6);
    expect(usage?.memoryRequest).toBe(3 * 512 * 2 ** 20);
    within10(usage?.cpuRequestUtilization, 0.5);
    within10(usage?.memoryLimitUtilization, 300 / 1024);
    // The lab's network is 1 MB/s received per busy core.
    within10(usage?.networkReceive, 3 * CPU * 1e6);
  });

  it('sums workloads and namespaces over exactly their pods', async () => {
    const nodes = await current();
    const pods = nodes.filter((n) => n.kind === 'POD');
    const webPods = pods.filter((p) => p.name.startsWith('web-'));
    const sum = (list: Node[], f: 'cpuUsage' | 'memoryUsage') =>
      list.reduce((a, n) => a + (n[f] ?? 0), 0);
    const deployment = nodes.find((n) => n.kind === 'DEPLOYMENT' && n.name === 'web');
    const replicaSet = nodes.find((n) => n.kind === 'REPLICASET' && n.name.startsWith('web-'));
    const namespace = nodes.find((n) => n.kind === 'NAMESPACE');
    for (const f of ['cpuUsage', 'memoryUsage'] as const) {
      expect(deployment?.[f]).toBeCloseTo(sum(webPods, f), 3);
      expect(replicaSet?.[f]).toBeCloseTo(sum(webPods, f), 3);
      expect(namespace?.[f]).toBeCloseTo(sum(pods, f), 3);
    }
    within10(deployment?.cpuUsage, 3 * CPU);
    within10(namespace?.cpuUsage, 3 * CPU + SOLO_CPU + FLEET * FLEET_CPU);
  });

  it('summarises clusters: usage vs requests vs capacity, and the overview carries it', async () => {
    const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Summary)).body);
    const c = data.clusterSummary[0];
    expect(c?.cpuUsage).toBeGreaterThan(3 * CPU + SOLO_CPU);
    expect(c?.cpuRequest).toBeGreaterThan(1.7);
    expect(c?.cpuCapacity).toBeGreaterThan(c?.cpuRequest ?? Infinity);
    expect(data.overview.metrics?.source).toBe('Prometheus');
    expect(data.overview.metrics?.clusters[0]?.cluster).toBe(c?.cluster);
    expect(data.overview.metrics?.orchestrator.rssBytes).toBeGreaterThan(10e6);
  });

  it('answers a page of pods with one Prometheus query per metric (DataLoader)', async () => {
    const prometheus = t.app.services.metrics.prometheus?.client;
    const before = prometheus?.rangeRequests ?? 0;
    const { body } = await gql(t.url, TOKENS.viewer, Paged, {
      filter: { kinds: ['POD'], namespaces: [ns.name] },
    });
    const edges = expectNoErrors(body).resources.edges;
    expect(edges).toHaveLength(100);
    expect(prometheus?.rangeRequests).toBe(before + 2);
    for (const e of edges) {
      const cpu = present(e.node.metrics).find((m) => m.name === 'CPU_USAGE');
      const mem = present(e.node.metrics).find((m) => m.name === 'MEMORY_USAGE');
      expect(cpu?.unit).toBe('cores');
      expect(mem?.unit).toBe('bytes');
      expect(cpu?.points.length, e.node.name).toBeGreaterThan(0);
      const expected =
        e.node.name === 'solo' ? SOLO_CPU : e.node.name.startsWith('web-') ? CPU : FLEET_CPU;
      within10(cpu?.points.at(-1)?.value, expected);
    }
  });

  it('gives a workload the sum of its pods over time', async () => {
    const nodes = await current();
    const dep = nodes.find((n) => n.kind === 'DEPLOYMENT' && n.name === 'web');
    const pods = nodes.filter((n) => n.kind === 'POD' && n.name.startsWith('web-'));
    const { body } = await gql(t.url, TOKENS.viewer, History, {
      targets: [dep?.id ?? '', ...pods.map((p) => p.id)],
      names: ['CPU_USAGE'],
      range: { last: 'PT3M' },
      step: 'PT30S',
    });
    const series = present(expectNoErrors(body).metrics);
    expect(series).toHaveLength(4);
    const [total, ...parts] = series;
    const last = total?.points.at(-1);
    expect(last).toBeDefined();
    const partsAtLast = parts.map(
      (s) => s.points.find((p) => p.timestamp === last?.timestamp)?.value ?? NaN,
    );
    expect(last?.value).toBeCloseTo(
      partsAtLast.reduce((a, b) => a + b, 0),
      6,
    );
  });

  it('refuses unknown targets, from after to, and more than 11,000 points', async () => {
    const pod = (await current()).find((n) => n.kind === 'POD')?.id ?? '';
    const cases = [
      { targets: ['UG9kOms4czpub3BlOlBPRDp4Ong='] },
      { targets: ['not-an-id'] },
      { targets: [pod], range: { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' } },
      { targets: [pod], range: { last: 'P1D' }, step: 'PT1S' },
    ];
    for (const vars of cases) {
      const { body } = await gql(t.url, TOKENS.viewer, History, vars);
      expectErrorCode(body, 'VALIDATION_FAILED');
    }
  });

  it('streams live samples over graphql-ws, one per interval', async () => {
    const pod = (await current()).find((n) => n.name === 'solo');
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 0,
    });
    const got: { timestamp: string; value: number }[] = [];
    await new Promise<void>((resolve, reject) => {
      const stop = client.subscribe<{ metrics: { timestamp: string; value: number } }>(
        { query: print(Live), variables: { targets: [pod?.id ?? ''] } },
        {
          next: (r) => {
            if (r.data) got.push(r.data.metrics);
            if (got.length === 3) {
              stop();
              resolve();
            }
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    await client.dispose();
    expect(new Set(got.map((g) => g.timestamp)).size).toBe(3);
    for (const g of got) within10(g.value, SOLO_CPU);
  });

  it('streams live samples over SSE', async () => {
    const pod = (await current()).find((n) => n.name === 'solo');
    const ac = new AbortController();
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      signal: ac.signal,
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${TOKENS.viewer}`,
      },
      body: JSON.stringify({ query: print(Live), variables: { targets: [pod?.id ?? ''] } }),
    });
    expect(res.status).toBe(200);
    const events: { metrics: { value: number; timestamp: string } }[] = [];
    for await (const e of sseEvents(res.body as ReadableStream<Uint8Array>)) {
      if (e.event !== 'next') continue;
      events.push((JSON.parse(e.data) as { data: (typeof events)[number] }).data);
      if (events.length === 2) break;
    }
    ac.abort();
    expect(events).toHaveLength(2);
    expect(events[0]?.metrics.timestamp).not.toBe(events[1]?.metrics.timestamp);
    within10(events[1]?.metrics.value, SOLO_CPU);
  });

  it('keeps history across a restart, served from the rollups without Prometheus', async () => {
    const nodes = await current();
    const dep = nodes.find((n) => n.kind === 'DEPLOYMENT' && n.name === 'web');
    // A completed minute is written at the first collection after it ends; the minutes
    // before the pods' rates settled are not the ones to compare with.
    const settled = new Date(Date.now() - 1000).toISOString();
    await eventually(
      async () => {
        const rows = await t.app.services.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM metric_rollups
            WHERE resolution = 60 AND target_id = $1 AND bucket >= date_trunc('minute', $2::timestamptz)`,
          [dep?.id.length ? decodeId(dep.id) : '', settled],
        );
        expect(rows[0]?.n).toBeGreaterThan(0);
      },
      150_000,
      2000,
    );
    await t.close();
    const env = lab();
    t = await startTestApp({
      KUBECONFIG: env.KUBECONFIG ?? '',
      DATA_DIR: dataDir,
      METRICS_INTERVAL_SECONDS: '2',
    });
    expect(t.app.services.metrics.prometheus).toBeUndefined();
    await waitReady(kubeProvider(t));
    const { body } = await gql(t.url, TOKENS.viewer, History, {
      targets: [dep?.id ?? ''],
      names: ['CPU_USAGE', 'MEMORY_USAGE'],
      range: { last: 'PT15M' },
      step: 'PT1M',
    });
    const [cpu, mem] = present(expectNoErrors(body).metrics);
    expect(cpu?.points.length).toBeGreaterThan(0);
    within10(cpu?.points.at(-1)?.value, 3 * CPU);
    within10(mem?.points.at(-1)?.value, 3 * MEM);
  });
});

function decodeId(globalId: string): string {
  const raw = Buffer.from(globalId, 'base64').toString('utf8');
  return raw.slice(raw.indexOf(':') + 1);
}
