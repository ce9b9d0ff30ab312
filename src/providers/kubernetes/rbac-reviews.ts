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
/** SelfSubjectRulesReviews in flight at once for one person and cluster. */
const PARALLEL = 8;

/** A SelfSubjectAccessReview sent as the person: whether the API server allows `attrs`. */
export async function review(client: KubeClient, attrs: object): Promise<boolean> {
  const r = await client.request<{ status?: { allowed?: boolean } }>(
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

async function namespaceRules(client: KubeClient, namespace: string): Promise<NamespaceRules> {
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
  return { kinds, named: byName, rules };
}

/**
 * One SelfSubjectAccessReview per kind (cluster-wide list), one SelfSubjectRulesReview per
 * namespace, and one SelfSubjectAccessReview per cluster-scoped object a rule names: a
 * namespace's rules hold its ClusterRoleBindings' rules too, but also its RoleBindings', which
 * grant nothing cluster-scoped, so only the API server's answer for the named object counts.
 */
export async function learnCluster(
  client: KubeClient,
  namespaces: readonly string[],
): Promise<ClusterRules> {
  const everywhere = new Set<ResourceKind>();
  await Promise.all(
    KINDS.map(async (spec) => {
      const attrs = { verb: 'list', group: apiGroupOf(spec), resource: spec.plural };
      if (await review(client, attrs)) everywhere.add(spec.kind);
    }),
  );
  const byNamespace = new Map<string, NamespaceRules>();
  for (let i = 0; i < namespaces.length; i += PARALLEL) {
    await Promise.all(
      namespaces.slice(i, i + PARALLEL).map(async (namespace) => {
        byNamespace.set(namespace, await namespaceRules(client, namespace));
      }),
    );
  }
  const clusterNamed = new Map<ResourceKind, Set<string>>();
  await Promise.all(
    KINDS.filter((spec) => !spec.namespaced && !everywhere.has(spec.kind)).map(async (spec) => {
      const p = { verb: 'get', resource: spec.plural, group: apiGroupOf(spec) };
      const candidates = new Set<string>();
      for (const ns of byNamespace.values()) for (const n of named(ns.rules, p)) candidates.add(n);
      const names = new Set<string>();
      await Promise.all(
        [...candidates].map(async (name) => {
          if (await review(client, { ...p, name })) names.add(name);
        }),
      );
      if (names.size > 0) clusterNamed.set(spec.kind, names);
    }),
  );
  return { everywhere, named: clusterNamed, byNamespace };
}
