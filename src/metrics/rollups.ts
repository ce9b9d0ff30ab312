import type { Database } from '../store/database.ts';
import { N, type Snapshot } from './aggregate.ts';
import { NAME_INDEX, type MetricName, type MetricPoint } from './types.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** Rows per INSERT: bounds how long one statement holds the embedded store (one connection). */
const ROWS_PER_STATEMENT = 2000;

/** One target's rollup of one bucket: per metric (in METRIC_NAMES order) mean and max. */
export interface RollupRow {
  targetId: string;
  avg: (number | null)[];
  max: (number | null)[];
  samples: number;
}

/** Mean and max of each metric of each target over the snapshots of one bucket. */
export function rollUp(snapshots: Snapshot[]): RollupRow[] {
  const acc = new Map<string, { sum: Float64Array; max: Float64Array; n: Float64Array }>();
  for (const s of snapshots) {
    s.ids.forEach((id, row) => {
      let a = acc.get(id);
      if (!a) {
        a = {
          sum: new Float64Array(N),
          max: new Float64Array(N).fill(-Infinity),
          n: new Float64Array(N),
        };
        acc.set(id, a);
      }
      for (let k = 0; k < N; k++) {
        const v = s.values[row * N + k] ?? NaN;
        if (Number.isNaN(v)) continue;
        a.sum[k] = (a.sum[k] ?? 0) + v;
        a.max[k] = Math.max(a.max[k] ?? -Infinity, v);
        a.n[k] = (a.n[k] ?? 0) + 1;
      }
    });
  }
  return [...acc].map(([targetId, a]) => ({
    targetId,
    avg: Array.from(a.sum, (sum, k) => ((a.n[k] ?? 0) > 0 ? sum / (a.n[k] ?? 1) : null)),
    max: Array.from(a.max, (m, k) => ((a.n[k] ?? 0) > 0 ? m : null)),
    samples: snapshots.length,
  }));
}

/**
 * Rollups in the database: 1-minute buckets written by the collecting replica, folded into
 * 1-hour buckets as hours complete, each pruned after its retention. History for the
 * `metrics` query when Prometheus is not configured, and across restarts.
 */
export class RollupStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async write(resolutionMs: number, bucket: number, rows: RollupRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      await this.db.query(
        `INSERT INTO metric_rollups (resolution, bucket, target_id, avg, max, samples)
         SELECT $1, $2, x.id, x.avg, x.max, x.n
           FROM jsonb_to_recordset($3::jsonb) AS x(id text, avg float8[], max float8[], n int)
         ON CONFLICT (resolution, target_id, bucket) DO UPDATE
           SET avg = EXCLUDED.avg, max = EXCLUDED.max, samples = EXCLUDED.samples`,
        [
          resolutionMs / 1000,
          new Date(bucket).toISOString(),
          JSON.stringify(
            chunk.map((r) => ({ id: r.targetId, avg: r.avg, max: r.max, n: r.samples })),
          ),
        ],
      );
    }
  }

  /** Folds the minute rollups of [hour, hour + 1h) into one hourly row per target. */
  async foldHour(hour: number): Promise<void> {
    await this.db.query(
      `INSERT INTO metric_rollups (resolution, bucket, target_id, avg, max, samples)
       SELECT 3600, $1::timestamptz, target_id, array_agg(a ORDER BY i), array_agg(m ORDER BY i), max(n)
         FROM (SELECT target_id, i, avg(r.avg[i]) AS a, max(r.max[i]) AS m, sum(r.samples) AS n
                 FROM metric_rollups r, generate_series(1, $3::int) AS i
                WHERE resolution = 60 AND bucket >= $1::timestamptz AND bucket < $2::timestamptz
                GROUP BY target_id, i) x
        GROUP BY target_id
       ON CONFLICT (resolution, target_id, bucket) DO UPDATE
         SET avg = EXCLUDED.avg, max = EXCLUDED.max, samples = EXCLUDED.samples`,
      [new Date(hour).toISOString(), new Date(hour + HOUR).toISOString(), N],
    );
  }

  async prune(minuteCutoff: number, hourCutoff: number): Promise<void> {
    await this.db.query(
      `DELETE FROM metric_rollups
        WHERE (resolution = 60 AND bucket < $1) OR (resolution = 3600 AND bucket < $2)`,
      [new Date(minuteCutoff).toISOString(), new Date(hourCutoff).toISOString()],
    );
  }

  /** The latest minute bucket written, so a restarted collector does not rewrite history. */
  async lastMinute(): Promise<number | undefined> {
    const rows = await this.db.query<{ t: string | number | null }>(
      `SELECT extract(epoch FROM max(bucket)) * 1000 AS t FROM metric_rollups WHERE resolution = 60`,
    );
    const t = rows[0]?.t;
    return t === null || t === undefined ? undefined : Number(t);
  }

  /** Mean points of each (target, name) in [from, to] at one resolution, oldest first. */
  async read(
    resolutionMs: number,
    targetIds: string[],
    names: MetricName[],
    from: number,
    to: number,
  ): Promise<Map<string, MetricPoint[]>> {
    const rows = await this.db.query<{
      target_id: string;
      t: string | number;
      avg: (number | null)[];
    }>(
      `SELECT target_id, extract(epoch FROM bucket) * 1000 AS t, avg
         FROM metric_rollups
        WHERE resolution = $1 AND target_id = ANY($2::text[])
          AND bucket >= $3::timestamptz AND bucket <= $4::timestamptz
        ORDER BY bucket`,
      [resolutionMs / 1000, targetIds, new Date(from).toISOString(), new Date(to).toISOString()],
    );
    const out = new Map<string, MetricPoint[]>();
    for (const r of rows) {
      for (const name of names) {
        const v = r.avg[NAME_INDEX[name]];
        if (v === null || v === undefined) continue;
        const key = `${r.target_id}\u0000${name}`;
        let list = out.get(key);
        if (!list) out.set(key, (list = []));
        list.push({ t: Number(r.t), v });
      }
    }
    return out;
  }
}
