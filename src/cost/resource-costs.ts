import type { Resource } from '../providers/provider.ts';
import type { CostAllocator } from './allocation.ts';
import { awsRows } from './aws.ts';
import { GRAINS, grainOf, type Grain } from './grains.ts';
import { addAmounts, zeroAmounts, type Aggregate, type CostFilter, type CostRow } from './model.ts';
import type { PriceBook } from './prices.ts';
import type { CostWindow } from './window.ts';

/** What Resource.cost needs from the service: allocations, volume hours, prices. */
export interface ResourceCostDeps {
  allocate: (w: CostWindow, aggregate: Aggregate[], filter: CostFilter) => Promise<CostRow[]>;
  allocator: CostAllocator;
  prices: PriceBook;
  now: number;
}

const add = (into: CostRow, x: CostRow) => {
  addAmounts(into, x);
  for (const y of x.unpricedReasons) {
    if (!into.unpricedReasons.includes(y)) into.unpricedReasons.push(y);
  }
};

const claimKey = (cluster: string, namespace: string, name: string) =>
  `${cluster}\u0000${namespace}\u0000${name}`;

/**
 * What each resource cost over one window; null for kinds without a cost of their own. One
 * allocation per grain on the list (namespaces, nodes, pods, workloads) and one read of volume
 * hours for PersistentVolumes and claims, so a page of any size costs the same statements;
 * AWS resources are priced one by one, in memory.
 */
export async function resourceCosts(
  resources: readonly Resource[],
  window: CostWindow,
  d: ResourceCostDeps,
): Promise<(CostRow | null)[]> {
  const out: (CostRow | null)[] = resources.map(() => null);
  const groups = new Map<Grain, number[]>();
  resources.forEach((r, i) => {
    const g = grainOf(r);
    if (g) groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  const empty = (r: Resource): CostRow => ({
    ...zeroAmounts(),
    name: r.name,
    values: [],
    start: window.from,
    end: window.to,
    idle: false,
    provider: r.provider,
    unpricedReasons: [],
  });
  const place = (indexes: number[], cost: (r: Resource) => CostRow) => {
    for (const i of indexes) out[i] = cost(resources[i] as Resource);
  };

  const volumes = groups.get('volume') ?? [];
  const claims = groups.get('claim') ?? [];
  groups.delete('volume');
  groups.delete('claim');
  await Promise.all([
    ...[...groups].map(async ([grain, indexes]) => {
      if (grain === 'aws') {
        place(indexes, (r) => {
          const row = empty(r);
          for (const x of awsRows([r], d.prices, window, [], {}, d.now)) add(row, x);
          return row;
        });
        return;
      }
      const g = GRAINS[grain as keyof typeof GRAINS];
      const list = indexes.map((i) => resources[i] as Resource);
      const uniq = (f: (r: Resource) => string) => [...new Set(list.map(f))];
      const byKey = new Map<string, CostRow[]>();
      for (const x of await d.allocate(window, g.aggregate, g.filter(uniq))) {
        // A node's cost is its pods' and its idle; anything else only its own allocation.
        if (x.provider !== 'KUBERNETES' || (x.idle && grain !== 'node')) continue;
        const k = JSON.stringify(x.values);
        byKey.set(k, [...(byKey.get(k) ?? []), x]);
      }
      place(indexes, (r) => {
        const row = empty(r);
        for (const x of byKey.get(JSON.stringify(g.values(r))) ?? []) add(row, x);
        return row;
      });
    }),
    (async () => {
      if (!volumes.length && !claims.length) return;
      const claimOf = (r: Resource) => ({
        cluster: r.cluster,
        namespace: r.namespace ?? '',
        name: r.name,
      });
      const hours = await d.allocator.volumes(
        window,
        volumes.map((i) => (resources[i] as Resource).id),
        claims.map((i) => claimOf(resources[i] as Resource)),
      );
      // PersistentVolume: every hour it existed; claim: the hours a volume was bound to it.
      const rowOf = (r: Resource, match: (h: (typeof hours)[number]) => boolean) => {
        const row = empty(r);
        for (const h of hours.filter(match)) {
          row.hours += h.hours;
          row.storageCost += h.cost;
          if (h.unpricedReason) {
            row.unpricedHours += h.hours;
            row.unpricedStorageGibHours += h.gibHours;
            if (!row.unpricedReasons.includes(h.unpricedReason)) {
              row.unpricedReasons.push(h.unpricedReason);
            }
          }
        }
        return row;
      };
      place(volumes, (r) => rowOf(r, (h) => h.volumeId === r.id));
      place(claims, (r) => {
        const k = claimKey(r.cluster, r.namespace ?? '', r.name);
        return rowOf(
          r,
          (h) => h.claim !== null && claimKey(h.cluster, h.claim.namespace, h.claim.name) === k,
        );
      });
    })(),
  ]);
  return out;
}
