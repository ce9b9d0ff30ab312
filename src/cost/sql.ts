/**
 * The cost model in SQL, one definition used both to fill the per-day tables and to answer
 * windows that do not fall on whole days. Parameters $1 and $2 are the hour-aligned
 * [from, to). Per hour and container (OpenCost's rule): allocated = max(mean request, mean
 * usage) × the share of the hour the pod was seen × the node's rate. RAM amounts are GiB-hours.
 */

/** The clusters' own rows: how many collections each hour had (presence is measured against it). */
const CLUSTER_HOURS = `
  cl AS MATERIALIZED (
    SELECT target_id, bucket, samples FROM metric_rollups
     WHERE resolution = 3600 AND bucket >= $1::timestamptz AND bucket < $2::timestamptz
       AND target_id IN (SELECT DISTINCT 'k8s:' || cluster FROM cost_nodes))`;

/** The share of its hour a volume existed: the minutes set in `v.minutes`, ÷ 60. */
const VOLUME_SHARE = `least(1, length(replace(v.minutes::bit(64)::text, '0', ''))::float8 / 60)`;

/**
 * PersistentVolume hours: `vh` each volume's (h = the share of the hour it existed), `vc` each
 * pod that mounts its claim and was seen that hour (ph = its presence), carrying the volume's
 * h, GiB and rate so that nothing joins back to `vh` (the planner, underestimating `vc`,
 * looped over every volume hour for each of its rows: minutes a day at 1,000 volumes).
 */
const VOLUME_HOURS = `
  vh AS (
    SELECT v.bucket AS t, v.volume_id, v.claim_namespace, v.claim_name, cv.cluster, cv.gib,
           cv.gib_hour_rate AS rate,
           ${VOLUME_SHARE} AS h
      FROM cost_volume_hours v JOIN cost_volumes cv ON cv.target_id = v.volume_id
     WHERE v.bucket >= $1::timestamptz AND v.bucket < $2::timestamptz),
  -- Each pod's claims, one row each, before they meet the volume hours (joined on the pods'
  -- namespace first, every volume hour met every pod of its namespace).
  pc AS MATERIALIZED (
    SELECT target_id, node_id, cluster, namespace, claim
      FROM cost_pods, unnest(claims) AS claim WHERE cardinality(claims) > 0),
  vc AS (
    SELECT vh.t, vh.volume_id, vh.h, vh.gib, vh.rate, p.target_id AS pod_id, p.node_id,
           least(1, r.samples::float8 / greatest(c.samples, 1)) AS ph
      FROM vh
      JOIN pc p
        ON p.cluster = vh.cluster AND p.namespace = vh.claim_namespace AND p.claim = vh.claim_name
      JOIN metric_rollups r ON r.resolution = 3600 AND r.target_id = p.target_id
                           AND r.bucket = vh.t
      JOIN cl c ON c.target_id = 'k8s:' || p.cluster AND c.bucket = vh.t)`;

/**
 * `vs`: the GiB-hours each pod that mounted a volume takes of its hour: min(h, the pods'
 * summed presence), split by presence (the rest is unmounted).
 */
const CLAIMED_VOLUMES = `${VOLUME_HOURS.trim()},
  vs AS (
    SELECT t, pod_id, node_id, rate,
           least(h, sum(ph) OVER w) * ph / sum(ph) OVER w * gib AS gibh
      FROM vc WINDOW w AS (PARTITION BY t, volume_id))`;

/**
 * Columns t, pod_id, container, node_id, hours, unpriced_h, cpu/ram req/use hours, and the
 * costs: one row per container and hour (OpenCost's grain), or per pod ('' as container) for
 * an hour of a pod whose containers have no rollups (collected before they were kept).
 */
