import type { ActionVerb, ProviderName, ResourceKind } from '../providers/provider.ts';

export const AUDIT_SOURCES = ['API', 'RECOMMENDATION', 'CHATOPS', 'AGENT', 'SYSTEM'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

export const AUDIT_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export interface AuditTarget {
  id: string;
  provider: ProviderName;
  kind: ResourceKind;
  cluster: string;
  namespace: string | null;
  name: string;
}

export interface AuditError {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
}

/**
 * One action as recorded: modelled on the Kubernetes audit event (who, from where, which
 * verb on which object, the request, the response status, the object before and after).
 */
export interface AuditEvent {
  id: string;
  timestamp: string;
  actor: string;
  actorRole: string;
  source: AuditSource;
  /** scale, start, stop, restart, delete, apply_recommendation, revert, … */
  action: string;
  /** The provider verb that ran (revert and recommendations run a verb of their own). */
  verb: ActionVerb;
  /** The resource acted on; null for changes to the orchestrator itself (agents, tokens, runs). */
  target: AuditTarget | null;
  parameters: Record<string, unknown>;
  dryRun: boolean;
  status: AuditStatus;
  error: AuditError | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  message: string | null;
  durationMs: number | null;
  requestId: string | null;
  idempotencyKey: string | null;
  /** The event this one reverts, if any. */
  reverts: string | null;
  hash: string;
  prevHash: string;
  /** The Merkle tree leaf of the intent record, and of the outcome record once written. */
  leafIndex: number;
  outcomeLeafIndex: number | null;
}

export interface AuditFilter {
  actions?: string[] | undefined;
  statuses?: AuditStatus[] | undefined;
  actors?: string[] | undefined;
  sources?: AuditSource[] | undefined;
  resourceId?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
}
