import { parseAwsId } from './aws/model.ts';
import { KIND_BY_NAME, resourceId } from './kubernetes/kinds.ts';
import type { ProviderName, ReadScope, ResourceKind, ResourcePlace } from './provider.ts';

/** What a provider resource id names, read back from the id alone. */
export interface ParsedResourceId {
  provider: ProviderName;
  /** The Kubernetes context or the AWS region. */
  cluster: string;
  kind: ResourceKind;
  namespace: string | null;
  name: string;
}

/**
 * `k8s:<context>:<KIND>:<namespace>:<name>`. The context may hold ':' and '/' (EKS names its
 * contexts by ARN, `arn:aws:eks:<region>:<account>:cluster/<name>`); the kind, namespace and
 * name never do, so the id is read from the right.
 */
const KUBE_ID = /^k8s:(.+):([A-Z][A-Z0-9_]*):([^:]*):([^:]+)$/;

/** The parts of a Kubernetes or AWS resource id; undefined when it is neither. */
export function parseResourceId(id: string): ParsedResourceId | undefined {
  const kube = KUBE_ID.exec(id);
  if (kube) {
    const [, cluster = '', kind = '', namespace = '', name = ''] = kube;
    if (!KIND_BY_NAME.has(kind as ResourceKind)) return undefined;
    return {
      provider: 'KUBERNETES',
      cluster,
      kind: kind as ResourceKind,
      namespace: namespace || null,
      name,
    };
  }
  const aws = parseAwsId(id);
  if (!aws) return undefined;
  return {
    provider: 'AWS',
    cluster: aws.region,
    kind: aws.kind,
    namespace: null,
    name: aws.nativeId,
  };
}

/**
 * The provider's own name in a resource id (an AWS resource's native id, a Kubernetes object's
 * name): what a person may type for it, as the provider spells it.
 */
export function nativeIdOf(id: string): string {
  return parseResourceId(id)?.name ?? id;
}

/**
 * Whether a scope lets its viewer read the resource an id names, from the id alone (advice,
 * forecasts and audit events name their resource by id, and it may be gone). A Kubernetes id
 * that cannot be read is refused.
 */
export function seesId(scope: ReadScope, id: string): boolean {
  const place = parseResourceId(id);
  return place ? scope.sees(place) : !id.startsWith('k8s:');
}

/**
 * A scope's grants as patterns a store tests resource ids against (grantsSql): a pattern
 * ending in ':' is a prefix (a kind in a cluster, or in one of its namespaces), any other is
 * one id (an object granted by name; a name never ends in ':').
 */
export function grantPatterns(scope: ReadScope): string[] {
  return scope
    .grants()
    .flatMap((g) =>
      g.names
        ? g.names.map((name) => resourceId(g.cluster, g.kind, g.namespace, name))
        : [`k8s:${g.cluster}:${g.kind}:${g.namespace === null ? '' : `${g.namespace}:`}`],
    );
}

/**
 * SQL that holds when the resource id in `column` is one the patterns (`param`, a text[]
 * from grantPatterns) let the viewer read; ids of other providers and no id at all are not
 * Kubernetes' to judge and hold too (as `seesId` and `sees` answer for them).
 */
export function grantsSql(column: string, param: string): string {
  return `(${column} IS NULL OR left(${column}, 4) <> 'k8s:' OR EXISTS (SELECT 1 FROM unnest(${param}::text[]) AS g(x) WHERE CASE WHEN right(g.x, 1) = ':' THEN starts_with(${column}, g.x) ELSE ${column} = g.x END))`;
}

/**
 * Whether a scope (none: everything) may list every pod and node of every cluster: what figures
 * over the whole estate are summed from (a recommendation pass's counts, the idle cost of every
 * cluster, what a target-less audit event holds).
 */
export function seesEstate(scope: ReadScope | undefined, clusters: readonly string[]): boolean {
  return !scope || clusters.every((c) => seesWhole(scope, c));
}

/**
 * Whether a scope (none: everything) may list every pod and node of the cluster: what a
 * cluster's totals (usage, capacity, idle cost) are summed from. Without it those totals are
 * not shown.
 */
export function seesWhole(scope: ReadScope | undefined, cluster: string): boolean {
  return !scope || (scope.seesEvery(cluster, 'POD') && scope.seesEvery(cluster, 'NODE'));
}

/** Kinds whose figures (usage, history, cost) are their pods' summed. */
const SUMMED: ReadonlySet<ResourceKind> = new Set([
  'DEPLOYMENT',
  'STATEFULSET',
  'DAEMONSET',
  'REPLICASET',
]);

/**
 * Whether a scope (none: everything) sees every object a resource's figures (usage, history,
 * cost) are summed from. A namespace's and a workload's are pods of their namespace: a person
 * who may list namespaces or Deployments may still not list the pods in one. A node's are
 * pods of every namespace: the node itself (listed, or granted by name) and every pod of its
 * cluster.
 */
export function seesSums(scope: ReadScope | undefined, r: ResourcePlace): boolean {
  if (!scope || r.provider !== 'KUBERNETES') return true;
  if (r.kind === 'NODE') return scope.sees(r) && scope.seesEvery(r.cluster, 'POD');
  const namespace = r.kind === 'NAMESPACE' ? r.name : SUMMED.has(r.kind) ? r.namespace : null;
  return namespace === null || scope.sees({ ...r, kind: 'POD', namespace, name: '' });
}
