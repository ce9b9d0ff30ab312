import { ValidationError } from '../errors.ts';
import { grantPatterns, grantsSql } from '../providers/ids.ts';
import type { ReadScope } from '../providers/provider.ts';
import {
  BUILTIN_TYPES,
  type Recommendation,
  type RecommendationStatus,
  type SourceKind,
  type TypeKind,
} from './types.ts';

// How the store reads advice: a filter as SQL, the list order and its keyset pages, totals, and
// rows back into recommendations. The writes and the store's methods are in store.ts.

export interface RecommendationFilter {
  statuses?: RecommendationStatus[] | undefined;
  /** CUSTOM matches every type that is not built in (an agent's own). */
  types?: TypeKind[] | undefined;
  targetIds?: string[] | undefined;
  sources?: SourceKind[] | undefined;
  namespaces?: string[] | undefined;
  /** Only advice about what this viewer may read (set from the viewer, never by a query). */
  scope?: ReadScope | undefined;
}

export interface Row {
  id: string;
  target_id: string;
  target_kind: string;
  target_name: string;
  target_namespace: string | null;
  type: string;
  status: RecommendationStatus;
  status_reason: string | null;
  title: string;
  summary: string;
  current: unknown;
  recommended: unknown;
  evidence: Record<string, unknown>;
  confidence: number;
  savings: number | null;
  risk: Recommendation['risk'];
  source: string;
  action: Recommendation['action'];
  audit_event_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  resolved_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function fromRow(r: Row): Recommendation {
  return {
    id: r.id,
    targetId: r.target_id,
    targetKind: r.target_kind as Recommendation['targetKind'],
    targetName: r.target_name,
    targetNamespace: r.target_namespace,
    type: r.type,
    status: r.status,
    statusReason: r.status_reason,
    title: r.title,
    summary: r.summary,
    current: r.current,
    recommended: r.recommended,
    evidence: r.evidence,
    confidence: Number(r.confidence),
    estimatedMonthlySavings: r.savings === null ? null : Number(r.savings),
    risk: r.risk,
    source: r.source,
    action: r.action,
    auditEventId: r.audit_event_id,
    createdAt: iso(r.created_at) ?? '',
    updatedAt: iso(r.updated_at) ?? '',
    resolvedAt: iso(r.resolved_at),
  };
}

/**
 * The order people see recommendations in (the API's pages, "recommendation 2" in chat):
 * highest savings first, then id; stable, so a keyset cursor can follow it.
 */
export const listKey = (r: Recommendation) =>
  `${String(Math.round(1e12 - (r.estimatedMonthlySavings ?? 0) * 100)).padStart(14, '0')}:${r.id}`;

/**
 * listKey's order in SQL: its first part (savings in cents from 1e12, rounded as Math.round
 * does), then the id (uuid order is the order of their lowercase text).
 */
const RANK = 'floor(1e12 - COALESCE(r.savings, 0) * 100 + 0.5)::bigint';
export const ORDER = `${RANK}, r.id`;

export interface Totals {
  totalCount: number;
  /** The sum of positive estimated savings, in cents rounded. */
  totalMonthlySavings: number;
}

export type TotalsRow = { n: string | number; savings: string | number | null };
export const TOTALS = 'count(*) AS n, sum(GREATEST(COALESCE(r.savings, 0), 0)) AS savings';
export const totalsOf = (row: TotalsRow | undefined): Totals => ({
  totalCount: Number(row?.n ?? 0),
  totalMonthlySavings: Math.round(Number(row?.savings ?? 0) * 100) / 100,
});

export const UUID = /^[0-9a-f-]{36}$/i;
export const whereOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

export function filterClause(f: RecommendationFilter, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (col: string, values: unknown[] | undefined) => {
    if (!values?.length) return;
    params.push(values);
    where.push(`${col} = ANY($${params.length})`);
  };
  add('r.status', f.statuses);
  if (f.types?.includes('CUSTOM')) {
    params.push(BUILTIN_TYPES);
    add(`CASE WHEN r.type = ANY($${params.length}) THEN r.type ELSE 'CUSTOM' END`, f.types);
  } else add('r.type', f.types);
  add('r.target_id', f.targetIds);
  // The stored form is `analyzer:<name>` or `agent:<name>` (sourceOf reads it the same way).
  add(
    `CASE split_part(r.source, ':', 1) WHEN 'analyzer' THEN 'ANALYZER' WHEN 'agent' THEN 'AGENT' ELSE 'OTHER' END`,
    f.sources,
  );
  add('r.target_namespace', f.namespaces);
  if (f.scope) {
    params.push(grantPatterns(f.scope));
    where.push(grantsSql('r.target_id', `$${params.length}`));
  }
  return where;
}

/** One keyset page in list order; `after` a listKey, `also` a further condition. */
export function pageQuery(
  f: RecommendationFilter,
  limit: number,
  after: string | undefined,
  params: unknown[],
  also?: string,
): string {
  const where = filterClause(f, params);
  if (also) where.push(also);
  if (after !== undefined) {
    const [rank, id] = splitListKey(after);
    params.push(rank, id);
    where.push(`(${RANK}, r.id) > ($${params.length - 1}::bigint, $${params.length}::uuid)`);
  }
  params.push(limit);
  return `SELECT * FROM recommendations r ${whereOf(where)} ORDER BY ${ORDER} LIMIT $${params.length}`;
}

/** A listKey's parts; a key that is not one is a ValidationError (it came from a cursor). */
function splitListKey(key: string): [string, string] {
  const m = /^(\d{1,18}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(key);
  if (!m) {
    throw new ValidationError('Invalid cursor', [
      { path: 'after', message: 'not a recommendation cursor' },
    ]);
  }
  return [m[1] as string, m[2] as string];
}
