import { formatCursor, type EventLog, type LoggedEvent, type Position } from './eventlog.ts';
import { stopMethods } from './streams.ts';

/** Why events were skipped. */
export type GapReason = 'CURSOR_EXPIRED' | 'SLOW_CONSUMER' | 'UNKNOWN_CURSOR';

export interface Gap {
  /** Events of the topic (before this subscriber's filter) that can no longer be delivered. */
  skipped: number;
  reason: GapReason;
}

/**
 * One delivery to a subscriber: an event with its cursor and the gap before it if there was
 * one, or a gap alone (no payload) when no event of this subscriber follows it in the log yet.
 */
export type Delivered<T> = DeliveredEvent<T> | DeliveredGap;

export interface DeliveredEvent<T> {
  cursor: string;
  payload: T;
  gap: Gap | null;
}

export interface DeliveredGap {
  cursor: string;
  payload?: undefined;
  gap: Gap;
}

/** A gap delivered on its own (payloads are never undefined: they come from JSON). */
export const isGapAlone = <T>(d: Delivered<T>): d is DeliveredGap => d.payload === undefined;

/** Events read from the log per replay step. */
const PAGE = 200;

/**
 * One subscriber's stream of a logged topic: the events after `after` read back from the log,
 * then the live ones, each exactly once and in order (n only ever grows by one; a hole is read
 * back from the log). A subscriber slower than the producers holds at most `buffer` live events;
 * past that it drops them and reads on from the log, so it loses events only when retention has
 * removed them, and then it is told how many (`gap`) at once: on the next event it gets when
 * the read that found the gap holds one for it, otherwise on a delivery of its own, without
 * waiting for an event that its filter keeps.
 */
export function cursorStream<T>(options: {
  log: EventLog;
  topic: string;
  after: Position | undefined;
  keep: (payload: T) => boolean;
  buffer: number;
}): AsyncIterableIterator<Delivered<T>> {
  const { log, topic, keep, buffer } = options;
  let last: Position | undefined = options.after;
  let replaying: 'CURSOR_EXPIRED' | 'SLOW_CONSUMER' | undefined = last
    ? 'CURSOR_EXPIRED'
    : undefined;
  let live: LoggedEvent[] = [];
  let overflowed = false;
  let gap: Gap | null = null;
  const ready: Delivered<T>[] = [];
  let wake: (() => void) | undefined;
  let done = false;

  const off = log.listen(topic, (e) => {
    if (done) return;
    if (live.length < buffer) live.push(e);
    else overflowed = true;
    const w = wake;
    wake = undefined;
    w?.();
  });

  const take = (e: LoggedEvent): DeliveredEvent<T> | undefined => {
    last = e;
    if (!keep(e.payload as T)) return undefined;
    const item = { cursor: e.cursor, payload: e.payload as T, gap };
    gap = null;
    return item;
  };

  const noteGap = (skipped: number, reason: GapReason) => {
    gap = { skipped: (gap?.skipped ?? 0) + skipped, reason };
  };

  async function replayPage(from: Position, reason: 'CURSOR_EXPIRED' | 'SLOW_CONSUMER') {
    // Live events from before this read are in the log: only those after it matter, and only
    // if none of them was dropped.
    if (overflowed) {
      live = [];
      overflowed = false;
    }
    const page = await log.read(topic, from, PAGE);
    if (page.unknown) noteGap(0, 'UNKNOWN_CURSOR');
    else if (page.skipped > 0) noteGap(page.skipped, reason);
    last = page.resume;
    for (const e of page.events) {
      if (e.n <= last.n) continue;
      const item = take(e);
      if (item) ready.push(item);
    }
    if (gap && ready.length === 0) {
      // Nothing here for this subscriber to carry the gap: it goes out alone, now, with the
      // position read up to (resuming after it does not report the same gap again).
      ready.push({ cursor: formatCursor(last), gap });
      gap = null;
    }
    if (page.events.length < PAGE && !overflowed) replaying = undefined;
  }

  async function pull(): Promise<IteratorResult<Delivered<T>>> {
    for (;;) {
      if (done) return { value: undefined, done: true };
      const item = ready.shift();
      if (item) return { value: item, done: false };
      if (replaying && last) {
        await replayPage(last, replaying);
        continue;
      }
      if (overflowed) {
        // Fell behind by more than the buffer: read on from the log.
        last ??= live[0] ? { ms: live[0].ms, n: live[0].n - 1 } : undefined;
        replaying = 'SLOW_CONSUMER';
        continue;
      }
      const e = live.shift();
      if (!e) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (last && e.n <= last.n) continue;
      if (last && e.n > last.n + 1) {
        // A hole (a reconnect of the log's reader): read it back.
        live.unshift(e);
        replaying = 'SLOW_CONSUMER';
        continue;
      }
      const delivered = take(e);
      if (delivered) return { value: delivered, done: false };
    }
  }

  const finish = () => {
    if (done) return;
    done = true;
    off();
    live = [];
    const w = wake;
    wake = undefined;
    w?.();
  };

  return {
    next: pull,
    ...stopMethods(finish),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
