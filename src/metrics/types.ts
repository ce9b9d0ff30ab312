import type { Resource } from '../providers/provider.ts';

/** The metrics every layer speaks of. Units are fixed per name (see UNITS). */
export const METRIC_NAMES = [
  'CPU_USAGE',
  'MEMORY_USAGE',
  'NETWORK_RECEIVE',
  'NETWORK_TRANSMIT',
  'CPU_REQUEST',
  'CPU_LIMIT',
  'MEMORY_REQUEST',
  'MEMORY_LIMIT',
  'CPU_CAPACITY',
  'MEMORY_CAPACITY',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const UNITS: Record<MetricName, string> = {
  CPU_USAGE: 'cores',
  MEMORY_USAGE: 'bytes',
  NETWORK_RECEIVE: 'bytes/s',
  NETWORK_TRANSMIT: 'bytes/s',
  CPU_REQUEST: 'cores',
  CPU_LIMIT: 'cores',
  MEMORY_REQUEST: 'bytes',
  MEMORY_LIMIT: 'bytes',
  CPU_CAPACITY: 'cores',
  MEMORY_CAPACITY: 'bytes',
};

/** Position of each name in the packed per-target value arrays (window, samples, rollups). */
export const NAME_INDEX: Record<MetricName, number> = Object.fromEntries(
  METRIC_NAMES.map((n, i) => [n, i]),
) as Record<MetricName, number>;

/** The names measured from a metric backend; the others come from the watch caches. */
export const USAGE_NAMES = [
  'CPU_USAGE',
  'MEMORY_USAGE',
  'NETWORK_RECEIVE',
  'NETWORK_TRANSMIT',
] as const;
export type UsageName = (typeof USAGE_NAMES)[number];

/** Usage one container reports (network is the pod sandbox's, not a container's). */
export type ContainerUsage = Partial<Record<'CPU_USAGE' | 'MEMORY_USAGE', number>>;

/** A pod's usage, and its containers' where the source tells them apart (cost's grain). */
export type PodUsage = Partial<Record<UsageName, number>> & {
  containers?: Record<string, ContainerUsage>;
};

/** Current usage of pods as one backend saw it; `cluster` is the Kubernetes context. */
export interface PodUsageSet {
  get(cluster: string, namespace: string, pod: string): PodUsage | undefined;
  size: number;
}

export interface MetricPoint {
  /** Unix milliseconds. */
  t: number;
  v: number;
}

export interface Series {
  targetId: string;
  name: MetricName;
  points: MetricPoint[];
}

/** A validated query window: [from, to] in Unix ms, one point per `stepMs`. */
export interface TimeWindow {
  from: number;
  to: number;
  stepMs: number;
}

/**
 * A backend of metric values. Current usage (for the collector) and history (for the
 * `metrics` query) are optional capabilities: Prometheus has both, metrics.k8s.io only the
 * former, CloudWatch and the rollup store only the latter. Every method costs a fixed number
 * of backend requests, whatever the number of pods or targets.
 */
export interface MetricSource {
  /** Named in errors and in `status` (e.g. "Prometheus"). */
  readonly name: string;
  current?(): Promise<PodUsageSet>;
  /** Whether `range` can answer for this target at all. */
  supports(target: Resource): boolean;
  range?(targets: Resource[], names: MetricName[], window: TimeWindow): Promise<Series[]>;
}
