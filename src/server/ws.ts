import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { getOperationAST, GraphQLError } from 'graphql';
import type { DocumentNode, ExecutionArgs, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { AppError } from '../errors.ts';
import { maskUnexpected, rootKey } from './error-log.ts';
import type { TokenAuthenticator } from '../auth/tokens.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../logger.ts';
import { FAST_PATH, type FastSink, type SampleFastPath } from './sample-fastpath.ts';
import { rateLimited as refusal, type RateLimiter } from './rate-limit.ts';
import type { GraphQLServer } from './yoga.ts';
import { checkOperation } from './limits.ts';
import type { LimitsConfig } from '../limits-config.ts';
import type { TrustedDocuments } from './trusted-documents.ts';

const WS_PATHS = new Set(['/graphql', '/ws']);

type Extra = {
  viewer?: Viewer;
  log?: Logger;
};

interface EnvelopedRoot {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
  [FAST_PATH]: FastSink | undefined;
}

/** The parts of yoga's envelop this transport uses, typed (envelop types them loosely). */
interface Enveloped extends EnvelopedRoot {
  schema: GraphQLSchema;
  contextFactory: () => Promise<unknown>;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
}

/** No operation of the document has the name asked for, or it has several and none is named. */
function unknownOperation(): GraphQLError {
  return new GraphQLError('Could not determine what operation to execute.', {
    extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
  });
}

/** An error as a graphql-ws message carries it: yoga's `extensions.http` left out. */
function withoutHttp(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  const json = error instanceof GraphQLError ? error.toJSON() : error;
  if (!json.extensions || !('http' in json.extensions)) return json;
  const { http: _http, ...extensions } = json.extensions;
  return { ...json, extensions };
}

/**
 * Runs an operation; a refusal thrown before it starts (introspection for non-admins, a hook's
 * error) becomes its result, as over HTTP: graphql-ws would close the whole socket with 4500.
 * Anything unexpected is logged with the operation's request id and masked.
 */
async function settled(args: ExecutionArgs, run: (args: ExecutionArgs) => unknown) {
  try {
    return (await run(args)) as never;
  } catch (err) {
    const cause = err instanceof GraphQLError ? err.originalError : err;
    if (cause && !(cause instanceof GraphQLError) && !(cause instanceof AppError)) {
      const { log } = args.contextValue as { log: Logger };
      log.error(
        { err: cause, path: rootKey(args) },
        `unexpected error: ${(cause as Error).message}`,
      );
    }
    return { errors: [maskUnexpected(err)] } as never;
  }
}

/** The refusal of one operation over MAX_SUBSCRIPTIONS_PER_SOCKET (the socket stays open). */
function tooManySubscriptions(limit: number): GraphQLError {
  return new GraphQLError(
    `Operation refused: this connection already runs ${limit} operations (MAX_SUBSCRIPTIONS_PER_SOCKET); complete one first`,
    { extensions: { code: 'MAX_SUBSCRIPTIONS_PER_SOCKET', limit } },
  );
}

/**
 * graphql-ws on the HTTP server's port at /graphql and /ws. Yoga's HTTP plugins do not run
 * here (graphql-yoga #3651), so authentication happens in onConnect and every operation is
 * built through yoga.getEnveloped, with the same context factory as HTTP.
 */
/** Messages one socket may hand the loop in a row before other sockets and requests get a turn. */
const MESSAGES_PER_TURN = 100;

/**
 * Reads a socket's messages in turns: after MESSAGES_PER_TURN in one go, the socket is paused
 * until the loop has gone round once. A client that sends thousands of frames at once (10,000
 * subscribes, say) would otherwise be read for as long as the kernel has bytes queued (libuv
 * reads a ready socket up to 32 times in a row), holding `/health` and every other client for
 * the whole burst. Nothing is dropped: the rest is read on the next turns.
 */
function takeTurns(ws: WebSocket): void {
  let read = 0;
  ws.on('message', () => {
    if (read++ === 0) {
      setImmediate(() => {
        read = 0;
        if (ws.isPaused && ws.readyState === ws.OPEN) ws.resume();
      });
    }
    if (read === MESSAGES_PER_TURN) ws.pause();
  });
}

export function attachWebSocket(options: {
  server: Server;
  yoga: GraphQLServer;
  auth: TokenAuthenticator;
  log: Logger;
  maxPayload: number;
  /** Operation limits, and the operations one socket may run at once (MAX_SUBSCRIPTIONS_PER_SOCKET). */
  limits: LimitsConfig;
  /** Serves eligible `metrics` subscriptions (the one yoga's plugin has too); none: normal path. */
  fastPath?: SampleFastPath;
  /** Every operation on a socket spends its token's budget: one point plus expensive fields (none: unlimited). */
  rateLimiter?: RateLimiter;
  /** Only these operations run for non-admins (TRUSTED_DOCUMENTS); none: any document. */
  trustedDocuments?: TrustedDocuments | undefined;
}) {
  const { fastPath } = options;
  // No extensions (ws's default): the fast path writes plain frames to the TCP socket.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload,
    perMessageDeflate: false,
  });
  /** The TCP socket under each WebSocket, for the fast path's frame writes. */
  const transports = new WeakMap<WebSocket, Duplex>();
  options.server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!WS_PATHS.has(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      transports.set(ws, socket);
      takeTurns(ws);
      wss.emit('connection', ws, req);
    });
  });

  const rateLimited = async (identity: string, points: number) => {
    const decision = await options.rateLimiter?.consume(identity, points);
    if (!decision || decision.allowed) return undefined;
    const { message, extensions } = refusal(decision.retryAfterSeconds);
    return new GraphQLError(message, { extensions });
  };

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      execute: (args) => settled(args, (args.rootValue as EnvelopedRoot).execute),
      subscribe: (args) => settled(args, (args.rootValue as EnvelopedRoot).subscribe),
      // yoga's hints for HTTP (status, spec) mean nothing on a socket.
      onError: (_ctx, _id, _payload, errors) => errors.map(withoutHttp),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(withoutHttp) } : undefined,
      onConnect: async (ctx) => {
        const fromParams = ctx.connectionParams?.authorization;
        const viewer = await options.auth.resolve(
          fromParams ?? ctx.extra.request.headers.authorization,
        );
        if ('status' in viewer) {
          // Close reasons are limited to 123 bytes: the code and reason, not the whole message.
          ctx.extra.socket.close(
            viewer.status === 403 ? 4403 : 4401,
            viewer.reason === 'UNKNOWN_TOKEN'
              ? 'UNAUTHENTICATED: send connectionParams.authorization'
              : `${viewer.code}: ${viewer.reason}`,
          );
          return false;
        }
        ctx.extra.viewer = viewer;
        ctx.extra.log = options.log.child({ connId: randomUUID(), viewer: viewer.name });
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const { viewer, log } = ctx.extra;
        if (!viewer || !log) return [];
        // graphql-ws lists this operation already, from its subscribe message until it ends.
        const running = Object.keys(ctx.subscriptions).length;
        if (running > options.limits.maxSubscriptionsPerSocket) {
          return [tooManySubscriptions(options.limits.maxSubscriptionsPerSocket)];
        }
        // One point before any work, as over HTTP; expensive fields once the document is known.
        const refused = await rateLimited(viewer.name, 1);
        if (refused) return [refused];
        // The trusted text replaces the sent one (graphql-ws requires a query string: send "").
        const query = options.trustedDocuments
          ? options.trustedDocuments.resolve(payload, viewer.role)
          : payload.query;
        if (query instanceof GraphQLError) return [query];
        const requestId = `${id}`;
        const { schema, execute, subscribe, contextFactory, parse, validate } =
          options.yoga.getEnveloped({
            ...ctx,
            req: ctx.extra.request,
            socket: ctx.extra.socket,
            params: { ...payload, query },
            viewer,
            requestId,
            log: log.child({ reqId: requestId }),
          }) as Enveloped;
        let document: DocumentNode;
        try {
          document = parse(query);
        } catch (err) {
          return [err as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const operationName = payload.operationName ?? null;
        // graphql-ws's own refusal of this carries no code; HTTP's wording and code.
        if (!getOperationAST(document, operationName)) return [unknownOperation()];
        const extra = options.rateLimiter?.extraCost(document) ?? 0;
        if (extra > 0) {
          const costly = await rateLimited(viewer.name, extra);
          if (costly) return [costly];
        }
        const contextValue = await contextFactory();
        // Checked here too (yoga's hooks would refuse it later, as a result): graphql-ws then
        // answers an `error` message for this operation id.
        const overLimit = checkOperation(options.limits.operation, {
          schema,
          document,
          variables: payload.variables,
          operationName,
          context: contextValue as object,
        });
        if (overLimit.length > 0) return overLimit;
        const transport = transports.get(ctx.extra.socket);
        const sink =
          transport &&
          fastPath?.sink({
            query,
            document,
            operationName,
            variables: payload.variables,
            viewer,
            frames: { socket: ctx.extra.socket, transport, id },
          });
        // Always a root value: the fast-path plugin tells graphql-ws operations by it.
        const rootValue: EnvelopedRoot = { execute, subscribe, [FAST_PATH]: sink };
        const args: ExecutionArgs = {
          schema,
          operationName,
          document,
          variableValues: payload.variables ?? null,
          contextValue,
          rootValue,
        };
        return args;
      },
    },
    wss,
  );

  return {
    /** Closes every client with 1001 (going away). */
    close: async () => {
      await disposable.dispose();
      wss.close();
    },
  };
}
