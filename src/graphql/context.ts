import type { Services } from '../app.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../logger.ts';

/** What the transport (HTTP or WebSocket) hands to yoga for every operation. */
export interface ServerContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
}

export interface GraphQLContext extends ServerContext {
  services: Services;
}

/** The one context factory, shared by HTTP and graphql-ws. */
export function createContext(server: ServerContext, services: Services): GraphQLContext {
  return { ...server, services };
}
