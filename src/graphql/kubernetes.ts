import type { ObjectFieldsShape } from '@pothos/core';
import { decodeGlobalIdOf } from './global-id.ts';
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  ProviderError,
  ValidationError,
} from '../errors.ts';
import { STOPPED_REPLICAS, RESTARTED_AT } from '../providers/kubernetes/actions.ts';
import { LogsUnavailableError } from '../providers/kubernetes/errors.ts';
import type { KubeResource } from '../providers/kubernetes/store.ts';
import type {
  Hpa,
  KubeNode,
  KubeObject,
  Namespace,
  Pod,
  Service,
  Workload,
} from '../providers/kubernetes/types.ts';
import type { Resource, ResourceKind } from '../providers/provider.ts';
import { ErrorInterface } from './base.ts';
import { builder, type BuilderTypes } from './builder.ts';
import {
  asKube,
  ConditionRef,
  ContainerRef,
  ContainerSpecRef,
  kube,
  KubernetesEventRef,
  ResourceListRef,
  selectorString,
} from './kubernetes-parts.ts';
import { ResourceInterface, ResourceKindEnum, resourceNode } from './resources.ts';
import { MAX_PAGE, pageSize } from './pagination.ts';

type Fields = ObjectFieldsShape<BuilderTypes, Resource<KubeObject>>;
type FieldBuilder = Parameters<Fields>[0];

const pod = (r: Resource<KubeObject>) => r.object as Pod;
const wl = (r: Resource<KubeObject>) => r.object as Workload;
const EMPTY = {};
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

function kubeNode(name: string, kind: ResourceKind, description: string, fields: Fields) {
  return resourceNode<KubeObject>(name, kind, {
    description,
    fields: (t) => ({ ...common(t), ...fields(t) }),
  });
}

