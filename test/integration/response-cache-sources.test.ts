// The dashboard's own resource list (`DashResources`, sent as the dashboard sends it: the
// persisted manifest's text, its hash, its variables) through the response cache, against the
// lab: it selects `cpuUsage`/`memoryUsage` (the latest metrics snapshot) and `failures` (the
// providers' failures), so its kept answer must go the moment either changes. A metrics
// snapshot arrives as every replica's does (pubsub, then MetricsHub.receive); a failure is a
// second context whose API server goes away (a TCP proxy to the lab's, closed and reopened).
// And a query that reads no metrics keeps its answer through a metrics snapshot.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { N } from '../../src/metrics/aggregate.ts';
import { toWire } from '../../src/metrics/hub.ts';
import { METRICS_TOPIC } from '../../src/metrics/setup.ts';
import { NAME_INDEX } from '../../src/metrics/types.ts';
import { DASH_ACCEPT, dashResourcesBody } from '../bench/http-load.ts';
import { graphql } from '../gql/gql.ts';
import { Flaky } from '../support/flaky.ts';
import { expectNoErrors, gql, responseCacheCounts, TOKENS, type TestApp } from '../support/app.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  kubeProvider,
  labKubeConfig,
  scratchNamespace,
  startLabApp,
} from './kubernetes-support.ts';

interface Row {
  id: string;
  kind: string;
  cpuUsage: number | null;
  memoryUsage: number | null;
}
interface DashPage {
  edges: { node: Row }[];
  failures: { provider: string; cluster: string; message: string }[];
  totalCount: number;
}

const Pods = graphql(`
  query ResponseCacheSourcesPods($ns: [String!]!) {
    resources(filter: { namespaces: $ns, kinds: [POD] }) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

let t: TestApp;
let ns: Awaited<ReturnType<typeof scratchNamespace>>;
let flaky: Flaky;
let variables: Record<string, unknown>;

const counts = () => responseCacheCounts(t.url);

/** One request as the dashboard makes it, and whether the cache answered it. */
async function dash(): Promise<{ page: DashPage; hit: boolean }> {
  const before = await counts();
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: DASH_ACCEPT,
      authorization: `Bearer ${TOKENS.viewer}`,
    },
    body: dashResourcesBody(variables),
  });
  const body = (await res.json()) as { data: { resources: DashPage }; errors?: unknown };
  const after = await counts();
  expect(body.errors).toBeUndefined();
  return {
    page: body.data.resources,
    hit: after.hit - before.hit === 1 && after.miss === before.miss,
  };
}

/** Asks twice until the second answer is a hit with the same page. */
async function cachedAgain(): Promise<DashPage> {
  return eventually(async () => {
    const first = await dash();
    const again = await dash();
    expect(again.hit).toBe(true);
    expect(again.page).toEqual(first.page);
    return again.page;
  });
}

/**
 * Publishes a metrics snapshot as the collector does (every replica's hub takes it in from
 * pubsub) with these cores for these ids, and waits until the hub has it.
 */
async function publishUsage(cores: Map<string, number>): Promise<void> {
  const hub = t.app.services.metrics.hub;
  const ids = [...cores.keys()];
  const values = new Float64Array(ids.length * N).fill(Number.NaN);
  ids.forEach((id, i) => {
    values[i * N + NAME_INDEX.CPU_USAGE] = cores.get(id) ?? Number.NaN;
    values[i * N + NAME_INDEX.MEMORY_USAGE] = (cores.get(id) ?? 0) * 2 ** 30;
  });
  const at = Math.max(Date.now(), (hub.latest?.t ?? 0) + 1);
  const index = new Map(ids.map((id, i) => [id, i]));
  t.app.services.pubsub.publish(METRICS_TOPIC, toWire({ t: at, ids, values, index }));
  await eventually(() => expect(hub.latest?.t).toBe(at), 5000, 10);
}

beforeAll(async () => {
  ns = await scratchNamespace('rcache-src');
  await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'web', 2) });
  const kc = labKubeConfig();
  const cluster = kc.getCurrentCluster();
  const server = new URL(cluster?.server ?? '');
  flaky = new Flaky({ host: server.hostname, port: Number(server.port || 443) });
  await flaky.up();
  kc.addCluster({ ...cluster, name: 'flaky', server: `https://127.0.0.1:${flaky.port}` } as never);
  kc.addContext({ name: 'flaky', cluster: 'flaky', user: kc.getCurrentUser()?.name ?? '' });
  const file = join(mkdtempSync(join(tmpdir(), 'oi-kube-')), 'kubeconfig');
  writeFileSync(file, kc.exportConfig());
  t = await startLabApp({
    KUBECONFIG: file,
    KUBE_CONTEXTS: `${kc.getCurrentContext()},flaky`,
    // No Prometheus and one collection an hour: the snapshots are the ones the test publishes.
    PROMETHEUS_URL: '',
    METRICS_INTERVAL_SECONDS: '3600',
  });
  variables = { filter: { kinds: ['POD'], namespaces: [ns.name] }, first: 50, after: null };
  await eventually(async () => {
    const { page } = await dash();
    expect(page.totalCount).toBe(4); // two pods, each seen through both contexts
    expect(page.failures).toEqual([]);
  }, 60_000);
}, 120_000);

