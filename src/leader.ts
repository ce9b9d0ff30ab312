import type { Logger } from './logger.ts';
import { KubeApiError, type KubeClient } from './providers/kubernetes/client.ts';

/**
 * Who runs the periodic jobs (metrics collection, the recommender's timer, audit
 * reconciliation and pruning). With several replicas exactly one must: the others would
 * multiply the load on Prometheus and the cloud APIs and write every rollup twice. Every
 * replica still serves reads and subscriptions (the leader's snapshots reach them through
 * pubsub).
 */
export interface LeaderGate {
  isLeader(): boolean;
}

/** One replica (no election configured): it runs every job. */
export const SINGLE_REPLICA: LeaderGate = { isLeader: () => true };

/** The parts of a coordination.k8s.io/v1 Lease the election reads and writes. */
interface Lease {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  metadata: { name: string; namespace: string; resourceVersion?: string };
  spec: {
    holderIdentity?: string | null;
    leaseDurationSeconds?: number | null;
    acquireTime?: string | null;
    renewTime?: string | null;
    leaseTransitions?: number | null;
  };
}

export interface LeaseElectorOptions {
  client: KubeClient;
  namespace: string;
  name: string;
  /** This replica's name in the Lease (unique per process). */
  identity: string;
  /** How long a holder that stopped renewing keeps the Lease (client-go's default: 15 s). */
  leaseSeconds: number;
  log: Logger;
}

/** Lease times as the API server stores them (RFC 3339 with microseconds). */
const microTime = (ms: number) => new Date(ms).toISOString().replace(/Z$/, '000Z');

/**
 * Leader election on a Kubernetes Lease, the algorithm of client-go's leaderelection: the
 * holder renews the Lease every retry period; another replica takes it over only when the
 * holder is empty (released) or when it has watched the Lease go unchanged for a whole lease
 * duration by its own clock (never by comparing clocks across machines). Writes carry the
 * resourceVersion read, so of two replicas racing for the Lease one gets 409 and stays a
 * follower.
 *
 * A leader counts itself leader only until its last successful renewal plus the renew
 * deadline (two thirds of the lease duration): it stops its jobs before any other replica
 * may start them, even when it cannot reach the API server. `stop()` releases the Lease so a
 * follower takes over within a retry period instead of a lease duration.
 */
export class LeaseElector implements LeaderGate {
  private readonly o: LeaseElectorOptions;
  /** The leases collection, and our Lease in it. */
  private readonly path: string;
  private readonly leasePath: string;
  private readonly retryMs: number;
  private readonly renewDeadlineMs: number;
  /** performance.now() when the Lease was last written by us (start of that request). */
  private renewedAt = -Infinity;
  /** The other holder's record as last seen, and when (by our clock) it last changed. */
  private observed: { record: string; at: number } | undefined;
  private leader = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  /** Who holds the Lease as last read or written ('' when nobody). */
  holder = '';
  /** The last Lease request's failure; null once one succeeds again. */
  lastError: string | null = null;

  constructor(options: LeaseElectorOptions) {
    this.o = options;
    this.path = `/apis/coordination.k8s.io/v1/namespaces/${encodeURIComponent(options.namespace)}/leases`;
    this.leasePath = `${this.path}/${encodeURIComponent(options.name)}`;
    const leaseMs = options.leaseSeconds * 1000;
    this.retryMs = Math.max(250, Math.round(leaseMs / 7.5));
    this.renewDeadlineMs = Math.round((leaseMs * 2) / 3);
  }

  get lease(): string {
    return `${this.o.namespace}/${this.o.name}`;
  }

