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
