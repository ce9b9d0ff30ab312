import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactEndpoints } from '../../src/audit/redact.ts';
import { ProviderError, ValidationError } from '../../src/errors.ts';
import { graphql } from '../gql/gql.ts';
import {
  API_TOKENS,
  expectNoErrors,
  gql,
  present,
  TOKENS,
  startTestApp,
  type TestApp,
} from '../support/app.ts';
import { auditIntent, provenEvents } from '../support/audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('provider errors in the audit log keep internal endpoints out', () => {
  it('redacts URLs, IPv4 and IPv6 addresses and host names, keeping the rest', () => {
    const cases: [string, string][] = [
      [
        'cluster lab unreachable during scale deployment shop/web: request to https://10.0.3.7:6443/apis/apps/v1/namespaces/shop/deployments/web failed',
        'cluster lab unreachable during scale deployment shop/web: request to <url> failed',
      ],
      ['connect ECONNREFUSED 10.0.3.7:6443', 'connect ECONNREFUSED <address>'],
      ['connect ECONNREFUSED [fd00:ec2::254]:443', 'connect ECONNREFUSED <address>'],
      ['connect ECONNREFUSED fe80::1%eth0', 'connect ECONNREFUSED <address>'],
      ['getaddrinfo ENOTFOUND kube-api.prod.example.com', 'getaddrinfo ENOTFOUND <host>'],
      ['dial tcp: lookup etcd-0.etcd on 10.96.0.10:53', 'dial tcp: lookup <host> on <address>'],
      ['proxy kube.prod.example.com:8443 refused', 'proxy <host> refused'],
      ['metadata server ip-10-0-0-12.ec2.internal timed out', 'metadata server <host> timed out'],
      // Not endpoints: Kubernetes resource names, versions, times.
      [
        'deployments.apps "web" not found at 19:44:58 (v1.31.0)',
        'deployments.apps "web" not found at 19:44:58 (v1.31.0)',
      ],
    ];
    for (const [input, expected] of cases) expect(redactEndpoints(input)).toBe(expected);
  });

  it('records the redacted text, which a viewer reads with its proof over GraphQL', async () => {
    const secretUrl = 'https://kube-api.corp.example:6443/api/v1/namespaces/shop/pods';
    const intent = auditIntent(1, { action: 'restart', verb: 'restart' });
    const result = await t.app.services.actions.record(
      {
        ...intent,
        params: {},
        recorded: {},
        viewer: { name: 'operator-user', role: 'operator' },
      },
      () => {
        throw new ProviderError('kubernetes', `restart failed: GET ${secretUrl} (10.1.2.3)`);
      },
    );
    expect(result).toBeInstanceOf(ProviderError);
    // The caller gets what the log keeps (an idempotent replay gives the same).
    expect((result as ProviderError).message).toBe('restart failed: GET <url> (<address>)');

    await t.app.services.actions.record(
      {
        ...auditIntent(2),
        params: {},
        recorded: {},
        viewer: { name: 'operator-user', role: 'operator' },
      },
      () => {
        throw new ValidationError('refused by 192.168.7.7', [
          { path: 'replicas', message: 'quota at https://quota.internal/' },
        ]);
      },
    );

    const events = await provenEvents(t.url, TOKENS.viewer, { statuses: ['FAILED'] });
    expect(events.map((e) => e.error)).toEqual([
      { code: 'VALIDATION_FAILED', message: 'refused by <address>' },
      { code: 'PROVIDER_ERROR', message: 'restart failed: GET <url> (<address>)' },
    ]);
    // What was hashed and proven is the redacted text too: the secret is nowhere in the log.
    const records = events.flatMap((e) => e.inclusionProof!.leaves.map((l) => l.record));
    expect(records.join('\n')).not.toMatch(/corp\.example|10\.1\.2\.3|192\.168|quota\.internal/);
  });
});

