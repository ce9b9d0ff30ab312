import type { Logger } from '../logger.ts';
import type { AwsProvider } from '../providers/aws/provider.ts';
import type { KubernetesProvider } from '../providers/kubernetes/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { AppPubSub, TopicFanout } from '../pubsub.ts';
import type { Database } from '../store/database.ts';
import { CloudWatchMetrics } from './cloudwatch.ts';
import { CloudWatchSource } from './cloudwatch-source.ts';
import type { LeaderGate } from '../leader.ts';
import { MetricsCollector, type CollectorOptions } from './collector.ts';
import { fromWire, MetricsHub, toWire, type WireSnapshot } from './hub.ts';
import { KubeMetricsSource } from './kube-metrics.ts';
import { ProcessMetrics } from './process.ts';
import { PrometheusSource } from './prometheus.ts';
import type { PrometheusClient } from './prometheus-client.ts';
import { RollupStore } from './rollups.ts';
import { MetricsService } from './service.ts';
import type { MetricSource } from './types.ts';

/** Pubsub topic of collector snapshots: one message per cycle, taken in by every replica. */
export const METRICS_TOPIC = 'metrics.snapshot';

export interface MetricsSettings {
  intervalSeconds: number;
  windowMinutes: number;
  minuteRetentionHours: number;
  hourRetentionDays: number;
}

/** Builds the metrics sources, hub, collector and service; `start`/`stop` run the collector. */
export function createMetrics(deps: {
  settings: MetricsSettings;
  /** The service's Prometheus, when PROMETHEUS_URL is set. */
  prometheus: PrometheusClient | undefined;
  providers: ProviderRegistry;
  kube: KubernetesProvider | undefined;
  aws: AwsProvider | undefined;
  db: Database;
  pubsub: AppPubSub;
  fanout: TopicFanout;
  log: Logger;
  leader: LeaderGate;
  cost?: CollectorOptions['cost'];
}) {
  const s = deps.settings;
  const intervalMs = s.intervalSeconds * 1000;
  const prometheus = deps.prometheus ? new PrometheusSource(deps.prometheus) : undefined;
  const kubeMetrics = deps.kube?.enabled ? new KubeMetricsSource(deps.kube) : undefined;
  const current: MetricSource[] = [
    ...(prometheus ? [prometheus] : []),
    ...(kubeMetrics ? [kubeMetrics] : []),
  ];
  const history: MetricSource[] = deps.aws?.enabled
    ? [new CloudWatchSource(new CloudWatchMetrics((region) => deps.aws?.cloudwatch(region)))]
    : [];
  const hub = new MetricsHub({
    windowMs: Math.max(5, s.windowMinutes) * 60_000,
    lookup: (id) => deps.providers.get(id),
  });
  const rollups = new RollupStore(deps.db);
  const log = deps.log.child({ component: 'metrics' });
  const collector = new MetricsCollector({
    kube: deps.kube,
    sources: current,
    hub,
    rollups,
    publish: (snapshot) => void deps.pubsub.publish(METRICS_TOPIC, toWire(snapshot)),
    intervalMs,
    leader: deps.leader,
    retention: {
      minuteMs: s.minuteRetentionHours * 3_600_000,
      hourMs: s.hourRetentionDays * 86_400_000,
    },
    log,
    cost: deps.cost,
  });
  const service = new MetricsService({
    providers: deps.providers,
    hub,
    collector,
    rollups,
    process: new ProcessMetrics(),
    prometheus,
    history,
    intervalMs,
    minuteRetentionMs: s.minuteRetentionHours * 3_600_000,
  });
  let off: (() => void) | undefined;
  return {
    service,
    start(): void {
      off = deps.fanout.subscribe(METRICS_TOPIC, (w) => {
        hub.receive(fromWire(w as WireSnapshot)).catch((err: unknown) => {
          log.error({ err }, 'metric samples not delivered');
        });
      });
      collector.start();
    },
    async stop(): Promise<void> {
      off?.();
      await collector.stop();
      service.process.stop();
    },
  };
}
