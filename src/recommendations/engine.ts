import { roleRefusal } from '../auth/permissions.ts';
import type { ActionOutcomeResult, ActionPipeline } from '../actions/pipeline.ts';
import type { AuditEvent } from '../audit/types.ts';
import { roleAtLeast, type Viewer } from '../auth/viewer.ts';
import { AppError } from '../errors.ts';
import type { LeaderGate } from '../leader.ts';
import type { Logger } from '../logger.ts';
import { seesEstate, seesId } from '../providers/ids.ts';
import type { ReadScope, Resource } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { EventLog } from '../eventlog.ts';
import { idle } from './analyzers/idle.ts';
import { replicas } from './analyzers/replicas.ts';
import { rightsize } from './analyzers/rightsizing.ts';
import type { Settings } from './analyzers/settings.ts';
import {
  NO_VERB,
  RecommendationDecisions,
  type DecisionDeps,
  type ApplyInput,
  type RejectInput,
} from './decisions.ts';
import type { RecommendationStore } from './store.ts';
import type { AnalyzerResult, Draft, Recommendation, Skip } from './types.ts';
import type { PrometheusUsage, UsageSnapshot } from './usage.ts';
import { buildProfiles, WORKLOAD_KINDS, type WorkloadProfile } from './workloads.ts';

export const RECOMMENDATION_TOPIC = 'recommendationEvents';

export interface RecommendationEvent {
  type: 'CREATED' | 'UPDATED' | 'STATUS_CHANGED';
  recommendation: Recommendation;
  timestamp: string;
}

export interface RunReport {
  startedAt: string;
  durationMs: number;
  workloads: number;
  created: number;
  refreshed: number;
  expired: number;
  open: number;
  skips: Skip[];
  errors: string[];
}

/** The counts of a pass: summed over every cluster, shown only to who sees them all whole. */
type RunCount = 'workloads' | 'created' | 'refreshed' | 'expired' | 'open';

/** A pass as one viewer may read it (see RecommendationEngine.seen). */
export type SeenRun = Omit<RunReport, RunCount> & Record<RunCount, number | null>;

/** A further source of drafts run after the built-in analyzers (EC2, external agents). */
export interface DraftSource {
  name: string;
  collect(profiles: WorkloadProfile[]): Promise<AnalyzerResult>;
}

const LEADER_POLL_MS = 5_000;
/** The longest the first pass waits for every provider's caches (one may never sync). */
const FIRST_PASS_WAIT_MS = 30_000;
const key = (targetId: string, type: string) => `${targetId}\u0000${type}`;
const K8S_TYPES = ['CPU_RIGHTSIZE', 'MEMORY_RIGHTSIZE', 'REPLICAS', 'IDLE_WORKLOAD'];

/** The built-in Kubernetes analyzers over every workload; pure apart from their inputs. */
export function analyzeWorkloads(
  profiles: WorkloadProfile[],
  s: Settings,
  queries: Record<string, string>,
): AnalyzerResult {
  const out: AnalyzerResult = { drafts: [], skips: [], evaluated: new Set() };
  const take = (r: { draft?: Draft; skip?: Skip }) => {
    if (r.draft) out.drafts.push(r.draft);
    if (r.skip) out.skips.push(r.skip);
    return r.draft;
  };
  for (const p of profiles) {
    for (const t of K8S_TYPES) out.evaluated.add(key(p.resource.id, t));
    // An idle workload should be stopped, not resized: resizing advice would be noise.
    if (take(idle(p, s, queries))) continue;
    const cpu = take(rightsize(p, 'cpu', s, queries));
    take(rightsize(p, 'memory', s, queries));
    if (!cpu) take(replicas(p, s, queries));
  }
  return out;
}

/**
 * Produces recommendations on a timer and on demand, keeps one OPEN per target and type,
 * and applies or rejects them: application goes through the action pipeline, audited and
 * revertible.
 */
export class RecommendationEngine {
  private readonly deps: {
    store: RecommendationStore;
    providers: ProviderRegistry;
    actions: ActionPipeline;
    events: EventLog;
    log: Logger;
    usage: PrometheusUsage | undefined;
    settings: Settings;
    intervalSeconds: number;
    suppressHours: number;
    sources: DraftSource[];
    /** The timer's passes run on the leader only (on-demand runs anywhere). */
    leader: LeaderGate;
    /** Per-unit prices of a workload's nodes (the cost model's), so savings use its rates. */
    rates?: (workload: Resource) => WorkloadProfile['rates'];
    /** Whether a person may read what advice is about (KUBE_IMPERSONATION); absent: off. */
    access?: DecisionDeps['access'];
    /** The watched Kubernetes contexts: a pass's counts span them all. */
    clusters?: () => readonly string[];
  };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RunReport> | undefined;
  /** This replica's last pass (`lastRun` gives any replica's, from the store). */
  last: RunReport | undefined;

