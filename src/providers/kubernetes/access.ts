import type { Impersonation } from './client.ts';
import { kubeIdentity, type Viewer } from '../../auth/viewer.ts';
import type { Logger } from '../../logger.ts';
import type {
  ActionVerb,
  ReadGrant,
  ReadScope,
  Resource,
  ResourceFilter,
  ResourceKind,
  ResourcePlace,
} from '../provider.ts';
import { apiGroupOf, permissionsFor } from './actions.ts';
import { describePermission, type KubePermission } from './errors.ts';
import { ListWatcher, type CacheSink } from './informer.ts';
import { KIND_BY_NAME, KINDS } from './kinds.ts';
import type { KubernetesProvider } from './provider.ts';
import type { KubeResource } from './store.ts';

const REVIEWS = '/apis/authorization.k8s.io/v1';
/** The RBAC objects whose changes can change what anyone may do. */
const RBAC = ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'];
/** Rules are re-learned at least this often, even if a watch missed a change. */
const MAX_AGE_MS = 5 * 60_000;
/** A person not seen for this long is forgotten (their rules are not kept fresh). */
const IDLE_MS = 15 * 60_000;
/** RBAC changes come in bursts (a Role and its binding): re-learning waits this long. */
const SETTLE_MS = 200;
/** A cluster that could not be asked is asked again after this long. */
const RETRY_MS = 5_000;
/** SelfSubjectRulesReviews in flight at once for one person and cluster. */
const PARALLEL = 8;

interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

const has = (list: string[] | undefined, v: string) => !!list?.some((x) => x === '*' || x === v);

/**
 * Whether one of the rules grants the permission: on every object, or (`name` given) on that
 * object by a rule limited to resourceNames. Without a name only unlimited rules count: a
 * rule naming objects never grants list of the kind.
 */
