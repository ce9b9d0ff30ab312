import { createYoga, type Plugin } from 'graphql-yoga';
import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Services } from '../app.ts';
import { contextOf, type GraphQLContext, type ServerContext } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import { sampleFastPathPlugin, type SampleFastPath } from './sample-fastpath.ts';
import type { ServerTelemetry } from './telemetry.ts';
import { streamIdsPlugin } from './stream-ids.ts';
import { rateLimitPlugin, type RateLimiter } from './rate-limit.ts';
import { disclosurePlugin, type DisclosureSettings } from './disclosure.ts';
import type { LimitsConfig } from '../limits-config.ts';
import { armorPlugins, operationLimitsPlugin } from './limits.ts';
import { ByteBoundedCache } from './parse-cache.ts';
import { errorLoggingPlugin, maskUnexpected, yogaLogger } from './error-log.ts';
import { trustedDocumentsPlugin, type TrustedDocuments } from './trusted-documents.ts';
import { responseCachePlugin, type ResponseCache } from './response-cache.ts';

function metricsPlugin(metrics: ServerTelemetry): Plugin {
  return {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const op = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      const type = op?.operation ?? 'unknown';
      const end = metrics.graphqlDuration.startTimer({ type });
      return {
        onExecuteDone({ result }) {
          end();
          const failed = 'errors' in result && (result.errors?.length ?? 0) > 0;
          metrics.graphqlOperations.inc({ type, outcome: failed ? 'error' : 'ok' });
        },
      };
    },
    onSubscribe() {
      metrics.graphqlOperations.inc({ type: 'subscription', outcome: 'ok' });
    },
  };
}

/**
 * A body yoga has no parser for (say text/plain): yoga answers an empty 415; this one says why,
 * with a code, like every other refusal. Runs after yoga's own parsers had their turn.
 */
function unsupportedMediaTypePlugin(): Plugin {
  const body = JSON.stringify({
    errors: [
      {
        message: 'Unsupported Content-Type: send application/json (or GET with query parameters)',
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      },
    ],
  });
  return {
    onRequestParse({ request, requestParser, endResponse, fetchAPI }) {
      // Other methods than GET and POST: yoga's own 405 (with a code) follows.
      if (requestParser || request.method !== 'POST') return;
      endResponse(
        new fetchAPI.Response(body, {
          status: 415,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    },
  };
}

export function createGraphQLServer(options: {
  schema: GraphQLSchema;
  services: Services;
  metrics: ServerTelemetry;
  log: Logger;
  limits: LimitsConfig;
  /** Serves eligible `metrics` subscriptions over HTTP (shared with graphql-ws); none: off. */
  fastPath?: SampleFastPath;
  /** Charges expensive fields once an HTTP operation is parsed (the front charged its point); none: unlimited. */
  rateLimiter?: RateLimiter;
  /** Who sees introspection and suggestions; none: everyone (development). */
  disclosure?: DisclosureSettings;
  /** Only these operations run for non-admins (TRUSTED_DOCUMENTS); none: any document. */
  trustedDocuments?: TrustedDocuments | undefined;
  /** Keeps answers that read only the providers' caches (RESPONSE_CACHE_BYTES); none: off. */
  responseCache?: ResponseCache | undefined;
}) {
  return createYoga<ServerContext, GraphQLContext>({
    schema: options.schema,
    graphqlEndpoint: '/graphql',
    // GraphiQL is served by the HTTP front from a local package (./browser.ts), not yoga's CDN page.
    graphiql: false,
    landingPage: false,
    // CORS is the HTTP front's (./cors.ts): yoga's default echoes any Origin with credentials.
    cors: false,
    // The HTTP front reads every body against MAX_REQUEST_BYTES before yoga sees it (413
    // past it); yoga's own limiter would pipe each body through a second stream to count it.
    maxRequestBodySize: false,
    parserAndValidationCache: {
      documentCache: new ByteBoundedCache(options.limits.parseCacheBytes),
      errorCache: new ByteBoundedCache(options.limits.parseCacheBytes / 4),
    },
    // Expected failures thrown from queries (a bad filter, a bad cursor) keep their message
    // and code; anything else is masked.
    maskedErrors: { maskError: maskUnexpected },
    logging: yogaLogger(options.log),
    context: (initial) => contextOf(initial, options.services),
    plugins: [
      // First: the text of a trusted document replaces the request's before anything reads it.
      ...(options.trustedDocuments ? [trustedDocumentsPlugin(options.trustedDocuments)] : []),
      unsupportedMediaTypePlugin(),
      // Then refusals happen before anything else looks at the operation.
      ...armorPlugins(options.limits.operation),
      operationLimitsPlugin(options.limits.operation),
      errorLoggingPlugin(),
      metricsPlugin(options.metrics),
      sampleFastPathPlugin(options.fastPath),
      streamIdsPlugin(),
      ...(options.rateLimiter ? [rateLimitPlugin(options.rateLimiter)] : []),
      ...(options.disclosure ? [disclosurePlugin(options.disclosure)] : []),
      // Last: a kept answer stops execution only once every other onExecute hook has run.
      ...(options.responseCache
        ? [responseCachePlugin(options.responseCache, options.metrics.responseCache)]
        : []),
    ],
  });
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;
