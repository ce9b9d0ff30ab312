import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../store/database.ts';
import type { RunReport } from './engine.ts';
import {
  filterClause,
  fromRow,
  ORDER,
  pageQuery,
  TOTALS,
  totalsOf,
  UUID,
  whereOf,
  type RecommendationFilter,
  type Row,
  type Totals,
  type TotalsRow,
} from './store-sql.ts';
import type { Draft, Recommendation, RecommendationStatus } from './types.ts';

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export type UpsertOutcome = 'created' | 'refreshed' | 'unchanged';

/** Recommendations, suppressions and agents in the database (one SQL dialect, see store/). */
export class RecommendationStore {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /** Keeps a pass's report unless a later-started pass's is already stored. */
  async saveRun(report: RunReport): Promise<void> {
    await this.db.query(
      `INSERT INTO recommendation_last_run (id, started_at, report) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET started_at = EXCLUDED.started_at, report = EXCLUDED.report
       WHERE recommendation_last_run.started_at <= EXCLUDED.started_at`,
      [report.startedAt, JSON.stringify(report)],
    );
  }

  /** The report of the latest analysis pass of any replica. */
  async lastRun(): Promise<RunReport | undefined> {
    const rows = await this.db.query<{ report: RunReport | string }>(
      'SELECT report FROM recommendation_last_run WHERE id = 1',
    );
    const report = rows[0]?.report;
    return typeof report === 'string' ? (JSON.parse(report) as RunReport) : report;
  }

