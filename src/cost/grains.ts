import type { Resource } from '../providers/provider.ts';
import type { Aggregate, CostFilter } from './model.ts';

/**
 * How Resource.cost groups resources: one allocation per Kubernetes grain on a page; AWS
 * resources priced alone; PersistentVolumes and claims from their volume hours.
 */
export type Grain = 'namespace' | 'node' | 'pod' | 'workload' | 'aws' | 'volume' | 'claim';

const WORKLOAD_KINDS = ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET', 'REPLICASET'];

export function grainOf(r: Resource): Grain | null {
  if (r.provider === 'AWS') {
    return ['EC2_INSTANCE', 'EBS_VOLUME', 'RDS_INSTANCE'].includes(r.kind) ? 'aws' : null;
  }
  if (r.kind === 'NAMESPACE') return 'namespace';
  if (r.kind === 'NODE') return 'node';
  if (r.kind === 'POD') return 'pod';
  if (r.kind === 'PERSISTENT_VOLUME') return 'volume';
  if (r.kind === 'PERSISTENT_VOLUME_CLAIM') return 'claim';
  return WORKLOAD_KINDS.includes(r.kind) ? 'workload' : null;
}

const controllerOf = (r: Resource) => `${r.kind.toLowerCase()}:${r.name}`;

/**
 * How the resources of one Kubernetes grain are costed together: the allocation's keys, a
 * filter holding all of them, and each resource's key values in the rows.
 */
export const GRAINS: Record<
  Exclude<Grain, 'aws' | 'volume' | 'claim'>,
  {
    aggregate: Aggregate[];
    filter: (uniq: (f: (r: Resource) => string) => string[]) => CostFilter;
    values: (r: Resource) => string[];
  }
> = {
  namespace: {
    aggregate: ['cluster', 'namespace'],
    filter: (u) => ({ clusters: u((r) => r.cluster), namespaces: u((r) => r.name) }),
    values: (r) => [r.cluster, r.name],
  },
  node: {
    aggregate: ['cluster', 'node'],
    filter: (u) => ({ clusters: u((r) => r.cluster), nodes: u((r) => r.name) }),
    values: (r) => [r.cluster, r.name],
  },
  pod: {
    aggregate: ['cluster', 'pod'],
    filter: (u) => ({
      clusters: u((r) => r.cluster),
      pods: u((r) => `${r.namespace ?? ''}/${r.name}`),
    }),
    values: (r) => [r.cluster, `${r.namespace ?? ''}/${r.name}`],
  },
  workload: {
    aggregate: ['cluster', 'namespace', 'controller'],
    filter: (u) => ({
      clusters: u((r) => r.cluster),
      namespaces: u((r) => r.namespace ?? ''),
      controllers: u(controllerOf),
    }),
    values: (r) => [r.cluster, r.namespace ?? '', controllerOf(r)],
  },
};