export const POD_HOURS = `
  WITH ${CLUSTER_HOURS},
  -- Each rollup row with its container (if it is a container's), and whether its pod has
  -- container rows that hour (then the pod's own row is left out). A window over (pod, hour)
  -- rather than an anti-join: a new hour lies past the statistics, and the planner, expecting
  -- one row a side, looped over every row of the hour for each.
  rc AS (
    SELECT r.bucket, r.samples, r.avg, coalesce(k.pod_id, r.target_id) AS pod_id, k.name, k.gpus,
           bool_or(k.target_id IS NOT NULL)
             OVER (PARTITION BY coalesce(k.pod_id, r.target_id), r.bucket) AS split
      FROM metric_rollups r LEFT JOIN cost_containers k ON k.target_id = r.target_id
     WHERE r.resolution = 3600 AND r.bucket >= $1::timestamptz AND r.bucket < $2::timestamptz),
  u AS (
    SELECT bucket, samples, avg, pod_id, coalesce(name, '') AS container, gpus FROM rc
     WHERE name IS NOT NULL OR NOT split),
  pr AS (
    SELECT r.bucket AS t, p.target_id AS pod_id, r.container, p.node_id,
           coalesce(r.gpus, p.gpus) AS gpus,
           least(1, r.samples::float8 / greatest(c.samples, 1)) AS h,
           coalesce(r.avg[5], 0) AS cr, coalesce(r.avg[1], 0) AS cu,
           coalesce(r.avg[7], 0) / 1073741824 AS mr, coalesce(r.avg[2], 0) / 1073741824 AS mu
      FROM u r
      JOIN cost_pods p ON p.target_id = r.pod_id
      JOIN cl c ON c.target_id = 'k8s:' || p.cluster AND c.bucket = r.bucket),
  ${CLAIMED_VOLUMES}
  SELECT pr.t, pr.pod_id, pr.container, pr.node_id, pr.h AS hours,
         CASE WHEN n.cpu_rate IS NULL THEN pr.h ELSE 0 END AS unpriced_h,
         pr.h * pr.cr AS cpu_req_h, pr.h * pr.cu AS cpu_use_h,
         pr.h * pr.mr AS ram_req_h, pr.h * pr.mu AS ram_use_h,
         coalesce(pr.h * greatest(pr.cr, pr.cu) * n.cpu_rate, 0) AS cpu_cost,
         coalesce(pr.h * greatest(pr.mr, pr.mu) * n.ram_rate, 0) AS ram_cost,
         coalesce(pr.h * pr.gpus * n.gpu_rate, 0) AS gpu_cost,
         coalesce(pr.h * pr.cr * n.cpu_rate, 0) AS cpu_req_cost,
         coalesce(pr.h * pr.cu * n.cpu_rate, 0) AS cpu_use_cost,
         coalesce(pr.h * pr.mr * n.ram_rate, 0) AS ram_req_cost,
         coalesce(pr.h * pr.mu * n.ram_rate, 0) AS ram_use_cost,
         0::float8 AS storage_cost, 0::float8 AS storage_unpriced_gibh
    FROM pr LEFT JOIN cost_nodes n ON n.target_id = pr.node_id
  UNION ALL
  -- A claimed volume's GiB-hours, split between the pods that mounted it that hour by their
  -- presence, on the pod ('' container: a volume is the pod's, not one container's).
  SELECT vs.t, vs.pod_id, '', vs.node_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         coalesce(vs.gibh * vs.rate, 0), CASE WHEN vs.rate IS NULL THEN vs.gibh ELSE 0 END
    FROM vs`;

/**
 * Columns t, volume_id, cluster, namespace (the claim's; null when unclaimed), storage_cost,
 * storage_unpriced_gibh, reason: each volume hour's GiB-hours no pod mounted (OpenCost's
 * `__unmounted__`).
 */
