import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AuthRefusal } from '../auth/oidc.ts';
import type { TokenAuthenticator } from '../auth/tokens.ts';
import type { HealthService } from '../health.ts';
import type { Logger } from '../logger.ts';
import type { BrowserPages } from './browser.ts';
import type { Cors } from './cors.ts';
import type { ServerTelemetry } from './telemetry.ts';
import { rateLimited, type RateLimiter } from './rate-limit.ts';
import type { GraphQLServer } from './yoga.ts';
import type { ServerContext } from '../graphql/context.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { ReadScope } from '../providers/provider.ts';
import type { ResponseCache, Stamp } from './response-cache.ts';

export interface HttpDeps {
  yoga: GraphQLServer;
  auth: TokenAuthenticator;
  health: HealthService;
  metrics: ServerTelemetry;
  log: Logger;
  version: string;
  maxRequestBytes: number;
  /** The dashboard, GraphiQL and their assets (HTML clients only; API answers unchanged). */
  browser: BrowserPages;
  /** Answers preflights before authentication and marks answers to allowed origins. */
  cors: Cors;
  /** One point per GraphQL request and token, charged before the body is read. */
  rateLimiter: RateLimiter;
  /** The response cache's answers by request (RESPONSE_CACHE_BYTES); none: off. */
  answers?: KeptAnswers | undefined;
}

/** What the front needs to key a request's kept answer: the cache (and its versions), the scope. */
export interface KeptAnswers {
  cache: ResponseCache;
  scopeOf(viewer: Viewer): Promise<ReadScope | undefined>;
}

/** Bodies up to this size are looked up by their bytes (the dashboard's are ~0.5 KB). */
const MAX_KEYED_BODY = 16 * 1024;
const JSON_TYPE = /^application\/(graphql-response\+)?json\b/i;

interface InFlight {
  res: ServerResponse;
}

const STREAM_TYPE = /^\s*(text\/event-stream|multipart\/mixed)/i;

/**
 * A response that streams (SSE, multipart) never ends by itself; shutdown ends it. Judged by
 * what was answered, not by what the request's Accept asked for: `*\/*` gets SSE too.
 */
function streaming(f: InFlight): boolean {
  return f.res.headersSent && STREAM_TYPE.test(String(f.res.getHeader('content-type') ?? ''));
}

class BodyTooLargeError extends Error {}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function graphqlError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string,
  more: Record<string, unknown> = {},
): void {
  const headers = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
  sendJson(res, status, { errors: [{ message, extensions: { code, ...more } }] }, headers);
}

