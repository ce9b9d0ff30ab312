import { roleRefusal } from '../auth/permissions.ts';
import type { ActionOutcomeResult, ActionPipeline } from '../actions/pipeline.ts';
import type { AuditEvent, AuditSource, AuditTarget } from '../audit/types.ts';
import { roleAtLeast, type Viewer } from '../auth/viewer.ts';
import {
  AppError,
  ConflictError,
  type ForbiddenError,
  NotFoundError,
  ProviderError,
  ValidationError,
} from '../errors.ts';
import type { Logger } from '../logger.ts';
import { parseResourceId } from '../providers/ids.ts';
import type { ActionVerb, Resource, ResourcePlace } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { RecommendationStore } from './store.ts';
import type { Recommendation } from './types.ts';

/**
 * The verb recorded for a decision that runs nothing on the target (rejecting advice).
 * Not a provider verb: `revertAction` finds no plan for it and answers IrreversibleError.
 */
export const NO_VERB = 'none' as ActionVerb;

/** The target as stored with a recommendation (it may no longer exist). */
export function recordedTarget(rec: Recommendation): AuditTarget {
  const parsed = parseResourceId(rec.targetId);
  return {
    id: rec.targetId,
    provider: parsed?.provider ?? (rec.targetId.startsWith('aws:') ? 'AWS' : 'KUBERNETES'),
    kind: rec.targetKind,
    cluster: parsed?.cluster ?? '',
    namespace: rec.targetNamespace,
    name: rec.targetName,
  };
}

/** The audit target of a recommendation: the live resource, else what was stored with it. */
export function auditTargetOf(rec: Recommendation, live: Resource | undefined): AuditTarget {
  if (!live) return recordedTarget(rec);
  const { id, provider, kind, cluster, namespace, name } = live;
  return { id, provider, kind, cluster, namespace, name };
}

export interface ApplyInput {
  id: string;
  dryRun: boolean;
  idempotencyKey?: string | null | undefined;
  confirm?: string | null | undefined;
  viewer: Viewer;
  requestId: string | null;
  /** Where the request came from (ChatOps applies advice too); RECOMMENDATION by default. */
  source?: AuditSource | undefined;
}

export interface RejectInput {
  id: string;
  reason: string;
  viewer: Viewer;
  requestId?: string | null | undefined;
  source?: AuditSource | undefined;
  dryRun?: boolean | undefined;
  idempotencyKey?: string | null | undefined;
}

export interface DecisionDeps {
  store: RecommendationStore;
  providers: ProviderRegistry;
  actions: ActionPipeline;
  suppressHours: number;
  log: Logger;
  /** Streams a recommendation whose status a decision changed. */
  statusChanged: (recommendation: Recommendation) => void;
  /** Why a person may not read a target under KUBE_IMPERSONATION (KubeAccess); absent: off. */
  access?:
    | {
        unreadable(
          viewer: Viewer,
          place: ResourcePlace,
          what: string,
        ): Promise<ForbiddenError | null>;
      }
    | undefined;
}

/** Applies and rejects recommendations: each decision goes through the action pipeline, audited. */
export class RecommendationDecisions {
  private readonly deps: DecisionDeps;

  constructor(deps: DecisionDeps) {
    this.deps = deps;
  }

  /** Carries the recommendation's action out through the pipeline (source RECOMMENDATION). */
  async apply(input: ApplyInput): Promise<ActionOutcomeResult> {
    const rec = await this.deps.store.get(input.id);
    if (!rec) return new NotFoundError(`No recommendation ${input.id}`);
    const refused = await this.refused(rec, 'apply_recommendation', rec.action?.verb, input);
    if (refused) return refused;
    if (rec.status !== 'OPEN') {
      return new ConflictError(`Recommendation ${rec.id} is ${rec.status}, not OPEN`);
    }
    if (!rec.action) {
      return new ValidationError(`"${rec.title}" has no action the orchestrator can take`, [
        { path: 'id', message: 'advisory only' },
      ]);
    }
    if (rec.action.manualOnly && input.confirm !== rec.targetName) {
      return new ValidationError(
        `"${rec.title}" is never applied automatically; confirm with the target's name (${rec.targetName})`,
        [{ path: 'confirm', message: `must equal ${rec.targetName}` }],
      );
    }
    const result = await this.deps.actions.run({
      action: 'apply_recommendation',
      verb: rec.action.verb,
      targetId: rec.targetId,
      params: rec.action.params,
      precondition: rec.action.precondition,
      dryRun: input.dryRun,
      idempotencyKey: input.idempotencyKey,
      confirm: input.confirm,
      context: { recommendationId: rec.id },
      source: input.source ?? 'RECOMMENDATION',
      viewer: input.viewer,
      requestId: input.requestId,
    });
    if (input.dryRun) return result;
    if (result instanceof AppError || !result.settled) {
      await this.settle(rec.id, result, input.viewer.name);
    } else {
      // An action going on in the background (an instance type change): the recommendation
      // stays OPEN until its outcome is recorded (or a restart's reconciler completes it).
      void result.settled
        .then((final) => final && this.settle(rec.id, final, input.viewer.name))
        .catch((err: unknown) => this.deps.log.error({ err, id: rec.id }, 'could not settle'));
    }
    return result;
  }

