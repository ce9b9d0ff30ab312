import { Redis } from 'ioredis';
import type { ComponentCheck } from './health.ts';
import {
  formatCursor,
  gapBefore,
  Listeners,
  type EventLog,
  type LoggedEvent,
  type Position,
  type ReadResult,
  type Retention,
} from './eventlog.ts';

/**
 * Appends one event: the topic's next n (a counter beside the stream), the id `<ms>-<n>` with ms
 * never going back, trimmed by count and by age in the same step. A dedupe key already taken
 * (another replica appended the same change) appends nothing. One script, so concurrent
 * replicas never interleave between the counter and the XADD.
 */
const APPEND = `
if ARGV[4] ~= '' then
  if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[3]) then return false end
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = math.max(now, tonumber(redis.call('HGET', KEYS[2], 'ms') or '0'))
local n = redis.call('HINCRBY', KEYS[2], 'n', 1)
redis.call('HSET', KEYS[2], 'ms', string.format('%.0f', ms))
local id = string.format('%.0f', ms) .. '-' .. n
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], id, 'd', ARGV[1])
redis.call('XTRIM', KEYS[1], 'MINID', '~', string.format('%.0f', now - tonumber(ARGV[3])))
return id
`;

type Entry = [id: string, fields: string[]];

const toPosition = (id: string): Position => {
  const cut = id.indexOf('-');
  return { ms: Number(id.slice(0, cut)), n: Number(id.slice(cut + 1)) };
};

function toEvent([id, fields]: Entry): LoggedEvent {
  const p = toPosition(id);
  return { ...p, cursor: id, payload: JSON.parse(fields[1] ?? 'null') as unknown };
}

/**
 * The event log on Redis Streams, shared by every replica: one stream per topic under
 * `prefix`, ids as cursors, retention by MAXLEN and MINID. One blocking XREAD connection per
 * process follows every topic and hands each entry to the local listeners.
 */
export class RedisEventLog implements EventLog {
  readonly kind = 'redis';
  readonly retention: Retention;
  private readonly client: Redis;
  private readonly reader: Redis;
  private readonly prefix: string;
  private readonly topics: readonly string[];
  private readonly listeners = new Listeners();
  private reading: Promise<void> | undefined;
  private closed = false;

  constructor(options: {
    url: string;
    prefix: string;
    topics: readonly string[];
    retention: Retention;
  }) {
    this.retention = options.retention;
    this.prefix = options.prefix;
    this.topics = options.topics;
    this.client = new Redis(options.url, { maxRetriesPerRequest: 2 });
    this.reader = new Redis(options.url);
    // ioredis reconnects by itself; errors surface through the status check.
    this.client.on('error', () => {});
    this.reader.on('error', () => {});
    this.client.defineCommand('oiAppend', { numberOfKeys: 3, lua: APPEND });
  }

  private key(topic: string): string {
    return `${this.prefix}{${topic}}`;
  }

  async append(topic: string, payload: unknown, dedupe?: string): Promise<string | undefined> {
    const key = this.key(topic);
    const id = await (
      this.client as unknown as {
        oiAppend: (...args: (string | number)[]) => Promise<string | null>;
      }
    ).oiAppend(
      key,
      `${key}:meta`,
      `${key}:seen:${dedupe ?? ''}`,
      JSON.stringify(payload),
      this.retention.maxEvents,
      this.retention.maxAgeMs,
      dedupe ?? '',
    );
    return id ?? undefined;
  }

  async read(topic: string, after: Position, limit: number): Promise<ReadResult> {
    const key = this.key(topic);
    // One transaction: the page and the head at the same instant, so a hole is never
    // mistaken for an append that came after the page.
    const replies = await this.client
      .multi()
      .xrange(key, after.n === 0 ? '-' : `(${formatCursor(after)}`, '+', 'COUNT', limit)
      .hmget(`${key}:meta`, 'ms', 'n')
      .exec();
    if (!replies) throw new Error('event log read aborted');
    for (const [err] of replies) if (err) throw err;
    const page = (replies[0]![1] as Entry[]).map(toEvent);
    const [ms, n] = replies[1]![1] as (string | null)[];
    const head = { ms: Number(ms ?? 0), n: Number(n ?? 0) };
    if (after.n > head.n) return { events: [], skipped: 0, resume: head, unknown: true };
    return gapBefore(page, after, head);
  }

  async head(topic: string): Promise<Position> {
    const [ms, n] = await this.client.hmget(`${this.key(topic)}:meta`, 'ms', 'n');
    return { ms: Number(ms ?? 0), n: Number(n ?? 0) };
  }

  listen(topic: string, listener: (e: LoggedEvent) => void): () => void {
    this.reading ??= this.follow();
    return this.listeners.add(topic, listener);
  }

  /** Follows every topic from its head at start, until close. */
  private async follow(): Promise<void> {
    const keys = this.topics.map((t) => this.key(t));
    const ids = new Map<string, string>();
    while (!this.closed) {
      try {
        if (ids.size === 0) {
          const heads = await Promise.all(this.topics.map((t) => this.head(t)));
          keys.forEach((k, i) => ids.set(k, formatCursor(heads[i]!)));
        }
        const reply = await this.reader.xread(
          'COUNT',
          1000,
          'BLOCK',
          5000,
          'STREAMS',
          ...keys,
          ...keys.map((k) => ids.get(k)!),
        );
        for (const [key, entries] of reply ?? []) {
          const topic = this.topics[keys.indexOf(key)]!;
          for (const entry of entries) {
            ids.set(key, entry[0]);
            this.listeners.emit(topic, toEvent(entry));
          }
        }
      } catch {
        // Disconnected: ioredis reconnects; listeners read back any hole from the log.
        if (!this.closed) await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  check: ComponentCheck = async () => {
    try {
      await this.client.ping();
      return { state: 'UP', message: 'redis streams' };
    } catch (err) {
      return { state: 'DOWN', message: `redis: ${(err as Error).message}` };
    }
  };

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.reader.disconnect();
    this.client.disconnect();
    await this.reading;
  }
}