export const UNMOUNTED_HOURS = `
  WITH cl AS MATERIALIZED (
    -- The clusters' rows of only the hours with volumes (none: nothing read), by primary key.
    SELECT r.target_id, r.bucket, r.samples
      FROM (SELECT DISTINCT v.bucket, 'k8s:' || cv.cluster AS target_id
              FROM cost_volume_hours v JOIN cost_volumes cv ON cv.target_id = v.volume_id
             WHERE v.bucket >= $1::timestamptz AND v.bucket < $2::timestamptz) x
      JOIN metric_rollups r ON r.resolution = 3600 AND r.target_id = x.target_id
                           AND r.bucket = x.bucket),
  ${VOLUME_HOURS.trim()},
  vt AS (SELECT t, volume_id, sum(ph) AS tot FROM vc GROUP BY t, volume_id)
  SELECT vh.t, vh.volume_id, vh.cluster, vh.claim_namespace AS namespace,
         coalesce(g.gibh * vh.rate, 0) AS storage_cost,
         CASE WHEN vh.rate IS NULL THEN g.gibh ELSE 0 END AS storage_unpriced_gibh,
         cv.price_reason AS reason
    FROM vh LEFT JOIN vt USING (t, volume_id)
    JOIN cost_volumes cv ON cv.target_id = vh.volume_id
    CROSS JOIN LATERAL (SELECT (vh.h - least(vh.h, coalesce(vt.tot, 0))) * vh.gib AS gibh) g
   WHERE g.gibh > 0`;

/** Columns t, node_id, hours, unpriced_h, and the node's cost split into CPU, RAM and GPU. */
export const NODE_HOURS = `
  WITH ${CLUSTER_HOURS},
  nr AS (
    SELECT r.bucket AS t, n.target_id, n.hourly, n.cpu_cores, n.memory_bytes, n.gpus,
           n.cpu_rate, n.ram_rate, n.gpu_rate,
           least(1, r.samples::float8 / greatest(c.samples, 1)) AS h
      FROM metric_rollups r
      JOIN cost_nodes n ON n.target_id = r.target_id
      JOIN cl c ON c.target_id = 'k8s:' || n.cluster AND c.bucket = r.bucket
     WHERE r.resolution = 3600 AND r.bucket >= $1::timestamptz AND r.bucket < $2::timestamptz)
  SELECT t, target_id AS node_id, h AS hours,
         CASE WHEN hourly IS NULL THEN h ELSE 0 END AS unpriced_h,
         coalesce(h * cpu_cores * cpu_rate, 0) AS cpu_cost,
         coalesce(h * memory_bytes / 1073741824 * ram_rate, 0) AS ram_cost,
         coalesce(h * gpus * gpu_rate, 0) AS gpu_cost
    FROM nr`;

export const POD_COLUMNS = [
  'hours',
  'unpriced_h',
  'cpu_req_h',
  'cpu_use_h',
  'ram_req_h',
  'ram_use_h',
  'cpu_cost',
  'ram_cost',
  'gpu_cost',
  'cpu_req_cost',
  'cpu_use_cost',
  'ram_req_cost',
  'ram_use_cost',
  'storage_cost',
  'storage_unpriced_gibh',
] as const;

export const NODE_COLUMNS = ['hours', 'unpriced_h', 'cpu_cost', 'ram_cost', 'gpu_cost'] as const;

const sums = (cols: readonly string[], alias = '') =>
  cols.map((c) => `sum(${alias}${c}) AS ${c}`).join(', ');
const added = (table: string, cols: readonly string[]) =>
  cols.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');

/** The unpriced reasons of a group of pod-hours, newline-joined (none: ''). */
const REASONS = `coalesce(string_agg(DISTINCT coalesce(n.price_reason, 'node unknown'), E'\\n')
                   FILTER (WHERE x.unpriced_h > 0), '')`;
/** Two newline-joined reason lists as one, without repeats. */
const mergeReasons = (a: string, b: string) =>
  `coalesce((SELECT string_agg(DISTINCT r, E'\\n') FROM unnest(string_to_array(${a} || E'\\n' || ${b}, E'\\n')) r
              WHERE r <> ''), '')`;

