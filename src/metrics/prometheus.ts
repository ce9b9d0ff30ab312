import type { Resource } from '../providers/provider.ts';
import { podNamePattern } from '../recommendations/workloads.ts';
import type { PrometheusClient } from './prometheus-client.ts';
import type {
  MetricName,
  MetricSource,
  PodUsage,
  PodUsageSet,
  Series,
  TimeWindow,
  UsageName,
} from './types.ts';

/** Rate window of the current values: two scrapes at the common 30 s interval, and then some. */
export const RATE_WINDOW_SECONDS = 120;
const C = 'container!="",container!="POD"';

/** A PromQL string literal (regexes carry backslashes that the literal must escape). */
const lit = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The selector-taking inner expression of each metric (matchers are appended inside `{}`). */
function inner(name: MetricName, sel: string, windowSeconds: number): string | null {
  const w = `[${windowSeconds}s]`;
  const s = sel ? `,${sel}` : '';
  switch (name) {
    case 'CPU_USAGE':
      return `rate(container_cpu_usage_seconds_total{${C}${s}}${w})`;
    case 'MEMORY_USAGE':
      return `container_memory_working_set_bytes{${C}${s}}`;
    // Network is per pod sandbox in cAdvisor (and per container in the lab): no container filter.
    case 'NETWORK_RECEIVE':
      return `rate(container_network_receive_bytes_total{${sel}}${w})`;
    case 'NETWORK_TRANSMIT':
      return `rate(container_network_transmit_bytes_total{${sel}}${w})`;
    case 'CPU_REQUEST':
      return `kube_pod_container_resource_requests{resource="cpu"${s}}`;
    case 'CPU_LIMIT':
      return `kube_pod_container_resource_limits{resource="cpu"${s}}`;
    case 'MEMORY_REQUEST':
      return `kube_pod_container_resource_requests{resource="memory"${s}}`;
    case 'MEMORY_LIMIT':
      return `kube_pod_container_resource_limits{resource="memory"${s}}`;
    default:
      return null;
  }
}

/** Usage kept per container as well as per pod (cost allocation's grain). */
const PER_CONTAINER = new Set<UsageName>(['CPU_USAGE', 'MEMORY_USAGE']);

/**
 * The PromQL of the current-value pass: one query per usage metric over every pod, CPU and
 * memory by container (the pod's value is their sum).
 */
export function currentQueries(): Record<UsageName, string> {
  const q = (n: UsageName) =>
    `sum by (namespace, pod${PER_CONTAINER.has(n) ? ', container' : ''}) (${inner(n, '', RATE_WINDOW_SECONDS)})`;
  return {
    CPU_USAGE: q('CPU_USAGE'),
    MEMORY_USAGE: q('MEMORY_USAGE'),
    NETWORK_RECEIVE: q('NETWORK_RECEIVE'),
    NETWORK_TRANSMIT: q('NETWORK_TRANSMIT'),
  };
}

const POD_LEVEL = new Set(['POD', 'DEPLOYMENT', 'STATEFULSET', 'DAEMONSET', 'REPLICASET']);

/** How a target's pods are recognised in series labels (names for history: pods come and go). */
function podRegex(r: Resource): string {
  if (r.kind === 'POD') return escapeRe(r.name);
  if (r.kind === 'REPLICASET') return `${escapeRe(r.name)}-[a-z0-9]{5}`;
  return podNamePattern(r.kind, r.name).source.replace(/^\^/, '').replace(/\$$/, '');
}

type Group = 'pod' | 'namespace' | 'node';
function groupOf(r: Resource): Group | null {
  if (r.provider !== 'KUBERNETES') return null;
  if (POD_LEVEL.has(r.kind)) return 'pod';
  if (r.kind === 'NAMESPACE') return 'namespace';
  if (r.kind === 'NODE') return 'node';
  return null;
}

/**
 * Prometheus as a metric source. Every call is one request per metric for any number of pods
 * or targets (`sum by (...)` over a regex selector).
 */
export class PrometheusSource implements MetricSource {
  readonly name = 'Prometheus';
  readonly client: PrometheusClient;

  constructor(client: PrometheusClient) {
    this.client = client;
  }

  supports(target: Resource): boolean {
    return groupOf(target) !== null;
  }

