// Cost allocation on both databases from inserted rollups: a case computed by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostAllocator } from '../../src/cost/allocation.ts';
import { CostService, efficiency, totalCost } from '../../src/cost/service.ts';
import { ValidationError } from '../../src/errors.ts';
import { HOUR } from '../../src/metrics/rollups.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import type { Database } from '../../src/store/database.ts';
import { A, B, N1, P1, P2, seedCostCase } from '../support/cost-case.ts';
import { STORES } from '../support/stores.ts';

// "Now" is 10:30 on a fixed day; the complete hours 08:00 and 09:00 hold data.
const D = Date.UTC(2026, 10, 20);
const NOW = D + 10.5 * HOUR;
const H0 = D + 8 * HOUR;
const H1 = D + 9 * HOUR;

async function seed(db: Database): Promise<CostService> {
  const { inventory, prices } = await seedCostCase(db, H0);
  return new CostService({
    allocator: new CostAllocator(db),
    inventory,
    prices,
    providers: new ProviderRegistry([]),
    openSavings: async () => 12.5,
    now: () => NOW,
  });
}

describe.each(STORES)('cost allocation on $kind', (store) => {
  let cost: CostService;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const s = await store.open();
    cleanup = s.cleanup;
    cost = await seed(s.db);
    // Generous: opening and migrating a database is slow on a loaded machine (not a timing test).
  }, 300_000);
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
    await expect(cost.allocation({ window: '3x' })).rejects.toThrow(ValidationError);
    await expect(cost.allocation({ window: '1h', aggregate: ['label:'] })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      cost.allocation({ window: '30d', step: '1h', aggregate: [] }),
    ).resolves.toBeTruthy();
    await expect(cost.allocation({ window: '400d' })).rejects.toThrow(/at most 366 days/);
  });
});
