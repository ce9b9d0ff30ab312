// The chat's view of metrics: the heaviest users now (from the hub's latest collection) and
// one resource over a period (from the same history the `metrics` query serves).
import type { ChatMetric, ChatMetricsSource, UsageSample } from '../chat/sources.ts';
import type { Resource } from '../providers/provider.ts';
import type { MetricsService } from './service.ts';
import { UNITS, type MetricName } from './types.ts';
import { timeWindow } from './window.ts';

/** What each word of the chat adds up: network is traffic in plus out. */
const NAMES: Record<ChatMetric, MetricName[]> = {
  cpu: ['CPU_USAGE'],
  memory: ['MEMORY_USAGE'],
  network: ['NETWORK_RECEIVE', 'NETWORK_TRANSMIT'],
};

const unitOf = (metric: ChatMetric) => UNITS[NAMES[metric][0] ?? 'CPU_USAGE'];

export class MetricsChatSource implements ChatMetricsSource {
  private readonly metrics: MetricsService;

  constructor(metrics: MetricsService) {
    this.metrics = metrics;
  }

  top(metric: ChatMetric, among: Resource[], limit: number): Promise<UsageSample[]> {
    const samples: UsageSample[] = [];
    for (const resource of among) {
      const values = NAMES[metric].map((n) => this.metrics.hub.value(resource.id, n));
      if (values.every((v) => v === undefined)) continue;
      const value = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
      samples.push({ resource, value, unit: unitOf(metric) });
    }
    samples.sort((a, b) => b.value - a.value);
    return Promise.resolve(samples.slice(0, limit));
  }

  async usage(
    metric: ChatMetric,
    resource: Resource,
    period: string,
  ): Promise<{ latest: number; average: number; peak: number; unit: string } | null> {
    const window = timeWindow({ last: period }, null, this.metrics.intervalMs);
    const series = await this.metrics.series([resource], NAMES[metric], window);
    // Sum the named series per timestamp (network: in + out).
    const byTime = new Map<number, number>();
    for (const s of series) {
      for (const p of s.points) byTime.set(p.t, (byTime.get(p.t) ?? 0) + p.v);
    }
    const points = [...byTime].sort(([a], [b]) => a - b).map(([, v]) => v);
    const latest = points.at(-1);
    if (latest === undefined) return null;
    return {
      latest,
      average: points.reduce((a, b) => a + b, 0) / points.length,
      peak: Math.max(...points),
      unit: unitOf(metric),
    };
  }
}
