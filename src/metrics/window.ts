import { ValidationError } from '../errors.ts';
import type { TimeWindow } from './types.ts';

/** The bound: more points than this per series is refused, not truncated. */
export const MAX_POINTS = 11_000;
export const DEFAULT_RANGE_MS = 3_600_000;
/** Default step: about this many points over the range. */
const DEFAULT_POINTS = 240;

const UNIT_MS: Record<string, number> = {
  W: 604_800_000,
  D: 86_400_000,
  H: 3_600_000,
  M: 60_000,
  S: 1000,
};

/** An ISO 8601 duration (PnW, PnDTnHnMnS; no years or months, which have no fixed length). */
export function parseDuration(value: string, path: string): number {
  const m =
    /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value.trim().toUpperCase(),
    );
  const parts = m ? [m[1], m[2], m[3], m[4], m[5]] : [];
  if (!m || parts.every((p) => p === undefined) || value.trim().toUpperCase().endsWith('T')) {
    throw new ValidationError(`"${value}" is not an ISO 8601 duration such as PT15M or P7D`, [
      { path, message: 'expected PnW, PnD or PTnHnMnS (no years or months)' },
    ]);
  }
  const ms = ['W', 'D', 'H', 'M', 'S'].reduce(
    (sum, unit, i) => sum + Number(parts[i] ?? 0) * (UNIT_MS[unit] ?? 0),
    0,
  );
  if (ms <= 0)
    throw new ValidationError(`${path} must be longer than zero`, [{ path, message: 'zero' }]);
  return ms;
}

export interface RangeArgs {
  from?: Date | string | null | undefined;
  to?: Date | string | null | undefined;
  last?: string | null | undefined;
}

const toMs = (v: Date | string, path: string): number => {
  const t = new Date(v).getTime();
  if (Number.isNaN(t))
    throw new ValidationError(`${path} is not a time`, [{ path, message: 'bad time' }]);
  return t;
};

/**
 * `{from, to}` (to defaults to now) or `{last}`; step defaults to about 240 points, never
 * finer than `minStepMs` (the collection interval). Over MAX_POINTS per series, `from`
 * after `to`, or both forms at once: ValidationError.
 */
export function timeWindow(
  range: RangeArgs | null | undefined,
  step: string | null | undefined,
  minStepMs: number,
  now = Date.now(),
): TimeWindow {
  if (range?.last && (range.from || range.to)) {
    throw new ValidationError('give either range.last or range.from/to, not both', [
      { path: 'range', message: 'last with from/to' },
    ]);
  }
  let from: number;
  let to: number;
  if (range?.last) {
    to = now;
    from = now - parseDuration(range.last, 'range.last');
  } else {
    to = range?.to ? toMs(range.to, 'range.to') : now;
    from = range?.from ? toMs(range.from, 'range.from') : to - DEFAULT_RANGE_MS;
  }
  if (from > to) {
    throw new ValidationError('range.from is after range.to', [
      { path: 'range.from', message: 'after range.to' },
    ]);
  }
  const stepMs = step
    ? parseDuration(step, 'step')
    : Math.max(minStepMs, Math.ceil((to - from) / DEFAULT_POINTS / 1000) * 1000);
  const points = Math.floor((to - from) / stepMs) + 1;
  if (points > MAX_POINTS) {
    throw new ValidationError(
      `that range and step would give ${points} points per series; the limit is ${MAX_POINTS}`,
      [{ path: 'step', message: `at most ${MAX_POINTS} points per series` }],
    );
  }
  return { from, to, stepMs };
}

/** Means of the points falling in each step bucket, stamped at the bucket start. */
export function resample(points: { t: number; v: number }[], w: TimeWindow) {
  const buckets = new Map<number, { sum: number; n: number }>();
  for (const p of points) {
    if (p.t < w.from || p.t > w.to) continue;
    const b = w.from + Math.floor((p.t - w.from) / w.stepMs) * w.stepMs;
    const acc = buckets.get(b) ?? { sum: 0, n: 0 };
    acc.sum += p.v;
    acc.n++;
    buckets.set(b, acc);
  }
  return [...buckets].sort((a, b) => a[0] - b[0]).map(([t, { sum, n }]) => ({ t, v: sum / n }));
}
