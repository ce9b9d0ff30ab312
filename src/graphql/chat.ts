import type { ChatPayload, ConfirmSuccess, StepOutcome } from '../chat/service.ts';
import { ChatTokenError, PlanIncompleteError } from '../chat/errors.ts';
import { INTENTS, type IntentName, type Interpretation } from '../chat/intents.ts';
import { knownAction } from '../audit/types.ts';
import type { GeneratedCode, PlannedAction } from '../chat/planner.ts';
import {
  AppError,
  ConfirmationRequiredError,
  ConflictError,
  ForbiddenError,
  IrreversibleError,
  NotFoundError,
  ProviderError,
  UnavailableError,
  ValidationError,
} from '../errors.ts';
import { AuditActionEnum, AuditEventRef } from './audit.ts';
import { ErrorInterface } from './base.ts';
import { builder } from './builder.ts';
import { ResourceInterface } from './resources.ts';

const INTENT_DESCRIPTIONS: Record<IntentName, string> = {
  help: 'What the chat can do.',
  list_resources: 'A list of resources (by kind, namespace, state, label…).',
  describe_resource: 'One resource in detail.',
  top_usage: 'The resources using the most CPU or memory.',
  resource_usage: "One resource's CPU and memory usage.",
  status: 'The health of the orchestrator and its components.',
  overview: 'The dashboard summary of the estate.',
  list_recommendations: 'Open recommendations, by savings.',
  audit_log: 'Recent actions from the audit log (by action, actor, status, period).',
  scale: 'Set replicas to a number (a plan).',
  scale_relative: 'Add or remove replicas (a plan).',
  stop: 'Stop a workload or instance (a plan).',
  start: 'Start a workload or instance (a plan).',
  restart: 'Restart a workload, or reboot an instance (a plan).',
  delete: 'Delete a resource (a plan; cannot be reverted).',
  cordon: 'Mark a node unschedulable (a plan).',
  uncordon: 'Mark a node schedulable again (a plan).',
  apply_recommendation: 'Apply a listed recommendation (a plan).',
  reject_recommendation: 'Reject a listed recommendation (a plan).',
  revert: 'Undo the last action on a resource (a plan).',
  create: 'Create a workload from a template (a plan with generated manifests).',
  confirm: 'Confirm the plan just shown.',
  cancel: 'Drop the plan just shown.',
  unknown: 'Not understood; the reply says what the chat can do.',
};

const ChatIntentNameEnum = builder.enumType('ChatIntentName', {
  description: 'The kinds of request the chat understands.',
  values: Object.fromEntries(
    INTENTS.map((i) => [i.toUpperCase(), { value: i, description: INTENT_DESCRIPTIONS[i] }]),
  ) as Record<Uppercase<IntentName>, { value: IntentName; description: string }>,
});

const INTENT_SET: ReadonlySet<string> = new Set(INTENTS);

const ChatIntentRef = builder.objectRef<Interpretation>('ChatIntent').implement({
  description: 'What the request was understood as.',
  fields: (t) => ({
    name: t.field({
      type: ChatIntentNameEnum,
      description: 'The kind of request (UNKNOWN when not understood).',
      // An interpretation from an older conversation's memory may name an intent since retired.
      resolve: (i) => (INTENT_SET.has(i.intent) ? i.intent : 'unknown'),
    }),
    confidence: t.exposeFloat('confidence', {
      description: 'From 0 to 1: how sure the parser is of this reading.',
    }),
    entities: t.field({
      type: 'JSON',
      description:
        'What it picked out of the request (resource, namespace, replicas, …), by name; {} when nothing.',
      resolve: (i) => i.entities,
    }),
  }),
});

const PlannedActionRef = builder.objectRef<PlannedAction>('PlannedAction').implement({
  description: 'One step of a plan, with the dry run that previewed it.',
  fields: (t) => ({
    action: t.field({
      type: AuditActionEnum,
      description: 'What it does, as its audit event will name it (e.g. SCALE, REVERT).',
      resolve: (p) => knownAction(p.action),
    }),
    target: t.field({
      type: ResourceInterface,
      nullable: true,
      description: 'What it acts on (none for a creation in a namespace not yet known).',
      resolve: (p) => p.target,
    }),
    parameters: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Its parameters, e.g. {replicas: 3}.',
      resolve: (p) => p.parameters,
    }),
    preview: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The dry run: {ok, message, before, after} or {ok: false, code, message}.',
      resolve: (p) => p.preview,
    }),
  }),
});

