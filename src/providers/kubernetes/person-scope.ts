import type { Impersonation } from './client.ts';
import type {
  ReadGrant,
  ReadScope,
  ResourceFilter,
  ResourceKind,
  ResourcePlace,
} from '../provider.ts';
import type { KubePermission } from './errors.ts';
import { KIND_BY_NAME } from './kinds.ts';
import type { LearnedRules } from './rbac-reviews.ts';
import { ReviewAnswers, type ReviewTtl } from './review-answers.ts';

// One person's RBAC as learned from their API server (SelfSubjectRulesReview rules), and the
// read scope built on it. KubeAccess (access.ts) learns and refreshes it.

/** One rule of a SelfSubjectRulesReview's resourceRules. */
export interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export const has = (list: string[] | undefined, v: string) =>
  !!list?.some((x) => x === '*' || x === v);

/**
 * Whether one of the rules grants the permission: on every object, or (`name` given) on that
 * object by a rule limited to resourceNames. Without a name only unlimited rules count: a
 * rule naming objects never grants list of the kind.
 */
export function grants(rules: readonly Rule[], p: KubePermission, name?: string): boolean {
  const sub = p.resource.includes('/') ? `*/${p.resource.split('/')[1]}` : undefined;
  return rules.some(
    (r) =>
      (!r.resourceNames?.length || (name !== undefined && r.resourceNames.includes(name))) &&
      has(r.verbs, p.verb) &&
      has(r.apiGroups, p.group) &&
      (has(r.resources, p.resource) || (sub !== undefined && !!r.resources?.includes(sub))),
  );
}

/** The objects of a kind a rule limited to resourceNames lets a person get, by name. */
export function named(rules: readonly Rule[], p: KubePermission): Set<string> {
  const names = new Set<string>();
  for (const r of rules) {
    if (!r.resourceNames?.length || !has(r.verbs, p.verb) || !has(r.apiGroups, p.group)) continue;
    if (has(r.resources, p.resource)) for (const n of r.resourceNames) names.add(n);
  }
  return names;
}

/** What a person may read in one namespace, from its SelfSubjectRulesReview (and reviews). */
export interface NamespaceRules {
  /** Kinds they may list there: by its rules, or (rules incomplete) by a review's answer. */
  kinds: Set<ResourceKind>;
  /** Objects they may get by name only (RBAC resourceNames), of kinds they may not list. */
  named: Map<ResourceKind, Set<string>>;
  rules: Rule[];
  /** The rules review said it could not list everything allowed (a webhook in the chain). */
  incomplete: boolean;
}

/** What a person may do in one cluster, as its API server answered for them. */
export interface ClusterRules {
  /** Kinds the person may list cluster-wide. */
  everywhere: Set<ResourceKind>;
  /**
   * Cluster-scoped objects they may get by name only (a ClusterRole's resourceNames, each
   * confirmed by a SelfSubjectAccessReview naming it), of kinds they may not list.
   */
  named: Map<ResourceKind, Set<string>>;
  /** Namespaced kinds by namespace, from each namespace's SelfSubjectRulesReview. */
  byNamespace: Map<string, NamespaceRules>;
  /** Some namespace's rules review was incomplete: reviews answer beyond the rules. */
  incomplete: boolean;
}

/**
 * One person's view: live (a subscription keeps it and sees re-learned rules), `sees` is two
 * map lookups. A cluster whose rules could not be learned shows nothing (fail closed).
 */
export class PersonScope implements ReadScope {
  key: string;
  rules = new Map<string, ClusterRules>();
  learnedAt = 0;
  /** Every watched cluster answered when the rules were last learned. */
  complete = false;
  usedAt = Date.now();
  learning: Promise<void> | undefined;
  /** The rules generation learned, and the one a change concerning this person asks for. */
  generation = -1;
  wanted = 0;
  /** Each cluster's namespaces' rules reviews, as last learned (kept until RBAC changes). */
  learned = new Map<string, Map<string, LearnedRules>>();
  /** SelfSubjectAccessReviews asked for them, by cluster and attributes (KubeAccess.ask). */
  readonly reviews: ReviewAnswers;
  /** When the first review answer `rules` rest on expires (Infinity: none does); 0: asap. */
  until = Infinity;
  /** Re-asks the reviews at `until` (KubeAccess.schedule). */
  timer: NodeJS.Timeout | undefined;
  private grantsOf: { key: string; list: ReadGrant[] } | undefined;

