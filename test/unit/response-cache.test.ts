// Which documents the response cache keeps (only fields read from the providers' caches), and
// how its entries live: one registry version at a time, bounded by the bytes of their JSON.
// What it serves against a real cluster (invalidation by watch events, per-viewer separation):
// test/integration/response-cache.test.ts.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.ts';
import { keepable, ResponseCache } from '../../src/server/response-cache.ts';
import { DASHBOARD } from '../bench/http-load.ts';

const kept = (text: string) => keepable(schema, parse(text));

describe('keepable', () => {
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

  it('executes every query that reads anything else', () => {
    // Metrics (Prometheus), provider failures (no version), RBAC answers, the database.
    expect(kept(`{ resources { edges { node { cpuUsage } } } }`)).toBe(false);
    expect(kept(`{ resources { failures { cluster } } }`)).toBe(false);
    expect(kept(`{ resources { edges { node { can(verb: SCALE) { allowed } } } } }`)).toBe(false);
    expect(
      kept(`{ resources { edges { node { ... on Pod { auditLog { totalCount } } } } } }`),
    ).toBe(false);
    expect(kept(`{ resources { edges { node { ... on Pod { events { message } } } } } }`)).toBe(
      false,
    );
    expect(kept(`{ status { version } }`)).toBe(false);
    // A field that is not kept anywhere in the document, even in an unused fragment.
    expect(kept(`{ resources { totalCount } } fragment F on Resource { cpuUsage }`)).toBe(false);
    // Not a query.
    expect(kept(`subscription { resourceEvents { resource { id } } }`)).toBe(false);
  });
});

describe('ResponseCache', () => {
  const result = (n: number) => ({ data: { n, pad: 'x'.repeat(100) } });

  it('serves an answer only at the version it was computed at, with its JSON', () => {
    const cache = new ResponseCache(1 << 20);
    const kept = cache.set('k', 7, result(1));
    expect((kept as { stringify?: () => string }).stringify?.()).toBe(JSON.stringify(result(1)));
    expect(cache.get('k', 7)).toBe(kept);
    expect(cache.get('other', 7)).toBeUndefined();
    expect(cache.get('k', 8)).toBeUndefined();
    // The first answer at a new version empties the cache of the old one.
    cache.set('j', 8, result(2));
    expect(cache.get('k', 7)).toBeUndefined();
    expect(cache.size.entries).toBe(1);
  });

  it('holds at most its bytes, dropping the least recently used', () => {
    const cache = new ResponseCache(2000);
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, 1, result(i));
    expect(cache.size.bytes).toBeLessThanOrEqual(2000);
    expect(cache.get('k19', 1)).toBeDefined();
    expect(cache.get('k0', 1)).toBeUndefined();
    // An answer over an eighth of the budget is served once, never kept.
    cache.set('big', 1, { data: { pad: 'x'.repeat(300) } });
    expect(cache.get('big', 1)).toBeUndefined();
  });
});
