import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function ask(base: string, secret: string, query: string, variables?: unknown) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

const INTROSPECTION = '{ __schema { queryType { name } } }';
const TYPO = '{ viewr { name } }';

describe('production: the schema is disclosed to admins only', () => {
  let prod: TestApp;
  let opened: TestApp;
  beforeAll(async () => {
    [prod, opened] = await Promise.all([
      startTestApp({ NODE_ENV: 'production' }),
      startTestApp({
        NODE_ENV: 'production',
        GRAPHQL_INTROSPECTION: 'true',
        GRAPHQL_SUGGESTIONS: 'true',
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([prod?.close(), opened?.close()]);
  });

  it('refuses introspection to a viewer and an operator, not to an admin', async () => {
    for (const secret of [TOKENS.viewer, TOKENS.operator]) {
      const { status, body } = await ask(prod.url, secret, INTROSPECTION);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
      expect(body.data).toBeUndefined();
      const typed = await ask(prod.url, secret, '{ __type(name: "Query") { name } }');
      expect(typed.body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    }
    // The admin asks the same document after the viewer: no cached verdict is shared.
    const admin = await ask(prod.url, TOKENS.admin, INTROSPECTION);
    expect(admin.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect((await ask(prod.url, TOKENS.viewer, '{ __typename }')).body).toEqual({
      data: { __typename: 'Query' },
    });
  });

  it('hides "Did you mean" from non-admins, in validation and in variables', async () => {
    const viewer = await ask(prod.url, TOKENS.viewer, TYPO);
    expect(viewer.body.errors?.[0]?.message).toBe('Cannot query field "viewr" on type "Query".');
    const admin = await ask(prod.url, TOKENS.admin, TYPO);
    expect(admin.body.errors?.[0]?.message).toMatch(/Did you mean "viewer"\?/);
    const badEnum =
      'query($k: ResourceKind!) { resources(filter: { kinds: [$k] }) { totalCount } }';
    const coerced = await ask(prod.url, TOKENS.viewer, badEnum, { k: 'PODS' });
    expect(coerced.body.errors?.[0]?.message).toMatch(/PODS/);
    expect(coerced.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('opens both to every role when turned on', async () => {
    const intro = await ask(opened.url, TOKENS.viewer, INTROSPECTION);
    expect(intro.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const typo = await ask(opened.url, TOKENS.viewer, TYPO);
    expect(typo.body.errors?.[0]?.message).toMatch(/Did you mean "viewer"\?/);
  });
});
