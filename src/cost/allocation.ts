import type { Database } from '../store/database.ts';
import {
  ADD_HOURS,
  CLEAR_DAY,
  NODE_COLUMNS,
  NODE_DAYS,
  NODE_HOURS,
  POD_COLUMNS,
  POD_DAYS,
  POD_HOURS,
  PRUNE_DAYS,
  SET_THROUGH,
  WORKLOAD_DAYS,
} from './sql.ts';
import { DAY, type CostWindow } from './window.ts';
import { HOUR } from '../metrics/rollups.ts';

export const AGGREGATE_FIELDS = [
  'cluster',
  'node',
  'namespace',
  'controllerKind',
  'controller',
  'pod',
] as const;
export type Aggregate = (typeof AGGREGATE_FIELDS)[number] | `label:${string}`;

/** Kubernetes label keys: an optional DNS prefix and a name of at most 63 characters. */
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

export class CostInputError extends Error {}

/** Validates aggregate keys: the fields above, or `label:<key>`; at most 4, no repeats. */
export function parseAggregate(keys: readonly string[]): Aggregate[] {
  if (keys.length > 4) throw new CostInputError('aggregate: at most 4 keys');
  if (new Set(keys).size !== keys.length) throw new CostInputError('aggregate: a key repeats');
  return keys.map((k) => {
    if ((AGGREGATE_FIELDS as readonly string[]).includes(k)) return k as Aggregate;
    if (k.startsWith('label:') && LABEL_KEY.test(k.slice(6))) return k as Aggregate;
    throw new CostInputError(
      `aggregate: "${k}" is not one of ${AGGREGATE_FIELDS.join(', ')} or label:<key>`,
    );
  });
}

/** Every list narrows (values ORed within a list, lists ANDed); labels must all match. */
export interface CostFilter {
  clusters?: string[] | null | undefined;
  nodes?: string[] | null | undefined;
  namespaces?: string[] | null | undefined;
  controllerKinds?: string[] | null | undefined;
  /** `kind:name`, e.g. `deployment:checkout`. */
  controllers?: string[] | null | undefined;
  /** `namespace/name`. */
  pods?: string[] | null | undefined;
  labels?: { key: string; value: string }[] | null | undefined;
}

/** Cost amounts and the quantities behind them, summed over a set of pod-hours. */
export interface CostAmounts {
  /** Pod-hours (node-hours for an idle row). */
  hours: number;
  /** Hours on nodes without a price: their cost is not in the figures. */
  unpricedHours: number;
  cpuRequestCoreHours: number;
  cpuUsageCoreHours: number;
  ramRequestGibHours: number;
  ramUsageGibHours: number;
  cpuCost: number;
  ramCost: number;
  gpuCost: number;
  storageCost: number;
  /** AWS instance and database hours, priced whole (not split into CPU and memory). */
  instanceCost: number;
  /** Idle cost spread onto this row (shareIdle). */
  sharedIdleCost: number;
  cpuRequestCost: number;
  cpuUsageCost: number;
  ramRequestCost: number;
  ramUsageCost: number;
}

export interface CostRow extends CostAmounts {
  /** The aggregate values joined by "/"; `__idle__` for idle, `__unallocated__` for none. */
  name: string;
  /** One value per aggregate key, in order. */
  values: (string | null)[];
  start: number;
  end: number;
  idle: boolean;
  provider: 'KUBERNETES' | 'AWS';
  unpricedReasons: string[];
}

export const IDLE = '__idle__';
export const UNALLOCATED = '__unallocated__';

export const zeroAmounts = (): CostAmounts => ({
  hours: 0,
  unpricedHours: 0,
  cpuRequestCoreHours: 0,
  cpuUsageCoreHours: 0,
  ramRequestGibHours: 0,
  ramUsageGibHours: 0,
  cpuCost: 0,
  ramCost: 0,
  gpuCost: 0,
  storageCost: 0,
  instanceCost: 0,
  sharedIdleCost: 0,
  cpuRequestCost: 0,
  cpuUsageCost: 0,
  ramRequestCost: 0,
  ramUsageCost: 0,
});

const AMOUNT_KEYS = Object.keys(zeroAmounts()) as (keyof CostAmounts)[];

export function addAmounts(into: CostAmounts, from: CostAmounts): void {
  for (const k of AMOUNT_KEYS) into[k] += from[k];
}

type Num = string | number | null;
const num = (v: Num | undefined) => (v === null || v === undefined ? 0 : Number(v));