const GeneratedCodeRef = builder.objectRef<GeneratedCode>('GeneratedCode').implement({
  description: 'Code the chat wrote for a request (manifests for a creation).',
  fields: (t) => ({
    language: t.exposeString('language', { description: 'e.g. yaml.' }),
    filename: t.exposeString('filename', {
      nullable: true,
      description: 'A file name to save it under.',
    }),
    content: t.exposeString('content', { description: 'The code itself.' }),
  }),
});

const ChatSuccessRef = builder.objectRef<ChatPayload>('ChatSuccess').implement({
  description:
    'The answer to a message: a reply, and for a change a previewed plan with a confirmation token.',
  isTypeOf: (v) => !(v instanceof AppError),
  fields: (t) => ({
    conversationId: t.exposeID('conversationId', {
      description: 'Pass it with the next message to continue this conversation.',
    }),
    reply: t.exposeString('reply', { description: 'Markdown.' }),
    intent: t.field({
      type: ChatIntentRef,
      description: 'How the message was understood.',
      resolve: (p) => p.intent,
    }),
    plan: t.field({
      type: [PlannedActionRef],
      description:
        'The steps a change would run, each previewed by a dry run; empty for a question.',
      resolve: (p) => p.plan,
    }),
    generatedCode: t.field({
      type: [GeneratedCodeRef],
      description: 'Code written for the request, if any.',
      resolve: (p) => p.generatedCode,
    }),
    requiresConfirmation: t.exposeBoolean('requiresConfirmation', {
      description: 'Whether the plan runs only once confirmed (every change does).',
    }),
    confirmationToken: t.exposeString('confirmationToken', {
      nullable: true,
      description: 'Single-use, short-lived, for this viewer only: pass it to confirmChatPlan.',
    }),
  }),
});

const ChatContextInput = builder.inputType('ChatContextInput', {
  description: 'Where the user is looking, so "it" and "here" can mean that.',
  fields: (t) => ({
    namespace: t.string({ required: false, description: 'The namespace on screen.' }),
    cluster: t.string({ required: false, description: 'The cluster (or region) on screen.' }),
    resourceId: t.string({
      required: false,
      description: 'The provider id of the resource on screen: what "it" means first.',
    }),
  }),
});

const ChatInput = builder.inputType('ChatInput', {
  description: 'One message of a conversation.',
  fields: (t) => ({
    message: t.string({
      required: true,
      description: 'The request in plain language (at most 2,000 characters).',
    }),
    context: t.field({
      type: ChatContextInput,
      required: false,
      description: 'Where the user is looking.',
    }),
    conversationId: t.id({
      required: false,
      description: 'Continue a conversation (yours); without it a new one starts.',
    }),
  }),
});

const ConfirmChatPlanInput = builder.inputType('ConfirmChatPlanInput', {
  description: 'The plan to run.',
  fields: (t) => ({
    token: t.string({ required: true, description: "The plan's confirmationToken." }),
  }),
});

const ChatStepStatusEnum = builder.enumType('ChatStepStatus', {
  description: 'What became of one step of a confirmed plan.',
  values: {
    SUCCEEDED: { description: 'It ran and succeeded.' },
    FAILED: { description: 'It ran and failed; the steps after it did not run.' },
    NOT_RUN: { description: 'An earlier step failed, so it was not run.' },
  },
});

const ChatStepOutcomeInterface = builder.interfaceRef<StepOutcome>('ChatStepOutcome').implement({
  description: 'One step of a confirmed plan and what became of it.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Its position in the plan, from 0.' }),
    action: t.field({
      type: AuditActionEnum,
      description: 'What it does, as its audit event names it (e.g. SCALE).',
      resolve: (o) => knownAction(o.action),
    }),
    target: t.field({
      type: ResourceInterface,
      nullable: true,
      description: 'What it acts on, if the resource is still known.',
      resolve: (o) => o.target,
    }),
    status: t.field({
      type: ChatStepStatusEnum,
      description: 'Whether it succeeded, failed or did not run.',
      resolve: (o) => o.status,
    }),
  }),
});

type Outcome<S extends StepOutcome['status']> = Extract<StepOutcome, { status: S }>;

builder.objectRef<Outcome<'SUCCEEDED'>>('ChatStepSucceeded').implement({
  description: 'A step that ran and succeeded.',
  interfaces: [ChatStepOutcomeInterface],
  isTypeOf: (o) => (o as StepOutcome).status === 'SUCCEEDED',
  fields: (t) => ({
    auditEvent: t.field({
      type: AuditEventRef,
      description: 'The audit record of what it did.',
      resolve: (o) => o.auditEvent,
    }),
  }),
});

