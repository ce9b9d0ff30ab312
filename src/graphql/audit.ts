import {
  ACTOR_KINDS,
  actorKindOf,
  AUDIT_ACTIONS,
  AUDIT_SOURCES,
  AUDIT_STATUSES,
  knownAction,
  type AuditAction,
  type AuditEvent,
  type KnownAuditAction,
} from '../audit/types.ts';
import { aboutTheEstate, filterMatcher } from '../audit/filter.ts';
import { ROLES, type Role } from '../config.ts';
import { seesEstate } from '../providers/ids.ts';
import { ACTION_VERBS } from '../providers/provider.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { optionalStreamFields } from './streams.ts';
import { RoleEnum } from './status.ts';
import {
  ActionVerbEnum,
  ProviderEnum,
  ResourceInterface,
  resourceGlobalId,
  ResourceKindEnum,
} from './resources.ts';

// The audit event and its enums; the log's pages, filter and subscription are in audit-log.ts.

const SOURCE_DOCS: Record<(typeof AUDIT_SOURCES)[number], string> = {
  API: 'A mutation sent by an API client or the dashboard.',
  RECOMMENDATION: 'Applying or rejecting a recommendation, or a recommendation run.',
  CHATOPS: 'A step of a confirmed ChatOps plan.',
  AGENT: 'A recommendation agent (its registration, heartbeat or submitted advice).',
  SYSTEM: 'The orchestrator itself (e.g. the first admin token created at start).',
};

export const AuditSourceEnum = builder.enumType('AuditSource', {
  description: 'Through which entry point an action came.',
  values: Object.fromEntries(
    AUDIT_SOURCES.map((s) => [s, { description: SOURCE_DOCS[s] }]),
  ) as Record<(typeof AUDIT_SOURCES)[number], { description: string }>,
});

const ACTOR_KIND_DOCS: Record<(typeof ACTOR_KINDS)[number], string> = {
  PERSON: 'A person signed in through OIDC: `actor` is `oidc:<subject>`, `actorName` their name.',
  TOKEN: 'A static API token: `actor` is its name.',
  AGENT: "A recommendation agent's token: `actor` is the agent's name.",
  SYSTEM: 'The orchestrator itself (start-up, retention).',
};

export const ActorKindEnum = builder.enumType('ActorKind', {
  description: 'What kind of caller an audited action came from.',
  values: Object.fromEntries(
    ACTOR_KINDS.map((k) => [k, { description: ACTOR_KIND_DOCS[k] }]),
  ) as Record<(typeof ACTOR_KINDS)[number], { description: string }>,
});

const STATUS_DOCS: Record<(typeof AUDIT_STATUSES)[number], string> = {
  PENDING:
    'Recorded before it ran and not finished yet: a long action (an EC2 instance type change) goes on in the background after its mutation answered, and its outcome completes this same event, published again on `auditEvents`. One left by a process that stopped is resumed or reconciled at the next start (README: Actions and the audit log).',
  SUCCEEDED: 'It ran and the provider accepted it.',
  FAILED: 'It ran and failed, or was refused; `error` says why.',
};

export const AuditStatusEnum = builder.enumType('AuditStatus', {
  description: 'Where an action is: recorded before it runs, then again with its outcome.',
  values: Object.fromEntries(
    AUDIT_STATUSES.map((s) => [s, { description: STATUS_DOCS[s] }]),
  ) as Record<(typeof AUDIT_STATUSES)[number], { description: string }>,
});

const ACTION_DESCRIPTIONS: Record<AuditAction, string> = {
  scale: 'Set the replicas of a workload or the desired capacity of an Auto Scaling group.',
  start: 'Start a stopped workload (its remembered replicas) or instance.',
  stop: 'Stop a workload (scale to 0, remembering its replicas) or an instance.',
  restart: 'Rollout-restart a workload, or delete a controller-owned pod.',
  reboot: 'Reboot an EC2 instance.',
  delete: 'Delete a resource (never revertible).',
  cordon: 'Mark a node unschedulable.',
  uncordon: 'Mark a node schedulable again.',
  create: 'Create objects in a namespace from manifests (ChatOps).',
  change_instance_type: 'Change the type of an EC2 instance (verb PATCH).',
  revert: 'Restore the recorded before of an earlier action (`reverts` names it).',
  apply_recommendation: 'Carry out a recommendation; the verb is the one its advice runs.',
  reject_recommendation: 'Reject a recommendation with a reason; runs no verb.',
  run_recommendations: 'An analysis pass asked for by an admin; runs no verb, has no target.',
  submit_recommendations: 'Advice submitted by an agent; runs no verb, has no target.',
  register_agent: 'An agent registered or updated; runs no verb, has no target.',
  remove_agent: 'An agent removed; runs no verb, has no target.',
  create_token: 'The first admin token, created at start; runs no verb, has no target.',
  prune_retention:
    'A retention run of the leader: the days kept per kind (parameters) and the rows removed (after); runs no verb, has no target.',
};