/** One SQL statement's parameters, numbered as they are added. */
class Params {
  readonly values: unknown[];
  constructor(...initial: unknown[]) {
    this.values = initial;
  }
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** The SQL of an aggregate key; `p` names the relation with the pods' columns. */
function keyExpr(k: Aggregate, ps: Params, p = 'p'): string {
  switch (k) {
    case 'cluster':
      return `${p}.cluster`;
    case 'node':
      return 'n.name';
    case 'namespace':
      return `${p}.namespace`;
    case 'controllerKind':
      return `${p}.controller_kind`;
    case 'controller':
      return `${p}.controller_kind || ':' || ${p}.controller_name`;
    case 'pod':
      return `${p}.namespace || '/' || ${p}.name`;
    default:
      return `${p}.labels ->> ${ps.add(k.slice(6))}`;
  }
}

/**
 * The filter's conditions on pods (`pod`) or only on where they ran (`place`); `alias` names
 * the relation with the pods' (or, for `place`, the nodes') columns.
 */
function where(f: CostFilter, ps: Params, scope: 'pod' | 'place', alias = 'p'): string {
  const c: string[] = [];
  const any = (col: string, list: string[] | null | undefined) => {
    if (list?.length) c.push(`${col} = ANY(${ps.add(list)}::text[])`);
  };
  any(`${alias}.cluster`, f.clusters);
  any('n.name', f.nodes);
  if (scope === 'pod') {
    any(`${alias}.namespace`, f.namespaces);
    any(`${alias}.controller_kind`, f.controllerKinds);
    any(`${alias}.controller_kind || ':' || ${alias}.controller_name`, f.controllers);
    any(`${alias}.namespace || '/' || ${alias}.name`, f.pods);
    for (const l of f.labels ?? [])
      c.push(`${alias}.labels ->> ${ps.add(l.key)} = ${ps.add(l.value)}`);
  }
  return c.length ? c.join(' AND ') : 'true';
}

// An arbitrary constant: the per-day sums have one writer at a time.
const COST_DAYS_LOCK = 704_113_110;

/** Aggregate keys the per-workload sums hold. */
const WORKLOAD_KEYS: readonly string[] = ['cluster', 'namespace', 'controllerKind', 'controller'];

/** Whether the per-workload sums can answer: no key or filter below a controller. */
const workloadGrain = (aggregate: Aggregate[], f: CostFilter) =>
  aggregate.every((k) => WORKLOAD_KEYS.includes(k)) &&
  !f.nodes?.length &&
  !f.pods?.length &&
  !f.labels?.length;

/** Whether the filter narrows below where pods ran (then idle needs its own totals). */
export const narrowsPods = (f: CostFilter) =>
  Boolean(
    f.namespaces?.length ||
    f.controllerKinds?.length ||
    f.controllers?.length ||
    f.pods?.length ||
    f.labels?.length,
  );

const POD_SUMS = POD_COLUMNS.map((c) => `sum(s.${c}) AS ${c}`).join(', ');
const NODE_SUMS = NODE_COLUMNS.map((c) => `sum(s.${c}) AS ${c}`).join(', ');

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
  };
}

/** The Kubernetes half of an allocation: rows per step and key, and idle per cluster/node. */
export interface KubeAllocation {
  rows: CostRow[];
}

/**
 * Cost allocation over the rollups: keeps the per-day tables current and answers windows
 * from them (whole days) or from the hourly rollups (anything else), in SQL.
 */
export class CostAllocator {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** The end of the last hour with rollups, or null before the first. */
  async frontier(): Promise<number | null> {
    const rows = await this.db.query<{ t: Num }>(
      `SELECT extract(epoch FROM max(bucket)) * 1000 AS t FROM metric_rollups WHERE resolution = 3600`,
    );
    const t = rows[0]?.t;
    return t === null || t === undefined ? null : Number(t) + HOUR;
  }

