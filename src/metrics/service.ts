import { ValidationError } from '../errors.ts';
import type { ComponentStatus } from '../health.ts';
import type { ReadScope, Resource } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import { seesSums, seesWhole } from '../providers/ids.ts';
import { clusterTargetId } from './aggregate.ts';
import type { MetricsCollector } from './collector.ts';
import { sampleKey, type MetricSample, type MetricsHub } from './hub.ts';
import type { ProcessMetrics, ProcessUsage } from './process.ts';
import type { PrometheusSource } from './prometheus.ts';
import { HOUR, MINUTE, type RollupStore } from './rollups.ts';
import {
  METRIC_NAMES,
  type MetricName,
  type MetricSource,
  type Series,
  type TimeWindow,
} from './types.ts';
import { resample } from './window.ts';

/** Current values of one target with utilisation against its requests and limits. */
export interface ResourceUsage {
  timestamp: string;
  values: Partial<Record<MetricName, number>>;
  /** usage / request (1 = exactly the request); null without a request. */
  cpuRequestUtilization: number | null;
  cpuLimitUtilization: number | null;
  memoryRequestUtilization: number | null;
  memoryLimitUtilization: number | null;
  cpuCapacityUtilization: number | null;
  memoryCapacityUtilization: number | null;
}

export interface ClusterUsage extends ResourceUsage {
  cluster: string;
}

/** The overview's current-metrics slot. */
export interface CurrentMetrics {
  collectedAt: string | null;
  source: string | null;
  clusters: ClusterUsage[];
  orchestrator: ProcessUsage;
}

/** A ceiling on targets per `metrics` call, so one request cannot ask for the whole world. */
export const MAX_TARGETS = 1000;

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b <= 0 ? null : a / b;

/**
 * Metrics for the API: validates and routes history queries to the source that holds each
 * target's history (Prometheus, CloudWatch, or the rollups and recent window), answers current
 * values from the hub, and reports Prometheus' health.
 */
export class MetricsService {
  readonly hub: MetricsHub;
  readonly collector: MetricsCollector;
  readonly prometheus: PrometheusSource | undefined;
  readonly process: ProcessMetrics;
  readonly intervalMs: number;
  private readonly providers: ProviderRegistry;
  private readonly rollups: RollupStore;
  private readonly remote: MetricSource[];
  private readonly minuteRetentionMs: number;

  constructor(deps: {
    providers: ProviderRegistry;
    hub: MetricsHub;
    collector: MetricsCollector;
    rollups: RollupStore;
    process: ProcessMetrics;
    prometheus: PrometheusSource | undefined;
    /** Other sources of history (CloudWatch), tried after Prometheus. */
    history: MetricSource[];
    intervalMs: number;
    minuteRetentionMs: number;
  }) {
    this.providers = deps.providers;
    this.hub = deps.hub;
    this.collector = deps.collector;
    this.rollups = deps.rollups;
    this.process = deps.process;
    this.prometheus = deps.prometheus;
    this.remote = [...(deps.prometheus ? [deps.prometheus] : []), ...deps.history];
    this.intervalMs = deps.intervalMs;
    this.minuteRetentionMs = deps.minuteRetentionMs;
  }

  /**
   * Provider ids to resources, looked up in `seen` (the registry as the viewer may read it);
   * an unknown one, or one the viewer may not read, is a ValidationError naming it.
   */
  resolve(
    ids: string[],
    seen: Pick<ProviderRegistry, 'get'>,
    scope?: ReadScope,
    path = 'targets',
  ): Resource[] {
    if (ids.length > MAX_TARGETS) {
      throw new ValidationError(`at most ${MAX_TARGETS} targets per query`, [
        { path, message: `${ids.length} targets` },
      ]);
    }
    return ids.map((id, i) => {
      const r = seen.get(id);
      if (!r) {
        throw new ValidationError(`unknown target ${id}`, [
          { path: `${path}[${i}]`, message: 'no such resource' },
        ]);
      }
      if (!seesSums(scope, r)) {
        throw new ValidationError(`target ${id} sums pods you may not list`, [
          { path: `${path}[${i}]`, message: 'its pods are not yours to read' },
        ]);
      }
      return r;
    });
  }

  /** One series per target and name; a fixed number of backend calls for the whole batch. */
  async series(targets: Resource[], names: MetricName[], w: TimeWindow): Promise<Series[]> {
    const bySource = new Map<MetricSource | null, Resource[]>();
    for (const t of targets) {
      const source = this.remote.find((s) => s.supports(t)) ?? null;
      bySource.set(source, [...(bySource.get(source) ?? []), t]);
    }
    const parts = await Promise.all(
      [...bySource].map(([source, list]) =>
        source?.range ? source.range(list, names, w) : this.local(list, names, w),
      ),
    );
    const all = new Map(parts.flat().map((s) => [sampleKey(s.targetId, s.name), s]));
    return targets.flatMap((t) =>
      names.map((name) => all.get(sampleKey(t.id, name)) ?? { targetId: t.id, name, points: [] }),
    );
  }

