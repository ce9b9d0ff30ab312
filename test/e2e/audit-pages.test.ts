// The audit log pages both ways over the real store (PGlite and PostgreSQL): forward to older
// actions with first/after, backward to newer ones with last/before (Relay's backward
// pagination), newest first either way, one statement per page.
import { execute, type ExecutionResult } from 'graphql';
import type { ResultOf, TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.ts';
import { AuditStore } from '../../src/audit/store.ts';
import type { IntentInput } from '../../src/audit/chain-tables.ts';
import { createContext } from '../../src/graphql/context.ts';
import { resourceGlobalId } from '../../src/graphql/resources.ts';
import { schema } from '../../src/graphql/schema.ts';
import { createLogger } from '../../src/logger.ts';
import type { Resource } from '../../src/providers/provider.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, present } from '../support/app.ts';
import { STORES } from '../support/stores.ts';
import { FixtureProvider } from '../unit/chat-fixtures.ts';

const AuditPage = graphql(`
  query AuditPage($first: Int, $after: String, $last: Int, $before: String) {
    auditLog(first: $first, after: $after, last: $last, before: $before) {
      edges {
        cursor
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

const ResourceAuditPage = graphql(`
  query ResourceAuditPage($id: ID!, $last: Int, $before: String) {
    node(id: $id) {
      ... on Resource {
        auditLog(last: $last, before: $before) {
          edges {
            node {
              id
            }
          }
          pageInfo {
            hasNextPage
            hasPreviousPage
          }
        }
      }
    }
  }
`);

function intent(target: Resource, n: number): IntentInput {
  return {
    actor: 'ada',
    actorRole: 'operator',
    source: 'API',
    action: 'scale',
    verb: 'scale',
    target: {
      id: target.id,
      provider: 'KUBERNETES',
      kind: target.kind,
      cluster: target.cluster,
      namespace: target.namespace,
      name: target.name,
    },
    parameters: { replicas: n },
    dryRun: false,
    requestId: null,
    idempotencyKey: null,
    inputHash: null,
    reverts: null,
    instanceId: 'test',
  };
}

describe.each(STORES)('audit log pages on $kind', (target) => {
  let cleanup: () => Promise<void>;
  let services: Services;
  let statements = 0;
  let resource: Resource;

  beforeAll(async () => {
    const opened = await target.open();
    cleanup = opened.cleanup;
    const db = {
      ...opened.db,
      kind: opened.db.kind,
      query: ((sql, params) => {
        statements++;
        return opened.db.query(sql, params);
      }) as typeof opened.db.query,
    };
    const provider = new FixtureProvider();
    resource = present(provider.resources.find((r) => r.kind === 'DEPLOYMENT'));
    const other = present(provider.resources.find((r) => r.kind === 'POD'));
    const audit = new AuditStore(db);
    // Seven actions, every other one (the 2nd, 4th and 6th recorded) about `resource`.
    for (let i = 0; i < 7; i++) {
      await audit.recordIntent(intent(i % 2 ? resource : other, i));
      // Apart in time, so that the order written is the order read.
      await new Promise((r) => setTimeout(r, 3));
    }
    services = { audit, providers: new ProviderRegistry([provider]) } as unknown as Services;
  }, 300_000);

  afterAll(async () => {
    await cleanup?.();
  });

  async function run<R, V>(
    document: TypedDocumentNode<R, V>,
    variables: V,
  ): Promise<ExecutionResult<R>> {
    return (await execute({
      schema,
      document,
      variableValues: variables as Record<string, unknown>,
      contextValue: createContext(
        { viewer: { name: 'v', role: 'viewer' }, requestId: 'r', log: createLogger('silent') },
        services,
      ),
    })) as ExecutionResult<R>;
  }

  const ids = (log: { edges: { node: { id: string } }[] }) => log.edges.map((x) => x.node.id);
  const page = async (v: Parameters<typeof run<ResultOf<typeof AuditPage>, object>>[1]) =>
    present(expectNoErrors(await run(AuditPage, v)).auditLog);

  it('reads the oldest actions with last alone, newest first', async () => {
    const log = await page({ last: 3 });
    // The global ids are opaque; compare them with the ones a forward read gives.
    const all = ids(await page({ first: 7 }));
    expect(all).toHaveLength(7);
    expect(ids(log)).toEqual(all.slice(4));
    expect(log.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it('pages back toward newer actions from a page with last/before, one statement a page', async () => {
    const all = ids(await page({ first: 7 }));
    const first = await page({ first: 3 });
    const second = await page({ first: 3, after: first.pageInfo.endCursor });
    expect(ids(second)).toEqual(all.slice(3, 6));

    statements = 0;
    const back = await page({ last: 2, before: second.pageInfo.startCursor });
    expect(statements).toBe(1);
    // The two just newer than the second page's first action, newest first.
    expect(ids(back)).toEqual(all.slice(1, 3));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(back.pageInfo.startCursor).toBe(back.edges[0]?.cursor);

    const newest = await page({ last: 2, before: back.pageInfo.startCursor });
    expect(ids(newest)).toEqual(all.slice(0, 1));
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });

    // Backward pages end where forward ones begin: the newest action, its cursor as after's.
    const again = await page({ first: 1 });
    expect(again.edges[0]?.cursor).toBe(newest.edges[0]?.cursor);
  });

  it("pages a resource's own log backward too", async () => {
    const id = resourceGlobalId(resource.kind, resource.id);
    const data = expectNoErrors(await run(ResourceAuditPage, { id, last: 2 }));
    const log = present(present(data.node && 'auditLog' in data.node ? data.node : null).auditLog);
    // Its three actions are the 2nd, 4th and 6th recorded: the oldest two, newest first.
    expect(log.edges).toHaveLength(2);
    const forward = ids(await page({ first: 7 }));
    expect(ids(log).map((x) => forward.indexOf(x))).toEqual([3, 5]);
    expect(log.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it('refuses last out of bounds, a mix of directions and a foreign cursor', async () => {
    const refused = async (v: object, message: RegExp) => {
      const r = await run(AuditPage, v);
      expect(r.data?.auditLog).toBeNull();
      expect(r.errors?.[0]?.message).toMatch(message);
    };
    await refused({ last: 1001 }, /^last must be between 0 and 1000$/);
    await refused({ last: -1 }, /^last must be between 0 and 1000$/);
    await refused({ first: 2, last: 2 }, /not both/);
    const { pageInfo } = await page({ first: 1 });
    await refused({ first: 2, before: pageInfo.endCursor }, /not both/);
    await refused({ last: 2, after: pageInfo.endCursor }, /not both/);
    await refused({ last: 2, before: 'bm90LWEtY3Vyc29y' }, /^Invalid cursor$/);
  });
});
