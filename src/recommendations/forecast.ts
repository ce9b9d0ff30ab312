/**
 * Holt's linear method (double exponential smoothing) for short-term usage forecasts.
 *
 *   level_t = α·y_t + (1 − α)·(level_{t−1} + trend_{t−1})
 *   trend_t = β·(level_t − level_{t−1}) + (1 − β)·trend_{t−1}
 *   ŷ_{t+h} = level_t + h·trend_t
 *
 * Started from level_0 = y_0 and trend_0 = y_1 − y_0. α and β are the pair of a fixed grid
 * that minimises the sum of squared one-step-ahead errors over the history (no optimiser,
 * so the same history always gives the same answer). The prediction interval at h steps is
 * ŷ ± z·σ·√(1 + (h−1)·(α² + αb·h + b²h(2h−1)/6)) with b = α·β, σ the RMSE of the one-step errors (the
 * standard variance of Holt's method under its state-space model; Hyndman & Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed., table 8.8). Usage cannot be negative, so
 * values and lower bounds are clamped at 0.
 */

export interface HoltFit {
  alpha: number;
  beta: number;
  level: number;
  trend: number;
  /** Root mean square of the one-step-ahead errors over the history. */
  rmse: number;
  samples: number;
}

export interface ForecastPoint {
  /** Steps after the last observation (1 = the next step). */
  step: number;
  value: number;
  lower: number;
  upper: number;
}

export const ALPHAS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
export const BETAS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5];
/** Two-sided 80 % normal quantile. */
export const Z80 = 1.2816;

/** Runs Holt's recursions with fixed α, β; the final state and the one-step errors' SSE. */
export function holt(
  y: number[],
  alpha: number,
  beta: number,
): { level: number; trend: number; sse: number } {
  if (y.length === 0) return { level: 0, trend: 0, sse: 0 };
  let level = y[0] ?? 0;
  let trend = y.length > 1 ? (y[1] ?? 0) - level : 0;
  let sse = 0;
  for (let t = 1; t < y.length; t++) {
    const obs = y[t] ?? 0;
    const predicted = level + trend;
    sse += (obs - predicted) ** 2;
    const previous = level;
    level = alpha * obs + (1 - alpha) * predicted;
    trend = beta * (level - previous) + (1 - beta) * trend;
  }
  return { level, trend, sse };
}

/** The grid's best α, β for `y` (ties: the smoother pair, i.e. the first found). */
export function fitHolt(y: number[]): HoltFit | null {
  if (y.length < 3) return null;
  let best: HoltFit | null = null;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      const r = holt(y, alpha, beta);
      const rmse = Math.sqrt(r.sse / (y.length - 1));
      if (!best || rmse < best.rmse - 1e-12) {
        best = { alpha, beta, level: r.level, trend: r.trend, rmse, samples: y.length };
      }
    }
  }
  return best;
}

/** `horizon` steps ahead with the 80 % interval, clamped at 0. */
export function forecast(fit: HoltFit, horizon: number, z = Z80): ForecastPoint[] {
  // The interval formula is written for the state-space form, whose β is α·β of the
  // component form used above.
  const a = fit.alpha;
  const b = fit.alpha * fit.beta;
  const out: ForecastPoint[] = [];
  for (let h = 1; h <= horizon; h++) {
    const value = fit.level + h * fit.trend;
    const variance = 1 + (h - 1) * (a * a + a * b * h + (b * b * h * (2 * h - 1)) / 6);
    const half = z * fit.rmse * Math.sqrt(variance);
    out.push({
      step: h,
      value: Math.max(0, value),
      lower: Math.max(0, value - half),
      upper: Math.max(0, value + half),
    });
  }
  return out;
}
