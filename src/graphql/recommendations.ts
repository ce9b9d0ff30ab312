import { brandWithType } from '@pothos/core';
import { decodeGlobalIdOf } from './global-id.ts';
import type { ActionSuccess } from '../actions/pipeline.ts';
import type { AuditEvent } from '../audit/types.ts';
import { AppError, ConfirmationRequiredError, UnavailableError } from '../errors.ts';
import type { Resource } from '../providers/provider.ts';
import {
  RECOMMENDATION_TOPIC,
  type RecommendationEvent,
  type RunReport,
} from '../recommendations/engine.ts';
import type { PageRequest } from '../providers/paging.ts';
import { listKey, type RecommendationFilter, type Totals } from '../recommendations/store.ts';
import {
  BUILTIN_TYPES,
  RECOMMENDATION_STATUSES,
  type Risk,
  sourceOf,
  typeKindOf,
  type BuiltinType,
  type Recommendation,
  type RecommendationStatus,
  type Skip,
} from '../recommendations/types.ts';
import { recordedTarget } from '../recommendations/decisions.ts';
import type { DeliveredEvent } from '../cursor-stream.ts';
import { afterArg, eventOf, streamFields, subscribeLogged } from './streams.ts';
import {
  ActionResultInterface,
  actionErrors,
  actionSuccess,
  commonActionFields,
  unwrap,
} from './actions.ts';
import { AuditEventRef } from './audit.ts';
import { ACTION_ERRORS } from './base.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { connectionOf, PAGE_ARG_DOCS, pageRequest, type Page } from './pagination.ts';

import { argsKey, argsKeyOptions, argsLoader, byArgs } from './execution-cache.ts';
import {
  ActionVerbEnum,
  decodeResourceId,
  ResourceInterface,
  resourceGlobalId,
} from './resources.ts';

const STATUS_DOCS: Record<RecommendationStatus, string> = {
  OPEN: 'Current advice, waiting for a decision; refreshed by each analysis pass.',
  APPLIED: 'Carried out; `appliedAuditEvent` is the action.',
  REJECTED: 'Rejected by a person, with a reason (`statusReason`).',
  EXPIRED: 'No longer holds (the condition passed, or the target is gone).',
  SUPERSEDED: 'Replaced by other advice on the same target (e.g. stop an idle workload).',
  FAILED: 'Applying it failed; `statusReason` says why.',
};

const StatusEnum = builder.enumType('RecommendationStatus', {
  description: 'Where advice is in its life: OPEN until applied, rejected or outdated.',
  values: Object.fromEntries(
    RECOMMENDATION_STATUSES.map((s) => [s, { description: STATUS_DOCS[s] }]),
  ) as Record<RecommendationStatus, { description: string }>,
});

const RiskEnum = builder.enumType('RecommendationRisk', {
  description: 'How likely applying the advice is to hurt the workload, as its analyzer judges.',
  values: {
    LOW: { description: 'Unlikely to be noticed (e.g. ample headroom kept).' },
    MEDIUM: { description: 'Could be noticed under peaks; watch after applying.' },
    HIGH: { description: 'Could cause an outage or lose data; needs a careful look.' },
  } satisfies Record<Risk, { description: string }>,
});

const TYPE_DESCRIPTIONS: Record<BuiltinType, string> = {
  CPU_RIGHTSIZE: "Set a workload's CPU requests and limits to what it uses (verb PATCH).",
  MEMORY_RIGHTSIZE: "Set a workload's memory requests and limits to what it uses (verb PATCH).",
  REPLICAS: 'Run fewer (or more) replicas for the load seen (verb SCALE).',
  IDLE_WORKLOAD: 'A workload that has done nothing for the window: stop it (verb STOP).',
  EC2_IDLE: 'An EC2 instance idle for the window: stop it (verb STOP).',
  EC2_DOWNSIZE: 'An EC2 instance larger than its load needs: a smaller type (verb PATCH).',
  EBS_UNATTACHED: 'An EBS volume attached to nothing: delete it (by a person only, confirmed).',
};

