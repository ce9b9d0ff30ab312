import type { Impersonation } from './client.ts';
import { kubeIdentity, type Viewer } from '../../auth/viewer.ts';
import { ForbiddenError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { ActionVerb, ReadScope, Resource, ResourcePlace } from '../provider.ts';
import { apiGroupOf, permissionsFor } from './actions.ts';
import { describePermission, type KubePermission } from './errors.ts';
import { ListWatcher } from './informer.ts';
import { KIND_BY_NAME } from './kinds.ts';
import { grants, PersonScope, type ClusterRules } from './person-scope.ts';
import type { KubernetesProvider } from './provider.ts';
import { RbacIndex, type Concerned } from './rbac-changes.ts';
import { learnCluster, review } from './rbac-reviews.ts';
import type { KubeResource } from './store.ts';

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

/**
 * The cluster's RBAC for people under KUBE_IMPERSONATION: what each signed-in person may
 * list (their read scope) and which permission an action would lack. Learned per person with
 * reviews sent as them (rbac-reviews.ts), kept until a change of a Role, RoleBinding,
 * ClusterRole or ClusterRoleBinding concerns them (watched; rbac-changes.ts) or a namespace
 * comes or goes, and at most MAX_AGE_MS. Static tokens and agents are not people: they have
 * no scope (they read and act as the orchestrator).
 */
export class KubeAccess {
  private readonly kube: KubernetesProvider;
  private readonly log: Logger;
  private readonly people = new Map<string, PersonScope>();
  private readonly watchers: ListWatcher[] = [];
  /** Grows with every change that makes someone's rules stale. */
  private generation = 0;
  private settle: NodeJS.Timeout | undefined;
  private readonly offNamespaces: () => void;

  constructor(kube: KubernetesProvider, log: Logger) {
    this.kube = kube;
    this.log = log.child({ component: 'kube-access' });
    for (const context of kube.contexts) {
      const client = kube.cluster(context)?.client;
      if (!client) continue;
      const index = new RbacIndex();
      for (const plural of RBAC) {
        this.watchers.push(
          new ListWatcher({
            name: `${context}/${plural}`,
            client,
            path: `/apis/rbac.authorization.k8s.io/v1/${plural}`,
            sink: {
              replace: (objects) => this.invalidate(index.replace(plural, objects)),
              apply: (type, o) => this.invalidate(index.apply(plural, type, o)),
            },
            log: this.log,
            onChange: () => {},
          }),
        );
      }
    }
    // A new namespace has no rules learned yet; a deleted one frees its entry.
    this.offNamespaces = kube.onEvent((e) => {
      if (e.resource.kind === 'NAMESPACE' && e.type !== 'MODIFIED') this.invalidate('everyone');
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

  /** The concerned people's rules are stale: re-learned shortly (and by any request before that). */
  private invalidate(concerned: Concerned): void {
    let stale = false;
    for (const p of this.people.values()) {
      if (concerned === 'everyone' || concerned(p.person)) {
        p.wanted = this.generation + 1;
        stale = true;
      }
    }
    if (!stale) return;
    this.generation++;
    this.settle ??= setTimeout(() => {
      this.settle = undefined;
      const now = Date.now();
      for (const [id, p] of this.people) {
        if (now - p.usedAt > IDLE_MS) this.people.delete(id);
        else if (p.generation < p.wanted) void this.fresh(p);
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

  /** Re-learns the person's rules when a change concerned them since, or after MAX_AGE_MS. */
  private async fresh(p: PersonScope): Promise<void> {
    while (p.generation < p.wanted || Date.now() - p.learnedAt > MAX_AGE_MS) {
      p.learning ??= this.learn(p).finally(() => (p.learning = undefined));
      await p.learning;
    }
  }

  private async learn(p: PersonScope): Promise<void> {
    const generation = Math.max(p.wanted, 0);
    const rules = new Map<string, ClusterRules>();
    let failed = false;
    await Promise.all(
      this.kube.contexts.map(async (context) => {
        try {
          const namespaces = this.kube.store.ofClusterKind(context, 'NAMESPACE').map((n) => n.name);
          rules.set(context, await learnCluster(this.client(p.person, context), namespaces));
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

  /**
   * Why the viewer may not read what an id names, for a decision about it (rejecting advice):
   * a ForbiddenError naming the list permission that would show it; null when they may (or
   * are not a person, or it is not a Kubernetes object).
   */
  async unreadable(
    viewer: Viewer,
    place: ResourcePlace,
    what: string,
  ): Promise<ForbiddenError | null> {
    const scope = await this.scopeOf(viewer);
    const spec = KIND_BY_NAME.get(place.kind);
    if (!scope || !spec || scope.sees(place)) return null;
    const permission = describePermission(
      { verb: 'list', resource: spec.plural, group: apiGroupOf(spec) },
      place.namespace,
    );
    return new ForbiddenError(
      `${what}: the RBAC of cluster ${place.cluster} does not let ${viewer.name} ${permission}, so ${place.kind.toLowerCase()} ${place.namespace ? `${place.namespace}/` : ''}${place.name} is not theirs to read`,
      { permission },
    );
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
      answer = review(this.client(p.person, r.cluster), {
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
