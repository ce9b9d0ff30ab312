// PersistentVolume cost: priced per GiB-month (EBS by the volume type its storage class names,
// or custom prices), attributed to the pods that mount its claim while they run, the rest on
// an `__unmounted__` line; unknown prices null with the reason. By hand, on both databases.
import { describe, expect, it } from 'vitest';
import { CostInventory } from '../../src/cost/inventory.ts';
import { GIB, PriceBook } from '../../src/cost/prices.ts';
import { totalCost } from '../../src/cost/rows.ts';
import type { CostService } from '../../src/cost/service.ts';
import { STORAGE_UNPRICED } from '../../src/cost/model.ts';
import { HOUR, MINUTE, RollupStore } from '../../src/metrics/rollups.ts';
import type { Resource } from '../../src/providers/provider.ts';
import type { Database } from '../../src/store/database.ts';
import { A, B, costService, m5Node, rollup, seededStore } from '../support/cost-case.ts';
import { STORES } from '../support/stores.ts';

const D = Date.UTC(2026, 10, 20);
const NOW = D + 10.5 * HOUR;
const H0 = D + 8 * HOUR;
const H1 = D + 9 * HOUR;
const NODE = 'k8s:c1:NODE::n1';
const DB = 'k8s:c1:POD:shop:db-0';
const REGION = { 'topology.kubernetes.io/region': 'us-east-1' };

// data: 100 GiB gp3 ($0.08/GiB-month) claimed by shop/data-db-0, which pod db-0 mounts; db-0
// runs all of 08:00 and half of 09:00. spare: 50 GiB gp2 ($0.10), claimed by nothing.
// odd: 10 GiB of class "fancy" (no price). The volumes exist both hours, all 60 minutes.
//   db-0's storage: 1.5 h × 100 GiB × 0.08 / 730 = $0.016438
//   unmounted in shop: 0.5 h × 100 × 0.08 / 730 = $0.005479
//   unmounted, unclaimed: 2 h × 50 × 0.10 / 730 = $0.013699; odd: 20 GiB-hours unpriced
const GP3 = 0.08 / 730;
const GP2 = 0.1 / 730;
const DB_STORAGE = 1.5 * 100 * GP3;
const SHOP_UNMOUNTED = 0.5 * 100 * GP3;
const SPARE = 2 * 50 * GP2;
// db-0's compute: 1.5 h × (1 core × A + 2 GiB × B) = $0.059435 (requests above usage);
// with its storage $0.075873.
const DB_COMPUTE = 1.5 * (A + 2 * B);

async function seed(db: Database): Promise<CostService> {
  const prices = new PriceBook();
  const inventory = new CostInventory(db, prices);
  await inventory.recordNodes([m5Node('n1')]);
  await inventory.recordPods([
    {
      targetId: DB,
      cluster: 'c1',
      namespace: 'shop',
      name: 'db-0',
      nodeId: NODE,
      controllerKind: 'statefulset',
      controllerName: 'db',
      labels: { team: 'a' },
      gpus: 0,
      claims: ['data-db-0'],
    },
  ]);
  const vol = (name: string, sc: string, gib: number, claim: string | null) => ({
    targetId: `k8s:c1:PERSISTENT_VOLUME::${name}`,
    cluster: 'c1',
    name,
    labels: REGION,
    storageClass: sc,
    bytes: gib * GIB,
    claim: claim ? { namespace: 'shop', name: claim } : null,
  });
  const volumes = [
    vol('data', 'gp3', 100, 'data-db-0'),
    vol('spare', 'gp2', 50, null),
    vol('odd', 'fancy', 10, null),
  ];
  // The collector records each minute it writes: every minute of both hours.
  for (let m = H0; m < H1 + HOUR; m += MINUTE) await inventory.recordVolumes(volumes, m);
  const rollups = new RollupStore(db);
  for (const [h, samples] of [
    [H0, 240],
    [H1, 120],
  ] as const) {
    await rollups.write(HOUR, h, [
      rollup('k8s:c1', 240, {}),
      rollup(NODE, 240, { CPU_CAPACITY: 8 }),
      rollup(DB, samples, {
        CPU_REQUEST: 1,
        CPU_USAGE: 0.5,
        MEMORY_REQUEST: 2 * GIB,
        MEMORY_USAGE: GIB,
      }),
    ]);
  }
  return costService(db, { inventory, prices }, NOW);
}

