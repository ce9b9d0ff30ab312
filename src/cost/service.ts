import { UnavailableError, ValidationError } from '../errors.ts';
import type { KubernetesProvider } from '../providers/kubernetes/provider.ts';
import { resourceId } from '../providers/kubernetes/kinds.ts';
import { seesEstate, seesWhole } from '../providers/ids.ts';
import type { KubeResource } from '../providers/kubernetes/store.ts';
import type { Pod } from '../providers/kubernetes/types.ts';
import type { ReadScope, Resource } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { CostAllocator } from './allocation.ts';
import {
  addAmounts,
  CostInputError,
  parseAggregate,
  zeroAmounts,
  type Aggregate,
  type CostFilter,
  type CostRow,
  type CostWithin,
} from './model.ts';
import { awsRows } from './aws.ts';
import { resourceCosts } from './resource-costs.ts';
import { merged, totalCost } from './rows.ts';
import { nodeSpecOf, volumeSpecOf, type CostInventory } from './inventory.ts';
import type { NodeRates, PriceBook, VolumeRate } from './prices.ts';
import { CostWindowError, parseCostWindow, type CostWindow } from './window.ts';

export interface CostAllocationArgs {
  window: string;
  step?: string | null | undefined;
  aggregate?: readonly string[] | null | undefined;
  filter?: CostFilter | null | undefined;
  shareIdle?: boolean | null | undefined;
}

export interface CostAllocation {
  window: CostWindow;
  aggregate: Aggregate[];
  rows: CostRow[];
  /** Everything in the answer summed, idle included. */
  total: CostRow;
}

export interface CostTrendRow {
  name: string;
  values: (string | null)[];
  current: number;
  previous: number;
}

export interface CostTrend {
  current: CostWindow;
  previous: CostWindow;
  rows: CostTrendRow[];
}

export interface CostOverview {
  monthToDate: number;
  /** Month to date extrapolated at its hourly rate to the whole month. */
  projectedMonth: number;
  idleMonthToDate: number;
  /** Sum of the open recommendations' estimated monthly savings. */
  savingsAvailableMonthly: number;
  unpricedHours: number;
}

/**
 * What things cost: allocation of node prices to workloads (OpenCost's model), idle, AWS
 * resources beside them, trends and the overview's totals; keeps the cost tables current.
 */
export class CostService {
  private readonly d: {
    allocator: CostAllocator;
    inventory: CostInventory;
    prices: PriceBook;
    providers: ProviderRegistry;
    /** For the nodes a workload runs on (recommendations' rates). */
    kube?: KubernetesProvider | undefined;
    openSavings?: (scope?: ReadScope) => Promise<number>;
    now?: () => number;
  };

  constructor(deps: CostService['d']) {
    this.d = deps;
  }

  get prices(): PriceBook {
    return this.d.prices;
  }

  private now(): number {
    return this.d.now?.() ?? Date.now();
  }

  /**
   * Called by the collector after each minute it writes: where pods run, what nodes and
   * volumes cost, which volumes existed in that minute.
   */
  async record(kube: KubernetesProvider, minute = this.now()): Promise<void> {
    await this.d.inventory.recordFrom(kube, minute);
  }

  /**
   * Called by the collector after it folds an hour: the hour is added to its day's sums, and
   * the sums of days the hourly rollups no longer hold (ended before `retainFrom`) are dropped.
   */
  async hourFolded(hour: number, retainFrom: number): Promise<void> {
    await this.d.allocator.days.hourFolded(hour);
    await this.d.allocator.days.prune(retainFrom);
  }

  /** The allocation as the scope's viewer may see it (everything without one). */
  async allocation(args: CostAllocationArgs, scope?: ReadScope): Promise<CostAllocation> {
    const { window, aggregate } = this.parse(args);
    return this.allocate(window, aggregate, this.seen(args.filter, scope), args.shareIdle ?? false);
  }

  /**
   * The filter narrowed to what the scope may read: pods of the clusters and namespaces where
   * it may list pods and pods granted by name, idle of the clusters where it may list every
   * pod and node. Unchanged when it sees every cluster whole.
   */
  private seen(filter: CostFilter | null | undefined, scope: ReadScope | undefined): CostFilter {
    const f = filter ?? {};
    const clusters = this.d.kube?.contexts ?? [];
    if (!scope || seesEstate(scope, clusters)) return f;
    const within: CostWithin = {
      pods: [],
      places: [],
      named: [],
      idle: clusters.filter((c) => seesWhole(scope, c)),
    };
    for (const { cluster, kind, namespace, names } of scope.grants()) {
      if (kind !== 'POD') continue;
      if (namespace === null) within.pods.push(cluster);
      else if (!names) within.places.push({ cluster, namespace });
      else for (const name of names) within.named.push({ cluster, namespace, name });
    }
    return { ...f, within };
  }

  /** The window and aggregate keys, or a ValidationError naming the argument at fault. */
  private parse(args: CostAllocationArgs): { window: CostWindow; aggregate: Aggregate[] } {
    try {
      return {
        window: parseCostWindow(args.window, args.step, this.now()),
        aggregate: parseAggregate(args.aggregate ?? []),
      };
    } catch (err) {
      if (err instanceof CostWindowError || err instanceof CostInputError) {
        throw new ValidationError(err.message, [
          { path: err instanceof CostWindowError ? 'window' : 'aggregate', message: err.message },
        ]);
      }
      throw err;
    }
  }

