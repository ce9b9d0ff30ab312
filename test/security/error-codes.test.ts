// Every error answer carries extensions.code, whatever the transport and whoever refused it
// (yoga, graphql-ws, our hooks): a client branches on the code, never on the wording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../support/app.ts';
import { spawnServer, wsConnect, type SpawnedServer } from './server.ts';

let s: SpawnedServer;
beforeAll(async () => {
  s = await spawnServer();
});
afterAll(async () => {
  await s?.stop();
});

type ErrorJson = { message: string; extensions?: Record<string, unknown> };

async function http(
  init: { method?: string; body?: string; contentType?: string },
  search = '',
): Promise<{ status: number; errors: ErrorJson[] }> {
  const res = await fetch(`${s.url}/graphql${search}`, {
    method: init.method ?? 'POST',
    headers: {
      authorization: `Bearer ${TOKENS.viewer}`,
      ...(init.body === undefined
        ? {}
        : { 'content-type': init.contentType ?? 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await res.text();
  return { status: res.status, errors: (JSON.parse(text) as { errors: ErrorJson[] }).errors };
}

const TWO_OPERATIONS = 'query A { viewer { name } } query B { viewer { role } }';
const BY_FILTER = 'query($f: AuditLogFilter) { auditLog(filter: $f, first: 1) { totalCount } }';

describe('HTTP error answers', () => {
  const cases: [string, () => ReturnType<typeof http>, number, string][] = [
    [
      'a syntax error',
      () => http({ body: JSON.stringify({ query: '{ viewer {' }) }),
      200,
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      'an unknown field',
      () => http({ body: JSON.stringify({ query: '{ viewer { nam } }' }) }),
      200,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'an operation name not in the document',
      () => http({ body: JSON.stringify({ query: TWO_OPERATIONS, operationName: 'C' }) }),
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ],
    [
      'two operations and no name',
      () => http({ body: JSON.stringify({ query: TWO_OPERATIONS }) }),
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['a body that is not JSON', () => http({ body: '{bad json' }), 400, 'BAD_REQUEST'],
    [
      'a query that is not a string',
      () => http({ body: JSON.stringify({ query: 5 }) }),
      400,
      'BAD_REQUEST',
    ],
    [
      'no query (an APQ hash alone, no trusted documents)',
      () =>
        http({
          body: JSON.stringify({
            extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } },
          }),
        }),
      200,
      'BAD_REQUEST',
    ],
    [
      'a mutation over GET',
      () => http({ method: 'GET' }, '?query=mutation%7B__typename%7D'),
      405,
      'BAD_REQUEST',
    ],
    [
      'PUT',
      () => http({ method: 'PUT', body: JSON.stringify({ query: '{ __typename }' }) }),
      405,
      'BAD_REQUEST',
    ],
    [
      'a text/plain body',
      () => http({ body: 'x', contentType: 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'introspection by a viewer in production',
      () => http({ body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) }),
      400,
      'INTROSPECTION_DISABLED',
    ],
    [
      'a variable of the wrong type',
      () => http({ body: JSON.stringify({ query: BY_FILTER, variables: { f: 5 } }) }),
      400,
      'BAD_USER_INPUT',
    ],
    [
      'a variable nested 10,000 deep',
      () =>
        http({
          body: `{"query":${JSON.stringify(BY_FILTER)},"variables":{"f":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`,
        }),
      400,
      'BAD_USER_INPUT',
    ],
    [
      'an id that is no global id',
      () => http({ body: JSON.stringify({ query: '{ node(id: "xyz") { id } }' }) }),
      200,
      'VALIDATION_FAILED',
    ],
  ];
  for (const [what, send, status, code] of cases) {
    it(`${what}: ${status} ${code}`, async () => {
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(answer.errors.map((e) => e.extensions?.code)).toEqual([code]);
    });
  }

  it('cuts an input echoed in a message: a 100 KB id is not sent back whole', async () => {
    const id = 'x'.repeat(100_000);
    const answer = await http({ body: JSON.stringify({ query: `{ node(id: "${id}") { id } }` }) });
    expect(answer.errors.map((e) => e.extensions?.code)).toEqual(['VALIDATION_FAILED']);
    expect(answer.errors[0]!.message.length).toBeLessThan(400);
  });
});

describe('graphql-ws error answers (and the socket stays open)', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a syntax error', { query: '{ viewer {' }, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', { query: '{ viewer { nam } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'an operation name not in the document',
      { query: TWO_OPERATIONS, operationName: 'C' },
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['two operations and no name', { query: TWO_OPERATIONS }, 'OPERATION_RESOLUTION_FAILURE'],
    [
      'introspection by a viewer in production',
      { query: '{ __schema { queryType { name } } }' },
      'INTROSPECTION_DISABLED',
    ],
    ['a variable of the wrong type', { query: BY_FILTER, variables: { f: 5 } }, 'BAD_USER_INPUT'],
    ['an id that is no global id', { query: '{ node(id: "xyz") { id } }' }, 'VALIDATION_FAILED'],
  ];
  it.each(cases)('%s: %s', async (_what, payload, code) => {
    const c = await wsConnect(s.url, TOKENS.viewer);
    try {
      c.ws.send(JSON.stringify({ id: 'op', type: 'subscribe', payload }));
      const m = await c.next('op');
      const errors = (
        m.type === 'error' ? m.payload : (m.payload as { errors: unknown }).errors
      ) as ErrorJson[];
      expect(errors.map((e) => e.extensions?.code)).toEqual([code]);
      // yoga's HTTP hints (status, spec) are not sent on a socket.
      expect(errors.every((e) => !('http' in (e.extensions ?? {})))).toBe(true);
      // The same socket still answers.
      c.ws.send(
        JSON.stringify({
          id: 'after',
          type: 'subscribe',
          payload: { query: '{ viewer { name } }' },
        }),
      );
      expect(await c.next('after')).toMatchObject({
        type: 'next',
        payload: { data: { viewer: { name: 'viewer-user' } } },
      });
    } finally {
      c.ws.close();
    }
  });
});
