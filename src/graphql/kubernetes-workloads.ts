// The workload controllers (ReplicaSet, Deployment, StatefulSet, DaemonSet) and the
// HorizontalPodAutoscaler that scales them.
import { STOPPED_REPLICAS, RESTARTED_AT } from '../providers/kubernetes/actions.ts';
import type { Hpa, KubeObject, Workload } from '../providers/kubernetes/types.ts';
import type { Resource } from '../providers/provider.ts';
import { kubeNode, podList, type FieldBuilder } from './kubernetes.ts';
import {
  asKube,
  ConditionRef,
  ContainerSpecRef,
  kube,
  selectorString,
} from './kubernetes-parts.ts';
import { ResourceInterface } from './resources.ts';

const wl = (r: Resource<KubeObject>) => r.object as Workload;

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
