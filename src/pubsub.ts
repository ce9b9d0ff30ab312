import { createPubSub, type PubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { ComponentCheck } from './health.ts';

/**
 * Topic -> payload. Payloads cross Redis as JSON between replicas, so they hold only
 * JSON values (timestamps as ISO strings).
 */
export type AppPubSub = PubSub<Record<string, [unknown]>>;

export interface PubSubService {
  pubsub: AppPubSub;
  check: ComponentCheck;
  close(): Promise<void>;
}

export function createPubSubService(redisUrl: string | undefined): PubSubService {
  if (!redisUrl) {
    return {
      pubsub: createPubSub(),
      check: async () => ({ state: 'UP', message: 'in-process (single replica)' }),
      close: async () => {},
    };
  }
  const options = { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true };
  const publishClient = new Redis(redisUrl, options);
  const subscribeClient = new Redis(redisUrl, options);
  // ioredis reconnects by itself; errors surface through the status check instead of crashing.
  publishClient.on('error', () => {});
  subscribeClient.on('error', () => {});
  // The event target sends these without a catch: one failed (Redis away, or an unsubscribe
  // after close) would reject unhandled and end the process. The health check pings Redis.
  const failed = () => {};
  // A SUBSCRIBE sent before the connection is ready (between 'connect' and 'ready') was
  // acknowledged yet never registered on the server (seen here: PUBSUB NUMSUB 0, no message
  // ever delivered): subscription changes wait for 'ready'.
  const ready = () =>
    subscribeClient.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve) => subscribeClient.once('ready', () => resolve()));
  const publisher = {
    publish: (channel: string, message: string) =>
      publishClient.publish(channel, message).catch(failed),
  };
  const subscriber = {
    on: (event: 'message', listener: (channel: string, message: string) => void) =>
      subscribeClient.on(event, listener),
    subscribe: (topic: string) =>
      ready()
        .then(() => subscribeClient.subscribe(topic))
        .catch(failed),
    unsubscribe: (topic: string) =>
      ready()
        .then(() => subscribeClient.unsubscribe(topic))
        .catch(failed),
  };
  const eventTarget = createRedisEventTarget<CustomEvent>({
    publishClient: publisher as unknown as Redis,
    subscribeClient: subscriber as unknown as Redis,
  });
  return {
    pubsub: createPubSub({ eventTarget }),
    check: async () => {
      try {
        await publishClient.ping();
        return { state: 'UP', message: 'redis fan-out' };
      } catch (err) {
        return { state: 'DOWN', message: `redis: ${(err as Error).message}` };
      }
    },
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}

/**
 * One pubsub subscription per topic per process, fanned out in memory to any number of local
 * listeners. Listeners run synchronously (they push into bounded per-subscriber buffers), so
 * the single consumer never falls behind the way one yoga subscription per client would.
 */
export class TopicFanout {
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly loops = new Map<string, { return?: () => unknown }>();
  private readonly pubsub: AppPubSub;

  constructor(pubsub: AppPubSub) {
    this.pubsub = pubsub;
  }

  subscribe(topic: string, listener: (payload: unknown) => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
      this.startLoop(topic, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  private startLoop(topic: string, set: Set<(payload: unknown) => void>): void {
    const iterator = this.pubsub.subscribe(topic)[Symbol.asyncIterator]();
    this.loops.set(topic, iterator);
    void (async () => {
      for (;;) {
        const next: IteratorResult<unknown> = await iterator.next();
        if (next.done) return;
        for (const listener of set) listener(next.value);
      }
    })();
  }

  close(): void {
    for (const loop of this.loops.values()) void loop.return?.();
    this.loops.clear();
    this.listeners.clear();
  }
}
