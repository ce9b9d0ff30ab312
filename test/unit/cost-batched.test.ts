// Resource.cost is batched: a page of resources costs one allocation per kind of resource on
// it (namespaces, nodes, pods, workloads), the same SQL statements for 10 pods as for 100, and
// each resource gets its own figures (the hand-computed case of test/support/cost-case.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { execute } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.ts';
import { CostAllocator } from '../../src/cost/allocation.ts';
import { CostService } from '../../src/cost/service.ts';
import { createContext } from '../../src/graphql/context.ts';
import { schema } from '../../src/graphql/schema.ts';
import { createLogger } from '../../src/logger.ts';
import { HOUR } from '../../src/metrics/rollups.ts';
import type { Resource, ResourceKind } from '../../src/providers/provider.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { graphql } from '../gql/gql.ts';
import { counting } from '../support/counting-db.ts';
import { N1, P1, P2, seedCostCase } from '../support/cost-case.ts';
import { FixtureProvider } from './chat-fixtures.ts';

const D = Date.UTC(2026, 10, 20);
const NOW = D + 10.5 * HOUR;

const COST_PAGE = graphql(`
  query CostPage($first: Int!, $kinds: [ResourceKind!]) {
    resources(first: $first, filter: { kinds: $kinds, clusters: ["c1"] }) {
      edges {
        node {
          kind
          namespace
          name
          cost(window: "2h") {
            totalCost
            hours
            unpricedReasons
          }
        }
      }
    }
  }
`);

type PageData = ResultOf<typeof COST_PAGE>;

const resource = (kind: ResourceKind, name: string, namespace: string | null): Resource => ({
  id: `k8s:c1:${kind}:${namespace ?? ''}:${name}`,
  provider: 'KUBERNETES',
  kind,
  cluster: 'c1',
  namespace,
  name,
  state: 'RUNNING',
  labels: {},
  createdAt: null,
  object: {},
});

describe('Resource.cost over a page', () => {
  let dataDir: string;
  let raw: Database;
  let count: ReturnType<typeof counting>;
  let services: Services;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'oi-cost-batched-'));
    raw = await openDatabase({ dataDir });
    await migrate(raw);
    const { inventory, prices } = await seedCostCase(raw, D + 8 * HOUR);
    count = counting(raw);
    const provider = new FixtureProvider();
    provider.resources = [
      resource('POD', 'p1', 'shop'),
      resource('POD', 'p2', 'shop'),
      resource('POD', 'p3', 'batch'),
      // Pods without rollups: they cost nothing.
      ...Array.from({ length: 120 }, (_, i) =>
        resource('POD', `z-${String(i).padStart(3, '0')}`, 'shop'),
      ),
      resource('NAMESPACE', 'shop', null),
      resource('NAMESPACE', 'batch', null),
      resource('NODE', 'n1', null),
      resource('DEPLOYMENT', 'checkout', 'shop'),
      resource('STATEFULSET', 'db', 'shop'),
      resource('SERVICE', 'checkout', 'shop'),
    ];
    const providers = new ProviderRegistry([provider]);
    const cost = new CostService({
      allocator: new CostAllocator(count.db),
      inventory,
      prices,
      providers,
      now: () => NOW,
    });
    services = { providers, cost } as unknown as Services;
    // Generous: opening and migrating a database is slow on a loaded machine (not a timing test).
  }, 300_000);

  afterAll(async () => {
    await raw?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function page(
    first: number,
    kinds: ResourceKind[] | null,
  ): Promise<{ data: PageData; statements: number }> {
    const before = count.statements();
    const result = await execute({
      schema,
      document: COST_PAGE,
      variableValues: { first, kinds },
      contextValue: createContext(
        { viewer: { name: 'v', role: 'viewer' }, requestId: 'r', log: createLogger('silent') },
        services,
      ),
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return { data: result.data as PageData, statements: count.statements() - before };
  }

  it('costs the same number of SQL statements for 10 pods as for 100', async () => {
    const ten = await page(10, ['POD']);
    const hundred = await page(100, ['POD']);
    expect(hundred.data.resources.edges).toHaveLength(100);
    // One allocation: the rollups' frontier, the pods' rows, the nodes' costs, the totals.
    expect(hundred.statements).toBeLessThanOrEqual(4);
    expect(hundred.statements).toBe(ten.statements);
  });

  it('gives each resource its own cost; kinds without one get null', async () => {
    const { data, statements } = await page(200, null);
    const key = (kind: string, name: string, ns: string | null | undefined) =>
      `${kind}/${ns ?? ''}/${name}`;
    const cost = new Map(
      data.resources.edges.map((e) => [
        key(e.node.kind, e.node.name, e.node.namespace),
        e.node.cost,
      ]),
    );
    const of = (kind: ResourceKind, name: string, ns: string | null) => {
      const k = key(kind, name, ns);
      expect(cost.has(k), k).toBe(true);
      return cost.get(k);
    };
    expect(of('POD', 'p1', 'shop')?.totalCost).toBeCloseTo(P1, 9);
    expect(of('POD', 'p2', 'shop')?.totalCost).toBeCloseTo(P2, 9);
    expect(of('POD', 'z-007', 'shop')).toEqual({ totalCost: 0, hours: 0, unpricedReasons: [] });
    // p3 ran only on the unpriced node: no figure, and why.
    expect(of('POD', 'p3', 'batch')).toEqual({
      totalCost: null,
      hours: 2,
      unpricedReasons: ['no node.kubernetes.io/instance-type label'],
    });
    expect(of('NAMESPACE', 'shop', null)?.totalCost).toBeCloseTo(P1 + P2, 9);
    // A node: its pods and its idle, i.e. its price over the two hours.
    expect(of('NODE', 'n1', null)?.totalCost).toBeCloseTo(N1, 9);
    expect(of('DEPLOYMENT', 'checkout', 'shop')?.totalCost).toBeCloseTo(P1, 9);
    expect(of('STATEFULSET', 'db', 'shop')?.totalCost).toBeCloseTo(P2, 9);
    expect(of('SERVICE', 'checkout', 'shop')).toBeNull();
    // Four kinds with a cost on the page: four allocations, whatever the page's size.
    expect(statements).toBeLessThanOrEqual(16);
  });
});
