import type { Database } from '../store/database.ts';
import { CostDays } from './days.ts';
import {
  addAmounts,
  IDLE,
  STORAGE_UNPRICED,
  UNMOUNTED,
  zeroAmounts,
  type Aggregate,
  type CostAmounts,
  type CostFilter,
  type CostRow,
} from './model.ts';
import { allocationStatements } from './query.ts';
import { volumeCosts, type NODE_COLUMNS, type POD_COLUMNS } from './sql.ts';
import { DAY, type CostWindow } from './window.ts';

type Num = string | number | null;
const num = (v: Num | undefined) => (v === null || v === undefined ? 0 : Number(v));

type PodSums = Record<(typeof POD_COLUMNS)[number], Num>;
type NodeSums = Record<(typeof NODE_COLUMNS)[number], Num>;

function podAmounts(r: PodSums): CostAmounts {
  return {
    ...zeroAmounts(),
    hours: num(r.hours),
    unpricedHours: num(r.unpriced_h),
    cpuRequestCoreHours: num(r.cpu_req_h),
    cpuUsageCoreHours: num(r.cpu_use_h),
    ramRequestGibHours: num(r.ram_req_h),
    ramUsageGibHours: num(r.ram_use_h),
    cpuCost: num(r.cpu_cost),
    ramCost: num(r.ram_cost),
    gpuCost: num(r.gpu_cost),
    cpuRequestCost: num(r.cpu_req_cost),
    cpuUsageCost: num(r.cpu_use_cost),
    ramRequestCost: num(r.ram_req_cost),
    ramUsageCost: num(r.ram_use_cost),
    storageCost: num(r.storage_cost),
    unpricedStorageGibHours: num(r.storage_unpriced_gibh),
  };
}

/** Reasons of a row: its nodes', and a note when some of its volumes have no price. */
const reasonsOf = (nodeReasons: string[] | null, storageUnpriced: number) => [
  ...new Set([...(nodeReasons ?? []), ...(storageUnpriced > 0 ? [STORAGE_UNPRICED] : [])]),
];

/**
 * Cost allocation over the rollups: answers windows from the per-day sums (whole days) or the
 * hourly rollups (anything else), and works out idle per cluster (or node) and its sharing.
 */
export class CostAllocator {
  private readonly db: Database;
  /** The per-day sums this allocator reads, kept current by the collector through it. */
  readonly days: CostDays;

  constructor(db: Database) {
    this.db = db;
    this.days = new CostDays(db);
  }