  private readonly decisions: RecommendationDecisions;

  constructor(deps: RecommendationEngine['deps']) {
    this.deps = deps;
    this.decisions = new RecommendationDecisions({
      ...deps,
      statusChanged: (rec) => this.publish('STATUS_CHANGED', rec),
    });
  }

  get settings(): Settings {
    return this.deps.settings;
  }

  /** The latest pass of any replica (every replica answers the same), as the scope's viewer may read it. */
  async lastRun(scope?: ReadScope): Promise<SeenRun | undefined> {
    const run = await this.deps.store.lastRun();
    return run && this.seen(run, scope);
  }

  /**
   * A pass as a viewer with this scope may read it: the skips of targets they may read; the
   * counts only when they may list every pod and node of every cluster (the rule of a
   * cluster's totals), else null. Unchanged without a scope.
   */
  private seen(run: RunReport, scope: ReadScope | undefined): SeenRun {
    if (!scope) return run;
    const skips = run.skips.filter((s) => seesId(scope, s.targetId));
    if (seesEstate(scope, this.deps.clusters?.() ?? [])) return { ...run, skips };
    const counts = { workloads: null, created: null, refreshed: null, expired: null, open: null };
    return { ...run, ...counts, skips };
  }

  get store(): RecommendationStore {
    return this.deps.store;
  }

  addSource(source: DraftSource): void {
    this.deps.sources.push(source);
  }