function refuse(res: ServerResponse, r: AuthRefusal): void {
  graphqlError(res, r.status, r.message, r.code, { reason: r.reason });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function routeOf(path: string): string {
  return ['/', '/health', '/ready', '/metrics', '/graphql'].includes(path) ? path : 'other';
}

/** The node:http front: CORS, probes, metrics, auth and body limits, then yoga. */
export class HttpFront {
  readonly server: Server;
  private readonly inFlight = new Set<InFlight>();
  private readonly deps: HttpDeps;

  constructor(deps: HttpDeps) {
    this.deps = deps;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        deps.log.error({ err }, 'unhandled error in request');
        if (!res.headersSent) graphqlError(res, 500, 'Internal server error', 'INTERNAL');
        else res.destroy();
      });
    });
    // Protect against slow-loris bodies and idle sockets.
    this.server.requestTimeout = 60_000;
    this.server.headersTimeout = 20_000;
    this.server.keepAliveTimeout = 5_000;
  }

  get inFlightCount(): number {
    return [...this.inFlight].filter((f) => !streaming(f)).length;
  }

  /** Ends every SSE or multipart stream (they would otherwise keep shutdown waiting forever). */
  endStreams(): void {
    for (const f of this.inFlight) if (streaming(f)) f.res.end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    const log = this.deps.log.child({ reqId: requestId });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routeOf(url.pathname);
    const entry: InFlight = { res };
    this.inFlight.add(entry);
    res.setHeader('x-request-id', requestId);
    res.on('close', () => {
      this.inFlight.delete(entry);
      const durationMs = performance.now() - started;
      const status = res.statusCode;
      this.deps.metrics.httpRequests.inc({ method: req.method ?? 'GET', route, status });
      this.deps.metrics.httpDuration.observe({ route }, durationMs / 1000);
      log.info(
        { method: req.method, path: url.pathname, status, durationMs: Math.round(durationMs) },
        'request',
      );
    });

    if (this.deps.cors.handle(req, res)) return;
    if (await this.deps.browser.handle(req, res, url)) return;
    switch (url.pathname) {
      case '/':
        return sendJson(res, 200, {
          service: 'OptiInfra Orchestrator',
          version: this.deps.version,
          status: 'running',
        });
      case '/health':
        return sendJson(res, 200, {
          status: 'healthy',
          timestamp: new Date().toISOString(),
          version: this.deps.version,
          uptime: this.deps.health.uptimeSeconds(),
        });
      case '/ready': {
        const reasons = await this.deps.health.notReadyReasons();
        return reasons.length === 0
          ? sendJson(res, 200, { status: 'ready' })
          : sendJson(res, 503, { status: 'not ready', reasons });
      }
      case '/metrics': {
        const caller = await this.deps.auth.resolve(req.headers.authorization);
        if ('status' in caller) return refuse(res, caller);
        const text = await this.deps.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': this.deps.metrics.registry.contentType });
        res.end(text);
        return;
      }
      case '/graphql':
        return this.graphql(req, res, url, { requestId, log });
      default:
        return sendJson(res, 404, { error: 'not found', path: url.pathname });
    }
  }

  private async graphql(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    ctx: { requestId: string; log: Logger },
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const viewer = await this.deps.auth.resolve(req.headers.authorization);
    if ('status' in viewer) return refuse(res, viewer);
    const decision = await this.deps.rateLimiter.consume(viewer.name);
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      return sendJson(
        res,
        429,
        { errors: [rateLimited(seconds)] },
        { 'retry-after': `${seconds}` },
      );
    }
    let body: Buffer | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      try {
        body = await readBody(req, this.deps.maxRequestBytes);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          res.setHeader('connection', 'close');
          return graphqlError(
            res,
            413,
            `Request body exceeds ${this.deps.maxRequestBytes} bytes`,
            'PAYLOAD_TOO_LARGE',
          );
        }
        throw err;
      }
    }
    if (body && body.length > 0) {
      // Yoga's Node adapter reads a body that was already consumed from `req.body`; an
      // async iterable keeps yoga's own parsing and errors (see PreReadBody).
      (req as IncomingMessage & { body?: PreReadBody }).body = new PreReadBody(body);
    }
    const keyed = method === 'POST' && body ? await this.keyOf(req, viewer, body) : undefined;
    if (keyed && (await this.answerKept(res, viewer, keyed))) return;
    const serverContext: ServerContext = {
      viewer,
      requestId: ctx.requestId,
      log: ctx.log,
      lastEventId: headerValue(req.headers['last-event-id']),
      kept: keyed && {},
    };
    // Yoga's Node adapter: its own Request/Response objects and a single write for JSON.
    await this.deps.yoga(req, res, serverContext);
    const answer = serverContext.kept?.answer;
    const type = String(res.getHeader('content-type') ?? '');
    if (
      keyed &&
      answer &&
      answer.scope === keyed.scope &&
      res.statusCode === 200 &&
      JSON_TYPE.test(type)
    ) {
      // Kept only if no source the answer read moved since the request was keyed.
      this.deps.answers?.cache.setHttp(keyed.key, keyed.stamp, answer.deps, {
        contentType: type,
        body: Buffer.from(answer.json),
        extraCost: this.deps.rateLimiter.extraCost(answer.document),
      });
    }
  }

  /**
   * The key of a request's kept answer: everything yoga reads to answer a POST (its URL, body,
   * content type and Accept) and what the answer depends on besides the cache's sources (the
   * viewer's role and read scope), with the sources' versions now. undefined: not looked up
   * (cache off, a large body, or a provider without a version).
   */
  private async keyOf(
    req: IncomingMessage,
    viewer: Viewer,
    body: Buffer,
  ): Promise<{ key: string; stamp: Stamp; scope: string } | undefined> {
    const answers = this.deps.answers;
    if (!answers || body.length > MAX_KEYED_BODY) return undefined;
    const scope = (await answers.scopeOf(viewer))?.key ?? '';
    // Read after the scope: the versions the answer must have been computed at.
    const stamp = answers.cache.stamp();
    if (stamp === undefined) return undefined;
    const h = req.headers;
    const key = [
      viewer.role,
      scope,
      req.url,
      h['content-type'],
      h.accept,
      body.toString('latin1'),
    ].join('\u0000');
    return { key, stamp, scope };
  }

  /**
   * Writes the kept answer to this request, as yoga wrote it, once the rate limiter charged
   * its expensive fields (yoga's rate-limit hook would have); false: yoga must answer.
   */
  private async answerKept(
    res: ServerResponse,
    viewer: Viewer,
    keyed: { key: string },
  ): Promise<boolean> {
    const hit = this.deps.answers?.cache.getHttp(keyed.key);
    if (!hit) return false;
    if (hit.extraCost > 0) {
      const decision = await this.deps.rateLimiter.consume(viewer.name, hit.extraCost);
      if (!decision.allowed) return false;
    }
    this.deps.metrics.responseCache.inc({ outcome: 'hit' });
    this.deps.metrics.graphqlOperations.inc({ type: 'query', outcome: 'ok' });
    res.writeHead(200, { 'content-type': hit.contentType, 'content-length': hit.body.length });
    res.end(hit.body);
    return true;
  }
}

const headerValue = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h);

/**
 * A request body read (and size-checked) by the front, handed to yoga's Node adapter. The
 * adapter takes any object with own keys as an already-parsed body, and passes an async
 * iterable through as the raw body: one own key, so `Object.keys` stays O(1) whatever the
 * size (a Buffer or string here would cost one key per byte).
 */
class PreReadBody {
  readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    yield this.bytes;
  }
}
