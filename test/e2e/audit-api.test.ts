import { encodeGlobalID } from '@pothos/plugin-relay';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_VERB } from '../../src/recommendations/decisions.ts';
import { graphql } from '../gql/gql.ts';
import {
  expectNoErrors,
  gql,
  present,
  startTestApp,
  TOKENS,
  type TestApp,
} from '../support/app.ts';

const Scale = graphql(`
  mutation ScaleNothing($input: ScaleResourceInput!) {
    scaleResource(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ForbiddenError {
        requiredRole
      }
      ... on ValidationError {
        fields {
          path
          message
        }
      }
      ... on ActionResult {
        dryRun
      }
    }
  }
`);

const AuditLog = graphql(`
  query AuditLogPage($filter: AuditLogFilter, $first: Int, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          status
          actor
          source
          parameters
          before
          after
          hash
          prevHash
          target {
            kind
            name
            namespace
          }
        }
      }
    }
  }
`);

const Actors = graphql(`
  query AuditActors($filter: AuditLogFilter) {
    auditLog(filter: $filter, first: 10) {
      edges {
        node {
          actor
          actorName
          actorKind
        }
      }
    }
  }
`);

const Verify = graphql(`
  query VerifyLog {
    verifyAuditLog {
      valid
      checkedEvents
      reason
    }
  }
`);

