// The small value types the Kubernetes resource types share (conditions, quantities,
// containers, events). Split from kubernetes.ts to keep each file readable.
import type { Resource } from '../providers/provider.ts';
import type { KubernetesReads } from '../providers/kubernetes/reads.ts';
import { parseQuantity } from '../providers/kubernetes/quantity.ts';
import type { KubeResource } from '../providers/kubernetes/store.ts';
import type {
  Condition,
  ContainerSpec,
  ContainerStatus,
  KubeEvent,
  LabelSelectorSpec,
  Quantities,
} from '../providers/kubernetes/types.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';

/** Kubernetes's reads beyond the provider interface, when it is configured. */
export const kube = (ctx: GraphQLContext): KubernetesReads | undefined => ctx.services.kubernetes;

export const asKube = (r: Resource) => r as KubeResource;

export const ConditionRef = builder.objectRef<Condition>('KubernetesCondition').implement({
  description: 'One status condition of a Kubernetes object, as the object reports it.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'Its type, e.g. Ready or Available.' }),
    status: t.exposeString('status', { description: 'True, False or Unknown.' }),
    reason: t.string({
      nullable: true,
      description: 'A CamelCase reason for the last transition; null when none was given.',
      resolve: (c) => c.reason ?? null,
    }),
    message: t.string({
      nullable: true,
      description: 'A human-readable detail; null when none was given.',
      resolve: (c) => c.message ?? null,
    }),
    lastTransitionTime: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the status last changed; null when the object does not say.',
      resolve: (c) => c.lastTransitionTime ?? null,
    }),
  }),
});

export const ResourceListRef = builder.objectRef<Quantities>('ResourceList').implement({
  description: 'Kubernetes quantities as written (cpu "250m") and in base units (cores, bytes).',
  fields: (t) => ({
    cpu: t.string({
      nullable: true,
      description: 'CPU as written, e.g. "250m" or "2"; null when not set.',
      resolve: (q) => q.cpu ?? null,
    }),
    memory: t.string({
      nullable: true,
      description: 'Memory as written, e.g. "512Mi"; null when not set.',
      resolve: (q) => q.memory ?? null,
    }),
    cpuCores: t.float({
      nullable: true,
      description: 'CPU in cores (0.25 for "250m"); null when not set.',
      resolve: (q) => parseQuantity(q.cpu),
    }),
    memoryBytes: t.float({
      nullable: true,
      description: 'Memory in bytes; null when not set.',
      resolve: (q) => parseQuantity(q.memory),
    }),
    pods: t.int({
      nullable: true,
      description: 'How many pods (a node capacity); null when not set.',
      resolve: (q) => parseQuantity(q.pods),
    }),
    all: t.field({ type: 'JSON', description: 'Every quantity, by name.', resolve: (q) => q }),
  }),
});

const EMPTY_QUANTITIES: Quantities = {};

export const ContainerSpecRef = builder.objectRef<ContainerSpec>('ContainerSpec').implement({
  description: 'A container as a pod template declares it.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The container name, unique in the pod.' }),
    image: t.string({
      nullable: true,
      description: 'The image reference; null when left to a controller to set.',
      resolve: (c) => c.image ?? null,
    }),
    requests: t.field({
      type: ResourceListRef,
      description: 'resources.requests: what the scheduler reserves (all null when unset).',
      resolve: (c) => c.resources?.requests ?? EMPTY_QUANTITIES,
    }),
    limits: t.field({
      type: ResourceListRef,
      description: 'resources.limits: the most it may use (all null when unset).',
      resolve: (c) => c.resources?.limits ?? EMPTY_QUANTITIES,
    }),
  }),
});

export type LiveContainer = { spec: ContainerSpec; status: ContainerStatus | undefined };

export const ContainerRef = builder.objectRef<LiveContainer>('Container').implement({
  description: 'A container of a running pod: its declaration and its status.',
  fields: (t) => ({
    name: t.string({
      description: 'The container name, unique in the pod.',
      resolve: (c) => c.spec.name,
    }),
    image: t.string({
      nullable: true,
      description: 'The image it runs (the declared one until it has started); null when unset.',
      resolve: (c) => c.status?.image ?? c.spec.image ?? null,
    }),
    ready: t.boolean({
      description: 'Its readiness probe passes (false while it has no status).',
      resolve: (c) => c.status?.ready ?? false,
    }),
    restarts: t.int({
      description: 'How many times the kubelet restarted it.',
      resolve: (c) => c.status?.restartCount ?? 0,
    }),
    state: t.string({
      nullable: true,
      description: 'running, waiting or terminated.',
      resolve: (c) => {
        const s = c.status?.state;
        return s?.running
          ? 'running'
          : s?.waiting
            ? 'waiting'
            : s?.terminated
              ? 'terminated'
              : null;
      },
    }),
    stateReason: t.string({
      nullable: true,
      description: 'e.g. CrashLoopBackOff, ImagePullBackOff, OOMKilled.',
      resolve: (c) =>
        c.status?.state?.waiting?.reason ?? c.status?.state?.terminated?.reason ?? null,
    }),
    requests: t.field({
      type: ResourceListRef,
      description: 'resources.requests: what the scheduler reserves (all null when unset).',
      resolve: (c) => c.spec.resources?.requests ?? EMPTY_QUANTITIES,
    }),
    limits: t.field({
      type: ResourceListRef,
      description: 'resources.limits: the most it may use (all null when unset).',
      resolve: (c) => c.spec.resources?.limits ?? EMPTY_QUANTITIES,
    }),
  }),
});

export const KubernetesEventRef = builder.objectRef<KubeEvent>('KubernetesEvent').implement({
  description: 'A core/v1 Event about a resource, from the bounded recent-events cache.',
  fields: (t) => ({
    type: t.string({
      nullable: true,
      description: 'Normal or Warning.',
      resolve: (e) => e.type ?? null,
    }),
    reason: t.string({
      nullable: true,
      description: 'A CamelCase reason, e.g. BackOff or Scheduled; null when none was given.',
      resolve: (e) => e.reason ?? null,
    }),
    message: t.string({
      nullable: true,
      description: 'What happened, in words; null when none was given.',
      resolve: (e) => e.message ?? null,
    }),
    count: t.int({
      description: 'How many times it happened (1 for a single occurrence).',
      resolve: (e) => e.series?.count ?? e.count ?? 1,
    }),
    firstSeen: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it first happened; null when the event carries no time.',
      resolve: (e) => e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? null,
    }),
    lastSeen: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it last happened; null when the event carries no time.',
      resolve: (e) =>
        e.series?.lastObservedTime ??
        e.lastTimestamp ??
        e.eventTime ??
        e.metadata.creationTimestamp ??
        null,
    }),
    source: t.string({
      nullable: true,
      description: 'The component that reported it, e.g. kubelet; null when not named.',
      resolve: (e) => e.reportingComponent || e.source?.component || null,
    }),
  }),
});

/** Renders a selector in kubectl's syntax, the same syntax `resources(filter.labelSelector)` takes. */
export function selectorString(spec: LabelSelectorSpec | undefined): string | null {
  if (!spec) return null;
  const parts = Object.entries(spec.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of spec.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}
