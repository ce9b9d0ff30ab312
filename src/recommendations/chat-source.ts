// The chat's view of recommendations: the open ones in the order people see them, and apply /
// reject through the same engine methods as the mutations (pipeline, audit, suppression).
import type { ActionOutcomeResult } from '../actions/pipeline.ts';
import type { ActingAs, ChatRecommendation, ChatRecommendationsSource } from '../chat/sources.ts';
import { AppError } from '../errors.ts';
import type { ReadScope } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { RecommendationEngine } from './engine.ts';

export class RecommendationsChatSource implements ChatRecommendationsSource {
  private readonly engine: RecommendationEngine;
  private readonly providers: ProviderRegistry;

  constructor(engine: RecommendationEngine, providers: ProviderRegistry) {
    this.engine = engine;
    this.providers = providers;
  }

  /** The open advice the scope's viewer may read (all without a scope). */
  async open(limit: number, scope?: ReadScope): Promise<ChatRecommendation[]> {
    const open = await this.engine.store.list({ statuses: ['OPEN'], scope });
    return open.slice(0, limit).map((r) => ({
      id: r.id,
      title: r.title,
      target: this.providers.get(r.targetId) ?? null,
      estimatedMonthlySavings: r.estimatedMonthlySavings,
      risk: r.risk,
    }));
  }

  apply(id: string, as: ActingAs): Promise<ActionOutcomeResult> {
    return this.engine.apply({
      id,
      dryRun: as.dryRun,
      viewer: as.viewer,
      requestId: as.requestId,
      source: as.source,
    });
  }

  async reject(id: string, reason: string, as: ActingAs): Promise<ActionOutcomeResult> {
    const done = await this.engine.reject({
      id,
      reason,
      dryRun: as.dryRun,
      viewer: as.viewer,
      requestId: as.requestId,
      source: as.source,
    });
    return done instanceof AppError ? done : { auditEvent: done.auditEvent, dryRun: done.dryRun };
  }
}
