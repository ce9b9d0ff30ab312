import type { AddressInfo } from 'node:net';
import type { Services } from '../app.ts';
import { schema } from '../graphql/schema.ts';
import type { LeaderGate } from '../leader.ts';
import { signInSettings } from '../oidc-config.ts';
import { BrowserPages } from './browser.ts';
import { Cors } from './cors.ts';
import { HttpFront } from './http.ts';
import { RateLimiter } from './rate-limit.ts';
import { ResponseCache } from './response-cache.ts';
import { SampleFastPath } from './sample-fastpath.ts';
import { ServerTelemetry } from './telemetry.ts';
import { TrustedDocuments } from './trusted-documents.ts';
import { attachWebSocket } from './ws.ts';
import { createGraphQLServer } from './yoga.ts';

/** The network edge over the services: yoga, the HTTP front and graphql-ws on one server. */
export function createEdge(services: Services, leader: LeaderGate) {
  const { config, log, auth, health } = services;
  const metrics = new ServerTelemetry({ leader });
  // One fast path for `metrics` subscriptions: HTTP and graphql-ws subscribers share its groups.
  const fastPath = new SampleFastPath();
  const rateLimiter = new RateLimiter({
    settings: config.rateLimit,
    redisUrl: config.redisUrl,
    log: log.child({ component: 'rate-limit' }),
  });
  const trustedDocuments = config.trustedDocuments && new TrustedDocuments(config.trustedDocuments);
  const responseCache =
    config.limits.responseCacheBytes > 0
      ? new ResponseCache(config.limits.responseCacheBytes, {
          providers: services.providers,
          metrics: services.metrics.hub,
        })
      : undefined;
  const yoga = createGraphQLServer({
    schema,
    services,
    metrics,
    log,
    limits: config.limits,
    fastPath,
    rateLimiter,
    disclosure: config.disclosure,
    trustedDocuments,
    responseCache,
  });
  const browser = new BrowserPages({
    graphiql: config.graphiql,
    signIn: config.auth.oidc && signInSettings(config.auth.oidc),
  });
  const http = new HttpFront({
    yoga,
    auth,
    health,
    metrics,
    log,
    version: config.version,
    maxRequestBytes: config.maxRequestBytes,
    browser,
    cors: new Cors(config.corsOrigins),
    rateLimiter,
    answers: responseCache && {
      cache: responseCache,
      scopeOf: async (viewer) => services.access?.scopeOf(viewer),
    },
  });
  const ws = attachWebSocket({
    server: http.server,
    yoga,
    auth,
    log,
    maxPayload: config.maxRequestBytes,
    limits: config.limits,
    fastPath,
    rateLimiter,
    trustedDocuments,
  });

  return {
    browser,
    /** Binds the port once the rate limiter's shared store (if any) is connected. */
    listen: async (): Promise<AddressInfo> => {
      await rateLimiter.connected();
      return new Promise<AddressInfo>((resolve, reject) => {
        http.server.once('error', reject);
        http.server.listen(config.port, config.host, () =>
          resolve(http.server.address() as AddressInfo),
        );
      });
    },
    /** Stops taking connections, closes sockets and streams, waits for requests in flight. */
    drain: async (): Promise<void> => {
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      http.server.closeIdleConnections();
      await ws.close();
      // A subscription whose answer began after the first call is a stream by the next one.
      for (http.endStreams(); http.inFlightCount > 0; http.endStreams()) {
        await new Promise((r) => setTimeout(r, 20));
      }
      http.server.closeAllConnections();
      await closed;
    },
    /** Releases the rate limiter's store connection (after drain). */
    close: (): void => rateLimiter.close(),
  };
}
