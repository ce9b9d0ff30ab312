import { createGraphQLError, createYoga, maskError, type Plugin } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { AppError } from '../errors.ts';
import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Services } from '../app.ts';
import { createContext, type GraphQLContext, type ServerContext } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import { sampleFastPathPlugin, type SampleFastPath } from './sample-fastpath.ts';
import type { ServerTelemetry } from './telemetry.ts';
import { streamIdsPlugin } from './stream-ids.ts';
import { rateLimitPlugin, type RateLimiter } from './rate-limit.ts';
import { disclosurePlugin, type DisclosureSettings } from './disclosure.ts';
import type { LimitsConfig } from '../limits-config.ts';
import { armorPlugins, operationLimitsPlugin } from './limits.ts';
import { ByteBoundedCache } from './parse-cache.ts';
import { errorLoggingPlugin, yogaLogger } from './error-log.ts';
import { trustedDocumentsPlugin, type TrustedDocuments } from './trusted-documents.ts';

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
    maskedErrors: {
      // Expected failures thrown from queries (a bad filter, a bad cursor) keep their message
      // and code; anything else is masked.
      maskError: (error, message, isDev) => {
        const original = (error as { originalError?: unknown }).originalError;
        if (original instanceof AppError) {
          return createGraphQLError(original.message, {
            ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
            extensions: { code: original.code, ...original.details },
          });
        }
        return maskError(error, message, isDev);
      },
    },
    logging: yogaLogger(options.log),
    context: (initial) => createContext(initial, options.services),
    plugins: [
      // First: the text of a trusted document replaces the request's before anything reads it.
      ...(options.trustedDocuments ? [trustedDocumentsPlugin(options.trustedDocuments)] : []),
      // Then refusals happen before anything else looks at the operation.
      ...armorPlugins(options.limits.operation),
      operationLimitsPlugin(options.limits.operation),
      errorLoggingPlugin(),
      metricsPlugin(options.metrics),
      sampleFastPathPlugin(options.fastPath),
      streamIdsPlugin(),
      ...(options.rateLimiter ? [rateLimitPlugin(options.rateLimiter)] : []),
      ...(options.disclosure ? [disclosurePlugin(options.disclosure)] : []),
    ],
  });
}

export type GraphQLServer = ReturnType<typeof createGraphQLServer>;