/** The per-workload grain: (cluster, namespace, controller), '' for no controller. */
const WORKLOAD_GROUP = `p.cluster, p.namespace, coalesce(p.controller_kind, ''), coalesce(p.controller_name, '')`;
const WORKLOAD_INSERT = `INSERT INTO cost_workload_days (day, cluster, namespace, controller_kind,
       controller_name, ${POD_COLUMNS.join(', ')}, reasons)`;
const WORKLOAD_UPSERT = `ON CONFLICT (day, cluster, namespace, controller_kind, controller_name)
   DO UPDATE SET ${added('cost_workload_days', POD_COLUMNS)},
     reasons = ${mergeReasons('cost_workload_days.reasons', 'EXCLUDED.reasons')}`;

/**
 * Adds the pod-hours of [$1, $2) to the sums of day $3 — per container, per (cluster, namespace,
 * controller), per unmounted volume and per node. One pass over the hours'
 * rollups feeds both pod and workload sums. The caller makes sure [$1, $2) is not in them yet.
 */
export const ADD_HOURS = [
  `WITH h AS (
     SELECT x.pod_id, x.container, min(x.node_id) AS node_id, ${sums(POD_COLUMNS, 'x.')},
            ${REASONS} AS reasons
       FROM (${POD_HOURS}) x LEFT JOIN cost_nodes n ON n.target_id = x.node_id
      GROUP BY x.pod_id, x.container),
   pods AS (
     INSERT INTO cost_pod_days (day, pod_id, container, node_id, ${POD_COLUMNS.join(', ')})
     SELECT $3::timestamptz, pod_id, container, node_id, ${POD_COLUMNS.join(', ')} FROM h
     ON CONFLICT (day, pod_id, container) DO UPDATE SET
       node_id = least(cost_pod_days.node_id, EXCLUDED.node_id), ${added('cost_pod_days', POD_COLUMNS)})
   ${WORKLOAD_INSERT}
   SELECT $3::timestamptz, ${WORKLOAD_GROUP}, ${sums(POD_COLUMNS, 'x.')},
          ${mergeReasons("coalesce(string_agg(x.reasons, E'\\n'), '')", "''")}
     FROM h x JOIN cost_pods p ON p.target_id = x.pod_id
    GROUP BY ${WORKLOAD_GROUP}
   ${WORKLOAD_UPSERT}`,
  `INSERT INTO cost_unmounted_days (day, volume_id, namespace, cluster, storage_cost,
          storage_unpriced_gibh)
   SELECT $3::timestamptz, volume_id, coalesce(namespace, ''), min(cluster), sum(storage_cost),
          sum(storage_unpriced_gibh)
     FROM (${UNMOUNTED_HOURS}) x
    GROUP BY volume_id, coalesce(namespace, '')
   ON CONFLICT (day, volume_id, namespace) DO UPDATE SET
     ${added('cost_unmounted_days', ['storage_cost', 'storage_unpriced_gibh'])}`,
  `INSERT INTO cost_node_days (day, node_id, ${NODE_COLUMNS.join(', ')})
   SELECT $3::timestamptz, node_id, ${sums(NODE_COLUMNS)} FROM (${NODE_HOURS}) x
    GROUP BY node_id
   ON CONFLICT (day, node_id) DO UPDATE SET ${added('cost_node_days', NODE_COLUMNS)}`,
];

/** Day $1's sums hold the hours before $2. */
export const SET_THROUGH = `INSERT INTO cost_days (day, through) VALUES ($1::timestamptz, $2::timestamptz)
   ON CONFLICT (day) DO UPDATE SET through = EXCLUDED.through`;