export const AuditActionEnum = builder.enumType('AuditAction', {
  description:
    'What was asked, as recorded. Distinct from the verb that ran: apply_recommendation and revert run the verb of the advice or of the undo.',
  values: {
    ...(Object.fromEntries(
      AUDIT_ACTIONS.map((a) => [
        a.toUpperCase(),
        { value: a, description: ACTION_DESCRIPTIONS[a] },
      ]),
    ) as Record<Uppercase<AuditAction>, { value: AuditAction; description: string }>),
    OTHER: {
      value: 'other' as const,
      description:
        'A name this version does not know, written by another version; the hash-chained record keeps it verbatim.',
    },
  },
});

const VERBS: ReadonlySet<string> = new Set(ACTION_VERBS);
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

const AuditErrorRef = builder.objectRef<NonNullable<AuditEvent['error']>>('AuditError').implement({
  description: 'Why a recorded action failed, as recorded.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'The error code (an ErrorCode name, or one another version wrote).',
    }),
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
  }),
});

const AuditTargetRef = builder
  .objectRef<NonNullable<AuditEvent['target']>>('AuditTarget')
  .implement({
    description: 'The target as it was named when the action ran (it may be gone since).',
    fields: (t) => ({
      id: t.id({
        description: 'The global id of the resource.',
        resolve: (x) => resourceGlobalId(x.kind, x.id),
      }),
      provider: t.field({
        type: ProviderEnum,
        description: 'Which provider it belonged to.',
        resolve: (x) => x.provider,
      }),
      kind: t.field({
        type: ResourceKindEnum,
        description: 'What it was.',
        resolve: (x) => x.kind,
      }),
      cluster: t.exposeString('cluster', { description: 'Kubernetes context, or AWS region.' }),
      namespace: t.exposeString('namespace', {
        nullable: true,
        description: 'Its namespace; null for cluster-scoped kinds and AWS resources.',
      }),
      name: t.exposeString('name', { description: 'Its name then.' }),
      resource: t.field({
        type: ResourceInterface,
        nullable: true,
        description: 'The resource now, if it still exists.',
        resolve: (x, _args, ctx) => ctx.services.providers.get(x.id) ?? null,
      }),
    }),
  });

/** The query that gives the current state again after a gap. */
export const AUDIT_REFETCH = 'auditLog';

/**
 * Whether the viewer reads an event's details (parameters, error, before, after, message,
 * inclusion proofs): always, but for an event about the whole estate (`aboutTheEstate`) only when they
 * may list every pod and node of every cluster. The one rule for every way an event is read:
 * the log, its subscription, node(id), a mutation's answer, the overview, proofs.
 */
export function detailsShown(e: AuditEvent, ctx: GraphQLContext): boolean {
  return !aboutTheEstate(e) || seesEstate(ctx.scope, ctx.services.kubernetes?.contexts ?? []);
}

/**
 * Loaded by id in one batch per execution: `node(id)`, `AuditEvent.reverts` and
 * `Recommendation.appliedAuditEvent` return ids, and a page of them costs one query.
 */
export const AuditEventRef = builder.loadableNodeRef<
  AuditEvent | null,
  string,
  string,
  string,
  AuditEvent