  /**
   * Advice about what the person may not read (their cluster RBAC) is not theirs to decide:
   * a ForbiddenError naming the permission that would show it, recorded as a FAILED decision
   * as the cluster's own refusals of their actions are; nothing else changes. Null: they may.
   */
  private async refused(
    rec: Recommendation,
    action: 'apply_recommendation' | 'reject_recommendation',
    verb: ActionVerb | undefined,
    input: ApplyInput | RejectInput,
  ): Promise<AppError | null> {
    const target = recordedTarget(rec);
    const refusal = await this.deps.access?.unreadable(
      input.viewer,
      target,
      `${action === 'apply_recommendation' ? 'apply' : 'reject'} "${rec.title}"`,
    );
    if (!refusal) return null;
    const result = await this.deps.actions.record(
      {
        action,
        verb: verb ?? NO_VERB,
        target,
        params: { recommendationId: rec.id },
        recorded: { recommendationId: rec.id, type: rec.type },
        dryRun: input.dryRun ?? false,
        source: input.source ?? 'RECOMMENDATION',
        viewer: input.viewer,
        requestId: input.requestId ?? null,
      },
      () => Promise.reject(refusal),
    );
    return result instanceof AppError ? result : refusal;
  }

  private async settle(id: string, result: ActionOutcomeResult, actor: string): Promise<void> {
    if (!(result instanceof AppError)) {
      const done = await this.deps.store.resolve(
        id,
        'APPLIED',
        `applied by ${actor}`,
        result.auditEvent.id,
      );
      if (done) this.deps.statusChanged(done);
    } else if (result instanceof ProviderError) {
      // The target refused for a reason of its own; a person has to look. Conflicts and
      // validation errors leave it OPEN: the next run refreshes it from the current spec.
      const done = await this.deps.store.resolve(id, 'FAILED', result.message);
      if (done) this.deps.statusChanged(done);
    }
  }

  /**
   * Keeps the reason and suppresses the same advice on the same target for suppressHours.
   * Recorded by the action pipeline like any action (action reject_recommendation, verb
   * none), with dryRun and idempotencyKey; refused input (no role, no reason, unknown id, not
   * OPEN) is answered with a typed error and recorded nowhere, unless an idempotency key
   * asks for the earlier result.
   */
  async reject(
    input: RejectInput,
  ): Promise<
    { recommendation: Recommendation; auditEvent: AuditEvent; dryRun: boolean } | AppError
  > {
    if (!roleAtLeast(input.viewer.role, 'operator')) {
      return roleRefusal(input.viewer, 'operator', 'reject recommendations');
    }
    const reason = input.reason.trim();
    if (reason.length === 0 || reason.length > 1000) {
      return new ValidationError('reason must be 1 to 1000 characters', [
        { path: 'reason', message: 'required' },
      ]);
    }
    const { store, providers } = this.deps;
    const rec = await store.get(input.id);
    if (!rec) return new NotFoundError(`No recommendation ${input.id}`);
    const refused = await this.refused(rec, 'reject_recommendation', NO_VERB, input);
    if (refused) return refused;
    const notOpen = () => new ConflictError(`Recommendation ${rec.id} is ${rec.status}, not OPEN`);
    if (rec.status !== 'OPEN' && !input.idempotencyKey) return notOpen();
    const suppressHours = this.deps.suppressHours;
    let rejected: Recommendation | undefined;
    const result = await this.deps.actions.record(
      {
        action: 'reject_recommendation',
        verb: NO_VERB,
        target: auditTargetOf(rec, providers.get(rec.targetId)),
        params: { recommendationId: rec.id, reason },
        recorded: { recommendationId: rec.id, type: rec.type, reason, suppressHours },
        dryRun: input.dryRun ?? false,
        idempotencyKey: input.idempotencyKey,
        source: input.source ?? 'RECOMMENDATION',
        viewer: input.viewer,
        requestId: input.requestId ?? null,
      },
      async (dryRun) => {
        if (rec.status !== 'OPEN') throw notOpen();
        const until = new Date(Date.now() + suppressHours * 3_600_000).toISOString();
        const after = { status: 'REJECTED', suppressedUntil: until };
        const what = `${rec.type} on ${rec.targetName}; suppressed until ${until}`;
        if (dryRun) {
          return {
            before: { status: rec.status },
            after,
            message: `(dry run) would have rejected ${what}`,
          };
        }
        const done = await store.resolve(rec.id, 'REJECTED', `${input.viewer.name}: ${reason}`);
        // Lost a race with another decision or run: nothing was changed.
        if (!done) throw new ConflictError(`Recommendation ${rec.id} is no longer OPEN`);
        await store.suppress(rec.targetId, rec.type, new Date(until), reason, input.viewer.name);
        rejected = done;
        return { before: { status: rec.status }, after, message: `rejected ${what}` };
      },
    );
    if (result instanceof AppError) return result;
    if (rejected) this.deps.statusChanged(rejected);
    const current = rejected ?? (await store.get(rec.id)) ?? rec;
    return { recommendation: current, auditEvent: result.auditEvent, dryRun: result.dryRun };
  }
}
