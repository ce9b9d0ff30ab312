import type { AuditStore } from './audit/store.ts';
import type { AuditEvent } from './audit/types.ts';
import type { ComponentReport, HealthService } from './health.ts';
import type { CurrentMetrics } from './metrics/service.ts';
import type { ProviderRegistry } from './providers/registry.ts';

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

export interface Overview {
  generatedAt: string;
  status: ComponentReport[];
  resources: ResourceCounts;
  recentActions: AuditEvent[];
  /** Usage vs requests vs capacity per cluster, and the orchestrator's own; null without metrics. */
  metrics: CurrentMetrics | null;
}

const CACHE_MS = 1000;
const RECENT = 10;

function tally(values: string[]): Count[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * The dashboard's front page in one answer. Built at most once a second whatever the number
 * of pollers, so polling every few seconds stays cheap on big clusters.
 */
export class OverviewService {
  private cached: { at: number; value: Promise<Overview> } | undefined;
  private readonly deps: {
    providers: ProviderRegistry;
    audit: AuditStore;
    health: HealthService;
    metrics?: { current(): CurrentMetrics };
  };

  constructor(deps: OverviewService['deps']) {
    this.deps = deps;
  }

  get(): Promise<Overview> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > CACHE_MS) {
      const value = this.build();
      this.cached = { at: now, value };
      value.catch(() => (this.cached = undefined));
    }
    return this.cached.value;
  }

  private async build(): Promise<Overview> {
    const all = this.deps.providers.list({});
    const [status, recentActions] = await Promise.all([
      this.deps.health.status(),
      this.deps.audit.list({}, RECENT),
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
      metrics: this.deps.metrics?.current() ?? null,
    };
  }
}
