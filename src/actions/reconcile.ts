import type { AuditLedger } from '../audit/ledger.ts';
import type { AuditStore } from '../audit/store.ts';
import { auditPruneDue, pruneAuditLog } from '../audit/verify.ts';
import type { LeaderGate } from '../leader.ts';
import type { Logger } from '../logger.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { Database } from '../store/database.ts';
import { auditedPrune } from '../store/retention.ts';
import type { ActionPipeline } from './pipeline.ts';

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
    /** A prune is itself an audit event (`prune_retention`) with the number of events removed. */
    actions: Pick<ActionPipeline, 'record'>;
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

  /** Completes orphaned PENDING events; returns how many. */
  async reconcile(): Promise<number> {
    const { audit, providers, instanceId, log } = this.deps;
    // What the provider "now shows" is only known once its caches have synced.
    if (!providers.synced()) return 0;
    const orphans = await audit.orphanedPending(instanceId, STALE_SECONDS);
    for (const event of orphans) {
      // An orchestrator change (no target) has no provider state to show.
      const now = event.target && providers.get(event.target.id);
      await audit.recordOutcome(event.id, {
        status: 'FAILED',
        error: {
          code: 'INTERRUPTED',
          message:
            'The orchestrator stopped between executing this action and recording its outcome; ' +
            '`after` is what the provider showed when the log was reconciled.',
        },
        before: null,
        after:
          event.target === null
            ? null
            : now
              ? { exists: true, state: now.state }
              : { exists: false },
        message: 'reconciled after a restart',
        durationMs: null,
      });
      log.warn({ auditEventId: event.id }, 'reconciled an interrupted action');
    }
    return orphans.length;
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
