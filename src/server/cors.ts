import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a browser page on another origin needs to call the API: the GraphQL methods. */
const METHODS = 'GET, POST, OPTIONS';
/** Request headers the API reads: the bearer token, the body's type, content negotiation, ids. */
const HEADERS = 'authorization, content-type, accept, x-request-id';
/** Response headers a page may read beyond the safelisted ones. */
const EXPOSED = 'x-request-id, retry-after';
/** How long a browser may reuse a preflight answer. */
const MAX_AGE_SECONDS = '600';

/**
 * CORS at the HTTP front, before authentication (a preflight carries no token). Only listed
 * origins get `Access-Control-Allow-Origin`, echoed exactly; never `*`, and never
 * `Access-Control-Allow-Credentials`: the API authenticates with a bearer header a page sets
 * itself, never with cookies, so a cross-origin page needs no credentials mode.
 */
export class Cors {
  private readonly origins: ReadonlySet<string>;

  constructor(origins: readonly string[]) {
    this.origins = new Set(origins);
  }

  /**
   * Adds the CORS headers a request's answer needs; answers an `OPTIONS` request itself and
   * returns true (the caller then does nothing more).
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && this.origins.has(origin);
    // Caches must not serve one origin's answer to another.
    if (this.origins.size > 0) res.setHeader('vary', 'Origin');
    if (allowed) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', EXPOSED);
    }
    if (req.method !== 'OPTIONS') return false;
    const preflight =
      origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (preflight && !allowed) {
      const text = JSON.stringify({
        errors: [
          {
            message: `Origin ${origin} is not allowed (CORS_ORIGINS)`,
            extensions: { code: 'CORS_ORIGIN_NOT_ALLOWED' },
          },
        ],
      });
      res.writeHead(403, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
      return true;
    }
    if (preflight) {
      res.setHeader('access-control-allow-methods', METHODS);
      res.setHeader('access-control-allow-headers', HEADERS);
      res.setHeader('access-control-max-age', MAX_AGE_SECONDS);
    }
    res.writeHead(204, { allow: METHODS });
    res.end();
    return true;
  }
}
