import type { Aggregate, CostFilter, CostWithin } from './model.ts';
import { narrowsPods } from './model.ts';
import {
  NODE_COLUMNS,
  NODE_DAYS,
  NODE_HOURS,
  POD_COLUMNS,
  POD_DAYS,
  POD_HOURS,
  UNMOUNTED_DAYS,
  UNMOUNTED_HOURS,
  WORKLOAD_DAYS,
} from './sql.ts';
import type { CostWindow } from './window.ts';

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
    case 'container':
      // Per container rows only (never the per-workload sums); '' is a pod costed whole.
      return `nullif(s.container, '')`;
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
    any('s.container', f.containers);
    for (const l of f.labels ?? [])
      c.push(`${alias}.labels ->> ${ps.add(l.key)} = ${ps.add(l.value)}`);
    if (f.within) c.push(withinSql(f.within, ps, alias));
  }
  return c.length ? c.join(' AND ') : 'true';
}

/**
 * A viewer's scope (CostWithin) over rows with `cluster` and `namespace` columns, and `name`
 * when it grants pods by name (pod rows only: never the per-workload sums, see workloadGrain;
 * volumes are no pods and pass `named` empty).
 */
function withinSql(w: CostWithin, ps: Params, alias: string): string {
  const clusters = ps.add(w.places.map((x) => x.cluster));
  const namespaces = ps.add(w.places.map((x) => x.namespace));
  const named = w.named.length
    ? ` OR (${alias}.cluster, ${alias}.namespace, ${alias}.name) IN (SELECT * FROM unnest(` +
      `${ps.add(w.named.map((x) => x.cluster))}::text[], ${ps.add(w.named.map((x) => x.namespace))}::text[], ` +
      `${ps.add(w.named.map((x) => x.name))}::text[]))`
    : '';
  return (
    `(${alias}.cluster = ANY(${ps.add(w.pods)}::text[]) OR (${alias}.cluster, ${alias}.namespace) IN ` +
    `(SELECT * FROM unnest(${clusters}::text[], ${namespaces}::text[]))${named})`
  );
}

/** Aggregate keys the per-workload sums hold. */
const WORKLOAD_KEYS: readonly string[] = ['cluster', 'namespace', 'controllerKind', 'controller'];

/** Whether the per-workload sums can answer: no key or filter below a controller. */
const workloadGrain = (aggregate: Aggregate[], f: CostFilter) =>
  aggregate.every((k) => WORKLOAD_KEYS.includes(k)) &&
  !f.within?.named.length &&
  !f.nodes?.length &&
  !f.pods?.length &&
  !f.containers?.length &&
  !f.labels?.length;

const POD_SUMS = POD_COLUMNS.map((c) => `sum(s.${c}) AS ${c}`).join(', ');
const NODE_SUMS = NODE_COLUMNS.map((c) => `sum(s.${c}) AS ${c}`).join(', ');

export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The statements of one allocation: `rows` (pod sums per step, cluster, node when by node,
 * and keys k0…), `nodes` (node cost per step and cluster/node, for idle) and, when the filter
 * keeps only some pods, `totals` (what all pods there were allocated). `daily` reads the
 * per-day sums (per workload when no key or filter goes below a controller), otherwise the
 * hourly rollups.
 */
