import { z } from 'zod';
import type { ActionOutcomeResult, ActionPipeline } from '../actions/pipeline.ts';
import { VERB_ROLE } from '../actions/policy.ts';
import type { AuditStore } from '../audit/store.ts';
import { knownAction, type AuditEvent } from '../audit/types.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AppError, NotFoundError, UnavailableError, ValidationError } from '../errors.ts';
import type { HealthService } from '../health.ts';
import type { Logger } from '../logger.ts';
import type { ActionVerb, ReadScope, Resource } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { Database } from '../store/database.ts';
import { Answers, HELP } from './answers.ts';
import { PlanIncompleteError } from './errors.ts';
import { MUTATING, type Interpretation, type Memory } from './intents.ts';
import type { LlmInterpreter } from './llm.ts';
import { parse } from './parser.ts';
import { Planner, rejectReason, type GeneratedCode, type PlannedAction } from './planner.ts';
import { describeResource } from './resolve.ts';
import type { ChatMetricsSource, ChatRecommendationsSource, ManifestPort } from './sources.ts';
import { ChatStore, type StoredPlan, type StoredStep } from './store.ts';
import { fillGeneratedSecrets, type Manifest } from './templates.ts';
import {
  remember,
  resolveInterpretation,
  shownBy,
  vocabulary,
  type Understanding,
} from './understand.ts';

export interface ChatPayload {
  conversationId: string;
  reply: string;
  intent: Interpretation;
  plan: PlannedAction[];
  generatedCode: GeneratedCode[];
  requiresConfirmation: boolean;
  confirmationToken: string | null;
}

/** What became of one step of a confirmed plan. */
export type StepOutcome = {
  /** Position in the plan, from 0. */
  index: number;
  action: string;
  target: Resource | null;
} & (
  | { status: 'SUCCEEDED'; auditEvent: AuditEvent }
  | { status: 'FAILED'; error: AppError }
  | { status: 'NOT_RUN' }
);

export interface ConfirmSuccess {
  steps: StepOutcome[];
  auditEvents: AuditEvent[];
  reply: string;
}

/** What the chat accepts from a client, checked before anything is read or stored. */
export interface ChatInput {
  message: string;
  context?: {
    namespace?: string | null;
    cluster?: string | null;
    resourceId?: string | null;
  } | null;
  conversationId?: string | null;
}

export interface ChatDeps {
  db: Database;
  actions: ActionPipeline;
  audit: Pick<AuditStore, 'list'>;
  providers: ProviderRegistry;
  health: HealthService;
  log: Logger;
  tokenTtlSeconds: number;
  llm?: LlmInterpreter | undefined;
  metrics?: ChatMetricsSource | undefined;
  recommendations?: ChatRecommendationsSource | undefined;
  manifests?: ManifestPort | undefined;
}

/** What one viewer's message is answered from (seenThrough). */
interface Seen {
  providers: ProviderRegistry;
  answers: Answers;
  planner: Planner;
}

/** The longest message the chat reads. */
export const MAX_MESSAGE = 2000;

const text = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((v) => v.isWellFormed() && !v.includes('\u0000'), 'no NUL or unpaired surrogate');
const optional = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v ?? undefined);

const InputSchema = z.object({
  message: text(MAX_MESSAGE).refine((v) => v.trim().length > 0, 'a message is needed'),
  /** What a dashboard may tell the chat about where the user is looking. */
  context: z
    .object({ namespace: optional(253), cluster: optional(253), resourceId: optional(1000) })
    .nullish(),
  conversationId: z.uuid('a conversation id as returned by chat').nullish(),
});

/** Below this, the built-in understanding asks the optional LLM for a second opinion. */
const LLM_THRESHOLD = 0.8;

/**
 * ChatOps: understands a message (built in, or through the optional LLM), answers read-only
 * requests at once, and turns changes into dry-run-previewed plans that run only when the
 * confirming viewer redeems the plan's single-use token through the action pipeline.
 */
export class ChatService {
  private readonly deps: ChatDeps;
  private readonly store: ChatStore;
  private readonly answers: Answers;
  private readonly planner: Planner;

  constructor(deps: ChatDeps) {
    this.deps = deps;
    this.store = new ChatStore(deps.db);
    this.answers = new Answers(deps);
    this.planner = new Planner(deps);
  }

