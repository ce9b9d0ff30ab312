export interface BoundedStream<T> extends AsyncIterableIterator<T> {
  /** Items dropped or conflated away so far. */
  dropped(): number;
  /**
   * A synchronous consumer, offered each item before it is queued or handed to `next()`,
   * only while no older item is waiting (order is kept); it returns false to leave the item
   * to the stream (e.g. while its own write is in flight).
   */
  consumeDirectly(consumer: ((item: T) => boolean) | undefined): void;
}

/**
 * A bounded async stream for one subscriber. Producers push; when the subscriber is slower
 * than the producer and `max` items are waiting, the OLDEST waiting item is dropped (or, with
 * `key`, an older item with the same key is replaced: conflation). Memory per subscriber is
 * therefore bounded whatever the consumer does (graphql-yoga #3692).
 */
export function boundedStream<T>(
  attach: (push: (item: T) => void) => () => void,
  options: { max: number; key?: (item: T) => string; signal?: AbortSignal },
): BoundedStream<T> {
  const queue: T[] = [];
  let waiting: ((r: IteratorResult<T>) => void) | undefined;
  let direct: ((item: T) => boolean) | undefined;
  let done = false;
  let dropped = 0;

  const finish = () => {
    if (done) return;
    done = true;
    detach();
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
  };

  const detach = attach((item) => {
    if (done) return;
    // Nothing older waiting: a direct consumer may take it now, without a promise.
    if (direct && queue.length === 0 && direct(item)) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (options.key) {
      const k = options.key(item);
      const i = queue.findIndex((q) => options.key!(q) === k);
      if (i >= 0) {
        queue.splice(i, 1);
        dropped++;
      }
    }
    if (queue.length >= options.max) {
      queue.shift();
      dropped++;
    }
    queue.push(item);
  });
  options.signal?.addEventListener('abort', finish, { once: true });

  return {
    dropped: () => dropped,
    consumeDirectly(consumer) {
      direct = consumer;
    },
    next() {
      if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err?: unknown) {
      finish();
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
