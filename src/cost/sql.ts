/**
 * The cost model in SQL, one definition used both to fill the per-day tables and to answer
 * windows that do not fall on whole days. Parameters $1 and $2 are the hour-aligned
 * [from, to). Per hour and pod (OpenCost's rule, at pod rather than container grain, since
 * the rollups are per pod): allocated = max(mean request, mean usage) × the share of the
 * hour the pod was seen × the node's rate. RAM amounts are GiB-hours.
 */

/** The clusters' own rows: how many collections each hour had (presence is measured against it). */
const CLUSTER_HOURS = `
  cl AS (
    SELECT target_id, bucket, samples FROM metric_rollups
     WHERE resolution = 3600 AND bucket >= $1::timestamptz AND bucket < $2::timestamptz
       AND target_id IN (SELECT DISTINCT 'k8s:' || cluster FROM cost_nodes))`;

/** Columns t, pod_id, node_id, hours, unpriced_h, cpu/ram req/use hours, and the costs. */
export const POD_HOURS = `
  WITH ${CLUSTER_HOURS},
  pr AS (
    SELECT r.bucket AS t, p.target_id AS pod_id, p.node_id, p.gpus,
           least(1, r.samples::float8 / greatest(c.samples, 1)) AS h,
           coalesce(r.avg[5], 0) AS cr, coalesce(r.avg[1], 0) AS cu,
           coalesce(r.avg[7], 0) / 1073741824 AS mr, coalesce(r.avg[2], 0) / 1073741824 AS mu
      FROM metric_rollups r
      JOIN cost_pods p ON p.target_id = r.target_id
      JOIN cl c ON c.target_id = 'k8s:' || p.cluster AND c.bucket = r.bucket
     WHERE r.resolution = 3600 AND r.bucket >= $1::timestamptz AND r.bucket < $2::timestamptz)
  SELECT pr.t, pr.pod_id, pr.node_id, pr.h AS hours,
         CASE WHEN n.cpu_rate IS NULL THEN pr.h ELSE 0 END AS unpriced_h,
         pr.h * pr.cr AS cpu_req_h, pr.h * pr.cu AS cpu_use_h,
         pr.h * pr.mr AS ram_req_h, pr.h * pr.mu AS ram_use_h,
         coalesce(pr.h * greatest(pr.cr, pr.cu) * n.cpu_rate, 0) AS cpu_cost,
         coalesce(pr.h * greatest(pr.mr, pr.mu) * n.ram_rate, 0) AS ram_cost,
         coalesce(pr.h * pr.gpus * n.gpu_rate, 0) AS gpu_cost,
         coalesce(pr.h * pr.cr * n.cpu_rate, 0) AS cpu_req_cost,
         coalesce(pr.h * pr.cu * n.cpu_rate, 0) AS cpu_use_cost,
         coalesce(pr.h * pr.mr * n.ram_rate, 0) AS ram_req_cost,
         coalesce(pr.h * pr.mu * n.ram_rate, 0) AS ram_use_cost
    FROM pr LEFT JOIN cost_nodes n ON n.target_id = pr.node_id`;

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
] as const;

export const NODE_COLUMNS = ['hours', 'unpriced_h', 'cpu_cost', 'ram_cost', 'gpu_cost'] as const;

const sums = (cols: readonly string[]) => cols.map((c) => `sum(${c})`).join(', ');
const excluded = (cols: readonly string[]) => cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ');

/** Recomputes one day's per-pod and per-node sums ($1 the day, $2 its end or the last hour). */
export const MATERIALIZE_DAY = [
  `INSERT INTO cost_pod_days (day, pod_id, node_id, ${POD_COLUMNS.join(', ')})
   SELECT $1::timestamptz, pod_id, min(node_id), ${sums(POD_COLUMNS)} FROM (${POD_HOURS}) x
    GROUP BY pod_id
   ON CONFLICT (day, pod_id) DO UPDATE SET node_id = EXCLUDED.node_id, ${excluded(POD_COLUMNS)}`,
  `INSERT INTO cost_node_days (day, node_id, ${NODE_COLUMNS.join(', ')})
   SELECT $1::timestamptz, node_id, ${sums(NODE_COLUMNS)} FROM (${NODE_HOURS}) x
    GROUP BY node_id
   ON CONFLICT (day, node_id) DO UPDATE SET ${excluded(NODE_COLUMNS)}`,
  `INSERT INTO cost_days (day, through)
   SELECT $1::timestamptz, coalesce(max(bucket) + interval '1 hour', $1::timestamptz)
     FROM metric_rollups
    WHERE resolution = 3600 AND bucket >= $1::timestamptz AND bucket < $2::timestamptz
   ON CONFLICT (day) DO UPDATE SET through = EXCLUDED.through`,
];

/** The per-day tables as the same columns as POD_HOURS / NODE_HOURS. */
export const POD_DAYS = `SELECT day AS t, pod_id, node_id, ${POD_COLUMNS.join(', ')}
  FROM cost_pod_days WHERE day >= $1::timestamptz AND day < $2::timestamptz`;
export const NODE_DAYS = `SELECT day AS t, node_id, ${NODE_COLUMNS.join(', ')}
  FROM cost_node_days WHERE day >= $1::timestamptz AND day < $2::timestamptz`;
