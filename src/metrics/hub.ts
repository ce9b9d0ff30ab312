import type { Resource } from '../providers/provider.ts';
import { N, type Snapshot } from './aggregate.ts';
import { NAME_INDEX, UNITS, type MetricName, type MetricPoint } from './types.ts';

/** One value of one metric of one target, as subscribers receive it. Shared, never copied. */
export interface MetricSample {
  targetId: string;
  target: Resource;
  name: MetricName;
  unit: string;
  /** ISO 8601, formatted once per cycle. */
  timestamp: string;
  value: number;
}

/** A snapshot as it crosses pubsub (Redis carries JSON: no typed arrays, no NaN). */
export interface WireSnapshot {
  t: number;
  ids: string[];
  values: (number | null)[];
}

export function toWire(s: Snapshot): WireSnapshot {
  return { t: s.t, ids: s.ids, values: Array.from(s.values, (v) => (Number.isNaN(v) ? null : v)) };
}

export function fromWire(w: WireSnapshot): Snapshot {
  const values = Float64Array.from(w.values, (v) => v ?? NaN);
  return { t: w.t, ids: w.ids, values, index: new Map(w.ids.map((id, i) => [id, i])) };
}

export const sampleKey = (targetId: string, name: string) => `${targetId}\u0000${name}`;

type Listener = (s: MetricSample) => void;

/** One `subscribe` call: its listener and the keys it wants. */
interface Subscription {
  keys: string[];
  listener: Listener;
}

/** Listener calls between yields to the event loop while fanning one snapshot out. */
const FANOUT_CHUNK = 250;

/**
 * Every replica's view of the collector's output: the latest values (for `cpuUsage` and
 * friends), a recent window of snapshots, and the live fan-out of samples to subscribers.
 * Each sample is built once per key and the same object handed to every subscriber of that
 * key. Delivery goes subscriber by subscriber, in subscription order: one subscriber's
 * samples go out back to back (its socket is touched once per snapshot, not once per key),
 * and the sockets are written in the order they were opened, which is measurably kinder to
 * the kernel's caches than a stride across them. It yields to the event loop every
 * FANOUT_CHUNK deliveries so 10k subscribers never block it.
 */
export class MetricsHub {
  latest: Snapshot | undefined;
  /** Grows whenever `latest` is replaced (what `value` answers), in the same turn. */
  version = 0;
  private readonly ring: Snapshot[] = [];
  private readonly windowMs: number;
  /** In subscription order (a Set keeps insertion order). */
  private readonly subscriptions = new Set<Subscription>();
  /** Subscriptions per key: the keys a snapshot builds samples for. */
  private readonly keyCounts = new Map<string, number>();
  private readonly lookup: (id: string) => Resource | undefined;
  /** Samples of the latest snapshot by key: a new subscriber gets the object others got. */
  private readonly samples = new Map<string, MetricSample>();
  /** Samples handed to listeners (a sample to 1,000 listeners counts 1,000). */
  delivered = 0;

  constructor(opts: { windowMs: number; lookup: (id: string) => Resource | undefined }) {
    this.windowMs = opts.windowMs;
    this.lookup = opts.lookup;
  }

  /** The latest value of one metric of one target; undefined when unknown. */
  value(targetId: string, name: MetricName): number | undefined {
    const s = this.latest;
    const row = s?.index.get(targetId);
    if (!s || row === undefined) return undefined;
    const v = s.values[row * N + NAME_INDEX[name]] ?? NaN;
    return Number.isNaN(v) ? undefined : v;
  }

  latestSample(targetId: string, name: MetricName): MetricSample | undefined {
    const key = sampleKey(targetId, name);
    const known = this.samples.get(key);
    if (known) return known;
    const v = this.value(targetId, name);
    const target = this.lookup(targetId);
    if (v === undefined || !target || !this.latest) return undefined;
    const timestamp = new Date(this.latest.t).toISOString();
    const sample = { targetId, target, name, unit: UNITS[name], timestamp, value: v };
    this.samples.set(key, sample);
    return sample;
  }

  /** Points of the recent window in [from, to], oldest first. */
  recent(targetId: string, name: MetricName, from: number, to: number): MetricPoint[] {
    const out: MetricPoint[] = [];
    for (const s of this.ring) {
      if (s.t < from || s.t > to) continue;
      const row = s.index.get(targetId);
      const v = row === undefined ? NaN : (s.values[row * N + NAME_INDEX[name]] ?? NaN);
      if (!Number.isNaN(v)) out.push({ t: s.t, v });
    }
    return out;
  }

  /** Snapshots of the window with `from <= t < to` (for minute rollups). */
  between(from: number, to: number): Snapshot[] {
    return this.ring.filter((s) => s.t >= from && s.t < to);
  }

  oldest(): number | undefined {
    return this.ring[0]?.t;
  }

  subscribe(keys: string[], listener: Listener): () => void {
    const sub: Subscription = { keys: [...new Set(keys)], listener };
    this.subscriptions.add(sub);
    for (const k of sub.keys) this.keyCounts.set(k, (this.keyCounts.get(k) ?? 0) + 1);
    return () => {
      if (!this.subscriptions.delete(sub)) return;
      for (const k of sub.keys) {
        const n = (this.keyCounts.get(k) ?? 1) - 1;
        if (n === 0) this.keyCounts.delete(k);
        else this.keyCounts.set(k, n);
      }
    };
  }

  get subscriberKeys(): number {
    return this.keyCounts.size;
  }

  /** Takes a new snapshot in: window, latest values, then the fan-out (resolves when done). */
  async receive(s: Snapshot): Promise<void> {
    if (this.latest && s.t <= this.latest.t) return;
    this.latest = s;
    this.version++;
    this.samples.clear();
    this.ring.push(s);
    while ((this.ring[0]?.t ?? s.t) < s.t - this.windowMs) this.ring.shift();
    if (this.subscriptions.size === 0) return;
    const timestamp = new Date(s.t).toISOString();
    const fresh = new Map<string, MetricSample>();
    for (const key of this.keyCounts.keys()) {
      const cut = key.indexOf('\u0000');
      const targetId = key.slice(0, cut);
      const name = key.slice(cut + 1) as MetricName;
      const row = s.index.get(targetId);
      const value = row === undefined ? NaN : (s.values[row * N + NAME_INDEX[name]] ?? NaN);
      const target = Number.isNaN(value) ? undefined : this.lookup(targetId);
      if (!target) continue;
      const sample = { targetId, target, name, unit: UNITS[name], timestamp, value };
      this.samples.set(key, sample);
      fresh.set(key, sample);
    }
    // The subscribers of this moment: one who subscribes during the fan-out already had the
    // latest samples on subscribe, and must not get them twice.
    let calls = 0;
    for (const { keys, listener } of [...this.subscriptions]) {
      for (const key of keys) {
        const sample = fresh.get(key);
        if (!sample) continue;
        listener(sample);
        this.delivered++;
        if (++calls % FANOUT_CHUNK === 0) await new Promise((r) => setImmediate(r));
      }
    }
  }
}