  /**
   * A pass every interval, on the leader only; the first once every provider's caches have
   * synced (or after FIRST_PASS_WAIT_MS: a provider that cannot sync must not hold the others
   * back). The gate is polled every few seconds, so a replica that becomes the leader (a
   * takeover) runs a pass at once rather than an interval later.
   */
  start(): void {
    const intervalMs = this.deps.intervalSeconds * 1000;
    const startedAt = performance.now();
    let lastPass = -Infinity; // forgotten whenever this replica is not the leader
    const tick = () => {
      if (!this.deps.leader.isLeader()) {
        lastPass = -Infinity;
        return;
      }
      const now = performance.now();
      if (now - lastPass < intervalMs) return;
      if (!this.deps.providers.synced() && now - startedAt < FIRST_PASS_WAIT_MS) return;
      lastPass = now;
      this.run().catch((err: unknown) => this.deps.log.error({ err }, 'recommendation run failed'));
    };
    this.timer = setInterval(tick, Math.min(intervalMs, LEADER_POLL_MS));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** A pass someone asked for (runRecommendations, admin), recorded in the audit log. */
  async runAsked(
    viewer: Viewer,
    requestId: string | null,
    scope?: ReadScope,
  ): Promise<{ run: SeenRun; auditEvent: AuditEvent; dryRun: boolean } | AppError> {
    if (!roleAtLeast(viewer.role, 'admin')) {
      return roleRefusal(viewer, 'admin', 'run the analyzers');
    }
    let run: RunReport | undefined;
    const result = await this.deps.actions.record(
      {
        action: 'run_recommendations',
        verb: NO_VERB,
        target: null,
        params: {},
        recorded: {},
        dryRun: false,
        source: 'API',
        viewer,
        requestId,
      },
      async () => {
        run = await this.run();
        const { workloads, created, refreshed, expired, open } = run;
        return {
          before: {},
          after: { workloads, created, refreshed, expired, open, errors: run.errors.length },
          message: `${created} created, ${refreshed} refreshed, ${expired} expired; ${open} open`,
        };
      },
    );
    if (result instanceof AppError) return result;
    return { run: this.seen(run as RunReport, scope), ...result };
  }

  /** One pass; concurrent callers share the pass in flight. */
  run(): Promise<RunReport> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<RunReport> {
    const t0 = performance.now();
    const startedAt = new Date().toISOString();
    const { providers, settings: s, store } = this.deps;
    const errors: string[] = [];
    const workloads = providers.list({ providers: ['KUBERNETES'], kinds: [...WORKLOAD_KINDS] });
    const hpas = providers.list({
      providers: ['KUBERNETES'],
      kinds: ['HORIZONTAL_POD_AUTOSCALER'],
    });
    let snapshot: UsageSnapshot | undefined;
    if (!this.deps.usage) {
      // Only an error where there are workloads to analyse (not for an AWS-only estate).
      if (workloads.length > 0)
        errors.push('PROMETHEUS_URL is not set: no usage history to analyse');
    } else {
      try {
        snapshot = await this.deps.usage.snapshot(s.windowHours, s.cpuPercentile);
      } catch (err) {
        // Without history nothing is evaluated, so nothing open expires either.
        errors.push((err as Error).message);
      }
    }
    const profiles = snapshot ? buildProfiles(workloads, hpas, snapshot) : [];
    for (const p of profiles) p.rates = this.deps.rates?.(p.resource);
    const results: AnalyzerResult[] = [
      snapshot
        ? analyzeWorkloads(profiles, s, snapshot.queries)
        : { drafts: [], skips: [], evaluated: new Set() },
    ];
    for (const source of this.deps.sources) {
      try {
        results.push(await source.collect(profiles));
      } catch (err) {
        errors.push(`${source.name}: ${(err as Error).message}`);
      }
    }

    const suppressed = await store.suppressed();
    const proposed = new Set<string>();
    const skips = results.flatMap((r) => r.skips);
    let created = 0;
    let refreshed = 0;
    for (const d of results.flatMap((r) => r.drafts)) {
      const k = key(d.targetId, d.type);
      proposed.add(k);
      if (suppressed.has(k)) {
        skips.push({
          targetId: d.targetId,
          analyzer: d.source,
          reason: `${d.type} was rejected recently; suppressed`,
        });
        continue;
      }
      try {
        const { rec, outcome, superseded } = await store.upsertOpen(d);
        if (superseded) this.publish('STATUS_CHANGED', superseded);
        if (outcome === 'created') created++;
        if (outcome === 'refreshed') refreshed++;
        if (outcome !== 'unchanged')
          this.publish(outcome === 'created' ? 'CREATED' : 'UPDATED', rec);
      } catch (err) {
        // Another replica won the race for the same target and type: its row stands.
        this.deps.log.warn(
          { err, targetId: d.targetId, type: d.type },
          'recommendation not stored',
        );
      }
    }

    const evaluated = new Set(results.flatMap((r) => [...r.evaluated]));
    const idleTargets = new Set(
      results.flatMap((r) =>
        r.drafts.filter((d) => d.type === 'IDLE_WORKLOAD').map((d) => d.targetId),
      ),
    );
    let expired = 0;
    const open = await store.list({ statuses: ['OPEN'] });
    for (const o of open) {
      const k = key(o.targetId, o.type);
      if (proposed.has(k)) continue;
      const gone = !providers.get(o.targetId) && this.complete(o.targetId);
      if (!evaluated.has(k) && !gone) continue;
      const superseded = idleTargets.has(o.targetId) && o.type !== 'IDLE_WORKLOAD';
      const done = await store.resolve(
        o.id,
        superseded ? 'SUPERSEDED' : 'EXPIRED',
        superseded
          ? 'the workload is idle; see the stop recommendation'
          : gone
            ? 'the target no longer exists'
            : 'the condition no longer holds',
      );
      if (done) {
        expired++;
        this.publish('STATUS_CHANGED', done);
      }
    }
    const report: RunReport = {
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      workloads: profiles.length,
      created,
      refreshed,
      expired,
      open: (await store.list({ statuses: ['OPEN'] })).length,
      skips,
      errors,
    };
    this.last = report;
    await store
      .saveRun(report)
      .catch((err: unknown) => this.deps.log.error({ err }, 'could not store the run report'));
    this.deps.log.info({ ...report, skips: skips.length }, 'recommendation run');
    return report;
  }

  /** Stores drafts submitted by an agent (already validated); suppressed ones are skipped. */
  async ingest(drafts: Draft[]): Promise<Recommendation[]> {
    const suppressed = await this.deps.store.suppressed();
    const out: Recommendation[] = [];
    for (const d of drafts) {
      if (suppressed.has(key(d.targetId, d.type))) continue;
      const { rec, outcome, superseded } = await this.deps.store.upsertOpen(d);
      if (superseded) this.publish('STATUS_CHANGED', superseded);
      if (outcome !== 'unchanged') this.publish(outcome === 'created' ? 'CREATED' : 'UPDATED', rec);
      out.push(rec);
    }
    return out;
  }

  /** Whether the target's provider has a full, current picture (absence then means gone). */
  private complete(targetId: string): boolean {
    const name = targetId.startsWith('aws:') ? 'AWS' : 'KUBERNETES';
    const provider = this.deps.providers.enabled.find((p) => p.name === name);
    return (
      provider !== undefined &&
      provider.notReadyReason() === null &&
      !this.deps.providers.failures().some((f) => f.provider === name)
    );
  }

  private publish(type: RecommendationEvent['type'], recommendation: Recommendation): void {
    const event: RecommendationEvent = {
      type,
      recommendation,
      timestamp: new Date().toISOString(),
    };
    this.deps.events
      .append(RECOMMENDATION_TOPIC, event)
      .catch((err: unknown) =>
        this.deps.log.error({ err }, 'could not stream the recommendation event'),
      );
  }
  /** Carries the recommendation's action out through the pipeline (source RECOMMENDATION). */
  apply(input: ApplyInput): Promise<ActionOutcomeResult> {
    return this.decisions.apply(input);
  }

  /** Rejects an OPEN recommendation and suppresses the same advice for suppressHours. */
  reject(input: RejectInput): ReturnType<RecommendationDecisions['reject']> {
    return this.decisions.reject(input);
  }
}
