import {
  getOperationAST,
  GraphQLError,
  Kind,
  locatedError,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import {
  createGraphQLError,
  isAsyncIterable,
  maskError,
  type Plugin,
  type YogaLogger,
} from 'graphql-yoga';
import { AppError } from '../errors.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';

/** What a client reads of an unexpected error (yoga's default wording). */
const UNEXPECTED = 'Unexpected error.';

/**
 * Yoga's masking with our expected failures let through: an AppError keeps its message and
 * code, anything else becomes "Unexpected error." with code INTERNAL_SERVER_ERROR.
 */
export function maskUnexpected(error: unknown, message = UNEXPECTED, isDev = false): Error {
  const original = (error as { originalError?: unknown }).originalError;
  if (original instanceof AppError) {
    return createGraphQLError(original.message, {
      ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
      extensions: { code: original.code, ...original.details },
    });
  }
  if (isUncodedInputError(error)) {
    return createGraphQLError(clip(error.message), {
      nodes: error.nodes,
      path: error.path,
      extensions: {
        ...error.extensions,
        code: error.path ? 'VALIDATION_FAILED' : 'BAD_USER_INPUT',
      },
    });
  }
  return maskError(error, message, isDev);
}

/**
 * A GraphQLError of the libraries' own about the client's input, which they send without a
 * code: graphql-js's variable coercion ('Variable "$f" got invalid value …', no path) and
 * Pothos' input checks ("Invalid global ID: …", at a field).
 */
function isUncodedInputError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  return error.originalError === undefined || error.originalError instanceof GraphQLError;
}

/** An input echoed in a message (a 100 KB id, say) is cut: the client has it already. */
const clip = (s: string): string => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

/** Errors already logged with their request (yoga logs each masked error again, bare). */
const logged = new WeakSet<object>();

/** A client's mistake (a bad id, a bad filter): expected, kept as data, not an incident. */
function isClientError(error: unknown): boolean {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return original instanceof AppError;
}

/** A thrown error yoga will mask: neither an AppError nor a GraphQLError of its own. */
function maskedCause(error: GraphQLError): Error | undefined {
  const original = error.originalError;
  if (!original || original instanceof AppError || original instanceof GraphQLError) return;
  return original;
}

/** Logs the masked errors of one result with the operation's request id (its context's logger). */
function logMasked(args: ExecutionArgs, result: unknown): void {
  const ctx = args.contextValue as GraphQLContext;
  const operationName = getOperationAST(args.document, args.operationName)?.name?.value;
  const errors = (result as { errors?: readonly GraphQLError[] } | undefined)?.errors;
  for (const error of errors ?? []) {
    const cause = maskedCause(error);
    if (!cause) continue;
    logged.add(error).add(cause);
    ctx.log.error(
      // A source stream's error may come without a path: it is the root field's.
      { err: cause, path: error.path?.join('.') ?? rootKey(args), operationName },
      `unexpected error: ${cause.message}`,
    );
  }
}

/**
 * Logs every error that execution turns into "Unexpected error." with its message, stack,
 * path, operation and request id (the context's logger carries `reqId`), at `error`: for
 * queries and mutations, and for each event of a subscription (SSE and graphql-ws alike).
 */
export function errorLoggingPlugin(): Plugin<GraphQLContext> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result }) => logMasked(args, result),
    }),
    onSubscribe: ({ args }) => ({
      onSubscribeResult: ({ result, setResult }) => {
        if (!isAsyncIterable(result)) return logMasked(args, result);
        setResult(guardedSource(args, result));
        return { onNext: ({ result: event }) => logMasked(args, event) };
      },
    }),
  };
}

/** The response key of an operation's first root field: the path of an error of its source. */
export function rootKey(args: ExecutionArgs): string | undefined {
  const field = getOperationAST(args.document, args.operationName)?.selectionSet.selections[0];
  return field?.kind === Kind.FIELD ? (field.alias ?? field.name).value : undefined;
}

/**
 * A subscription's stream whose failure (its source throwing mid-stream: the event log, Redis,
 * a provider) ends it with an error the client may read: masked and logged with the request
 * id like any other unexpected error, an AppError's message and code kept. graphql-ws would
 * otherwise send the raw message without a code, and yoga logs it without the request id.
 */
function guardedSource(
  args: ExecutionArgs,
  source: AsyncIterable<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  const inner = source[Symbol.asyncIterator]();
  const fail = (err: unknown): never => {
    if ((err as { name?: unknown } | null)?.name === 'AbortError') throw err;
    const path = rootKey(args);
    const error =
      err instanceof GraphQLError ? err : locatedError(err, undefined, path ? [path] : undefined);
    logMasked(args, { errors: [error] });
    throw maskUnexpected(error);
  };
  // Not an async generator: a generator queues return() behind a pending next(), so a stream
  // that never yields (the metrics fast path writes its frames itself) would never be released
  // when its client completes. Here return() reaches the source at once.
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => inner.next().catch(fail),
    return: (value?: unknown) =>
      inner.return
        ? inner.return(value)
        : Promise.resolve({ done: true as const, value: value as ExecutionResult }),
  };
}

/**
 * Yoga's own log calls, mapped to pino: an Error goes under `err` (pino's serializer keeps
 * message and stack; under any other key it printed as `{}`), client mistakes at `info`.
 */
export function yogaLogger(log: Logger): YogaLogger {
  const structured = (level: 'debug' | 'info' | 'warn' | 'error', args: unknown[]) => {
    const [first] = args;
    if (first instanceof Error) {
      if (logged.has(first)) return;
      const cause = first instanceof GraphQLError ? (first.originalError ?? first) : first;
      const path = first instanceof GraphQLError ? first.path?.join('.') : undefined;
      const at = isClientError(first) ? 'info' : level;
      log[at]({ err: cause, path }, cause.message);
      return;
    }
    log[level]({ yoga: args });
  };
  return {
    debug: (...a: unknown[]) => structured('debug', a),
    info: (...a: unknown[]) => structured('info', a),
    warn: (...a: unknown[]) => structured('warn', a),
    error: (...a: unknown[]) => structured('error', a),
  };
}
