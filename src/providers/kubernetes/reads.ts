import type { Viewer } from '../../auth/viewer.ts';
import { NotFoundError } from '../../errors.ts';
import type { ReadScope, Resource, ResourceFilter } from '../provider.ts';
import type { KubeResource } from './store.ts';
import type { KubeEvent } from './types.ts';

/**
 * What the GraphQL layer reads of Kubernetes beyond the Provider interface: relations between
 * cached objects, their events and pod logs. Every read but the logs is from memory.
 */
export interface KubernetesReads {
  /** The clusters (kubeconfig contexts) watched. */
  readonly contexts: readonly string[];
  get(id: string): KubeResource | undefined;
  list(filter: ResourceFilter): Resource[];
  /** The controller that owns the resource (ReplicaSet of a pod, Deployment of a ReplicaSet). */
  owner(r: KubeResource): KubeResource | undefined;
  /** The top of the ownership chain: a pod's Deployment rather than its ReplicaSet. */
  topOwner(r: KubeResource): KubeResource | undefined;
  /** Pods a workload runs, through ReplicaSets for a Deployment. */
  podsOf(r: KubeResource): KubeResource[];
  ownedBy(r: KubeResource): KubeResource[];
  podsOnNode(node: KubeResource): KubeResource[];
  nodeOf(pod: KubeResource): KubeResource | undefined;
  /** A resource named by kind and name in the same context and namespace (HPA targets). */
  sibling(r: KubeResource, apiKind: string, name: string): KubeResource | undefined;
  events(r: KubeResource, limit: number): KubeEvent[];
  /**
   * The log API, asked as the viewer when they are a person under KUBE_IMPERSONATION (the
   * cluster decides on pods/log); a node that cannot serve logs (kwok, a dead kubelet) is a
   * LogsUnavailableError.
   */
  podLogs(
    id: string,
    opts: {
      container?: string | undefined;
      tailLines?: number | undefined;
      sinceSeconds?: number | undefined;
    },
    viewer?: Viewer,
  ): Promise<PodLogText>;
}

/** A container's log as read: at most POD_LOGS_MAX_BYTES, `truncated` when there was more. */
export interface PodLogText {
  pod: KubeResource;
  container: string;
  text: string;
  truncated: boolean;
}

/** Kubernetes's reads as a viewer with this scope may make them: what they may not read is not there. */
export function scopedReads(reads: KubernetesReads, scope: ReadScope): KubernetesReads {
  const one = (r: KubeResource | undefined) => (r && scope.sees(r) ? r : undefined);
  const all = (rs: KubeResource[]) => rs.filter((r) => scope.sees(r));
  return {
    contexts: reads.contexts,
    get: (id) => one(reads.get(id)),
    list: (filter) => reads.list({ ...filter, scope }),
    owner: (r) => one(reads.owner(r)),
    topOwner: (r) => one(reads.topOwner(r)),
    podsOf: (r) => all(reads.podsOf(r)),
    ownedBy: (r) => all(reads.ownedBy(r)),
    podsOnNode: (node) => all(reads.podsOnNode(node)),
    nodeOf: (pod) => one(reads.nodeOf(pod)),
    sibling: (r, apiKind, name) => one(reads.sibling(r, apiKind, name)),
    events: (r, limit) => (scope.sees(r) ? reads.events(r, limit) : []),
    podLogs: async (id, opts, viewer) => {
      const r = reads.get(id);
      if (!r || !scope.sees(r)) throw new NotFoundError(`no pod with id ${id}`);
      return reads.podLogs(id, opts, viewer);
    },
  };
}
