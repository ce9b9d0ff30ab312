export interface BoundedStream<T> extends AsyncIterableIterator<T> {
  /** Items dropped or conflated away so far. */
  dropped(): number;
  /**
   * A synchronous consumer, offered an item only while a `next()` call is waiting for one:
   * never while items are queued or one handed out by `next()` is still being processed
   * (the reader has not asked again), so it never overtakes the stream. It returns false to
   * leave the item to that waiting `next()`.
   */
  consumeDirectly(consumer: ((item: T) => boolean) | undefined): void;
}

/**
 * A bounded async stream for one subscriber. Producers push; when the subscriber is slower
 * than the producer and `max` items are waiting, the OLDEST waiting item is dropped (or, with
 * `key`, an older item with the same key is replaced: conflation). Memory per subscriber is
 * therefore bounded whatever the consumer does (graphql-yoga #3692). With `conflated`, an item
 * that replaced older ones of its key is handed out as `conflated(item, how many)`.
 */
export function boundedStream<T>(
  attach: (push: (item: T) => void) => () => void,
  options: {
    max: number;
    key?: (item: T) => string;
    conflated?: (item: T, skipped: number) => T;
    signal?: AbortSignal;
  },
): BoundedStream<T> {
  const queue: T[] = [];
  /** Items replaced, per key, since that key's last item was handed out. */
  const skipped = new Map<string, number>();
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

  const skip = (key: string | undefined) => {
    dropped++;
    if (key !== undefined && options.conflated) skipped.set(key, (skipped.get(key) ?? 0) + 1);
  };

  /** The item as handed out: with how many of its key it replaced, if any. */
  const out = (item: T): T => {
    const k = options.conflated && options.key?.(item);
    const n = k ? skipped.get(k) : undefined;
    if (!n) return item;
    skipped.delete(k as string);
    return options.conflated!(item, n);
  };

  const detach = attach((pushed) => {
    if (done) return;
    if (waiting) {
      const item = skipped.size > 0 ? out(pushed) : pushed;
      // The reader is idle (nothing queued, nothing handed out and unfinished): a direct
      // consumer may take the item now, without a promise, and the reader keeps waiting.
      if (direct?.(item)) return;
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (options.key) {
      const k = options.key(pushed);
      const i = queue.findIndex((q) => options.key!(q) === k);
      if (i >= 0) {
        queue.splice(i, 1);
        skip(k);
      }
    }
    if (queue.length >= options.max) skip(options.key?.(queue.shift() as T));
    queue.push(pushed);
  });
  options.signal?.addEventListener('abort', finish, { once: true });

  return {
    dropped: () => dropped,
    consumeDirectly(consumer) {
      direct = consumer;
    },
    next() {
      if (queue.length > 0) return Promise.resolve({ value: out(queue.shift() as T), done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    ...stopMethods(finish),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** The end of a hand-written async iterator: `return` and `throw` both stop it through `finish`. */
export function stopMethods(finish: () => void) {
  return {
    return(): Promise<IteratorReturnResult<undefined>> {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err?: unknown): Promise<never> {
      finish();
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    },
  };
}
