import type { CacheSink } from './informer.ts';
import type { KubeEvent, KubeObject } from './types.ts';

const involvedKey = (kind: string, namespace: string, name: string) =>
  `${kind}\u0000${namespace}\u0000${name}`;

export function eventTime(e: KubeEvent): string {
  return (
    e.series?.lastObservedTime ??
    e.lastTimestamp ??
    e.eventTime ??
    e.metadata.creationTimestamp ??
    ''
  );
}

/**
 * The recent core/v1 Events of one context, bounded: a busy cluster writes thousands an
 * hour, and only the latest are worth memory. Indexed by the object they are about.
 */
export class EventCache implements CacheSink {
  private readonly max: number;
  /** Insertion order = recency of the last write, so eviction takes the first entries. */
  private readonly byUid = new Map<string, KubeEvent>();
  private readonly byInvolved = new Map<string, Set<string>>();

  constructor(max = 5000) {
    this.max = max;
  }

  get size(): number {
    return this.byUid.size;
  }

  private key(e: KubeEvent): string {
    const o = e.involvedObject ?? {};
    return involvedKey(o.kind ?? '', o.namespace ?? '', o.name ?? '');
  }

  private add(e: KubeEvent): void {
    this.remove(e.metadata.uid);
    this.byUid.set(e.metadata.uid, e);
    const k = this.key(e);
    let set = this.byInvolved.get(k);
    if (!set) this.byInvolved.set(k, (set = new Set()));
    set.add(e.metadata.uid);
    while (this.byUid.size > this.max) {
      const oldest = this.byUid.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  private remove(uid: string): void {
    const e = this.byUid.get(uid);
    if (!e) return;
    this.byUid.delete(uid);
    const k = this.key(e);
    const set = this.byInvolved.get(k);
    set?.delete(uid);
    if (set?.size === 0) this.byInvolved.delete(k);
  }

  replace(objects: KubeObject[]): void {
    this.byUid.clear();
    this.byInvolved.clear();
    const events = (objects as KubeEvent[]).sort((a, b) => (eventTime(a) < eventTime(b) ? -1 : 1));
    for (const e of events.slice(-this.max)) this.add(e);
  }

  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): void {
    if (type === 'DELETED') this.remove(object.metadata.uid);
    else this.add(object);
  }

  /** Newest first. */
  about(apiKind: string, namespace: string | null, name: string, limit: number): KubeEvent[] {
    const ids = this.byInvolved.get(involvedKey(apiKind, namespace ?? '', name));
    if (!ids) return [];
    const out: KubeEvent[] = [];
    for (const id of ids) {
      const e = this.byUid.get(id);
      if (e) out.push(e);
    }
    out.sort((a, b) => (eventTime(a) < eventTime(b) ? 1 : -1));
    return out.slice(0, limit);
  }
}
