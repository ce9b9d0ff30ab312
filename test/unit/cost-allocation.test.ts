// Cost allocation on both databases from inserted rollups: a case computed by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostAllocator } from '../../src/cost/allocation.ts';
import { CostInventory } from '../../src/cost/inventory.ts';
import { GIB, PriceBook } from '../../src/cost/prices.ts';
import { CostService, CostValidationError, efficiency, totalCost } from '../../src/cost/service.ts';
import { N } from '../../src/metrics/aggregate.ts';
import { HOUR, RollupStore } from '../../src/metrics/rollups.ts';
import { NAME_INDEX, type MetricName } from '../../src/metrics/types.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import type { Database } from '../../src/store/database.ts';
import { STORES } from '../support/stores.ts';

// The node's rates, by hand: m5.2xlarge $0.384/h over 8 cores and 32 GiB in the ratio
// 0.031611 : 0.004237 (see cost-prices.test.ts).
const K = 0.384 / (8 * 0.031611 + 32 * 0.004237);
const A = 0.031611 * K; // $/core-hour
const B = 0.004237 * K; // $/GiB-hour

// "Now" is 10:30 on a fixed day; the complete hours 08:00 and 09:00 hold data.
const D = Date.UTC(2026, 10, 20);
const NOW = D + 10.5 * HOUR;
const H0 = D + 8 * HOUR;
const H1 = D + 9 * HOUR;

const node = (name: string) => `k8s:c1:NODE::${name}`;
const pod = (ns: string, name: string) => `k8s:c1:POD:${ns}:${name}`;

function rollup(targetId: string, samples: number, v: Partial<Record<MetricName, number>>) {
  const avg: (number | null)[] = Array.from({ length: N }, () => null);
  for (const [k, x] of Object.entries(v)) avg[NAME_INDEX[k as MetricName]] = x;
  return { targetId, avg, max: avg, samples };
}

