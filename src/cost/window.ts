import { HOUR } from '../metrics/rollups.ts';

export const DAY = 24 * HOUR;

/** A cost window: [from, to) in Unix ms, hour-aligned, cut into steps of stepMs. */
export interface CostWindow {
  from: number;
  to: number;
  stepMs: number;
}

export class CostWindowError extends Error {}

const MAX_HOURS = 366 * 24;
const MAX_STEPS = 1000;

/** A duration like `24h` or `7d`: its length, and whether it was given in days. */
function duration(text: string, what: string): { ms: number; days: boolean } {
  const m = /^(\d{1,4})([hd])$/.exec(text);
  const n = m ? Number(m[1]) : 0;
  if (!m || n < 1) throw new CostWindowError(`${what}: expected a duration like 24h or 7d`);
  const days = m[2] === 'd';
  return { ms: n * (days ? DAY : HOUR), days };
}

function instant(text: string): number {
  const t = Date.parse(text);
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(t)) {
    throw new CostWindowError(`window: "${text}" is not an RFC 3339 time`);
  }
  return t;
}

const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;

/**
 * Reads a window as OpenCost writes one: `24h` (the last 24 complete hours), `7d` (the last 7
 * UTC days, today's complete hours included), `today`, `month` (month to date), or
 * `from,to` in RFC 3339 (rounded to whole hours). `step` (e.g. `1h`, `1d`) cuts it; without
 * one the window is a single step. Only complete hours count: the current hour has no rollup.
 */
export function parseCostWindow(
  window: string,
  step: string | null | undefined,
  now: number,
): CostWindow {
  const end = floorTo(now, HOUR);
  let from: number;
  let to = end;
  const w = window.trim();
  if (w === 'today') from = floorTo(now, DAY);
  else if (w === 'month') {
    const d = new Date(now);
    from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  } else if (w.includes(',')) {
    const [a = '', b = ''] = w.split(',');
    from = floorTo(instant(a.trim()), HOUR);
    to = Math.min(end, floorTo(instant(b.trim()), HOUR));
  } else {
    // Days are UTC days, today's so far included; hours are the last complete hours (`24h`
    // is never cut to today, whatever the time of day).
    const { ms, days } = duration(w, 'window');
    from = days ? floorTo(now, DAY) - ms + DAY : end - ms;
  }
  if (to <= from) throw new CostWindowError('window: it holds no complete hour');
  if (to - from > MAX_HOURS * HOUR) throw new CostWindowError('window: at most 366 days');
  const stepMs = step ? duration(step.trim(), 'step').ms : to - from;
  if ((to - from) / stepMs > MAX_STEPS) {
    throw new CostWindowError(`step: at most ${MAX_STEPS} steps per window`);
  }
  return { from, to, stepMs };
}
