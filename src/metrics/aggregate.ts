import { resourceId } from '../providers/kubernetes/kinds.ts';
import type { KubernetesProvider } from '../providers/kubernetes/provider.ts';
import { parseQuantity } from '../providers/kubernetes/quantity.ts';
import type { KubeResource } from '../providers/kubernetes/store.ts';
import type { ContainerSpec, KubeNode, Pod } from '../providers/kubernetes/types.ts';
import { METRIC_NAMES, NAME_INDEX, USAGE_NAMES, type PodUsageSet } from './types.ts';

export const N = METRIC_NAMES.length;

/**
 * One collection's values for every target, packed: `values[i * N + NAME_INDEX[name]]` is
 * the value of `ids[i]`, NaN when unknown. Shared read-only by the window, the samples and
 * the rollups, so a cycle allocates one array however many consumers it has.
 */
export interface Snapshot {
  t: number;
  ids: string[];
  values: Float64Array;
  /** Row of each id, for lookups. */
  index: Map<string, number>;
}

/** The pseudo-target of a whole cluster (not a Resource; the overview reads it). */
export const clusterTargetId = (context: string) => `k8s:${context}`;

const I = NAME_INDEX;
const UNKNOWN_UNTIL_ADDED = [I.CPU_CAPACITY, I.MEMORY_CAPACITY, ...USAGE_NAMES.map((n) => I[n])];
const SPEC_INDEX = [I.CPU_REQUEST, I.CPU_LIMIT, I.MEMORY_REQUEST, I.MEMORY_LIMIT];
const USAGE_INDEX = USAGE_NAMES.map((n) => I[n]);
const AGGREGATED = ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET', 'REPLICASET'];

/**
 * A container's own target: its pod's id and its name (a container name has no `/`). Cost
 * allocation reads these rows' rollups (OpenCost's container grain); nothing sums them again.
 */
export const containerTargetId = (podId: string, container: string) => `${podId}/${container}`;

type Spec = [number, number, number, number];

/** A container's requests and limits (CPU request, CPU limit, memory request, memory limit). */
function containerSpec(c: ContainerSpec): Spec {
  return [
    parseQuantity(c.resources?.requests?.cpu) ?? 0,
    parseQuantity(c.resources?.limits?.cpu) ?? NaN,
    parseQuantity(c.resources?.requests?.memory) ?? 0,
    parseQuantity(c.resources?.limits?.memory) ?? NaN,
  ];
}

/** A pod's own requests and limits from its spec; a limit exists only if every container has one. */
function podSpec(containers: Spec[]): Spec {
  const sum: Spec = [0, 0, 0, 0];
  for (const c of containers) for (let k = 0; k < 4; k++) sum[k] = (sum[k] ?? 0) + (c[k] ?? NaN);
  return sum;
}

const terminated = (pod: Pod) =>
  pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** What a pod adds to, besides itself: cluster, namespace, node, owning workloads. */
interface PodStatic {
  spec: Spec;
  targets: string[];
  /** Each container's name, own target id and spec. */
  containers: { name: string; id: string; spec: Spec }[];
}

/**
 * Keyed by the cached pod object, which the watch replaces on every change, so an entry is
 * never stale for its pod; it is only stored once the whole owner chain resolved (a pod
 * can arrive before its ReplicaSet: then it is worked out again next cycle).
 */
const podStatics = new WeakMap<object, PodStatic>();

function podStatic(kube: KubernetesProvider, pod: KubeResource): PodStatic {
  const cached = podStatics.get(pod.object);
  if (cached) return cached;
  const p = pod.object as Pod;
  const targets = [
    clusterTargetId(pod.cluster),
    resourceId(pod.cluster, 'NAMESPACE', null, pod.namespace ?? ''),
  ];
  const node = p.spec?.nodeName;
  if (node) targets.push(resourceId(pod.cluster, 'NODE', null, node));
  // ReplicaSet, then its Deployment: each workload up the chain sums the pod.
  let resolved = true;
  let current: KubeResource | undefined = pod;
  for (let depth = 0; current && depth < 4; depth++) {
    const next = kube.owner(current);
    if (!next && current.object.metadata.ownerReferences?.length) resolved = false;
    if (next && AGGREGATED.includes(next.kind)) targets.push(next.id);
    current = next;
  }
  const containers = (p.spec?.containers ?? []).map((c) => ({
    name: c.name,
    id: containerTargetId(pod.id, c.name),
    spec: containerSpec(c),
  }));
  const value = { spec: podSpec(containers.map((c) => c.spec)), targets, containers };
  if (resolved) podStatics.set(pod.object, value);
  return value;
}