describe.each(STORES)('storage cost on $kind', (store) => {
  const service = seededStore(store, seed);

  it.each(['2h', '1d'])(
    'a claimed volume is its pod’s while it runs, the rest unmounted, to the cent (%s)',
    async (window) => {
      const a = await service().allocation({ window, aggregate: ['namespace', 'pod'] });
      const by = new Map(a.rows.map((r) => [r.name, r]));
      const db0 = by.get('shop/shop/db-0');
      expect(db0!.storageCost).toBeCloseTo(DB_STORAGE, 9);
      expect(db0!.storageCost.toFixed(3)).toBe('0.016');
      expect(totalCost(db0!)).toBeCloseTo(DB_COMPUTE + DB_STORAGE, 9);
      expect((totalCost(db0!) ?? 0).toFixed(2)).toBe('0.08');
      // The claim's namespace keeps the half hour db-0 was not running.
      const shop = by.get('shop/__unmounted__');
      expect(shop!.unmounted).toBe(true);
      expect(shop!.storageCost).toBeCloseTo(SHOP_UNMOUNTED, 9);
      // Unclaimed volumes: their own line; the unpriced one adds GiB-hours and its reason.
      const free = by.get('__unmounted__');
      expect(free!.storageCost).toBeCloseTo(SPARE, 9);
      expect(free!.storageCost.toFixed(2)).toBe('0.01');
      expect(free!.unpricedStorageGibHours).toBeCloseTo(20, 9);
      expect(free!.unpricedReasons).toEqual([
        'storage class fancy is not an EBS volume type nor priced',
      ]);
      expect(totalCost(a.total)).toBeCloseTo(2 * 0.384 + DB_STORAGE + SHOP_UNMOUNTED + SPARE, 9);
    },
  );

  it('by namespace the claimed volume and its unmounted half are the namespace’s', async () => {
    const a = await service().allocation({ window: '1d', aggregate: ['namespace'] });
    const shop = a.rows.filter((r) => r.values[0] === 'shop');
    const storage = shop.reduce((s, r) => s + r.storageCost, 0);
    expect(storage).toBeCloseTo(DB_STORAGE + SHOP_UNMOUNTED, 9);
    // A filter below the namespace (a label) leaves unmounted volumes out.
    const team = await service().allocation({
      window: '1d',
      aggregate: ['namespace'],
      filter: { labels: [{ key: 'team', value: 'a' }] },
    });
    expect(team.rows.some((r) => r.unmounted)).toBe(false);
    expect(team.rows.find((r) => r.name === 'shop')!.storageCost).toBeCloseTo(DB_STORAGE, 9);
  });

  it('Resource.cost of a PersistentVolume is its own volume-hours × price; a claim, its bound volume’s', async () => {
    const res = (kind: 'PERSISTENT_VOLUME' | 'PERSISTENT_VOLUME_CLAIM', name: string) =>
      ({
        id: `k8s:c1:${kind}:${kind === 'PERSISTENT_VOLUME' ? '' : 'shop'}:${name}`,
        provider: 'KUBERNETES',
        kind,
        cluster: 'c1',
        namespace: kind === 'PERSISTENT_VOLUME' ? null : 'shop',
        name,
        state: 'RUNNING',
        labels: {},
        createdAt: null,
        object: {},
      }) as Resource;
    // data: 2 h × 100 GiB × $0.08 / 730 = $0.021918, mounted or not; its claim the same.
    const [data, spare, odd, claim, none] = await service().resourceCosts(
      [
        res('PERSISTENT_VOLUME', 'data'),
        res('PERSISTENT_VOLUME', 'spare'),
        res('PERSISTENT_VOLUME', 'odd'),
        res('PERSISTENT_VOLUME_CLAIM', 'data-db-0'),
        res('PERSISTENT_VOLUME_CLAIM', 'nothing'),
      ],
      '2h',
    );
    expect(data!.storageCost).toBeCloseTo(2 * 100 * GP3, 9);
    expect((totalCost(data!) ?? 0).toFixed(3)).toBe('0.022');
    expect(data!.hours).toBeCloseTo(2, 9);
    expect(totalCost(spare!)).toBeCloseTo(SPARE, 9);
    expect(totalCost(claim!)).toBeCloseTo(2 * 100 * GP3, 9);
    // Unpriced: null with the volume's reason. A claim bound to nothing costs nothing.
    expect(totalCost(odd!)).toBeNull();
    expect(odd!.unpricedStorageGibHours).toBeCloseTo(20, 9);
    expect(odd!.unpricedReasons).toEqual([
      'storage class fancy is not an EBS volume type nor priced',
    ]);
    expect(totalCost(none!)).toBe(0);
    // A window of its own (not whole hours of the per-day sums): 08:00 only.
    const [h0] = await service().resourceCosts(
      [res('PERSISTENT_VOLUME', 'data')],
      `${new Date(H0).toISOString()},${new Date(H1).toISOString()}`,
    );
    expect(h0!.storageCost).toBeCloseTo(100 * GP3, 9);
  });

  it('a volume with no price: null with the reason, never guessed', async () => {
    const only = await service().allocation({ window: '2h', aggregate: ['cluster'] });
    expect(only.rows.find((r) => r.unmounted)!.unpricedReasons).toContain(
      'storage class fancy is not an EBS volume type nor priced',
    );
    const p = new PriceBook().volume({ cluster: 'c1', storageClass: 'gp3', labels: {} });
    expect(p).toEqual({
      known: false,
      reason: 'volume has no topology.kubernetes.io/region label',
    });
    // Custom prices by storage class (on-prem), then for any class.
    const custom = new PriceBook({
      cpuCoreHour: 0.02,
      memoryGibHour: 0.003,
      gpuHour: 0,
      storageClasses: { fancy: 0.2 },
      storageGibMonth: 0.05,
    });
    expect(custom.volume({ cluster: 'c1', storageClass: 'fancy', labels: {} })).toMatchObject({
      known: true,
      gibHour: 0.2 / 730,
    });
    expect(custom.volume({ cluster: 'c1', storageClass: 'local', labels: {} })).toMatchObject({
      known: true,
      gibHour: 0.05 / 730,
    });
    expect(STORAGE_UNPRICED).toMatch(/PersistentVolume.price/);
  });
});