const Register = graphql(`
  mutation AuditedRegisterAgent($input: RegisterAgentInput!) {
    registerAgent(input: $input) {
      __typename
      ... on Error {
        code
      }
      ... on RegisterAgentSuccess {
        agent {
          name
        }
        auditEvent {
          id
          action
        }
      }
    }
  }
`);

const Remove = graphql(`
  mutation AuditedRemoveAgent($input: RemoveAgentInput!) {
    removeAgent(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on RemoveAgentSuccess {
        agent {
          name
        }
        auditEvent {
          id
        }
      }
    }
  }
`);

const Agents = graphql(`
  query AuditedAgents {
    recommendationAgents {
      name
      url
    }
  }
`);

const Submit = graphql(`
  mutation AuditedSubmit($input: SubmitRecommendationsInput!) {
    submitRecommendations(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on SubmitRecommendationsSuccess {
        auditEvent {
          id
          actor
          source
        }
      }
    }
  }
`);

const Heartbeat = graphql(`
  mutation AuditedHeartbeat {
    agentHeartbeat {
      __typename
      ... on AgentHeartbeatSuccess {
        agent {
          name
        }
      }
    }
  }
`);

const Run = graphql(`
  mutation AuditedRun {
    runRecommendations {
      __typename
      ... on RunRecommendationsSuccess {
        run {
          workloads
        }
        auditEvent {
          id
          action
        }
      }
    }
  }
`);

