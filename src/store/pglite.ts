import { mkdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Database, Queryable } from './database.ts';
import { acquireDirectoryLock } from './lock.ts';
import type { Reply, Request, SerializedError, Startup, WorkerInit } from './pglite-worker.ts';

/**
 * PostgreSQL's defaults size a server's caches (shared_buffers 128 MB); the embedded store is
 * one process with small tables, and every page it touches stays in its WebAssembly memory
 * (which never shrinks). These keep an idle process near 100 MB smaller (docs/deploy.md).
 */
const PGLITE_CONF = [
  'shared_buffers = 8MB',
  'temp_buffers = 1MB',
  'work_mem = 2MB',
  'maintenance_work_mem = 8MB',
  'wal_buffers = 256kB',
];

/** Rebuilds a worker's error with PostgreSQL's fields (`code`, `detail`, …) on it. */
function toError(data: SerializedError): Error {
  return Object.assign(new Error(data.message), data);
}

/** A request before it is numbered (Omit over each member of the union). */
type Unnumbered<R> = R extends unknown ? Omit<R, 'id'> : never;
type Call = Unnumbered<Request>;

/**
 * The thread's module, beside this one with the same extension: `.ts` from src/, `.js` in the
 * image's bundle (scripts/build-server.ts makes `pglite-worker.js` an entry point of its own).
 */
const WORKER_FILE = new URL(
  `./pglite-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`,
  import.meta.url,
);

/** Request ids, and so transaction ids, never repeat across threads (a restart). */
let nextId = 1;

/** One PGlite thread (src/store/pglite-worker.ts): one request, one reply, matched by id. */
class PgliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: unknown): void }
  >();
  /** Set once the thread is gone or going: every call after it fails with this. */
  failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor(init: WorkerInit, heapMb: number) {
    this.worker = new Worker(WORKER_FILE, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', (m: Startup) => (m.ready ? resolve() : reject(toError(m.error))));
      this.worker.once('exit', (code) => reject(new Error(`PGlite thread exited (code ${code})`)));
    });
    this.ready.then(
      () => this.worker.unref(),
      () => {},
    );
    this.worker.on('message', (m: Reply | Startup) => {
      if (!('id' in m)) return;
      const call = this.pending.get(m.id);
      if (!call) return;
      this.settled(m.id);
      if (m.ok) call.resolve(m.value);
      else call.reject(toError(m.error));
    });
    // Out of memory or an uncaught error ends the thread, not the process ('exit' follows).
    this.worker.on('error', (err: Error) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`PGlite thread exited (code ${code})`)));
  }

  call(req: Call): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      try {
        this.worker.postMessage({ ...req, id });
      } catch (err) {
        // A parameter structured clone cannot copy (a function, a symbol, …).
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      // While a reply is awaited the thread keeps the process alive; idle, it does not.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
    });
  }

  /** Resolves once the thread is gone: PGlite's directory is free for another. */
  async terminate(): Promise<void> {
    this.fail(new Error('database is closed'));
    await this.worker.terminate();
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const [id, call] of this.pending) {
      this.settled(id);
      call.reject(this.failure);
    }
  }
}

/**
 * JavaScript heap of the PGlite thread (its WebAssembly memory is apart). A result that
 * outgrows it ends the thread, not the process: the calls it held fail and the next call
 * starts a new thread on the same directory.
 */
export const PGLITE_THREAD_HEAP_MB = 512;

export async function openPglite(
  dataDir: string,
  heapMb = PGLITE_THREAD_HEAP_MB,
): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  // PGlite is single-process: a second process on the same directory would corrupt it.
  const lock = acquireDirectoryLock(dataDir);
  const start = async (): Promise<PgliteThread> => {
    const started = new PgliteThread(
      { path: `${dataDir}/pglite`, postgresqlconf: PGLITE_CONF },
      heapMb,
    );
    try {
      await started.ready;
      return started;
    } catch (err) {
      await started.terminate();
      throw err;
    }
  };
  let thread: PgliteThread;
  try {
    thread = await start();
  } catch (err) {
    lock.release();
    throw err;
  }
  let closed = false;
  let restart: Promise<void> | null = null;
  const call = async (req: Call): Promise<unknown> => {
    if (closed) throw new Error('database is closed');
    if (thread.failure) {
      // The dead thread must be gone before another opens its directory.
      restart ??= thread
        .terminate()
        .then(start)
        .then((t) => void (thread = t))
        .finally(() => (restart = null));
      await restart;
    }
    return thread.call(req);
  };
  const on = (tx: number | undefined): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await call({ op: 'query', sql, params, tx })) as T[];
    },
    async exec(sql: string) {
      await call({ op: 'exec', sql, tx });
    },
  });
  return {
    kind: 'pglite',
    ...on(undefined),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const tx = (await call({ op: 'begin' })) as number;
      let result: T;
      try {
        result = await fn(on(tx));
      } catch (err) {
        await call({ op: 'end', tx, commit: false }).catch(() => {});
        throw err;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async ping() {
      await call({ op: 'query', sql: 'SELECT 1', params: undefined, tx: undefined });
    },
    async close() {
      if (closed) return;
      closed = true;
      await restart?.catch(() => {});
      // PGlite flushes and shuts down on its thread; a thread that already died is just ended.
      await thread.call({ op: 'close' }).catch(() => {});
      await thread.terminate();
      lock.release();
    },
  };
}
