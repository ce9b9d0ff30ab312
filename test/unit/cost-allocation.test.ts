// Cost allocation on both databases from inserted rollups: a case computed by hand.
import { describe, expect, it } from 'vitest';
import { CostAllocator } from '../../src/cost/allocation.ts';
import { efficiency, totalCost } from '../../src/cost/rows.ts';
import type { CostService } from '../../src/cost/service.ts';
import { ValidationError } from '../../src/errors.ts';
import { GIB } from '../../src/cost/prices.ts';
import { DAY, parseCostWindow } from '../../src/cost/window.ts';
import { HOUR, RollupStore } from '../../src/metrics/rollups.ts';
import type { Database } from '../../src/store/database.ts';
import {
  A,
  B,
  costService,
  N1,
  P1,
  P2,
  rollup,
  seedCostCase,
  seededStore,
} from '../support/cost-case.ts';
import { STORES } from '../support/stores.ts';

// "Now" is 10:30 on a fixed day; the complete hours 08:00 and 09:00 hold data.
const D = Date.UTC(2026, 10, 20);
const NOW = D + 10.5 * HOUR;
const H0 = D + 8 * HOUR;
const H1 = D + 9 * HOUR;

async function seed(db: Database): Promise<CostService> {
  return costService(db, await seedCostCase(db, H0), NOW, { openSavings: async () => 12.5 });
}

