// GraphQL over HTTP conformance: graphql-http's audit suite (every MUST and SHOULD) against the
// real server, through the HTTP front (token check, body limit, routing) and yoga.
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

it('passes every GraphQL-over-HTTP audit, SHOULDs included', async () => {
  // The audits send no credentials; every request carries a viewer token.
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${TOKENS.viewer}`);
    return fetch(input, { ...init, headers });
  };
  const results = await auditServer({ url: `${t.url}/graphql`, fetchFn });
  const failed = results.flatMap((r) =>
    r.status === 'ok' ? [] : [`${r.id} ${r.name}: ${r.reason}`],
  );
  expect(failed).toEqual([]);
  expect(results.filter((r) => r.name.startsWith('SHOULD')).length).toBeGreaterThanOrEqual(23);
});
