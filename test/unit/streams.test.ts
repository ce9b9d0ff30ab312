import { describe, expect, it } from 'vitest';
import { cursorStream, type Delivered } from '../../src/cursor-stream.ts';
import { MemoryEventLog, parseCursor, type Position } from '../../src/eventlog.ts';
import { ValidationError } from '../../src/errors.ts';

const T = 'topic';

async function take<T>(it: AsyncIterator<Delivered<T>>, n: number): Promise<Delivered<T>[]> {
  const out: Delivered<T>[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

async function fill(log: MemoryEventLog, from: number, to: number): Promise<string[]> {
  const cursors: string[] = [];
  for (let i = from; i <= to; i++) cursors.push(await log.append(T, { i }));
  return cursors;
}

const values = (items: Delivered<{ i: number }>[]) => items.map((d) => d.payload?.i);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe('event log and cursor streams', () => {
  it('numbers events per topic and parses its own cursors only', async () => {
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 });
    const [c1, c2] = await fill(log, 1, 2);
    expect(parseCursor(c1!).n).toBe(1);
    expect(parseCursor(c2!).n).toBe(2);
    expect(parseCursor(c2!).ms).toBeGreaterThanOrEqual(parseCursor(c1!).ms);
    expect(await log.append('other', {})).toMatch(/-1$/);
    for (const bad of ['', 'abc', '1-', '-1', '1-2-3', '1.5-2']) {
      expect(() => parseCursor(bad), bad).toThrow(ValidationError);
    }
  });

  it('replays after a cursor, then goes live: every event once, in order', async () => {
    const log = new MemoryEventLog({ maxEvents: 10_000, maxAgeMs: 60_000 });
    const cursors = await fill(log, 1, 450);
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: parseCursor(cursors[99]!),
      keep: () => true,
      buffer: 10,
    });
    const first = await take(stream, 50);
    // Appended while the replay is under way: the live buffer overflows, the log covers it.
    await fill(log, 451, 600);
    const rest = await take(stream, 450);
    const all = [...first, ...rest];
    expect(values(all)).toEqual(range(101, 600));
    expect(all.every((d) => d.gap === null)).toBe(true);
    expect(all.map((d) => parseCursor(d.cursor).n)).toEqual(range(101, 600));
    // Then live, one by one.
    const next = stream.next();
    await log.append(T, { i: 601 });
    expect(((await next).value as Delivered<{ i: number }>).payload).toEqual({ i: 601 });
    await stream.return?.();
  });

  it('filters without losing its place, and starts live without a cursor', async () => {
    const log = new MemoryEventLog({ maxEvents: 1000, maxAgeMs: 60_000 });
    await fill(log, 1, 10);
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: undefined,
      keep: (p) => p.i % 2 === 0,
      buffer: 100,
    });
    const pending = take(stream, 3);
    await fill(log, 11, 20);
    expect(values(await pending)).toEqual([12, 14, 16]);
    await stream.return?.();
  });

  it('reports a cursor older than the retention as a gap with the count, then goes on', async () => {
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 });
    const cursors = await fill(log, 1, 300);
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: parseCursor(cursors[9]!),
      keep: () => true,
      buffer: 100,
    });
    const got = await take(stream, 100);
    // 11..200 were trimmed (the log keeps the newest 100: 201..300).
    expect(got[0]?.gap).toEqual({ skipped: 190, reason: 'CURSOR_EXPIRED' });
    expect(values(got)).toEqual(range(201, 300));
    expect(got.slice(1).every((d) => d.gap === null)).toBe(true);
    await stream.return?.();
  });

  it('reports a cursor from another log as unknown', async () => {
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 });
    await fill(log, 1, 3);
    const future: Position = { ms: Date.now(), n: 99 };
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: future,
      keep: () => true,
      buffer: 100,
    });
    // Said at once, on its own, with the head as its cursor; then the stream goes on from there.
    const [first] = await take(stream, 1);
    expect(first).toEqual({
      cursor: `${(await log.head(T)).ms}-3`,
      gap: { skipped: 0, reason: 'UNKNOWN_CURSOR' },
    });
    const next = stream.next();
    await fill(log, 4, 4);
    expect((await next).value).toMatchObject({ payload: { i: 4 }, gap: null });
    await stream.return?.();
  });

  it('delivers a gap at once, on its own, when no event of the subscriber follows it', async () => {
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 });
    const cursors = await fill(log, 1, 300);
    // Only multiples of 1,000 are wanted: none of what the log still holds (201..300).
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: parseCursor(cursors[9]!),
      keep: (p) => p.i % 1000 === 0,
      buffer: 100,
    });
    // No append after the subscription: the gap must not wait for one.
    const [alone] = await take(stream, 1);
    expect(alone).toEqual({
      cursor: cursors[299],
      gap: { skipped: 190, reason: 'CURSOR_EXPIRED' },
    });
    // Resuming after the gap's cursor reports nothing again and goes on.
    const next = stream.next();
    await fill(log, 301, 1000);
    expect((await next).value).toMatchObject({ payload: { i: 1000 }, gap: null });
    await stream.return?.();
  });

  it('tells a slow consumer of its gap before any event its filter keeps', async () => {
    const log = new MemoryEventLog({ maxEvents: 200, maxAgeMs: 60_000 });
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: undefined,
      keep: (p) => p.i === 1 || p.i > 5000,
      buffer: 50,
    });
    const first = stream.next();
    await fill(log, 1, 1);
    expect((await first).value).toMatchObject({ payload: { i: 1 } });
    // 1,000 behind while not reading (the buffer of 50 overflows, the log keeps 200): the next
    // read says so at once, though none of the events that remain is one it wants.
    await fill(log, 2, 1001);
    const [alone] = await take(stream, 1);
    expect(alone?.payload).toBeUndefined();
    expect(alone?.gap).toEqual({ skipped: 800, reason: 'SLOW_CONSUMER' });
    expect(parseCursor(alone!.cursor).n).toBe(1001);
    await stream.return?.();
  });

  it('reports an expired cursor at once when nothing newer is left in the log', async () => {
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 50 });
    const [c1] = await fill(log, 1, 5);
    await new Promise((r) => setTimeout(r, 80));
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: parseCursor(c1!),
      keep: () => true,
      buffer: 10,
    });
    const [alone] = await take(stream, 1);
    expect(alone?.gap).toEqual({ skipped: 4, reason: 'CURSOR_EXPIRED' });
    expect(parseCursor(alone!.cursor).n).toBe(5);
    await stream.return?.();
  });

  it('reports a cursor from a previous process (an older ring) as unknown, not as a place in this one', async () => {
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 });
    await fill(log, 1, 10);
    const before: Position = { ms: Date.now() - 60_000, n: 3 };
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: before,
      keep: () => true,
      buffer: 100,
    });
    // Told at once, on its own (nothing of this ring is replayed), then live from here.
    const [alone] = await take(stream, 1);
    expect(alone).toMatchObject({ gap: { skipped: 0, reason: 'UNKNOWN_CURSOR' } });
    expect(alone?.payload).toBeUndefined();
    const next = stream.next();
    await fill(log, 11, 11);
    expect((await next).value).toMatchObject({ payload: { i: 11 }, gap: null });
    await stream.return?.();
  });

  it('gives a slow consumer everything the log still holds, and a gap for the rest', async () => {
    const log = new MemoryEventLog({ maxEvents: 200, maxAgeMs: 60_000 });
    const stream = cursorStream<{ i: number }>({
      log,
      topic: T,
      after: undefined,
      keep: () => true,
      buffer: 50,
    });
    const first = stream.next();
    await fill(log, 1, 1);
    expect(((await first).value as Delivered<{ i: number }>).payload).toEqual({ i: 1 });
    // 150 behind: more than its buffer, within the retention: nothing lost.
    await fill(log, 2, 151);
    expect(values(await take(stream, 150))).toEqual(range(2, 151));
    // 1,000 behind: more than the retention: a gap, counted, then the newest 200.
    await fill(log, 152, 1151);
    const got = await take(stream, 200);
    expect(got[0]?.gap).toEqual({ skipped: 800, reason: 'SLOW_CONSUMER' });
    expect(values(got)).toEqual(range(952, 1151));
    await stream.return?.();
  });

  it('drops events older than the retention age', async () => {
    const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 50 });
    const [c1] = await fill(log, 1, 5);
    await new Promise((r) => setTimeout(r, 80));
    const page = await log.read(T, parseCursor(c1!), 10);
    expect(page.events).toEqual([]);
    expect(page.skipped).toBe(4);
  });
});
