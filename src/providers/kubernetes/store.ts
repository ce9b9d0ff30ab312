import { residualMatcher, resourceMatcher } from '../filter.ts';
import { equalityPairs, parseLabelSelector } from '../labels.ts';
import {
  countMatches,
  pageOfList,
  pageOfSorted,
  type PageRequest,
  type ResourcePage,
} from '../paging.ts';
import type { Resource, ResourceFilter, ResourceKind } from '../provider.ts';
import { SortedViews } from './sorted.ts';
import type { KubeObject, Pod } from './types.ts';

export type KubeResource = Resource<KubeObject>;

/** A map of string to id-set that drops empty sets, so it never grows with churn. */
class Index {
  private readonly map = new Map<string, Set<string>>();
  add(key: string, id: string): void {
    let set = this.map.get(key);
    if (!set) this.map.set(key, (set = new Set()));
    set.add(id);
  }
  remove(key: string, id: string): void {
    const set = this.map.get(key);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) this.map.delete(key);
  }
  get(key: string): ReadonlySet<string> {
    return this.map.get(key) ?? EMPTY_SET;
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** One index entry of a resource, with the sorted views of that index when it has them. */
interface Key {
  index: Index;
  key: string;
  sorted?: SortedViews<KubeResource>;
}
const k2 = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * Every cached Kubernetes resource of every context, with the indexes that let a query touch
 * only what it asks for: by id, cluster, kind, namespace(+kind), owner uid, node and label.
 */
export class ResourceStore {
  private readonly byId = new Map<string, KubeResource>();
  private readonly byUid = new Map<string, string>();
  private readonly byCluster = new Index();
  private readonly byKind = new Index();
  private readonly byNamespace = new Index();
  private readonly byNamespaceKind = new Index();
  private readonly byClusterKind = new Index();
  private readonly byOwner = new Index();
  private readonly byNode = new Index();
  private readonly byLabel = new Index();
  /**
   * Id-ordered views of the indexes a page is cut from: one namespace's resources of one kind
   * (the dashboard's page), one kind, one namespace, everything. Kept current by put/remove
   * once a query has asked for them.
   */
  private readonly sortedByNamespaceKind = this.sortedViewsOf(this.byNamespaceKind);
  private readonly sortedByKind = this.sortedViewsOf(this.byKind);
  private readonly sortedByNamespace = this.sortedViewsOf(this.byNamespace);
  private readonly sortedAll = new SortedViews<KubeResource>(() => this.byId.values());
  /**
   * Nodes by context, then name: a pod names its node, and a lookup by those two strings
   * (whose hashes they carry) avoids building and hashing an id per pod of a page.
   */
  private readonly nodes = new Map<string, Map<string, KubeResource>>();
  /** Bumped by every change; totalCounts of filtered pages are cached per version. */
  private changes = 0;
  private readonly counts = new Map<string, { version: number; count: number }>();

  private sortedViewsOf(index: Index): SortedViews<KubeResource> {
    return new SortedViews((key) => this.resolve(index.get(key)));
  }

  get size(): number {
    return this.byId.size;
  }

  /** Grows with every put and remove: two equal readings saw the same contents. */
  get version(): number {
    return this.changes;
  }

  get(id: string): KubeResource | undefined {
    return this.byId.get(id);
  }

  /** Context-scoped uid lookup (owner references carry uids). */
  byUidOf(uid: string): KubeResource | undefined {
    const id = this.byUid.get(uid);
    return id === undefined ? undefined : this.byId.get(id);
  }

  private keys(r: KubeResource): Key[] {
    const out: Key[] = [
      { index: this.byCluster, key: r.cluster },
      { index: this.byKind, key: r.kind, sorted: this.sortedByKind },
      { index: this.byClusterKind, key: k2(r.cluster, r.kind) },
    ];
    if (r.namespace !== null) {
      out.push({ index: this.byNamespace, key: r.namespace, sorted: this.sortedByNamespace });
      out.push({
        index: this.byNamespaceKind,
        key: k2(r.namespace, r.kind),
        sorted: this.sortedByNamespaceKind,
      });
    }
    for (const o of r.object.metadata.ownerReferences ?? [])
      out.push({ index: this.byOwner, key: o.uid });
    const node = r.kind === 'POD' ? (r.object as Pod).spec?.nodeName : undefined;
    if (node) out.push({ index: this.byNode, key: k2(r.cluster, node) });
    for (const [k, v] of Object.entries(r.labels))
      out.push({ index: this.byLabel, key: `${k}=${v}` });
    return out;
  }

  /** Inserts or replaces; returns the previous version. */
  put(r: KubeResource): KubeResource | undefined {
    this.changes++;
    const prev = this.byId.get(r.id);
    const keys = this.keys(r);
    if (prev) this.unindex(prev, keys);
    this.byId.set(r.id, r);
    this.byUid.set(r.object.metadata.uid, r.id);
    for (const { index, key, sorted } of keys) {
      index.add(key, r.id);
      sorted?.add(key, r); // replaces in place when the key did not change
    }
    this.sortedAll.add('', r);
    if (r.kind === 'NODE') {
      let named = this.nodes.get(r.cluster);
      if (!named) this.nodes.set(r.cluster, (named = new Map<string, KubeResource>()));
      named.set(r.name, r);
    }
    return prev;
  }

  remove(id: string): KubeResource | undefined {
    const prev = this.byId.get(id);
    if (!prev) return undefined;
    this.changes++;
    this.unindex(prev, []);
    this.sortedAll.remove('', id);
    this.byId.delete(id);
    if (prev.kind === 'NODE') {
      const named = this.nodes.get(prev.cluster);
      named?.delete(prev.name);
      if (named?.size === 0) this.nodes.delete(prev.cluster);
    }
    return prev;
  }

  /** Drops `r` from the indexes, and from the sorted views of keys `next` does not keep. */
  private unindex(r: KubeResource, next: Key[]): void {
    if (this.byUid.get(r.object.metadata.uid) === r.id) this.byUid.delete(r.object.metadata.uid);
    for (const { index, key, sorted } of this.keys(r)) {
      index.remove(key, r.id);
      if (sorted && !next.some((n) => n.sorted === sorted && n.key === key))
        sorted.remove(key, r.id);
    }
  }

  /** Every resource of one kind in one context (for relist diffs). */
  ofClusterKind(cluster: string, kind: ResourceKind): KubeResource[] {
    return this.resolve(this.byClusterKind.get(k2(cluster, kind)));
  }

  ownedBy(uid: string): KubeResource[] {
    return this.resolve(this.byOwner.get(uid));
  }

  /** The node of that name in that context. */
  node(cluster: string, name: string): KubeResource | undefined {
    return this.nodes.get(cluster)?.get(name);
  }

  podsOnNode(cluster: string, node: string): KubeResource[] {
    return this.resolve(this.byNode.get(k2(cluster, node)));
  }

  private resolve(ids: ReadonlySet<string>): KubeResource[] {
    const out: KubeResource[] = [];
    for (const id of ids) {
      const r = this.byId.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  /**
   * Disjoint id-ordered views whose union holds every match of the filter's namespaces and
   * kinds, and which of those fields the views answer exactly.
   */
  private sortedSources(filter: ResourceFilter): {
    lists: (readonly KubeResource[])[];
    answered: (keyof ResourceFilter)[];
  } {
    const kinds = filter.kinds?.length ? [...new Set(filter.kinds)] : undefined;
    const namespaces = filter.namespaces?.length ? [...new Set(filter.namespaces)] : undefined;
    if (namespaces && kinds) {
      return {
        lists: namespaces.flatMap((ns) =>
          kinds.map((k) => this.sortedByNamespaceKind.get(k2(ns, k))),
        ),
        answered: ['namespaces', 'kinds'],
      };
    }
    if (namespaces)
      return {
        lists: namespaces.map((ns) => this.sortedByNamespace.get(ns)),
        answered: ['namespaces'],
      };
    if (kinds) return { lists: kinds.map((k) => this.sortedByKind.get(k)), answered: ['kinds'] };
    return { lists: [this.sortedAll.get('')], answered: [] };
  }

  /**
   * One page of the filter's matches in id order, cut from the sorted views: the `after`
   * cursor is found by binary search and the walk stops after `first` matches. A filter on
   * namespaces and kinds alone counts by the views' lengths; any other filter's count is one
   * walk, cached until the store changes. When an equality label selector names far fewer
   * resources than the views hold, those are listed and sorted instead.
   */
  page(filter: ResourceFilter, request: PageRequest): ResourcePage<KubeResource> {
    const { lists, answered } = this.sortedSources(filter);
    const residual = residualMatcher(filter, answered);
    if (!residual) return pageOfSorted(lists, null, request);
    const size = lists.reduce((n, l) => n + l.length, 0);
    const labelled = this.labelCandidates(filter);
    if (labelled && labelled.size * 8 < size) return pageOfList(this.list(filter), request);
    return pageOfSorted(lists, residual, request, () => {
      // A scope is a live object: its key names the rules it holds now.
      const key = JSON.stringify({ ...filter, scope: filter.scope?.key });
      const cached = this.counts.get(key);
      if (cached?.version === this.changes) return cached.count;
      const count = countMatches(lists, residual);
      if (this.counts.size >= 256) this.counts.clear();
      this.counts.set(key, { version: this.changes, count });
      return count;
    });
  }

  /** The smallest set of ids an equality requirement of the label selector allows. */
  private labelCandidates(filter: ResourceFilter): ReadonlySet<string> | undefined {
    if (!filter.labelSelector) return undefined;
    let smallest: ReadonlySet<string> | undefined;
    for (const [k, v] of equalityPairs(parseLabelSelector(filter.labelSelector))) {
      const ids = this.byLabel.get(`${k}=${v}`);
      if (!smallest || ids.size < smallest.size) smallest = ids;
    }
    return smallest;
  }

  /** The smallest index answer that contains every match, then the full test on that. */
  list(filter: ResourceFilter): KubeResource[] {
    const candidates: ReadonlySet<string>[] = [];
    const union = (sets: ReadonlySet<string>[]): ReadonlySet<string> => {
      if (sets.length === 1) return sets[0] ?? EMPTY_SET;
      const u = new Set<string>();
      for (const s of sets) for (const id of s) u.add(id);
      return u;
    };
    const kinds = filter.kinds?.length ? filter.kinds : undefined;
    const namespaces = filter.namespaces?.length ? filter.namespaces : undefined;
    if (namespaces && kinds) {
      candidates.push(
        union(namespaces.flatMap((ns) => kinds.map((k) => this.byNamespaceKind.get(k2(ns, k))))),
      );
    } else if (namespaces) {
      candidates.push(union(namespaces.map((ns) => this.byNamespace.get(ns))));
    } else if (kinds) {
      candidates.push(union(kinds.map((k) => this.byKind.get(k))));
    }
    if (filter.clusters?.length)
      candidates.push(union(filter.clusters.map((c) => this.byCluster.get(c))));
    const labelled = this.labelCandidates(filter);
    if (labelled) candidates.push(labelled);
    const matches = resourceMatcher(filter);
    if (candidates.length === 0) return [...this.byId.values()].filter(matches);
    let smallest = candidates[0] ?? EMPTY_SET;
    for (const c of candidates) if (c.size < smallest.size) smallest = c;
    const out: KubeResource[] = [];
    for (const id of smallest) {
      const r = this.byId.get(id);
      if (r && matches(r)) out.push(r);
    }
    return out;
  }
}
