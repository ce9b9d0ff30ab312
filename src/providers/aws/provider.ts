import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { NotFoundError } from '../../errors.ts';
import type { ComponentStatus } from '../../health.ts';
import type { Logger } from '../../logger.ts';
import type {
  ActionOutcome,
  ActionRequest,
  ActionVerb,
  InterruptedAction,
  Provider,
  Resource,
  ResourceEvent,
  ResourceFilter,
  RevertPlan,
} from '../provider.ts';
import { awsVerbs } from './action-checks.ts';
import type { RegionClients, RegionTarget } from './clients.ts';
import { describeFailure, mapAwsError } from './errors.ts';
import {
  AWS_KINDS,
  DEFAULT_PAGE_SIZES,
  parseAwsId,
  STOP_WAIT_SECONDS,
  type AwsKind,
  type PageSizes,
} from './model.ts';
import { awsRevertPlan, isSettled, SETTLE_DELAYS_MS } from './settle.ts';
import type { SpotPrice } from './inventory.ts';
import { AwsSnapshot, type SliceKey } from './snapshot.ts';

export interface AwsProviderOptions {
  endpoint?: string | undefined;
  regions: string[];
  pollIntervalSeconds: number;
  log: Logger;
  /** Per-region endpoint/credentials (another account, another emulator); tests use it too. */
  regionTargets?: Record<string, RegionTarget>;
  pageSizes?: Partial<PageSizes>;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  /** How long changeInstanceType waits for a stop (default 600 s); tests shorten it. */
  stopWaitSeconds?: number;
}

const KIND_LABEL: Record<AwsKind, string> = {
  EC2_INSTANCE: 'ec2 instances',
  EBS_VOLUME: 'ebs volumes',
  RDS_INSTANCE: 'rds instances',
  AUTO_SCALING_GROUP: 'auto scaling groups',
};

/**
 * The half that calls AWS (the SDK's clients, describes and actions), loaded when the provider
 * starts: a process with AWS not configured never loads the SDK (~100 MB of RSS).
 */
async function loadSdk() {
  const [clients, inventory, actions] = await Promise.all([
    import('./clients.ts'),
    import('./inventory.ts'),
    import('./actions.ts'),
  ]);
  return {
    regionClients: clients.regionClients,
    listKind: inventory.listKind,
    describeOne: inventory.describeOne,
    describeSpotPrices: inventory.describeSpotPrices,
    runAction: actions.runAction,
    resumeAction: actions.resumeAction,
  };
}
type Sdk = Awaited<ReturnType<typeof loadSdk>>;

/**
 * Watches EC2, EBS, RDS and Auto Scaling in every configured region by polling, keeps the
 * snapshot in memory (AwsSnapshot, which publishes the differences as resource events) and
 * carries out actions.
 */
export class AwsProvider implements Provider {
  readonly name = 'AWS' as const;
  readonly enabled: boolean;
  readonly regions: string[];
  private readonly options: AwsProviderOptions;
  private readonly pageSizes: PageSizes;
  private readonly clients = new Map<string, RegionClients>();
  /** Set by start(); every call that needs it first needs a region's clients, made there too. */
  private sdk: Sdk | undefined;
  private readonly snapshot: AwsSnapshot;
  private readonly errors = new Map<SliceKey, string>();
  /** Grows with every change of `errors` (what failures() reads). */
  failuresVersion = 0;
  private readonly attempted = new Set<SliceKey>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pollTimer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(options: AwsProviderOptions) {
    this.options = options;
    this.enabled = options.regions.length > 0 || Boolean(options.endpoint);
    // An endpoint alone (an emulator) still needs a region to sign requests for.
    this.regions = options.regions.length > 0 ? [...options.regions] : ['us-east-1'];
    this.pageSizes = { ...DEFAULT_PAGE_SIZES, ...options.pageSizes };
    this.snapshot = new AwsSnapshot(options.log);
  }

  async start(): Promise<void> {
    if (!this.enabled) return;
    this.stopped = false;
    const sdk = (this.sdk ??= await loadSdk());
    for (const region of this.regions) {
      const target = {
        endpoint: this.options.endpoint,
        ...this.options.regionTargets?.[region],
      };
      this.clients.set(
        region,
        sdk.regionClients(region, target, {
          maxAttempts: this.options.maxAttempts,
          requestTimeoutMs: this.options.requestTimeoutMs,
        }),
      );
    }
    await this.pollNow();
    this.schedulePoll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.inFlight?.catch(() => undefined);
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.pollTimer = setTimeout(() => {
      void this.pollNow().finally(() => this.schedulePoll());
    }, this.options.pollIntervalSeconds * 1000);
    this.pollTimer.unref();
  }

