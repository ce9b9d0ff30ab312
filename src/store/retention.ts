import type { AuditStore } from '../audit/store.ts';
import type { ChatStore } from '../chat/store.ts';
import type { LeaderGate } from '../leader.ts';
import type { Logger } from '../logger.ts';
import type { RecommendationStore } from '../recommendations/store.ts';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

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

  /** One pass; returns how many rows of each kind were removed. */
  async prune(): Promise<{ chat: number; recommendations: number; instances: number }> {
    const { days, chat, recommendations, audit, log } = this.deps;
    const removed = {
      chat: days.chat > 0 ? await chat.prune(days.chat) : 0,
      recommendations:
        days.recommendations > 0 ? await recommendations.prune(days.recommendations) : 0,
      instances: days.instances > 0 ? await audit.pruneInstances(days.instances) : 0,
    };
    if (removed.chat + removed.recommendations + removed.instances > 0) {
      log.info({ removed }, 'pruned data past retention');
    }
    return removed;
  }
}
