import type { Instance } from '@aws-sdk/client-ec2';
import type { MetricName } from '../metrics/types.ts';
import type { Resource, ResourceKind } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import { fitHolt, forecast } from './forecast.ts';
import type { HistoryReader } from './types.ts';

/** What the forecasts look at and how far they reach; README "Predictions" quotes these. */
export const PREDICTION = {
  /** History fitted: the last 24 h at a 15-minute step (96 points). */
  historyHours: 24,
  stepMinutes: 15,
  /** Forecast: the next 6 h (24 steps), with an 80 % interval. */
  horizonHours: 6,
  /** Fewer points than this (2 h): no forecast. */
  minSamples: 8,
  /** Every forecast is recomputed at most this often, whatever the number of readers. */
  ttlMs: 5 * 60_000,
  method: 'holt-linear',
} as const;

export const PREDICTED_KINDS: readonly ResourceKind[] = [
  'DEPLOYMENT',
  'STATEFULSET',
  'DAEMONSET',
  'EC2_INSTANCE',
];

export interface PredictedPoint {
  timestamp: string;
  value: number;
  lower: number;
  upper: number;
}

export interface MetricPrediction {
  name: Extract<MetricName, 'CPU_USAGE' | 'MEMORY_USAGE'>;
  unit: 'cores' | 'bytes';
  samples: number;
  /** The last observed value and when. */
  last: number;
  lastAt: string;
  alpha: number;
  beta: number;
  rmse: number;
  /** Fitted trend, units per hour. */
  trendPerHour: number;
  points: PredictedPoint[];
}

export interface ResourcePrediction {
  targetId: string;
  method: string;
  generatedAt: string;
  historyHours: number;
  stepSeconds: number;
  horizonHours: number;
  /** null: not enough history (fewer than minSamples points) or no such metric. */
  cpu: MetricPrediction | null;
  memory: MetricPrediction | null;
}

const UNITS = { CPU_USAGE: 'cores', MEMORY_USAGE: 'bytes' } as const;

/** One metric's forecast from its points (Unix ms, time order); null when too short. */
export function predictSeries(
  name: MetricPrediction['name'],
  points: { t: number; v: number }[],
  stepMs: number,
  horizonSteps: number,
): MetricPrediction | null {
  const clean = points.filter((p) => Number.isFinite(p.v));
  if (clean.length < PREDICTION.minSamples) return null;
  const fit = fitHolt(clean.map((p) => p.v));
  const last = clean[clean.length - 1];
  if (!fit || !last) return null;
  return {
    name,
    unit: UNITS[name],
    samples: fit.samples,
    last: last.v,
    lastAt: new Date(last.t).toISOString(),
    alpha: fit.alpha,
    beta: fit.beta,
    rmse: fit.rmse,
    trendPerHour: (fit.trend * 3_600_000) / stepMs,
    points: forecast(fit, horizonSteps).map((f) => ({
      timestamp: new Date(last.t + f.step * stepMs).toISOString(),
      value: f.value,
      lower: f.lower,
      upper: f.upper,
    })),
  };
}

/**
 * Short-term CPU and memory forecasts of every workload (and running EC2 instance) by Holt's
 * linear method. All targets are fitted together from one batched history read (two
 * Prometheus range queries, one CloudWatch call per region) and kept for ttlMs, so a
 * dashboard polling the overview or many resources costs nothing more.
 */
export class PredictionService {
  private readonly deps: { providers: ProviderRegistry; history: HistoryReader };
  private cached: { at: number; value: Promise<Map<string, ResourcePrediction>> } | undefined;

  constructor(deps: PredictionService['deps']) {
    this.deps = deps;
  }

  static supports(r: Resource): boolean {
    if (r.kind === 'EC2_INSTANCE') return (r.object as Instance).State?.Name === 'running';
    return PREDICTED_KINDS.includes(r.kind);
  }

  /** Every current forecast by target id (recomputed when older than ttlMs). */
  all(): Promise<Map<string, ResourcePrediction>> {
    const now = Date.now();
    // A failed computation is retried after a tenth of the TTL, not on every read.
    if (!this.cached || now - this.cached.at > PREDICTION.ttlMs) {
      const value = this.compute();
      this.cached = { at: now, value };
      value.catch(() => {
        if (this.cached?.value === value) this.cached.at = now - PREDICTION.ttlMs * 0.9;
      });
    }
    return this.cached.value;
  }

  async get(targetId: string): Promise<ResourcePrediction | null> {
    return (await this.all()).get(targetId) ?? null;
  }

  /** The `n` targets with the highest forecast CPU at the horizon. */
  /** The n highest forecasts, of the targets `keep` accepts (a viewer's scope) if given. */
  async top(n: number, keep?: (targetId: string) => boolean): Promise<ResourcePrediction[]> {
    const horizonCpu = (p: ResourcePrediction) => p.cpu?.points.at(-1)?.value ?? -1;
    return [...(await this.all()).values()]
      .filter((p) => (p.cpu || p.memory) && (!keep || keep(p.targetId)))
      .sort((a, b) => horizonCpu(b) - horizonCpu(a) || a.targetId.localeCompare(b.targetId))
      .slice(0, n);
  }

  private async compute(): Promise<Map<string, ResourcePrediction>> {
    const targets = this.deps.providers
      .list({ kinds: [...PREDICTED_KINDS] })
      .filter((r) => PredictionService.supports(r));
    const out = new Map<string, ResourcePrediction>();
    if (targets.length === 0) return out;
    const stepMs = PREDICTION.stepMinutes * 60_000;
    const to = Math.floor(Date.now() / stepMs) * stepMs;
    const series = await this.deps.history(targets, ['CPU_USAGE', 'MEMORY_USAGE'], {
      from: to - PREDICTION.historyHours * 3_600_000,
      to,
      stepMs,
    });
    const byKey = new Map(series.map((s) => [`${s.targetId}/${s.name}`, s.points]));
    const horizon = (PREDICTION.horizonHours * 60) / PREDICTION.stepMinutes;
    const generatedAt = new Date().toISOString();
    for (const r of targets) {
      const one = (name: MetricPrediction['name']) =>
        predictSeries(name, byKey.get(`${r.id}/${name}`) ?? [], stepMs, horizon);
      out.set(r.id, {
        targetId: r.id,
        method: PREDICTION.method,
        generatedAt,
        historyHours: PREDICTION.historyHours,
        stepSeconds: stepMs / 1000,
        horizonHours: PREDICTION.horizonHours,
        cpu: one('CPU_USAGE'),
        memory: one('MEMORY_USAGE'),
      });
    }
    return out;
  }
}
