import type { AuditLedger } from '../audit/ledger.ts';
import type { OutcomeInput } from '../audit/chain-tables.ts';
import { auditErrorOf } from '../audit/redact.ts';
import type { AuditStore } from '../audit/store.ts';
import type { AuditEvent } from '../audit/types.ts';
import type { EventLog } from '../eventlog.ts';
import { auditPruneDue, pruneAuditLog } from '../audit/verify.ts';
import type { LeaderGate } from '../leader.ts';
import type { Logger } from '../logger.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { Database } from '../store/database.ts';
import { auditedPrune } from '../store/retention.ts';
import type { ActionOutcome, InterruptedAction } from '../providers/provider.ts';
import { ShutdownInterrupt } from './background.ts';
import { AUDIT_TOPIC, type ActionPipeline } from './pipeline.ts';

const HEARTBEAT_MS = 5_000;
/** A process silent this long is gone; its PENDING events get reconciled. */
const STALE_SECONDS = 15;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps the audit log whole across crashes: marks this process alive, completes PENDING events
 * left by processes that died between execution and outcome (with what the provider shows
 * now), and prunes beyond the retention period.
 */
export class AuditMaintenance {
  private timers: NodeJS.Timeout[] = [];
  private readonly deps: {
    db: Database;
    audit: AuditStore;
    providers: ProviderRegistry;
    log: Logger;
    instanceId: string;
    retentionDays: number;
    /** Signs the tree before a prune, so a checkpoint commits to what is removed. */
    ledger: Pick<AuditLedger, 'checkpoint'>;
    /**
     * A prune is itself an audit event (`prune_retention`) with the number of events removed;
     * resumed actions run in the pipeline's background work, which shutdown drains.
     */
    actions: Pick<ActionPipeline, 'record' | 'background'>;
    /** Where completed events are published (the auditEvents stream). */
    events: EventLog;
    /** Reconciling and pruning run on the leader only; every replica beats its heartbeat. */
    leader: LeaderGate;
  };

  constructor(deps: AuditMaintenance['deps']) {
    this.deps = deps;
  }

  start(): void {
    const every = (ms: number, task: () => Promise<unknown>) => {
      const run = () =>
        task().catch((err: unknown) => this.deps.log.warn({ err }, 'audit maintenance failed'));
      void run();
      const timer = setInterval(run, ms);
      timer.unref();
      this.timers.push(timer);
    };
    const { leader } = this.deps;
    const onLeader = (task: () => Promise<unknown>) => () =>
      leader.isLeader() ? task() : Promise.resolve();
    const reconcile = onLeader(() => this.reconcile());
    const prune = onLeader(() => this.prune());
    every(HEARTBEAT_MS, () => this.deps.audit.heartbeat(this.deps.instanceId));
    every(HEARTBEAT_MS * 2, reconcile);
    if (this.deps.retentionDays > 0) every(PRUNE_EVERY_MS, prune);
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  /**
   * Completes orphaned PENDING events: an action its provider can resume (an EC2 type change
   * caught in its stop-wait) is finished or put back in the background, and its outcome
   * recorded; any other is recorded FAILED as interrupted, with the state seen now. Returns how
   * many were taken up.
   */
  async reconcile(): Promise<number> {
    const { audit, providers, instanceId, actions } = this.deps;
    // What the provider "now shows" is only known once its caches have synced.
    if (!providers.synced()) return 0;
    const orphans = await audit.orphanedPending(instanceId, STALE_SECONDS);
    let taken = 0;
    for (const event of orphans) {
      if (actions.background.has(event.id)) continue; // being resumed by this process
      taken++;
      const target = event.target;
      const provider = target && providers.enabled.find((p) => p.name === target.provider);
      if (!event.dryRun && target && provider?.resume) {
        const resume = provider.resume.bind(provider);
        actions.background.run(event.id, (signal) =>
          this.resume(event, (a) => resume(a, signal)).catch((err: unknown) =>
            this.deps.log.error({ err, auditEventId: event.id }, 'could not resume an action'),
          ),
        );
        continue;
      }
      await this.interrupted(event);
    }
    return taken;
  }

  private async resume(
    event: AuditEvent,
    resume: (action: InterruptedAction) => Promise<ActionOutcome | null>,
  ): Promise<void> {
    let outcome: OutcomeInput;
    try {
      const done = await resume({
        verb: event.verb,
        targetId: event.target?.id ?? '',
        parameters: event.parameters,
      });
      if (!done) return await this.interrupted(event);
      const { before, after, message } = done;
      outcome = { status: 'SUCCEEDED', error: null, before, after, message, durationMs: null };
    } catch (err) {
      if (err instanceof ShutdownInterrupt) return; // still PENDING: the next start resumes it
      outcome = {
        status: 'FAILED',
        error: auditErrorOf(err),
        before: null,
        after: null,
        message: 'resumed after a restart',
        durationMs: null,
      };
    }
    this.completed(await this.deps.audit.recordOutcome(event.id, outcome), 'resumed');
  }

  /** Records an action that cannot be resumed as FAILED, with what the provider shows now. */
  private async interrupted(event: AuditEvent): Promise<void> {
    // An orchestrator change (no target) has no provider state to show.
    const now = event.target && this.deps.providers.get(event.target.id);
    const recorded = await this.deps.audit.recordOutcome(event.id, {
      status: 'FAILED',
      error: {
        code: 'INTERRUPTED',
        message:
          'The orchestrator stopped between executing this action and recording its outcome; ' +
          '`after` is what the provider showed when the log was reconciled.',
      },
      before: null,
      after:
        event.target === null ? null : now ? { exists: true, state: now.state } : { exists: false },
      message: 'reconciled after a restart',
      durationMs: null,
    });
    this.completed(recorded, 'reconciled');
  }

  private completed(event: AuditEvent, how: 'resumed' | 'reconciled'): void {
    this.deps.log.warn(
      { auditEventId: event.id, status: event.status },
      `${how} an interrupted action`,
    );
    this.deps.events
      .append(AUDIT_TOPIC, event)
      .catch((err: unknown) =>
        this.deps.log.error({ err, auditEventId: event.id }, 'could not stream the audit event'),
      );
  }

  async prune(): Promise<number> {
    const { retentionDays, ledger, db, log } = this.deps;
    const cutoff = new Date(Date.now() - retentionDays * 86_400_000);
    if (!(await auditPruneDue(db, cutoff))) return 0;
    // The checkpoint is signed after the prune's intent is recorded and before anything is
    // deleted: it commits to the records removed and to the intent that removes them.
    const { auditEvents } = await auditedPrune(
      this.deps.actions,
      { auditEvents: retentionDays },
      async () => {
        await ledger.checkpoint();
        return { auditEvents: await pruneAuditLog(db, cutoff) };
      },
    );
    if (auditEvents > 0) log.info({ removed: auditEvents }, 'pruned audit events past retention');
    return auditEvents;
  }
}