const OverviewQuery = graphql(`
  query Overview {
    overview {
      resources {
        total
      }
      status {
        name
        state
      }
      recentActions {
        action
        status
      }
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const audit = t.app.services.audit;
  for (let i = 1; i <= 5; i++) {
    const e = await audit.recordIntent({
      actor: 'operator-user',
      actorRole: 'operator',
      source: i === 5 ? 'CHATOPS' : 'API',
      action: 'scale',
      verb: 'scale',
      target: {
        id: `k8s:lab:DEPLOYMENT:shop:web`,
        provider: 'KUBERNETES',
        kind: 'DEPLOYMENT',
        cluster: 'lab',
        namespace: 'shop',
        name: 'web',
      },
      parameters: { replicas: i },
      dryRun: false,
      requestId: null,
      idempotencyKey: null,
      inputHash: null,
      reverts: null,
      instanceId: 'seed',
    });
    await audit.recordOutcome(e.id, {
      status: i === 3 ? 'FAILED' : 'SUCCEEDED',
      error: i === 3 ? { code: 'CONFLICT', message: 'changed' } : null,
      before: { replicas: i - 1 },
      after: { replicas: i },
      message: null,
      durationMs: 3,
    });
  }
});
afterAll(async () => {
  await t.close();
});

describe('action mutations refuse bad input as typed results', () => {
  const someId = encodeGlobalID('Resource', 'k8s:lab:DEPLOYMENT:shop:web');

  it('ForbiddenError for a viewer, before anything else', async () => {
    const { body } = await gql(t.url, TOKENS.viewer, Scale, { input: { id: someId, replicas: 2 } });
    expect(expectNoErrors(body).scaleResource).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
      message: 'viewer-user (viewer) may not scale; it needs the operator role',
      requiredRole: 'OPERATOR',
    });
  });

  it('a field above the role is refused naming the role that allows it', async () => {
    const { body } = await gql(t.url, TOKENS.viewer, Verify);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredRole: 'operator',
    });
  });

  it('ValidationError for negative and absurd replica counts', async () => {
    for (const replicas of [-1, 1_000_000]) {
      const { body } = await gql(t.url, TOKENS.operator, Scale, {
        input: { id: someId, replicas },
      });
      const r = expectNoErrors(body).scaleResource;
      expect(r.__typename).toBe('ValidationError');
      expect(r).toMatchObject({ fields: [{ path: 'replicas' }] });
    }
  });

  it('ValidationError for an id that is not a resource id', async () => {
    const { body } = await gql(t.url, TOKENS.operator, Scale, {
      input: { id: 'garbage', replicas: 2 },
    });
    expect(expectNoErrors(body).scaleResource.__typename).toBe('ValidationError');
  });

  it('NotFoundError for a resource that does not exist', async () => {
    const { body } = await gql(t.url, TOKENS.operator, Scale, {
      input: { id: someId, replicas: 2 },
    });
    expect(expectNoErrors(body).scaleResource.__typename).toBe('NotFoundError');
  });

  it('records nothing for refused input', async () => {
    expect(await t.app.services.audit.count({})).toBe(5);
  });
});

describe('audit log over GraphQL', () => {
  it('filters like the old GET /logs?type=scale&status=completed', async () => {
    const { body } = await gql(t.url, TOKENS.viewer, AuditLog, {
      filter: { actions: ['SCALE'], statuses: ['SUCCEEDED'] },
    });
    const log = present(expectNoErrors(body).auditLog);
    expect(log.totalCount).toBe(4);
    expect(log.edges.map((e) => e.node.parameters)).toEqual([
      { replicas: 5 },
      { replicas: 4 },
      { replicas: 2 },
      { replicas: 1 },
    ]);
    expect(log.edges[0]?.node).toMatchObject({
      source: 'CHATOPS',
      target: { kind: 'DEPLOYMENT', name: 'web' },
    });
  });

  it('pages newest first with cursors', async () => {
    const first = present(
      expectNoErrors((await gql(t.url, TOKENS.viewer, AuditLog, { first: 2 })).body).auditLog,
    );
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = present(
      expectNoErrors(
        (await gql(t.url, TOKENS.viewer, AuditLog, { first: 2, after: first.pageInfo.endCursor }))
          .body,
      ).auditLog,
    );
    expect(next.edges.map((e) => (e.node.parameters as { replicas: number }).replicas)).toEqual([
      3, 2,
    ]);
  });

  it('refuses since after until', async () => {
    const { body } = await gql(t.url, TOKENS.viewer, AuditLog, {
      filter: { since: '2030-01-01T00:00:00Z', until: '2020-01-01T00:00:00Z' },
    });
    expect(body.errors?.[0]?.message).toMatch(/since is after until/);
  });

  it('verifies the chain for operators, not viewers', async () => {
    const denied = await gql(t.url, TOKENS.viewer, Verify);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = expectNoErrors((await gql(t.url, TOKENS.operator, Verify)).body);
    expect(ok.verifyAuditLog).toEqual({ valid: true, checkedEvents: 5, reason: null });
  });

  it('shows recent actions and counts in the overview', async () => {
    const o = expectNoErrors((await gql(t.url, TOKENS.viewer, OverviewQuery)).body).overview;
    expect(o.recentActions).toHaveLength(5);
    expect(o.status.map((s) => s.name)).toContain('database');
  });

  it('streams new audit events to subscribers', async () => {
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 0,
    });
    const received = new Promise<unknown>((resolve, reject) => {
      const dispose = client.subscribe(
        {
          query: 'subscription { auditEvents(filter: {actions: [STOP]}) { action actor status } }',
        },
        {
          next: (v) => {
            resolve(v);
            dispose();
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    const [restart, stop] = await t.app.services.audit.list({}, 2);
    await t.app.services.events.append('auditEvents', { ...restart, action: 'restart' });
    await t.app.services.events.append('auditEvents', { ...stop, action: 'stop', actor: 'y' });
    const got = await received;
    expect(got).toEqual({
      data: { auditEvents: { action: 'STOP', actor: 'y', status: 'SUCCEEDED' } },
    });
    await client.dispose();
  });

  it('names who asked: a person by subject and name, a token, an agent, the orchestrator', async () => {
    const audit = t.app.services.audit;
    const asked = [
      { actor: 'oidc:u-alice', actorName: 'Alice Operator', actorRole: 'operator', source: 'API' },
      { actor: 'operator-user', actorRole: 'operator', source: 'API' },
      { actor: 'rightsizer', actorRole: 'agent', source: 'AGENT' },
      { actor: 'orchestrator', actorRole: 'admin', source: 'SYSTEM' },
    ] as const;
    for (const a of asked) {
      await audit.recordIntent({
        ...a,
        action: 'reject_recommendation',
        verb: NO_VERB,
        target: null,
        parameters: {},
        dryRun: false,
        requestId: null,
        idempotencyKey: null,
        inputHash: null,
        reverts: null,
        instanceId: 'seed',
      });
    }
    const { body } = await gql(t.url, TOKENS.viewer, Actors, {
      filter: { actions: ['REJECT_RECOMMENDATION'] },
    });
    const nodes = present(expectNoErrors(body).auditLog).edges.map((e) => e.node);
    expect(nodes.sort((a, b) => a.actor.localeCompare(b.actor))).toEqual([
      { actor: 'oidc:u-alice', actorName: 'Alice Operator', actorKind: 'PERSON' },
      { actor: 'operator-user', actorName: 'operator-user', actorKind: 'TOKEN' },
      { actor: 'orchestrator', actorName: 'orchestrator', actorKind: 'SYSTEM' },
      { actor: 'rightsizer', actorName: 'rightsizer', actorKind: 'AGENT' },
    ]);
  });
});