describe.each(STORES)('cost allocation on $kind', (store) => {
  const service = seededStore(store, seed);

  // Hourly rollups (2h) and the per-day sums (1d) must give the same figures.
  it.each(['2h', '1d'])(
    'by namespace over %s matches the hand-computed figures to the cent',
    async (window) => {
      const a = await service().allocation({ window, aggregate: ['namespace'] });
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
    const a = await service().allocation({
      window: '2h',
      aggregate: ['namespace'],
      shareIdle: true,
    });
    expect(a.rows.some((r) => r.idle)).toBe(false);
    const shop = a.rows.find((r) => r.name === 'shop');
    // shop holds all of the priced allocation, so it takes all of the idle: the node's cost.
    expect(shop!.sharedIdleCost).toBeCloseTo(9.75 * A + 51.5 * B, 9);
    expect(totalCost(shop!)).toBeCloseTo(N1, 9);
  });

  it('aggregates by label and by controller, with a filter', async () => {
    const byTeam = await service().allocation({ window: '2h', aggregate: ['label:team'] });
    const t = new Map(byTeam.rows.map((r) => [r.name, totalCost(r)]));
    expect(t.get('a')).toBeCloseTo(P1, 9);
    expect(t.get('b')).toBeCloseTo(P2, 9);
    expect(t.get('__unallocated__')).toBeNull();
    const ctl = await service().allocation({
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

  it('by controller over whole days (per-workload sums) agrees with the per-pod sums', async () => {
    const byCtl = await service().allocation({
      window: '1d',
      aggregate: ['namespace', 'controller'],
    });
    const byPod = await service().allocation({
      window: '1d',
      aggregate: ['namespace', 'controller', 'pod'],
    });
    const ctl = new Map(byCtl.rows.filter((r) => !r.idle).map((r) => [r.name, r]));
    expect([...ctl.keys()].sort()).toEqual([
      'batch/__unallocated__',
      'shop/deployment:checkout',
      'shop/statefulset:db',
    ]);
    expect(totalCost(ctl.get('shop/deployment:checkout')!)).toBeCloseTo(P1, 9);
    expect(totalCost(ctl.get('shop/statefulset:db')!)).toBeCloseTo(P2, 9);
    expect(ctl.get('batch/__unallocated__')!.unpricedReasons).toEqual([
      'no node.kubernetes.io/instance-type label',
    ]);
    for (const [name, row] of ctl) {
      const pods = byPod.rows.filter((r) => !r.idle && r.name.startsWith(`${name}/`));
      expect(pods.length).toBeGreaterThan(0);
      expect(row.hours).toBeCloseTo(
        pods.reduce((a, r) => a + r.hours, 0),
        9,
      );
      expect(row.cpuCost + row.ramCost).toBeCloseTo(
        pods.reduce((a, r) => a + r.cpuCost + r.ramCost, 0),
        9,
      );
      expect(row.cpuRequestCoreHours).toBeCloseTo(
        pods.reduce((a, r) => a + r.cpuRequestCoreHours, 0),
        9,
      );
    }
    // The same idle either way.
    const idle = (a: typeof byCtl) => totalCost(a.rows.find((r) => r.idle)!);
    expect(idle(byCtl)).toBeCloseTo(N1 - P1 - P2, 9);
    expect(idle(byPod)).toBeCloseTo(N1 - P1 - P2, 9);
  });

  it('steps cut the window into hours', async () => {
    const a = await service().allocation({ window: '2h', step: '1h', aggregate: ['pod'] });
    const p2 = a.rows.filter((r) => r.name === 'shop/p2').map((r) => [r.start, totalCost(r)]);
    expect(p2[0]).toEqual([H0, expect.closeTo(1.5 * A + 3 * B, 9)]);
    expect(p2[1]).toEqual([H1, expect.closeTo(0.5 * (1.5 * A + 3 * B), 9)]);
  });

  it('trend compares with the window before, overview projects the month', async () => {
    const t = await service().trend({ window: '1h', aggregate: ['namespace'] });
    const shop = t.rows.find((r) => r.name === 'shop');
    expect(shop!.current).toBeCloseTo(2 * A + 4 * B + 0.5 * (1.5 * A + 3 * B), 9);
    expect(shop!.previous).toBeCloseTo(2 * A + 4 * B + 1.5 * A + 3 * B, 9);
    const o = await service().overview();
    expect(o.monthToDate).toBeCloseTo(N1, 9);
    // November has 720 h; 19 days and 10 hours of it are over.
    expect(o.projectedMonth).toBeCloseTo((N1 * 720) / (19 * 24 + 10), 9);
    expect(o.savingsAvailableMonthly).toBe(12.5);
  });

  it('refuses bad windows and aggregates as validation errors', async () => {
    await expect(service().allocation({ window: '3x' })).rejects.toThrow(ValidationError);
    await expect(service().allocation({ window: '1h', aggregate: ['label:'] })).rejects.toThrow(
      ValidationError,
    );
    await expect(
      service().allocation({ window: '30d', step: '1h', aggregate: [] }),
    ).resolves.toBeTruthy();
    await expect(service().allocation({ window: '400d' })).rejects.toThrow(/at most 366 days/);
  });
});

describe('cost windows', () => {
  it('hours are the last complete hours at any time of day; days are UTC days', () => {
    // 00:30 UTC: today has no complete hour yet, but the last 24 hours are all there.
    const day = Date.UTC(2026, 11, 8);
    const now = day + HOUR / 2;
    expect(parseCostWindow('24h', null, now)).toEqual({ from: day - DAY, to: day, stepMs: DAY });
    expect(parseCostWindow('2h', '1h', now)).toEqual({
      from: day - 2 * HOUR,
      to: day,
      stepMs: HOUR,
    });
    expect(parseCostWindow('7d', null, now)).toMatchObject({ from: day - 6 * DAY, to: day });
    expect(() => parseCostWindow('1d', null, now)).toThrow(/no complete hour/);
    expect(() => parseCostWindow('today', null, now)).toThrow(/no complete hour/);
    // Later in the day, `1d` is today's complete hours and `24h` still the last 24.
    const later = day + 10 * HOUR + 5;
    expect(parseCostWindow('1d', null, later)).toMatchObject({ from: day, to: day + 10 * HOUR });
    expect(parseCostWindow('24h', null, later)).toMatchObject({
      from: day - 14 * HOUR,
      to: day + 10 * HOUR,
    });
  });
});

// The per-day sums as the collector keeps them: hour by hour, a day rebuilt when an hour
// already in it is folded again, and days past the rollups' retention dropped.
describe.each(STORES)('per-day cost sums on $kind', (store) => {
  const seeded = seededStore(store, async (db) => {
    await seedCostCase(db, H0);
    return { db, allocator: new CostAllocator(db) };
  });

  /** What the per-pod and per-workload sums of day D hold for namespace shop. */
  async function shop(): Promise<{ pods: number; workloads: number; through: number | null }> {
    const { db } = seeded();
    const q = async (sql: string) =>
      Number((await db.query<{ c: string | number | null }>(sql))[0]?.c ?? 0);
    const day = `'${new Date(D).toISOString()}'::timestamptz`;
    return {
      pods: await q(`SELECT sum(d.cpu_cost + d.ram_cost) AS c FROM cost_pod_days d
                       JOIN cost_pods p ON p.target_id = d.pod_id
                      WHERE d.day = ${day} AND p.namespace = 'shop'`),
      workloads: await q(`SELECT sum(cpu_cost + ram_cost) AS c FROM cost_workload_days
                           WHERE day = ${day} AND namespace = 'shop'`),
      through:
        (
          await db.query<{ t: string | number }>(
            `SELECT extract(epoch FROM through) * 1000 AS t FROM cost_days WHERE day = ${day}`,
          )
        ).map((r) => Number(r.t))[0] ?? null,
    };
  }

  /** Both sums hold `cost` for shop, through `through`. */
  async function expectShop(cost: number, through: number): Promise<void> {
    const s = await shop();
    expect(s.pods).toBeCloseTo(cost, 9);
    expect(s.workloads).toBeCloseTo(cost, 9);
    expect(s.through).toBe(through);
  }

  it('adds each folded hour to its day, rebuilds a day on a refold, prunes old days', async () => {
    const { db, allocator } = seeded();
    await allocator.days.hourFolded(H0);
    // 08:00: p1 all hour (2 A + 4 B), p2 all hour at its usage (1.5 A + 3 B).
    await expectShop(3.5 * A + 7 * B, H0 + HOUR);
    await allocator.days.hourFolded(H1);
    await expectShop(P1 + P2, H1 + HOUR);
    // 08:00 folded again with p1 using 3 cores (over its request of 2): one more core-hour.
    await new RollupStore(db).write(HOUR, H0, [
      rollup('k8s:c1:POD:shop:p1', 240, {
        CPU_REQUEST: 2,
        CPU_USAGE: 3,
        MEMORY_REQUEST: 4 * GIB,
        MEMORY_USAGE: GIB,
      }),
    ]);
    await allocator.days.hourFolded(H0);
    await expectShop(P1 + P2 + A, H1 + HOUR);
    // Kept while any of the day is within retention; dropped once all of it is past.
    await allocator.days.prune(D + DAY - 1);
    expect((await shop()).through).toBe(H1 + HOUR);
    await allocator.days.prune(D + DAY);
    expect(await shop()).toEqual({ pods: 0, workloads: 0, through: null });
  });
});
