/**
 * A bounded async stream for one subscriber. Producers push; when the subscriber is slower
 * than the producer and `max` items are waiting, the OLDEST waiting item is dropped (or, with
 * `key`, an older item with the same key is replaced: conflation). Memory per subscriber is
 * therefore bounded whatever the consumer does (graphql-yoga #3692).
 */
export function boundedStream<T>(
  attach: (push: (item: T) => void) => () => void,
  options: { max: number; key?: (item: T) => string; signal?: AbortSignal },
): AsyncIterableIterator<T> & { dropped: () => number } {
  const queue: T[] = [];
  let waiting: ((r: IteratorResult<T>) => void) | undefined;
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
