/**
 * What an allocation is made of: the aggregate keys and filter a query names, and the amounts
 * and rows it answers with. No storage here; the SQL lives in query.ts and sql.ts.
 */

export const AGGREGATE_FIELDS = [
  'cluster',
  'node',
  'namespace',
  'controllerKind',
  'controller',
  'pod',
  'container',
] as const;
export type Aggregate = (typeof AGGREGATE_FIELDS)[number] | `label:${string}`;

/** Kubernetes label keys: an optional DNS prefix and a name of at most 63 characters. */
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

export class CostInputError extends Error {}

/** Validates aggregate keys: the fields above, or `label:<key>`; at most 4, no repeats. */
export function parseAggregate(keys: readonly string[]): Aggregate[] {
  if (keys.length > 4) throw new CostInputError('aggregate: at most 4 keys');
  if (new Set(keys).size !== keys.length) throw new CostInputError('aggregate: a key repeats');
  return keys.map((k) => {
    if ((AGGREGATE_FIELDS as readonly string[]).includes(k)) return k as Aggregate;
    if (k.startsWith('label:') && LABEL_KEY.test(k.slice(6))) return k as Aggregate;
    throw new CostInputError(
      `aggregate: "${k}" is not one of ${AGGREGATE_FIELDS.join(', ')} or label:<key>`,
    );
  });
}

/** Every list narrows (values ORed within a list, lists ANDed); labels must all match. */
export interface CostFilter {
  clusters?: string[] | null | undefined;
  nodes?: string[] | null | undefined;
  namespaces?: string[] | null | undefined;
  controllerKinds?: string[] | null | undefined;
  /** `kind:name`, e.g. `deployment:checkout`. */
  controllers?: string[] | null | undefined;
  /** `namespace/name`. */
  pods?: string[] | null | undefined;
  /** Container names (as in the pod spec). */
  containers?: string[] | null | undefined;
  labels?: { key: string; value: string }[] | null | undefined;
  /** What a viewer with a read scope may see (set from the viewer, never by a query). */
  within?: CostWithin | undefined;
}

/**
 * The cost a person may see under KUBE_IMPERSONATION: pods of the clusters where they may
 * list every pod (`pods`), of the namespaces where they may list pods (`places`) and the pods
 * a rule grants them by name (`named`); idle (node cost no pod took) only of the clusters where
 * they may list every pod and node.
 */
export interface CostWithin {
  pods: string[];
  places: { cluster: string; namespace: string }[];
  named: { cluster: string; namespace: string; name: string }[];
  idle: string[];
}

/** Whether the filter narrows below where pods ran (then idle needs its own totals). */
export const narrowsPods = (f: CostFilter) =>
  Boolean(
    f.within ||
    f.namespaces?.length ||
    f.controllerKinds?.length ||
    f.controllers?.length ||
    f.pods?.length ||
    f.containers?.length ||
    f.labels?.length,
  );

/** Cost amounts and the quantities behind them, summed over a set of pod-hours. */
export interface CostAmounts {
  /** Container-hours (pod-hours for a pod costed whole; node-hours for an idle row). */
  hours: number;
  /** Hours on nodes without a price: their cost is not in the figures. */
  unpricedHours: number;
  cpuRequestCoreHours: number;
  cpuUsageCoreHours: number;
  ramRequestGibHours: number;
  ramUsageGibHours: number;
  cpuCost: number;
  ramCost: number;
  gpuCost: number;
  /** PersistentVolumes (claimed by the row's pods, or unmounted) and EBS volumes. */
  storageCost: number;
  /** GiB-hours of PersistentVolumes without a price: their cost is not in storageCost. */
  unpricedStorageGibHours: number;
  /** AWS instance and database hours, priced whole (not split into CPU and memory). */
  instanceCost: number;
  /** Idle cost spread onto this row (shareIdle). */
  sharedIdleCost: number;
  cpuRequestCost: number;
  cpuUsageCost: number;
  ramRequestCost: number;
  ramUsageCost: number;
}

export interface CostRow extends CostAmounts {
  /** The aggregate values joined by "/"; `__idle__` for idle, `__unallocated__` for none. */
  name: string;
  /** One value per aggregate key, in order. */
  values: (string | null)[];
  start: number;
  end: number;
  idle: boolean;
  /** PersistentVolume GiB-hours no running pod mounted (OpenCost's `__unmounted__`). */
  unmounted?: boolean;
  provider: 'KUBERNETES' | 'AWS';
  unpricedReasons: string[];
}

export const IDLE = '__idle__';
export const UNMOUNTED = '__unmounted__';
/** Said of a row with unpriced PersistentVolume GiB-hours (each volume's own reason: its price). */
export const STORAGE_UNPRICED = 'a PersistentVolume without a price (see PersistentVolume.price)';
export const UNALLOCATED = '__unallocated__';

export const zeroAmounts = (): CostAmounts => ({
  hours: 0,
  unpricedHours: 0,
  cpuRequestCoreHours: 0,
  cpuUsageCoreHours: 0,
  ramRequestGibHours: 0,
  ramUsageGibHours: 0,
  cpuCost: 0,
  ramCost: 0,
  gpuCost: 0,
  storageCost: 0,
  unpricedStorageGibHours: 0,
  instanceCost: 0,
  sharedIdleCost: 0,
  cpuRequestCost: 0,
  cpuUsageCost: 0,
  ramRequestCost: 0,
  ramUsageCost: 0,
});

const AMOUNT_KEYS = Object.keys(zeroAmounts()) as (keyof CostAmounts)[];

export function addAmounts(into: CostAmounts, from: CostAmounts): void {
  for (const k of AMOUNT_KEYS) into[k] += from[k];
}