  async allocate(
    w: CostWindow,
    aggregate: Aggregate[],
    filter: CostFilter,
    shareIdle: boolean,
  ): Promise<CostRow[]> {
    const frontier = (await this.days.frontier()) ?? w.from;
    // Whole days (the window as one step, or steps of whole days) read the per-day sums; the
    // current day's row holds its complete hours, so a window may end at the frontier.
    const daily =
      w.from % DAY === 0 &&
      (w.stepMs % DAY === 0 || w.stepMs >= w.to - w.from) &&
      (w.to % DAY === 0 || w.to >= frontier);
    if (daily) await this.days.ensureDays(w.from, w.to);
    const byNode = aggregate.includes('node');
    const q = allocationStatements(w, aggregate, filter, daily);

    type RowOut = PodSums & {
      si: number;
      cl: string;
      nd?: string | null;
      reasons: string[] | null;
    } & Record<string, unknown>;
    type PlaceOut = { si: number; cl: string; nd?: string | null };
    type UnmountedOut = {
      si: number;
      cl: string;
      ns: string | null;
      storage_cost: Num;
      storage_unpriced_gibh: Num;
      reasons: string[] | null;
    };
    const [podRows, nodeRows, totalRows, unmountedRows] = await Promise.all([
      this.db.query<RowOut>(q.rows.sql, q.rows.params),
      this.db.query<PlaceOut & NodeSums>(q.nodes.sql, q.nodes.params),
      q.totals
        ? this.db.query<PlaceOut & PodSums>(q.totals.sql, q.totals.params)
        : Promise.resolve(null),
      q.unmounted
        ? this.db.query<UnmountedOut>(q.unmounted.sql, q.unmounted.params)
        : Promise.resolve([]),
    ]);

    const place = (r: PlaceOut) => `${r.si}\u0000${r.cl}\u0000${byNode ? (r.nd ?? '') : ''}`;
    const rows = podRows.map((r) => ({
      place: place(r),
      row: {
        ...podAmounts(r),
        values: aggregate.map((_, i) => (r[`k${i}`] as string | null) ?? null),
        si: Number(r.si),
        reasons: reasonsOf(r.reasons, num(r.storage_unpriced_gibh)),
      },
    }));

    // Allocated totals per place: the rows themselves unless the filter left pods out.
    const allocated = new Map<string, CostAmounts>();
    for (const t of totalRows ?? []) allocated.set(place(t), podAmounts(t));
    if (!totalRows) {
      for (const { place: pl, row } of rows) {
        let a = allocated.get(pl);
        if (!a) allocated.set(pl, (a = zeroAmounts()));
        addAmounts(a, row);
      }
    }

    const out: CostRow[] = [];
    const stepStart = (si: number) => w.from + si * w.stepMs;
    const stepEnd = (si: number) => Math.min(w.to, stepStart(si) + w.stepMs);
    const idleByPlace = new Map<string, { cpu: number; ram: number; gpu: number }>();
    const idleSeen = (cluster: string) => !filter.within || filter.within.idle.includes(cluster);
    for (const nr of nodeRows) {
      if (!idleSeen(nr.cl)) continue;
      const a = allocated.get(place(nr)) ?? zeroAmounts();
      const idle = {
        cpu: num(nr.cpu_cost) - a.cpuCost,
        ram: num(nr.ram_cost) - a.ramCost,
        gpu: num(nr.gpu_cost) - a.gpuCost,
      };
      idleByPlace.set(place(nr), idle);
      if (shareIdle) continue;
      out.push({
        ...zeroAmounts(),
        hours: num(nr.hours),
        unpricedHours: num(nr.unpriced_h),
        cpuCost: idle.cpu,
        ramCost: idle.ram,
        gpuCost: idle.gpu,
        name: IDLE,
        values: aggregate.map((k) =>
          k === 'cluster' ? nr.cl : k === 'node' ? (nr.nd ?? null) : null,
        ),
        start: stepStart(Number(nr.si)),
        end: stepEnd(Number(nr.si)),
        idle: true,
        provider: 'KUBERNETES',
        unpricedReasons: [],
      });
    }

    for (const u of unmountedRows) {
      out.push({
        ...zeroAmounts(),
        storageCost: num(u.storage_cost),
        unpricedStorageGibHours: num(u.storage_unpriced_gibh),
        name: UNMOUNTED,
        values: aggregate.map((k) =>
          k === 'cluster' ? u.cl : k === 'namespace' ? (u.ns ?? null) : null,
        ),
        start: stepStart(Number(u.si)),
        end: stepEnd(Number(u.si)),
        idle: false,
        unmounted: true,
        provider: 'KUBERNETES',
        unpricedReasons: [...new Set(u.reasons ?? [])],
      });
    }

    for (const { place: pl, row } of rows) {
      const { si, reasons, ...amounts } = row;
      const idle = shareIdle ? idleByPlace.get(pl) : undefined;
      const a = allocated.get(pl);
      if (idle && a) {
        const part = (cost: number, total: number, pool: number) =>
          total > 0 ? (pool * cost) / total : 0;
        amounts.sharedIdleCost =
          part(row.cpuCost, a.cpuCost, idle.cpu) +
          part(row.ramCost, a.ramCost, idle.ram) +
          part(row.gpuCost, a.gpuCost, idle.gpu);
      }
      out.push({
        ...amounts,
        name: '',
        start: stepStart(si),
        end: stepEnd(si),
        idle: false,
        provider: 'KUBERNETES',
        unpricedReasons: reasons,
      });
    }
    return out;
  }

  /**
   * What PersistentVolumes cost over a window (whole or not: from their hourly rows): of the
   * volumes `ids`, and of the volume hours bound to each of `claims`. One row per volume and
   * claim it was bound to (null when unbound).
   */
  async volumes(
    w: CostWindow,
    ids: string[],
    claims: { cluster: string; namespace: string; name: string }[],
  ): Promise<VolumeHours[]> {
    type Out = {
      volume_id: string;
      cluster: string;
      claim_namespace: string | null;
      claim_name: string | null;
      hours: Num;
      gibh: Num;
      cost: Num;
      unpriced: boolean;
      reason: string | null;
    };
    const range = [new Date(w.from).toISOString(), new Date(w.to).toISOString()];
    const [byId, byClaim] = await Promise.all([
      ids.length ? this.db.query<Out>(volumeCosts('volume'), [...range, ids]) : [],
      claims.length
        ? this.db.query<Out>(volumeCosts('claim'), [
            ...range,
            claims.map((c) => c.cluster),
            claims.map((c) => c.namespace),
            claims.map((c) => c.name),
          ])
        : [],
    ]);
    const seen = new Set<string>();
    return [...byId, ...byClaim].flatMap((r) => {
      const key = `${r.volume_id}\u0000${r.claim_namespace}\u0000${r.claim_name}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [
        {
          volumeId: r.volume_id,
          cluster: r.cluster,
          claim: r.claim_name ? { namespace: r.claim_namespace ?? '', name: r.claim_name } : null,
          hours: num(r.hours),
          gibHours: num(r.gibh),
          cost: num(r.cost),
          unpricedReason: r.unpriced ? (r.reason ?? 'no price') : null,
        },
      ];
    });
  }
}

/** A PersistentVolume's hours over a window while bound to one claim (or to none). */
export interface VolumeHours {
  volumeId: string;
  cluster: string;
  claim: { namespace: string; name: string } | null;
  hours: number;
  gibHours: number;
  cost: number;
  /** Why it has no price; null when priced. */
  unpricedReason: string | null;
}
