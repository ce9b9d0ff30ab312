import { ValidationError } from './errors.ts';
import type { ComponentCheck } from './health.ts';

/**
 * A cursor names one event of one topic: `<ms>-<n>`, where n counts the topic's events (1, 2,
 * 3, … with no hole, shared by every replica) and ms is when it was appended. With Redis it is
 * the entry's Redis Streams id. Order and gaps are read from n alone.
 */
export interface Position {
  ms: number;
  n: number;
}

export const formatCursor = (p: Position): string => `${p.ms}-${p.n}`;

const CURSOR = /^(\d{1,16})-(\d{1,16})$/;

/** Parses a client's cursor; anything but `<ms>-<n>` is VALIDATION_FAILED on `path`. */
export function parseCursor(cursor: string, path = 'after'): Position {
  const m = CURSOR.exec(cursor);
  if (!m) {
    throw new ValidationError(`${path} is not a stream cursor`, [
      { path, message: 'expected a cursor from an event of this subscription' },
    ]);
  }
  return { ms: Number(m[1]), n: Number(m[2]) };
}

export interface LoggedEvent<T = unknown> extends Position {
  cursor: string;
  payload: T;
}

export interface ReadResult {
  events: LoggedEvent[];
  /**
   * Events after the asked position that retention removed before they could be read (0: none);
   * with `resume`, the position to read on from (the last removed one).
   */
  skipped: number;
  resume: Position;
  /** The asked position is ahead of the log (another log, or one that was wiped). */
  unknown: boolean;
}

export interface Retention {
  /** At most this many events per topic (Redis trims approximately, in whole nodes). */
  maxEvents: number;
  /** Events older than this are removed. */
  maxAgeMs: number;
}

/**
 * The ordered, bounded, replayable log of every published event of the cursor-bearing topics.
 * Appends get the next position of their topic; readers replay from a cursor and listen live.
 */
export interface EventLog {
  readonly kind: 'memory' | 'redis';
  readonly retention: Retention;
  /**
   * Appends one event. With `dedupe`, a second append of the same key (another replica that
   * saw the same change) within the retention age is dropped: resolves undefined then.
   */
  append(topic: string, payload: unknown, dedupe?: string): Promise<string | undefined>;
  /** Up to `limit` events after `after` (exclusive), oldest first. */
  read(topic: string, after: Position, limit: number): Promise<ReadResult>;
  /** The newest position of a topic ({0, 0} before its first event). */
  head(topic: string): Promise<Position>;
  /**
   * Every event appended from now on, in order, handed synchronously to `listener`. With Redis
   * a listener may miss events while the connection is down: readers notice the hole in n
   * and read it back with `read`.
   */
  listen(topic: string, listener: (e: LoggedEvent) => void): () => void;
  check: ComponentCheck;
  close(): Promise<void>;
}

/** Resource changes seen by the watches (every replica appends; the log keeps one of each). */
export const RESOURCE_TOPIC = 'resourceEvents';

/** The topics that carry cursors (metrics are latest-value and stay on pub/sub). */
export const LOGGED_TOPICS = ['auditEvents', 'recommendationEvents', RESOURCE_TOPIC] as const;

/** Listeners by topic, shared by both logs. */
export class Listeners {
  private readonly byTopic = new Map<string, Set<(e: LoggedEvent) => void>>();

  add(topic: string, listener: (e: LoggedEvent) => void): () => void {
    let set = this.byTopic.get(topic);
    if (!set) this.byTopic.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit(topic: string, e: LoggedEvent): void {
    for (const listener of this.byTopic.get(topic) ?? []) listener(e);
  }

  clear(): void {
    this.byTopic.clear();
  }
}

/** One process, no Redis: a ring per topic, objects kept as they are (never serialised). */
export class MemoryEventLog implements EventLog {
  readonly kind = 'memory';
  readonly retention: Retention;
  /**
   * Every cursor of this ring is stamped at or after this moment. An older one comes from a
   * previous process (a client reconnecting across a restart): its n counts another ring's
   * events, so it names nothing here.
   */
  private readonly startedMs = Date.now();
  private readonly rings = new Map<string, { events: LoggedEvent[]; head: Position }>();
  private readonly listeners = new Listeners();

  constructor(retention: Retention) {
    this.retention = retention;
  }

  private ring(topic: string) {
    let ring = this.rings.get(topic);
    if (!ring) this.rings.set(topic, (ring = { events: [], head: { ms: 0, n: 0 } }));
    return ring;
  }

  append(topic: string, payload: unknown): Promise<string> {
    const ring = this.ring(topic);
    const ms = Math.max(Date.now(), ring.head.ms);
    const n = ring.head.n + 1;
    const cursor = formatCursor({ ms, n });
    const event: LoggedEvent = { ms, n, cursor, payload };
    ring.head = { ms, n };
    ring.events.push(event);
    this.trim(ring.events, ms);
    this.listeners.emit(topic, event);
    return Promise.resolve(cursor);
  }

  private trim(events: LoggedEvent[], now: number): void {
    const minMs = now - this.retention.maxAgeMs;
    let drop = Math.max(0, events.length - this.retention.maxEvents);
    while (drop < events.length && events[drop]!.ms < minMs) drop++;
    if (drop > 0) events.splice(0, drop);
  }

  read(topic: string, after: Position, limit: number): Promise<ReadResult> {
    const ring = this.ring(topic);
    this.trim(ring.events, Date.now());
    const { events, head } = ring;
    if (after.n > head.n || (after.n > 0 && after.ms < this.startedMs)) {
      return Promise.resolve({ events: [], skipped: 0, resume: head, unknown: true });
    }
    // n is dense: the first kept event's index gives where `after` falls.
    const first = events[0];
    const start = first ? Math.max(0, after.n + 1 - first.n) : 0;
    const page = events.slice(start, start + limit);
    return Promise.resolve(gapBefore(page, after, head));
  }

  head(topic: string): Promise<Position> {
    return Promise.resolve(this.ring(topic).head);
  }

  listen(topic: string, listener: (e: LoggedEvent) => void): () => void {
    return this.listeners.add(topic, listener);
  }

  check: ComponentCheck = async () => ({ state: 'UP', message: 'in-process event log' });

  close(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }
}

/** What retention removed between `after` and the first event read (or the head). */
export function gapBefore(page: LoggedEvent[], after: Position, head: Position): ReadResult {
  const first = page[0];
  const next = first ? first.n : head.n + 1;
  const skipped = Math.max(0, next - after.n - 1);
  const resume = skipped === 0 ? after : first ? { ms: first.ms, n: first.n - 1 } : head;
  return { events: page, skipped, resume, unknown: false };
}
