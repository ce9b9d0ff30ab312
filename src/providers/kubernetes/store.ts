import { resourceMatcher } from '../filter.ts';
import { equalityPairs, parseLabelSelector } from '../labels.ts';
import type { Resource, ResourceFilter, ResourceKind } from '../provider.ts';
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
   * One namespace's resources of one kind, sorted by id: what a dashboard page asks for
   * (and what `resources` sorts), so it is built once per change of that set, not per query.
   */
  private readonly sortedByNamespaceKind = new Map<string, KubeResource[]>();

  get size(): number {
    return this.byId.size;
  }

  get(id: string): KubeResource | undefined {
    return this.byId.get(id);
  }

  /** Context-scoped uid lookup (owner references carry uids). */
  byUidOf(uid: string): KubeResource | undefined {
    const id = this.byUid.get(uid);
    return id === undefined ? undefined : this.byId.get(id);
  }

  private keys(r: KubeResource): { index: Index; key: string }[] {
    const out: { index: Index; key: string }[] = [
      { index: this.byCluster, key: r.cluster },
      { index: this.byKind, key: r.kind },
      { index: this.byClusterKind, key: k2(r.cluster, r.kind) },
    ];
    if (r.namespace !== null) {
      out.push({ index: this.byNamespace, key: r.namespace });
      out.push({ index: this.byNamespaceKind, key: k2(r.namespace, r.kind) });
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
    if (r.namespace !== null) this.sortedByNamespaceKind.delete(k2(r.namespace, r.kind));
    const prev = this.byId.get(r.id);
    if (prev) this.unindex(prev);
    this.byId.set(r.id, r);
    this.byUid.set(r.object.metadata.uid, r.id);
    for (const { index, key } of this.keys(r)) index.add(key, r.id);
    return prev;
  }

  remove(id: string): KubeResource | undefined {
    const prev = this.byId.get(id);
    if (!prev) return undefined;
    if (prev.namespace !== null) this.sortedByNamespaceKind.delete(k2(prev.namespace, prev.kind));
    this.unindex(prev);
    this.byId.delete(id);
    return prev;
  }

  private unindex(r: KubeResource): void {
    if (this.byUid.get(r.object.metadata.uid) === r.id) this.byUid.delete(r.object.metadata.uid);
    for (const { index, key } of this.keys(r)) index.remove(key, r.id);
  }

  /** Every resource of one kind in one context (for relist diffs). */
  ofClusterKind(cluster: string, kind: ResourceKind): KubeResource[] {
    return this.resolve(this.byClusterKind.get(k2(cluster, kind)));
  }

  ownedBy(uid: string): KubeResource[] {
    return this.resolve(this.byOwner.get(uid));
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

  private sortedOf(namespace: string, kind: ResourceKind): KubeResource[] {
    const key = k2(namespace, kind);
    let sorted = this.sortedByNamespaceKind.get(key);
    if (!sorted) {
      sorted = this.resolve(this.byNamespaceKind.get(key)).sort((a, b) =>
        a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
      );
      this.sortedByNamespaceKind.set(key, sorted);
    }
    return sorted;
  }

  /**
   * The smallest index answer that contains every match, then the full test on that. One
   * namespace and one kind come back already sorted by id.
   */
  list(filter: ResourceFilter): KubeResource[] {
    if (filter.namespaces?.length === 1 && filter.kinds?.length === 1) {
      const matches = resourceMatcher(filter);
      return this.sortedOf(filter.namespaces[0] ?? '', filter.kinds[0] ?? 'POD').filter(matches);
    }
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
    if (filter.labelSelector) {
      for (const [k, v] of equalityPairs(parseLabelSelector(filter.labelSelector))) {
        candidates.push(this.byLabel.get(`${k}=${v}`));
      }
    }
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
