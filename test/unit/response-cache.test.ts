// Which documents the response cache keeps (only fields read from the providers' caches, the
// latest metrics and the providers' failures) and what each reads, and how its entries live:
// while the versions of what they read stay, bounded by the bytes of their JSON.
// What it serves against a real cluster (invalidation by watch events, per-viewer separation):
// test/integration/response-cache.test.ts.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.ts';
import {
  FAILURES,
  METRICS,
  readsOfDocument,
  RESOURCES,
  ResponseCache,
} from '../../src/server/response-cache.ts';
import { DASH_RESOURCES, DASHBOARD } from '../bench/http-load.ts';

const kept = (text: string) => readsOfDocument(schema, parse(text)) !== null;

describe('which documents are kept', () => {
  it("keeps the dashboard's pod page and resource fields asked on any kind", () => {
    expect(kept(DASHBOARD)).toBe(true);
    expect(
      kept(`query { resources(first: 5) { pageInfo { hasNextPage endCursor } edges { cursor node {
        id name labels { key value } ... on Node { id } ... on Ec2Instance { state createdAt }
        ... on StatefulSet { readyReplicas } } } } }`),
    ).toBe(true);
    expect(kept(`query($all: Boolean!) { resources { totalCount @include(if: $all) } }`)).toBe(
      true,
    );
  });

  it("keeps the dashboard's own resource list, which reads the latest metrics and the failures", () => {
    const reads = (text: string) => readsOfDocument(schema, parse(text));
    expect(reads(DASH_RESOURCES)).toBe(RESOURCES | METRICS | FAILURES);
    expect(reads(DASHBOARD)).toBe(RESOURCES);
    expect(reads(`{ resources { edges { node { ... on Pod { memoryUsage } } } } }`)).toBe(
      RESOURCES | METRICS,
    );
    expect(reads(`{ resources { failures { provider cluster message } } }`)).toBe(
      RESOURCES | FAILURES,
    );
  });

  it('executes every query that reads anything else', () => {
    // Metrics other than the latest usage (Prometheus, rollups), RBAC answers, the database.
    expect(kept(`{ resources { edges { node { usage { cpuRequest } } } } }`)).toBe(false);
    expect(kept(`{ clusterSummary { cpuUsage } }`)).toBe(false);
    expect(kept(`{ resources { edges { node { can(verb: SCALE) { allowed } } } } }`)).toBe(false);
    expect(
      kept(`{ resources { edges { node { ... on Pod { auditLog { totalCount } } } } } }`),
    ).toBe(false);
    expect(kept(`{ resources { edges { node { ... on Pod { events { message } } } } } }`)).toBe(
      false,
    );
    expect(kept(`{ status { version } }`)).toBe(false);
    // A field that is not kept anywhere in the document, even in an unused fragment.
    expect(kept(`{ resources { totalCount } } fragment F on Resource { usage { cpuLimit } }`)).toBe(
      false,
    );
    // Not a query.
    expect(kept(`subscription { resourceEvents { resource { id } } }`)).toBe(false);
  });
});

describe('ResponseCache', () => {
  const result = (n: number) => ({ data: { n, pad: 'x'.repeat(100) } });
  /** Versions the tests move by hand, as watch events, metrics ticks and failures would. */
  const sources = () => ({
    providers: { version: 1 as number | undefined, failuresVersion: 1 as number | undefined },
    metrics: { version: 1 },
  });

  it('serves an answer only while what it read is at the version it was computed at', () => {
    const v = sources();
    const cache = new ResponseCache(1 << 20, v);
    const at = () => cache.stamp() ?? [0, 0, 0];
    const pods = cache.set('pods', at(), RESOURCES, result(1));
    expect((pods as { stringify?: () => string }).stringify?.()).toBe(JSON.stringify(result(1)));
    cache.set('usage', at(), RESOURCES | METRICS, result(2));
    cache.set('failures', at(), RESOURCES | FAILURES, result(3));
    expect(cache.get('pods')).toBe(pods);
    expect(cache.get('other')).toBeUndefined();
    // A metrics tick drops the answer that shows usage, and only it.
    v.metrics.version++;
    expect(cache.get('usage')).toBeUndefined();
    expect(cache.get('pods')).toBe(pods);
    expect(cache.get('failures')).toBeDefined();
    // A failure that appears or goes drops the answers that name failures.
    v.providers.failuresVersion = 2;
    expect(cache.get('failures')).toBeUndefined();
    expect(cache.get('pods')).toBe(pods);
    // A watch event drops everything read from the caches.
    v.providers.version = 2;
    expect(cache.get('pods')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    // An answer computed while a source it read moved is not kept.
    const before = at();
    v.metrics.version++;
    expect(cache.set('usage', before, RESOURCES | METRICS, result(4))).toBeUndefined();
    expect(cache.set('pods', before, RESOURCES, result(5))).toBeDefined();
    // A provider without a version: nothing is kept.
    v.providers.version = undefined;
    expect(cache.stamp()).toBeUndefined();
    expect(cache.get('pods')).toBeUndefined();
  });

  it('holds at most its bytes, dropping the least recently used', () => {
    const cache = new ResponseCache(2000, sources());
    const at = cache.stamp() ?? [0, 0, 0];
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, at, RESOURCES, result(i));
    expect(cache.size.bytes).toBeLessThanOrEqual(2000);
    expect(cache.get('k19')).toBeDefined();
    expect(cache.get('k0')).toBeUndefined();
    // An answer over an eighth of the budget is served once, never kept.
    cache.set('big', at, RESOURCES, { data: { pad: 'x'.repeat(300) } });
    expect(cache.get('big')).toBeUndefined();
  });
});