const RecommendationTypeEnum = builder.enumType('RecommendationType', {
  description: "What kind of advice it is: one of the built-in analyses, or an agent's own.",
  values: {
    ...(Object.fromEntries(
      BUILTIN_TYPES.map((k) => [k, { value: k, description: TYPE_DESCRIPTIONS[k] }]),
    ) as Record<BuiltinType, { value: BuiltinType; description: string }>),
    CUSTOM: {
      value: 'CUSTOM' as const,
      description: "An agent's own type; `customType` names it.",
    },
  },
});

const RecommendationSourceEnum = builder.enumType('RecommendationSource', {
  description: 'Where advice comes from; `sourceName` says which analyzer or agent.',
  values: {
    ANALYZER: { description: "One of the orchestrator's own analyzers." },
    AGENT: { description: 'A registered agent (an external engine), by submission or analyze.' },
    OTHER: {
      description:
        'A stored source of neither form (written by another version); `sourceName` holds it verbatim.',
    },
  },
});

/**
 * What `Recommendation.target` answers once the target is gone: never null and never an
 * error, so a list of past advice always renders. It carries what was stored with the
 * recommendation; its id is the id the resource had (`node(id)` answers null for it).
 */
const RemovedResourceRef = builder.objectRef<Resource>('RemovedResource').implement({
  description:
    'A resource that no longer exists, as recorded with advice about it. state is UNKNOWN.',
  interfaces: [builder.nodeInterfaceRef(), ResourceInterface],
  isTypeOf: (v) => REMOVED in (v as object),
  fields: (t) => ({
    id: t.id({
      description:
        'The global id the resource had; `node(id)` answers null for it since it is gone.',
      resolve: (r) => resourceGlobalId(r.kind, r.id),
    }),
    actions: t.field({
      type: [ActionVerbEnum],
      description: 'Always empty: nothing can be done to what is gone.',
      resolve: () => [],
    }),
  }),
});

const REMOVED = Symbol('removed');

function removedResource(rec: Recommendation): Resource {
  const r: Resource & { [REMOVED]: true } = {
    ...recordedTarget(rec),
    state: 'UNKNOWN',
    labels: {},
    createdAt: null,
    object: {},
    [REMOVED]: true,
  };
  // The brand makes the Resource interface resolve this to RemovedResource, not its kind's type.
  brandWithType(r, RemovedResourceRef);
  return r;
}

/**
 * Loaded by id in one batch per execution: any number of `node(id)` of recommendations in one
 * operation cost one query.
 */
export const RecommendationRef = builder.loadableNodeRef<
  Recommendation | null,
  string,
  string,
  string,
  Recommendation
