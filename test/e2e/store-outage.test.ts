// A root field backed by the store fails alone: a query that also asks for it keeps the rest of
// its answer (a non-null root field that fails nulls the whole `data`).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { gql, TOKENS, type TestApp, startTestApp } from '../support/app.ts';
import { createScratchDatabase } from '../support/postgres.ts';

const WithStoreParts = graphql(`
  query StoreOutageParts {
    viewer {
      name
    }
    overview {
      resources {
        total
      }
    }
    recommendationAgents {
      name
    }
    costAllocation(window: "7d") {
      __typename
    }
    costTrend(window: "7d") {
      __typename
    }
  }
`);

const WithBadProofArgs = graphql(`
  query StoreOutageProofArgs {
    viewer {
      name
    }
    auditConsistencyProof(from: 5, to: 3) {
      from
    }
    verifyAuditLog(first: 501) {
      valid
    }
  }
`);

let db: Awaited<ReturnType<typeof createScratchDatabase>>;
let t: TestApp;
beforeAll(async () => {
  db = await createScratchDatabase();
  t = await startTestApp({ DATABASE_URL: db.url });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

describe('store-backed root fields', () => {
  it('are null with their error when their tables cannot be read; the rest of the answer stands', async () => {
    // Tables gone under the running server: every read of them fails in PostgreSQL.
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query('ALTER TABLE recommendation_agents RENAME TO recommendation_agents_gone');
    for (const table of ['cost_days', 'cost_workload_days', 'cost_pod_days', 'cost_node_days']) {
      await c.query(`ALTER TABLE ${table} RENAME TO ${table}_gone`);
    }
    await c.end();

    const { body } = await gql(t.url, TOKENS.operator, WithStoreParts);
    expect(body.data?.viewer.name).toBe('operator-user');
    expect(body.data?.overview.resources.total).toBeTypeOf('number');
    expect(body.data?.recommendationAgents).toBeNull();
    // Cost answers the store's failure as a member of its result union.
    expect(body.data?.costAllocation?.__typename).toBe('UnavailableError');
    expect(body.data?.costTrend?.__typename).toBe('UnavailableError');
    expect((body.errors ?? []).map((e) => e.path?.join('.'))).toEqual(['recommendationAgents']);
  });

  it('answer a refused argument as that field alone', async () => {
    const { body } = await gql(t.url, TOKENS.operator, WithBadProofArgs);
    expect(body.data?.viewer.name).toBe('operator-user');
    expect(body.data?.auditConsistencyProof).toBeNull();
    expect(body.data?.verifyAuditLog).toBeNull();
    const codes = (body.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]).sort();
    expect(codes).toEqual([
      ['auditConsistencyProof', 'VALIDATION_FAILED'],
      ['verifyAuditLog', 'VALIDATION_FAILED'],
    ]);
  });
});
