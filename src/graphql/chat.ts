import type { ChatPayload, ConfirmSuccess } from '../chat/service.ts';
import { ChatTokenError } from '../chat/errors.ts';
import type { Interpretation } from '../chat/intents.ts';
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
import { AuditEventRef } from './audit.ts';
import { ErrorInterface } from './base.ts';
import { builder } from './builder.ts';
import { ResourceInterface } from './resources.ts';

const ChatIntentRef = builder.objectRef<Interpretation>('ChatIntent').implement({
  description: 'What the request was understood as.',
  fields: (t) => ({
    name: t.string({ resolve: (i) => i.intent }),
    confidence: t.exposeFloat('confidence'),
    entities: t.field({ type: 'JSON', resolve: (i) => i.entities }),
  }),
});

const PlannedActionRef = builder.objectRef<PlannedAction>('PlannedAction').implement({
  description: 'One step of a plan, with the dry run that previewed it.',
  fields: (t) => ({
    action: t.exposeString('action'),
    target: t.field({ type: ResourceInterface, nullable: true, resolve: (p) => p.target }),
    parameters: t.field({ type: 'JSON', nullable: true, resolve: (p) => p.parameters }),
    preview: t.field({ type: 'JSON', nullable: true, resolve: (p) => p.preview }),
  }),
});

const GeneratedCodeRef = builder.objectRef<GeneratedCode>('GeneratedCode').implement({
  fields: (t) => ({
    language: t.exposeString('language'),
    filename: t.exposeString('filename', { nullable: true }),
    content: t.exposeString('content'),
  }),
});

const ChatPayloadRef = builder.objectRef<ChatPayload>('ChatPayload').implement({
  fields: (t) => ({
    conversationId: t.exposeID('conversationId'),
    reply: t.exposeString('reply', { description: 'Markdown.' }),
    intent: t.field({ type: ChatIntentRef, resolve: (p) => p.intent }),
    plan: t.field({ type: [PlannedActionRef], resolve: (p) => p.plan }),
    generatedCode: t.field({ type: [GeneratedCodeRef], resolve: (p) => p.generatedCode }),
    requiresConfirmation: t.exposeBoolean('requiresConfirmation'),
    confirmationToken: t.exposeString('confirmationToken', {
      nullable: true,
      description: 'Single-use, short-lived, for this viewer only: pass it to confirmChatPlan.',
    }),
  }),
});

const ChatInput = builder.inputType('ChatInput', {
  fields: (t) => ({
    message: t.string({ required: true }),
    context: t.field({
      type: 'JSON',
      required: false,
      description: 'Where the user is looking: {namespace, cluster, resourceId}.',
    }),
    conversationId: t.id({ required: false, description: 'Continue a conversation.' }),
  }),
});

const ConfirmChatPlanInput = builder.inputType('ConfirmChatPlanInput', {
  fields: (t) => ({ token: t.string({ required: true }) }),
});

builder.objectType(ChatTokenError, {
  name: 'ConfirmationTokenError',
  description:
    'The token cannot be used: TOKEN_INVALID, TOKEN_FOREIGN (another viewer’s), TOKEN_USED or TOKEN_EXPIRED. Nothing ran.',
  interfaces: [ErrorInterface],
  isTypeOf: (v) => v instanceof ChatTokenError,
});

const ConfirmChatPlanSuccess = builder
  .objectRef<ConfirmSuccess>('ConfirmChatPlanSuccess')
  .implement({
    isTypeOf: (v) => !(v instanceof AppError),
    fields: (t) => ({
      auditEvents: t.field({
        type: [AuditEventRef],
        description: 'One per executed step, in order.',
        resolve: (s) => s.auditEvents,
      }),
      reply: t.exposeString('reply', { description: 'Markdown summary of what ran.' }),
    }),
  });

/** What a confirmed plan may fail with: a token problem, or whatever its step failed with. */
const CONFIRM_ERRORS = [
  ChatTokenError,
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
    type: ChatPayloadRef,
    description:
      'A plain-language request: read-only ones are answered; changes come back as a previewed plan with a confirmation token.',
    args: { input: t.arg({ type: ChatInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      ctx.services.chat.chat(
        {
          message: input.message,
          context: input.context,
          conversationId: input.conversationId ? String(input.conversationId) : null,
        },
        ctx.viewer,
        ctx.requestId,
      ),
  }),
  confirmChatPlan: t.field({
    type: ConfirmChatPlanSuccess,
    // Expected failures are thrown for the errors plugin to turn into union members.
    errors: { types: CONFIRM_ERRORS, directResult: true, union: { name: 'ConfirmChatPlanResult' } },
    description:
      "Executes a chat plan through the action pipeline with the confirming viewer's role.",
    args: { input: t.arg({ type: ConfirmChatPlanInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await ctx.services.chat.confirm(input.token, ctx.viewer, ctx.requestId);
      if (result instanceof AppError) throw result;
      return result;
    },
  }),
}));
