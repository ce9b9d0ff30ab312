import type { Viewer } from '../auth/viewer.ts';
import type { AuditStore } from '../audit/store.ts';
import type { AuditEvent, AuditSource, AuditTarget } from '../audit/types.ts';
import { AppError, UnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ActionVerb, Resource } from '../providers/provider.ts';
import type { Recommendation } from './types.ts';

/**
 * The verb recorded for a decision that runs nothing on the target (rejecting advice).
 * Not a provider verb: `revertAction` finds no plan for it and answers IrreversibleError.
 */
export const NO_VERB = 'none' as ActionVerb;

/** The target as stored with a recommendation (it may no longer exist). */
export function recordedTarget(rec: Recommendation): AuditTarget {
  // Ids are `k8s:<context>:<KIND>:…` and `aws:<region>:<KIND>:…` (see the providers).
  const [prefix = '', cluster = ''] = rec.targetId.split(':');
  return {
    id: rec.targetId,
    provider: prefix === 'aws' ? 'AWS' : 'KUBERNETES',
    kind: rec.targetKind,
    cluster,
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

/**
 * Records a decision about a recommendation the way the action pipeline records an action:
 * PENDING durably first (nothing happens if that write fails), then `decide`, then the
 * outcome, then the event is published. `decide` answers the outcome's `after` or an
 * AppError (recorded as FAILED and returned).
 */
export async function recordDecision<T>(
  deps: {
    audit: AuditStore;
    instanceId: string;
    log: Logger;
    publish: (event: AuditEvent) => void;
  },
  input: {
    action: string;
    rec: Recommendation;
    target: AuditTarget;
    parameters: Record<string, unknown>;
    viewer: Viewer;
    source: AuditSource;
    requestId: string | null;
  },
  decide: () => Promise<{ value: T; after: Record<string, unknown>; message: string } | AppError>,
): Promise<{ value: T; auditEvent: AuditEvent } | AppError> {
  let pending: AuditEvent;
  try {
    pending = await deps.audit.recordIntent({
      actor: input.viewer.name,
      actorRole: input.viewer.role,
      source: input.source,
      action: input.action,
      verb: NO_VERB,
      target: input.target,
      parameters: { recommendationId: input.rec.id, type: input.rec.type, ...input.parameters },
      dryRun: false,
      requestId: input.requestId,
      idempotencyKey: null,
      inputHash: null,
      reverts: null,
      instanceId: deps.instanceId,
    });
  } catch (err) {
    deps.log.error({ err }, 'could not record the audit event; decision not taken');
    return new UnavailableError('The audit log could not be written, so nothing was changed');
  }
  const started = performance.now();
  const result = await decide();
  const failed = result instanceof AppError;
  let recorded = pending;
  try {
    recorded = await deps.audit.recordOutcome(pending.id, {
      status: failed ? 'FAILED' : 'SUCCEEDED',
      error: failed ? { code: result.code, message: result.message } : null,
      before: failed ? null : { status: input.rec.status },
      after: failed ? null : result.after,
      message: failed ? null : result.message,
      durationMs: Math.round(performance.now() - started),
    });
  } catch (err) {
    // The decision stands; its PENDING record is completed by the reconciler later.
    deps.log.error({ err, auditEventId: pending.id }, 'could not record the outcome');
  }
  deps.publish(recorded);
  return failed ? result : { value: result.value, auditEvent: recorded };
}