>('AuditEvent', {
  id: { resolve: (e) => e.id },
  // An action on what the viewer may not read is not there (null), as in the log they page.
  load: async (ids, ctx) => {
    const keep = filterMatcher({ scope: ctx.scope });
    return (await ctx.services.audit.getMany(ids)).map((e) => (e && keep(e) ? e : null));
  },
});
AuditEventRef.implement({
  description: 'One action, recorded before it ran and again with its outcome; hash-chained.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'prevHash' in v,
  fields: (t) => ({
    timestamp: t.field({
      type: 'DateTime',
      description: 'When it was asked for (the intent record; the log is ordered by it).',
      resolve: (e) => e.timestamp,
    }),
    actor: t.exposeString('actor', {
      description:
        'Who asked: `oidc:<subject>` for a signed-in person, else the name of the API token (or agent).',
    }),
    actorName: t.string({
      description:
        "Who asked, as people read it: a signed-in person's display name when they acted, else `actor`.",
      resolve: (e) => e.actorName ?? e.actor,
    }),
    actorKind: t.field({
      type: ActorKindEnum,
      description: 'Whether a person, a static token, an agent or the orchestrator asked.',
      resolve: (e) => actorKindOf(e),
    }),
    actorRole: t.field({
      type: RoleEnum,
      nullable: true,
      description:
        "The actor's role when it acted; null only for a role this version does not know (a record written by another version).",
      resolve: (e) => (ROLE_SET.has(e.actorRole) ? (e.actorRole as Role) : null),
    }),
    source: t.field({
      type: AuditSourceEnum,
      description: 'Through which entry point it came.',
      resolve: (e) => e.source,
    }),
    action: t.field({
      type: AuditActionEnum,
      description: 'What was asked (OTHER for a name this version does not know).',
      resolve: (e): KnownAuditAction => knownAction(e.action),
    }),
    verb: t.field({
      type: ActionVerbEnum,
      nullable: true,
      description:
        'The provider verb that ran; null when the action runs none (a rejection, an agent registration, a token, a recommendation run).',
      resolve: (e) => (VERBS.has(e.verb) ? e.verb : null),
    }),
    target: t.field({
      type: AuditTargetRef,
      nullable: true,
      description:
        'The resource acted on; null for changes to the orchestrator itself (agents, tokens, recommendation runs).',
      resolve: (e) => e.target,
    }),
    parameters: t.field({
      type: 'JSON',
      description:
        'The arguments it was asked with, secrets redacted; empty when `withheld` (ask `withheld` to tell).',
      resolve: (e, _args, ctx) => (detailsShown(e, ctx) ? e.parameters : {}),
    }),
    withheld: t.boolean({
      description:
        "True when its details (parameters, error, before, after, message, inclusion proofs) are withheld from you: it has no target and sums or names what the whole estate holds (a recommendation run's counts, an agent's advice, a retention prune), and your cluster RBAC (KUBE_IMPERSONATION) does not let you list every pod and node of every cluster.",
      resolve: (e, _args, ctx) => !detailsShown(e, ctx),
    }),
    dryRun: t.exposeBoolean('dryRun', {
      description: 'Validated and recorded only; the provider was not changed.',
    }),
    status: t.field({
      type: AuditStatusEnum,
      description:
        'PENDING until its outcome is recorded on this same event (a long action answers PENDING and completes in the background).',
      resolve: (e) => e.status,
    }),
    error: t.field({
      type: AuditErrorRef,
      nullable: true,
      description: 'Why it failed; null unless status is FAILED, or when `withheld`.',
      resolve: (e, _args, ctx) => (detailsShown(e, ctx) ? e.error : null),
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'What it changed, as it was before (what revertAction restores); null when nothing was read (create, dry runs, failures before the read), or when `withheld`.',
      resolve: (e, _args, ctx) => (detailsShown(e, ctx) ? e.before : null),
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'What it changed, as it was after; null until it succeeded, when nothing changed, or when `withheld`.',
      resolve: (e, _args, ctx) => (detailsShown(e, ctx) ? e.after : null),
    }),
    message: t.string({
      nullable: true,
      description: 'What happened, for people; null while pending, or when `withheld`.',
      resolve: (e, _args, ctx) => (detailsShown(e, ctx) ? e.message : null),
    }),
    durationMs: t.exposeInt('durationMs', {
      nullable: true,
      description: 'Milliseconds from intent to outcome; null while pending.',
    }),
    requestId: t.exposeString('requestId', {
      nullable: true,
      description: 'The id of the HTTP request (or subscription) that asked, as in the logs.',
    }),
    idempotencyKey: t.exposeString('idempotencyKey', {
      nullable: true,
      description: 'The idempotency key the client sent; null when it sent none.',
    }),
    reverts: t.field({
      type: AuditEventRef,
      nullable: true,
      description: 'The action this one reverted.',
      resolve: (e) => e.reverts,
    }),
    hash: t.exposeString('hash', { description: 'The hash chain link of the latest record.' }),
    prevHash: t.exposeString('prevHash', {
      description: 'The hash of the record before it in the chain (hex).',
    }),
    leafIndex: t.exposeInt('leafIndex', {
      description: 'The Merkle tree leaf of the intent record.',
    }),
    outcomeLeafIndex: t.exposeInt('outcomeLeafIndex', {
      nullable: true,
      description: 'The Merkle tree leaf of the outcome record, once written.',
    }),
    ...optionalStreamFields(t, AUDIT_REFETCH),
  }),
});