  /** History kept by the orchestrator itself: rollups, then the in-memory window. */
  private async local(targets: Resource[], names: MetricName[], w: TimeWindow): Promise<Series[]> {
    const ids = targets.map((t) => t.id);
    const now = Date.now();
    const windowStart = this.hub.oldest();
    const cut = windowStart === undefined ? now : Math.ceil(windowStart / MINUTE) * MINUTE;
    const minuteFrom = now - this.minuteRetentionMs;
    const useHours = w.stepMs >= HOUR || w.from < minuteFrom;
    const [hours, minutes] = await Promise.all([
      useHours ? this.rollups.read(HOUR, ids, names, w.from, Math.min(w.to, cut)) : new Map(),
      w.stepMs < HOUR
        ? this.rollups.read(MINUTE, ids, names, Math.max(w.from, minuteFrom), Math.min(w.to, cut))
        : new Map(),
    ]);
    return targets.flatMap((t) =>
      names.map((name) => {
        const key = sampleKey(t.id, name);
        const fine = (minutes.get(key) ?? []) as { t: number; v: number }[];
        const firstFine = fine[0]?.t ?? cut;
        const coarse = ((hours.get(key) ?? []) as { t: number; v: number }[]).filter(
          (p) => p.t < firstFine,
        );
        const recent = this.hub.recent(t.id, name, Math.max(w.from, cut), w.to);
        return { targetId: t.id, name, points: resample([...coarse, ...fine, ...recent], w) };
      }),
    );
  }

  usage(targetId: string): ResourceUsage | null {
    const latest = this.hub.latest;
    if (!latest?.index.has(targetId)) return null;
    const values: Partial<Record<MetricName, number>> = {};
    for (const n of METRIC_NAMES) {
      const v = this.hub.value(targetId, n);
      if (v !== undefined) values[n] = v;
    }
    return {
      timestamp: new Date(latest.t).toISOString(),
      values,
      cpuRequestUtilization: ratio(values.CPU_USAGE, values.CPU_REQUEST),
      cpuLimitUtilization: ratio(values.CPU_USAGE, values.CPU_LIMIT),
      memoryRequestUtilization: ratio(values.MEMORY_USAGE, values.MEMORY_REQUEST),
      memoryLimitUtilization: ratio(values.MEMORY_USAGE, values.MEMORY_LIMIT),
      cpuCapacityUtilization: ratio(values.CPU_USAGE, values.CPU_CAPACITY),
      memoryCapacityUtilization: ratio(values.MEMORY_USAGE, values.MEMORY_CAPACITY),
    };
  }

  /**
   * Usage vs requests vs capacity of each watched cluster, from the latest collection; with a
   * scope, only the clusters whose every pod and node it may read (what the totals sum).
   */
  clusters(only?: string | null, scope?: ReadScope): ClusterUsage[] {
    const kube = this.providers.enabled.find((p) => p.name === 'KUBERNETES') as
      { contexts?: string[] } | undefined;
    return (kube?.contexts ?? [])
      .filter((c) => (!only || c === only) && seesWhole(scope, c))
      .flatMap((cluster) => {
        const u = this.usage(clusterTargetId(cluster));
        return u ? [{ cluster, ...u }] : [];
      });
  }

  current(scope?: ReadScope): CurrentMetrics {
    const latest = this.hub.latest;
    return {
      collectedAt: latest ? new Date(latest.t).toISOString() : null,
      source: this.collector.state.lastSource,
      clusters: this.clusters(null, scope),
      orchestrator: this.process.read(),
    };
  }

  /** Subscribes to samples; the latest known value of each key is delivered at once. */
  subscribe(targets: Resource[], names: MetricName[], push: (s: MetricSample) => void): () => void {
    const keys = targets.flatMap((t) => names.map((n) => sampleKey(t.id, n)));
    const off = this.hub.subscribe(keys, push);
    for (const t of targets) {
      for (const n of names) {
        const s = this.hub.latestSample(t.id, n);
        if (s) push(s);
      }
    }
    return off;
  }

  async health(): Promise<ComponentStatus> {
    const p = this.prometheus;
    if (!p) {
      return {
        state: 'DISABLED',
        message:
          'PROMETHEUS_URL not set: current values from metrics.k8s.io when present, history from the rollups',
      };
    }
    const s = this.collector.state;
    try {
      await p.client.ping();
    } catch (err) {
      return { state: 'DEGRADED', message: `${(err as Error).message}; ${this.backoffNote()}` };
    }
    if (s.consecutiveFailures > 0) {
      return {
        state: 'DEGRADED',
        message: `${p.client.url}: ${s.lastError ?? 'failing'}; ${this.backoffNote()}`,
      };
    }
    const cycle =
      s.lastCycleMs === null
        ? 'no collection yet'
        : `last collection ${s.targets} targets in ${Math.round(s.lastCycleMs)} ms`;
    return { state: 'UP', message: `${p.client.url}; ${cycle}` };
  }

  private backoffNote(): string {
    const s = this.collector.state;
    return s.consecutiveFailures > 0
      ? `collector backing off (${s.consecutiveFailures} failures, next try in ${Math.round(s.nextDelayMs / 1000)} s)`
      : 'collector not failing yet';
  }
}
