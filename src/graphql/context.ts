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

/**
 * What a resolver may reach: services only. The database, the configuration and the raw
 * pub/sub stay with the composition root and the services built on them.
 */
export type ResolverServices = Omit<Services, 'db' | 'config' | 'pubsub'>;

export interface GraphQLContext extends ServerContext {
  services: ResolverServices;
  /** The cursor of the subscription event being executed (SSE writes it as the event's id). */
  stream: { cursor: string | undefined };
}

/** The one context factory, shared by HTTP and graphql-ws. */
export function createContext(server: ServerContext, services: ResolverServices): GraphQLContext {
  return { ...server, services, stream: { cursor: undefined } };
}
