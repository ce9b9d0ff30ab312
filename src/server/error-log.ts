import { getOperationAST, GraphQLError, type ExecutionArgs } from 'graphql';
import { isAsyncIterable, type Plugin, type YogaLogger } from 'graphql-yoga';
import { AppError } from '../errors.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';

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
      { err: cause, path: error.path?.join('.'), operationName },
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
      onSubscribeResult: ({ result }) => {
        if (!isAsyncIterable(result)) return logMasked(args, result);
        return { onNext: ({ result: event }) => logMasked(args, event) };
      },
    }),
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
