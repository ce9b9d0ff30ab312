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
  RISKS,
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
import { connectionOf, pageRequest, type Page } from './pagination.ts';
import { argsKey, argsKeyOptions, argsLoader, byArgs } from './execution-cache.ts';
import {
  ActionVerbEnum,
  decodeResourceId,
  ResourceInterface,
  resourceGlobalId,
} from './resources.ts';

const StatusEnum = builder.enumType('RecommendationStatus', { values: RECOMMENDATION_STATUSES });
const RiskEnum = builder.enumType('RecommendationRisk', { values: RISKS });

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
    id: t.id({ resolve: (r) => resourceGlobalId(r.kind, r.id) }),
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

export const RecommendationRef = builder.objectRef<Recommendation>('Recommendation');
builder.node(RecommendationRef, {
  description:
    'One piece of advice about one resource, with its evidence. At most one OPEN per target and type.',
  id: { resolve: (r) => r.id },
  loadOne: (id, ctx) => ctx.services.recommendations.store.get(id).then((r) => r ?? null),
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
    status: t.field({ type: StatusEnum, resolve: (r) => r.status }),
    statusReason: t.exposeString('statusReason', { nullable: true }),
    title: t.exposeString('title'),
    summary: t.exposeString('summary'),
    targetId: t.id({ resolve: (r) => resourceGlobalId(r.targetKind, r.targetId) }),
    targetName: t.exposeString('targetName'),
    target: t.field({
      type: ResourceInterface,
      description:
        'The resource now. Once it no longer exists: a RemovedResource with what was recorded ' +
        '(OPEN advice on it is EXPIRED by the next run; resolved advice keeps its history).',
      resolve: (r, _a, ctx) => ctx.services.providers.get(r.targetId) ?? removedResource(r),
    }),
    current: t.field({ type: 'JSON', nullable: true, resolve: (r) => r.current }),
    recommended: t.field({ type: 'JSON', nullable: true, resolve: (r) => r.recommended }),
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
    confidence: t.exposeFloat('confidence'),
    estimatedMonthlySavings: t.exposeFloat('estimatedMonthlySavings', {
      nullable: true,
      description: 'USD per month; negative when the advice costs more.',
    }),
    risk: t.field({ type: RiskEnum, resolve: (r) => r.risk }),
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
      resolve: (r) => r.auditEventId,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
    resolvedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.resolvedAt }),
  }),
});

/** A page of advice; its totals are counted only when asked for. */
type RecPage = Omit<Page<Recommendation>, 'totalCount'> & { filter: RecommendationFilter };

const RecommendationEdgeRef = builder
  .objectRef<{ cursor: string; node: Recommendation }>('RecommendationEdge')
  .implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: RecommendationRef, resolve: (e) => e.node }),
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
    fields: (t) => ({
      edges: t.field({ type: [RecommendationEdgeRef], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (c) => c.pageInfo }),
      totalCount: t.int({
        resolve: async (c, _a, ctx) => (await totalsOf(c, ctx)).totalCount,
      }),
      totalMonthlySavings: t.float({
        description: 'Sum of positive estimated savings over every match (not just this page).',
        resolve: async (c, _a, ctx) => (await totalsOf(c, ctx)).totalMonthlySavings,
      }),
    }),
  });

const RecommendationFilterInput = builder.inputType('RecommendationFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Default: all.' }),
    types: t.field({
      type: [RecommendationTypeEnum],
      required: false,
      description: "Any of these types (CUSTOM matches every agent's own type). Default: all.",
    }),
    resourceId: t.id({ required: false }),
    sources: t.field({
      type: [RecommendationSourceEnum],
      required: false,
      description: 'From any of these kinds of source. Default: all.',
    }),
    namespaces: t.stringList({ required: false }),
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
    description: 'Advice about the estate, newest first; null with an error when the store fails.',
    args: {
      filter: t.arg({ type: RecommendationFilterInput, required: false }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
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
      statuses: t.arg({ type: [StatusEnum], required: false }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
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
  fields: (t) => ({
    id: t.id({ required: true }),
    confirm: t.string({
      required: false,
      description: "For advice never applied automatically (deletions): the target's name.",
    }),
    dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
    idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
  }),
});

const RejectRecommendationInput = builder.inputType('RejectRecommendationInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    reason: t.string({ required: true }),
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
      recommendation: t.field({ type: RecommendationRef, resolve: (s) => s.recommendation }),
    }),
  });

const SkipRef = builder.objectRef<Skip>('RecommendationSkip').implement({
  description: 'A target an analyzer deliberately gave no advice on, and why.',
  fields: (t) => ({
    targetId: t.exposeString('targetId', { description: 'Provider id of the target.' }),
    analyzer: t.exposeString('analyzer'),
    reason: t.exposeString('reason'),
  }),
});

const RunReportRef = builder.objectRef<RunReport>('RecommendationRun').implement({
  fields: (t) => ({
    startedAt: t.field({ type: 'DateTime', resolve: (r) => r.startedAt }),
    durationMs: t.exposeInt('durationMs'),
    workloads: t.exposeInt('workloads'),
    created: t.exposeInt('created'),
    refreshed: t.exposeInt('refreshed'),
    expired: t.exposeInt('expired'),
    open: t.exposeInt('open'),
    skips: t.field({ type: [SkipRef], resolve: (r) => r.skips }),
    errors: t.exposeStringList('errors'),
  }),
});

const RunSuccess = builder
  .objectRef<{ run: RunReport } & ActionSuccess>('RunRecommendationsSuccess')
  .implement({
    interfaces: [ActionResultInterface],
    fields: (t) => ({ run: t.field({ type: RunReportRef, resolve: (s) => s.run }) }),
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
    args: { input: t.arg({ type: ApplyRecommendationInput, required: true }) },
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
    args: { input: t.arg({ type: RejectRecommendationInput, required: true }) },
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
  values: ['CREATED', 'UPDATED', 'STATUS_CHANGED'] as const,
});

/** The query that gives the current state again after a gap. */
const REFETCH = 'recommendations';

const RecommendationEventRef = builder
  .objectRef<DeliveredEvent<RecommendationEvent>>('RecommendationEvent')
  .implement({
    fields: (t) => ({
      type: t.field({ type: EventTypeEnum, resolve: (e) => e.payload.type }),
      recommendation: t.field({
        type: RecommendationRef,
        resolve: (e) => e.payload.recommendation,
      }),
      timestamp: t.field({ type: 'DateTime', resolve: (e) => e.payload.timestamp }),
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
