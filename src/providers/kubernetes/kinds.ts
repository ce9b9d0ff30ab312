import type { Resource, ResourceKind, ResourceState } from '../provider.ts';
import type {
  Condition,
  Hpa,
  KubeNode,
  KubeObject,
  Namespace,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
  Workload,
} from './types.ts';

/** What the watch caches need to know about one kind. */
export interface KindSpec {
  kind: ResourceKind;
  /** The `kind` field the API uses, for owner references and HPA targets. */
  apiKind: string;
  /** e.g. `/api/v1` or `/apis/apps/v1`. */
  group: string;
  plural: string;
  namespaced: boolean;
  state: (obj: KubeObject) => ResourceState;
}

/** Where an object lives in the API: the collection path for list/watch, and its own path. */
export function collectionPath(spec: KindSpec, namespace?: string): string {
  return spec.namespaced && namespace
    ? `${spec.group}/namespaces/${encodeURIComponent(namespace)}/${spec.plural}`
    : `${spec.group}/${spec.plural}`;
}

export function objectPath(spec: KindSpec, namespace: string | null, name: string): string {
  return `${collectionPath(spec, namespace ?? undefined)}/${encodeURIComponent(name)}`;
}

const condition = (conds: Condition[] | undefined, type: string) =>
  conds?.find((c) => c.type === type);

/** Container waiting reasons that will not fix themselves. */
const STUCK = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

export function podState(obj: KubeObject): ResourceState {
  const pod = obj as Pod;
  if (pod.metadata.deletionTimestamp) return 'TERMINATING';
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  if (statuses.some((c) => STUCK.has(c.state?.waiting?.reason ?? ''))) return 'FAILED';
  switch (pod.status?.phase) {
    case 'Pending':
      return 'PENDING';
    case 'Running':
      return condition(pod.status.conditions, 'Ready')?.status === 'True' ? 'RUNNING' : 'DEGRADED';
    case 'Succeeded':
      return 'SUCCEEDED';
    case 'Failed':
      return 'FAILED';
    default:
      return 'UNKNOWN';
  }
}

/** Ready against desired; 0 desired is STOPPED whatever is still shutting down. */
function replicaState(desired: number, ready: number, failed: boolean): ResourceState {
  if (desired === 0) return 'STOPPED';
  if (ready >= desired) return 'RUNNING';
  if (failed) return 'FAILED';
  return ready === 0 ? 'PENDING' : 'DEGRADED';
}

export function workloadState(obj: KubeObject): ResourceState {
  const w = obj as Workload;
  if (w.metadata.deletionTimestamp) return 'TERMINATING';
  // A Deployment that missed its progress deadline will not get there by waiting.
  const failed =
    condition(w.status?.conditions, 'Progressing')?.reason === 'ProgressDeadlineExceeded' ||
    condition(w.status?.conditions, 'ReplicaFailure')?.status === 'True';
  return replicaState(w.spec?.replicas ?? 1, w.status?.readyReplicas ?? 0, failed);
}

export function daemonSetState(obj: KubeObject): ResourceState {
  const w = obj as Workload;
  if (w.metadata.deletionTimestamp) return 'TERMINATING';
  return replicaState(w.status?.desiredNumberScheduled ?? 0, w.status?.numberReady ?? 0, false);
}

export function nodeState(obj: KubeObject): ResourceState {
  const n = obj as KubeNode;
  if (n.metadata.deletionTimestamp) return 'TERMINATING';
  const ready = condition(n.status?.conditions, 'Ready')?.status;
  return ready === 'True' ? 'RUNNING' : ready === 'False' ? 'FAILED' : 'UNKNOWN';
}