  isLeader(): boolean {
    const valid = this.leader && performance.now() - this.renewedAt < this.renewDeadlineMs;
    if (this.leader && !valid) this.setLeader(false, 'renew deadline passed');
    return valid;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      this.running = this.attempt().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(loop, this.retryMs);
        this.timer?.unref();
      });
    };
    loop();
  }

  /** Stops campaigning; a leader releases the Lease (empty holder) for a fast takeover. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.setLeader(false, 'stopping');
    // Ours as last seen (even past the renew deadline): hand it back if it still is.
    if (this.holder !== this.o.identity) return;
    try {
      const lease = await this.api('GET', this.leasePath);
      if (lease.spec.holderIdentity !== this.o.identity) return;
      await this.write('PUT', {
        ...lease,
        spec: {
          ...lease.spec,
          holderIdentity: null,
          leaseDurationSeconds: 1,
          renewTime: microTime(Date.now()),
        },
      });
    } catch (err) {
      this.o.log.warn({ err, lease: this.lease }, 'could not release the leader lease');
    }
  }

  /** One try to acquire or renew; errors leave us a follower (or a leader until the deadline). */
  private async attempt(): Promise<void> {
    const started = performance.now();
    try {
      if (await this.tryAcquireOrRenew()) {
        this.renewedAt = started;
        this.setLeader(true, 'acquired or renewed the lease');
      } else {
        this.setLeader(false, `the lease is held by ${this.holder || 'nobody'}`);
      }
      this.lastError = null;
    } catch (err) {
      this.lastError = (err as Error).message;
      this.o.log.warn({ err, lease: this.lease }, 'leader election: lease request failed');
      // Still leader until the renew deadline passes (isLeader checks it).
    }
  }

  private async tryAcquireOrRenew(): Promise<boolean> {
    const now = Date.now();
    const mine = (prev?: Lease['spec']): Lease['spec'] => ({
      holderIdentity: this.o.identity,
      leaseDurationSeconds: this.o.leaseSeconds,
      acquireTime:
        prev?.holderIdentity === this.o.identity ? (prev.acquireTime ?? null) : microTime(now),
      renewTime: microTime(now),
      // Every change of holder counts, a takeover after a release included (as client-go).
      leaseTransitions:
        (prev?.leaseTransitions ?? 0) + (prev && prev.holderIdentity !== this.o.identity ? 1 : 0),
    });
    let lease: Lease;
    try {
      lease = await this.api('GET', this.leasePath);
    } catch (err) {
      if (!(err instanceof KubeApiError) || err.status !== 404) throw err;
      const created = await this.write('POST', {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: this.o.name, namespace: this.o.namespace },
        spec: mine(),
      });
      return created !== undefined;
    }
    const spec = lease.spec;
    this.holder = spec.holderIdentity ?? '';
    if (this.holder && this.holder !== this.o.identity) {
      // Someone else's record: it is theirs until it has not changed for a lease duration.
      const record = lease.metadata.resourceVersion ?? '';
      const at = performance.now();
      if (this.observed?.record !== record) this.observed = { record, at };
      const duration = (spec.leaseDurationSeconds ?? this.o.leaseSeconds) * 1000;
      if (at - this.observed.at < duration) return false;
    }
    const written = await this.write('PUT', { ...lease, spec: mine(spec) });
    return written !== undefined;
  }

  /** POST or PUT (with the resourceVersion read); undefined when another replica won the race. */
  private async write(method: 'POST' | 'PUT', lease: Lease): Promise<Lease | undefined> {
    try {
      const out = await this.api(method, method === 'POST' ? this.path : this.leasePath, lease);
      this.holder = out.spec.holderIdentity ?? '';
      return out;
    } catch (err) {
      if (err instanceof KubeApiError && err.status === 409) return undefined;
      throw err;
    }
  }

  /** A request that cannot outlive the renew deadline (a hung connection must not stall us). */
  private api(method: string, path: string, body?: Lease): Promise<Lease> {
    return this.o.client.request<Lease>(method, path, { body, timeoutMs: this.renewDeadlineMs });
  }

  private setLeader(leader: boolean, why: string): void {
    if (this.leader === leader) return;
    this.leader = leader;
    this.o.log.info(
      { lease: this.lease, identity: this.o.identity, why },
      leader ? 'became the leader' : 'no longer the leader',
    );
  }
}
