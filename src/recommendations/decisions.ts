import type { AuditTarget } from '../audit/types.ts';
import { parseResourceId } from '../providers/ids.ts';
import type { ActionVerb, Resource } from '../providers/provider.ts';
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