describe('changes to the orchestrator itself are audited, and agents have their own role', () => {
  const AGENT = 'agent-secret-0123456789';
  const NAMED_VIEWER = 'named-viewer-secret-0123456789';
  let a: TestApp;
  beforeAll(async () => {
    a = await startTestApp({
      API_TOKENS: `${API_TOKENS},probe:agent:${AGENT},lookalike:viewer:${NAMED_VIEWER}`,
    });
  });
  afterAll(async () => {
    await a.close();
  });
  const call = async <R, V>(token: string, doc: TypedDocumentNode<R, V>, vars?: V) =>
    expectNoErrors((await gql(a.url, token, doc, vars)).body);

  it('records registerAgent with who registered what, proven in a signed checkpoint', async () => {
    for (const name of ['probe', 'lookalike']) {
      const r = (await call(TOKENS.admin, Register, { input: { name, url: null } })).registerAgent;
      expect(r).toMatchObject({ __typename: 'RegisterAgentSuccess', agent: { name } });
    }
    const viewer = await gql(a.url, TOKENS.viewer, Register, { input: { name: 'x' } });
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [e] = await provenEvents(a.url, TOKENS.viewer, { actions: ['REGISTER_AGENT'] });
    expect(e).toMatchObject({
      actor: 'admin-user',
      source: 'API',
      status: 'SUCCEEDED',
      target: null,
      parameters: { name: 'lookalike', url: null, capabilities: [] },
    });
  });

  it('lets only a token of role agent speak for its agent, and records each submission', async () => {
    const ok = (await call(AGENT, Submit, { input: { recommendations: [] } }))
      .submitRecommendations;
    expect(ok).toMatchObject({
      __typename: 'SubmitRecommendationsSuccess',
      auditEvent: { actor: 'probe', source: 'AGENT' },
    });
    expect((await call(AGENT, Heartbeat)).agentHeartbeat.__typename).toBe('AgentHeartbeatSuccess');
    // A viewer whose token is named like a registered agent, an operator, an agent for another.
    for (const [token, input] of [
      [NAMED_VIEWER, { recommendations: [] }],
      [TOKENS.operator, { recommendations: [] }],
      [AGENT, { agent: 'lookalike', recommendations: [] }],
    ] as const) {
      const r = (await call(token, Submit, { input })).submitRecommendations;
      expect(r).toMatchObject({ __typename: 'ForbiddenError' });
    }
    expect((await call(NAMED_VIEWER, Heartbeat)).agentHeartbeat.__typename).toBe('ForbiddenError');
    const events = await provenEvents(a.url, TOKENS.viewer, {
      actions: ['SUBMIT_RECOMMENDATIONS'],
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: ok.__typename === 'SubmitRecommendationsSuccess' ? ok.auditEvent.id : '',
      actorRole: 'AGENT',
      parameters: { agent: 'probe', count: 0, recommendations: [] },
    });
  });

  it('refuses a bad registration with a typed error before anything is recorded', async () => {
    const agents = async () => (await call(TOKENS.viewer, Agents)).recommendationAgents;
    const events = async () =>
      (await provenEvents(a.url, TOKENS.viewer, {})).map((e) => [e.id, e.status]);
    const [agentsBefore, eventsBefore] = [await agents(), await events()];
    for (const input of [
      { name: 'has space', url: null },
      { name: 'probe', url: 'ftp://files.example/' },
      { name: 'probe', url: 'not a url' },
      { name: 'probe', capabilities: ['ANALYZE!'] },
      { name: 'probe', capabilities: Array.from({ length: 21 }, (_, i) => `c${i}`) },
    ]) {
      const r = (await call(TOKENS.admin, Register, { input })).registerAgent;
      expect(r, JSON.stringify(input)).toMatchObject({
        __typename: 'ValidationError',
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await agents()).toEqual(agentsBefore);
    expect(await events()).toEqual(eventsBefore);
  });

  it('removes an agent (admin only), recorded; its token then speaks for nobody', async () => {
    const remove = async (token: string, name: string) =>
      (await gql(a.url, token, Remove, { input: { name } })).body;
    expect((await remove(TOKENS.operator, 'probe')).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const unknown = expectNoErrors(await remove(TOKENS.admin, 'nobody')).removeAgent;
    expect(unknown).toMatchObject({ __typename: 'NotFoundError' });
    expect(await provenEvents(a.url, TOKENS.viewer, { actions: ['REMOVE_AGENT'] })).toEqual([]);

    const done = expectNoErrors(await remove(TOKENS.admin, 'probe')).removeAgent;
    expect(done).toMatchObject({ __typename: 'RemoveAgentSuccess', agent: { name: 'probe' } });
    const [e] = await provenEvents(a.url, TOKENS.viewer, { actions: ['REMOVE_AGENT'] });
    expect(e).toMatchObject({
      id: done.__typename === 'RemoveAgentSuccess' ? done.auditEvent.id : '',
      actor: 'admin-user',
      status: 'SUCCEEDED',
      target: null,
      parameters: { name: 'probe' },
    });
    const names = present((await call(TOKENS.viewer, Agents)).recommendationAgents).map(
      (x) => x.name,
    );
    expect(names).not.toContain('probe');
    expect((await call(AGENT, Heartbeat)).agentHeartbeat.__typename).toBe('ForbiddenError');
    // Registered again, it works again.
    await call(TOKENS.admin, Register, { input: { name: 'probe', url: null } });
    expect((await call(AGENT, Heartbeat)).agentHeartbeat.__typename).toBe('AgentHeartbeatSuccess');
  });

  it('records runRecommendations', async () => {
    const r = (await call(TOKENS.admin, Run)).runRecommendations;
    expect(r.__typename).toBe('RunRecommendationsSuccess');
    const [e] = await provenEvents(a.url, TOKENS.viewer, { actions: ['RUN_RECOMMENDATIONS'] });
    expect(e).toMatchObject({ actor: 'admin-user', status: 'SUCCEEDED', target: null });
  });

  it('records the first admin token (name and role, never its secret)', async () => {
    const first = await startTestApp({ API_TOKENS: '' });
    try {
      const secret = first.bootstrapSecret!;
      const [e] = await provenEvents(first.url, secret, { actions: ['CREATE_TOKEN'] }, secret);
      expect(e).toMatchObject({
        actor: 'orchestrator',
        source: 'SYSTEM',
        parameters: { name: 'admin', role: 'admin' },
      });
      const leaves = e!.inclusionProof!.leaves.map((l) => l.record).join('\n');
      expect(leaves).not.toContain(secret);
    } finally {
      await first.close();
    }
  });
});
