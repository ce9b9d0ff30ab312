import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import {
  expectErrorCode,
  expectNoErrors,
  gql,
  startTestApp,
  TOKENS,
  type TestApp,
} from '../support/app.ts';

const WhoAmI = graphql(`
  query WhoAmI {
    viewer {
      name
      role
    }
    health {
      status
      version
      uptime
    }
    status {
      name
      state
      message
    }
  }
`);

const ApiTokens = graphql(`
  query ApiTokens {
    apiTokens {
      name
      role
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${TOKENS.viewer}`,
      ...headers,
    },
    body,
  });
  return {
    status: res.status,
    json: (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

describe('probes', () => {
  it('serves / and /health without a token', async () => {
    const root = (await (await fetch(`${t.url}/`)).json()) as Record<string, unknown>;
    expect(root).toEqual({
      service: 'OptiInfra Orchestrator',
      version: '0.1.0',
      status: 'running',
    });
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    const health = (await res.json()) as Record<string, unknown>;
    expect(health.status).toBe('healthy');
    expect(typeof health.uptime).toBe('number');
    expect(Date.parse(String(health.timestamp))).not.toBeNaN();
    expect(health.version).toBe('0.1.0');
  });

  it('answers /ready 200 when the store answers', async () => {
    const res = await fetch(`${t.url}/ready`);
    expect(res.status).toBe(200);
  });

  it('serves Prometheus text on /metrics only with a token', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
    await gql(t.url, TOKENS.viewer, WhoAmI);
    const res = await fetch(`${t.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKENS.viewer}` },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('optiinfra_process_cpu_seconds_total');
    expect(text).toMatch(
      /optiinfra_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/,
    );
    expect(text).toMatch(/optiinfra_graphql_operations_total\{type="query",outcome="ok"\} \d+/);
  });

  it('returns a request id and honours a sane incoming one', async () => {
    const res = await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const other = await fetch(`${t.url}/health`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('authentication and roles', () => {
  it('rejects a missing token with 401 UNAUTHENTICATED', async () => {
    const { status, body } = await gql(t.url, undefined, WhoAmI);
    expect(status).toBe(401);
    expectErrorCode(body, 'UNAUTHENTICATED');
  });

  it('rejects a wrong token with 401 and does not execute', async () => {
    const { status, body } = await gql(t.url, 'not-a-valid-secret-at-all', WhoAmI);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
  });

  it('rejects a malformed Authorization header', async () => {
    const res = await post('{"query":"{viewer{name}}"}', { authorization: 'Basic Zm9vOmJhcg==' });
    expect(res.status).toBe(401);
  });

  it('identifies each role', async () => {
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const data = expectNoErrors((await gql(t.url, TOKENS[role], WhoAmI)).body);
      expect(data.viewer).toEqual({ name: `${role}-user`, role: role.toUpperCase() });
      expect(data.health.status).toBe('healthy');
      expect(data.status.map((c) => c.name)).toEqual(
        expect.arrayContaining(['database', 'pubsub']),
      );
    }
  });

  it('denies a field to a role below it with FORBIDDEN and allows it to admin', async () => {
    const denied = await gql(t.url, TOKENS.operator, ApiTokens);
    expectErrorCode(denied.body, 'FORBIDDEN');
    expect(denied.body.data).toBeNull();
    const allowed = expectNoErrors((await gql(t.url, TOKENS.admin, ApiTokens)).body);
    expect(allowed.apiTokens).toHaveLength(3);
    expect(JSON.stringify(allowed)).not.toContain(TOKENS.admin);
  });
});

/** The media type of the GraphQL-over-HTTP spec: clients that accept it get 4xx for bad requests. */
const GRAPHQL_RESPONSE = { accept: 'application/graphql-response+json' };

describe('malformed requests get 4xx and never crash the process', () => {
  it('bad JSON -> 400', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.message).toMatch(/JSON/);
  });

  it('unknown field -> 400 naming the field', async () => {
    const res = await post(JSON.stringify({ query: '{ nope }' }), GRAPHQL_RESPONSE);
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.message).toContain('nope');
    expect(res.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('syntax error -> 400', async () => {
    const res = await post(JSON.stringify({ query: '{ viewer { ' }), GRAPHQL_RESPONSE);
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it("a client accepting only application/json gets 200 with the same errors (the spec's legacy rule)", async () => {
    const accept = { accept: 'application/json' };
    const syntax = await post(JSON.stringify({ query: '{ viewer { ' }), accept);
    expect(syntax.status).toBe(200);
    expect(syntax.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await post(JSON.stringify({ query: '{ nope }' }), accept);
    expect(unknown.status).toBe(200);
    expect(unknown.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a query that is not a string -> 400', async () => {
    const res = await post(JSON.stringify({ query: 42 }));
    expect(res.status).toBe(400);
  });

  it('a huge body -> 413 without reading it all', async () => {
    const huge = 'a'.repeat(3 * 1024 * 1024);
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('unknown path -> 404 JSON', async () => {
    const res = await fetch(`${t.url}/nope`);
    expect(res.status).toBe(404);
  });

  it('is still serving after all of that', async () => {
    const data = expectNoErrors((await gql(t.url, TOKENS.viewer, WhoAmI)).body);
    expect(data.viewer.name).toBe('viewer-user');
  });
});
