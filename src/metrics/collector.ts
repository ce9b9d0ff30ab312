import type { LeaderGate } from '../leader.ts';
import type { Logger } from '../logger.ts';
import type { KubernetesProvider } from '../providers/kubernetes/provider.ts';
import { aggregate, type Snapshot } from './aggregate.ts';
import type { MetricsHub } from './hub.ts';
import { HOUR, MINUTE, rollUp, type RollupStore } from './rollups.ts';
import type { MetricSource, PodUsageSet } from './types.ts';

export interface CollectorState {
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  consecutiveFailures: number;
  /** Delay before the next cycle (the interval, or longer while backing off). */
  nextDelayMs: number;
  lastCycleMs: number | null;
  /** Which source answered last (e.g. Prometheus, metrics.k8s.io). */
  lastSource: string | null;
  cycles: number;
  targets: number;
}

export interface CollectorOptions {
  kube: KubernetesProvider | undefined;
  /** Sources of current usage, in order of preference; the first that answers wins. */
  sources: MetricSource[];
  hub: MetricsHub;
  rollups: RollupStore;
  publish: (s: Snapshot) => void;
  intervalMs: number;
  /** Only the leader collects; the others take its snapshots in through pubsub. */
  leader: LeaderGate;
  retention: { minuteMs: number; hourMs: number };
  log: Logger;
  /** Longest back-off after repeated failures. */
  maxBackoffMs?: number;
  /** Cost allocation's bookkeeping: where pods run (each minute), per-day sums (each hour). */
  cost?: {
    /** `minute`: the minute just written (volumes are counted present in it). */
    record(kube: KubernetesProvider, minute: number): Promise<void>;
    hourFolded(hour: number, retainFrom: number): Promise<void>;
  };
}

/**
 * Every METRICS_INTERVAL_SECONDS: asks a source for the usage of every pod (a fixed number of
 * requests), joins it with the caches into values for every pod, workload, namespace, node
 * and cluster, publishes the snapshot, and writes the minute (and hour) rollups as they
 * complete. Failures back off exponentially up to `maxBackoffMs` and recover by themselves.
 */
export class MetricsCollector {
  readonly state: CollectorState;
  private readonly o: CollectorOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private lastMinuteWritten: number | undefined;

  constructor(options: CollectorOptions) {
    this.o = options;
    this.state = {
      lastSuccessAt: null,
      lastError: null,
      lastErrorAt: null,
      consecutiveFailures: 0,
      nextDelayMs: options.intervalMs,
      lastCycleMs: null,
      lastSource: null,
      cycles: 0,
      targets: 0,
    };
  }

  start(): void {
    if (!this.o.kube?.enabled) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.cycle()
        .catch((err: unknown) => this.o.log.error({ err }, 'metrics cycle failed unexpectedly'))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.state.nextDelayMs);
        });
    }, ms);
    this.timer.unref();
  }

  /** One collection; public so tests and the benchmark can drive it. */
  async cycle(): Promise<void> {
    const kube = this.o.kube;
    // Before the caches have synced, sums over pods would read as too low: wait for them.
    if (!kube || !this.o.leader.isLeader() || kube.notReadyReason() !== null) {
      this.state.nextDelayMs = this.o.intervalMs;
      return;
    }
    const started = performance.now();
    // Align to the interval so every replica and restart lands on the same timestamps.
    const t = Math.floor(Date.now() / 1000) * 1000;
    let usage: PodUsageSet | undefined;
    const errors: string[] = [];
    for (const source of this.o.sources) {
      try {
        usage = await source.current?.();
        if (usage) {
          this.state.lastSource = source.name;
          break;
        }
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
    if (this.o.sources.length > 0 && !usage) {
      this.fail(errors.join('; '));
      return;
    }
    // No source at all: requests, limits and capacity from the caches are still worth having.
    const snapshot = await aggregate(kube, usage ?? { size: 0, get: () => undefined }, t);
    this.o.publish(snapshot);
    this.state.targets = snapshot.ids.length;
    this.state.lastCycleMs = performance.now() - started;
    this.state.cycles++;
    this.state.lastSuccessAt = Date.now();
    if (this.state.consecutiveFailures > 0) {
      this.o.log.info({ after: this.state.consecutiveFailures }, 'metrics collection recovered');
    }
    this.state.consecutiveFailures = 0;
    this.state.lastError = null;
    this.state.nextDelayMs = this.o.intervalMs;
    try {
      await this.persist(t);
    } catch (err) {
      this.o.log.warn({ err }, 'metric rollups not written');
    }
  }

  private fail(message: string): void {
    const s = this.state;
    s.consecutiveFailures++;
    s.lastError = message;
    s.lastErrorAt = Date.now();
    s.nextDelayMs = Math.min(
      this.o.maxBackoffMs ?? 5 * 60_000,
      this.o.intervalMs * 2 ** Math.min(s.consecutiveFailures, 10),
    );
    this.o.log.warn(
      { err: message, failures: s.consecutiveFailures, retryInMs: s.nextDelayMs },
      'metrics collection failed; backing off',
    );
  }

  /** Cost bookkeeping failing leaves the rollups (its source, rebuilt from later) alone. */
  private async costStep(fn: () => Promise<void> | undefined): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.o.log.warn({ err }, 'cost allocation tables not updated');
    }
  }

  /** Writes each completed minute once, folds completed hours, prunes past retention. */
  private async persist(now: number): Promise<void> {
    const current = Math.floor(now / MINUTE) * MINUTE;
    this.lastMinuteWritten ??= (await this.o.rollups.lastMinute()) ?? current - MINUTE;
    // The window holds the snapshots of the minutes not yet written (or they are lost).
    const first = Math.max(this.lastMinuteWritten + MINUTE, this.o.hub.oldest() ?? current);
    for (let m = Math.floor(first / MINUTE) * MINUTE; m < current; m += MINUTE) {
      const snaps = this.o.hub.between(m, m + MINUTE);
      if (snaps.length > 0) {
        await this.o.rollups.write(MINUTE, m, rollUp(snaps));
        const kube = this.o.kube;
        if (kube) await this.costStep(() => this.o.cost?.record(kube, m));
      }
      const hour = Math.floor(m / HOUR) * HOUR;
      if (m + MINUTE === hour + HOUR) {
        await this.o.rollups.foldHour(hour);
        await this.o.rollups.prune(now - this.o.retention.minuteMs, now - this.o.retention.hourMs);
        await this.costStep(() => this.o.cost?.hourFolded(hour, now - this.o.retention.hourMs));
      }
      this.lastMinuteWritten = m;
    }
  }
}
