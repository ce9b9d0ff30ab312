// A fixed, in-memory estate for the chat's unit tests and evaluation set: two kinds of
// ambiguity on purpose (frontend and redis live in two namespaces; worker-a/worker-b).
import type {
  ActionVerb,
  Provider,
  Resource,
  ResourceFilter,
  ResourceKind,
} from '../../src/providers/provider.ts';
import { resourceMatcher } from '../../src/providers/filter.ts';

function k8s(
  kind: ResourceKind,
  namespace: string | null,
  name: string,
  extra: Partial<Resource> & { replicas?: number } = {},
): Resource {
  const { replicas, ...rest } = extra;
  return {
    id: `k8s:lab:${kind}:${namespace ?? ''}:${name}`,
    provider: 'KUBERNETES',
    kind,
    cluster: 'lab',
    namespace,
    name,
    state: 'RUNNING',
    labels: { app: name },
    createdAt: new Date('2026-01-01T00:00:00Z'),
    object: { spec: { replicas: replicas ?? 2 }, metadata: { name } },
    ...rest,
  };
}

function aws(kind: ResourceKind, name: string, id: string): Resource {
  return {
    id: `aws:us-east-1:${kind}:${id}`,
    provider: 'AWS',
    kind,
    cluster: 'us-east-1',
    namespace: null,
    name,
    state: 'RUNNING',
    labels: { Name: name },
    createdAt: null,
    object: {},
  };
}

export function fixtureResources(): Resource[] {
  const out: Resource[] = [];
  for (const ns of ['prod', 'staging', 'dev', 'shop', 'kube-system']) {
    out.push(k8s('NAMESPACE', null, ns));
  }
  for (const n of ['node-1', 'node-2', 'node-3']) out.push(k8s('NODE', null, n));
  for (const d of ['frontend', 'backend', 'api-gateway', 'checkout', 'payments-worker', 'cart']) {
    out.push(k8s('DEPLOYMENT', 'prod', d, { labels: { app: d, tier: 'web' } }));
  }
  out.push(k8s('STATEFULSET', 'prod', 'redis', { replicas: 3 }));
  out.push(k8s('STATEFULSET', 'prod', 'postgres', { replicas: 1 }));
  out.push(k8s('DAEMONSET', 'prod', 'log-agent'));
  out.push(k8s('SERVICE', 'prod', 'frontend'));
  out.push(k8s('SERVICE', 'prod', 'api-gateway'));
  out.push(k8s('POD', 'prod', 'frontend-7d9f8-abcde'));
  out.push(k8s('POD', 'prod', 'frontend-7d9f8-fghij', { state: 'FAILED' }));
  out.push(k8s('POD', 'prod', 'backend-5c6d7-xyz12'));
  out.push(k8s('REPLICASET', 'prod', 'frontend-7d9f8'));
  out.push(k8s('DEPLOYMENT', 'staging', 'frontend'));
  out.push(k8s('DEPLOYMENT', 'staging', 'search'));
  out.push(k8s('STATEFULSET', 'staging', 'redis'));
  out.push(k8s('DEPLOYMENT', 'dev', 'web', { state: 'STOPPED', replicas: 0 }));
  out.push(k8s('DEPLOYMENT', 'dev', 'worker-a'));
  out.push(k8s('DEPLOYMENT', 'dev', 'worker-b'));
  out.push(k8s('DEPLOYMENT', 'shop', 'payments-api'));
  out.push(k8s('DEPLOYMENT', 'shop', 'storefront', { replicas: 1 }));
  out.push(k8s('DEPLOYMENT', 'kube-system', 'coredns'));
  out.push(aws('EC2_INSTANCE', 'reports', 'i-0abc123'));
  out.push(aws('AUTO_SCALING_GROUP', 'workers', 'workers'));
  out.push(aws('RDS_INSTANCE', 'orders', 'orders'));
  return out;
}

const VERBS: Partial<Record<ResourceKind, ActionVerb[]>> = {
  DEPLOYMENT: ['scale', 'stop', 'start', 'restart', 'delete'],
  STATEFULSET: ['scale', 'stop', 'start', 'restart', 'delete'],
  DAEMONSET: ['restart', 'delete'],
  NODE: ['cordon', 'uncordon', 'delete'],
  POD: ['restart', 'delete'],
  SERVICE: ['delete'],
  NAMESPACE: ['create'],
};

/**
 * A provider over the fixture that records what it is asked to do (a stand-in for a cluster
 * in unit tests only; the integration tests use the lab's real API server).
 */
export class FixtureProvider implements Provider {
  readonly name = 'KUBERNETES' as const;
  readonly enabled = true;
  readonly executed: { verb: ActionVerb; id: string; params: unknown; dryRun: boolean }[] = [];
  resources = fixtureResources().filter((r) => r.provider === 'KUBERNETES');
  start = async () => undefined;
  stop = async () => undefined;
  notReadyReason = () => null;
  health = async () => ({ state: 'UP' as const, message: 'fixture' });
  failures = () => [];
  get = (id: string) => this.resources.find((r) => r.id === id);
  list = (filter: ResourceFilter) => this.resources.filter(resourceMatcher(filter));
  onEvent = () => () => undefined;
  verbs = (r: Resource) => VERBS[r.kind] ?? [];
  execute = async (req: {
    verb: ActionVerb;
    target: Resource;
    params: unknown;
    dryRun: boolean;
  }) => {
    this.executed.push({
      verb: req.verb,
      id: req.target.id,
      params: req.params,
      dryRun: req.dryRun,
    });
    const before = {
      replicas: (req.target.object as { spec: { replicas: number } }).spec.replicas,
    };
    const params = req.params as { replicas?: number };
    const after = req.verb === 'scale' ? { replicas: params.replicas } : { ...before };
    return {
      before,
      after,
      message: `${req.dryRun ? 'would ' : ''}${req.verb} ${req.target.name}`,
    };
  };
  revertPlan = (
    verb: ActionVerb,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ) =>
    verb === 'scale'
      ? {
          verb: 'scale' as const,
          params: { replicas: before.replicas },
          precondition: { replicas: after.replicas },
        }
      : null;
}
