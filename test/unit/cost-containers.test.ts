// Container grain (OpenCost's): each container is charged max(request, usage) on its own, and a
// pod costs the sum of its containers. A case computed by hand, on both databases.
import { describe, expect, it } from 'vitest';
import { CostInventory } from '../../src/cost/inventory.ts';
import { GIB, PriceBook } from '../../src/cost/prices.ts';
import { totalCost } from '../../src/cost/rows.ts';
import type { CostService } from '../../src/cost/service.ts';
import { containerTargetId } from '../../src/metrics/aggregate.ts';
import { HOUR, RollupStore } from '../../src/metrics/rollups.ts';
import type { Database } from '../../src/store/database.ts';
import { A, B, costService, m5Node, rollup, seededStore } from '../support/cost-case.ts';
import { STORES } from '../support/stores.ts';

const D = Date.UTC(2026, 10, 20);
const NOW = D + 10.5 * HOUR;
const H0 = D + 8 * HOUR;
const H1 = D + 9 * HOUR;
const NODE = 'k8s:c1:NODE::n1';
const WEB = 'k8s:c1:POD:shop:web';
const OLD = 'k8s:c1:POD:shop:old';

// web's containers: app uses more CPU than it requests, sidecar more memory.
const APP = { CPU_REQUEST: 1, CPU_USAGE: 1.5, MEMORY_REQUEST: 2 * GIB, MEMORY_USAGE: 1 * GIB };
const SIDECAR = {
  CPU_REQUEST: 0.5,
  CPU_USAGE: 0.1,
  MEMORY_REQUEST: 1 * GIB,
  MEMORY_USAGE: 1.5 * GIB,
};
// The pod's own row, as the collector writes it: its containers summed.
const WEB_POD = {
  CPU_REQUEST: 1.5,
  CPU_USAGE: 1.6,
  MEMORY_REQUEST: 3 * GIB,
  MEMORY_USAGE: 2.5 * GIB,
};
// A pod whose hours were collected before containers were kept: costed whole.
const OLD_POD = { CPU_REQUEST: 1, CPU_USAGE: 0.5, MEMORY_REQUEST: 1 * GIB, MEMORY_USAGE: 0 };

// By hand, web is seen all of 08:00 and half of 09:00 (120 of 240 collections): 1.5 h.
// app: max(1, 1.5) cores, max(2, 1) GiB → 1.5 h × (1.5 A + 2 B) = 2.25 A + 3 B = $0.082871
// sidecar: max(0.5, 0.1) cores, max(1, 1.5) GiB → 1.5 h × (0.5 A + 1.5 B) = 0.75 A + 2.25 B
//   = $0.032859
// web = 3 A + 5.25 B = $0.115730 (at pod grain it would be 1.5 × (1.6 A + 3 B) = $0.093840)
// old: 2 h × (1 A + 1 B) = $0.070871
const APP_COST = 2.25 * A + 3 * B;
const SIDECAR_COST = 0.75 * A + 2.25 * B;
const OLD_COST = 2 * A + 2 * B;

async function seed(db: Database): Promise<CostService> {
  const prices = new PriceBook();
  const inventory = new CostInventory(db, prices);
  await inventory.recordNodes([m5Node('n1')]);
  const pod = (targetId: string, name: string, containers: string[]) => ({
    targetId,
    cluster: 'c1',
    namespace: 'shop',
    name,
    nodeId: NODE,
    controllerKind: 'deployment',
    controllerName: name,
    labels: { team: 'a' },
    gpus: 0,
    containers: containers.map((c) => ({ name: c, gpus: 0 })),
  });
  await inventory.recordPods([pod(WEB, 'web', ['app', 'sidecar']), pod(OLD, 'old', [])]);
  const rollups = new RollupStore(db);
  for (const [h, webSamples] of [
    [H0, 240],
    [H1, 120],
  ] as const) {
    await rollups.write(HOUR, h, [
      rollup('k8s:c1', 240, {}),
      rollup(NODE, 240, { CPU_CAPACITY: 8 }),
      rollup(WEB, webSamples, WEB_POD),
      rollup(containerTargetId(WEB, 'app'), webSamples, APP),
      rollup(containerTargetId(WEB, 'sidecar'), webSamples, SIDECAR),
      rollup(OLD, 240, OLD_POD),
    ]);
  }
  return costService(db, { inventory, prices }, NOW);
}

