// The embedded PostgreSQL (PGlite, WebAssembly) on a thread of its own. A PGlite query runs its
// WebAssembly to the end without yielding: on the main thread a heavy read (a page of 1,000 audit
// events, a full verification) held every request and /health for seconds. Here it holds only
// this thread; src/store/pglite.ts is the other side and keeps the `Database` interface.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';

export interface WorkerInit {
  /** PGlite's data directory. */
  path: string;
  postgresqlconf: string[];
}

/** What the main thread asks; `tx` names a transaction opened by `begin`. */
export type Request =
  | { id: number; op: 'query'; sql: string; params: unknown[] | undefined; tx: number | undefined }
  | { id: number; op: 'exec'; sql: string; tx: number | undefined }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

/**
 * An error as plain data: structured clone keeps only an Error's name, message and stack, and
 * callers read PostgreSQL's fields (`code` 23505, `detail`, `constraint`, …).
 */
export type SerializedError = { message: string } & Record<string, string | number | undefined>;

export type Reply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

export type Startup = { ready: true } | { ready: false; error: SerializedError };

function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { message: String(err) };
  const out: SerializedError = { message: err.message, name: err.name, stack: err.stack };
  for (const [key, value] of Object.entries(err)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  return out;
}

if (!parentPort) throw new Error('pglite-worker.ts runs as a worker thread');
const port: MessagePort = parentPort;
const init = workerData as WorkerInit;

interface OpenTransaction {
  tx: Transaction;
  /** Ends the transaction: true commits, false rolls back. */
  finish: (commit: boolean) => void;
  /** Settles once PGlite has committed or rolled back. */
  done: Promise<void>;
}
const transactions = new Map<number, OpenTransaction>();
let db: PGlite;

/**
 * Opens a transaction with PGlite's own `transaction()`, so that every other caller's
 * statement waits behind it exactly as on one thread; it stays open until `end`.
 */
function begin(id: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let finish!: (commit: boolean) => void;
    const decision = new Promise<boolean>((r) => (finish = r));
    const done: Promise<void> = db.transaction(async (tx) => {
      transactions.set(id, { tx, finish, done });
      resolve(id);
      if (!(await decision)) await tx.rollback();
    });
    // Before the callback ran this is BEGIN failing; after it, `end` reports the outcome.
    done.catch((err: unknown) => {
      if (!transactions.has(id)) reject(err instanceof Error ? err : new Error(String(err)));
    });
  });
}

async function end(txId: number, commit: boolean): Promise<void> {
  const open = transactions.get(txId);
  if (!open) throw new Error('transaction is over');
  open.finish(commit);
  try {
    await open.done;
  } finally {
    transactions.delete(txId);
  }
}

function target(txId: number | undefined): PGlite | Transaction {
  if (txId === undefined) return db;
  const open = transactions.get(txId);
  if (!open) throw new Error('transaction is over');
  return open.tx;
}

async function handle(req: Request): Promise<unknown> {
  switch (req.op) {
    case 'query':
      return (await target(req.tx).query(req.sql, req.params)).rows;
    case 'exec':
      await target(req.tx).exec(req.sql);
      return undefined;
    case 'begin':
      return begin(req.id);
    case 'end':
      return end(req.tx, req.commit);
    case 'close':
      await db.close();
      return undefined;
  }
}

/** A reply that cannot be cloned (it never should) still settles the caller's promise. */
function send(reply: Reply): void {
  try {
    port.postMessage(reply);
  } catch (err) {
    port.postMessage({ id: reply.id, ok: false, error: serializeError(err) } satisfies Reply);
  }
}

try {
  db = await PGlite.create(init.path, { postgresqlconf: init.postgresqlconf });
  port.on('message', (req: Request) => {
    handle(req).then(
      (value) => send({ id: req.id, ok: true, value }),
      (err: unknown) => send({ id: req.id, ok: false, error: serializeError(err) }),
    );
  });
  port.postMessage({ ready: true } satisfies Startup);
} catch (err) {
  // Nothing is left to run: the thread ends after this message.
  port.postMessage({ ready: false, error: serializeError(err) } satisfies Startup);
}
