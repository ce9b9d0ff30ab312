// The Kubernetes kinds' GraphQL types: what every kind shares (kubeNode), and the kinds
// that refer to each other: Pod and KubernetesNode, and Namespace. Workloads, Services and
// pod logs have files of their own (kubernetes-workloads.ts, kubernetes-services.ts,
// kubernetes-logs.ts).
import type { ObjectFieldsShape } from '@pothos/core';
import type { KubeResource } from '../providers/kubernetes/store.ts';
import type { KubeNode, KubeObject, Namespace, Pod } from '../providers/kubernetes/types.ts';
import type { Resource, ResourceKind } from '../providers/provider.ts';
import { builder, type BuilderTypes } from './builder.ts';
import {
  asKube,
  ConditionRef,
  ContainerRef,
  kube,
  KubernetesEventRef,
  ResourceListRef,
} from './kubernetes-parts.ts';
import { ResourceInterface, ResourceKindEnum, resourceNode } from './resources.ts';
import { MAX_PAGE, pageSize } from './pagination.ts';

export type Fields = ObjectFieldsShape<BuilderTypes, Resource<KubeObject>>;
export type FieldBuilder = Parameters<Fields>[0];

const pod = (r: Resource<KubeObject>) => r.object as Pod;
export const EMPTY = {};
/** Kubernetes keeps about an hour of events; a resource rarely has more than a few dozen. */
const EVENTS_PAGE = { max: 200, fallback: 20 };

/** Fields every Kubernetes kind has besides the Resource interface's. */
function common(t: FieldBuilder) {
  return {
    uid: t.string({
      description: 'metadata.uid: the Kubernetes object uid (changes when it is recreated).',
      resolve: (r) => r.object.metadata.uid,
    }),
    annotations: t.field({
      type: 'JSON',
      description: 'metadata.annotations as an object of strings; {} when it has none.',
      resolve: (r) => r.object.metadata.annotations ?? EMPTY,
    }),
    owner: t.field({
      type: ResourceInterface,
      nullable: true,
      description: 'The controller that owns this resource, when it is cached.',
      resolve: (r, _a, ctx) => kube(ctx)?.owner(asKube(r)) ?? null,
    }),
    events: t.field({
      type: [KubernetesEventRef],
      description: 'Recent Kubernetes events about this resource, newest first.',
      args: {
        first: t.arg.int({
          required: false,
          description: `At most this many, 0 to ${EVENTS_PAGE.max} (default ${EVENTS_PAGE.fallback}).`,
        }),
      },
      resolve: (r, args, ctx) =>
        kube(ctx)?.events(asKube(r), pageSize(args.first, EVENTS_PAGE)) ?? [],
    }),
  };
}

export function kubeNode(name: string, kind: ResourceKind, description: string, fields: Fields) {
  return resourceNode<KubeObject>(name, kind, {
    description,
    fields: (t) => ({ ...common(t), ...fields(t) }),
  });
}

export const podList = (
  t: FieldBuilder,
  description: string,
  pick: (r: KubeResource, ctx: Parameters<typeof kube>[0]) => KubeResource[],
) =>
  t.field({
    type: [PodRef],
    description,
    args: {
      first: t.arg.int({
        required: false,
        description: `At most this many, 0 to ${MAX_PAGE} (default: all).`,
      }),
    },
    resolve: (r, args, ctx) => {
      const pods = pick(asKube(r), ctx).sort((a, b) => (a.name < b.name ? -1 : 1));
      return pods.slice(0, pageSize(args.first, { max: MAX_PAGE, fallback: pods.length }));
    },
  });

// Pod and KubernetesNode refer to each other; fields are thunks, run once both exist.
export const PodRef = kubeNode('Pod', 'POD', 'A Kubernetes pod.', (t) => ({
  phase: t.string({
    nullable: true,
    description:
      'status.phase: Pending, Running, Succeeded, Failed or Unknown; null before the kubelet reports.',
    resolve: (r) => pod(r).status?.phase ?? null,
  }),
  reason: t.string({
    nullable: true,
    description: 'status.reason, e.g. Evicted; null when Kubernetes gives none.',
    resolve: (r) => pod(r).status?.reason ?? null,
  }),
  message: t.string({
    nullable: true,
    description: 'status.message: why it is in this phase; null when Kubernetes gives none.',
    resolve: (r) => pod(r).status?.message ?? null,
  }),
  ip: t.string({
    nullable: true,
    description: 'status.podIP; null until the pod has a sandbox.',
    resolve: (r) => pod(r).status?.podIP ?? null,
  }),
  hostIP: t.string({
    nullable: true,
    description: "status.hostIP: its node's IP; null until it is scheduled and started.",
    resolve: (r) => pod(r).status?.hostIP ?? null,
  }),
  qosClass: t.string({
    nullable: true,
    description: 'status.qosClass: Guaranteed, Burstable or BestEffort; null until set.',
    resolve: (r) => pod(r).status?.qosClass ?? null,
  }),
  startTime: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When the kubelet accepted it; null before.',
    resolve: (r) => pod(r).status?.startTime ?? null,
  }),
  restarts: t.int({
    description: 'Restarts of all its containers.',
    resolve: (r) =>
      (pod(r).status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
  }),
  ready: t.boolean({
    description: 'Its Ready condition is True (it would receive Service traffic).',
    resolve: (r) =>
      pod(r).status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
  }),
  containers: t.field({
    type: [ContainerRef],
    description: 'Its app containers in spec order, each with its status.',
    resolve: (r) =>
      (pod(r).spec?.containers ?? []).map((spec) => ({
        spec,
        status: pod(r).status?.containerStatuses?.find((s) => s.name === spec.name),
      })),
  }),
  initContainers: t.field({
    type: [ContainerRef],
    description: 'Its init containers in spec order, each with its status.',
    resolve: (r) =>
      (pod(r).spec?.initContainers ?? []).map((spec) => ({
        spec,
        status: pod(r).status?.initContainerStatuses?.find((s) => s.name === spec.name),
      })),
  }),
  conditions: t.field({
    type: [ConditionRef],
    description: 'status.conditions (PodScheduled, Initialized, ContainersReady, Ready).',
    resolve: (r) => pod(r).status?.conditions ?? [],
  }),
  nodeName: t.string({
    nullable: true,
    description: 'spec.nodeName; null while it is not scheduled.',
    resolve: (r) => pod(r).spec?.nodeName ?? null,
  }),
  node: t.field({
    type: NodeRef,
    nullable: true,
    description: 'The node it is scheduled to; null when unscheduled or the node is not cached.',
    resolve: (r, _a, ctx) => kube(ctx)?.nodeOf(asKube(r)) ?? null,
  }),
  workload: t.field({
    type: ResourceInterface,
    nullable: true,
    description: 'The top of its owner chain: the Deployment of a ReplicaSet-owned pod.',
    resolve: (r, _a, ctx) => kube(ctx)?.topOwner(asKube(r)) ?? null,
  }),
}));