builder.objectRef<Outcome<'FAILED'>>('ChatStepFailed').implement({
  description: 'A step that ran and failed.',
  interfaces: [ChatStepOutcomeInterface],
  isTypeOf: (o) => (o as StepOutcome).status === 'FAILED',
  // The failure's code and message, not the error object: graphql-js treats an Error value as
  // a field error, which would blank the answer instead of describing the step.
  fields: (t) => ({
    code: t.string({
      description: 'Why it failed, as the `code` of the Error a single action would return.',
      resolve: (o) => o.error.code,
    }),
    message: t.string({
      description: 'Why it failed, for people.',
      resolve: (o) => o.error.message,
    }),
  }),
});

builder.objectRef<Outcome<'NOT_RUN'>>('ChatStepNotRun').implement({
  description: 'A step that did not run because an earlier one failed.',
  interfaces: [ChatStepOutcomeInterface],
  isTypeOf: (o) => (o as StepOutcome).status === 'NOT_RUN',
});

builder.objectType(ChatTokenError, {
  name: 'ConfirmationTokenError',
  description:
    'The token cannot be used: TOKEN_INVALID, TOKEN_FOREIGN (another viewer’s), TOKEN_USED or TOKEN_EXPIRED. Nothing ran.',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ChatTokenError,
});

const STEPS = 'Every step of the plan, in order, with what became of it.';

const ConfirmChatPlanSuccess = builder
  .objectRef<ConfirmSuccess>('ConfirmChatPlanSuccess')
  .implement({
    description: 'Every step of the plan ran and succeeded.',
    isTypeOf: (v) => !(v instanceof AppError),
    fields: (t) => ({
      steps: t.field({
        type: [ChatStepOutcomeInterface],
        description: STEPS,
        resolve: (s) => s.steps,
      }),
      auditEvents: t.field({
        type: [AuditEventRef],
        description: 'One per executed step, in order.',
        resolve: (s) => s.auditEvents,
      }),
      reply: t.exposeString('reply', { description: 'Markdown summary of what ran.' }),
    }),
  });

builder.objectType(PlanIncompleteError, {
  name: 'ChatPlanIncompleteError',
  description:
    'PLAN_INCOMPLETE: some steps ran, then one failed and the rest did not run. What ran stays done (revert it step by step if needed).',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof PlanIncompleteError,
  fields: (t) => ({
    steps: t.field({
      type: [ChatStepOutcomeInterface],
      description: STEPS,
      resolve: (e) => e.steps,
    }),
    auditEvents: t.field({
      type: [AuditEventRef],
      description: 'One per step that ran, in order.',
      resolve: (e) => e.auditEvents,
    }),
    reply: t.exposeString('reply', {
      description: 'Markdown summary of what ran and what failed.',
    }),
  }),
});

/** What a confirmed plan may fail with: a token problem, or whatever its step failed with. */
const CONFIRM_ERRORS = [
  ChatTokenError,
  PlanIncompleteError,
  NotFoundError,
  ForbiddenError,
  ValidationError,
  ConflictError,
  ConfirmationRequiredError,
  ProviderError,
  UnavailableError,
  IrreversibleError,
];

builder.mutationFields((t) => ({
  chat: t.field({
    type: ChatSuccessRef,
    // Expected failures are returned by the service and thrown here for the errors plugin.
    errors: {
      types: [ValidationError, NotFoundError],
      directResult: true,
      union: {
        name: 'ChatResult',
        description: 'The answer (or plan), or why the request was refused.',
      },
    },
    description:
      "A plain-language request: read-only ones are answered; changes come back as a previewed plan with a confirmation token. A refused input is a ValidationError; an unknown conversation id (or another viewer's) a NotFoundError.",
    args: {
      input: t.arg({
        type: ChatInput,
        required: true,
        description: 'The message and its conversation.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const result = await ctx.services.chat.chat(
        {
          message: input.message,
          context: input.context,
          conversationId: input.conversationId ? String(input.conversationId) : null,
        },
        ctx.viewer,
        ctx.requestId,
        ctx.scope,
      );
      if (result instanceof AppError) throw result;
      return result;
    },
  }),
  confirmChatPlan: t.field({
    type: ConfirmChatPlanSuccess,
    // Expected failures are thrown for the errors plugin to turn into union members.
    errors: {
      types: CONFIRM_ERRORS,
      directResult: true,
      union: {
        name: 'ConfirmChatPlanResult',
        description: 'What the plan did step by step, or why it did not run.',
      },
    },
    description:
      "Executes a chat plan through the action pipeline with the confirming viewer's role.",
    args: {
      input: t.arg({
        type: ConfirmChatPlanInput,
        required: true,
        description: 'The confirmation token of the plan.',
      }),
    },

    resolve: async (_root, { input }, ctx) => {
      const result = await ctx.services.chat.confirm(input.token, ctx.viewer, ctx.requestId);
      if (result instanceof AppError) throw result;
      return result;
    },
  }),
}));
