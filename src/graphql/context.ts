import type { DocumentNode } from 'graphql';
import type { Services } from '../app.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../logger.ts';
import { scopedReads } from '../providers/kubernetes/reads.ts';
import type { ReadScope } from '../providers/provider.ts';
import type { Stamp } from '../server/response-cache.ts';

/** What the transport (HTTP or WebSocket) hands to yoga for every operation. */
export interface ServerContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
  /** SSE's `Last-Event-ID` header: where a reconnecting EventSource resumes (as `after`). */
  lastEventId?: string | undefined;
  /** Where the response cache tells the HTTP front that this request's answer was kept. */
  kept?: KeptSlot | undefined;
}

/** A query's answer as the response cache kept it (src/server/response-cache.ts). */
export interface KeptSlot {
  answer?: {
    /** The sources' versions it was computed at, which of them it read, the viewer's scope. */
    stamp: Stamp;
    deps: number;
    scope: string;
    json: string;
    /** Its document (the front charges the rate limiter for its expensive fields from it). */
    document: DocumentNode;
  };
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
  /**
   * What the viewer may read (a person under KUBE_IMPERSONATION); undefined: everything. The
   * registry and the Kubernetes reads apply it themselves; services that sum or store what
   * the caches hold (overview, cost, advice, forecasts, audit, chat) are handed it.
   */
  scope: ReadScope | undefined;
}

/**
 * The one context factory, shared by HTTP and graphql-ws (through `contextOf`). A viewer with
 * a read scope (a person under KUBE_IMPERSONATION) gets the registry and the Kubernetes reads
 * as the cluster's RBAC lets them read.
 */
export function createContext(
  server: ServerContext,
  services: ResolverServices,
  scope?: ReadScope,
): GraphQLContext {
  const seen = scope
    ? {
        ...services,
        providers: services.providers.seenThrough(scope),
        kubernetes: services.kubernetes && scopedReads(services.kubernetes, scope),
      }
    : services;
  return { ...server, services: seen, stream: { cursor: undefined }, scope };
}

/** The context of one operation: the viewer's read scope (cached per person) first. */
export async function contextOf(
  server: ServerContext,
  services: ResolverServices,
): Promise<GraphQLContext> {
  return createContext(server, services, await services.access?.scopeOf(server.viewer));
}