  /** The built-in reading, or the model's when the built-in one is unsure and the model is valid. */
  private async interpret(
    message: string,
    memory: Memory,
    resources: Resource[],
  ): Promise<Interpretation> {
    const builtin = parse(message, memory, vocabulary(resources));
    if (!this.deps.llm || builtin.confidence >= LLM_THRESHOLD) return builtin;
    const model = await this.deps.llm.interpret(message, memory);
    return model && model.intent !== 'unknown' ? model : builtin;
  }

  /**
   * Answers one message. A malformed input is a ValidationError and an unknown conversation
   * (or another viewer's) a NotFoundError: nothing is read or stored for either.
   */
  /**
   * The answers and plans as a scope's viewer may read (a person under KUBE_IMPERSONATION):
   * their resources, advice and audit only; the chat's own without a scope.
   */
  private seenThrough(scope: ReadScope | undefined): Seen {
    if (!scope)
      return { providers: this.deps.providers, answers: this.answers, planner: this.planner };
    const { audit, recommendations: recs } = this.deps;
    const deps: ChatDeps = {
      ...this.deps,
      providers: this.deps.providers.seenThrough(scope),
      audit: { list: (filter, ...rest) => audit.list({ ...filter, scope }, ...rest) },
      recommendations: recs && {
        open: (limit) => recs.open(limit, scope),
        apply: (id, as) => recs.apply(id, as),
        reject: (id, reason, as) => recs.reject(id, reason, as),
      },
    };
    return { providers: deps.providers, answers: new Answers(deps), planner: new Planner(deps) };
  }