  /**
   * The mean per-unit rates of the nodes a workload's pods run on (pods on unpriced nodes
   * left out); undefined when none is priced. Recommendations price their savings with these.
   */
  workloadRates(
    r: Resource,
  ): { cpuCoreHour: number; memoryGibHour: number; source: string } | undefined {
    const kube = this.d.kube;
    if (!kube || r.provider !== 'KUBERNETES') return undefined;
    let cpu = 0;
    let mem = 0;
    let n = 0;
    const sources = new Set<string>();
    for (const pod of kube.podsOf(r as KubeResource)) {
      const nodeName = (pod.object as Pod).spec?.nodeName;
      const node = nodeName
        ? kube.store.get(resourceId(pod.cluster, 'NODE', null, nodeName))
        : undefined;
      const rates = node ? this.nodePrice(node) : undefined;
      if (!rates?.known) continue;
      cpu += rates.cpuCoreHour;
      mem += rates.memoryGibHour;
      sources.add(rates.source);
      n++;
    }
    if (n === 0) return undefined;
    return { cpuCoreHour: cpu / n, memoryGibHour: mem / n, source: [...sources].join('; ') };
  }

  /** The price allocation uses for a PersistentVolume, from its StorageClass and labels. */
  volumePrice(r: KubeResource): VolumeRate {
    return this.d.prices.volume(volumeSpecOf(r, this.d.kube));
  }

  /** The price allocation uses for a Kubernetes node, from its labels and allocatable. */
  nodePrice(r: KubeResource): NodeRates {
    return this.d.prices.node(nodeSpecOf(r));
  }

  private async allocate(
    window: CostWindow,
    aggregate: Aggregate[],
    filter: CostFilter,
    shareIdle: boolean,
  ): Promise<CostAllocation> {
    let kube: CostRow[];
    try {
      kube = await this.d.allocator.allocate(window, aggregate, filter, shareIdle);
    } catch (err) {
      // The store failing is an answer of its own, not a masked error.
      throw new UnavailableError(`cost store unavailable: ${(err as Error).message}`, {
        cause: err,
      });
    }
    const aws = awsRows(
      this.d.providers.list({ providers: ['AWS'] }),
      this.d.prices,
      window,
      aggregate,
      filter,
      this.now(),
    );
    const rows = merged([...kube, ...aws], aggregate);
    const total: CostRow = {
      ...zeroAmounts(),
      name: 'total',
      values: [],
      start: window.from,
      end: window.to,
      idle: false,
      provider: 'KUBERNETES',
      unpricedReasons: [],
    };
    for (const r of rows) {
      addAmounts(total, r);
      for (const reason of r.unpricedReasons) {
        if (!total.unpricedReasons.includes(reason)) total.unpricedReasons.push(reason);
      }
    }
    return { window, aggregate, rows, total };
  }

  /** What each resource cost over one window; null for kinds without a cost of their own. */
  async resourceCosts(
    resources: readonly Resource[],
    windowText: string,
  ): Promise<(CostRow | null)[]> {
    const { window } = this.parse({ window: windowText });
    return resourceCosts(resources, window, {
      allocate: async (w, aggregate, filter) =>
        (await this.allocate(w, aggregate, filter, false)).rows,
      allocator: this.d.allocator,
      prices: this.d.prices,
      now: this.now(),
    });
  }

  /** Each key's cost over a window and over the window of the same length before it. */
  async trend(args: CostAllocationArgs, scope?: ReadScope): Promise<CostTrend> {
    const current = await this.allocation(
      { ...args, step: null, shareIdle: args.shareIdle },
      scope,
    );
    const w = current.window;
    const previousWindow = { from: w.from - (w.to - w.from), to: w.from, stepMs: w.to - w.from };
    const previous = await this.allocate(
      previousWindow,
      current.aggregate,
      this.seen(args.filter, scope),
      args.shareIdle ?? false,
    );
    const rows = new Map<string, CostTrendRow>();
    const at = (r: CostRow) => {
      let t = rows.get(r.name);
      if (!t) rows.set(r.name, (t = { name: r.name, values: r.values, current: 0, previous: 0 }));
      return t;
    };
    for (const r of current.rows) at(r).current += totalCost(r) ?? 0;
    for (const r of previous.rows) at(r).previous += totalCost(r) ?? 0;
    return {
      current: w,
      previous: previousWindow,
      rows: [...rows.values()].sort((a, b) => b.current - a.current),
    };
  }

  /** Month to date, its projection over the month, idle, and the savings advice offers. */
  async overview(scope?: ReadScope): Promise<CostOverview> {
    const now = this.now();
    const mtd = await this.allocation({ window: 'month' }, scope).catch((err: unknown) => {
      // The first hour of a month has no complete hour yet: nothing spent so far.
      if (err instanceof ValidationError) return null;
      throw err;
    });
    const d = new Date(now);
    const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const monthEnd = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const spent = mtd ? (totalCost(mtd.total) ?? 0) : 0;
    const elapsed = mtd ? mtd.window.to - monthStart : 0;
    return {
      monthToDate: spent,
      projectedMonth: elapsed > 0 ? (spent * (monthEnd - monthStart)) / elapsed : 0,
      idleMonthToDate: mtd
        ? mtd.rows.filter((r) => r.idle).reduce((a, r) => a + (totalCost(r) ?? 0), 0)
        : 0,
      savingsAvailableMonthly: (await this.d.openSavings?.(scope)) ?? 0,
      unpricedHours: mtd?.total.unpricedHours ?? 0,
    };
  }
}
