import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Role } from '../config.ts';
import type { OidcConfig } from '../oidc-config.ts';
import { OIDC_PREFIX, type Viewer } from './viewer.ts';

/** Why a bearer credential was not accepted; `reason` is in the error's extensions. */
export type AuthRefusalReason =
  | 'UNKNOWN_TOKEN'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WRONG_AUDIENCE'
  | 'WRONG_ISSUER'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'MALFORMED'
  | 'INVALID_CLAIMS'
  | 'NO_ROLE'
  | 'PROVIDER_UNAVAILABLE';

export interface AuthRefusal {
  status: 401 | 403 | 503;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  reason: AuthRefusalReason;
  message: string;
}

// Asymmetric algorithms only: a JWKS never legitimately verifies HS* or `none`.
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/** Compact JWS: three base64url segments. A static secret of this shape still matches first. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

function refusal(reason: AuthRefusalReason, message: string): AuthRefusal {
  if (reason === 'NO_ROLE') return { status: 403, code: 'FORBIDDEN', reason, message };
  if (reason === 'PROVIDER_UNAVAILABLE') {
    return { status: 503, code: 'UNAUTHENTICATED', reason, message };
  }
  return { status: 401, code: 'UNAUTHENTICATED', reason, message };
}

function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

// Claims become names in the audit log and keys of rate limits: same rules as other input.
function safeText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value) || !value.isWellFormed()) return undefined;
  return value;
}

const RANK: Record<Role, number> = { viewer: 0, agent: 0, operator: 1, admin: 2 };

/** The highest role any of `values` maps to; `*` matches every signed-in user. */
export function roleFor(values: string[], mapping: OidcConfig['roles']): Role | undefined {
  let best: Role | undefined;
  for (const rule of mapping) {
    if (rule.value !== '*' && !values.includes(rule.value)) continue;
    if (!best || RANK[rule.role] > RANK[best]) best = rule.role;
  }
  return best;
}

function describe(e: unknown): [AuthRefusalReason, string] {
  if (e instanceof errors.JWTExpired) return ['EXPIRED', 'the token has expired'];
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'aud') return ['WRONG_AUDIENCE', 'the token was issued for another audience'];
    if (e.claim === 'iss') return ['WRONG_ISSUER', 'the token comes from another issuer'];
    if (e.claim === 'nbf') return ['NOT_YET_VALID', 'the token is not valid yet (nbf)'];
    return ['INVALID_CLAIMS', `claim ${e.claim}: ${e.reason}`];
  }
  if (e instanceof errors.JWKSNoMatchingKey) {
    return ['UNKNOWN_KEY', "no key in the provider's JWKS matches the token's kid"];
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) {
    return ['BAD_SIGNATURE', 'the signature does not verify'];
  }
  // Discovery, network and non-200 JWKS answers: the provider, not the token, is at fault.
  if (
    !(e instanceof errors.JOSEError) ||
    e instanceof errors.JWKSTimeout ||
    e instanceof errors.JWKSInvalid ||
    e.code === 'ERR_JOSE_GENERIC'
  ) {
    return [
      'PROVIDER_UNAVAILABLE',
      `the identity provider could not be read: ${(e as Error).message}`,
    ];
  }
  return ['MALFORMED', (e as Error).message];
}

/** Verified tokens remembered at once; the oldest entry goes first beyond this. */
const TOKEN_CACHE_ENTRIES = 10_000;

/**
 * Verifies OIDC bearer JWTs (ID tokens or JWT access tokens) against the issuer's published
 * keys and maps a claim to a role. Discovery runs on the first token and is retried after a
 * failure; jose caches the JWKS and refetches it (at most once per cooldown) when a token
 * names an unknown kid, which is how a key rotation is followed without a restart. A token
 * that verified is remembered for OIDC_TOKEN_CACHE_SECONDS (never past its exp), so a
 * dashboard's stream of requests pays one signature check, not one per request.
 */
export class OidcVerifier {
  private readonly config: OidcConfig;
  private keys: Promise<JWTVerifyGetKey> | undefined;
  private readonly verified = new Map<string, { viewer: Viewer; until: number }>();

  constructor(config: OidcConfig) {
    this.config = config;
  }

  private discover(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const url = new URL(
        '.well-known/openid-configuration',
        this.config.issuer.endsWith('/') ? this.config.issuer : `${this.config.issuer}/`,
      );
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new TypeError(`discovery at ${url.href} answered ${res.status}`);
      const doc = (await res.json()) as { issuer?: unknown; jwks_uri?: unknown };
      if (doc.issuer !== this.config.issuer || typeof doc.jwks_uri !== 'string') {
        throw new TypeError(
          `discovery at ${url.href} names issuer ${String(doc.issuer)} (expected ${this.config.issuer}) or no jwks_uri`,
        );
      }
      return createRemoteJWKSet(new URL(doc.jwks_uri), {
        cooldownDuration: this.config.jwksCooldownSeconds * 1000,
        cacheMaxAge: this.config.jwksMaxAgeSeconds * 1000,
        timeoutDuration: 5000,
      });
    })();
    // A failed discovery is not cached: the next request tries again.
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  /**
   * The viewer for a verified token, or why it was refused. `digest`: the token's SHA-256 (the
   * authenticator hashes every bearer credential once), the key it is remembered by.
   */
  async verify(token: string, digest: Buffer): Promise<Viewer | AuthRefusal> {
    if (this.config.tokenCacheSeconds === 0) return (await this.check(token)).result;
    const key = digest.toString('base64');
    const hit = this.verified.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit.viewer;
    if (hit) this.verified.delete(key);
    const { result, exp } = await this.check(token);
    if (!('status' in result) && exp !== undefined) {
      if (this.verified.size >= TOKEN_CACHE_ENTRIES) {
        const oldest = this.verified.keys().next();
        if (!oldest.done) this.verified.delete(oldest.value);
      }
      const until = Math.min(
        now + this.config.tokenCacheSeconds * 1000,
        (exp + this.config.clockSkewSeconds) * 1000,
      );
      this.verified.set(key, { viewer: result, until });
    }
    return result;
  }

  private async check(token: string): Promise<{ result: Viewer | AuthRefusal; exp?: number }> {
    let payload: JWTPayload;
    try {
      const keys = await this.discover();
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockSkewSeconds,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (e) {
      const [reason, detail] = describe(e);
      return { result: refusal(reason, `OIDC token refused (${reason}): ${detail}`) };
    }
    const subject = safeText(payload.sub, 255);
    if (!subject) {
      return { result: refusal('INVALID_CLAIMS', 'OIDC token refused: sub is not a usable name') };
    }
    const displayName =
      [this.config.nameClaim, 'name', 'preferred_username', 'email']
        .map((c) => safeText(claimAt(payload, c), 200))
        .find((v) => v !== undefined) ?? subject;
    const raw = claimAt(payload, this.config.roleClaim);
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    const name = `${OIDC_PREFIX}${subject}`;
    const role = roleFor(values, this.config.roles);
    if (!role) {
      return {
        result: refusal(
          'NO_ROLE',
          `${displayName} (${name}) is signed in, but no OIDC_ROLES rule matches ${this.config.roleClaim}=${JSON.stringify(values)}`,
        ),
      };
    }
    const groups = values.filter((v) => safeText(v, 200) !== undefined);
    return { result: { name, role, displayName, groups }, exp: payload.exp };
  }
}