function grants(rules: readonly Rule[], p: KubePermission, name?: string): boolean {
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
function named(rules: readonly Rule[], p: KubePermission): Set<string> {
  const names = new Set<string>();
  for (const r of rules) {
    if (!r.resourceNames?.length || !has(r.verbs, p.verb) || !has(r.apiGroups, p.group)) continue;
    if (has(r.resources, p.resource)) for (const n of r.resourceNames) names.add(n);
  }
  return names;
}

/** What a person may read in one namespace, from its SelfSubjectRulesReview. */
export interface NamespaceRules {
  /** Kinds they may list there. */
  kinds: Set<ResourceKind>;
  /** Objects they may get by name only (RBAC resourceNames), of kinds they may not list. */
  named: Map<ResourceKind, Set<string>>;
  rules: Rule[];
}

/** What a person may do in one cluster, as its API server answered for them. */
export interface ClusterRules {
  /** Kinds the person may list cluster-wide. */
  everywhere: Set<ResourceKind>;
  /** Namespaced kinds by namespace, from each namespace's SelfSubjectRulesReview. */
  byNamespace: Map<string, NamespaceRules>;
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
  generation = -1;
  /** Cluster-wide SelfSubjectAccessReviews asked for `can` on cluster-scoped kinds. */
  readonly reviews = new Map<string, Promise<boolean>>();
  private grantsOf: { key: string; list: ReadGrant[] } | undefined;

  readonly person: Impersonation;
  readonly id: string;

  constructor(person: Impersonation, id: string) {
    this.person = person;
    this.id = id;
    this.key = `${id}#-1`;
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
    const ns = r.namespace === null ? undefined : c.byNamespace.get(r.namespace);
    return !!ns && (ns.kinds.has(r.kind) || !!ns.named.get(r.kind)?.has(r.name));
  }

  seesWhole(cluster: string): boolean {
    const everywhere = this.rules.get(cluster)?.everywhere;
    return !!everywhere?.has('POD') && everywhere.has('NODE');
  }

  grants(): readonly ReadGrant[] {
    if (this.grantsOf?.key !== this.key) {
      const list: ReadGrant[] = [];
      for (const [cluster, c] of this.rules) {
        for (const kind of c.everywhere) list.push({ cluster, kind, namespace: null });
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
      this.grantsOf = { key: this.key, list };
    }
    return this.grantsOf.list;
  }
}

/**
 * The cluster's RBAC for people under KUBE_IMPERSONATION: what each signed-in person may
 * list (their read scope) and which permission an action would lack. Learned per person with
 * SelfSubjectAccessReviews (cluster-wide list, one per kind) and SelfSubjectRulesReviews (one
 * per namespace) sent as them, kept until a Role, RoleBinding, ClusterRole, ClusterRoleBinding
 * or namespace changes (watched), and at most MAX_AGE_MS. Static tokens and agents are not
 * people: they have no scope (they read and act as the orchestrator).
 */
export class KubeAccess {
  private readonly kube: KubernetesProvider;
  private readonly log: Logger;
  private readonly people = new Map<string, PersonScope>();
  private readonly watchers: ListWatcher[] = [];
  private generation = 0;
  private settle: NodeJS.Timeout | undefined;
  private readonly offNamespaces: () => void;

  constructor(kube: KubernetesProvider, log: Logger) {
    this.kube = kube;
    this.log = log.child({ component: 'kube-access' });
    const sink: CacheSink = { replace: () => this.invalidate(), apply: () => this.invalidate() };
    for (const context of kube.contexts) {
      const client = kube.cluster(context)?.client;
      if (!client) continue;
      for (const plural of RBAC) {
        this.watchers.push(
          new ListWatcher({
            name: `${context}/${plural}`,
            client,
            path: `/apis/rbac.authorization.k8s.io/v1/${plural}`,
            sink,
            log: this.log,
            onChange: () => {},
          }),
        );
      }
    }
    // A new namespace has no rules learned yet; a deleted one frees its entry.
    this.offNamespaces = kube.onEvent((e) => {
      if (e.resource.kind === 'NAMESPACE' && e.type !== 'MODIFIED') this.invalidate();
    });
  }

  start(): void {
    for (const w of this.watchers) w.start();
  }

  async stop(): Promise<void> {
    clearTimeout(this.settle);
    this.offNamespaces();
    await Promise.all(this.watchers.map((w) => w.stop()));
  }

  /** Every person's rules are stale: re-learned shortly (and by any request before that). */
  private invalidate(): void {
    this.generation++;
    this.settle ??= setTimeout(() => {
      this.settle = undefined;
      const now = Date.now();
      for (const [id, p] of this.people) {
        if (now - p.usedAt > IDLE_MS) this.people.delete(id);
        else void this.fresh(p);
      }
    }, SETTLE_MS);
  }

  /** The viewer's read scope; undefined for whoever reads as the orchestrator. */
  async scopeOf(viewer: Viewer): Promise<ReadScope | undefined> {
    const person = kubeIdentity(viewer);
    if (!person) return undefined;
    const id = `${person.user}\n${[...person.groups].sort().join('\n')}`;
    let p = this.people.get(id);
    if (!p) {
      p = new PersonScope(person, id);
      this.people.set(id, p);
    }
    p.usedAt = Date.now();
    await this.fresh(p);
    return p;
  }

  /** Re-learns the person's rules when they are older than the last RBAC change or MAX_AGE_MS. */
  private async fresh(p: PersonScope): Promise<void> {
    while (p.generation !== this.generation || Date.now() - p.learnedAt > MAX_AGE_MS) {
      p.learning ??= this.learn(p).finally(() => (p.learning = undefined));
      await p.learning;
    }
  }

  private async learn(p: PersonScope): Promise<void> {
    const generation = this.generation;
    const rules = new Map<string, ClusterRules>();
    let failed = false;
    await Promise.all(
      this.kube.contexts.map(async (context) => {
        try {
          rules.set(context, await this.learnCluster(p.person, context));
        } catch (err) {
          // Fail closed: nothing of this cluster is shown to them until it answers.
          failed = true;
          this.log.warn({ err, context, user: p.person.user }, 'could not learn RBAC rules');
        }
      }),
    );
    p.rules = rules;
    p.complete = !failed;
    p.reviews.clear();
    // A cluster that did not answer is asked again soon, not after MAX_AGE_MS.
    p.learnedAt = failed ? Date.now() - MAX_AGE_MS + RETRY_MS : Date.now();
    p.generation = generation;
    p.key = `${p.id}#${generation}@${p.learnedAt}`;
  }

  private client(person: Impersonation, context: string) {
    const c = this.kube.cluster(context);
    if (!c) throw new Error(`cluster ${context} is not watched`);
    return c.client.as(person);
  }

  private async review(person: Impersonation, context: string, attrs: object): Promise<boolean> {
    const r = await this.client(person, context).request<{ status?: { allowed?: boolean } }>(
      'POST',
      `${REVIEWS}/selfsubjectaccessreviews`,
      {
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: attrs },
        },
      },
    );
    return r.status?.allowed === true;
  }

  private async learnCluster(person: Impersonation, context: string): Promise<ClusterRules> {
    const everywhere = new Set<ResourceKind>();
    await Promise.all(
      KINDS.map(async (spec) => {
        const attrs = { verb: 'list', group: apiGroupOf(spec), resource: spec.plural };
        if (await this.review(person, context, attrs)) everywhere.add(spec.kind);
      }),
    );
    const byNamespace = new Map<string, NamespaceRules>();
    const namespaces = this.kube.store.ofClusterKind(context, 'NAMESPACE').map((n) => n.name);
    const client = this.client(person, context);
    for (let i = 0; i < namespaces.length; i += PARALLEL) {
      await Promise.all(
        namespaces.slice(i, i + PARALLEL).map(async (namespace) => {
          const r = await client.request<{ status?: { resourceRules?: Rule[] } }>(
            'POST',
            `${REVIEWS}/selfsubjectrulesreviews`,
            {
              body: {
                apiVersion: 'authorization.k8s.io/v1',
                kind: 'SelfSubjectRulesReview',
                spec: { namespace },
              },
            },
          );
          const rules = r.status?.resourceRules ?? [];
          const kinds = new Set<ResourceKind>();
          const byName = new Map<ResourceKind, Set<string>>();
          for (const spec of KINDS) {
            if (!spec.namespaced) continue;
            const p = { verb: 'list', resource: spec.plural, group: apiGroupOf(spec) };
            if (grants(rules, p)) kinds.add(spec.kind);
            else {
              const names = named(rules, { ...p, verb: 'get' });
              if (names.size > 0) byName.set(spec.kind, names);
            }
          }
          byNamespace.set(namespace, { kinds, named: byName, rules });
        }),
      );
    }
    return { everywhere, byNamespace };
  }

  /**
   * The first Kubernetes permission the viewer lacks to run `verb` on the resource, named as
   * the API server's refusal would be (`patch deployments/scale.apps in namespace a`); null when the cluster allows it or does not decide for this viewer (not a person,
   * not a Kubernetes resource, a verb whose manifests decide).
   */
  async missing(viewer: Viewer, r: Resource, verb: ActionVerb): Promise<string | null> {
    if (r.provider !== 'KUBERNETES') return null;
    const needs = permissionsFor(verb, r as KubeResource);
    const scope = needs ? await this.scopeOf(viewer) : undefined;
    if (!needs || !(scope instanceof PersonScope)) return null;
    for (const need of needs) {
      if (!(await this.allows(scope, r, need))) {
        return describePermission(need, r.namespace);
      }
    }
    return null;
  }

  private allows(p: PersonScope, r: Resource, need: KubePermission): Promise<boolean> {
    if (r.namespace !== null) {
      const rules = p.rules.get(r.cluster)?.byNamespace.get(r.namespace)?.rules ?? [];
      return Promise.resolve(grants(rules, need, r.name));
    }
    // Cluster-scoped: the API server's answer for this object, asked once per rules generation.
    const key = `${r.cluster}\n${need.verb}\n${need.group}\n${need.resource}\n${r.name}`;
    let answer = p.reviews.get(key);
    if (!answer) {
      const [resource, subresource] = need.resource.split('/');
      answer = this.review(p.person, r.cluster, {
        verb: need.verb,
        group: need.group,
        resource,
        name: r.name,
        ...(subresource ? { subresource } : {}),
      }).catch(() => false);
      p.reviews.set(key, answer);
    }
    return answer;
  }
}