/** Empties day $1's sums before they are rebuilt (an hour already in them changed). */
export const CLEAR_DAY = [
  'DELETE FROM cost_pod_days WHERE day = $1::timestamptz',
  'DELETE FROM cost_workload_days WHERE day = $1::timestamptz',
  'DELETE FROM cost_node_days WHERE day = $1::timestamptz',
  'DELETE FROM cost_unmounted_days WHERE day = $1::timestamptz',
  'DELETE FROM cost_days WHERE day = $1::timestamptz',
];

/** Drops the sums of days that ended at or before $1 (the hourly rollups' retention). */
export const PRUNE_DAYS = [
  'cost_pod_days',
  'cost_workload_days',
  'cost_node_days',
  'cost_unmounted_days',
  'cost_days',
]
  .map((t) => `DELETE FROM ${t} WHERE day <= $1::timestamptz - interval '1 day'`)
  .concat(`DELETE FROM cost_volume_hours WHERE bucket < $1::timestamptz - interval '1 day'`);

/** The per-day tables as the same columns as POD_HOURS / NODE_HOURS. */
export const POD_DAYS = `SELECT day AS t, pod_id, container, node_id, ${POD_COLUMNS.join(', ')}
  FROM cost_pod_days WHERE day >= $1::timestamptz AND day < $2::timestamptz`;
export const NODE_DAYS = `SELECT day AS t, node_id, ${NODE_COLUMNS.join(', ')}
  FROM cost_node_days WHERE day >= $1::timestamptz AND day < $2::timestamptz`;
/** Per-workload days with the pod columns' names (cluster, namespace, controller; no pod). */
export const WORKLOAD_DAYS = `SELECT day AS t, cluster, namespace,
       nullif(controller_kind, '') AS controller_kind, nullif(controller_name, '') AS controller_name,
       ${POD_COLUMNS.join(', ')}, reasons
  FROM cost_workload_days WHERE day >= $1::timestamptz AND day < $2::timestamptz`;
/** Per-day unmounted volume sums with UNMOUNTED_HOURS' columns. */
export const UNMOUNTED_DAYS = `SELECT u.day AS t, u.volume_id, u.cluster,
       nullif(u.namespace, '') AS namespace, u.storage_cost, u.storage_unpriced_gibh,
       cv.price_reason AS reason
  FROM cost_unmounted_days u JOIN cost_volumes cv ON cv.target_id = u.volume_id
 WHERE u.day >= $1::timestamptz AND u.day < $2::timestamptz`;

/**
 * Hours, GiB-hours and cost over [$1, $2) of each PersistentVolume (and the claim it was bound
 * to), for the volumes `$3` or, by claim, the claims (`$3` clusters, `$4` namespaces, `$5`
 * names): a volume's cost is its own whatever mounted it; a claim's, that of the volume hours
 * bound to it.
 */
export const volumeCosts = (by: 'volume' | 'claim') => `
  SELECT v.volume_id, cv.cluster, v.claim_namespace, v.claim_name, sum(x.h) AS hours,
         sum(x.h * cv.gib) AS gibh, coalesce(sum(x.h * cv.gib * cv.gib_hour_rate), 0) AS cost,
         bool_or(cv.gib_hour_rate IS NULL) AS unpriced, min(cv.price_reason) AS reason
    FROM cost_volume_hours v JOIN cost_volumes cv ON cv.target_id = v.volume_id
    ${
      by === 'volume'
        ? ''
        : `JOIN unnest($3::text[], $4::text[], $5::text[]) AS c(cluster, ns, name)
             ON v.claim_namespace = c.ns AND v.claim_name = c.name AND cv.cluster = c.cluster`
    }
    CROSS JOIN LATERAL (SELECT ${VOLUME_SHARE} AS h) x
   WHERE v.bucket >= $1::timestamptz AND v.bucket < $2::timestamptz
     ${by === 'volume' ? 'AND v.volume_id = ANY($3::text[])' : ''}
   GROUP BY v.volume_id, cv.cluster, v.claim_namespace, v.claim_name`;
