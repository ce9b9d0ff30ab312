import type { Database } from '../store/database.ts';
import { HOUR } from '../metrics/rollups.ts';
import { ADD_HOURS, CLEAR_DAY, PRUNE_DAYS, SET_THROUGH } from './sql.ts';
import { DAY } from './window.ts';

type Num = string | number | null;
const num = (v: Num | undefined) => (v === null || v === undefined ? 0 : Number(v));

// An arbitrary constant: the per-day sums have one writer at a time.
const COST_DAYS_LOCK = 704_113_110;

/**
 * Keeps the per-day sums (per pod, per workload, per node) in step with the hourly rollups:
 * each folded hour added to its day, lagging days caught up, days past retention dropped.
 */
export class CostDays {
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
}