afterAll(async () => {
  await t?.close();
  await flaky?.down();
  await ns?.drop();
});

describe("the dashboard's resource list through the response cache", () => {
  it('is kept, and the first answer after a new metrics snapshot shows it', async () => {
    // The hub keys by the providers' ids (the API's ids are global ids).
    const ids = t.app.services.providers
      .list({ kinds: ['POD'], namespaces: [ns.name] })
      .map((r) => r.id);
    expect(ids).toHaveLength(4);
    for (const cores of [0.25, 0.75]) {
      await cachedAgain();
      await publishUsage(new Map(ids.map((id) => [id, cores])));
      const next = await dash();
      expect(next.hit).toBe(false);
      for (const { node } of next.page.edges) {
        expect(node.cpuUsage).toBe(cores);
        expect(node.memoryUsage).toBe(cores * 2 ** 30);
      }
      // And that answer is kept in turn.
      expect(await cachedAgain()).toEqual(next.page);
    }
  });

  it('a query that reads no metrics keeps its answer through a metrics snapshot', async () => {
    const pods = () => gql(t.url, TOKENS.viewer, Pods, { ns: [ns.name] });
    await eventually(async () => {
      const version = t.app.services.providers.version;
      expectNoErrors((await pods()).body);
      await publishUsage(new Map([['k8s:none', 1]]));
      const before = await counts();
      expectNoErrors((await pods()).body);
      const after = await counts();
      // A watch event in between (the lab moves now and then) starts it afresh: try again.
      expect(t.app.services.providers.version).toBe(version);
      expect([after.hit - before.hit, after.miss - before.miss]).toEqual([1, 0]);
    });
  });

  it('the first answer after a failure appears, and after it goes, says so', async () => {
    const k8s = kubeProvider(t);
    expect((await cachedAgain()).failures).toEqual([]);
    await flaky.down();
    await eventually(() => expect(k8s.failures().map((f) => f.cluster)).toEqual(['flaky']), 30_000);
    const failing = await dash();
    expect(failing.hit).toBe(false);
    expect(failing.page.failures).toEqual([
      expect.objectContaining({ provider: 'KUBERNETES', cluster: 'flaky' }),
    ]);
    // Kept while it lasts (the message may change as the retries fail differently: re-read).
    expect((await cachedAgain()).failures.map((f) => f.cluster)).toEqual(['flaky']);

    await flaky.up();
    await eventually(() => expect(k8s.failures()).toEqual([]), 60_000, 50);
    const back = await dash();
    expect(back.hit).toBe(false);
    expect(back.page.failures).toEqual([]);
  });
});
