// Holt's linear method on synthetic series whose answers are known in advance.
import { describe, expect, it } from 'vitest';
import { fitHolt, forecast, holt, Z80 } from '../../src/recommendations/forecast.ts';
import { predictSeries } from '../../src/recommendations/predictions.ts';

/** A deterministic PRNG (mulberry32), so the noisy series is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("Holt's linear method", () => {
  it('follows the recursions exactly (worked by hand, α = β = 0.5)', () => {
    // l0 = 1, b0 = 2; y1 = 3: l = 3, b = 2; y2 = 2: ŷ = 5, l = 3.5, b = 1.25;
    // y3 = 5: ŷ = 4.75, l = 4.875, b = 1.3125. SSE = 0 + 9 + 0.0625.
    const r = holt([1, 3, 2, 5], 0.5, 0.5);
    expect(r.level).toBeCloseTo(4.875, 12);
    expect(r.trend).toBeCloseTo(1.3125, 12);
    expect(r.sse).toBeCloseTo(9.0625, 12);
    const f = forecast(
      { alpha: 0.5, beta: 0.5, level: 4.875, trend: 1.3125, rmse: 0, samples: 4 },
      2,
    );
    expect(f.map((p) => p.value)).toEqual([6.1875, 7.5]);
  });

  it('continues an exact straight line with zero error and a zero-width interval', () => {
    const y = Array.from({ length: 48 }, (_, t) => 2 + 0.5 * t);
    const fit = fitHolt(y);
    expect(fit?.rmse).toBeCloseTo(0, 12);
    const f = forecast(fit!, 4);
    [26, 26.5, 27, 27.5].forEach((v, i) => expect(f[i]?.value).toBeCloseTo(v, 9));
    for (const p of f) expect(p.upper - p.lower).toBeCloseTo(0, 9);
  });

  it('a constant stays constant', () => {
    const fit = fitHolt(Array.from({ length: 30 }, () => 0.3));
    for (const p of forecast(fit!, 24)) expect(p.value).toBeCloseTo(0.3, 12);
  });

  it('recovers a noisy trend within its interval, and the interval widens with the horizon', () => {
    const next = rng(42);
    const truth = (t: number) => 100 + 2 * t;
    const y = Array.from({ length: 96 }, (_, t) => truth(t) + (next() - 0.5) * 10);
    const fit = fitHolt(y)!;
    // Uniform noise of width 10 has σ ≈ 2.9: the one-step RMSE is of that order.
    expect(fit.rmse).toBeGreaterThan(2);
    expect(fit.rmse).toBeLessThan(6);
    const f = forecast(fit, 24);
    for (const p of f) {
      const actual = truth(95 + p.step);
      expect(Math.abs(p.value - actual) / actual).toBeLessThan(0.05);
      expect(p.lower).toBeLessThan(actual);
      expect(p.upper).toBeGreaterThan(actual);
    }
    const width = f.map((p) => p.upper - p.lower);
    expect(width[0]).toBeCloseTo(2 * Z80 * fit.rmse, 9); // h = 1: ± z·σ
    for (let i = 1; i < width.length; i++) expect(width[i]).toBeGreaterThan(width[i - 1] ?? 0);
  });

  it('never forecasts negative usage', () => {
    const y = Array.from({ length: 20 }, (_, t) => Math.max(0, 10 - t));
    for (const p of forecast(fitHolt(y)!, 24)) {
      expect(p.value).toBeGreaterThanOrEqual(0);
      expect(p.lower).toBeGreaterThanOrEqual(0);
    }
  });

  it('predictSeries: timestamps follow the last point; too short a history gives none', () => {
    const step = 900_000;
    const t0 = Date.UTC(2026, 0, 1);
    const points = Array.from({ length: 12 }, (_, i) => ({ t: t0 + i * step, v: 1 + 0.1 * i }));
    const p = predictSeries('CPU_USAGE', points, step, 4);
    expect(p?.unit).toBe('cores');
    expect(p?.points.map((x) => x.timestamp)).toEqual(
      [12, 13, 14, 15].map((i) => new Date(t0 + i * step).toISOString()),
    );
    expect(p?.trendPerHour).toBeCloseTo(0.4, 9); // 0.1 per 15 minutes
    expect(p?.points[0]?.value).toBeCloseTo(2.2, 9);
    expect(predictSeries('CPU_USAGE', points.slice(0, 7), step, 4)).toBeNull();
  });
});
