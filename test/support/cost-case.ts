// The hand-computed cost case shared by the unit (both databases) and e2e (GraphQL) tests:
// an m5.2xlarge node and an unpriced one, three pods, two hours of rollups.
import { afterAll, beforeAll } from 'vitest';
import { CostAllocator } from '../../src/cost/allocation.ts';
import { CostInventory, type NodeSpec } from '../../src/cost/inventory.ts';
import { GIB, PriceBook } from '../../src/cost/prices.ts';
import { CostService } from '../../src/cost/service.ts';
import { N } from '../../src/metrics/aggregate.ts';
import { HOUR, RollupStore } from '../../src/metrics/rollups.ts';
import { NAME_INDEX, type MetricName } from '../../src/metrics/types.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import type { Database } from '../../src/store/database.ts';
import type { StoreTarget } from './stores.ts';

// The node's rates, by hand: m5.2xlarge $0.384/h over 8 cores and 32 GiB in the ratio
// 0.031611 : 0.004237 (see cost-prices.test.ts).
export const K = 0.384 / (8 * 0.031611 + 32 * 0.004237);
export const A = 0.031611 * K; // $/core-hour
export const B = 0.004237 * K; // $/GiB-hour

const node = (name: string) => `k8s:c1:NODE::${name}`;
const pod = (ns: string, name: string) => `k8s:c1:POD:${ns}:${name}`;

/** An m5.2xlarge in us-east-1 ($0.384/h, 8 cores, 32 GiB), as the inventory records it. */
export const m5Node = (name: string, cluster = 'c1'): NodeSpec => ({
  targetId: `k8s:${cluster}:NODE::${name}`,
  cluster,
  name,
  labels: {
    'node.kubernetes.io/instance-type': 'm5.2xlarge',
    'topology.kubernetes.io/region': 'us-east-1',
  },
  cpuCores: 8,
  memoryBytes: 32 * GIB,
  gpus: 0,
});

/** The service the cost tests read through: the store's allocator, no providers, a fixed now. */
export const costService = (
  db: Database,
  seeded: { inventory: CostInventory; prices: PriceBook },
  now: number,
  more: { openSavings?: () => Promise<number> } = {},
): CostService =>
  new CostService({
    allocator: new CostAllocator(db),
    ...seeded,
    providers: new ProviderRegistry([]),
    now: () => now,
    ...more,
  });

/**
 * A store opened and seeded once for the describe block this is called in, closed after it;
 * the returned function gives what `seed` made.
 */
export function seededStore<T>(store: StoreTarget, seed: (db: Database) => Promise<T>): () => T {
  let value: T | undefined;
  let cleanup = async () => {};
  beforeAll(async () => {
    const s = await store.open();
    cleanup = s.cleanup;
    value = await seed(s.db);
    // Generous: opening and migrating a database is slow on a loaded machine (not a timing test).
  }, 300_000);
  afterAll(async () => cleanup());
  return () => {
    if (value === undefined) throw new Error('the store is not seeded yet');
    return value;
  };
}

/** One hourly rollup row with the given metrics (the others null). */
export function rollup(targetId: string, samples: number, v: Partial<Record<MetricName, number>>) {
  const avg: (number | null)[] = Array.from({ length: N }, () => null);
  for (const [k, x] of Object.entries(v)) avg[NAME_INDEX[k as MetricName]] = x;
  return { targetId, avg, max: avg, samples };
}

/** Writes the case with its two hours at h0 and h0 + 1 h. */
export async function seedCostCase(
  db: Database,
  h0: number,
): Promise<{ inventory: CostInventory; prices: PriceBook }> {
  const H0 = h0;
  const H1 = h0 + HOUR;
  const prices = new PriceBook();
  const inventory = new CostInventory(db, prices);
  await inventory.recordNodes([
    m5Node('n1'),
    // No instance type: its price is unknown, never guessed.
    {
      targetId: node('n2'),
      cluster: 'c1',
      name: 'n2',
      labels: {},
      cpuCores: 4,
      memoryBytes: 16 * GIB,
      gpus: 0,
    },
  ]);
  const place = (
    ns: string,
    name: string,
    n: string,
    ck: string | null,
    cn: string | null,
    labels: Record<string, string>,
  ) => ({
    targetId: pod(ns, name),
    cluster: 'c1',
    namespace: ns,
    name,
    nodeId: node(n),
    controllerKind: ck,
    controllerName: cn,
    labels,
    gpus: 0,
  });
  await inventory.recordPods([
    place('shop', 'p1', 'n1', 'deployment', 'checkout', { team: 'a' }),
    place('shop', 'p2', 'n1', 'statefulset', 'db', { team: 'b' }),
    place('batch', 'p3', 'n2', null, null, {}),
  ]);
  const rollups = new RollupStore(db);
  const p1 = { CPU_REQUEST: 2, CPU_USAGE: 0.5, MEMORY_REQUEST: 4 * GIB, MEMORY_USAGE: 1 * GIB };
  // Uses more than it requests: charged for the usage.
  const p2 = { CPU_REQUEST: 1, CPU_USAGE: 1.5, MEMORY_REQUEST: 2 * GIB, MEMORY_USAGE: 3 * GIB };
  const p3 = { CPU_REQUEST: 1, CPU_USAGE: 0.2, MEMORY_REQUEST: GIB, MEMORY_USAGE: GIB / 2 };
  for (const [h, p2Samples] of [
    [H0, 240],
    [H1, 120], // p2 was there for half of 09:00
  ] as const) {
    await rollups.write(HOUR, h, [
      rollup('k8s:c1', 240, {}),
      rollup(node('n1'), 240, { CPU_CAPACITY: 8 }),
      rollup(node('n2'), 240, { CPU_CAPACITY: 4 }),
      rollup(pod('shop', 'p1'), 240, p1),
      rollup(pod('shop', 'p2'), p2Samples, p2),
      rollup(pod('batch', 'p3'), 240, p3),
    ]);
  }
  return { inventory, prices };
}

// By hand: p1 = 2 h × (2 cores × A + 4 GiB × B); p2 = 1.5 h × (1.5 × A + 3 × B) (usage beats
// request; half of the second hour); node n1 = 2 h × $0.384; idle = n1 − p1 − p2.
export const P1 = 4 * A + 8 * B; // 0.158494
export const P2 = 2.25 * A + 4.5 * B; // 0.089153
export const N1 = 0.768;