  async current(): Promise<PodUsageSet> {
    const queries = currentQueries();
    const names = Object.keys(queries) as UsageName[];
    const results = await Promise.all(names.map((n) => this.client.instant(queries[n])));
    const pods = new Map<string, PodUsage>();
    names.forEach((name, i) => {
      for (const s of results[i] ?? []) {
        const key = `${s.metric.namespace ?? ''}/${s.metric.pod ?? ''}`;
        const v = Number(s.value?.[1]);
        if (!Number.isFinite(v)) continue;
        let u = pods.get(key);
        if (!u) pods.set(key, (u = {}));
        u[name] = (u[name] ?? 0) + v;
        const container = s.metric.container;
        if (container && PER_CONTAINER.has(name)) {
          u.containers ??= {};
          const c = (u.containers[container] ??= {});
          c[name as 'CPU_USAGE' | 'MEMORY_USAGE'] = v;
        }
      }
    });
    // One Prometheus per orchestrator: its pods are matched in every context by namespace/name.
    return { size: pods.size, get: (_cluster, ns, pod) => pods.get(`${ns}/${pod}`) };
  }

  async range(targets: Resource[], names: MetricName[], w: TimeWindow): Promise<Series[]> {
    const groups = new Map<Group, Resource[]>();
    for (const t of targets) {
      const g = groupOf(t);
      if (g) groups.set(g, [...(groups.get(g) ?? []), t]);
    }
    // A rate over at least one step, so a coarse step averages rather than samples.
    const window = Math.max(RATE_WINDOW_SECONDS, Math.round(w.stepMs / 1000));
    const jobs: Promise<Series[]>[] = [];
    for (const [group, members] of groups) {
      for (const name of names) jobs.push(this.rangeGroup(group, members, name, w, window));
    }
    return (await Promise.all(jobs)).flat();
  }

  private async rangeGroup(
    group: Group,
    members: Resource[],
    name: MetricName,
    w: TimeWindow,
    window: number,
  ): Promise<Series[]> {
    const names = [...new Set(members.map((m) => m.name))].map(escapeRe).join('|');
    let promql: string | null;
    let match: (m: Resource, labels: Record<string, string>) => boolean;
    if (group === 'pod') {
      const ns = [...new Set(members.map((m) => m.namespace ?? ''))].map(escapeRe).join('|');
      const pods = [...new Set(members.map(podRegex))].join('|');
      const e = inner(name, `namespace=~${lit(ns)},pod=~${lit(pods)}`, window);
      promql = e && `sum by (namespace, pod) (${e})`;
      const res = new Map(members.map((m) => [m, new RegExp(`^(?:${podRegex(m)})$`)]));
      match = (m, l) => l.namespace === m.namespace && (res.get(m)?.test(l.pod ?? '') ?? false);
    } else if (group === 'namespace') {
      const e = inner(name, `namespace=~${lit(names)}`, window);
      promql = e && `sum by (namespace) (${e})`;
      match = (m, l) => l.namespace === m.name;
    } else {
      const sel = `node=~${lit(names)}`;
      if (name === 'CPU_CAPACITY' || name === 'MEMORY_CAPACITY') {
        const resource = name === 'CPU_CAPACITY' ? 'cpu' : 'memory';
        promql = `sum by (node) (kube_node_status_allocatable{resource="${resource}",${sel}})`;
      } else {
        // cAdvisor series need not carry a node label: join pods to nodes through kube_pod_info.
        const e = inner(name, '', window);
        promql =
          e &&
          `sum by (node) ((sum by (namespace, pod) (${e})) * on (namespace, pod) group_left (node) ` +
            `topk by (namespace, pod) (1, max by (namespace, pod, node) (kube_pod_info{${sel}})))`;
      }
      match = (m, l) => l.node === m.name;
    }
    const result = promql ? await this.client.range(promql, w) : [];
    return members.map((m) => {
      const sums = new Map<number, number>();
      for (const s of result) {
        if (!match(m, s.metric)) continue;
        for (const [ts, raw] of s.values ?? []) {
          const v = Number(raw);
          if (Number.isFinite(v)) sums.set(ts * 1000, (sums.get(ts * 1000) ?? 0) + v);
        }
      }
      const points = [...sums].sort((a, b) => a[0] - b[0]).map(([t, v]) => ({ t, v }));
      return { targetId: m.id, name, points };
    });
  }
}
