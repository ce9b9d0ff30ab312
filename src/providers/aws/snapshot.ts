import type { Logger } from '../../logger.ts';
import { resourceMatcher } from '../filter.ts';
import type { Resource, ResourceEvent, ResourceFilter } from '../provider.ts';
import { fingerprint, type AwsKind } from './model.ts';

/** One region's resources of one kind: what one poll lists as a whole. */
export type SliceKey = `${string}/${AwsKind}`;

/**
 * What the AWS provider last read, kept in memory per region and kind: it takes whole polled
 * slices and single refreshed resources, and publishes the differences as resource events
 * (a change in substance only, and never an older poll over a newer refresh).
 */
export class AwsSnapshot {
  private readonly slices = new Map<SliceKey, Map<string, Resource>>();
  private readonly byId = new Map<string, Resource>();
  /** Every applied poll or refresh: each replaces a slice and its objects, changed or not. */
  private changes = 0;
  private readonly fingerprints = new Map<string, string>();
  /** When a single-resource refresh last read each id; older poll data must not overwrite it. */
  private readonly touchedAt = new Map<string, number>();
  private readonly listeners = new Set<(e: ResourceEvent) => void>();
  private readonly log: Logger;

  constructor(log: Logger) {
    this.log = log;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Grows with every change of what get and list return. */
  get version(): number {
    return this.changes;
  }

  get(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  /** The resources of these slices that pass the filter, slice by slice in the order given. */
  list(keys: SliceKey[], filter: ResourceFilter): Resource[] {
    const matches = resourceMatcher(filter);
    const out: Resource[] = [];
    for (const key of keys) {
      for (const r of this.slices.get(key)?.values() ?? []) if (matches(r)) out.push(r);
    }
    return out;
  }

  onEvent(listener: (event: ResourceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A poll's whole listing of one slice, begun at `startedAt`. */
  applySlice(key: SliceKey, list: Resource[], startedAt: number): void {
    this.changes++;
    const old = this.slices.get(key) ?? new Map<string, Resource>();
    const next = new Map<string, Resource>();
    for (const r of list) next.set(r.id, r);
    for (const id of new Set([...old.keys(), ...next.keys()])) {
      if ((this.touchedAt.get(id) ?? 0) > startedAt) {
        // A refresh read this resource after the poll's listing began: its answer is newer.
        const current = this.byId.get(id);
        if (current) next.set(id, current);
        else next.delete(id);
        continue;
      }
      this.record(id, next.get(id));
    }
    this.slices.set(key, next);
  }

  /** One resource as a refresh begun at `startedAt` read it (undefined: it is gone). */
  applyOne(key: SliceKey, id: string, fresh: Resource | undefined, startedAt: number): void {
    this.changes++;
    this.touchedAt.set(id, startedAt);
    const slice = this.slices.get(key) ?? new Map<string, Resource>();
    if (fresh) slice.set(id, fresh);
    else slice.delete(id);
    this.slices.set(key, slice);
    this.record(id, fresh);
  }

  /** Puts one resource's latest state into the cache and publishes what changed. */
  private record(id: string, current: Resource | undefined): void {
    const previous = this.byId.get(id);
    const timestamp = new Date().toISOString();
    if (!current) {
      if (!previous) return;
      this.byId.delete(id);
      this.fingerprints.delete(id);
      this.emit({ type: 'DELETED', resource: previous, timestamp });
      return;
    }
    const print = fingerprint(current);
    // Same in substance: keep the newest object (its clocks are current) but publish nothing.
    this.byId.set(id, current);
    if (previous && this.fingerprints.get(id) === print) return;
    this.fingerprints.set(id, print);
    this.emit({ type: previous ? 'MODIFIED' : 'ADDED', resource: current, timestamp });
  }

  private emit(event: ResourceEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.log.error({ err }, 'resource event listener failed');
      }
    }
  }
}
