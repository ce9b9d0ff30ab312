// Closed sets are enums in the API while the store keeps what it always kept: old rows and
// names written by another version read back without failing the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction as StoredAction } from '../../src/audit/types.ts';
import type { ActionVerb } from '../../src/providers/provider.ts';
import type { Draft } from '../../src/recommendations/types.ts';
import { graphql } from '../gql/gql.ts';
import {
  expectNoErrors,
  gql,
  present,
  startTestApp,
  TOKENS,
  type TestApp,
} from '../support/app.ts';

const Events = graphql(`
  query EnumAuditEvents($filter: AuditLogFilter) {
    auditLog(filter: $filter) {
      totalCount
      edges {
        node {
          action
          verb
          actorRole
          actor
        }
      }
    }
  }
`);

const Recs = graphql(`
  query EnumRecommendations($filter: RecommendationFilter) {
    recommendations(filter: $filter) {
      edges {
        node {
          type
          customType
          source
          sourceName
          title
        }
      }
    }
  }
`);

const Chat = graphql(`
  mutation EnumChat($input: ChatInput!) {
    chat(input: $input) {
      __typename
      ... on ChatSuccess {
        intent {
          name
        }
      }
    }
  }
`);

let t: TestApp;

async function record(actor: string, action: string, verb: string, actorRole: string) {
  const e = await t.app.services.audit.recordIntent({
    actor,
    actorRole,
    source: 'API',
    // As another version of the orchestrator might have written them.
    action: action as StoredAction,
    verb: verb as ActionVerb,
    target: null,
    parameters: {},
    dryRun: false,
    requestId: null,
    idempotencyKey: null,
    inputHash: null,
    reverts: null,
    instanceId: 'seed',
  });
  await t.app.services.audit.recordOutcome(e.id, {
    status: 'SUCCEEDED',
    error: null,
    before: null,
    after: null,
    message: null,
    durationMs: 1,
  });
}

function draft(title: string, type: string, source: string): Draft {
  return {
    targetId: `k8s:lab:DEPLOYMENT:shop:${title}`,
    targetKind: 'DEPLOYMENT',
    targetName: title,
    targetNamespace: 'shop',
    type,
    title,
    summary: 'seeded',
    current: null,
    recommended: null,
    evidence: {},
    confidence: 0.5,
    estimatedMonthlySavings: null,
    risk: 'LOW',
    source,
    action: null,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  await record('today', 'scale', 'scale', 'operator');
  await record('elsewhere', 'resize_volume', 'resize', 'auditor');
  await record('agent-x', 'register_agent', 'none', 'admin');
  const store = t.app.services.recommendations.store;
  await store.upsertOpen(draft('builtin', 'REPLICAS', 'analyzer:replicas'));
  await store.upsertOpen(draft('spot', 'SPOT_CANDIDATE', 'agent:probe'));
  await store.upsertOpen(draft('legacy', 'LEGACY_IDEA', 'hand-entered'));
});
afterAll(async () => {
  await t.close();
});

describe('audit events', () => {
  it('reads stored names as enums, and names this version does not know as OTHER/null', async () => {
    const log = present(
      expectNoErrors((await gql(t.url, TOKENS.viewer, Events, {})).body).auditLog,
    );
    const byActor = Object.fromEntries(log.edges.map((e) => [e.node.actor, e.node]));
    expect(byActor.today).toEqual({
      actor: 'today',
      action: 'SCALE',
      verb: 'SCALE',
      actorRole: 'OPERATOR',
    });
    expect(byActor.elsewhere).toEqual({
      actor: 'elsewhere',
      action: 'OTHER',
      verb: null,
      actorRole: null,
    });
    // A decision runs no verb.
    expect(byActor['agent-x']).toMatchObject({ action: 'REGISTER_AGENT', verb: null });
  });

  it('filters by enum, OTHER matching every unknown name', async () => {
    const actors = async (actions: ('SCALE' | 'OTHER' | 'REGISTER_AGENT')[]) =>
      present(
        expectNoErrors((await gql(t.url, TOKENS.viewer, Events, { filter: { actions } })).body)
          .auditLog,
      )
        .edges.map((e) => e.node.actor)
        .sort();
    expect(await actors(['OTHER'])).toEqual(['elsewhere']);
    expect(await actors(['SCALE', 'OTHER'])).toEqual(['elsewhere', 'today']);
    expect(await actors(['REGISTER_AGENT'])).toEqual(['agent-x']);
  });
});

describe('recommendations', () => {
  const list = async (filter: Record<string, unknown> = {}) =>
    present(
      expectNoErrors((await gql(t.url, TOKENS.viewer, Recs, { filter })).body).recommendations,
    )
      .edges.map((e) => e.node)
      .sort((a, b) => a.title.localeCompare(b.title));

  it('reads type and source as enums with their names beside them', async () => {
    expect(await list()).toEqual([
      {
        title: 'builtin',
        type: 'REPLICAS',
        customType: null,
        source: 'ANALYZER',
        sourceName: 'replicas',
      },
      {
        title: 'legacy',
        type: 'CUSTOM',
        customType: 'LEGACY_IDEA',
        source: 'OTHER',
        sourceName: 'hand-entered',
      },
      {
        title: 'spot',
        type: 'CUSTOM',
        customType: 'SPOT_CANDIDATE',
        source: 'AGENT',
        sourceName: 'probe',
      },
    ]);
  });

  it('filters by type and source in the store, CUSTOM and OTHER included', async () => {
    const titles = async (filter: Record<string, unknown>) =>
      (await list(filter)).map((r) => r.title);
    expect(await titles({ types: ['CUSTOM'] })).toEqual(['legacy', 'spot']);
    expect(await titles({ types: ['REPLICAS'] })).toEqual(['builtin']);
    expect(await titles({ types: ['REPLICAS', 'CUSTOM'] })).toEqual(['builtin', 'legacy', 'spot']);
    expect(await titles({ sources: ['AGENT'] })).toEqual(['spot']);
    expect(await titles({ sources: ['ANALYZER', 'OTHER'] })).toEqual(['builtin', 'legacy']);
  });
});

describe('chat', () => {
  it('names the intent with an enum', async () => {
    const r = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Chat, { input: { message: 'help' } })).body,
    ).chat;
    expect(r).toEqual({ __typename: 'ChatSuccess', intent: { name: 'HELP' } });
  });
});
