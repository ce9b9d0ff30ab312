// OIDC sign-in against the lab's real provider (test/lab/oidc, zitadel/oidc's `op`): people
// signed in through authorization code + PKCE act with the role their groups map to, and
// expired, wrong-audience, unknown-key and no-role tokens are refused with typed errors.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type OidcProvider } from '../lab/lib/oidc.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  kubeProvider,
  lab,
  scratchNamespace,
  sleep,
  waitReady,
} from './kubernetes-support.ts';

const Me = graphql(`
  query OidcMe {
    viewer {
      name
      displayName
      role
    }
  }
`);

const Find = graphql(`
  query OidcFind($ns: String!) {
    resources(filter: { namespaces: [$ns], kinds: [DEPLOYMENT] }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const Scale = graphql(`
  mutation OidcScale($id: ID!, $n: Int!) {
    scaleResource(input: { id: $id, replicas: $n }) {
      __typename
      ... on ActionResult {
        auditEvent {
          actor
          actorName
          actorKind
          actorRole
          status
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

let idp: OidcProvider;
let t: TestApp;
let ns: { name: string; drop: () => Promise<void> };
let webId = '';

const refusal = async (token: string) => {
  const { status, body } = await gql(t.url, token, Me);
  return { status, ...body.errors?.[0]?.extensions, message: body.errors?.[0]?.message };
};

beforeAll(async () => {
  idp = await startOidcProvider();
  ns = await scratchNamespace('oidc');
  await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'web', 1) });
  t = await startTestApp({
    KUBECONFIG: lab().KUBECONFIG ?? '',
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: 'orchestrator',
    OIDC_ROLES: 'sre=operator,admins=admin',
    // No leeway, so the expired token is refused as soon as it expires; and refetch the JWKS
    // on every unknown kid, so the test need not wait out a cooldown after the rotation.
    OIDC_CLOCK_SKEW_SECONDS: '0',
    OIDC_JWKS_COOLDOWN_SECONDS: '0',
  });
  await waitReady(kubeProvider(t));
  await eventually(async () => {
    const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Find, { ns: ns.name })).body);
    webId = data.resources.edges.find((e) => e.node.name === 'web')?.node.id ?? '';
    expect(webId).not.toBe('');
  });
});

afterAll(async () => {
  await t?.close();
  await idp?.stop();
  await ns?.drop();
});

describe('OIDC bearer tokens from the lab provider', () => {
  it('a user in group sre is an operator: scales, and the audit log names her (subject and name)', async () => {
    const token = await idp.signIn('alice');
    expect(expectNoErrors((await gql(t.url, token, Me)).body).viewer).toEqual({
      name: 'oidc:u-alice',
      displayName: 'Alice Operator',
      role: 'OPERATOR',
    });
    const scaled = expectNoErrors(
      (await gql(t.url, token, Scale, { id: webId, n: 2 })).body,
    ).scaleResource;
    expect(scaled).toMatchObject({
      __typename: 'ScaleResourceSuccess',
      auditEvent: {
        actor: 'oidc:u-alice',
        actorName: 'Alice Operator',
        actorKind: 'PERSON',
        actorRole: 'OPERATOR',
        status: 'SUCCEEDED',
      },
    });
    expect(
      await kubectl(['get', 'deployment', '-n', ns.name, 'web', '-o', 'jsonpath={.spec.replicas}']),
    ).toBe('2');
  });

  it('a user in group admins is an admin; static tokens still work beside OIDC', async () => {
    expect(expectNoErrors((await gql(t.url, await idp.signIn('carol'), Me)).body).viewer).toEqual({
      name: 'oidc:u-carol',
      displayName: 'Carol Admin',
      role: 'ADMIN',
    });
    expect(expectNoErrors((await gql(t.url, TOKENS.operator, Me)).body).viewer).toEqual({
      name: 'operator-user',
      displayName: null,
      role: 'OPERATOR',
    });
  });

  it('a user in no mapped group is signed in but refused (403, NO_ROLE)', async () => {
    const r = await refusal(await idp.signIn('bob'));
    expect(r).toMatchObject({ status: 403, code: 'FORBIDDEN', reason: 'NO_ROLE' });
    expect(r.message).toContain('Bob Nogroup (oidc:u-bob)');
  });

  it('refuses a token issued to another client (wrong audience)', async () => {
    expect(await refusal(await idp.signIn('alice', 'other-app'))).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      reason: 'WRONG_AUDIENCE',
    });
  });

  it('refuses an expired token, also one it verified (and remembered) while it was valid', async () => {
    await idp.setIdTokenLifetime(5);
    const token = await idp.signIn('alice');
    await idp.setIdTokenLifetime(3600);
    expect(expectNoErrors((await gql(t.url, token, Me)).body).viewer.role).toBe('OPERATOR');
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp: number;
    };
    await sleep(Math.max(0, exp * 1000 - Date.now()) + 1100);
    expect(await refusal(token)).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      reason: 'EXPIRED',
    });
  });

  it('refuses a token signed by a key the provider never published, and a forged signature', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ groups: ['admins'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'not-published' })
      .setIssuer(idp.issuer)
      .setAudience('orchestrator')
      .setSubject('u-mallory')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(forged)).toMatchObject({ status: 401, reason: 'UNKNOWN_KEY' });

    const [h, , s] = (await idp.signIn('alice')).split('.');
    const claims = Buffer.from(
      JSON.stringify({
        iss: idp.issuer,
        aud: 'orchestrator',
        sub: 'u-alice',
        groups: ['admins'],
        exp: 2e9,
      }),
    ).toString('base64url');
    expect(await refusal(`${h}.${claims}.${s}`)).toMatchObject({
      status: 401,
      reason: 'BAD_SIGNATURE',
    });
  });

  it('follows a key rotation without a restart', async () => {
    const before = await idp.signIn('alice');
    expect(expectNoErrors((await gql(t.url, before, Me)).body).viewer.role).toBe('OPERATOR');
    const kid = await idp.rotateKeys();
    const after = await idp.signIn('alice');
    const header = JSON.parse(Buffer.from(after.split('.')[0] ?? '', 'base64url').toString()) as {
      kid: string;
    };
    expect(header.kid).toBe(kid);
    expect(expectNoErrors((await gql(t.url, after, Me)).body).viewer.role).toBe('OPERATOR');
    // The previous key stays published, so tokens signed before the rotation still verify.
    expect(expectNoErrors((await gql(t.url, before, Me)).body).viewer.role).toBe('OPERATOR');
  });
});
