import { OperationTypeNode, type GraphQLResolveInfo } from 'graphql';
import type { Services } from '../app.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../logger.ts';

/** What the transport (HTTP or WebSocket) hands to yoga for every operation. */
export interface ServerContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
  /** SSE's `Last-Event-ID` header: where a reconnecting EventSource resumes (as `after`). */
  lastEventId?: string | undefined;
}

export interface GraphQLContext extends ServerContext {
  services: Services;
  /** The cursor of the subscription event being executed (SSE writes it as the event's id). */
  stream: { cursor: string | undefined };
}

/** The one context factory, shared by HTTP and graphql-ws. */
export function createContext(server: ServerContext, services: Services): GraphQLContext {
  return { ...server, services, stream: { cursor: undefined } };
}

const eventScopes = new WeakMap<object, WeakMap<GraphQLContext, object>>();

/**
 * The object that lives exactly as long as one execution, for loaders and per-operation
 * clocks to hang off: the context of a query or a mutation, or one subscription event of one
 * subscriber. A subscription keeps one context for its whole life and runs each event with the
 * event as root value, so keying on the context alone would serve the first event's data to
 * every later one and keep growing for as long as the socket lives.
 */
export function executionScope(ctx: GraphQLContext, info: GraphQLResolveInfo): object {
  const event: unknown = info.rootValue;
  if (
    info.operation.operation !== OperationTypeNode.SUBSCRIPTION ||
    typeof event !== 'object' ||
    !event
  ) {
    return ctx;
  }
  let byContext = eventScopes.get(event);
  if (!byContext) eventScopes.set(event, (byContext = new WeakMap()));
  let scope = byContext.get(ctx);
  if (!scope) byContext.set(ctx, (scope = {}));
  return scope;
}