  /** One full poll of every region and kind; concurrent callers share the poll in flight. */
  pollNow(): Promise<void> {
    this.inFlight ??= Promise.all(this.regions.map((r) => this.pollRegion(r)))
      .then(() => undefined)
      .finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** A watched region's clients with the SDK's calls; undefined before start(). */
  private live(region: string): { c: RegionClients; sdk: Sdk } | undefined {
    const c = this.clients.get(region);
    return c && this.sdk ? { c, sdk: this.sdk } : undefined;
  }

  private async pollRegion(region: string): Promise<void> {
    const r = this.live(region);
    if (!r) return;
    await Promise.all(
      AWS_KINDS.map(async (kind) => {
        const key: SliceKey = `${region}/${kind}`;
        const startedAt = Date.now();
        try {
          const list = await r.sdk.listKind(r.c, kind, this.pageSizes);
          if (this.stopped) return;
          this.snapshot.applySlice(key, list, startedAt);
          if (this.errors.delete(key)) {
            this.failuresVersion++;
            this.options.log.info({ region, kind }, 'aws poll recovered');
          }
        } catch (err) {
          // Keep the last good snapshot of this slice: stale data named as failed beats a
          // burst of DELETED events for things that still exist.
          const message = describeFailure(err);
          if (this.errors.get(key) !== message) {
            this.options.log.warn({ region, kind, err: message }, 'aws poll failed');
            this.errors.set(key, message);
            this.failuresVersion++;
          }
        } finally {
          this.attempted.add(key);
        }
      }),
    );
  }

  /** Re-reads one resource now (after an action) rather than waiting for the next poll. */
  async refresh(
    region: string,
    kind: AwsKind,
    nativeId: string,
    id: string,
  ): Promise<Resource | undefined> {
    const r = this.live(region);
    if (!r) return undefined;
    const startedAt = Date.now();
    const fresh = await r.sdk.describeOne(r.c, kind, nativeId);
    if (!this.stopped) this.snapshot.applyOne(`${region}/${kind}`, id, fresh, startedAt);
    return fresh;
  }

  notReadyReason(): string | null {
    if (!this.enabled) return null;
    // Ready once every region has been tried: a region that keeps failing shows in `status`
    // as DEGRADED/DOWN, and restarting the orchestrator would not bring it back.
    const pending = this.regions.filter((r) =>
      AWS_KINDS.some((k) => !this.attempted.has(`${r}/${k}`)),
    );
    return pending.length > 0 ? `first poll of ${pending.join(', ')} not finished` : null;
  }

  async health(): Promise<ComponentStatus> {
    if (!this.enabled) return { state: 'DISABLED', message: 'not configured' };
    if (this.notReadyReason()) return { state: 'DEGRADED', message: this.notReadyReason() ?? '' };
    const failures = this.failures();
    const total = this.regions.length * AWS_KINDS.length;
    const summary = `${this.snapshot.size} resources in ${this.regions.join(', ')}`;
    if (failures.length === 0) return { state: 'UP', message: summary };
    const named = failures.map((f) => `${f.cluster}: ${f.message}`).join(' | ');
    return this.errors.size >= total
      ? { state: 'DOWN', message: named }
      : { state: 'DEGRADED', message: `${summary}; failing ${named}` };
  }

  failures(): { cluster: string; message: string }[] {
    // In configuration order, so the same failures always read the same way.
    return this.regions.flatMap((cluster) => {
      const parts = AWS_KINDS.flatMap((kind) => {
        const message = this.errors.get(`${cluster}/${kind}`);
        return message ? [`${KIND_LABEL[kind]}: ${message}`] : [];
      });
      return parts.length > 0 ? [{ cluster, message: parts.join('; ') }] : [];
    });
  }

  get version(): number {
    return this.snapshot.version;
  }

  get(id: string): Resource | undefined {
    return this.snapshot.get(id);
  }

  list(filter: ResourceFilter): Resource[] {
    const regions = filter.clusters?.length ? filter.clusters : this.regions;
    const kinds = filter.kinds?.length
      ? AWS_KINDS.filter((k) => filter.kinds?.includes(k))
      : AWS_KINDS;
    return this.snapshot.list(
      regions.flatMap((region) => kinds.map((kind): SliceKey => `${region}/${kind}`)),
      filter,
    );
  }

  onEvent(listener: (event: ResourceEvent) => void): () => void {
    return this.snapshot.onEvent(listener);
  }

  verbs(resource: Resource): ActionVerb[] {
    return awsVerbs(resource);
  }

  /** The CloudWatch client of a watched region, for the CloudWatch metric source. */
  cloudwatch(region: string): CloudWatchClient | undefined {
    return this.clients.get(region)?.cloudwatch;
  }

  /**
   * The spot prices now in effect for these instance types in a watched region, one per
   * zone; undefined for a region not watched (or before start). AWS errors are ProviderErrors.
   */
  async spotPrices(region: string, instanceTypes: string[]): Promise<SpotPrice[] | undefined> {
    const r = this.live(region);
    if (!r) return undefined;
    try {
      return await r.sdk.describeSpotPrices(r.c, instanceTypes, new Date());
    } catch (err) {
      throw mapAwsError(err, `spot prices in ${region}`);
    }
  }

  async execute(request: ActionRequest): Promise<ActionOutcome> {
    const ref = parseAwsId(request.target.id);
    const r = ref && this.live(ref.region);
    if (!ref || !r) throw new NotFoundError(`No watched AWS resource ${request.target.id}`);
    const id = request.target.id;
    // Act on what AWS says now, not on a snapshot up to one poll old.
    let fresh: Resource | undefined;
    try {
      fresh = await this.refresh(ref.region, ref.kind, ref.nativeId, id);
    } catch (err) {
      throw mapAwsError(err, `describe ${ref.kind} ${ref.nativeId} in ${ref.region}`);
    }
    if (!fresh)
      throw new NotFoundError(`${ref.kind} ${ref.nativeId} does not exist in ${ref.region}`);
    const outcome = await r.sdk.runAction(r.c, fresh, request, this.limits());
    // Scaling launches or terminates instances, terminating drops volumes: those re-list the
    // region as they settle; the others only touch their target.
    const wide = request.verb === 'scale' || request.verb === 'delete';
    if (request.dryRun) return outcome;
    const settle = () => this.settle(ref.region, ref.kind, ref.nativeId, id, wide);
    await settle();
    const { finish } = outcome;
    if (!finish) return outcome;
    return {
      ...outcome,
      finish: async (signal) => {
        try {
          return await finish(signal);
        } finally {
          await settle();
        }
      },
    };
  }

  async resume(action: InterruptedAction, signal: AbortSignal): Promise<ActionOutcome | null> {
    const ref = parseAwsId(action.targetId);
    const r = ref && this.live(ref.region);
    if (!ref || !r) return null;
    const fresh = await this.refresh(ref.region, ref.kind, ref.nativeId, action.targetId);
    if (!fresh) return null;
    try {
      return await r.sdk.resumeAction(r.c, fresh, action, this.limits(), signal);
    } finally {
      await this.settle(ref.region, ref.kind, ref.nativeId, action.targetId, false);
    }
  }

  private limits() {
    return { stopWaitSeconds: this.options.stopWaitSeconds ?? STOP_WAIT_SECONDS };
  }

  /**
   * Refreshes the target right away and then on a short backoff until it reaches a stable
   * state, so the resourceEvent follows the action within seconds, not a poll interval.
   */
  private async settle(
    region: string,
    kind: AwsKind,
    nativeId: string,
    id: string,
    wide: boolean,
  ): Promise<void> {
    const step = async (attempt: number): Promise<void> => {
      let fresh: Resource | undefined;
      try {
        fresh = await this.refresh(region, kind, nativeId, id);
        if (wide && attempt > 0) await this.pollRegion(region);
      } catch (err) {
        this.options.log.warn({ id, err: describeFailure(err) }, 'aws refresh after action failed');
      }
      const delay = SETTLE_DELAYS_MS[attempt];
      if (this.stopped || delay === undefined || (attempt > 0 && isSettled(fresh))) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void step(attempt + 1);
      }, delay);
      timer.unref();
      this.timers.add(timer);
    };
    await step(0);
  }

  revertPlan(
    verb: ActionVerb,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): RevertPlan | null {
    return awsRevertPlan(verb, before, after);
  }
}
