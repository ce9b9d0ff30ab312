// What can be done with advice: apply it, reject it, and run every analyzer now (each
// audited), and the latest analysis pass.
import type { ActionSuccess } from '../actions/pipeline.ts';
import type { AuditEvent } from '../audit/types.ts';
import { AppError, ConfirmationRequiredError, UnavailableError } from '../errors.ts';
import type { SeenRun } from '../recommendations/engine.ts';
import type { Recommendation, Skip } from '../recommendations/types.ts';
import {
  ActionResultInterface,
  actionErrors,
  actionSuccess,
  commonActionFields,
  unwrap,
} from './actions.ts';
import { ACTION_ERRORS } from './base.ts';
import { builder } from './builder.ts';
import { decodeGlobalIdOf } from './global-id.ts';
import { RecommendationRef } from './recommendations.ts';

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

/** A count of the whole estate: null for a person who may not read all of it. */
const WHOLE =
  ' Null for a person (KUBE_IMPERSONATION) who may not list every pod and node of every cluster.';

const RunReportRef = builder.objectRef<SeenRun>('RecommendationRun').implement({
  description: 'One analysis pass over the estate: what it changed and what it could not do.',
  fields: (t) => ({
    startedAt: t.field({
      type: 'DateTime',
      description: 'When the pass started.',
      resolve: (r) => r.startedAt,
    }),
    durationMs: t.exposeInt('durationMs', { description: 'How long it took, in milliseconds.' }),
    workloads: t.exposeInt('workloads', {
      nullable: true,
      description: 'Kubernetes workloads it looked at.' + WHOLE,
    }),
    created: t.exposeInt('created', { nullable: true, description: 'New advice it made.' + WHOLE }),
    refreshed: t.exposeInt('refreshed', {
      nullable: true,
      description: 'OPEN advice it found still holds and updated.' + WHOLE,
    }),
    expired: t.exposeInt('expired', {
      nullable: true,
      description: 'OPEN advice it closed (EXPIRED or SUPERSEDED).' + WHOLE,
    }),
    open: t.exposeInt('open', {
      nullable: true,
      description: 'OPEN advice after the pass.' + WHOLE,
    }),
    skips: t.field({
      type: [SkipRef],
      description: 'Targets deliberately left without advice, and why (those the viewer may read).',
      resolve: (r) => r.skips,
    }),
    errors: t.exposeStringList('errors', {
      description: 'Analyzers or sources that failed (e.g. Prometheus down); empty when none.',
    }),
  }),
});

const RunSuccess = builder
  .objectRef<{ run: SeenRun } & ActionSuccess>('RunRecommendationsSuccess')
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
      rethrow(await ctx.services.recommendations.runAsked(ctx.viewer, ctx.requestId, ctx.scope)),
  }),
}));

builder.queryFields((t) => ({
  recommendationRun: t.field({
    type: RunReportRef,
    nullable: true,
    description:
      'The latest analysis pass of any replica (from the shared store): counts, skips with ' +
      'reasons, errors.',
    resolve: async (_r, _a, ctx) => (await ctx.services.recommendations.lastRun(ctx.scope)) ?? null,
  }),
}));
