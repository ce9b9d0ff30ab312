import type { ComponentStatus } from '../health.ts';
import { resourceMatcher } from './filter.ts';
import { mergePages, pageOfList, type PageRequest, type ResourcePage } from './paging.ts';
import type { Provider, ReadScope, Resource, ResourceEvent, ResourceFilter } from './provider.ts';

/** All providers behind one face: lookups route by id, lists merge, events fan in. */
export class ProviderRegistry {
  readonly providers: Provider[];

  constructor(providers: Provider[]) {
    this.providers = providers;
  }

  get enabled(): Provider[] {
    return this.providers.filter((p) => p.enabled);
  }

  async start(): Promise<void> {
    await Promise.all(this.enabled.map((p) => p.start()));
  }

  async stop(): Promise<void> {
    await Promise.all(this.enabled.map((p) => p.stop()));
  }

  /**
   * Grows with every change of any enabled provider's cache (a sum of counters that only
   * grow); undefined when one of them has no version (its reads are never kept).
   */
  get version(): number | undefined {
    return this.sum((p) => p.version);
  }

  /** As version, for what failures() returns. */
  get failuresVersion(): number | undefined {
    return this.sum((p) => p.failuresVersion);
  }

  private sum(of: (p: Provider) => number | undefined): number | undefined {
    let sum = 0;
    for (const p of this.enabled) {
      const v = of(p);
      if (v === undefined) return undefined;
      sum += v;
    }
    return sum;
  }

  /** The registry as a viewer with this scope may read it; itself when there is none. */
  seenThrough(scope: ReadScope | undefined): ProviderRegistry {
    return scope ? new ScopedRegistry(this.providers, scope) : this;
  }

  get(id: string): Resource | undefined {
    for (const p of this.enabled) {
      const r = p.get(id);
      if (r) return r;
    }
    return undefined;
  }

  providerOf(resource: Resource): Provider | undefined {
    return this.enabled.find((p) => p.name === resource.provider);
  }

  list(filter: ResourceFilter): Resource[] {
    return this.asked(filter).flatMap((p) => p.list(filter));
  }

  /** The enabled providers the filter's `providers` field allows. */
  private asked(filter: ResourceFilter): Provider[] {
    const wanted = filter.providers;
    return this.enabled.filter((p) => !wanted || wanted.length === 0 || wanted.includes(p.name));
  }

  /** One page of every provider's matches, merged in id order (see paging.ts). */
  page(filter: ResourceFilter, request: PageRequest): ResourcePage {
    return mergePages(
      this.asked(filter).map((p) =>
        p.page ? p.page(filter, request) : pageOfList(p.list(filter), request),
      ),
      request,
    );
  }

  matcher(filter: ResourceFilter): (r: Resource) => boolean {
    return resourceMatcher(filter);
  }

  /** Whether every enabled provider's caches have synced (its picture is complete). */
  synced(): boolean {
    return this.enabled.every((p) => p.notReadyReason() === null);
  }

  failures(): { provider: string; cluster: string; message: string }[] {
    return this.enabled.flatMap((p) => p.failures().map((f) => ({ provider: p.name, ...f })));
  }

  onEvent(listener: (event: ResourceEvent) => void): () => void {
    const offs = this.enabled.map((p) => p.onEvent(listener));
    return () => offs.forEach((off) => off());
  }

  async health(provider: Provider): Promise<ComponentStatus> {
    if (!provider.enabled) return { state: 'DISABLED', message: 'not configured' };
    return provider.health();
  }
}

/**
 * The registry as one viewer may read it: every lookup, list, page and event filter passes
 * the viewer's scope. Built per request for a person under KUBE_IMPERSONATION.
 */
export class ScopedRegistry extends ProviderRegistry {
  private readonly scope: ReadScope;

  constructor(providers: Provider[], scope: ReadScope) {
    super(providers);
    this.scope = scope;
  }

  override get(id: string): Resource | undefined {
    const r = super.get(id);
    return r && this.scope.sees(r) ? r : undefined;
  }

  override list(filter: ResourceFilter): Resource[] {
    const restricted = this.scope.restrict(filter);
    return restricted ? super.list(restricted) : [];
  }

  override page(filter: ResourceFilter, request: PageRequest): ResourcePage {
    const restricted = this.scope.restrict(filter);
    return restricted ? super.page(restricted, request) : pageOfList([], request);
  }

  override matcher(filter: ResourceFilter): (r: Resource) => boolean {
    return super.matcher({ ...filter, scope: this.scope });
  }
}