>('Recommendation', {
  id: { resolve: (r) => r.id },
  load: (ids, ctx) =>
    ctx.services.recommendations.store.getMany(ids).then((recs) => recs.map((r) => r ?? null)),
});
RecommendationRef.implement({
  description:
    'One piece of advice about one resource, with its evidence. At most one OPEN per target and type.',
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'recommended' in v && 'targetId' in v,
  fields: (t) => ({
    type: t.field({
      type: RecommendationTypeEnum,
      description: "What kind of advice it is (CUSTOM for an agent's own type).",
      resolve: (r) => typeKindOf(r.type),
    }),
    customType: t.string({
      nullable: true,
      description:
        "The agent's own type name (UPPER_SNAKE_CASE) when `type` is CUSTOM; null for a built-in type.",
      resolve: (r) => (typeKindOf(r.type) === 'CUSTOM' ? r.type : null),
    }),
    status: t.field({
      type: StatusEnum,
      description: 'Where it is in its life.',
      resolve: (r) => r.status,
    }),
    statusReason: t.exposeString('statusReason', {
      nullable: true,
      description:
        'Why it left OPEN (the rejection reason, the failure, what expired it); null while OPEN.',
    }),
    title: t.exposeString('title', { description: 'One line, for a list.' }),
    summary: t.exposeString('summary', {
      description: 'A few sentences: what, why, and the gain.',
    }),
    targetId: t.id({
      description: 'The global id of the resource it is about (kept when the resource is gone).',
      resolve: (r) => resourceGlobalId(r.targetKind, r.targetId),
    }),
    targetName: t.exposeString('targetName', {
      description: 'The name of the resource when the advice was made.',
    }),
    target: t.field({
      type: ResourceInterface,
      description:
        'The resource now. Once it no longer exists: a RemovedResource with what was recorded ' +
        '(OPEN advice on it is EXPIRED by the next run; resolved advice keeps its history).',
      resolve: (r, _a, ctx) => ctx.services.providers.get(r.targetId) ?? removedResource(r),
    }),
    current: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'The setting now as the analyzer read it (e.g. {replicas: 4}); null when the advice has no setting to compare.',
      resolve: (r) => r.current,
    }),
    recommended: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'The setting advised, in the same shape as `current`; null when the advice has no setting (e.g. delete).',
      resolve: (r) => r.recommended,
    }),
    evidence: t.field({
      type: 'JSON',
      description: 'Window, percentile, samples, peaks, the PromQL used, price assumptions.',
      resolve: (r) => r.evidence,
    }),
    action: t.field({
      type: 'JSON',
      nullable: true,
      description: 'What applying does: {verb, params, precondition}.',
      resolve: (r) => r.action,
    }),
    confidence: t.exposeFloat('confidence', {
      description: 'From 0 to 1: how sure the analyzer is, from how much history it had.',
    }),
    estimatedMonthlySavings: t.exposeFloat('estimatedMonthlySavings', {
      nullable: true,
      description: 'USD per month; negative when the advice costs more.',
    }),
    risk: t.field({
      type: RiskEnum,
      description: 'How likely applying it is to hurt.',
      resolve: (r) => r.risk,
    }),
    source: t.field({
      type: RecommendationSourceEnum,
      description: 'Whether an analyzer or an agent gave the advice.',
      resolve: (r) => sourceOf(r.source).kind,
    }),
    sourceName: t.string({
      description:
        'Which one: the analyzer (replicas, idle, cpu-rightsizing, ec2-idle, …) or the agent name.',
      resolve: (r) => sourceOf(r.source).name,
    }),
    appliedAuditEvent: t.field({
      type: AuditEventRef,
      nullable: true,
      description:
        'The action that applied (or tried to apply) it; null when it was never applied or the record is unreadable.',
      resolve: (r) => r.auditEventId,
    }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was first made.',
      resolve: (r) => r.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      description: 'When an analysis pass last refreshed or changed it.',
      resolve: (r) => r.updatedAt,
    }),
    resolvedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it left OPEN; null while OPEN.',
      resolve: (r) => r.resolvedAt,
    }),
  }),
});

/** A page of advice; its totals are counted only when asked for. */
type RecPage = Omit<Page<Recommendation>, 'totalCount'> & { filter: RecommendationFilter };

const RecommendationEdgeRef = builder
  .objectRef<{ cursor: string; node: Recommendation }>('RecommendationEdge')
  .implement({
    description: 'One piece of advice of a page, with its cursor.',
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        description: 'Pass as `after` to continue after this advice.',
      }),
      node: t.field({
        type: RecommendationRef,
        description: 'The advice.',
        resolve: (e) => e.node,
      }),
    }),
  });

/** The key of totals over the whole filter rather than one resource's advice. */
const ALL = '';

/** Totals of one execution: every resource's of a page in one query (count and savings). */
const recommendationTotals = argsLoader<RecommendationFilter, Totals>(async (ids, filter, ctx) => {
  const store = ctx.services.recommendations.store;
  const targets = ids.filter((id) => id !== ALL);
  const [perTarget, all] = await Promise.all([
    targets.length ? store.totalsPerTarget(targets, filter) : [],
    ids.includes(ALL) ? store.totals(filter) : undefined,
  ]);
  const byTarget = new Map(targets.map((id, i) => [id, perTarget[i]]));
  return ids.map((id) => (id === ALL ? all : byTarget.get(id)) as Totals);
});

const totalsOf = (c: RecPage, ctx: GraphQLContext) => {
  const { targetIds, ...rest } = c.filter;
  const one = targetIds?.length === 1 ? targetIds[0] : undefined;
  return recommendationTotals(ctx).load(
    one === undefined ? argsKey(ALL, c.filter) : argsKey(one, rest),
  );
};