async function seed(db: Database): Promise<CostService> {
  const prices = new PriceBook();
  const inventory = new CostInventory(db, prices);
  await inventory.recordNodes([
    {
      targetId: node('n1'),
      cluster: 'c1',
      name: 'n1',
      labels: {
        'node.kubernetes.io/instance-type': 'm5.2xlarge',
        'topology.kubernetes.io/region': 'us-east-1',
      },
      cpuCores: 8,
      memoryBytes: 32 * GIB,
      gpus: 0,
    },
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
  return new CostService({
    allocator: new CostAllocator(db),
    inventory,
    prices,
    providers: new ProviderRegistry([]),
    openSavings: async () => 12.5,
    now: () => NOW,
  });
}

// By hand: p1 = 2 h × (2 cores × A + 4 GiB × B); p2 = 1.5 h × (1.5 × A + 3 × B) (usage beats
// request; half of the second hour); node n1 = 2 h × $0.384; idle = n1 − p1 − p2.
const P1 = 4 * A + 8 * B; // 0.158494
const P2 = 2.25 * A + 4.5 * B; // 0.089153
const N1 = 0.768;

describe.each(STORES)('cost allocation on $kind', (store) => {
  let cost: CostService;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const s = await store.open();
    cleanup = s.cleanup;
    cost = await seed(s.db);
  }, 60_000);
  afterAll(async () => cleanup());

  // Hourly rollups (2h) and the per-day sums (1d) must give the same figures.
  it.each(['2h', '1d'])(
    'by namespace over %s matches the hand-computed figures to the cent',
    async (window) => {
      const a = await cost.allocation({ window, aggregate: ['namespace'] });
      const byName = new Map(a.rows.map((r) => [r.name, r]));
      const shop = byName.get('shop');
      expect(totalCost(shop!)).toBeCloseTo(P1 + P2, 9);
      expect((totalCost(shop!) ?? 0).toFixed(2)).toBe('0.25');
      expect(shop!.cpuCost).toBeCloseTo(6.25 * A, 9);
      expect(shop!.ramCost).toBeCloseTo(12.5 * B, 9);
      const idle = byName.get('__idle__');
      expect(idle?.idle).toBe(true);
      expect(totalCost(idle!)).toBeCloseTo(N1 - P1 - P2, 9);
      expect((totalCost(idle!) ?? 0).toFixed(2)).toBe('0.52');
      // Allocated plus idle is what the priced node cost.
      expect(totalCost(a.total)).toBeCloseTo(N1, 9);
      // batch ran only on the unpriced node: no figure, and the reason.
      const batch = byName.get('batch');
      expect(batch!.unpricedHours).toBeCloseTo(2, 9);
      expect(totalCost(batch!)).toBeNull();
      expect(batch!.unpricedReasons).toEqual(['no node.kubernetes.io/instance-type label']);
    },
  );

  it('shareIdle spreads the idle over the rows by their CPU and memory cost', async () => {
    const a = await cost.allocation({ window: '2h', aggregate: ['namespace'], shareIdle: true });
    expect(a.rows.some((r) => r.idle)).toBe(false);
    const shop = a.rows.find((r) => r.name === 'shop');
    // shop holds all of the priced allocation, so it takes all of the idle: the node's cost.
    expect(shop!.sharedIdleCost).toBeCloseTo(9.75 * A + 51.5 * B, 9);
    expect(totalCost(shop!)).toBeCloseTo(N1, 9);
  });

  it('aggregates by label and by controller, with a filter', async () => {
    const byTeam = await cost.allocation({ window: '2h', aggregate: ['label:team'] });
    const t = new Map(byTeam.rows.map((r) => [r.name, totalCost(r)]));
    expect(t.get('a')).toBeCloseTo(P1, 9);
    expect(t.get('b')).toBeCloseTo(P2, 9);
    expect(t.get('__unallocated__')).toBeNull();
    const ctl = await cost.allocation({
      window: '2h',
      aggregate: ['namespace', 'controller'],
      filter: { labels: [{ key: 'team', value: 'a' }] },
    });
    const rows = ctl.rows.filter((r) => !r.idle);
    expect(rows.map((r) => r.name)).toEqual(['shop/deployment:checkout']);
    expect(efficiency(rows[0]!)).toBeCloseTo(0.25, 9);
    // Idle is the cluster's, whatever the filter keeps of its pods.
    expect(totalCost(ctl.rows.find((r) => r.idle)!)).toBeCloseTo(N1 - P1 - P2, 9);
  });

  it('steps cut the window into hours', async () => {
    const a = await cost.allocation({ window: '2h', step: '1h', aggregate: ['pod'] });
    const p2 = a.rows.filter((r) => r.name === 'shop/p2').map((r) => [r.start, totalCost(r)]);
    expect(p2[0]).toEqual([H0, expect.closeTo(1.5 * A + 3 * B, 9)]);
    expect(p2[1]).toEqual([H1, expect.closeTo(0.5 * (1.5 * A + 3 * B), 9)]);
  });

  it('trend compares with the window before, overview projects the month', async () => {
    const t = await cost.trend({ window: '1h', aggregate: ['namespace'] });
    const shop = t.rows.find((r) => r.name === 'shop');
    expect(shop!.current).toBeCloseTo(2 * A + 4 * B + 0.5 * (1.5 * A + 3 * B), 9);
    expect(shop!.previous).toBeCloseTo(2 * A + 4 * B + 1.5 * A + 3 * B, 9);
    const o = await cost.overview();
    expect(o.monthToDate).toBeCloseTo(N1, 9);
    // November has 720 h; 19 days and 10 hours of it are over.
    expect(o.projectedMonth).toBeCloseTo((N1 * 720) / (19 * 24 + 10), 9);
    expect(o.savingsAvailableMonthly).toBe(12.5);
  });

  it('refuses bad windows and aggregates as validation errors', async () => {
    await expect(cost.allocation({ window: '3x' })).rejects.toThrow(CostValidationError);
    await expect(cost.allocation({ window: '1h', aggregate: ['label:'] })).rejects.toThrow(
      CostValidationError,
    );
    await expect(
      cost.allocation({ window: '30d', step: '1h', aggregate: [] }),
    ).resolves.toBeTruthy();
    await expect(cost.allocation({ window: '400d' })).rejects.toThrow(/at most 366 days/);
  });
});