  async chat(
    input: ChatInput,
    viewer: Viewer,
    requestId: string | null,
    scope?: ReadScope,
  ): Promise<ChatPayload | AppError> {
    const parsed = InputSchema.safeParse(input);
    if (!parsed.success) {
      return new ValidationError(
        'The chat message was refused',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    const { message } = parsed.data;
    const { namespace, cluster, resourceId } = parsed.data.context ?? {};
    const conversation = await this.store.open(parsed.data.conversationId, viewer.name);
    if (!conversation) {
      return new NotFoundError('No such conversation of yours; start a new one without an id');
    }
    const memory: Memory = { ...conversation.memory };
    if (resourceId && !memory.lastTargets?.length) memory.lastTargets = [resourceId];
    const seen = this.seenThrough(scope);
    const resources = seen.providers.list({});
    const interpretation = await this.interpret(message, memory, resources);
    const e = interpretation.entities;
    if (!e.namespace && namespace && interpretation.intent !== 'overview') e.namespace = namespace;
    if (!e.cluster && cluster) e.cluster = cluster;
    const u = resolveInterpretation(interpretation, memory, resources);
    const { payload, shown } = await this.respond(seen, u, viewer, requestId, conversation.id);
    await this.store.save(
      conversation.id,
      remember(memory, u, shown.length ? shown : shownBy(u, (x) => seen.answers.rows(x))),
      {
        message,
        reply: payload.reply,
        intent: payload.intent,
      },
    );
    return payload;
  }

  /** The reply, and the resources a read-only answer showed (a list's rows, a ranking). */
  private async respond(
    seen: Seen,
    u: Understanding,
    viewer: Viewer,
    requestId: string | null,
    conversationId: string,
  ): Promise<{ payload: ChatPayload; shown: Resource[] }> {
    const { intent, entities } = u.interpretation;
    const base: ChatPayload = {
      conversationId,
      reply: '',
      intent: u.interpretation,
      plan: [],
      generatedCode: [],
      requiresConfirmation: false,
      confirmationToken: null,
    };
    const asIs = (payload: ChatPayload) => ({ payload, shown: [] as Resource[] });
    if (u.candidates?.length) {
      return asIs({
        ...base,
        reply: `"${entities.name ?? ''}" could mean several things. Which one?\n\n${u.candidates.map((c) => `- ${describeResource(c)}`).join('\n')}\n\nSay which, e.g. "the one in ${u.candidates[0]?.namespace ?? 'default'}" or "the second one".`,
      });
    }
    if (u.notFound) {
      return asIs({
        ...base,
        reply: `I couldn't find "${u.notFound}"${entities.namespace ? ` in \`${entities.namespace}\`` : ''}. Try \`list ${entities.kind ? `${entities.kind.toLowerCase()}s` : 'deployments'}\` to see what there is.`,
      });
    }
    if (u.needsTarget)
      return asIs({
        ...base,
        reply: `Which resource do you mean? For example: "${intent.replace(/_/g, ' ')} backend in prod".`,
      });
    if (!MUTATING.has(intent)) {
      const answer = await seen.answers.answer(intent, entities, u.target, viewer);
      return {
        payload: { ...base, reply: intent === 'unknown' ? answer.reply : answer.reply || HELP },
        shown: answer.targets,
      };
    }
    const who = { viewer, requestId };
    const draft = u.targets?.length
      ? await seen.planner.planEach(intent, entities, u.targets, who)
      : await seen.planner.plan(intent, entities, u.target, who);
    const out: ChatPayload = {
      ...base,
      reply: draft.reply,
      plan: draft.planned,
      generatedCode: draft.generatedCode,
    };
    if (!draft.executable || draft.steps.length === 0) return asIs(out);
    const summary = draft.planned
      .map((p) => `${p.action} ${p.target ? p.target.name : ''}`.trim())
      .join('; ');
    const token = await this.store.issue(
      { conversationId, summary, steps: draft.steps },
      viewer.name,
      this.deps.tokenTtlSeconds,
    );
    return asIs({ ...out, requiresConfirmation: true, confirmationToken: token });
  }

  /** Runs a confirmed plan, step by step, as the confirming viewer; stops at the first failure. */
  async confirm(
    token: string,
    viewer: Viewer,
    requestId: string | null,
  ): Promise<ConfirmSuccess | AppError> {
    let plan: StoredPlan;
    try {
      plan = await this.store.redeem(token, viewer.name);
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    const steps: StepOutcome[] = [];
    const lines: string[] = [];
    let failed: AppError | undefined;
    for (const [index, step] of plan.steps.entries()) {
      const base = {
        index,
        action: step.action,
        target: step.targetId ? (this.deps.providers.get(step.targetId) ?? null) : null,
      };
      if (failed) {
        steps.push({ ...base, status: 'NOT_RUN' });
        continue;
      }
      const result = await this.execute(step, viewer, requestId);
      if (result instanceof AppError) {
        // Nothing ran: the plan failed as its one action would have.
        if (index === 0) return result;
        failed = result;
        steps.push({ ...base, status: 'FAILED', error: result });
        lines.push(
          `Step ${index + 1} failed: ${result.message}. The steps before it ran; nothing after it did.`,
        );
        continue;
      }
      steps.push({ ...base, status: 'SUCCEEDED', auditEvent: result.auditEvent });
      lines.push(result.auditEvent.message ?? `${step.action} done`);
    }
    const done = {
      steps,
      auditEvents: steps.flatMap((o) => (o.status === 'SUCCEEDED' ? [o.auditEvent] : [])),
      reply: lines.join('\n'),
    };
    return failed ? new PlanIncompleteError(failed, done) : done;
  }

  private async execute(
    step: StoredStep,
    viewer: Viewer,
    requestId: string | null,
  ): Promise<ActionOutcomeResult> {
    const as = { viewer, requestId, source: 'CHATOPS' as const, dryRun: false };
    if (step.action === 'revert' && step.reverts) {
      return this.deps.actions.revert({ auditEventId: step.reverts, ...as });
    }
    if (step.recommendationId) {
      const recs = this.deps.recommendations;
      if (!recs) return new UnavailableError('Recommendations are not available');
      return step.action === 'apply_recommendation'
        ? recs.apply(step.recommendationId, as)
        : recs.reject(step.recommendationId, rejectReason(viewer), as);
    }
    if (!step.targetId) return new UnavailableError(`The plan step ${step.action} has no target`);
    // Stored plans are ours, but a verb is checked against the pipeline's table all the same.
    const action = knownAction(step.action);
    if (!Object.hasOwn(VERB_ROLE, step.verb) || action === 'other') {
      return new UnavailableError(`The plan step ${step.action} has no known verb`);
    }
    return this.deps.actions.run({
      action,
      verb: step.verb as ActionVerb,
      targetId: step.targetId,
      params:
        step.verb === 'create'
          ? { ...step.params, manifests: fillGeneratedSecrets(step.params.manifests as Manifest[]) }
          : step.params,
      confirm: step.confirm,
      ...as,
    });
  }
}