const RecommendationConnectionRef = builder
  .objectRef<RecPage>('RecommendationConnection')
  .implement({
    description: 'A page of advice, largest estimated savings first (then by id).',
    fields: (t) => ({
      edges: t.field({
        type: [RecommendationEdgeRef],
        description: 'The advice of this page.',
        resolve: (c) => c.edges,
      }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        description: 'Whether more follow, and the cursors.',
        resolve: (c) => c.pageInfo,
      }),
      totalCount: t.int({
        description: 'Every piece of advice matching the filter (not just this page).',
        resolve: async (c, _a, ctx) => (await totalsOf(c, ctx)).totalCount,
      }),
      totalMonthlySavings: t.float({
        description: 'Sum of positive estimated savings over every match (not just this page).',
        resolve: async (c, _a, ctx) => (await totalsOf(c, ctx)).totalMonthlySavings,
      }),
    }),
  });

const RecommendationFilterInput = builder.inputType('RecommendationFilter', {
  description: 'Which advice to return; every field given must match (AND), each list is OR.',
  fields: (t) => ({
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Default: all.' }),
    types: t.field({
      type: [RecommendationTypeEnum],
      required: false,
      description: "Any of these types (CUSTOM matches every agent's own type). Default: all.",
    }),
    resourceId: t.id({
      required: false,
      description: 'About this resource (its global id; it may be gone).',
    }),
    sources: t.field({
      type: [RecommendationSourceEnum],
      required: false,
      description: 'From any of these kinds of source. Default: all.',
    }),
    namespaces: t.stringList({
      required: false,
      description: 'About resources in these namespaces (exact). Default: all.',
    }),
  }),
});

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A connection from up to first + 1 rows read after the cursor. */
function recPage(rows: Recommendation[], req: PageRequest, filter: RecommendationFilter): RecPage {
  const page = connectionOf(
    {
      items: rows.slice(0, req.first),
      totalCount: 0,
      hasPreviousPage: req.after !== undefined,
      hasNextPage: rows.length > req.first,
    },
    listKey,
  );
  return { edges: page.edges, pageInfo: page.pageInfo, filter };
}

/** A page of the advice matching `filter`, in list order (see listKey). */
export async function recommendationPage(
  ctx: GraphQLContext,
  filter: RecommendationFilter,
  args: PageArgs,
): Promise<RecPage> {
  const req = pageRequest(args);
  const rows = await ctx.services.recommendations.store.page(filter, req.first + 1, req.after);
  return recPage(rows, req, filter);
}

builder.queryFields((t) => ({
  recommendations: t.field({
    type: RecommendationConnectionRef,
    nullable: true,
    description:
      'Advice about the estate, largest estimated savings first; null with an error when the store fails.',
    args: {
      filter: t.arg({
        type: RecommendationFilterInput,
        required: false,
        description: 'Which advice; all when absent.',
      }),
      first: t.arg.int({ required: false, description: PAGE_ARG_DOCS.first }),
      after: t.arg.string({ required: false, description: PAGE_ARG_DOCS.after }),
    },
    resolve: (_root, args, ctx) => {
      const f = args.filter ?? {};
      return recommendationPage(
        ctx,
        {
          statuses: f.statuses ?? undefined,
          types: f.types ?? undefined,
          sources: f.sources ?? undefined,
          namespaces: f.namespaces ?? undefined,
          targetIds: f.resourceId
            ? [decodeResourceId(String(f.resourceId), 'filter.resourceId')]
            : undefined,
        },
        args,
      );
    },
  }),
}));

type ResourcePageArgs = PageArgs & { statuses: RecommendationStatus[] };

builder.interfaceField(ResourceInterface, 'recommendations', (t) =>
  t.loadable({
    type: RecommendationConnectionRef,
    nullable: true,
    description:
      'Advice about this resource (default: OPEN only); null with an error when the store fails.',
    args: {
      statuses: t.arg({
        type: [StatusEnum],
        required: false,
        description: 'In any of these statuses (default: OPEN).',
      }),
      first: t.arg.int({ required: false, description: PAGE_ARG_DOCS.first }),
      after: t.arg.string({ required: false, description: PAGE_ARG_DOCS.after }),
    },
    // Every resource of a page with the same arguments: one query.
    resolve: (r, args) =>
      argsKey<ResourcePageArgs>(r.id, {
        statuses: args.statuses ?? ['OPEN'],
        first: args.first,
        after: args.after,
      }),
    loaderOptions: argsKeyOptions,
    load: byArgs<ResourcePageArgs, RecPage>(async (ids, args, ctx) => {
      const req = pageRequest(args);
      const filter = { statuses: args.statuses };
      const pages = await ctx.services.recommendations.store.pagePerTarget(
        ids,
        filter,
        req.first + 1,
        req.after,
      );
      return pages.map((rows, i) =>
        recPage(rows, req, { ...filter, targetIds: [ids[i] as string] }),
      );
    }),
  }),
);

