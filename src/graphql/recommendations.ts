// Recommendations: the advice type, its enums, what a gone target reads as, and the stream of
// changes. Paging is in recommendation-pages.ts; applying, rejecting and running analysis in
// recommendation-actions.ts.
import { brandWithType } from '@pothos/core';
import type { Resource } from '../providers/provider.ts';
import { RECOMMENDATION_TOPIC, type RecommendationEvent } from '../recommendations/engine.ts';
import {
  BUILTIN_TYPES,
  RECOMMENDATION_STATUSES,
  type Risk,
  sourceOf,
  typeKindOf,
  type BuiltinType,
  type Recommendation,
  type RecommendationStatus,
} from '../recommendations/types.ts';
import { recordedTarget } from '../recommendations/decisions.ts';
import type { DeliveredEvent } from '../cursor-stream.ts';
import { afterArg, eventOf, streamFields, subscribeLogged } from './streams.ts';
import { AuditEventRef } from './audit.ts';
import { seesId } from '../providers/ids.ts';
import { builder } from './builder.ts';
import { ActionVerbEnum, ResourceInterface, resourceGlobalId } from './resources.ts';

const STATUS_DOCS: Record<RecommendationStatus, string> = {
  OPEN: 'Current advice, waiting for a decision; refreshed by each analysis pass.',
  APPLIED: 'Carried out; `appliedAuditEvent` is the action.',
  REJECTED: 'Rejected by a person, with a reason (`statusReason`).',
  EXPIRED: 'No longer holds (the condition passed, or the target is gone).',
  SUPERSEDED: 'Replaced by other advice on the same target (e.g. stop an idle workload).',
  FAILED: 'Applying it failed; `statusReason` says why.',
};

export const StatusEnum = builder.enumType('RecommendationStatus', {
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

export const RecommendationTypeEnum = builder.enumType('RecommendationType', {
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

export const RecommendationSourceEnum = builder.enumType('RecommendationSource', {
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
 * operation cost one query. Advice about what the viewer may not read is not there (null).
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
    ctx.services.recommendations.store
      .getMany(ids)
      .then((recs) =>
        recs.map((r) => (r && (!ctx.scope || seesId(ctx.scope, r.targetId)) ? r : null)),
      ),
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
        keep: (e) => !ctx.scope || seesId(ctx.scope, e.recommendation.targetId),
        buffer: EVENT_BUFFER,
      }),
    resolve: (d) => eventOf(d, REFETCH),
  }),
}));