  /**
   * Brings the sums of the day holding `t` up to `to` (exclusive): adds the hours since the
   * day's `through`, or, when `rebuildFrom` is at or before `through` (an hour already in the
   * sums was folded again), empties the day and adds all its hours anew.
   */
  private async extendDay(t: number, to: number, rebuildFrom?: number): Promise<void> {
    const day = Math.floor(t / DAY) * DAY;
    const iso = (x: number) => new Date(x).toISOString();
    await this.db.transaction(async (tx) => {
      // One writer per database: the collector's hour and a query's catch-up never interleave.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [COST_DAYS_LOCK]);
      const rows = await tx.query<{ through: Num }>(
        `SELECT extract(epoch FROM through) * 1000 AS through FROM cost_days WHERE day = $1::timestamptz`,
        [iso(day)],
      );
      let through = rows[0] ? num(rows[0].through) : day;
      let end = Math.min(to, day + DAY);
      if (rebuildFrom !== undefined && rebuildFrom < through) {
        for (const sql of CLEAR_DAY) await tx.query(sql, [iso(day)]);
        end = Math.max(end, through);
        through = day;
      }
      if (through >= end) return;
      for (const sql of ADD_HOURS) await tx.query(sql, [iso(through), iso(end), iso(day)]);
      await tx.query(SET_THROUGH, [iso(day), iso(end)]);
    });
  }

  /** Called after the hour starting at `hour` was folded: adds it to its day's sums. */
  async hourFolded(hour: number): Promise<void> {
    await this.extendDay(hour, hour + HOUR, hour);
  }

  /** Fills or extends the per-day sums [from, to) that lag behind the rollups. */
  async ensureDays(from: number, to: number): Promise<number> {
    const frontier = await this.frontier();
    if (frontier === null) return 0;
    const rows = await this.db.query<{ d: Num; through: Num }>(
      `SELECT extract(epoch FROM day) * 1000 AS d, extract(epoch FROM through) * 1000 AS through
         FROM cost_days WHERE day >= $1::timestamptz AND day < $2::timestamptz`,
      [new Date(from).toISOString(), new Date(to).toISOString()],
    );
    const through = new Map(rows.map((r) => [num(r.d), num(r.through)]));
    let filled = 0;
    for (let d = from; d < to && d < frontier; d += DAY) {
      if ((through.get(d) ?? 0) >= Math.min(d + DAY, frontier)) continue;
      await this.extendDay(d, frontier);
      filled++;
    }
    return filled;
  }