function recommendationId(globalId: string): string {
  return decodeGlobalIdOf(globalId, (t) => t === 'Recommendation', 'a Recommendation id');
}

const ApplyRecommendationInput = builder.inputType('ApplyRecommendationInput', {
  description: 'Which advice to carry out.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The global id of an OPEN Recommendation.' }),
    confirm: t.string({
      required: false,
      description: "For advice never applied automatically (deletions): the target's name.",
    }),
    dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
    idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
  }),
});

const RejectRecommendationInput = builder.inputType('RejectRecommendationInput', {
  description: 'Which advice to reject, and why.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The global id of an OPEN Recommendation.' }),
    reason: t.string({
      required: true,
      description: 'Why, for the audit log and `statusReason` (not empty).',
    }),
    dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
    idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
  }),
});

const RejectSuccess = builder
  .objectRef<{ recommendation: Recommendation; auditEvent: AuditEvent; dryRun: boolean }>(
    'RejectRecommendationSuccess',
  )
  .implement({
    description: 'The rejected advice, and its audit event (action reject_recommendation).',
    interfaces: [ActionResultInterface],
    fields: (t) => ({
      recommendation: t.field({
        type: RecommendationRef,
        description: 'The advice, now REJECTED (unchanged on a dry run).',
        resolve: (s) => s.recommendation,
      }),
    }),
  });

const SkipRef = builder.objectRef<Skip>('RecommendationSkip').implement({
  description: 'A target an analyzer deliberately gave no advice on, and why.',
  fields: (t) => ({
    targetId: t.exposeString('targetId', { description: 'Provider id of the target.' }),
    analyzer: t.exposeString('analyzer', { description: 'Which analyzer skipped it.' }),
    reason: t.exposeString('reason', {
      description: 'Why, for people (e.g. too little history).',
    }),
  }),
});

const RunReportRef = builder.objectRef<RunReport>('RecommendationRun').implement({
  description: 'One analysis pass over the estate: what it changed and what it could not do.',
  fields: (t) => ({
    startedAt: t.field({
      type: 'DateTime',
      description: 'When the pass started.',
      resolve: (r) => r.startedAt,
    }),
    durationMs: t.exposeInt('durationMs', { description: 'How long it took, in milliseconds.' }),
    workloads: t.exposeInt('workloads', {
      description: 'Kubernetes workloads it looked at.',
    }),
    created: t.exposeInt('created', { description: 'New advice it made.' }),
    refreshed: t.exposeInt('refreshed', {
      description: 'OPEN advice it found still holds and updated.',
    }),
    expired: t.exposeInt('expired', {
      description: 'OPEN advice it closed (EXPIRED or SUPERSEDED).',
    }),
    open: t.exposeInt('open', { description: 'OPEN advice after the pass.' }),
    skips: t.field({
      type: [SkipRef],
      description: 'Targets deliberately left without advice, and why.',
      resolve: (r) => r.skips,
    }),
    errors: t.exposeStringList('errors', {
      description: 'Analyzers or sources that failed (e.g. Prometheus down); empty when none.',
    }),
  }),
});

const RunSuccess = builder
  .objectRef<{ run: RunReport } & ActionSuccess>('RunRecommendationsSuccess')
  .implement({
    description: 'The pass asked for, and its audit event (action run_recommendations).',
    interfaces: [ActionResultInterface],
    fields: (t) => ({
      run: t.field({
        type: RunReportRef,
        description: 'What the pass did.',
        resolve: (s) => s.run,
      }),
    }),
  });

/** Service results carry expected failures as values; the errors plugin wants them thrown. */
export const rethrow = <T>(r: T | AppError): T => {
  if (r instanceof AppError) throw r;
  return r;
};