  async get(id: string): Promise<Recommendation | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows = await this.db.query<Row>('SELECT * FROM recommendations WHERE id = $1', [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Several by id in one statement, in the order asked (undefined where there is none). */
  async getMany(ids: readonly string[]): Promise<(Recommendation | undefined)[]> {
    const valid = ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
    const rows = valid.length
      ? await this.db.query<Row>('SELECT * FROM recommendations WHERE id = ANY($1::uuid[])', [
          valid,
        ])
      : [];
    const byId = new Map(rows.map((row) => fromRow(row)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id.toLowerCase()));
  }

  /** Matching recommendations in list order (see listKey). */
  async list(f: RecommendationFilter): Promise<Recommendation[]> {
    const params: unknown[] = [];
    const rows = await this.db.query<Row>(
      `SELECT * FROM recommendations r ${whereOf(filterClause(f, params))} ORDER BY ${ORDER}`,
      params,
    );
    return rows.map(fromRow);
  }

  /** A keyset page in list order: `limit` after the listKey `after`. */
  async page(f: RecommendationFilter, limit: number, after?: string): Promise<Recommendation[]> {
    const params: unknown[] = [];
    const rows = await this.db.query<Row>(pageQuery(f, limit, after, params), params);
    return rows.map(fromRow);
  }

  /** The same page of each of several targets' recommendations, in one statement. */
  async pagePerTarget(
    targetIds: readonly string[],
    f: Omit<RecommendationFilter, 'targetIds'>,
    limit: number,
    after?: string,
  ): Promise<Recommendation[][]> {
    const params: unknown[] = [targetIds];
    const page = pageQuery(f, limit, after, params, 'r.target_id = k.id');
    const rows = await this.db.query<Row>(
      `SELECT r.* FROM unnest($1::text[]) AS k(id) CROSS JOIN LATERAL (${page}) r`,
      params,
    );
    const byTarget = new Map<string, Recommendation[]>();
    for (const row of rows) {
      byTarget.set(row.target_id, [...(byTarget.get(row.target_id) ?? []), fromRow(row)]);
    }
    return targetIds.map((id) => byTarget.get(id) ?? []);
  }

  /** How many match, and the sum of their positive estimated savings. */
  async totals(f: RecommendationFilter): Promise<Totals> {
    const params: unknown[] = [];
    const [row] = await this.db.query<TotalsRow>(
      `SELECT ${TOTALS} FROM recommendations r ${whereOf(filterClause(f, params))}`,
      params,
    );
    return totalsOf(row);
  }

  /** totals() of each of several targets, in one statement. */
  async totalsPerTarget(
    targetIds: readonly string[],
    f: Omit<RecommendationFilter, 'targetIds'>,
  ): Promise<Totals[]> {
    const params: unknown[] = [targetIds];
    const where = ['r.target_id = ANY($1::text[])', ...filterClause(f, params)];
    const rows = await this.db.query<TotalsRow & { target_id: string }>(
      `SELECT r.target_id, ${TOTALS} FROM recommendations r ${whereOf(where)} GROUP BY r.target_id`,
      params,
    );
    const byTarget = new Map(rows.map((r) => [r.target_id, totalsOf(r)]));
    return targetIds.map((id) => byTarget.get(id) ?? totalsOf(undefined));
  }

  /**
   * One OPEN recommendation per target and type (a partial unique index guarantees it across
   * replicas): the same source refreshes it in place; another source supersedes it.
   */
  async upsertOpen(
    d: Draft,
  ): Promise<{ rec: Recommendation; outcome: UpsertOutcome; superseded?: Recommendation }> {
    return this.db.transaction(async (tx) => {
      const existing = (
        await tx.query<Row>(
          `SELECT * FROM recommendations WHERE target_id = $1 AND type = $2 AND status = 'OPEN' FOR UPDATE`,
          [d.targetId, d.type],
        )
      )[0];
      if (existing && existing.source === d.source) {
        const same =
          JSON.stringify(existing.recommended) === JSON.stringify(d.recommended) &&
          existing.title === d.title;
        const rows = await tx.query<Row>(
          `UPDATE recommendations SET title = $2, summary = $3, current = $4::jsonb,
             recommended = $5::jsonb, evidence = $6::jsonb, confidence = $7, savings = $8,
             risk = $9, action = $10::jsonb, updated_at = now()
           WHERE id = $1 RETURNING *`,
          [
            existing.id,
            d.title,
            d.summary,
            json(d.current),
            json(d.recommended),
            json(d.evidence),
            d.confidence,
            d.estimatedMonthlySavings,
            d.risk,
            json(d.action),
          ],
        );
        return { rec: fromRow(rows[0] as Row), outcome: same ? 'unchanged' : 'refreshed' };
      }
      let superseded: Recommendation | undefined;
      if (existing) {
        const rows = await tx.query<Row>(
          `UPDATE recommendations SET status = 'SUPERSEDED', status_reason = $2, resolved_at = now(), updated_at = now()
           WHERE id = $1 RETURNING *`,
          [existing.id, `superseded by advice from ${d.source}`],
        );
        superseded = fromRow(rows[0] as Row);
      }
      const rows = await this.insert(tx, d);
      return { rec: rows, outcome: 'created', ...(superseded ? { superseded } : {}) };
    });
  }

  private async insert(tx: Queryable, d: Draft): Promise<Recommendation> {
    const rows = await tx.query<Row>(
      `INSERT INTO recommendations (id, target_id, target_kind, target_name, target_namespace, type,
         status, title, summary, current, recommended, evidence, confidence, savings, risk, source, action)
       VALUES ($1,$2,$3,$4,$5,$6,'OPEN',$7,$8,$9::jsonb,$10::jsonb,$11::jsonb,$12,$13,$14,$15,$16::jsonb)
       RETURNING *`,
      [
        randomUUID(),
        d.targetId,
        d.targetKind,
        d.targetName,
        d.targetNamespace,
        d.type,
        d.title,
        d.summary,
        json(d.current),
        json(d.recommended),
        json(d.evidence),
        d.confidence,
        d.estimatedMonthlySavings,
        d.risk,
        d.source,
        json(d.action),
      ],
    );
    return fromRow(rows[0] as Row);
  }

  /** Moves an OPEN recommendation on; null when it was not OPEN any more (a race lost). */
  async resolve(
    id: string,
    status: Exclude<RecommendationStatus, 'OPEN'>,
    reason: string | null,
    auditEventId: string | null = null,
  ): Promise<Recommendation | null> {
    const rows = await this.db.query<Row>(
      `UPDATE recommendations SET status = $2, status_reason = $3, audit_event_id = COALESCE($4, audit_event_id),
         resolved_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'OPEN' RETURNING *`,
      [id, status, reason, auditEventId],
    );
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async suppress(targetId: string, type: string, until: Date, reason: string, actor: string) {
    await this.db.query(
      `INSERT INTO recommendation_suppressions (target_id, type, until, reason, actor)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target_id, type) DO UPDATE SET until = $3, reason = $4, actor = $5`,
      [targetId, type, until.toISOString(), reason, actor],
    );
  }

  /** `target\u0000type` of every suppression still in force. */
  async suppressed(): Promise<Set<string>> {
    const rows = await this.db.query<{ target_id: string; type: string }>(
      'SELECT target_id, type FROM recommendation_suppressions WHERE until > now()',
    );
    return new Set(rows.map((r) => `${r.target_id}\u0000${r.type}`));
  }

  /** Drops recommendations resolved more than `days` ago and lapsed suppressions. */
  async prune(days: number): Promise<number> {
    const resolved = await this.db.query(
      `DELETE FROM recommendations WHERE status <> 'OPEN'
         AND COALESCE(resolved_at, updated_at) < now() - make_interval(days => $1) RETURNING 1`,
      [days],
    );
    const lapsed = await this.db.query(
      `DELETE FROM recommendation_suppressions WHERE until < now() RETURNING 1`,
    );
    return resolved.length + lapsed.length;
  }
}