  /** Drops the per-day sums of days that ended at or before `cutoff` (rollup retention). */
  async prune(cutoff: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const sql of PRUNE_DAYS) await tx.query(sql, [new Date(cutoff).toISOString()]);
    });
  }

  async allocate(
    w: CostWindow,
    aggregate: Aggregate[],
    filter: CostFilter,
    shareIdle: boolean,
  ): Promise<CostRow[]> {
    const frontier = (await this.frontier()) ?? w.from;
    // Whole days (the window as one step, or steps of whole days) read the per-day sums; the
    // current day's row holds its complete hours, so a window may end at the frontier.
    const daily =
      w.from % DAY === 0 &&
      (w.stepMs % DAY === 0 || w.stepMs >= w.to - w.from) &&
      (w.to % DAY === 0 || w.to >= frontier);
    if (daily) await this.ensureDays(w.from, w.to);
    const podSrc = daily ? POD_DAYS : POD_HOURS;
    const nodeSrc = daily ? NODE_DAYS : NODE_HOURS;
    const byNode = aggregate.includes('node');
    const base = () =>
      new Params(new Date(w.from).toISOString(), new Date(w.to).toISOString(), w.stepMs / 1000);
    const stepIndex = `floor(extract(epoch FROM s.t - $1::timestamptz) / $3)::int AS si`;

    // Rows: grouped by step, cluster (for idle sharing), the node when idle goes by node, keys.
    // Whole days by cluster, namespace or controller read the per-workload sums (a few rows a
    // day); anything finer reads per pod.
    const workloads = daily && workloadGrain(aggregate, filter);
    const rp = base();
    const pa = workloads ? 's' : 'p';
    const keys = aggregate.map((k, i) => `${keyExpr(k, rp, pa)} AS k${i}`);
    const groupCols = ['si', 'cl', ...(byNode ? ['nd'] : []), ...aggregate.map((_, i) => `k${i}`)];
    const rowsSql = workloads
      ? `
      SELECT ${stepIndex}, s.cluster AS cl, ${keys.length ? `${keys.join(', ')},` : ''} ${POD_SUMS},
             string_to_array(string_agg(nullif(s.reasons, ''), E'\\n'), E'\\n') AS reasons
        FROM (${WORKLOAD_DAYS}) s
       WHERE ${where(filter, rp, 'pod', 's')}
       GROUP BY ${groupCols.join(', ')}`
      : `
      SELECT ${stepIndex}, p.cluster AS cl, ${byNode ? 'n.name AS nd,' : ''}
             ${keys.length ? `${keys.join(', ')},` : ''} ${POD_SUMS},
             array_agg(DISTINCT coalesce(n.price_reason, 'node unknown'))
               FILTER (WHERE s.unpriced_h > 0) AS reasons
        FROM (${podSrc}) s
        JOIN cost_pods p ON p.target_id = s.pod_id
        LEFT JOIN cost_nodes n ON n.target_id = s.node_id
       WHERE ${where(filter, rp, 'pod')}
       GROUP BY ${groupCols.join(', ')}`;

    // Node costs per step and cluster (and node), for idle.
    const np = base();
    const nodeSql = `
      SELECT ${stepIndex}, n.cluster AS cl, ${byNode ? 'n.name AS nd,' : ''} ${NODE_SUMS}
        FROM (${nodeSrc}) s JOIN cost_nodes n ON n.target_id = s.node_id
       WHERE ${where(filter, np, 'place', 'n')}
       GROUP BY si, cl${byNode ? ', nd' : ''}`;

    // What all pods there were allocated, when the filter keeps only some of them.
    const tp = base();
    const totalSql = workloads
      ? `
      SELECT ${stepIndex}, s.cluster AS cl, ${POD_SUMS}
        FROM (${WORKLOAD_DAYS}) s
       WHERE ${where(filter, tp, 'place', 's')}
       GROUP BY si, cl`
      : `
      SELECT ${stepIndex}, p.cluster AS cl, ${byNode ? 'n.name AS nd,' : ''} ${POD_SUMS}
        FROM (${podSrc}) s
        JOIN cost_pods p ON p.target_id = s.pod_id
        LEFT JOIN cost_nodes n ON n.target_id = s.node_id
       WHERE ${where(filter, tp, 'place')}
       GROUP BY si, cl${byNode ? ', nd' : ''}`;

    type RowOut = PodSums & {
      si: number;
      cl: string;
      nd?: string | null;
      reasons: string[] | null;
    } & Record<string, unknown>;
    type PlaceOut = { si: number; cl: string; nd?: string | null };
    const [podRows, nodeRows, totalRows] = await Promise.all([
      this.db.query<RowOut>(rowsSql, rp.values),
      this.db.query<PlaceOut & NodeSums>(nodeSql, np.values),
      narrowsPods(filter)
        ? this.db.query<PlaceOut & PodSums>(totalSql, tp.values)
        : Promise.resolve(null),
    ]);

    const place = (r: PlaceOut) => `${r.si}\u0000${r.cl}\u0000${byNode ? (r.nd ?? '') : ''}`;
    const rows = podRows.map((r) => ({
      place: place(r),
      row: {
        ...podAmounts(r),
        values: aggregate.map((_, i) => (r[`k${i}`] as string | null) ?? null),
        si: Number(r.si),
        reasons: [...new Set(r.reasons ?? [])],
        cluster: r.cl,
        node: r.nd ?? null,
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
    for (const nr of nodeRows) {
      const a = allocated.get(place(nr)) ?? zeroAmounts();
      idleByPlace.set(place(nr), {
        cpu: num(nr.cpu_cost) - a.cpuCost,
        ram: num(nr.ram_cost) - a.ramCost,
        gpu: num(nr.gpu_cost) - a.gpuCost,
      });
      if (!shareIdle) {
        out.push({
          ...zeroAmounts(),
          hours: num(nr.hours),
          unpricedHours: num(nr.unpriced_h),
          cpuCost: num(nr.cpu_cost) - a.cpuCost,
          ramCost: num(nr.ram_cost) - a.ramCost,
          gpuCost: num(nr.gpu_cost) - a.gpuCost,
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
    }

    for (const { place: pl, row } of rows) {
      if (shareIdle) {
        const idle = idleByPlace.get(pl);
        const a = allocated.get(pl);
        if (idle && a) {
          const part = (cost: number, total: number, pool: number) =>
            total > 0 ? (pool * cost) / total : 0;
          row.sharedIdleCost =
            part(row.cpuCost, a.cpuCost, idle.cpu) +
            part(row.ramCost, a.ramCost, idle.ram) +
            part(row.gpuCost, a.gpuCost, idle.gpu);
        }
      }
      out.push({
        ...row,
        name: '',
        start: stepStart(row.si),
        end: stepEnd(row.si),
        idle: false,
        provider: 'KUBERNETES',
        unpricedReasons: row.reasons,
      });
    }
    return out;
  }
}
