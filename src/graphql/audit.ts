import type { ArgBuilder } from '@pothos/core';
import { AUDIT_TOPIC } from '../actions/pipeline.ts';
import { filterMatcher } from '../audit/filter.ts';
import type { AuditDirection, AuditKey } from '../audit/store.ts';
import {
  ACTOR_KINDS,
  actorKindOf,
  AUDIT_ACTIONS,
  AUDIT_SOURCES,
  AUDIT_STATUSES,
  knownAction,
  type AuditAction,
  type AuditEvent,
  type AuditFilter,
  type KnownAuditAction,
} from '../audit/types.ts';
import { ROLES, type Role } from '../config.ts';
import { ACTION_VERBS } from '../providers/provider.ts';
import { ValidationError } from '../errors.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { afterArg, optionalStreamFields, streamed, subscribeLogged } from './streams.ts';
import {
  decodeCursor,
  DEFAULT_PAGE,
  encodeCursor,
  MAX_PAGE,
  PAGE_ARG_DOCS,
  pageSize,
  type Page,
} from './pagination.ts';

import { argsKey, argsKeyOptions, argsLoader, byArgs } from './execution-cache.ts';
import { RoleEnum } from './status.ts';
import {
  ActionVerbEnum,
  decodeResourceId,
  ProviderEnum,
  ResourceInterface,
  resourceGlobalId,
  ResourceKindEnum,
} from './resources.ts';

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
const REFETCH = 'auditLog';

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
  load: (ids, ctx) =>
    ctx.services.audit.getMany(ids).then((events) => events.map((e) => e ?? null)),
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
      description: 'The arguments it was asked with, secrets redacted.',
      resolve: (e) => e.parameters,
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
      description: 'Why it failed; null unless status is FAILED.',
      resolve: (e) => e.error,
    }),
    before: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'What it changed, as it was before (what revertAction restores); null when nothing was read (create, dry runs, failures before the read).',
      resolve: (e) => e.before,
    }),
    after: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'What it changed, as it was after; null until it succeeded, or when nothing changed.',
      resolve: (e) => e.after,
    }),
    message: t.exposeString('message', {
      nullable: true,
      description: 'What happened, for people; null while pending.',
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
    ...optionalStreamFields(t, REFETCH),
  }),
});

const AuditFilterInput = builder.inputType('AuditLogFilter', {
  description:
    'Which recorded actions to return; every field given must match (AND), each list is OR.',
  fields: (t) => ({
    actions: t.field({
      type: [AuditActionEnum],
      required: false,
      description: 'Any of these actions (OTHER matches every name this version does not know).',
    }),
    statuses: t.field({
      type: [AuditStatusEnum],
      required: false,
      description: 'In any of these statuses.',
    }),
    actors: t.stringList({ required: false, description: 'By any of these actors (exact names).' }),
    sources: t.field({
      type: [AuditSourceEnum],
      required: false,
      description: 'From any of these sources.',
    }),
    resourceId: t.id({ required: false, description: 'The global id of a resource.' }),
    since: t.field({
      type: 'DateTime',
      required: false,
      description: 'At or after this time (inclusive).',
    }),
    until: t.field({
      type: 'DateTime',
      required: false,
      description: 'Before this time (exclusive); not before `since`.',
    }),
  }),
});

type AuditPage = Omit<Page<AuditEvent>, 'totalCount'> & { filter: AuditFilter };

const AuditEdgeRef = builder
  .objectRef<{ cursor: string; node: AuditEvent }>('AuditEventEdge')
  .implement({
    description: 'One recorded action of a page, with its cursor.',
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        description:
          'Pass as `after` for the actions older than this one, or as `before` for the newer ones.',
      }),

      node: t.field({ type: AuditEventRef, description: 'The action.', resolve: (e) => e.node }),
    }),
  });

/** Counts of one execution: every resource's `auditLog { totalCount }` of a page in one query. */
const auditCounts = argsLoader<AuditFilter, number>(async (ids, filter, c) => {
  const targets = ids.filter((id) => id !== ALL);
  const [perTarget, all] = await Promise.all([
    targets.length ? c.services.audit.countPerTarget(targets, filter) : [],
    ids.includes(ALL) ? c.services.audit.count(filter) : 0,
  ]);
  const n = new Map(targets.map((id, i) => [id, perTarget[i] ?? 0]));
  return ids.map((id) => (id === ALL ? all : (n.get(id) ?? 0)));
});

/** The key of a count over the whole filter rather than one resource's events. */
const ALL = '';

const AuditConnectionRef = builder.objectRef<AuditPage>('AuditEventConnection').implement({
  description:
    'A page of the audit log, newest first, keyset-paginated on (timestamp, id): forward to older actions with first/after, backward to newer ones with last/before.',
  fields: (t) => ({
    edges: t.field({
      type: [AuditEdgeRef],
      description: 'The actions of this page, newest first.',
      resolve: (c) => c.edges,
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: 'Whether more follow, and the cursors.',
      resolve: (c) => c.pageInfo,
    }),
    totalCount: t.int({
      description: 'Counted only when asked for (it costs a scan of the matching rows).',
      resolve: (c, _args, ctx) => {
        const { resourceId, ...rest } = c.filter;
        return auditCounts(ctx).load(argsKey(resourceId ?? ALL, rest));
      },
    }),
  }),
});

type FilterArg = {
  actions?: KnownAuditAction[] | null;
  statuses?: AuditFilter['statuses'] | null;
  actors?: string[] | null;
  sources?: AuditFilter['sources'] | null;
  resourceId?: string | number | null;
  since?: Date | null;
  until?: Date | null;
};

