import { describe, expect, it } from 'vitest';
import { N, type Snapshot } from '../../src/metrics/aggregate.ts';
import {
  fromWire,
  MetricsHub,
  sampleKey,
  toWire,
  type MetricSample,
} from '../../src/metrics/hub.ts';
import { rollUp } from '../../src/metrics/rollups.ts';
import { NAME_INDEX } from '../../src/metrics/types.ts';
import { MAX_POINTS, parseDuration, resample, timeWindow } from '../../src/metrics/window.ts';
import type { Resource } from '../../src/providers/provider.ts';
import { ValidationError } from '../../src/errors.ts';
import { boundedStream } from '../../src/streams.ts';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function snapshot(
  t: number,
  rows: Record<string, Partial<Record<keyof typeof NAME_INDEX, number>>>,
): Snapshot {
  const ids = Object.keys(rows);
  const values = new Float64Array(ids.length * N).fill(NaN);
  ids.forEach((id, i) => {
    for (const [name, v] of Object.entries(rows[id] ?? {})) {
      values[i * N + NAME_INDEX[name as keyof typeof NAME_INDEX]] = v;
    }
  });
  return { t, ids, values, index: new Map(ids.map((id, i) => [id, i])) };
}

const resource = (id: string) => ({ id, kind: 'POD', name: id }) as unknown as Resource;

describe('durations and windows', () => {
  it('parses ISO 8601 durations and refuses the rest', () => {
    expect(parseDuration('PT15M', 'x')).toBe(900_000);
    expect(parseDuration('P1DT1H', 'x')).toBe(90_000_000);
    expect(parseDuration('P2W', 'x')).toBe(1_209_600_000);
    expect(parseDuration('PT0.5S', 'x')).toBe(500);
    for (const bad of ['15m', 'P1M', 'PT', 'P', 'PT0S', 'P1Y']) {
      expect(() => parseDuration(bad, 'x'), bad).toThrow(ValidationError);
    }
  });

  it('defaults to the last hour at about 240 points, never finer than the interval', () => {
    const w = timeWindow(undefined, undefined, 15_000, NOW);
    expect(w).toEqual({ from: NOW - 3_600_000, to: NOW, stepMs: 15_000 });
    const day = timeWindow({ last: 'P1D' }, undefined, 15_000, NOW);
    expect((day.to - day.from) / day.stepMs).toBeLessThanOrEqual(240);
  });

  it('refuses from after to, both forms, and more than 11,000 points', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('no error');
    };
    expect(
      err(() => timeWindow({ from: new Date(NOW), to: new Date(NOW - 1) }, null, 1000, NOW))
        .fields[0]?.path,
    ).toBe('range.from');
    expect(err(() => timeWindow({ last: 'PT1H', from: new Date(NOW) }, null, 1000, NOW)).code).toBe(
      'VALIDATION_FAILED',
    );
    const tooMany = err(() => timeWindow({ last: 'P1D' }, 'PT1S', 1000, NOW));
    expect(tooMany.message).toMatch(/86401 points/);
    // Exactly at the limit is fine.
    const ok = timeWindow(
      { from: new Date(NOW - (MAX_POINTS - 1) * 1000), to: new Date(NOW) },
      'PT1S',
      1000,
      NOW,
    );
    expect(Math.floor((ok.to - ok.from) / ok.stepMs) + 1).toBe(MAX_POINTS);
  });

  it('resamples to step buckets by mean', () => {
    const w = { from: 0, to: 120_000, stepMs: 60_000 };
    const pts = [
      { t: 0, v: 1 },
      { t: 30_000, v: 3 },
      { t: 60_000, v: 10 },
      { t: 200_000, v: 99 },
    ];
    expect(resample(pts, w)).toEqual([
      { t: 0, v: 2 },
      { t: 60_000, v: 10 },
    ]);
  });
});

