import { ConfigError, type Config } from './config.ts';
import type { ComponentStatus } from './health.ts';
import { LeaseElector } from './leader.ts';
import type { Logger } from './logger.ts';
import type { KubernetesProvider } from './providers/kubernetes/provider.ts';

/**
 * The Lease lives in LEADER_ELECTION_CONTEXT's cluster, by default the first watched one
 * (in-cluster: the one the replicas run in).
 */
export function createElector(
  lease: NonNullable<Config['leaderElection']>,
  kubernetes: KubernetesProvider,
  identity: string,
  log: Logger,
): LeaseElector {
  const watched = kubernetes.contexts;
  if (lease.context !== undefined && !watched.includes(lease.context)) {
    throw new ConfigError([
      `Invalid configuration: LEADER_ELECTION_CONTEXT: not a watched context (watched: ${watched.join(', ') || 'none'}) (got "${lease.context}")`,
    ]);
  }
  const context = lease.context ?? watched[0];
  const cluster = context === undefined ? undefined : kubernetes.cluster(context);
  if (!cluster) {
    throw new ConfigError([
      'Invalid configuration: LEADER_ELECTION_LEASE: needs a Kubernetes cluster (KUBECONFIG, ~/.kube/config or the in-cluster service account)',
    ]);
  }
  return new LeaseElector({
    client: cluster.client,
    namespace: lease.namespace,
    name: lease.name,
    leaseSeconds: lease.leaseSeconds,
    identity,
    log: log.child({ component: 'leader-election' }),
  });
}

/** The `leader-election` component of `status`: this replica's part in the election. */
export function leaderStatus(elector: LeaseElector | undefined): ComponentStatus {
  if (!elector) {
    return {
      state: 'DISABLED',
      message: 'no LEADER_ELECTION_LEASE: this replica runs every periodic job',
    };
  }
  const role = elector.isLeader()
    ? `leader (lease ${elector.lease})`
    : `follower; lease ${elector.lease} held by ${elector.holder || 'nobody'}`;
  return elector.lastError
    ? { state: 'DEGRADED', message: `${role}; last lease request failed: ${elector.lastError}` }
    : { state: 'UP', message: role };
}
