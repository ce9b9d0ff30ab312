import {
  addAmounts,
  IDLE,
  UNALLOCATED,
  UNMOUNTED,
  zeroAmounts,
  type Aggregate,
  type CostRow,
} from './model.ts';

/** Sum of the cost parts; null when every hour (or volume GiB-hour) behind the row went unpriced. */
export function totalCost(r: CostRow): number | null {
  if (r.hours > 0 && r.unpricedHours >= r.hours) return null;
  if (r.hours === 0 && r.unpricedStorageGibHours > 0 && r.storageCost === 0) return null;
  return r.cpuCost + r.ramCost + r.gpuCost + r.storageCost + r.instanceCost + r.sharedIdleCost;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
export const cpuEfficiency = (r: CostRow) => ratio(r.cpuUsageCoreHours, r.cpuRequestCoreHours);
export const ramEfficiency = (r: CostRow) => ratio(r.ramUsageGibHours, r.ramRequestGibHours);
/** Cost-weighted usage ÷ request over CPU and memory (OpenCost's total efficiency). */
export const efficiency = (r: CostRow) =>
  ratio(r.cpuUsageCost + r.ramUsageCost, r.cpuRequestCost + r.ramRequestCost);

/** Rows of the same step, kind and key values summed into one, named; by step, then cost. */
export function merged(rows: CostRow[], aggregate: Aggregate[]): CostRow[] {
  const out = new Map<string, CostRow>();
  for (const r of rows) {
    const key = `${r.start}\u0000${r.idle}\u0000${r.unmounted ?? false}\u0000${r.provider}\u0000${JSON.stringify(r.values)}`;
    let m = out.get(key);
    if (!m) {
      const name = r.idle
        ? [...r.values.filter((v) => v !== null), IDLE].join('/')
        : r.unmounted
          ? [...r.values.filter((v) => v !== null), UNMOUNTED].join('/')
          : aggregate.length
            ? r.values.map((v) => v ?? UNALLOCATED).join('/')
            : r.provider === 'AWS'
              ? 'aws'
              : 'kubernetes';
      out.set(
        key,
        (m = {
          ...zeroAmounts(),
          name,
          values: r.values,
          start: r.start,
          end: r.end,
          idle: r.idle,
          ...(r.unmounted ? { unmounted: true } : {}),
          provider: r.provider,
          unpricedReasons: [],
        }),
      );
    }
    addAmounts(m, r);
    for (const reason of r.unpricedReasons) {
      if (!m.unpricedReasons.includes(reason)) m.unpricedReasons.push(reason);
    }
  }
  return [...out.values()].sort(
    (a, b) => a.start - b.start || (totalCost(b) ?? 0) - (totalCost(a) ?? 0),
  );
}