describe.each(STORES)('cost per container on $kind', (store) => {
  const service = seededStore(store, seed);

  // The hourly rollups (2h) and the per-day sums (1d) answer alike.
  it.each(['2h', '1d'])(
    'charges each container max(request, usage), to the cent (%s)',
    async (window) => {
      const a = await service().allocation({ window, aggregate: ['pod', 'container'] });
      const byName = new Map(a.rows.map((r) => [r.name, r]));
      const app = byName.get('shop/web/app');
      const sidecar = byName.get('shop/web/sidecar');
      expect(totalCost(app!)).toBeCloseTo(APP_COST, 9);
      expect((totalCost(app!) ?? 0).toFixed(2)).toBe('0.08');
      expect(app!.cpuCost).toBeCloseTo(2.25 * A, 9);
      expect(app!.cpuRequestCoreHours).toBeCloseTo(1.5, 9);
      expect(app!.cpuUsageCoreHours).toBeCloseTo(2.25, 9);
      expect(app!.hours).toBeCloseTo(1.5, 9);
      expect(totalCost(sidecar!)).toBeCloseTo(SIDECAR_COST, 9);
      expect((totalCost(sidecar!) ?? 0).toFixed(2)).toBe('0.03');
      expect(sidecar!.ramCost).toBeCloseTo(2.25 * B, 9);
      // Hours from before containers were kept: the pod whole, no container.
      const old = byName.get('shop/old/__unallocated__');
      expect(old!.values).toEqual(['shop/old', null]);
      expect(totalCost(old!)).toBeCloseTo(OLD_COST, 9);
      // Idle is the node's cost less every container and pod on it.
      const idle = byName.get('__idle__');
      expect(totalCost(idle!)).toBeCloseTo(2 * 0.384 - APP_COST - SIDECAR_COST - OLD_COST, 9);
    },
  );

  it('a pod costs the sum of its containers, not max(request, usage) of their sums', async () => {
    const a = await service().allocation({ window: '2h', aggregate: ['pod'] });
    const web = a.rows.find((r) => r.name === 'shop/web');
    expect(totalCost(web!)).toBeCloseTo(APP_COST + SIDECAR_COST, 9);
    expect((totalCost(web!) ?? 0).toFixed(2)).toBe('0.12');
    // (At pod grain, max(request, usage) of the sums, it was 1.5 × (1.6 A + 3 B) = $0.09.)
    const [podRow] = await service().resourceCosts(
      [
        {
          id: WEB,
          provider: 'KUBERNETES',
          kind: 'POD',
          cluster: 'c1',
          namespace: 'shop',
          name: 'web',
          state: 'RUNNING',
          labels: {},
          createdAt: null,
          object: {},
        },
      ],
      '2h',
    );
    expect(totalCost(podRow!)).toBeCloseTo(APP_COST + SIDECAR_COST, 9);
  });

  it('container combines with other keys and filters', async () => {
    const byContainer = await service().allocation({
      window: '1d',
      aggregate: ['namespace', 'container'],
      filter: { containers: ['app'] },
    });
    const rows = byContainer.rows.filter((r) => !r.idle);
    expect(rows.map((r) => r.name)).toEqual(['shop/app']);
    expect(totalCost(rows[0]!)).toBeCloseTo(APP_COST, 9);
    // The filter narrows the pods, not the node: idle is still the node's cost less all.
    const idle = byContainer.rows.find((r) => r.idle);
    expect(totalCost(idle!)).toBeCloseTo(2 * 0.384 - APP_COST - SIDECAR_COST - OLD_COST, 9);
    const byLabel = await service().allocation({
      window: '2h',
      aggregate: ['label:team', 'container'],
    });
    const t = new Map(byLabel.rows.map((r) => [r.name, totalCost(r)]));
    expect(t.get('a/sidecar')).toBeCloseTo(SIDECAR_COST, 9);
  });
});
