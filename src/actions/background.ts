/**
 * Thrown by a provider's long part when the process is shutting down: it stops where it is,
 * puts nothing back, and its audit event stays PENDING for the reconciler of the next start.
 */
export class ShutdownInterrupt extends Error {
  constructor() {
    super('interrupted by shutdown');
  }
}

/** Throws ShutdownInterrupt once `signal` has aborted. */
export function throwIfShuttingDown(signal: AbortSignal): void {
  if (signal.aborted) throw new ShutdownInterrupt();
}

/**
 * The long parts of actions (waiting for an instance to stop, …) running after their mutation
 * answered, keyed by audit event id: awaited at shutdown for a grace period, then told to stop.
 */
export class BackgroundWork {
  private readonly running = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();

  get size(): number {
    return this.running.size;
  }

  has(id: string): boolean {
    return this.running.has(id);
  }

  /** Starts `work` unless one runs for `id` already (or shutdown has begun); never rejects. */
  run(id: string, work: (signal: AbortSignal) => Promise<void>): boolean {
    if (this.running.has(id) || this.abort.signal.aborted) return false;
    const done = work(this.abort.signal)
      .catch(() => undefined)
      .finally(() => this.running.delete(id));
    this.running.set(id, done);
    return true;
  }

  /**
   * Waits up to `graceMs` for the running work, then aborts what is left and waits for it to
   * stop (each part checks its signal between provider calls). Returns the ids left PENDING.
   */
  async drain(graceMs: number): Promise<string[]> {
    const all = () => Promise.all(this.running.values());
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all(), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    const left = [...this.running.keys()];
    this.abort.abort();
    await all();
    return left;
  }
}