function namespaceState(obj: KubeObject): ResourceState {
  const ns = obj as Namespace;
  if (ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return 'TERMINATING';
  return 'RUNNING';
}

function serviceState(obj: KubeObject): ResourceState {
  const s = obj as Service;
  if (s.metadata.deletionTimestamp) return 'TERMINATING';
  if (s.spec?.type === 'LoadBalancer' && !s.status?.loadBalancer?.ingress?.length) return 'PENDING';
  return 'RUNNING';
}

function hpaState(obj: KubeObject): ResourceState {
  const h = obj as Hpa;
  if (h.metadata.deletionTimestamp) return 'TERMINATING';
  const conds = h.status?.conditions;
  if (condition(conds, 'AbleToScale')?.status === 'False') return 'FAILED';
  if (condition(conds, 'ScalingActive')?.status === 'False') return 'DEGRADED';
  return conds?.length ? 'RUNNING' : 'PENDING';
}

/** Bound or Available volumes are in service; Released wait for reclaim; Failed failed. */
function volumeState(obj: KubeObject): ResourceState {
  const v = obj as PersistentVolume | PersistentVolumeClaim;
  if (v.metadata.deletionTimestamp) return 'TERMINATING';
  switch (v.status?.phase) {
    case 'Bound':
    case 'Available':
      return 'RUNNING';
    case 'Pending':
      return 'PENDING';
    case 'Released':
      return 'STOPPED';
    case 'Failed':
    case 'Lost':
      return 'FAILED';
    default:
      return 'UNKNOWN';
  }
}

export const KINDS: KindSpec[] = [
  {
    kind: 'NAMESPACE',
    apiKind: 'Namespace',
    group: '/api/v1',
    plural: 'namespaces',
    namespaced: false,
    state: namespaceState,
  },
  {
    kind: 'NODE',
    apiKind: 'Node',
    group: '/api/v1',
    plural: 'nodes',
    namespaced: false,
    state: nodeState,
  },
  {
    kind: 'POD',
    apiKind: 'Pod',
    group: '/api/v1',
    plural: 'pods',
    namespaced: true,
    state: podState,
  },
  {
    kind: 'SERVICE',
    apiKind: 'Service',
    group: '/api/v1',
    plural: 'services',
    namespaced: true,
    state: serviceState,
  },
  {
    kind: 'DEPLOYMENT',
    apiKind: 'Deployment',
    group: '/apis/apps/v1',
    plural: 'deployments',
    namespaced: true,
    state: workloadState,
  },
  {
    kind: 'STATEFULSET',
    apiKind: 'StatefulSet',
    group: '/apis/apps/v1',
    plural: 'statefulsets',
    namespaced: true,
    state: workloadState,
  },
  {
    kind: 'DAEMONSET',
    apiKind: 'DaemonSet',
    group: '/apis/apps/v1',
    plural: 'daemonsets',
    namespaced: true,
    state: daemonSetState,
  },
  {
    kind: 'REPLICASET',
    apiKind: 'ReplicaSet',
    group: '/apis/apps/v1',
    plural: 'replicasets',
    namespaced: true,
    state: workloadState,
  },
  {
    kind: 'HORIZONTAL_POD_AUTOSCALER',
    apiKind: 'HorizontalPodAutoscaler',
    group: '/apis/autoscaling/v2',
    plural: 'horizontalpodautoscalers',
    namespaced: true,
    state: hpaState,
  },
  {
    kind: 'PERSISTENT_VOLUME',
    apiKind: 'PersistentVolume',
    group: '/api/v1',
    plural: 'persistentvolumes',
    namespaced: false,
    state: volumeState,
  },
  {
    kind: 'PERSISTENT_VOLUME_CLAIM',
    apiKind: 'PersistentVolumeClaim',
    group: '/api/v1',
    plural: 'persistentvolumeclaims',
    namespaced: true,
    state: volumeState,
  },
];

export const KIND_BY_NAME = new Map(KINDS.map((k) => [k.kind, k]));
export const KIND_BY_API_KIND = new Map(KINDS.map((k) => [k.apiKind, k]));

export function kindSpec(kind: ResourceKind): KindSpec {
  const spec = KIND_BY_NAME.get(kind);
  if (!spec) throw new Error(`not a Kubernetes kind: ${kind}`);
  return spec;
}

/** Stable across restarts and re-creations: built from names, never from the uid. */
export function resourceId(
  context: string,
  kind: ResourceKind,
  namespace: string | null,
  name: string,
): string {
  return `k8s:${context}:${kind}:${namespace ?? ''}:${name}`;
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

export function toResource(context: string, spec: KindSpec, obj: KubeObject): Resource<KubeObject> {
  const m = obj.metadata;
  const namespace = spec.namespaced ? (m.namespace ?? null) : null;
  return {
    id: resourceId(context, spec.kind, namespace, m.name),
    provider: 'KUBERNETES',
    kind: spec.kind,
    cluster: context,
    namespace,
    name: m.name,
    state: spec.state(obj),
    labels: m.labels ?? EMPTY,
    createdAt: m.creationTimestamp ? new Date(m.creationTimestamp) : null,
    object: obj,
  };
}

/** What a cache keeps of an object: managedFields are most of a pod's bytes and never read. */
export function slim<T extends KubeObject>(obj: T): T {
  if (obj.metadata.managedFields !== undefined) delete obj.metadata.managedFields;
  return obj;
}
