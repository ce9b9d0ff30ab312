// "Apply all" recommendations saves what cost allocation then stops charging: the built-in
// analyzers' savings are priced at the rates allocation charges (the workload's nodes'), so
// the monthly savings of every draft equal (allocation before − allocation after) × 730 h, to
// the cent per recommendation. One hour before (the workloads as they are) and one after
// (requests lowered as the drafts patch them, the idle workload stopped).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostAllocator } from '../../src/cost/allocation.ts';
import { CostInventory, type NodeSpec } from '../../src/cost/inventory.ts';
import { GIB, PriceBook } from '../../src/cost/prices.ts';
import { totalCost } from '../../src/cost/rows.ts';
import { CostService } from '../../src/cost/service.ts';
import { HOUR, RollupStore } from '../../src/metrics/rollups.ts';
import { parseQuantity } from '../../src/providers/kubernetes/quantity.ts';
import type { Resource } from '../../src/providers/provider.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { SETTINGS } from '../../src/recommendations/analyzers/settings.ts';
import { analyzeWorkloads } from '../../src/recommendations/engine.ts';
import type { WorkloadProfile } from '../../src/recommendations/workloads.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { m5Node, rollup } from '../support/cost-case.ts';

const D = Date.UTC(2026, 10, 20);
const BEFORE = D + 8 * HOUR;
const AFTER = D + 9 * HOUR;
const MIB = 2 ** 20;

const NODE: NodeSpec = m5Node('n1');

interface Workload {
  name: string;
  cpuRequest: number;
  memoryRequest: number;
  /** Mean usage per pod (what allocation sees each hour). */
  cpuUse: number;
  memoryUse: number;
  /** What the analyzers read from the history. */
  cpuHigh: number;
  memoryPeak: number;
}

// checkout: over-provisioned (CPU and memory advice); its P95 is chosen so that the
// recommended request (0.3001 × 1.15 = 0.345115 cores) is rounded up to 346m when written.
// legacy: idle (stop).
const WORKLOADS: Workload[] = [
  {
    name: 'checkout',
    cpuRequest: 2,
    memoryRequest: 4 * GIB,
    cpuUse: 0.25,
    memoryUse: 0.8 * GIB,
    cpuHigh: 0.3001,
    memoryPeak: 1 * GIB,
  },
  {
    name: 'legacy',
    cpuRequest: 0.25,
    memoryRequest: 256 * MIB,
    cpuUse: 0.004,
    memoryUse: 180 * MIB,
    cpuHigh: 0.004,
    memoryPeak: 180 * MIB,
  },
];
const REPLICAS = 2;
const podId = (w: string, i: number) => `k8s:c1:POD:shop:${w}-7d9f8c6b5-${i}abcd`;

