// Cost over GraphQL (HTTP, token auth, the app's own PGlite): the hand-computed case of
// test/support/cost-case.ts through costAllocation, costTrend and overview.cost, and bad
// input as a ValidationError.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import {
  expectNoErrors,
  expectTypename,
  gql,
  present,
  startTestApp,
  TOKENS,
  type TestApp,
} from '../support/app.ts';
import { HOUR } from '../../src/metrics/rollups.ts';
import { N1, P1, P2, seedCostCase } from '../support/cost-case.ts';
import { CostQuery } from '../../src/dashboard/operations.ts';
import documents from '../../src/dashboard/gql/persisted-documents.json' with { type: 'json' };

const Allocation = graphql(`
  query CostByNamespace($window: String!, $aggregate: [String!], $shareIdle: Boolean) {
    costAllocation(window: $window, aggregate: $aggregate, shareIdle: $shareIdle) {
      __typename
      ... on CostAllocation {
        currency
        stepSeconds
        rows {
          name
          keys
          idle
          totalCost
          cpuCost
          memoryCost
          sharedIdleCost
          efficiency
          unpricedHours
          unpricedReasons
        }
        total {
          totalCost
        }
      }
      ... on ValidationError {
        message
        code
      }
    }
  }
`);

const Trend = graphql(`
  query CostTrendByNamespace {
    costTrend(window: "1h", aggregate: ["namespace"]) {
      __typename
      ... on CostTrend {
        rows {
          name
          current
          previous
          change
        }
      }
    }
    overview {
      cost {
        monthToDate
        idleMonthToDate
        savingsAvailableMonthly
      }
    }
  }
`);

describe('cost over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // The two last complete hours hold the case.
    await seedCostCase(t.app.services.db, Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR);
    // Generous: an app start is slow on a loaded machine (not a timing test).
  }, 300_000);
  afterAll(async () => t?.close());

  it('answers the hand-computed case by namespace, with idle and with shareIdle', async () => {
    const { body } = await gql(t.url, TOKENS.viewer, Allocation, {
      window: '2h',
      aggregate: ['namespace'],
    });
    const a = expectTypename(expectNoErrors(body).costAllocation, 'CostAllocation');
    expect(a.currency).toBe('USD');
    expect(a.stepSeconds).toBe(7200);
    const by = new Map(a.rows.map((r) => [r.name, r]));
    expect(present(by.get('shop')?.totalCost)).toBeCloseTo(P1 + P2, 9);
    expect(by.get('shop')?.keys).toEqual(['shop']);
    expect(present(by.get('__idle__')?.totalCost)).toBeCloseTo(N1 - P1 - P2, 9);
    expect(by.get('batch')?.totalCost).toBeNull();
    expect(by.get('batch')?.unpricedReasons).toEqual(['no node.kubernetes.io/instance-type label']);
    expect(present(a.total.totalCost)).toBeCloseTo(N1, 9);

    const shared = await gql(t.url, TOKENS.viewer, Allocation, {
      window: '2h',
      aggregate: ['namespace'],
      shareIdle: true,
    });
    const s = expectTypename(expectNoErrors(shared.body).costAllocation, 'CostAllocation');
    expect(s.rows.some((r) => r.idle)).toBe(false);
    expect(present(s.rows.find((r) => r.name === 'shop')?.totalCost)).toBeCloseTo(N1, 9);
  });

  it('refuses a bad window or aggregate as a ValidationError', async () => {
    for (const vars of [{ window: 'yesterday' }, { window: '2h', aggregate: ['team'] }]) {
      const { body } = await gql(t.url, TOKENS.viewer, Allocation, vars);
      const e = expectTypename(expectNoErrors(body).costAllocation, 'ValidationError');
      expect(e.code).toBe('VALIDATION_FAILED');
    }
  });

  it('compares with the hour before, and totals the month in the overview', async () => {
    const { body } = await gql(t.url, TOKENS.viewer, Trend);
    const data = expectNoErrors(body);
    const trend = expectTypename(data.costTrend, 'CostTrend');
    const shop = present(trend.rows.find((r) => r.name === 'shop'));
    // p2 was there for half of the last hour and all of the one before.
    expect(shop.change).toBeLessThan(0);
    expect(present(data.overview.cost).savingsAvailableMonthly).toBe(0);
  });

  it('answers the dashboard’s cost view query (its persisted document) with the case', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.viewer}` },
      body: JSON.stringify({
        // As the dashboard sends it: the text its manifest holds for the document's hash.
        query: (documents as Record<string, string>)[
          (CostQuery as unknown as { __meta__: { hash: string } }).__meta__.hash
        ],
        variables: { window: '2h', aggregate: ['namespace'] },
      }),
    });
    const body = (await res.json()) as {
      errors?: unknown;
      data: {
        costAllocation: { __typename: string; rows: { name: string; totalCost: number | null }[] };
        overview: { cost: { monthToDate: number } | null };
      };
    };
    expect(body.errors).toBeUndefined();
    expect(body.data.costAllocation.__typename).toBe('CostAllocation');
    const shop = body.data.costAllocation.rows.find((r) => r.name === 'shop');
    expect(shop?.totalCost).toBeCloseTo(P1 + P2, 9);
    expect(body.data.overview.cost?.monthToDate).toBeGreaterThan(0);
  });
});
