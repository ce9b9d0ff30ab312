import { z } from 'zod';

/** One `value=role` rule of OIDC_ROLES; `*` matches every signed-in user. */
export interface OidcRoleRule {
  value: string;
  role: 'viewer' | 'operator' | 'admin';
}

export interface OidcConfig {
  /** Must equal the `issuer` of the provider's discovery document and the tokens' `iss`. */
  issuer: string;
  clientId: string;
  /** Accepted `aud` values: OIDC_AUDIENCE, else the client id. */
  audience: string[];
  /** Dotted path of the claim holding groups or roles (e.g. `groups`, `realm_access.roles`). */
  roleClaim: string;
  roles: OidcRoleRule[];
  nameClaim: string;
  clockSkewSeconds: number;
  /** Least time between two JWKS fetches caused by unknown kids; and the JWKS's longest life. */
  jwksCooldownSeconds: number;
  jwksMaxAgeSeconds: number;
  /** How long a verified token is remembered (never past its exp); 0 verifies every request. */
  tokenCacheSeconds: number;
  /** Scopes the browser sign-in asks for (space-separated, `openid` among them). */
  scopes: string;
  /** Path on this server the provider redirects the browser back to after sign-in. */
  redirectPath: string;
}

/**
 * What a browser needs to sign in with authorization code + PKCE: public values only (the
 * client is public; there is no secret). `token` is the one the server verifies: the ID token
 * when its audience (the client id) is accepted, else the access token (a JWT for OIDC_AUDIENCE).
 */
export interface SignInSettings {
  issuer: string;
  clientId: string;
  scopes: string;
  redirectPath: string;
  token: 'id_token' | 'access_token';
}

export function signInSettings(c: OidcConfig): SignInSettings {
  return {
    issuer: c.issuer,
    clientId: c.clientId,
    scopes: c.scopes,
    redirectPath: c.redirectPath,
    token: c.audience.includes(c.clientId) ? 'id_token' : 'access_token',
  };
}

const seconds = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: `expected a number of seconds between ${min} and ${max}` })
    .min(min, `expected a number of seconds between ${min} and ${max}`)
    .max(max, `expected a number of seconds between ${min} and ${max}`)
    .default(fallback);

const OIDC_ROLE_NAMES = ['viewer', 'operator', 'admin'] as const;

/** `group=role,…`, split at the last `=` so a group may contain one. */
const roleRules = z.string().transform((value, ctx): OidcRoleRule[] => {
  const rules: OidcRoleRule[] = [];
  for (const [i, entry] of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .entries()) {
    const at = entry.lastIndexOf('=');
    const claim = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !claim) {
      ctx.addIssue({ code: 'custom', message: `entry ${i + 1}: expected value=role` });
    } else if (!(OIDC_ROLE_NAMES as readonly string[]).includes(role)) {
      ctx.addIssue({
        code: 'custom',
        message: `entry ${i + 1} (${claim}): role must be one of ${OIDC_ROLE_NAMES.join(', ')}`,
      });
    } else {
      rules.push({ value: claim, role: role as OidcRoleRule['role'] });
    }
  }
  return rules;
});

/** OIDC sign-in as environment variables (merged into config.ts's model). */
export const oidcEnv = {
  OIDC_ISSUER_URL: z
    .string()
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), 'expected an http(s) URL')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(255).optional(),
  OIDC_AUDIENCE: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .optional(),
  OIDC_ROLE_CLAIM: z
    .string()
    .regex(/^[\w:/-]+(\.[\w:/-]+)*$/, 'expected a claim name or a dotted path')
    .default('groups'),
  OIDC_ROLES: roleRules.default([]),
  OIDC_NAME_CLAIM: z.string().min(1).max(100).default('name'),
  OIDC_CLOCK_SKEW_SECONDS: seconds(0, 300, 30),
  OIDC_JWKS_COOLDOWN_SECONDS: seconds(0, 3600, 30),
  OIDC_JWKS_MAX_AGE_SECONDS: seconds(1, 86_400, 600),
  // Kubernetes' API server caches successful token authentications for 10 s the same way.
  OIDC_TOKEN_CACHE_SECONDS: seconds(0, 300, 10),
  OIDC_SCOPES: z
    .string()
    .regex(
      /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
      'expected space-separated scopes',
    )
    .refine((v) => v.split(' ').includes('openid'), 'must include openid')
    .default('openid profile email'),
  // The dashboard's page is served there too: it finishes the sign-in and returns the tab
  // to the page it came from (the dashboard or GraphiQL).
  OIDC_REDIRECT_PATH: z
    .string()
    .regex(/^\/[\w\-./]*$/, 'expected a path such as /auth/callback')
    .refine(
      (v) =>
        !['/', '/graphql', '/health', '/ready', '/metrics'].includes(v) &&
        !v.startsWith('/ui/') &&
        !v.startsWith('/graphiql/'),
      'must not be a path the server already answers',
    )
    .default('/auth/callback'),
};

type OidcEnv = z.output<z.ZodObject<typeof oidcEnv>>;

/** The OIDC configuration, undefined when OIDC_ISSUER_URL is unset; problems as messages. */
export function oidcConfig(e: OidcEnv): OidcConfig | undefined | { problems: string[] } {
  if (!e.OIDC_ISSUER_URL) {
    const stray = (['OIDC_CLIENT_ID', 'OIDC_AUDIENCE'] as const).filter((k) => e[k] !== undefined);
    return stray.length > 0
      ? { problems: stray.map((k) => `Invalid configuration: ${k}: needs OIDC_ISSUER_URL`) }
      : undefined;
  }
  const problems: string[] = [];
  if (!e.OIDC_CLIENT_ID) {
    problems.push('Invalid configuration: OIDC_CLIENT_ID: required with OIDC_ISSUER_URL');
  }
  if (e.OIDC_ROLES.length === 0) {
    problems.push(
      'Invalid configuration: OIDC_ROLES: required with OIDC_ISSUER_URL, e.g. "sre=operator,admins=admin,*=viewer"',
    );
  }
  if (problems.length > 0) return { problems };
  const clientId = e.OIDC_CLIENT_ID as string;
  return {
    issuer: e.OIDC_ISSUER_URL,
    clientId,
    audience: e.OIDC_AUDIENCE?.length ? e.OIDC_AUDIENCE : [clientId],
    roleClaim: e.OIDC_ROLE_CLAIM,
    roles: e.OIDC_ROLES,
    nameClaim: e.OIDC_NAME_CLAIM,
    clockSkewSeconds: e.OIDC_CLOCK_SKEW_SECONDS,
    jwksCooldownSeconds: e.OIDC_JWKS_COOLDOWN_SECONDS,
    jwksMaxAgeSeconds: e.OIDC_JWKS_MAX_AGE_SECONDS,
    tokenCacheSeconds: e.OIDC_TOKEN_CACHE_SECONDS,
    scopes: e.OIDC_SCOPES,
    redirectPath: e.OIDC_REDIRECT_PATH,
  };
}
