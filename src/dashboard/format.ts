const BYTES = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function bytes(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  let n = v;
  let i = 0;
  while (Math.abs(n) >= 1024 && i < BYTES.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(n >= 100 || i === 0 ? 0 : 1)} ${BYTES[i]}`;
}

export function cores(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (v >= 1) return v.toFixed(2);
  const milli = v * 1000;
  return `${milli < 10 ? milli.toFixed(1) : Math.round(milli)}m`;
}

/** An enum value as people read it: APPLY_RECOMMENDATION -> apply recommendation. */
export function words(v: string | null | undefined): string {
  return v ? v.toLowerCase().replaceAll('_', ' ') : '—';
}

/** An amount over a window (no period). */
export function usd(v: number | null | undefined): string {
  return v === null || v === undefined ? 'unknown' : `$${v.toFixed(2)}`;
}

export function money(v: number | null | undefined): string {
  return v === null || v === undefined ? 'unknown' : `$${v.toFixed(2)}/mo`;
}

export function percent(part: number | null | undefined, whole: number | null | undefined): string {
  return part === null || part === undefined || !whole
    ? '—'
    : `${Math.round((100 * part) / whole)}%`;
}

export function time(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function json(v: unknown): string {
  return v === null || v === undefined ? '' : JSON.stringify(v, null, 2);
}