const podList = (
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
const PodRef = kubeNode('Pod', 'POD', 'A Kubernetes pod.', (t) => ({
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

/** Fields shared by Deployment, StatefulSet, ReplicaSet and DaemonSet. */
function workloadFields(t: FieldBuilder, daemon: boolean) {
  const s = (r: Resource<KubeObject>) => wl(r).status;
  return {
    desiredReplicas: t.int({
      description: daemon ? 'Nodes that should run the pod.' : 'spec.replicas.',
      resolve: (r) => (daemon ? (s(r)?.desiredNumberScheduled ?? 0) : (wl(r).spec?.replicas ?? 1)),
    }),
    readyReplicas: t.int({
      description: daemon
        ? 'Nodes whose pod is ready (status.numberReady); 0 when not reported.'
        : 'Pods that are ready (status.readyReplicas); 0 when not reported.',
      resolve: (r) => (daemon ? s(r)?.numberReady : s(r)?.readyReplicas) ?? 0,
    }),
    availableReplicas: t.int({
      description: daemon
        ? 'Nodes whose pod has been ready for minReadySeconds (status.numberAvailable).'
        : 'Pods ready for at least minReadySeconds (status.availableReplicas).',
      resolve: (r) => (daemon ? s(r)?.numberAvailable : s(r)?.availableReplicas) ?? 0,
    }),
    updatedReplicas: t.int({
      description: daemon
        ? 'Nodes running the current pod template (status.updatedNumberScheduled).'
        : 'Pods of the current pod template (status.updatedReplicas).',
      resolve: (r) => (daemon ? s(r)?.updatedNumberScheduled : s(r)?.updatedReplicas) ?? 0,
    }),
    currentReplicas: t.int({
      description: daemon
        ? 'Nodes running at least one of its pods (status.currentNumberScheduled).'
        : 'Pods that exist now, of any template (status.replicas).',
      resolve: (r) => (daemon ? s(r)?.currentNumberScheduled : s(r)?.replicas) ?? 0,
    }),
    strategy: t.string({
      nullable: true,
      description:
        'The update strategy type (RollingUpdate, Recreate, OnDelete); null when the kind has none (ReplicaSet).',
      resolve: (r) => wl(r).spec?.strategy?.type ?? wl(r).spec?.updateStrategy?.type ?? null,
    }),
    selector: t.string({
      nullable: true,
      description: 'In label-selector syntax.',
      resolve: (r) => selectorString(wl(r).spec?.selector),
    }),
    conditions: t.field({
      type: [ConditionRef],
      description: 'status.conditions, e.g. Available and Progressing.',
      resolve: (r) => s(r)?.conditions ?? [],
    }),
    containers: t.field({
      type: [ContainerSpecRef],
      description: 'The containers of its pod template, as declared (requests, limits, image).',
      resolve: (r) => wl(r).spec?.template?.spec?.containers ?? [],
    }),
    stoppedReplicas: t.int({
      nullable: true,
      description: 'Replicas remembered by stopResource, restored by startResource.',
      resolve: (r) => {
        const v = r.object.metadata.annotations?.[STOPPED_REPLICAS];
        return v !== undefined && /^\d+$/.test(v) ? Number(v) : null;
      },
    }),
    restartedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a rollout restart was last asked for.',
      resolve: (r) => wl(r).spec?.template?.metadata?.annotations?.[RESTARTED_AT] ?? null,
    }),
    pods: podList(
      t,
      'The pods it runs (through ReplicaSets for a Deployment).',
      (r, ctx) => kube(ctx)?.podsOf(r) ?? [],
    ),
  };
}

const ReplicaSetRef = kubeNode('ReplicaSet', 'REPLICASET', 'A Kubernetes ReplicaSet.', (t) =>
  workloadFields(t, false),
);

kubeNode('Deployment', 'DEPLOYMENT', 'A Kubernetes Deployment.', (t) => ({
  ...workloadFields(t, false),
  paused: t.boolean({
    description: 'spec.paused: rollouts are held until it is resumed.',
    resolve: (r) => wl(r).spec?.paused ?? false,
  }),
  replicaSets: t.field({
    type: [ReplicaSetRef],
    description: 'The ReplicaSets it owns (current and old revisions), from the cache.',
    resolve: (r, _a, ctx) =>
      (kube(ctx)?.ownedBy(asKube(r)) ?? []).filter((o) => o.kind === 'REPLICASET'),
  }),
}));
kubeNode('StatefulSet', 'STATEFULSET', 'A Kubernetes StatefulSet.', (t) =>
  workloadFields(t, false),
);
kubeNode('DaemonSet', 'DAEMONSET', 'A Kubernetes DaemonSet: one pod per matching node.', (t) =>
  workloadFields(t, true),
);

const ServicePortRef = builder
  .objectRef<NonNullable<NonNullable<Service['spec']>['ports']>[number]>('ServicePort')
  .implement({
    description: 'One port a Service exposes.',
    fields: (t) => ({
      name: t.string({
        nullable: true,
        description: 'Its name; null when the Service has a single unnamed port.',
        resolve: (p) => p.name ?? null,
      }),
      port: t.exposeInt('port', { description: 'The port the Service listens on (1-65535).' }),
      targetPort: t.string({
        nullable: true,
        description:
          "The pods' port, a number or a named container port; null means the same as `port`.",
        resolve: (p) => (p.targetPort === undefined ? null : String(p.targetPort)),
      }),
      protocol: t.string({
        description: 'TCP, UDP or SCTP (TCP when unset).',
        resolve: (p) => p.protocol ?? 'TCP',
      }),
      nodePort: t.int({
        nullable: true,
        description: 'The port on every node (NodePort and LoadBalancer types); null otherwise.',
        resolve: (p) => p.nodePort ?? null,
      }),
    }),
  });

const svc = (r: Resource<KubeObject>) => r.object as Service;
/** A Service selects by equality only; an empty selector selects nothing (endpoints are manual). */
const serviceSelector = (s: Service) => {
  const sel = s.spec?.selector;
  return sel && Object.keys(sel).length > 0 ? selectorString({ matchLabels: sel }) : null;
};
kubeNode('Service', 'SERVICE', 'A Kubernetes Service.', (t) => ({
  type: t.string({
    description: 'ClusterIP, NodePort, LoadBalancer or ExternalName.',
    resolve: (r) => svc(r).spec?.type ?? 'ClusterIP',
  }),
  clusterIP: t.string({
    nullable: true,
    description: 'spec.clusterIP ("None" for a headless Service); null when not allocated.',
    resolve: (r) => svc(r).spec?.clusterIP ?? null,
  }),
  clusterIPs: t.stringList({
    description: 'spec.clusterIPs (one per IP family); empty when none.',
    resolve: (r) => svc(r).spec?.clusterIPs ?? [],
  }),
  externalIPs: t.stringList({
    description: 'spec.externalIPs followed by the load balancer ingress IPs or hostnames.',
    resolve: (r) => [
      ...(svc(r).spec?.externalIPs ?? []),
      ...(svc(r).status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip ?? i.hostname ?? '')
        .filter(Boolean),
    ],
  }),
  ports: t.field({
    type: [ServicePortRef],
    description: 'The ports it exposes.',
    resolve: (r) => svc(r).spec?.ports ?? [],
  }),
  selector: t.string({
    nullable: true,
    description: 'In label-selector syntax; null selects nothing.',
    resolve: (r) => serviceSelector(svc(r)),
  }),
  pods: podList(t, 'The pods its selector selects.', (r, ctx) => {
    const selector = serviceSelector(svc(r));
    if (!selector) return [];
    return (kube(ctx)?.list({
      clusters: [r.cluster],
      namespaces: [r.namespace ?? ''],
      kinds: ['POD'],
      labelSelector: selector,
    }) ?? []) as KubeResource[];
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

const hpa = (r: Resource<KubeObject>) => r.object as Hpa;
kubeNode(
  'HorizontalPodAutoscaler',
  'HORIZONTAL_POD_AUTOSCALER',
  'A Kubernetes HorizontalPodAutoscaler (autoscaling/v2).',
  (t) => ({
    minReplicas: t.int({
      description: 'The fewest replicas it scales to (spec.minReplicas, default 1).',
      resolve: (r) => hpa(r).spec?.minReplicas ?? 1,
    }),
    maxReplicas: t.int({
      description: 'The most replicas it scales to (spec.maxReplicas).',
      resolve: (r) => hpa(r).spec?.maxReplicas ?? 0,
    }),
    currentReplicas: t.int({
      nullable: true,
      description: 'Replicas of its target now; null before the controller first reports.',
      resolve: (r) => hpa(r).status?.currentReplicas ?? null,
    }),
    desiredReplicas: t.int({
      nullable: true,
      description: 'Replicas it last asked for; null before the controller first reports.',
      resolve: (r) => hpa(r).status?.desiredReplicas ?? null,
    }),
    targetKind: t.string({
      nullable: true,
      description: 'The kind it scales (spec.scaleTargetRef.kind), e.g. Deployment.',
      resolve: (r) => hpa(r).spec?.scaleTargetRef?.kind ?? null,
    }),
    targetName: t.string({
      nullable: true,
      description: 'The name of what it scales, in its own namespace.',
      resolve: (r) => hpa(r).spec?.scaleTargetRef?.name ?? null,
    }),
    target: t.field({
      type: ResourceInterface,
      nullable: true,
      description: 'The workload it scales; null when that is not cached (or does not exist).',
      resolve: (r, _a, ctx) => {
        const ref = hpa(r).spec?.scaleTargetRef;
        return ref ? (kube(ctx)?.sibling(asKube(r), ref.kind, ref.name) ?? null) : null;
      },
    }),
    // Not `metrics`: every Resource has metrics(names, range, step) by the API contract.
    metricSpecs: t.field({
      type: 'JSON',
      description: 'spec.metrics: what the autoscaler scales on.',
      resolve: (r) => hpa(r).spec?.metrics ?? [],
    }),
    currentMetrics: t.field({
      type: 'JSON',
      description: 'status.currentMetrics: the values it last read, as Kubernetes writes them.',
      resolve: (r) => hpa(r).status?.currentMetrics ?? [],
    }),
    conditions: t.field({
      type: [ConditionRef],
      description: 'status.conditions (AbleToScale, ScalingActive, ScalingLimited).',
      resolve: (r) => hpa(r).status?.conditions ?? [],
    }),
    lastScaleTime: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it last changed the replica count; null if it never has.',
      resolve: (r) => hpa(r).status?.lastScaleTime ?? null,
    }),
  }),
);

builder.objectType(LogsUnavailableError, {
  name: 'LogsUnavailableError',
  description:
    'The node the pod runs on cannot serve its logs (a virtual node, a kubelet that is down).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof LogsUnavailableError,
  fields: (t) => ({
    node: t.string({
      nullable: true,
      description: 'The node that could not serve them; null when the pod is not scheduled.',
      resolve: (e) => e.node,
    }),
  }),
});

interface PodLogs {
  pod: KubeResource;
  container: string;
  text: string;
}

const PodLogsRef = builder.objectRef<PodLogs>('PodLogs').implement({
  description: 'A snapshot of one container log.',
  isTypeOf: (v) => !(v instanceof AppError),
  fields: (t) => ({
    pod: t.field({ type: PodRef, description: 'The pod.', resolve: (l) => l.pod }),
    container: t.exposeString('container', { description: 'The container the log is of.' }),
    text: t.exposeString('text', { description: 'The log as the kubelet returned it.' }),
    lines: t.stringList({
      description: 'The same text split into lines (no trailing empty line).',
      resolve: (l) => (l.text ? l.text.replace(/\n$/, '').split('\n') : []),
    }),
  }),
});

const MAX_TAIL = 100_000;

builder.queryFields((t) => ({
  podLogs: t.field({
    type: PodLogsRef,
    // Thrown AppErrors become union members (a returned Error would fail the field).
    errors: {
      types: [NotFoundError, ForbiddenError, ValidationError, LogsUnavailableError, ProviderError],
      directResult: true,
      union: {
        name: 'PodLogsResult',
        description: 'The log, or why it could not be read.',
      },
    },
    description: 'The log of one container of a pod, from the Kubernetes log API (no follow).',
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the Pod.' }),
      container: t.arg.string({ required: false, description: 'Default: the first container.' }),
      tailLines: t.arg.int({
        required: false,
        description: `Only the last lines, 0 to ${MAX_TAIL}; the whole log when absent.`,
      }),
      sinceSeconds: t.arg.int({
        required: false,
        description: 'Only lines written in the last this many seconds (>= 1).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const id = decodeGlobalIdOf(String(args.id), (t) => t === 'Pod', 'a Pod id');
      if (args.tailLines != null && (args.tailLines < 0 || args.tailLines > MAX_TAIL)) {
        throw new ValidationError(`tailLines must be from 0 to ${MAX_TAIL}`, [
          { path: 'tailLines', message: 'out of range' },
        ]);
      }
      if (args.sinceSeconds != null && args.sinceSeconds < 1) {
        throw new ValidationError('sinceSeconds must be positive', [
          { path: 'sinceSeconds', message: 'must be >= 1' },
        ]);
      }
      const provider = kube(ctx);
      if (!provider) throw new NotFoundError('Kubernetes is not configured');
      return provider.podLogs(id, {
        container: args.container ?? undefined,
        tailLines: args.tailLines ?? undefined,
        sinceSeconds: args.sinceSeconds ?? undefined,
      });
    },
  }),
}));
