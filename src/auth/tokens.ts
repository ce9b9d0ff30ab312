import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiToken, Role } from '../config.ts';
import type { OidcConfig } from '../oidc-config.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../store/database.ts';
import { type AuthRefusal, looksLikeJwt, OidcVerifier } from './oidc.ts';
import { bearerSecret, type Viewer } from './viewer.ts';

interface StoredToken {
  name: string;
  role: Role;
  hash: Buffer;
}

function hashSecret(secret: string): Buffer {
  // One-shot: a fraction of createHash()'s cost, and it runs on every request.
  return hash('sha256', secret, 'buffer');
}

export interface AuthOptions {
  mode: 'token' | 'none';
  tokens: ApiToken[];
  oidc?: OidcConfig | undefined;
}

const MISSING: AuthRefusal = {
  status: 401,
  code: 'UNAUTHENTICATED',
  reason: 'UNKNOWN_TOKEN',
  message: 'Authentication required: send "Authorization: Bearer <token>"',
};

/**
 * Turns bearer credentials into viewers: static tokens (holding only hashes of their
 * secrets) and, with OIDC configured, JWTs from the identity provider.
 */
export class TokenAuthenticator {
  private tokens: StoredToken[] = [];
  private readonly options: AuthOptions;
  private readonly oidc: OidcVerifier | undefined;

  constructor(options: AuthOptions) {
    this.options = options;
    this.oidc = options.oidc ? new OidcVerifier(options.oidc) : undefined;
  }

  get mode(): AuthOptions['mode'] {
    return this.options.mode;
  }

  /** Loads the configured tokens, or the stored ones (none yet on a first start). */
  async init(db: Database, log: Logger): Promise<void> {
    if (this.options.mode === 'none') {
      log.warn(
        'AUTH_MODE=none: authentication is OFF and every caller is admin. Use this only on a laptop.',
      );
      return;
    }
    this.tokens =
      this.options.tokens.length > 0
        ? this.options.tokens.map((t) => ({
            name: t.name,
            role: t.role,
            hash: hashSecret(t.secret),
          }))
        : await this.loadStored(db);
  }

  /**
   * On a first start (token mode, nothing configured or stored) creates an admin token,
   * stores its hash and returns the secret for the caller to show once. Called only once the
   * port is bound, so a start that cannot listen never creates a token nobody saw.
   */
  async bootstrap(db: Database): Promise<string | undefined> {
    if (this.options.mode === 'none' || this.tokens.length > 0) return undefined;
    const secret = randomBytes(24).toString('base64url');
    // Two replicas starting together: one insert wins, the other reloads and prints nothing.
    const inserted = await db.query(
      `INSERT INTO api_tokens (name, role, secret_hash) VALUES ('admin', 'admin', $1)
       ON CONFLICT (name) DO NOTHING RETURNING name`,
      [hashSecret(secret).toString('hex')],
    );
    this.tokens = await this.loadStored(db);
    return inserted.length > 0 ? secret : undefined;
  }

  private async loadStored(db: Database): Promise<StoredToken[]> {
    const rows = await db.query<{ name: string; role: Role; secret_hash: string }>(
      'SELECT name, role, secret_hash FROM api_tokens ORDER BY name',
    );
    return rows.map((r) => ({
      name: r.name,
      role: r.role,
      hash: Buffer.from(r.secret_hash, 'hex'),
    }));
  }

  /** Names and roles of the accepted tokens; secrets and hashes never leave this class. */
  list(): { name: string; role: Role }[] {
    return this.tokens.map((t) => ({ name: t.name, role: t.role }));
  }

  /**
   * The viewer for an Authorization header value, or why not: a static token first (one hash),
   * then, when OIDC is configured and the credential is a JWT, the identity provider's keys.
   * The one hash serves both: it is also the key of the OIDC verifier's remembered tokens.
   */
  async resolve(authorization: unknown): Promise<Viewer | AuthRefusal> {
    if (this.options.mode === 'none') return { name: 'anonymous', role: 'admin' };
    const secret = bearerSecret(authorization);
    if (!secret) return MISSING;
    const presented = hashSecret(secret);
    const viewer = this.match(presented);
    if (viewer) return viewer;
    if (this.oidc && looksLikeJwt(secret)) return this.oidc.verify(secret, presented);
    return MISSING;
  }

  /** The viewer for a static token, or null when it is missing or wrong. */
  authenticate(authorization: unknown): Viewer | null {
    if (this.options.mode === 'none') return { name: 'anonymous', role: 'admin' };
    const secret = bearerSecret(authorization);
    return secret ? this.match(hashSecret(secret)) : null;
  }

  private match(presented: Buffer): Viewer | null {
    let found: StoredToken | undefined;
    // Compare against every token so timing does not reveal which one (or none) matched.
    for (const token of this.tokens) {
      if (timingSafeEqual(presented, token.hash) && !found) found = token;
    }
    return found ? { name: found.name, role: found.role } : null;
  }
}