builder.mutationFields((t) => ({
  applyRecommendation: t.field({
    type: actionSuccess('ApplyRecommendation'),
    // Advice that deletes (an unattached volume) needs the target's name to confirm.
    errors: actionErrors('ApplyRecommendation', [...ACTION_ERRORS, ConfirmationRequiredError]),
    authScopes: { operator: true },
    description:
      'Carry the advice out through the action pipeline (audited, revertible by revertAction).',
    args: {
      input: t.arg({
        type: ApplyRecommendationInput,
        required: true,
        description: 'The advice to apply.',
      }),
    },
    resolve: async (_root, { input }, ctx) =>
      unwrap(
        await ctx.services.recommendations.apply({
          id: recommendationId(String(input.id)),
          dryRun: input.dryRun ?? false,
          idempotencyKey: input.idempotencyKey ?? null,
          confirm: input.confirm ?? null,
          viewer: ctx.viewer,
          requestId: ctx.requestId,
        }),
      ),
  }),
  rejectRecommendation: t.field({
    type: RejectSuccess,
    errors: actionErrors('RejectRecommendation'),
    authScopes: { operator: true },
    description:
      'Reject with a reason; the same advice on the same target is suppressed for a while.',
    args: {
      input: t.arg({
        type: RejectRecommendationInput,
        required: true,
        description: 'The advice to reject, and why.',
      }),
    },
    resolve: async (_root, { input }, ctx) =>
      rethrow(
        await ctx.services.recommendations.reject({
          id: recommendationId(String(input.id)),
          reason: input.reason,
          dryRun: input.dryRun ?? false,
          idempotencyKey: input.idempotencyKey,
          viewer: ctx.viewer,
          requestId: ctx.requestId,
        }),
      ),
  }),
  runRecommendations: t.field({
    type: RunSuccess,
    // A pass reports what failed inside it; its own failure is an audit log it cannot write.
    errors: actionErrors('RunRecommendations', [UnavailableError]),
    authScopes: { admin: true },
    description:
      'Run every analyzer now and report what changed and what was skipped; recorded in the audit log (run_recommendations).',
    resolve: async (_root, _args, ctx) =>
      rethrow(await ctx.services.recommendations.runAsked(ctx.viewer, ctx.requestId)),
  }),
}));

builder.queryFields((t) => ({
  recommendationRun: t.field({
    type: RunReportRef,
    nullable: true,
    description:
      'The latest analysis pass of any replica (from the shared store): counts, skips with ' +
      'reasons, errors.',
    resolve: async (_r, _a, ctx) => (await ctx.services.recommendations.lastRun()) ?? null,
  }),
}));

const EventTypeEnum = builder.enumType('RecommendationEventType', {
  description: 'What happened to a piece of advice.',
  values: {
    CREATED: { description: 'New advice.' },
    UPDATED: { description: 'A pass refreshed it (new evidence or setting); still OPEN.' },
    STATUS_CHANGED: { description: 'It was applied, rejected, expired, superseded or failed.' },
  } as const,
});

/** The query that gives the current state again after a gap. */
const REFETCH = 'recommendations';

const RecommendationEventRef = builder
  .objectRef<DeliveredEvent<RecommendationEvent>>('RecommendationEvent')
  .implement({
    description: 'A change to one piece of advice.',
    fields: (t) => ({
      type: t.field({
        type: EventTypeEnum,
        description: 'Created, updated or status changed.',
        resolve: (e) => e.payload.type,
      }),
      recommendation: t.field({
        type: RecommendationRef,
        description: 'The advice after the change.',
        resolve: (e) => e.payload.recommendation,
      }),
      timestamp: t.field({
        type: 'DateTime',
        description: 'When the change was made.',
        resolve: (e) => e.payload.timestamp,
      }),
      ...streamFields(t, REFETCH),
    }),
  });

/** Live events held for one slow subscriber; past them it reads on from the event log. */
const EVENT_BUFFER = 1_000;

builder.subscriptionFields((t) => ({
  recommendationEvents: t.field({
    type: RecommendationEventRef,
    description:
      'Created, refreshed and resolved recommendations, exactly once and in order on every ' +
      'replica; `after` resumes from a cursor, and lost events are reported as a `gap`.',
    args: { after: afterArg(t.arg) },
    subscribe: (_root, args, ctx) =>
      subscribeLogged<RecommendationEvent>(ctx, {
        topic: RECOMMENDATION_TOPIC,
        after: args.after,
        keep: () => true,
        buffer: EVENT_BUFFER,
      }),
    resolve: (d) => eventOf(d, REFETCH),
  }),
}));