const TaintRef = builder
  .objectRef<{ key: string; value?: string; effect: string }>('Taint')
  .implement({
    description: 'A node taint: pods without a matching toleration are kept off (or evicted).',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'The taint key.' }),
      value: t.string({
        nullable: true,
        description: 'The taint value; null when the taint has none.',
        resolve: (x) => x.value ?? null,
      }),
      effect: t.exposeString('effect', {
        description: 'NoSchedule, PreferNoSchedule or NoExecute.',
      }),
    }),
  });

const NodeAddressRef = builder
  .objectRef<{ type: string; address: string }>('NodeAddress')
  .implement({
    description: 'One address of a node, as its kubelet reports it.',
    fields: (t) => ({
      type: t.exposeString('type', {
        description: 'InternalIP, ExternalIP, Hostname, InternalDNS or ExternalDNS.',
      }),
      address: t.exposeString('address', { description: 'The IP address or host name.' }),
    }),
  });

const node = (r: Resource<KubeObject>) => r.object as KubeNode;
export const NodeRef = kubeNode(
  'KubernetesNode',
  'NODE',
  'A Kubernetes node (named so beside the Relay Node interface).',
  (t) => ({
    capacity: t.field({
      type: ResourceListRef,
      description: 'status.capacity: what the machine has.',
      resolve: (r) => node(r).status?.capacity ?? EMPTY,
    }),
    allocatable: t.field({
      type: ResourceListRef,
      description: 'status.allocatable: what pods may request (capacity minus reserved).',
      resolve: (r) => node(r).status?.allocatable ?? EMPTY,
    }),
    conditions: t.field({
      type: [ConditionRef],
      description: 'status.conditions (Ready, MemoryPressure, DiskPressure, PIDPressure).',
      resolve: (r) => node(r).status?.conditions ?? [],
    }),
    taints: t.field({
      type: [TaintRef],
      description: 'spec.taints; empty when none.',
      resolve: (r) => node(r).spec?.taints ?? [],
    }),
    unschedulable: t.boolean({
      description: 'Cordoned.',
      resolve: (r) => node(r).spec?.unschedulable ?? false,
    }),
    addresses: t.field({
      type: [NodeAddressRef],
      description: 'status.addresses.',
      resolve: (r) => node(r).status?.addresses ?? [],
    }),
    kubeletVersion: t.string({
      nullable: true,
      description: 'The kubelet version, e.g. v1.33.1; null before the kubelet reports.',
      resolve: (r) => node(r).status?.nodeInfo?.kubeletVersion ?? null,
    }),
    podCount: t.int({
      description: 'Pods scheduled to it, from the cache (every phase).',
      resolve: (r, _a, ctx) => kube(ctx)?.podsOnNode(asKube(r)).length ?? 0,
    }),
    pods: podList(t, 'The pods scheduled to it.', (r, ctx) => kube(ctx)?.podsOnNode(r) ?? []),
  }),
);

kubeNode('Namespace', 'NAMESPACE', 'A Kubernetes namespace.', (t) => ({
  phase: t.string({
    nullable: true,
    description: 'Active or Terminating; null when not reported.',
    resolve: (r) => (r.object as Namespace).status?.phase ?? null,
  }),
  resources: t.field({
    type: [ResourceInterface],
    description: 'What it holds, from the caches, sorted by kind then name.',
    args: {
      kinds: t.arg({
        type: [ResourceKindEnum],
        required: false,
        description: 'Only these kinds; every namespaced kind when absent.',
      }),
    },
    resolve: (r, args, ctx) =>
      (
        kube(ctx)?.list({
          clusters: [r.cluster],
          namespaces: [r.name],
          kinds: args.kinds ?? undefined,
        }) ?? []
      ).sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : 1) : a.kind < b.kind ? -1 : 1)),
  }),
}));
