import { describe, expect, it } from 'vitest';
import { looksLikeJwt, roleFor } from '../../src/auth/oidc.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { signInSettings } from '../../src/oidc-config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('OIDC configuration', () => {
  it('is off without OIDC_ISSUER_URL, and parses a full set with defaults', () => {
    expect(loadConfig({}).auth.oidc).toBeUndefined();
    const c = loadConfig({
      OIDC_ISSUER_URL: 'https://idp.example/realms/ops',
      OIDC_CLIENT_ID: 'orchestrator',
      OIDC_ROLES: 'sre=operator, admins=admin,team=a=viewer ,*=viewer',
    });
    expect(c.auth.oidc).toEqual({
      issuer: 'https://idp.example/realms/ops',
      clientId: 'orchestrator',
      audience: ['orchestrator'],
      roleClaim: 'groups',
      roles: [
        { value: 'sre', role: 'operator' },
        { value: 'admins', role: 'admin' },
        { value: 'team=a', role: 'viewer' },
        { value: '*', role: 'viewer' },
      ],
      nameClaim: 'name',
      clockSkewSeconds: 30,
      jwksCooldownSeconds: 30,
      jwksMaxAgeSeconds: 600,
      tokenCacheSeconds: 10,
      scopes: 'openid profile email',
      redirectPath: '/auth/callback',
    });
    expect(
      loadConfig({
        OIDC_ISSUER_URL: 'https://idp.example',
        OIDC_CLIENT_ID: 'ui',
        OIDC_AUDIENCE: 'api, ui',
        OIDC_ROLE_CLAIM: 'realm_access.roles',
        OIDC_ROLES: 'ops=admin',
      }).auth.oidc,
    ).toMatchObject({ audience: ['api', 'ui'], roleClaim: 'realm_access.roles' });
  });

  it('gives the browser the token the server verifies, and only public values', () => {
    const base = {
      OIDC_ISSUER_URL: 'https://idp.example',
      OIDC_CLIENT_ID: 'ui',
      OIDC_ROLES: 'ops=admin',
      OIDC_SCOPES: 'openid groups',
      OIDC_REDIRECT_PATH: '/signin/done',
    };
    const settings = (env: Record<string, string>) => {
      const oidc = loadConfig(env).auth.oidc;
      if (!oidc) throw new Error('OIDC is off');
      return signInSettings(oidc);
    };
    expect(settings(base)).toEqual({
      issuer: 'https://idp.example',
      clientId: 'ui',
      scopes: 'openid groups',
      redirectPath: '/signin/done',
      token: 'id_token',
    });
    // An audience without the client id: the ID token would be refused, the access token is not.
    expect(settings({ ...base, OIDC_AUDIENCE: 'api' }).token).toBe('access_token');
  });

  it('names every problem', () => {
    expect(problems({ OIDC_CLIENT_ID: 'x' })).toEqual([
      'Invalid configuration: OIDC_CLIENT_ID: needs OIDC_ISSUER_URL',
    ]);
    expect(problems({ OIDC_ISSUER_URL: 'https://idp.example' })).toEqual([
      'Invalid configuration: OIDC_CLIENT_ID: required with OIDC_ISSUER_URL',
      'Invalid configuration: OIDC_ROLES: required with OIDC_ISSUER_URL, e.g. "sre=operator,admins=admin,*=viewer"',
    ]);
    const bad = problems({
      OIDC_ISSUER_URL: 'ftp://idp.example',
      OIDC_ROLES: 'sre=root,=admin',
      OIDC_CLOCK_SKEW_SECONDS: '3000',
      OIDC_SCOPES: 'profile email',
      OIDC_REDIRECT_PATH: '/graphql',
    });
    expect(bad).toContain(
      'Invalid configuration: OIDC_SCOPES: must include openid (got "profile email")',
    );
    expect(bad).toContain(
      'Invalid configuration: OIDC_REDIRECT_PATH: must not be a path the server already answers (got "/graphql")',
    );
    expect(bad).toContain(
      'Invalid configuration: OIDC_ISSUER_URL: expected an http(s) URL (got "ftp://idp.example")',
    );
    expect(bad).toContain(
      'Invalid configuration: OIDC_ROLES: entry 1 (sre): role must be one of viewer, operator, admin (got "sre=root,=admin")',
    );
    expect(bad).toContain(
      'Invalid configuration: OIDC_ROLES: entry 2: expected value=role (got "sre=root,=admin")',
    );
    expect(bad.some((p) => p.startsWith('Invalid configuration: OIDC_CLOCK_SKEW_SECONDS'))).toBe(
      true,
    );
  });
});

describe('claim to role mapping', () => {
  const rules = [
    { value: 'sre', role: 'operator' },
    { value: 'admins', role: 'admin' },
    { value: '*', role: 'viewer' },
  ] as const;
  it('gives the highest role any value maps to, * to everyone, nothing without a match', () => {
    expect(roleFor(['sre', 'admins'], [...rules])).toBe('admin');
    expect(roleFor(['sre'], [...rules])).toBe('operator');
    expect(roleFor([], [...rules])).toBe('viewer');
    expect(roleFor(['dev'], [rules[0], rules[1]])).toBeUndefined();
  });
  it('tells a JWT from a static secret by its shape', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toBe(true);
    expect(looksLikeJwt('operator-secret-0123456789')).toBe(false);
    expect(looksLikeJwt('a.b.c.d')).toBe(false);
  });
});
