import type { ReadScope } from '../providers/provider.ts';
import { OIDC_PREFIX } from '../auth/viewer.ts';
import type { ActionVerb, ProviderName, ResourceKind } from '../providers/provider.ts';

export const AUDIT_SOURCES = ['API', 'RECOMMENDATION', 'CHATOPS', 'AGENT', 'SYSTEM'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

export const AUDIT_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/**
 * Every action the audit log records, as stored (lowercase; the record's hash covers the
 * stored name, so a name once written is never renamed). The provider verbs, then the actions
 * that name what was asked rather than the verb that ran, then changes to the orchestrator.
 */
export const AUDIT_ACTIONS = [
  'scale',
  'start',
  'stop',
  'restart',
  'reboot',
  'delete',
  'cordon',
  'uncordon',
  'create',
  'change_instance_type',
  'revert',
  'apply_recommendation',
  'reject_recommendation',
  'run_recommendations',
  'submit_recommendations',
  'register_agent',
  'remove_agent',
  'create_token',
  'prune_retention',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** The verbs recorded under their own name (patch never is: it runs for a named action). */
export type VerbAction = Extract<ActionVerb, AuditAction>;

/** What a stored action name reads as: itself, or `other` for a name this version does not know. */
export type KnownAuditAction = AuditAction | 'other';
const ACTION_SET: ReadonlySet<string> = new Set(AUDIT_ACTIONS);
export const knownAction = (stored: string): KnownAuditAction =>
  ACTION_SET.has(stored) ? (stored as AuditAction) : 'other';

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
  /** FORBIDDEN under impersonation: the Kubernetes permission the person lacked. */
  requiredPermission?: string;
}

/**
 * One action as recorded: modelled on the Kubernetes audit event (who, from where, which
 * verb on which object, the request, the response status, the object before and after).
 */
export interface AuditEvent {
  id: string;
  timestamp: string;
  /** The principal: a static token's name, an agent's token name, or `oidc:<subject>`. */
  actor: string;
  /** A signed-in person's display name when they acted (null for tokens, agents, the system). */
  actorName: string | null;
  actorRole: string;
  source: AuditSource;
  /** As stored: one of AUDIT_ACTIONS, or a name written by another version (see knownAction). */
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

export const ACTOR_KINDS = ['PERSON', 'TOKEN', 'AGENT', 'SYSTEM'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * What kind of caller acted, read from fields the hash chain covers (so it needs no field of
 * its own and holds for records written before people could sign in).
 */
export function actorKindOf(e: Pick<AuditEvent, 'actor' | 'actorRole' | 'source'>): ActorKind {
  if (e.source === 'SYSTEM') return 'SYSTEM';
  if (e.actor.startsWith(OIDC_PREFIX)) return 'PERSON';
  return e.actorRole === 'agent' ? 'AGENT' : 'TOKEN';
}

export interface AuditFilter {
  actions?: KnownAuditAction[] | undefined;
  statuses?: AuditStatus[] | undefined;
  actors?: string[] | undefined;
  sources?: AuditSource[] | undefined;
  resourceId?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  /** Only actions on what this viewer may read (set from the viewer, never by a query). */
  scope?: ReadScope | undefined;
}
