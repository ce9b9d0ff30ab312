import type { AuditStore } from './audit/store.ts';
import type { AuditEvent } from './audit/types.ts';
import type { ComponentReport, HealthService } from './health.ts';
import type { CurrentMetrics } from './metrics/service.ts';
import { seesId } from './providers/ids.ts';
import type { ReadScope } from './providers/provider.ts';
import type { ProviderRegistry } from './providers/registry.ts';
import type { ResourcePrediction } from './recommendations/predictions.ts';
import type { Recommendation } from './recommendations/types.ts';

export interface Count {
  key: string;
  count: number;
}

export interface ResourceCounts {
  total: number;
  byProvider: Count[];
  byKind: Count[];
  byState: Count[];
}

/**
 * A part read from the store, or why it could not be: that field alone answers null with the
 * error, the rest of the overview stands (the front page survives a store outage).
 */
export type Part<T> = T | Error;

export interface Overview {
  generatedAt: string;
  status: ComponentReport[];
  resources: ResourceCounts;
  recentActions: Part<AuditEvent[]>;
  /** Usage vs requests vs capacity per cluster, and the orchestrator's own; null without metrics. */
  metrics: CurrentMetrics | null;
  recommendations: Part<OpenRecommendations>;
  /** The workloads with the highest forecast CPU; empty until the first forecast is ready. */
  predictions: ResourcePrediction[];
}

export interface OpenRecommendations {
  count: number;
  /** Sum of the positive estimated savings of every OPEN recommendation, USD/month. */
  totalMonthlySavings: number;
  /** The OPEN ones with the highest estimated savings. */
  top: Recommendation[];
}

const CACHE_MS = 1000;
const RECENT = 10;
const TOP_RECOMMENDATIONS = 5;
const TOP_PREDICTIONS = 10;
/** The overview never waits longer than this for forecasts (the first fit after a start). */
const PREDICTIONS_WAIT_MS = 2000;

const part = <T>(p: Promise<T>): Promise<Part<T>> =>
  p.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));

function tally(values: string[]): Count[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function summarize(open: Recommendation[]): OpenRecommendations {
  const savings = (r: Recommendation) => Math.max(0, r.estimatedMonthlySavings ?? 0);
  return {
    count: open.length,
    totalMonthlySavings: Math.round(open.reduce((a, r) => a + savings(r), 0) * 100) / 100,
    top: [...open].sort((a, b) => savings(b) - savings(a)).slice(0, TOP_RECOMMENDATIONS),
  };
}

/**
 * The dashboard's front page in one answer. Built at most once a second whatever the number
 * of pollers, so polling every few seconds stays cheap on big clusters.
 */
export class OverviewService {
  /** By read scope ('' for everything): each person's overview counts what they may read. */
  private readonly cached = new Map<string, { at: number; value: Promise<Overview> }>();
  private readonly deps: {
    providers: ProviderRegistry;
    audit: AuditStore;
    health: HealthService;
    metrics?: { current(scope?: ReadScope): CurrentMetrics };
    recommendations?: { open(scope?: ReadScope): Promise<Recommendation[]> };
    predictions?: {
      top(n: number, keep?: (targetId: string) => boolean): Promise<ResourcePrediction[]>;
    };
  };

  constructor(deps: OverviewService['deps']) {
    this.deps = deps;
  }

  /** The overview as the scope's viewer may read it (everything without one). */
  get(scope?: ReadScope): Promise<Overview> {
    const now = Date.now();
    const key = scope?.key ?? '';
    let cached = this.cached.get(key);
    if (!cached || now - cached.at > CACHE_MS) {
      // Stale entries go with any miss: the map holds the people of the last second or so.
      for (const [k, c] of this.cached) if (now - c.at > CACHE_MS) this.cached.delete(k);
      const value = this.build(scope);
      cached = { at: now, value };
      this.cached.set(key, cached);
      value.catch(() => this.cached.delete(key));
    }
    return cached.value;
  }

  private async build(scope: ReadScope | undefined): Promise<Overview> {
    const all = this.deps.providers.seenThrough(scope).list({});
    const [status, recentActions, open, predictions] = await Promise.all([
      this.deps.health.status(),
      part(this.deps.audit.list({ scope }, RECENT)),
      part(Promise.resolve(this.deps.recommendations?.open(scope) ?? [])),
      this.predictions(scope),
    ]);
    return {
      generatedAt: new Date().toISOString(),
      status,
      resources: {
        total: all.length,
        byProvider: tally(all.map((r) => r.provider)),
        byKind: tally(all.map((r) => r.kind)),
        byState: tally(all.map((r) => r.state)),
      },
      recentActions,
      metrics: this.deps.metrics?.current(scope) ?? null,
      recommendations: open instanceof Error ? open : summarize(open),
      predictions,
    };
  }

  /** Forecasts if ready within PREDICTIONS_WAIT_MS; a failure leaves the slot empty. */
  private async predictions(scope: ReadScope | undefined): Promise<ResourcePrediction[]> {
    if (!this.deps.predictions) return [];
    const keep = scope && ((id: string) => seesId(scope, id));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<ResourcePrediction[]>((resolve) => {
      timer = setTimeout(() => resolve([]), PREDICTIONS_WAIT_MS);
    });
    try {
      return await Promise.race([
        this.deps.predictions.top(TOP_PREDICTIONS, keep).catch(() => []),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
