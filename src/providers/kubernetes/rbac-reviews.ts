import type { KubeClient } from './client.ts';
import type { ResourceKind } from '../provider.ts';
import { apiGroupOf } from './actions.ts';
import { KINDS } from './kinds.ts';
import {
  grants,
  named,
  type ClusterRules,
  type NamespaceRules,
  type Rule,
} from './person-scope.ts';

// What one person may do in one cluster, asked of its API server as them: the reviews behind
// a PersonScope (person-scope.ts), learned and refreshed by KubeAccess (access.ts).

const REVIEWS = '/apis/authorization.k8s.io/v1';
/** Reviews in flight at once for one person and cluster. */
const PARALLEL = 8;

/** What a SelfSubjectAccessReview asks: a verb on a resource, in a namespace, of an object. */
export interface ReviewAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/** The API server's answer to one review. */
export interface Decision {
  allowed: boolean;
  /** Why an authorizer could not decide (a webhook that did not answer), when one could not. */
  error?: string;
}

/** Asks (or recalls) whether the person may do `attrs`; KubeAccess caches the answers. */
export type Ask = (attrs: ReviewAttributes) => Promise<boolean>;

/**
 * A SelfSubjectAccessReview sent as the person: the API server asks its whole authorizer
 * chain (Node, RBAC, a webhook…) for exactly these attributes, as it would for the request.
 */
export async function review(client: KubeClient, attrs: ReviewAttributes): Promise<Decision> {
  const r = await client.request<{ status?: { allowed?: boolean; evaluationError?: string } }>(
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
  const error = r.status?.evaluationError;
  return { allowed: r.status?.allowed === true, ...(error ? { error } : {}) };
}

/** One namespace's SelfSubjectRulesReview: what the rules grant, and whether that is all. */
export interface LearnedRules {
  rules: Rule[];
  /**
   * The API server said its answer is incomplete: an authorizer in its chain (a webhook) cannot
   * list what it allows, so what the rules do not grant is asked of it by review.
   */
  incomplete: boolean;
}

/** Runs `fn` on every item, at most `limit` at once. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (t: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One SelfSubjectRulesReview per namespace, PARALLEL at once. */
export async function learnRules(
  client: KubeClient,
  namespaces: readonly string[],
): Promise<Map<string, LearnedRules>> {
  const learned = new Map<string, LearnedRules>();
  await inParallel(namespaces, PARALLEL, async (namespace) => {
    const r = await client.request<{ status?: { resourceRules?: Rule[]; incomplete?: boolean } }>(
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
    learned.set(namespace, {
      rules: r.status?.resourceRules ?? [],
      incomplete: r.status?.incomplete === true,
    });
  });
  return learned;
}

const listOf = (spec: (typeof KINDS)[number]) => ({
  verb: 'list',
  group: apiGroupOf(spec),
  resource: spec.plural,
});

/**
 * What a person may read in one cluster, from its namespaces' rules and reviews: one review per
 * kind (cluster-wide `list`); a namespace's kinds from its rules, and where its rules review was
 * incomplete, one review per kind its rules do not grant (`list` in that namespace: a namespace
 * × kind, never an object); and one review per cluster-scoped object a rule names (a
 * namespace's rules hold its ClusterRoleBindings' rules too, but also its RoleBindings', which
 * grant nothing cluster-scoped, so only the API server's answer for the named object counts).
 */
export async function clusterRules(
  ask: Ask,
  learned: ReadonlyMap<string, LearnedRules>,
): Promise<ClusterRules> {
  const everywhere = new Set<ResourceKind>();
  await inParallel(KINDS, PARALLEL, async (spec) => {
    if (await ask(listOf(spec))) everywhere.add(spec.kind);
  });
  const namespaced = KINDS.filter((spec) => spec.namespaced);
  const byNamespace = new Map<string, NamespaceRules>();
  const asks: [NamespaceRules, string, (typeof KINDS)[number]][] = [];
  for (const [namespace, { rules, incomplete }] of learned) {
    const ns: NamespaceRules = { kinds: new Set(), named: new Map(), rules, incomplete };
    for (const spec of namespaced) {
      if (grants(rules, listOf(spec))) ns.kinds.add(spec.kind);
      else if (incomplete && !everywhere.has(spec.kind)) asks.push([ns, namespace, spec]);
    }
    byNamespace.set(namespace, ns);
  }
  await inParallel(asks, PARALLEL, async ([ns, namespace, spec]) => {
    if (await ask({ ...listOf(spec), namespace })) ns.kinds.add(spec.kind);
  });
  for (const ns of byNamespace.values()) {
    for (const spec of namespaced) {
      if (ns.kinds.has(spec.kind)) continue;
      const names = named(ns.rules, { ...listOf(spec), verb: 'get' });
      if (names.size > 0) ns.named.set(spec.kind, names);
    }
  }
  const clusterNamed = new Map<ResourceKind, Set<string>>();
  const candidates: [ResourceKind, ReviewAttributes][] = [];
  for (const spec of KINDS.filter((s) => !s.namespaced && !everywhere.has(s.kind))) {
    const p = { ...listOf(spec), verb: 'get' };
    const names = new Set<string>();
    for (const ns of byNamespace.values()) for (const n of named(ns.rules, p)) names.add(n);
    for (const name of names) candidates.push([spec.kind, { ...p, name }]);
  }
  await inParallel(candidates, PARALLEL, async ([kind, attrs]) => {
    if (!(await ask(attrs))) return;
    const names = clusterNamed.get(kind) ?? new Set<string>();
    clusterNamed.set(kind, names.add(attrs.name ?? ''));
  });
  const incomplete = [...learned.values()].some((n) => n.incomplete);
  return { everywhere, named: clusterNamed, byNamespace, incomplete };
}