  readonly person: Impersonation;
  readonly id: string;

  constructor(person: Impersonation, id: string, ttl: ReviewTtl) {
    this.person = person;
    this.id = id;
    this.key = `${id}#-1`;
    this.reviews = new ReviewAnswers(ttl);
  }

  /** Keys of per-filter caches name the rules, not the person's whole state. */
  toJSON(): string {
    return this.key;
  }

  restrict(filter: ResourceFilter): ResourceFilter | null {
    const narrowed = this.narrowed(filter);
    if (!narrowed) return null;
    return this.covers(narrowed) ? narrowed : { ...narrowed, scope: this };
  }

  /**
   * A filter of namespaced kinds narrowed to the namespaces (of those it names, if it names
   * any) where this person may list one of them, so a page walks their objects, not
   * everyone's; null: none.
   */
  private narrowed(filter: ResourceFilter): ResourceFilter | null {
    const kinds = filter.kinds;
    if (!this.complete || !kinds?.length) return filter;
    if (!kinds.every((kind) => KIND_BY_NAME.get(kind)?.namespaced)) return filter;
    const asked = filter.namespaces?.length ? new Set(filter.namespaces) : undefined;
    const namespaces = new Set<string>();
    for (const c of this.rules.values()) {
      for (const kind of kinds) {
        if (c.everywhere.has(kind)) return filter;
        for (const [ns, granted] of c.byNamespace) {
          const some = granted.kinds.has(kind) || granted.named.has(kind);
          if (some && (!asked || asked.has(ns))) namespaces.add(ns);
        }
      }
    }
    return namespaces.size > 0 ? { ...filter, namespaces: [...namespaces] } : null;
  }

  /** Whether it sees every resource of the filter's kinds in its namespaces (no test needed). */
  private covers(filter: ResourceFilter): boolean {
    const kinds = filter.kinds;
    if (!this.complete || !kinds?.length) return false;
    const namespaces = filter.namespaces ?? [];
    const clusters = filter.clusters?.length ? filter.clusters : [...this.rules.keys()];
    return clusters.every((cluster) => {
      const c = this.rules.get(cluster);
      return (
        !!c &&
        kinds.every(
          (kind) =>
            !KIND_BY_NAME.has(kind) ||
            c.everywhere.has(kind) ||
            (namespaces.length > 0 &&
              namespaces.every((ns) => !!c.byNamespace.get(ns)?.kinds.has(kind))),
        )
      );
    });
  }

  sees(r: ResourcePlace): boolean {
    if (r.provider !== 'KUBERNETES') return true;
    const c = this.rules.get(r.cluster);
    if (!c) return false;
    if (c.everywhere.has(r.kind)) return true;
    if (r.namespace === null) return !!c.named.get(r.kind)?.has(r.name);
    const ns = c.byNamespace.get(r.namespace);
    return !!ns && (ns.kinds.has(r.kind) || !!ns.named.get(r.kind)?.has(r.name));
  }

  /** Whether their rules review in the cluster was incomplete (a webhook in the chain). */
  incomplete(cluster: string): boolean {
    return this.rules.get(cluster)?.incomplete === true;
  }

  seesEvery(cluster: string, kind: ResourceKind): boolean {
    return !!this.rules.get(cluster)?.everywhere.has(kind);
  }

  grants(): readonly ReadGrant[] {
    if (this.grantsOf?.key !== this.key) {
      this.grantsOf = { key: this.key, list: grantsOf(this.rules) };
    }
    return this.grantsOf.list;
  }
}

/** Everything rules let a person read, as grants: what `sees` answers, one entry per kind and place. */
export function grantsOf(rules: ReadonlyMap<string, ClusterRules>): ReadGrant[] {
  const list: ReadGrant[] = [];
  for (const [cluster, c] of rules) {
    for (const kind of c.everywhere) list.push({ cluster, kind, namespace: null });
    for (const [kind, names] of c.named) {
      list.push({ cluster, kind, namespace: null, names: [...names] });
    }
    for (const [namespace, g] of c.byNamespace) {
      for (const kind of g.kinds) {
        if (!c.everywhere.has(kind)) list.push({ cluster, kind, namespace });
      }
      for (const [kind, names] of g.named) {
        if (!c.everywhere.has(kind) && !g.kinds.has(kind)) {
          list.push({ cluster, kind, namespace, names: [...names] });
        }
      }
    }
  }
  return list;
}