describe('rollups', () => {
  it('averages and maxes each metric over the snapshots, ignoring unknowns', () => {
    const rows = rollUp([
      snapshot(0, { a: { CPU_USAGE: 1, MEMORY_USAGE: 100 } }),
      snapshot(15_000, { a: { CPU_USAGE: 3 } }),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.avg[NAME_INDEX.CPU_USAGE]).toBe(2);
    expect(rows[0]?.max[NAME_INDEX.CPU_USAGE]).toBe(3);
    expect(rows[0]?.avg[NAME_INDEX.MEMORY_USAGE]).toBe(100);
    expect(rows[0]?.avg[NAME_INDEX.NETWORK_RECEIVE]).toBeNull();
  });

  it('survives the JSON of pubsub (NaN as null)', () => {
    const s = snapshot(5, { a: { CPU_USAGE: 0.5 } });
    const back = fromWire(JSON.parse(JSON.stringify(toWire(s))) as ReturnType<typeof toWire>);
    expect(back.values[NAME_INDEX.CPU_USAGE]).toBe(0.5);
    expect(Number.isNaN(back.values[NAME_INDEX.MEMORY_USAGE])).toBe(true);
  });
});

describe('hub fan-out', () => {
  const hub = () => new MetricsHub({ windowMs: 300_000, lookup: resource });

  it('builds one sample per key and hands the same object to every subscriber', async () => {
    const h = hub();
    const got: MetricSample[][] = [[], [], []];
    got.forEach((list) => h.subscribe([sampleKey('a', 'CPU_USAGE')], (s) => list.push(s)));
    await h.receive(snapshot(1000, { a: { CPU_USAGE: 0.25 }, b: { CPU_USAGE: 9 } }));
    expect(got.map((l) => l.length)).toEqual([1, 1, 1]);
    expect(got[0]?.[0]).toBe(got[2]?.[0]);
    expect(got[0]?.[0]).toMatchObject({ targetId: 'a', value: 0.25, unit: 'cores' });
    expect(h.value('b', 'CPU_USAGE')).toBe(9);
  });

  it('gives a new subscriber the sample object of the latest snapshot', async () => {
    const h = hub();
    let fanned: MetricSample | undefined;
    h.subscribe([sampleKey('a', 'CPU_USAGE')], (s) => (fanned = s));
    await h.receive(snapshot(1000, { a: { CPU_USAGE: 1 }, b: { CPU_USAGE: 2 } }));
    expect(h.latestSample('a', 'CPU_USAGE')).toBe(fanned);
    const b = h.latestSample('b', 'CPU_USAGE');
    expect(h.latestSample('b', 'CPU_USAGE')).toBe(b);
    await h.receive(snapshot(2000, { b: { CPU_USAGE: 3 } }));
    expect(h.latestSample('b', 'CPU_USAGE')).toMatchObject({ value: 3 });
    expect(h.latestSample('b', 'CPU_USAGE')).not.toBe(b);
    expect(h.latestSample('a', 'CPU_USAGE')).toBeUndefined();
  });

  it('delivers subscriber by subscriber, in subscription order, each sample once', async () => {
    const h = hub();
    const order: string[] = [];
    const [a, b] = [sampleKey('a', 'CPU_USAGE'), sampleKey('b', 'CPU_USAGE')];
    const offs = [
      h.subscribe([a, b], (s) => order.push(`1:${s.targetId}`)),
      h.subscribe([a, a], (s) => order.push(`2:${s.targetId}`)),
      h.subscribe([b, a], (s) => order.push(`3:${s.targetId}`)),
    ];
    expect(h.subscriberKeys).toBe(2);
    await h.receive(snapshot(1000, { a: { CPU_USAGE: 1 }, b: { CPU_USAGE: 2 } }));
    expect(order).toEqual(['1:a', '1:b', '2:a', '3:b', '3:a']);
    offs[0]?.();
    offs[0]?.();
    offs[2]?.();
    expect(h.subscriberKeys).toBe(1);
    order.length = 0;
    await h.receive(snapshot(2000, { a: { CPU_USAGE: 1 }, b: { CPU_USAGE: 2 } }));
    expect(order).toEqual(['2:a']);
  });

  it('does not hand a snapshot to a subscriber who joined during its fan-out', async () => {
    const h = hub();
    const key = sampleKey('a', 'CPU_USAGE');
    for (let i = 0; i < 1000; i++) h.subscribe([key], () => undefined);
    let late = 0;
    // Runs at the fan-out's first yield, after 250 deliveries.
    setImmediate(() => h.subscribe([key], () => late++));
    await h.receive(snapshot(1000, { a: { CPU_USAGE: 1 } }));
    expect(h.delivered).toBe(1000);
    expect(late).toBe(0);
    await h.receive(snapshot(2000, { a: { CPU_USAGE: 2 } }));
    expect(late).toBe(1);
  });

  it('keeps a window, ignores stale snapshots, and yields while fanning out to many', async () => {
    const h = hub();
    let n = 0;
    for (let i = 0; i < 2000; i++) h.subscribe([sampleKey('a', 'CPU_USAGE')], () => n++);
    // A callback queued before the fan-out runs in the middle of it: the hub yields.
    let seenMidway = -1;
    setImmediate(() => (seenMidway = n));
    await h.receive(snapshot(1000, { a: { CPU_USAGE: 1 } }));
    expect(n).toBe(2000);
    await h.receive(snapshot(500, { a: { CPU_USAGE: 2 } }));
    expect(h.value('a', 'CPU_USAGE')).toBe(1);
    await h.receive(snapshot(400_000, { a: { CPU_USAGE: 3 } }));
    expect(h.recent('a', 'CPU_USAGE', 0, Infinity)).toEqual([{ t: 400_000, v: 3 }]);
    expect(seenMidway).toBeGreaterThan(0);
    expect(seenMidway).toBeLessThan(2000);
  });

  it('offers items to a direct consumer only while next() waits, so it never overtakes', async () => {
    let push: (n: number) => void = () => {};
    const stream = boundedStream<number>((p) => ((push = p), () => {}), { max: 10 });
    const taken: number[] = [];
    let accept = true;
    stream.consumeDirectly((n) => accept && (taken.push(n), true));
    push(1); // nobody waits: queued, not offered
    push(2);
    expect(taken).toEqual([]);
    expect((await stream.next()).value).toBe(1);
    const waiting = stream.next(); // 2 is still queued: handed out at once
    expect((await waiting).value).toBe(2);
    // The reader took 2 and has not asked again (still processing it): 3 must wait for it.
    push(3);
    expect(taken).toEqual([]);
    expect((await stream.next()).value).toBe(3);
    const idle = stream.next(); // now the reader waits: the direct consumer takes 4
    push(4);
    expect(taken).toEqual([4]);
    accept = false;
    push(5); // refused: the waiting next() gets it
    expect((await idle).value).toBe(5);
    await stream.return?.();
    push(6); // finished: nobody gets it
    expect(taken).toEqual([4]);
  });

  it('conflates a slow subscriber to the newest sample per key', async () => {
    const h = hub();
    const keys = [sampleKey('a', 'CPU_USAGE'), sampleKey('b', 'CPU_USAGE')];
    const stream = boundedStream<MetricSample & { skipped?: number }>(
      (push) => h.subscribe(keys, push),
      {
        max: keys.length,
        key: (s) => sampleKey(s.targetId, s.name),
        conflated: (s, skipped) => ({ ...s, skipped }),
      },
    );
    // Prime: the first push completes a waiting next(); then nobody reads for 50 snapshots.
    const first = stream.next();
    for (let i = 1; i <= 50; i++)
      await h.receive(snapshot(i * 1000, { a: { CPU_USAGE: i }, b: { CPU_USAGE: -i } }));
    const value = (r: IteratorResult<MetricSample>) => (r.done ? NaN : r.value.value);
    expect(value(await first)).toBe(1);
    const rest = [value(await stream.next()), value(await stream.next())];
    expect(rest.sort((x, y) => x - y)).toEqual([-50, 50]);
    expect(stream.dropped()).toBeGreaterThan(90);
    await stream.return?.();
  });

  it('says how many samples of each key conflation replaced, once', async () => {
    const h = hub();
    const keys = [sampleKey('a', 'CPU_USAGE'), sampleKey('b', 'CPU_USAGE')];
    const stream = boundedStream<MetricSample & { skipped?: number }>(
      (push) => h.subscribe(keys, push),
      {
        max: keys.length,
        key: (s) => sampleKey(s.targetId, s.name),
        conflated: (s, skipped) => ({ ...s, skipped }),
      },
    );
    const got = async () => {
      const r = await stream.next();
      return r.done ? undefined : [r.value.targetId, r.value.value, r.value.skipped ?? 0];
    };
    const first = got();
    for (let i = 1; i <= 50; i++)
      await h.receive(snapshot(i * 1000, { a: { CPU_USAGE: i }, b: { CPU_USAGE: -i } }));
    // a:1 went straight to the waiting reader; a:2..49 and b:1..49 were replaced while queued.
    expect(await first).toEqual(['a', 1, 0]);
    expect([await got(), await got()]).toEqual([
      ['a', 50, 48],
      ['b', -50, 49],
    ]);
    // Counted once: the next samples, taken as they come, skipped nothing.
    const next = got();
    await h.receive(snapshot(51_000, { a: { CPU_USAGE: 51 } }));
    expect(await next).toEqual(['a', 51, 0]);
    await stream.return?.();
  });
});
