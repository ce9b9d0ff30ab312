import type { PrometheusClient, PromSeries } from '../metrics/prometheus-client.ts';

/** Usage of one container of one pod over the analysis window, from Prometheus. */
export interface ContainerUsage {
  namespace: string;
  pod: string;
  container: string;
  /** cores: the high percentile of the 5-minute rate, its maximum, and the window mean. */
  cpuHigh: number | null;
  cpuPeak: number | null;
  cpuMean: number | null;
  /** bytes: the highest raw working-set sample. */
  memoryPeak: number | null;
  /** Unix seconds of the first sample seen in the window. */
  firstSeen: number | null;
  /** 5-minute steps with data (the sample count the percentile is computed from). */
  samples: number;
}

export interface PodNetwork {
  namespace: string;
  pod: string;
  /** bytes/s received + transmitted, mean over the window. */
  bytesPerSecond: number;
}

export interface UsageSnapshot {
  containers: ContainerUsage[];
  network: PodNetwork[];
  windowHours: number;
  percentile: number;
  /** The PromQL used, keyed by what it measured, for the evidence of each recommendation. */
  queries: Record<string, string>;
  at: number;
}

const C = '{container!="",container!="POD"}';
const BY = 'namespace, pod, container';

/**
 * The queries of one analysis pass. Each is one request over every container in every
 * namespace, so their number is fixed (seven) however many workloads there are.
 */
export function usageQueries(windowHours: number, percentile: number): Record<string, string> {
  const w = `${windowHours}h`;
  const rate5m = `sum by (${BY}) (rate(container_cpu_usage_seconds_total${C}[5m]))`;
  return {
    cpuHigh: `quantile_over_time(${percentile}, (${rate5m})[${w}:5m])`,
    cpuPeak: `max_over_time((${rate5m})[${w}:5m])`,
    cpuMean: `sum by (${BY}) (rate(container_cpu_usage_seconds_total${C}[${w}]))`,
    memoryPeak: `max by (${BY}) (max_over_time(container_memory_working_set_bytes${C}[${w}]))`,
    firstSeen: `min by (${BY}) (min_over_time(timestamp(container_memory_working_set_bytes${C})[${w}:5m]))`,
    samples: `max by (${BY}) (count_over_time((max by (${BY}) (container_memory_working_set_bytes${C}))[${w}:5m]))`,
    network: `sum by (namespace, pod) (rate(container_network_receive_bytes_total[${w}]) + rate(container_network_transmit_bytes_total[${w}]))`,
  };
}

/** Reads usage history from Prometheus with a fixed number of instant queries. */
export class PrometheusUsage {
  private readonly client: PrometheusClient;

  constructor(client: PrometheusClient) {
    this.client = client;
  }

  async snapshot(windowHours: number, percentile: number): Promise<UsageSnapshot> {
    const at = Math.floor(Date.now() / 1000);
    const queries = usageQueries(windowHours, percentile);
    const names = Object.keys(queries);
    const results = await Promise.all(
      names.map((n) => this.client.instant(queries[n] ?? '', at * 1000)),
    );
    const byName = new Map(names.map((n, i) => [n, results[i] ?? []]));
    const containers = new Map<string, ContainerUsage>();
    const get = (m: Record<string, string>): ContainerUsage => {
      const key = `${m.namespace}/${m.pod}/${m.container}`;
      let c = containers.get(key);
      if (!c) {
        c = {
          namespace: m.namespace ?? '',
          pod: m.pod ?? '',
          container: m.container ?? '',
          cpuHigh: null,
          cpuPeak: null,
          cpuMean: null,
          memoryPeak: null,
          firstSeen: null,
          samples: 0,
        };
        containers.set(key, c);
      }
      return c;
    };
    const num = (s: PromSeries) => {
      const v = Number(s.value?.[1]);
      return Number.isFinite(v) ? v : null;
    };
    for (const field of ['cpuHigh', 'cpuPeak', 'cpuMean', 'memoryPeak', 'firstSeen'] as const) {
      for (const s of byName.get(field) ?? []) get(s.metric)[field] = num(s);
    }
    for (const s of byName.get('samples') ?? []) get(s.metric).samples = num(s) ?? 0;
    const network = (byName.get('network') ?? []).map((s) => ({
      namespace: s.metric.namespace ?? '',
      pod: s.metric.pod ?? '',
      bytesPerSecond: num(s) ?? 0,
    }));
    return {
      containers: [...containers.values()].filter((c) => c.namespace && c.pod && c.container),
      network,
      windowHours,
      percentile,
      queries,
      at,
    };
  }
}