function toFilter(f: FilterArg | null | undefined): AuditFilter {
  if (f?.since && f.until && f.since > f.until) {
    throw new ValidationError('since is after until', [
      { path: 'filter.since', message: 'after until' },
    ]);
  }
  return {
    actions: f?.actions ?? undefined,
    statuses: f?.statuses ?? undefined,
    actors: f?.actors ?? undefined,
    sources: f?.sources ?? undefined,
    resourceId: f?.resourceId
      ? decodeResourceId(String(f.resourceId), 'filter.resourceId')
      : undefined,
    since: f?.since ?? undefined,
    until: f?.until ?? undefined,
  };
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A page as the store reads it: `size` rows from `from`, older (first/after) or newer (last/before). */
interface AuditRequest {
  size: number;
  from: AuditKey | undefined;
  direction: AuditDirection;
}

function auditKey(cursor: string, path: 'after' | 'before'): AuditKey {
  const [ts, id] = decodeCursor(cursor, path).split('|');
  if (!ts || !id || Number.isNaN(Date.parse(ts))) {
    throw new ValidationError('Invalid cursor', [{ path, message: 'not an audit cursor' }]);
  }
  return { ts, id };
}

/** The paging arguments, validated: forward (first/after) or backward (last/before), not both. */
function auditRequest(args: PageArgs): AuditRequest {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) {
    throw new ValidationError('Page forward (first/after) or backward (last/before), not both', [
      { path: args.first != null ? 'first' : 'after', message: 'with last or before' },
    ]);
  }
  if (!backward) {
    return {
      size: pageSize(args.first),
      from: args.after ? auditKey(args.after, 'after') : undefined,
      direction: 'older',
    };
  }
  return {
    size: pageSize(args.last, undefined, 'last'),
    from: args.before ? auditKey(args.before, 'before') : undefined,
    direction: 'newer',
  };
}

/**
 * A connection, newest first, from up to size + 1 rows read as `req` says. Read backward, the
 * rows come oldest first from the cursor: the page is the `size` nearest it, and the extra
 * row says that newer ones precede it.
 */
function auditPage(rows: AuditEvent[], req: AuditRequest, filter: AuditFilter): AuditPage {
  const page = rows.slice(0, req.size);
  if (req.direction === 'newer') page.reverse();
  const edges = page.map((node) => ({
    cursor: encodeCursor(`${node.timestamp}|${node.id}`),
    node,
  }));
  const more = rows.length > req.size;
  const fromCursor = req.from !== undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: req.direction === 'older' ? more : fromCursor,
      hasPreviousPage: req.direction === 'older' ? fromCursor : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    filter,
  };
}

/** The paging arguments of every audit log connection. */
function pageArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    first: arg.int({ required: false, description: PAGE_ARG_DOCS.first }),
    after: arg.string({ required: false, description: PAGE_ARG_DOCS.after }),
    last: arg.int({
      required: false,
      description: `How many of the newest items before \`before\` (the oldest of the log without it), newest first: 0 to ${MAX_PAGE}, default ${DEFAULT_PAGE}. Not with \`first\` or \`after\`.`,
    }),
    before: arg.string({
      required: false,
      description:
        "Read the items newer than this cursor (a page's `startCursor`): what was recorded since that page.",
    }),
  };
}

builder.queryFields((t) => ({
  auditLog: t.field({
    type: AuditConnectionRef,
    nullable: true,
    description: 'Every recorded action, newest first; null with an error when the store fails.',
    args: {
      filter: t.arg({
        type: AuditFilterInput,
        required: false,
        description: 'Which actions; all when absent.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, ctx) => {
      const filter = toFilter(args.filter);
      const req = auditRequest(args);
      const rows = await ctx.services.audit.list(filter, req.size + 1, req.from, req.direction);
      return auditPage(rows, req, filter);
    },
  }),
}));

builder.interfaceField(ResourceInterface, 'auditLog', (t) =>
  t.loadable({
    type: AuditConnectionRef,
    nullable: true,
    description:
      'The actions taken on this resource, newest first; null with an error when the store fails.',
    args: pageArgs(t.arg),
    // Every resource of a page with the same arguments: one query.
    resolve: (r, args) =>
      argsKey<PageArgs>(r.id, {
        first: args.first,
        after: args.after,
        last: args.last,
        before: args.before,
      }),
    loaderOptions: argsKeyOptions,
    load: byArgs<PageArgs, AuditPage>(async (ids, args, ctx) => {
      const req = auditRequest(args);
      const pages = await ctx.services.audit.listPerTarget(
        ids,
        {},
        req.size + 1,
        req.from,
        req.direction,
      );
      return pages.map((rows, i) => auditPage(rows, req, { resourceId: ids[i] }));
    }),
  }),
);

/** Live events held for one slow subscriber; past them it reads on from the event log. */
const AUDIT_EVENT_BUFFER = 1_000;

builder.subscriptionFields((t) => ({
  auditEvents: t.field({
    type: AuditEventRef,
    description:
      'Each action as its outcome is recorded, exactly once and in order on every replica; ' +
      '`after` resumes from a cursor, and lost events are reported as a `gap`.',
    args: {
      filter: t.arg({
        type: AuditFilterInput,
        required: false,
        description: 'Only matching actions; all when absent.',
      }),
      after: afterArg(t.arg),
    },
    subscribe: (_root, args, ctx) => {
      const keep = filterMatcher(toFilter(args.filter));
      return subscribeLogged<AuditEvent>(ctx, {
        topic: AUDIT_TOPIC,
        after: args.after,
        keep,
        buffer: AUDIT_EVENT_BUFFER,
      });
    },
    resolve: (d) => streamed(d, REFETCH),
  }),
}));