/** Pods joined between yields to the event loop (10k pods take ~100 ms in all). */
const PODS_PER_SLICE = 2000;

/**
 * Joins pod usage from a metric source with the watch caches: every pod's usage, requests and
 * limits; the same summed over each workload (through the owner chain), namespace, node and
 * cluster; node and cluster allocatable capacity. One pass over the pods, no backend calls.
 */
export async function aggregate(
  kube: KubernetesProvider,
  usage: PodUsageSet,
  t: number,
): Promise<Snapshot> {
  const ids: string[] = [];
  const index = new Map<string, number>();
  let values = new Float64Array(1024 * N).fill(NaN);
  const row = (id: string, zero: boolean): number => {
    let i = index.get(id);
    if (i !== undefined) return i;
    i = ids.length;
    ids.push(id);
    index.set(id, i);
    if ((i + 1) * N > values.length) {
      const grown = new Float64Array(values.length * 2).fill(NaN);
      grown.set(values);
      values = grown;
    }
    if (zero) {
      // Requests and limits sum from zero; usage and capacity stay unknown until a pod (a
      // node) with a known value adds to them, so "no data" never reads as "idle".
      values.fill(0, i * N, (i + 1) * N);
      for (const k of UNKNOWN_UNTIL_ADDED) values[i * N + k] = NaN;
    }
    return i;
  };
  const add = (r: number, k: number, v: number) => {
    if (!Number.isFinite(v)) return;
    const at = r * N + k;
    values[at] = Number.isNaN(values[at] ?? NaN) ? v : (values[at] ?? 0) + v;
  };

  for (const node of kube.store.list({ kinds: ['NODE'] })) {
    const alloc = (node.object as KubeNode).status?.allocatable;
    const r = row(node.id, true);
    const cluster = row(clusterTargetId(node.cluster), true);
    for (const [k, q] of [
      [I.CPU_CAPACITY, alloc?.cpu],
      [I.MEMORY_CAPACITY, alloc?.memory],
    ] as const) {
      const v = parseQuantity(q) ?? NaN;
      add(r, k, v);
      add(cluster, k, v);
    }
  }
  for (const ns of kube.store.list({ kinds: ['NAMESPACE'] })) row(ns.id, true);

  let seen = 0;
  for (const pod of kube.store.list({ kinds: ['POD'] })) {
    if (++seen % PODS_PER_SLICE === 0) await new Promise((r) => setImmediate(r));
    if (terminated(pod.object)) continue;
    const own = row(pod.id, false);
    const u = usage.get(pod.cluster, pod.namespace ?? '', pod.name);
    const { spec, targets, containers } = podStatic(kube, pod);
    const rows = [own];
    for (const id of targets) rows.push(row(id, true));
    for (const r of rows) {
      for (let k = 0; k < 4; k++) add(r, SPEC_INDEX[k] ?? 0, spec[k] ?? NaN);
      USAGE_NAMES.forEach((name, k) => add(r, USAGE_INDEX[k] ?? 0, u?.[name] ?? NaN));
    }
    for (const c of containers) {
      const r = row(c.id, false);
      for (let k = 0; k < 4; k++) add(r, SPEC_INDEX[k] ?? 0, c.spec[k] ?? NaN);
      const cu = u?.containers?.[c.name];
      add(r, I.CPU_USAGE, cu?.CPU_USAGE ?? NaN);
      add(r, I.MEMORY_USAGE, cu?.MEMORY_USAGE ?? NaN);
    }
  }
  // Sums exist for workloads with no live pods too (zero), so a scaled-to-zero one reads 0.
  for (const w of kube.store.list({ kinds: ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET'] })) {
    row(w.id, true);
  }
  return { t, ids, values: values.slice(0, ids.length * N), index };
}