export function allocationStatements(
  w: CostWindow,
  aggregate: Aggregate[],
  filter: CostFilter,
  daily: boolean,
): { rows: Statement; nodes: Statement; totals: Statement | null; unmounted: Statement | null } {
  const podSrc = daily ? POD_DAYS : POD_HOURS;
  const nodeSrc = daily ? NODE_DAYS : NODE_HOURS;
  const byNode = aggregate.includes('node');
  const nd = byNode ? 'n.name AS nd,' : '';
  const base = () =>
    new Params(new Date(w.from).toISOString(), new Date(w.to).toISOString(), w.stepMs / 1000);
  const stepIndex = `floor(extract(epoch FROM s.t - $1::timestamptz) / $3)::int AS si`;

  // Per container, node and step first, then the pods' keys: 30 days of a pod join its place once
  // rather than 30 times, and a label is read from its JSON once per pod.
  const perPod = `(SELECT ${stepIndex}, s.pod_id, s.container, s.node_id, ${POD_SUMS}
                     FROM (${podSrc}) s GROUP BY 1, 2, 3, 4) s`;
  const workloads = daily && workloadGrain(aggregate, filter);
  const rp = base();
  const keys = aggregate.map((k, i) => `${keyExpr(k, rp, workloads ? 's' : 'p')} AS k${i}, `);
  const groupCols = ['si', 'cl', ...(byNode ? ['nd'] : []), ...aggregate.map((_, i) => `k${i}`)];
  const rowsSql = workloads
    ? `
      SELECT ${stepIndex}, s.cluster AS cl, ${keys.join('')} ${POD_SUMS},
             string_to_array(string_agg(nullif(s.reasons, ''), E'\\n'), E'\\n') AS reasons
        FROM (${WORKLOAD_DAYS}) s
       WHERE ${where(filter, rp, 'pod', 's')}
       GROUP BY ${groupCols.join(', ')}`
    : `
      SELECT s.si, p.cluster AS cl, ${nd} ${keys.join('')} ${POD_SUMS},
             array_agg(DISTINCT coalesce(n.price_reason, 'node unknown'))
               FILTER (WHERE s.unpriced_h > 0) AS reasons
        FROM ${perPod}
        JOIN cost_pods p ON p.target_id = s.pod_id
        LEFT JOIN cost_nodes n ON n.target_id = s.node_id
       WHERE ${where(filter, rp, 'pod')}
       GROUP BY ${groupCols.join(', ')}`;

  const np = base();
  const nodeSql = `
      SELECT ${stepIndex}, n.cluster AS cl, ${nd} ${NODE_SUMS}
        FROM (${nodeSrc}) s JOIN cost_nodes n ON n.target_id = s.node_id
       WHERE ${where(filter, np, 'place', 'n')}
       GROUP BY si, cl${byNode ? ', nd' : ''}`;

  const tp = base();
  const totalSql = workloads
    ? `
      SELECT ${stepIndex}, s.cluster AS cl, ${POD_SUMS}
        FROM (${WORKLOAD_DAYS}) s
       WHERE ${where(filter, tp, 'place', 's')}
       GROUP BY si, cl`
    : `
      SELECT s.si, p.cluster AS cl, ${nd} ${POD_SUMS}
        FROM ${perPod}
        JOIN cost_pods p ON p.target_id = s.pod_id
        LEFT JOIN cost_nodes n ON n.target_id = s.node_id
       WHERE ${where(filter, tp, 'place')}
       GROUP BY si, cl${byNode ? ', nd' : ''}`;

  // Volume hours no pod mounted: their cluster and claim namespace; nothing below narrows them.
  const up = base();
  const uc: string[] = [];
  if (filter.clusters?.length) uc.push(`s.cluster = ANY(${up.add(filter.clusters)}::text[])`);
  if (filter.namespaces?.length) uc.push(`s.namespace = ANY(${up.add(filter.namespaces)}::text[])`);
  if (filter.within) uc.push(withinSql({ ...filter.within, named: [] }, up, 's'));
  const below =
    filter.nodes?.length ||
    filter.controllerKinds?.length ||
    filter.controllers?.length ||
    filter.pods?.length ||
    filter.containers?.length ||
    filter.labels?.length;
  const unmountedSql = `
      SELECT ${stepIndex}, s.cluster AS cl, s.namespace AS ns, sum(s.storage_cost) AS storage_cost,
             sum(s.storage_unpriced_gibh) AS storage_unpriced_gibh,
             array_agg(DISTINCT s.reason) FILTER (WHERE s.storage_unpriced_gibh > 0) AS reasons
        FROM (${daily ? UNMOUNTED_DAYS : UNMOUNTED_HOURS}) s
       WHERE ${uc.length ? uc.join(' AND ') : 'true'}
       GROUP BY 1, 2, 3`;

  return {
    unmounted: below ? null : { sql: unmountedSql, params: up.values },
    rows: { sql: rowsSql, params: rp.values },
    nodes: { sql: nodeSql, params: np.values },
    totals: narrowsPods(filter) ? { sql: totalSql, params: tp.values } : null,
  };
}
