import type { Logger } from '../../logger.ts';
import { KubeApiError, type KubeClient } from './client.ts';
import { slim } from './kinds.ts';
import type { KubeObject, ListResponse } from './types.ts';

/** Where a list-watch loop delivers objects. */
export interface CacheSink {
  /** The complete set after a (re)list; the sink works out and announces the differences. */
  replace(objects: KubeObject[]): void;
  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): void;
}

export interface WatcherTuning {
  listLimit: number;
  /** The server ends each watch after this long (plus jitter); we resume from the last rv. */
  watchTimeoutSeconds: number;
  /** A watch with no byte (event or bookmark) for this long past its timeout is cut. */
  watchdogGraceMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_TUNING: WatcherTuning = {
  listLimit: 500,
  watchTimeoutSeconds: 60,
  watchdogGraceMs: 30_000,
  backoffMinMs: 500,
  backoffMaxMs: 30_000,
};

class GoneError extends Error {}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });

/**
 * List then watch one collection of one context, forever: resume from the last
 * resourceVersion (bookmarks keep it fresh), relist on 410 Gone, back off on failures, and
 * cut a watch that went silent. The informer in @kubernetes/client-node copies its whole
 * cache on every list(); this loop feeds our own indexed store instead.
 */
export class ListWatcher {
  readonly name: string;
  private readonly client: KubeClient;
  private readonly path: string;
  private readonly sink: CacheSink;
  private readonly log: Logger;
  private readonly onChange: () => void;
  private readonly tuning: WatcherTuning;
  private readonly stopper = new AbortController();
  private rv: string | undefined;
  private backoff: number;
  private loop: Promise<void> | undefined;
  /** The initial list completed (stays true through later outages: the cache still serves). */
  synced = false;
  /** Why the last attempt failed; null while listing/watching works. */
  error: string | null = null;
  /** 403/404: this identity may not list this kind, or the cluster does not serve it. */
  denied = false;
  lists = 0;

  constructor(opts: {
    name: string;
    client: KubeClient;
    path: string;
    sink: CacheSink;
    log: Logger;
    onChange: () => void;
    tuning?: Partial<WatcherTuning>;
  }) {
    this.name = opts.name;
    this.client = opts.client;
    this.path = opts.path;
    this.sink = opts.sink;
    this.log = opts.log;
    this.onChange = opts.onChange;
    this.tuning = { ...DEFAULT_TUNING, ...opts.tuning };
    this.backoff = this.tuning.backoffMinMs;
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    await this.loop;
  }

  private setError(error: string | null, denied = false): void {
    if (this.error === error && this.denied === denied) return;
    this.error = error;
    this.denied = denied;
    this.onChange();
  }

  private async run(): Promise<void> {
    const signal = this.stopper.signal;
    while (!signal.aborted) {
      try {
        if (this.rv === undefined) await this.list();
        await this.watchOnce();
        this.backoff = this.tuning.backoffMinMs;
      } catch (err) {
        if (signal.aborted) break;
        if (err instanceof GoneError) {
          this.log.info({ watcher: this.name }, 'resourceVersion too old (410): relisting');
          this.rv = undefined;
          continue;
        }
        const status = err instanceof KubeApiError ? err.status : 0;
        const denied = status === 403 || status === 404;
        const message = (err as Error).message;
        this.setError(message, denied);
        if (denied && !this.synced) {
          // Nothing to serve for this kind; readiness must not wait for it.
          this.synced = true;
          this.onChange();
        }
        this.log.warn({ watcher: this.name, status, err: message }, 'list/watch failed; retrying');
        const wait = denied ? this.tuning.backoffMaxMs : this.backoff;
        this.backoff = Math.min(this.backoff * 2, this.tuning.backoffMaxMs);
        await sleep(wait * (0.8 + Math.random() * 0.4), signal);
      }
    }
  }

  /** A paginated list; an expired continue token (410) starts the list over. */
  private async list(): Promise<void> {
    const items: KubeObject[] = [];
    let cont: string | undefined;
    let rv: string | undefined;
    do {
      let page: ListResponse<KubeObject>;
      try {
        page = await this.client.request<ListResponse<KubeObject>>('GET', this.path, {
          query: { limit: this.tuning.listLimit, continue: cont },
          signal: this.stopper.signal,
          timeoutMs: 60_000,
        });
      } catch (err) {
        if (err instanceof KubeApiError && err.status === 410 && cont) {
          items.length = 0;
          cont = undefined;
          continue;
        }
        throw err;
      }
      for (const item of page.items) items.push(slim(item));
      cont = page.metadata.continue || undefined;
      rv = page.metadata.resourceVersion;
    } while (cont);
    this.sink.replace(items);
    this.rv = rv;
    this.lists++;
    const first = !this.synced;
    this.synced = true;
    this.setError(null);
    if (first) this.onChange();
  }

  private async watchOnce(): Promise<void> {
    const timeoutSeconds = this.tuning.watchTimeoutSeconds + Math.floor(Math.random() * 10);
    const ac = new AbortController();
    const onStop = () => ac.abort();
    this.stopper.signal.addEventListener('abort', onStop);
    let last = Date.now();
    let silent = false;
    // The server closes the watch at timeoutSeconds; past that plus grace with no byte, the
    // connection is dead in a way TCP did not tell us (a frozen server, a lost route).
    const watchdog = setInterval(() => {
      if (Date.now() - last > timeoutSeconds * 1000 + this.tuning.watchdogGraceMs) {
        silent = true;
        ac.abort();
      }
    }, 1000);
    watchdog.unref();
    try {
      await this.client.watch(
        this.path,
        { allowWatchBookmarks: true, resourceVersion: this.rv, timeoutSeconds },
        (event) => {
          last = Date.now();
          const obj = event.object as KubeObject & { code?: number; message?: string };
          if (event.type === 'ERROR') {
            if (obj.code === 410) throw new GoneError(obj.message);
            throw new KubeApiError(obj.code ?? 500, JSON.stringify(obj));
          }
          const rv = obj.metadata?.resourceVersion;
          if (event.type !== 'BOOKMARK') {
            this.sink.apply(event.type as 'ADDED' | 'MODIFIED' | 'DELETED', slim(obj));
          }
          if (rv) this.rv = rv;
        },
        ac.signal,
        () => this.setError(null),
      );
    } catch (err) {
      if (silent) {
        throw new Error(`watch silent for more than ${timeoutSeconds}s: cut by the watchdog`, {
          cause: err,
        });
      }
      throw err;
    } finally {
      clearInterval(watchdog);
      this.stopper.signal.removeEventListener('abort', onStop);
    }
  }
}