describe('applying every recommendation', () => {
  let dataDir: string;
  let db: Database;
  let cost: CostService;
  let profiles: WorkloadProfile[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'oi-cost-savings-'));
    db = await openDatabase({ dataDir });
    await migrate(db);
    const prices = new PriceBook();
    const inventory = new CostInventory(db, prices);
    await inventory.recordNodes([NODE]);
    await inventory.recordPods(
      WORKLOADS.flatMap((w) =>
        Array.from({ length: REPLICAS }, (_, i) => ({
          targetId: podId(w.name, i),
          cluster: 'c1',
          namespace: 'shop',
          name: `${w.name}-7d9f8c6b5-${i}abcd`,
          nodeId: NODE.targetId,
          controllerKind: 'deployment',
          controllerName: w.name,
          labels: {},
          gpus: 0,
        })),
      ),
    );
    const rates = prices.node(NODE);
    if (!rates.known) throw new Error('m5.2xlarge has a price');
    profiles = WORKLOADS.map((w) => ({
      resource: {
        id: `k8s:c1:DEPLOYMENT:shop:${w.name}`,
        provider: 'KUBERNETES',
        kind: 'DEPLOYMENT',
        cluster: 'c1',
        namespace: 'shop',
        name: w.name,
        state: 'RUNNING',
        labels: {},
        createdAt: null,
        object: {},
      } satisfies Resource,
      replicas: REPLICAS,
      containers: [
        {
          name: 'app',
          resources: {
            requests: { cpu: String(w.cpuRequest), memory: `${w.memoryRequest / MIB}Mi` },
          },
          cpuRequest: w.cpuRequest,
          cpuLimit: null,
          memoryRequest: w.memoryRequest,
          memoryLimit: null,
          cpuHigh: w.cpuHigh,
          cpuPeak: w.cpuHigh,
          cpuMean: w.cpuUse,
          memoryPeak: w.memoryPeak,
        },
      ],
      podsSeen: REPLICAS,
      historyHours: 168,
      samples: 1000,
      cpuMeanPerPod: w.cpuUse,
      networkPerPod: 0,
      cpuHighTotal: w.cpuHigh * REPLICAS,
      hpa: null,
      // What CostService.workloadRates gives a workload whose pods all run on n1.
      rates: {
        cpuCoreHour: rates.cpuCoreHour,
        memoryGibHour: rates.memoryGibHour,
        source: rates.source,
      },
    }));
    cost = new CostService({
      allocator: new CostAllocator(db),
      inventory,
      prices,
      providers: new ProviderRegistry([]),
      now: () => D + 10.5 * HOUR,
    });
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('saves, per month, what allocation charges less per hour × 730', async () => {
    const { drafts } = analyzeWorkloads(profiles, { ...SETTINGS }, {});
    expect(drafts.map((d) => `${d.targetName}:${d.type}`).sort()).toEqual([
      'checkout:CPU_RIGHTSIZE',
      'checkout:MEMORY_RIGHTSIZE',
      'legacy:IDLE_WORKLOAD',
    ]);

    // After: each draft applied as its patch writes it (requests as quantities), or stopped.
    const after = new Map(
      WORKLOADS.map((w) => [
        w.name,
        { cpu: w.cpuRequest, memory: w.memoryRequest, replicas: REPLICAS },
      ]),
    );
    for (const d of drafts) {
      const a = after.get(d.targetName)!;
      const rec = d.recommended as {
        containers?: Record<string, { request: string }>;
        replicas?: number;
      };
      if (d.type === 'IDLE_WORKLOAD') a.replicas = rec.replicas ?? 0;
      if (d.type === 'CPU_RIGHTSIZE') a.cpu = parseQuantity(rec.containers?.app?.request)!;
      if (d.type === 'MEMORY_RIGHTSIZE') a.memory = parseQuantity(rec.containers?.app?.request)!;
    }
    expect(after.get('checkout')!.cpu).toBeCloseTo(0.346, 12);

    const rollups = new RollupStore(db);
    for (const [hour, applied] of [
      [BEFORE, false],
      [AFTER, true],
    ] as const) {
      const rows = [rollup('k8s:c1', 240, {}), rollup(NODE.targetId, 240, { CPU_CAPACITY: 8 })];
      for (const w of WORKLOADS) {
        const a = after.get(w.name)!;
        const n = applied ? a.replicas : REPLICAS;
        for (let i = 0; i < n; i++) {
          rows.push(
            rollup(podId(w.name, i), 240, {
              CPU_REQUEST: applied ? a.cpu : w.cpuRequest,
              CPU_USAGE: w.cpuUse,
              MEMORY_REQUEST: applied ? a.memory : w.memoryRequest,
              MEMORY_USAGE: w.memoryUse,
            }),
          );
        }
      }
      await rollups.write(HOUR, hour, rows);
    }

    const a = await cost.allocation({ window: '2h', step: '1h', aggregate: ['controller'] });
    const allocated = (hour: number) =>
      a.rows
        .filter((r) => !r.idle && r.start === hour)
        .reduce((s, r) => s + (totalCost(r) ?? 0), 0);
    const monthly = (allocated(BEFORE) - allocated(AFTER)) * SETTINGS.hoursPerMonth;
    const promised = drafts.reduce((s, d) => s + (d.estimatedMonthlySavings ?? 0), 0);
    expect(monthly).toBeGreaterThan(100);
    // Each draft's savings is rounded to the cent.
    expect(Math.abs(monthly - promised)).toBeLessThanOrEqual(0.005 * drafts.length + 1e-9);
  });
});
