// Prometheus stopped and started again under a running orchestrator. The lab's Prometheus is
// shared with other sessions, so this test runs a private one (same binary, scraping the same
// lab exporter, its own data directory) and stops that: the behaviour under test is the
// orchestrator's, not which Prometheus process goes away.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { eventually, kubeProvider, lab, waitReady } from './kubernetes-support.ts';

const Status = graphql(`
  query OutageStatus {
    status {
      name
      state
      message
    }
  }
`);

const History = graphql(`
  query OutageHistory($targets: [ID!]!) {
    metrics(targets: $targets, names: [CPU_USAGE], range: { last: "PT2M" }) {
      name
      points {
        value
      }
    }
  }
`);

const Pods = graphql(`
  query OutagePods {
    resources(filter: { kinds: [POD], namespaces: ["lab-demo"] }, first: 5) {
      edges {
        node {
          id
          cpuUsage
        }
      }
    }
  }
`);

/** A dashboard-style page: names and states from the caches, history from Prometheus, the store. */
const Page = graphql(`
  query OutagePage {
    resources(filter: { kinds: [POD], namespaces: ["lab-demo"] }, first: 5) {
      edges {
        node {
          id
          name
          state
          metrics(names: [CPU_USAGE], range: { last: "PT2M" }) {
            name
          }
          auditLog(first: 1) {
            totalCount
          }
          recommendations {
            totalCount
          }
        }
      }
    }
  }
`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

let dir: string;
let args: string[];
let prometheus: ChildProcess | undefined;
let url: string;
let t: TestApp;

async function startPrometheus(): Promise<void> {
  const log = openSync(join(dir, 'prometheus.log'), 'a');
  const child = spawn('/usr/bin/prometheus', args, { stdio: ['ignore', log, log] });
  prometheus = child;
  await eventually(
    async () => {
      const res = await fetch(`${url}/-/ready`);
      expect(res.status).toBe(200);
    },
    60_000,
    250,
  );
}

async function stopPrometheus(): Promise<void> {
  const child = prometheus;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function prometheusStatus() {
  const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Status)).body);
  return data.status.find((s) => s.name === 'prometheus');
}

describe('Prometheus outage', () => {
  beforeAll(async () => {
    const labDir = process.env.LAB_DIR ?? join(ROOT, '.lab');
    const state = JSON.parse(readFileSync(join(labDir, 'state.json'), 'utf8')) as {
      ports: { exporter: number };
    };
    dir = mkdtempSync(join(tmpdir(), 'oi-prom-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global: {scrape_interval: 5s, evaluation_interval: 5s}
scrape_configs:
  - job_name: lab-exporter
    honor_labels: true
    scrape_timeout: 5s
    static_configs: [{targets: ['127.0.0.1:${state.ports.exporter}']}]
    relabel_configs: [{target_label: instance, replacement: lab-exporter}]
`,
    );
    args = [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ];
    await startPrometheus();
    t = await startTestApp({
      KUBECONFIG: lab().KUBECONFIG ?? '',
      PROMETHEUS_URL: url,
      METRICS_INTERVAL_SECONDS: '1',
    });
    await waitReady(kubeProvider(t));
    await eventually(
      async () => {
        const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Pods)).body);
        expect(data.resources.edges.some((e) => e.node.cpuUsage !== null)).toBe(true);
      },
      90_000,
      1000,
    );
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    await stopPrometheus();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('degrades, answers ProviderError naming Prometheus, backs off, and recovers', async () => {
    expect((await prometheusStatus())?.state).toBe('UP');
    const collector = t.app.services.metrics.collector;
    const pod = expectNoErrors((await gql(t.url, TOKENS.viewer, Pods)).body).resources.edges[0];

    await stopPrometheus();
    const status = await prometheusStatus();
    expect(status?.state).toBe('DEGRADED');
    expect(status?.message).toContain(`Prometheus at ${url} is unreachable`);

    const { body } = await gql(t.url, TOKENS.viewer, History, { targets: [pod?.node.id ?? ''] });
    const err = body.errors?.[0];
    expect(err?.extensions?.code).toBe('PROVIDER_ERROR');
    expect(err?.message).toMatch(/^Prometheus at .* is unreachable/);

    // A page that also asks for history: only each resource's history is missing.
    const page = await gql(t.url, TOKENS.viewer, Page);
    const nodes = page.body.data?.resources.edges.map((e) => e.node) ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.name).toBeTruthy();
      expect(n.metrics).toBeNull();
      expect(n.auditLog?.totalCount).toBeTypeOf('number');
      expect(n.recommendations?.totalCount).toBeTypeOf('number');
    }
    expect(page.body.errors?.length).toBe(nodes.length);
    for (const e of page.body.errors ?? []) {
      expect(e.extensions?.code).toBe('PROVIDER_ERROR');
      expect(e.path?.at(-1)).toBe('metrics');
    }

    // Back-off: failures accumulate and the delay grows past the 1 s interval.
    await eventually(
      () => expect(collector.state.consecutiveFailures).toBeGreaterThanOrEqual(3),
      30_000,
      200,
    );
    expect(collector.state.nextDelayMs).toBeGreaterThan(4000);
    const cyclesWhileDown = collector.state.consecutiveFailures;
    // The last known values stay readable while the source is down.
    const still = expectNoErrors((await gql(t.url, TOKENS.viewer, Pods)).body);
    expect(still.resources.edges.some((e) => e.node.cpuUsage !== null)).toBe(true);

    await startPrometheus();
    await eventually(
      async () => {
        expect(collector.state.consecutiveFailures).toBe(0);
        expect((await prometheusStatus())?.state).toBe('UP');
      },
      90_000,
      500,
    );
    expect(cyclesWhileDown).toBeLessThan(15);
    const again = await gql(t.url, TOKENS.viewer, History, { targets: [pod?.node.id ?? ''] });
    expect(expectNoErrors(again.body).metrics?.[0]?.name).toBe('CPU_USAGE');
  });
});
