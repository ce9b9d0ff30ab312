import type { Logger } from '../../logger.ts';
import type { ResourceEvent, ResourceEventType } from '../provider.ts';
import type { KubeClient } from './client.ts';
import { EventCache } from './events.ts';
import { STORAGE_CLASSES_PATH, StorageClassCache } from './storage-classes.ts';
import { ListWatcher, type CacheSink, type WatcherTuning } from './informer.ts';
import { collectionPath, KINDS, toResource, type KindSpec } from './kinds.ts';
import type { ResourceStore } from './store.ts';
import type { KubeObject } from './types.ts';

/** Feeds one kind of one context into the shared store and announces what changed. */
export class StoreSink implements CacheSink {
  private readonly context: string;
  private readonly spec: KindSpec;
  private readonly store: ResourceStore;
  private readonly emit: (e: ResourceEvent) => void;

  constructor(
    context: string,
    spec: KindSpec,
    store: ResourceStore,
    emit: (e: ResourceEvent) => void,
  ) {
    this.context = context;
    this.spec = spec;
    this.store = store;
    this.emit = emit;
  }

  private announce(type: ResourceEventType, resource: ResourceEvent['resource']): void {
    this.emit({ type, resource, timestamp: new Date().toISOString() });
  }

  /** After a relist only the differences go out: no flood of ADDED, no missed DELETED. */
  replace(objects: KubeObject[]): void {
    const seen = new Set<string>();
    for (const obj of objects) {
      const r = toResource(this.context, this.spec, obj);
      seen.add(r.id);
      const prev = this.store.get(r.id);
      if (
        prev &&
        prev.object.metadata.resourceVersion === obj.metadata.resourceVersion &&
        prev.object.metadata.uid === obj.metadata.uid
      ) {
        continue;
      }
      this.store.put(r);
      this.announce(prev ? 'MODIFIED' : 'ADDED', r);
    }
    for (const r of this.store.ofClusterKind(this.context, this.spec.kind)) {
      if (!seen.has(r.id)) {
        this.store.remove(r.id);
        this.announce('DELETED', r);
      }
    }
  }

  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void {
    const r = toResource(this.context, this.spec, obj);
    if (type === 'DELETED') {
      if (this.store.remove(r.id)) this.announce('DELETED', r);
      return;
    }
    const prev = this.store.put(r);
    this.announce(prev ? 'MODIFIED' : 'ADDED', r);
  }
}

/** The watch caches of one kubeconfig context: one list-watch loop per kind, plus events. */
export class ClusterCache {
  readonly client: KubeClient;
  readonly events = new EventCache();
  readonly storageClasses = new StorageClassCache();
  readonly watchers: ListWatcher[];
  private readonly eventWatcher: ListWatcher;

  constructor(opts: {
    client: KubeClient;
    store: ResourceStore;
    emit: (e: ResourceEvent) => void;
    /** A watcher's error or sync state changed (called in the same turn). */
    onChange: () => void;
    log: Logger;
    tuning?: Partial<WatcherTuning> | undefined;
  }) {
    this.client = opts.client;
    const context = opts.client.context;
    const log = opts.log.child({ context });
    const common = {
      client: opts.client,
      log,
      onChange: opts.onChange,
      tuning: opts.tuning ?? {},
    };
    this.watchers = KINDS.map(
      (spec) =>
        new ListWatcher({
          ...common,
          name: `${context}/${spec.plural}`,
          path: collectionPath(spec),
          sink: new StoreSink(context, spec, opts.store, opts.emit),
        }),
    );
    this.eventWatcher = new ListWatcher({
      ...common,
      name: `${context}/events`,
      path: '/api/v1/events',
      sink: this.events,
    });
    this.watchers.push(this.eventWatcher);
    this.watchers.push(
      new ListWatcher({
        ...common,
        name: `${context}/storageclasses`,
        path: STORAGE_CLASSES_PATH,
        sink: this.storageClasses,
      }),
    );
  }

  get context(): string {
    return this.client.context;
  }

  start(): void {
    for (const w of this.watchers) w.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.watchers.map((w) => w.stop()));
    this.client.close();
  }

  /** Why the context is unreachable, or null. A kind we may not list does not make it so. */
  down(): string | null {
    const failing = this.watchers.filter((w) => w.error !== null && !w.denied);
    return failing.length > 0 ? (failing[0]?.error ?? null) : null;
  }

  /** Kinds whose initial list has not completed. */
  pending(): string[] {
    return this.watchers.filter((w) => !w.synced).map((w) => w.name.slice(this.context.length + 1));
  }

  problems(): string[] {
    const down = this.down();
    const denied = this.watchers
      .filter((w) => w.denied)
      .map((w) => `${w.name.slice(this.context.length + 1)}: ${w.error}`);
    return [...(down ? [`unreachable: ${down}`] : []), ...denied];
  }

  /** How many lists each loop did: 1 each means no relist happened. */
  listCounts(): Record<string, number> {
    return Object.fromEntries(this.watchers.map((w) => [w.name, w.lists]));
  }
}
