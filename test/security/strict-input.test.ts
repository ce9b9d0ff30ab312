import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../support/app.ts';
import { codes, post, spawnServer, type SpawnedServer } from './server.ts';

let s: SpawnedServer;
beforeAll(async () => {
  s = await spawnServer();
});
afterAll(async () => {
  await s?.stop();
});

const SCALE = `mutation($input: ScaleResourceInput!) {
  scaleResource(input: $input) { __typename ... on Error { code message } }
}`;
const VERIFY = '{ verifyAuditLog { valid checkedEvents reason } }';

describe('strict input at the edge', () => {
  it.each([
    ['a NUL', 'a\u0000b'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', 'x\udc00'],
  ])('refuses %s in a variable, in a literal and in a JSON value with a 400', async (_, bad) => {
    const variable = await post(
      s.url,
      TOKENS.viewer,
      'query($f: AuditLogFilter) { auditLog(filter: $f) { totalCount } }',
      { f: { actors: [bad] } },
    );
    expect(variable.status).toBe(400);
    expect(codes(variable)).toEqual(['VALIDATION_FAILED']);
    const literal = await post(
      s.url,
      TOKENS.viewer,
      `{ auditLog(filter: { actors: [${JSON.stringify(bad)}] }) { totalCount } }`,
    );
    // graphql-js itself refuses an escaped lone surrogate in a literal as a syntax error
    // (200 to an application/json client, as GraphQL over HTTP has it).
    const syntax = bad !== 'a\u0000b';
    expect(literal.status).toBe(syntax ? 200 : 400);
    expect(codes(literal)).toEqual([syntax ? 'GRAPHQL_PARSE_FAILED' : 'VALIDATION_FAILED']);
    const chat = await post(
      s.url,
      TOKENS.operator,
      'mutation($m: String!) { chat(input: { message: $m }) { __typename } }',
      { m: `scale ${bad}` },
    );
    expect(chat.status).toBe(400);
    expect(codes(chat)).toEqual(['VALIDATION_FAILED']);
  });

  it('refuses a dry-run with idempotencyKey "\\ud800" before anything is stored', async () => {
    const before = await post(s.url, TOKENS.admin, VERIFY);
    const answer = await post(s.url, TOKENS.operator, SCALE, {
      input: { id: 'UG9kOng=', replicas: 1, dryRun: true, idempotencyKey: '\ud800' },
    });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['VALIDATION_FAILED']);
    const after = await post(s.url, TOKENS.admin, VERIFY);
    expect(after.body.data?.verifyAuditLog).toEqual(before.body.data?.verifyAuditLog);
    expect(after.body.data?.verifyAuditLog).toMatchObject({ valid: true });
  });

  it('refuses an idempotencyKey outside 1-128 of [A-Za-z0-9._:~-] as a ValidationError', async () => {
    for (const key of ['k'.repeat(3000), 'with space', '']) {
      const answer = await post(s.url, TOKENS.operator, SCALE, {
        input: { id: 'UG9kOng=', replicas: 1, dryRun: true, idempotencyKey: key },
      });
      expect(answer.body.data?.scaleResource).toMatchObject({
        __typename: 'ValidationError',
        code: 'VALIDATION_FAILED',
      });
    }
  });

  it('never answers malformed input with a 5xx or "Unexpected error."', async () => {
    // 10,000-deep JSON in variables (sent as text: the client's JSON.stringify would overflow).
    const deepJson = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const query of [
      'query($f: AuditLogFilter) { auditLog(filter: $f) { totalCount } }',
      'mutation($p: JSON) { chat(input: { message: "hello", context: $p }) { __typename } }',
    ]) {
      const res = await fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.admin}` },
        body: `{"query":${JSON.stringify(query)},"variables":{"f":${deepJson},"p":${deepJson}}}`,
      });
      expect(res.status).toBeLessThan(500);
      expect(await res.text()).not.toContain('Unexpected error.');
    }
    const attempts: [string, string, Record<string, unknown>?][] = [
      ['query($n: Int) { auditLog(first: $n) { totalCount } }', '', { n: 1e12 }],
      ['{ auditLog(after: "%%%") { totalCount } }', ''],
      ['{ node(id: "\\u0000") { id } }', ''],
      [`{ node(id: ${JSON.stringify('x'.repeat(100_000))}) { id } }`, ''],
      ['{ resources(first: -1) { totalCount } }', ''],
      ['{ auditLog(filter: { since: "yesterday" }) { totalCount } }', ''],
    ];
    for (const [query, , variables] of attempts) {
      const answer = await post(s.url, TOKENS.viewer, query, variables);
      expect(answer.status, query.slice(0, 80)).toBeLessThan(500);
      const messages = (answer.body.errors ?? []).map((e) => e.message);
      expect(messages, query.slice(0, 80)).not.toContain('Unexpected error.');
    }
  });
});
