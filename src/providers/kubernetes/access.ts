import type { Impersonation } from './client.ts';
import { kubeIdentity, type Viewer } from '../../auth/viewer.ts';
import { ForbiddenError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { ActionVerb, Resource, ResourcePlace } from '../provider.ts';
import { apiGroupOf, permissionsFor } from './actions.ts';
import { describePermission, refuser, type KubePermission } from './errors.ts';
import { ListWatcher } from './informer.ts';
import { KIND_BY_NAME } from './kinds.ts';
import { grants, grantsOf, PersonScope, type ClusterRules } from './person-scope.ts';
import type { KubernetesProvider } from './provider.ts';
import { RbacIndex, type Concerned } from './rbac-changes.ts';
import {
  clusterRules,
  learnRules,
  review,
  type Decision,
  type LearnedRules,
  type ReviewAttributes,
} from './rbac-reviews.ts';
import type { ReviewTtl } from './review-answers.ts';
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
 * Review answers expiring within this of each other are renewed in one round (not one round
 * each), and rounds are at least this far apart (a slow API server).
 */
const ROUND_MS = 1_000;

/** A Kubernetes permission the viewer lacks, and who refuses it, for `permissions`. */
export interface Refusal {
  permission: string;
  reason: string;
}

/** The key of a person's state: who they are to Kubernetes, groups in any order. */
const personId = (person: Impersonation) =>
  `${person.user}\n${[...person.groups].sort().join('\n')}`;

/** What rules show, order aside: equal for two rounds of reviews that changed nothing. */
function signature(rules: ReadonlyMap<string, ClusterRules>): string {
  return grantsOf(rules)
    .map((g) => `${g.cluster} ${g.kind} ${g.namespace ?? ''} ${[...(g.names ?? [])].sort().join()}`)
    .sort()
    .join('\n');
}

/**
 * The cluster's authorization for people under KUBE_IMPERSONATION: what each signed-in person
 * may list (their read scope) and which permission an action would lack. Learned per person
 * with reviews sent as them (rbac-reviews.ts): the rules reviews are kept until a change of a
 * Role, RoleBinding, ClusterRole or ClusterRoleBinding concerns them (watched;
 * rbac-changes.ts) or a namespace comes or goes, and at most MAX_AGE_MS. Where a rules review
 * is incomplete (a webhook in the chain), what the rules do not grant is asked by
 * SelfSubjectAccessReview and its answer kept for the TTL of its kind (no watch sees a
 * webhook's changes). Static tokens and agents are not people: they have no scope (they read
 * and act as the orchestrator).
 */
export class KubeAccess {
  private readonly kube: KubernetesProvider;
  private readonly log: Logger;
  private readonly ttl: ReviewTtl;
  private readonly people = new Map<string, PersonScope>();
  private readonly watchers: ListWatcher[] = [];
  /** Grows with every change that makes someone's rules stale. */
  private generation = 0;
  private settle: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Numbers every rules version of everyone: a scope's key is never reused. */
  private versions = 0;
  private readonly offNamespaces: () => void;

  constructor(kube: KubernetesProvider, log: Logger, ttl: ReviewTtl) {
    this.kube = kube;
    this.log = log.child({ component: 'kube-access' });
    this.ttl = ttl;
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
    kube.identifyWith((viewer, context) => this.identity(viewer, context));
    // A new namespace has no rules learned yet; a deleted one frees its entry.
    this.offNamespaces = kube.onEvent((e) => {
      if (e.resource.kind === 'NAMESPACE' && e.type !== 'MODIFIED') this.invalidate('everyone');
    });
  }

  start(): void {
    for (const w of this.watchers) w.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.settle);
    for (const p of this.people.values()) clearTimeout(p.timer);
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
  async scopeOf(viewer: Viewer): Promise<PersonScope | undefined> {
    const person = kubeIdentity(viewer);
    if (!person) return undefined;
    const id = personId(person);
    let p = this.people.get(id);
    if (!p) {
      p = new PersonScope(person, id, this.ttl);
      this.people.set(id, p);
    }
    p.usedAt = Date.now();
    await this.fresh(p);
    return p;
  }

  /**
   * Who the viewer is to one cluster when they act as themselves, with whether their rules
   * review there was incomplete as last learned (no review is asked: a request learned them on
   * its way in), so that the API server's refusal names who refuses as `can` does.
   */
  identity(viewer: Viewer, context: string): Impersonation | undefined {
    const person = kubeIdentity(viewer);
    if (!person) return undefined;
    return { ...person, incomplete: this.people.get(personId(person))?.incomplete(context) };
  }

  /**
   * Re-learns the person's rules when a change concerned them since, or after MAX_AGE_MS, and
   * re-asks the reviews whose answers expired unless a round already does (the timer's: a
   * request does not wait behind it, and sees its answers when it ends).
   */
  private async fresh(p: PersonScope): Promise<void> {
    while (p.generation < p.wanted || Date.now() - p.learnedAt > MAX_AGE_MS) {
      p.learning ??= this.learn(p).finally(() => (p.learning = undefined));
      await p.learning;
    }
    if (p.until <= Date.now() && !p.learning) await this.redecide(p);
  }

  /** The reviews asked again (in turn with learning, never beside it). */
  private redecide(p: PersonScope, offline = false): Promise<void> {
    p.learning ??= this.decide(p, p.learned, false, offline).finally(
      () => (p.learning = undefined),
    );
    return p.learning;
  }

  private async learn(p: PersonScope): Promise<void> {
    const generation = Math.max(p.wanted, 0);
    const learned = new Map<string, Map<string, LearnedRules>>();
    let failed = false;
    await Promise.all(
      this.kube.contexts.map(async (context) => {
        try {
          const namespaces = this.kube.store.ofClusterKind(context, 'NAMESPACE').map((n) => n.name);
          learned.set(context, await learnRules(this.client(p.person, context), namespaces));
        } catch (err) {
          // Fail closed: nothing of this cluster is shown to them until it answers.
          failed = true;
          this.log.warn({ err, context, user: p.person.user }, 'could not learn RBAC rules');
        }
      }),
    );
    p.reviews.clear();
    await this.decide(p, learned, true, false);
    // Only now: a request that finds this generation learned must find its rules too.
    p.learned = learned;
    p.complete = !failed;
    // A cluster that did not answer is asked again soon, not after MAX_AGE_MS.
    p.learnedAt = failed ? Date.now() - MAX_AGE_MS + RETRY_MS : Date.now();
    p.generation = generation;
  }

  /**
   * The person's rules from their learned rules reviews and their reviews (asked, or recalled
   * while fresh). `offline`: nothing is asked, and an answer with a TTL counts as a refusal
   * (someone idle: what only such a review granted lapses until they come back). The scope's key changes
   * when what it shows does (caches keyed by it stay valid otherwise).
   */
  private async decide(
    p: PersonScope,
    learned: PersonScope['learned'],
    relearned: boolean,
    offline: boolean,
  ): Promise<void> {
    let until = Infinity;
    const rules = new Map<string, ClusterRules>();
    await Promise.all(
      [...learned].map(async ([context, namespaces]) => {
        const incomplete = [...namespaces.values()].some((n) => n.incomplete);
        const ask = async (attrs: ReviewAttributes) => {
          const d = await this.ask(p, context, attrs, incomplete, offline);
          until = Math.min(until, d.until);
          return d.allowed;
        };
        rules.set(context, await clusterRules(ask, namespaces));
      }),
    );
    const changed = relearned || signature(rules) !== signature(p.rules);
    p.rules = rules;
    p.until = until;
    if (changed) p.key = `${p.id}#${++this.versions}`;
    this.schedule(p, offline);
  }

  /** Re-asks the person's reviews when the first expires; lets them lapse if they are idle. */
  private schedule(p: PersonScope, offline: boolean): void {
    clearTimeout(p.timer);
    p.timer = undefined;
    if (this.stopped || offline || p.until === Infinity) return;
    p.timer = setTimeout(
      () => {
        const idle = Date.now() - p.usedAt > IDLE_MS;
        this.redecide(p, idle).catch((err: unknown) =>
          this.log.warn({ err, user: p.person.user }, 'could not renew access reviews'),
        );
      },
      Math.max(p.until - Date.now(), ROUND_MS),
    );
    p.timer.unref();
  }

  /**
   * One SelfSubjectAccessReview as the person, kept in their ReviewAnswers: where RBAC alone
   * decides (`incomplete` false) until their rules are re-learned, else for the allowed or
   * denied TTL; nothing is asked `offline`. A review that
   * fails (the API server down) or that an authorizer could not decide (a webhook down) is a
   * refusal, kept for the denied TTL.
   */
  private async ask(
    p: PersonScope,
    context: string,
    attrs: ReviewAttributes,
    incomplete: boolean,
    offline: boolean,
  ): Promise<Decision & { until: number }> {
    const { verb, group, resource, subresource, namespace, name } = attrs;
    const key = [context, verb, group, resource, subresource, namespace, name].join('\n');
    if (offline && p.reviews.until(key) !== Infinity) return { allowed: false, until: 0 };
    const log = { context, user: p.person.user, ...attrs };
    const ask = async () => {
      try {
        const d = await review(this.client(p.person, context), attrs);
        if (d.error) this.log.warn({ ...log, error: d.error }, 'access review undecided');
        return d;
      } catch (err) {
        this.log.warn({ ...log, err }, 'access review failed');
        throw err;
      }
    };
    return p.reviews.answer(key, ask, incomplete, ROUND_MS);
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
    const by = refuser(place.cluster, scope.incomplete(place.cluster));
    return new ForbiddenError(
      `${what}: ${by} ${viewer.name} ${permission}, so ${place.kind.toLowerCase()} ${place.namespace ? `${place.namespace}/` : ''}${place.name} is not theirs to read`,
      { permission },
    );
  }

  /**
   * An object by id that the viewer's scope does not show but their authorizers let them `get`
   * by name: where their rules review was incomplete, a webhook may allow a single object
   * without its kind's list, so one SelfSubjectAccessReview naming it is asked (`allows`), kept
   * for its TTL like every review there. For `node(id)` only: a list never asks per object.
   * Undefined for whoever is not a person, and where the rules are complete (they said no).
   */
  async readableById(viewer: Viewer, id: string): Promise<KubeResource | undefined> {
    const r = this.kube.get(id);
    const spec = r && KIND_BY_NAME.get(r.kind);
    const scope = spec ? await this.scopeOf(viewer) : undefined;
    if (!r || !spec || !scope) return undefined;
    if (scope.sees(r)) return r;
    if (!scope.incomplete(r.cluster)) return undefined;
    const get = { verb: 'get', group: apiGroupOf(spec), resource: spec.plural };
    return (await this.allows(scope, r, get)).allowed ? r : undefined;
  }

  /**
   * The first Kubernetes permission the viewer lacks to run `verb` on the resource, named as
   * the API server's refusal would be (`patch deployments/scale.apps in namespace a`), and who
   * refuses it; null when the cluster allows it or does not decide for this viewer (not a
   * person, not a Kubernetes resource, a verb whose manifests decide).
   */
  async missing(viewer: Viewer, r: Resource, verb: ActionVerb): Promise<Refusal | null> {
    if (r.provider !== 'KUBERNETES') return null;
    const needs = permissionsFor(verb, r as KubeResource);
    const scope = needs ? await this.scopeOf(viewer) : undefined;
    if (!needs || !scope) return null;
    for (const need of needs) {
      const d = await this.allows(scope, r, need);
      if (d.allowed) continue;
      const permission = describePermission(need, r.namespace);
      const undecided = d.error ? ` (it could not decide: ${d.error})` : '';
      const by = refuser(r.cluster, scope.incomplete(r.cluster));
      return { permission, reason: `${by} ${viewer.name} ${permission}${undecided}` };
    }
    return null;
  }

  /**
   * Rules that grant it answer (no review); complete rules that do not, refuse (the API server
   * would); else the API server's answer for this object, cached (`ask`).
   */
  private allows(p: PersonScope, r: Resource, need: KubePermission): Promise<Decision> {
    const c = p.rules.get(r.cluster);
    if (r.namespace !== null) {
      const ns = c?.byNamespace.get(r.namespace);
      if (grants(ns?.rules ?? [], need, r.name)) return Promise.resolve({ allowed: true });
      if (!(ns?.incomplete ?? c?.incomplete)) return Promise.resolve({ allowed: false });
    }
    const [resource = '', subresource] = need.resource.split('/');
    const attrs: ReviewAttributes = {
      verb: need.verb,
      group: need.group,
      resource,
      ...(subresource ? { subresource } : {}),
      ...(r.namespace !== null ? { namespace: r.namespace } : {}),
      name: r.name,
    };
    return this.ask(p, r.cluster, attrs, c?.incomplete ?? false, false);
  }
}
