import type { ActionPipeline } from '../actions/pipeline.ts';
import type { AuditStore } from '../audit/store.ts';
import type { ChatStore } from '../chat/store.ts';
import type { LeaderGate } from '../leader.ts';
import type { Logger } from '../logger.ts';
import { NO_VERB } from '../recommendations/decisions.ts';
import type { RecommendationStore } from '../recommendations/store.ts';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs a retention prune as an audited change (`prune_retention`, source SYSTEM): the intent
 * with the days kept is recorded before `prune` runs, the outcome with the rows removed of
 * each kind (or the failure) after. Returns what `prune` removed; throws if it failed. Called
 * only for a run that has something to remove, so an idle log gains no hourly events.
 */
export async function auditedPrune<T extends Record<string, number>>(
  actions: Pick<ActionPipeline, 'record'>,
  days: Record<string, number>,
  prune: () => Promise<T>,
): Promise<T> {
  let removed: T | undefined;
  const result = await actions.record(
    {
      action: 'prune_retention',
      verb: NO_VERB,
      target: null,
      params: { days },
      recorded: { days },
      dryRun: false,
      source: 'SYSTEM',
      viewer: { name: 'orchestrator', role: 'admin' },
      requestId: null,
    },
    async () => {
      removed = await prune();
      const counts = Object.entries(removed).map(([kind, n]) => `${n} ${kind}`);
      return { before: { days }, after: { removed }, message: `removed ${counts.join(', ')}` };
    },
  );
  if (removed === undefined) {
    throw new Error(`retention prune failed: ${'message' in result ? result.message : ''}`);
  }
  return removed;
}

/** Days each kind of operational data is kept; 0 keeps it for ever. */
export interface RetentionDays {
  /** Conversations idle this long, and messages this old. */
  chat: number;
  /** Recommendations resolved (applied, rejected, expired, …) this long ago; lapsed suppressions. */
  recommendations: number;
  /** Heartbeat rows of orchestrator processes silent this long. */
  instances: number;
}

/**
 * Prunes the operational tables that otherwise only grow (chat, recommendation history,
 * instance heartbeats), hourly and on the leader only. The audit log has its own, proof-keeping
 * prune (AuditMaintenance).
 */
export class Retention {
  private timer: NodeJS.Timeout | undefined;
  private readonly deps: {
    days: RetentionDays;
    chat: Pick<ChatStore, 'prune'>;
    recommendations: Pick<RecommendationStore, 'prune'>;
    audit: Pick<AuditStore, 'pruneInstances'>;
    /** Each pass that removes anything is an audit event with its counts. */
    actions: Pick<ActionPipeline, 'record'>;
    leader: LeaderGate;
    log: Logger;
  };

  constructor(deps: Retention['deps']) {
    this.deps = deps;
  }

  start(): void {
    const run = () => {
      if (!this.deps.leader.isLeader()) return;
      this.prune().catch((err: unknown) => this.deps.log.warn({ err }, 'retention prune failed'));
    };
    run();
    this.timer = setInterval(run, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * One pass; returns how many rows of each kind went. A pass that removes anything is an
   * audit event, recorded once it is done: what it will remove is only known by removing it.
   */
  async prune(): Promise<{ chat: number; recommendations: number; instances: number }> {
    const { days, chat, recommendations, audit, log } = this.deps;
    const removed = {
      chat: days.chat > 0 ? await chat.prune(days.chat) : 0,
      recommendations:
        days.recommendations > 0 ? await recommendations.prune(days.recommendations) : 0,
      instances: days.instances > 0 ? await audit.pruneInstances(days.instances) : 0,
    };
    if (removed.chat + removed.recommendations + removed.instances > 0) {
      await auditedPrune(this.deps.actions, { ...days }, async () => removed);
      log.info({ removed }, 'pruned data past retention');
    }
    return removed;
  }
}
