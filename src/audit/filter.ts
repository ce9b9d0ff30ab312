import { grantPatterns, grantsSql, seesId } from '../providers/ids.ts';
import {
  AUDIT_ACTIONS,
  knownAction,
  type AuditAction,
  type AuditEvent,
  type AuditFilter,
} from './types.ts';

/**
 * Each condition of an AuditFilter, once: how the store asks for it in SQL (over
 * `audit_events e`) and how a live event is tested against it, side by side so the two
 * cannot drift apart.
 */
interface Condition<K extends keyof AuditFilter> {
  sql: (param: string) => string;
  test: (value: NonNullable<AuditFilter[K]>, e: AuditEvent) => boolean;
  /** The SQL parameter, when it is not the value itself. */
  param?: (value: NonNullable<AuditFilter[K]>) => unknown;
}

const CONDITIONS: { [K in keyof Required<AuditFilter>]: Condition<K> } = {
  // `other` stands for every name this version does not know (written by another version).
  actions: {
    sql: (p) =>
      `(e.action = ANY(${p}::text[]) OR ('other' = ANY(${p}::text[]) AND NOT e.action = ANY('{${AUDIT_ACTIONS.join(',')}}'::text[])))`,
    test: (v, e) => v.includes(knownAction(e.action)),
  },
  statuses: { sql: (p) => `e.status = ANY(${p}::text[])`, test: (v, e) => v.includes(e.status) },
  actors: { sql: (p) => `e.actor = ANY(${p}::text[])`, test: (v, e) => v.includes(e.actor) },
  sources: { sql: (p) => `e.source = ANY(${p}::text[])`, test: (v, e) => v.includes(e.source) },
  resourceId: { sql: (p) => `e.target_id = ${p}`, test: (v, e) => v === e.target?.id },
  since: { sql: (p) => `e.ts >= ${p}`, test: (v, e) => new Date(e.timestamp) >= v },
  until: { sql: (p) => `e.ts < ${p}`, test: (v, e) => new Date(e.timestamp) < v },
  scope: {
    sql: (p) => grantsSql('e.target_id', p),
    test: (v, e) => !e.target?.id || seesId(v, e.target.id),
    param: (v) => grantPatterns(v),
  },
};

/** The conditions a filter sets (an empty list sets none), with their values. */
function set(filter: AuditFilter): [Condition<keyof AuditFilter>, unknown][] {
  return Object.entries(filter).flatMap(([key, value]) =>
    value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)
      ? []
      : [[CONDITIONS[key as keyof AuditFilter] as Condition<keyof AuditFilter>, value]],
  );
}

/** A filter's WHERE conditions; their values are pushed onto `params`. */
export function filterClause(filter: AuditFilter, params: unknown[]): string[] {
  return set(filter).map(([c, value]) => {
    params.push(c.param ? c.param(value as never) : value);
    return c.sql(`$${params.length}`);
  });
}

/** The same filter as a test of one event (live subscriptions). */
export function filterMatcher(filter: AuditFilter): (e: AuditEvent) => boolean {
  const conditions = set(filter);
  return (e) => conditions.every(([c, value]) => c.test(value as never, e));
}

/**
 * Target-less actions that hold nothing of any cluster: changes to the orchestrator itself (an
 * agent's name, address and capabilities; a token's name and role).
 */
const ABOUT_THE_ORCHESTRATOR: ReadonlySet<string> = new Set<AuditAction>([
  'register_agent',
  'remove_agent',
  'create_token',
]);

/**
 * Whether an event's details (parameters, error, before, after, message and the records hashed
 * into the tree) are about the whole estate, so that a viewer reads them only when they may list
 * every pod and node of every cluster (`seesEstate`). The scope condition lets an event with no
 * target through, since it names no resource to judge; but a recommendation pass holds its
 * counts, an agent's submission the advice on any target, a retention prune the rows it removed
 * of everyone's, and a name another version wrote anything. An event on a target is judged by
 * its target (the scope condition) and holds only that target's figures.
 */
export function aboutTheEstate(e: Pick<AuditEvent, 'action' | 'target'>): boolean {
  return !e.target && !ABOUT_THE_ORCHESTRATOR.has(e.action);
}
