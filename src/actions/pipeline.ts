import { roleRefusal } from '../auth/permissions.ts';
import type { Viewer } from '../auth/viewer.ts';
import { auditErrorOf } from '../audit/redact.ts';
import { IdempotencyKeyTaken, type AuditStore } from '../audit/store.ts';
import type {
  AuditAction,
  AuditError,
  AuditEvent,
  AuditSource,
  AuditTarget,
} from '../audit/types.ts';
import {
  AppError,
  appErrorFromRecord,
  ConfirmationRequiredError,
  IrreversibleError,
  NotFoundError,
  UnavailableError,
  ValidationError,
} from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ActionOutcome, ActionVerb } from '../providers/provider.ts';
import { nativeIdOf } from '../providers/ids.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { EventLog } from '../eventlog.ts';
import { BackgroundWork, ShutdownInterrupt } from './background.ts';
import { checkIdempotencyKey, inputHashOf, recordedUnder } from './idempotency.ts';
import { recordedParams, validateParams } from './params.ts';
import { mayRun, VERB_ROLE } from './policy.ts';

export const AUDIT_TOPIC = 'auditEvents';

export interface ActionCommand {
  /** The audit action name: scale, start, …, apply_recommendation, revert. */
  action: AuditAction;
  verb: ActionVerb;
  /** The provider's resource id (not the GraphQL global id). */
  targetId: string;
  params: unknown;
  dryRun: boolean;
  idempotencyKey?: string | null | undefined;
  /** Must equal the target's name (or its provider id) for delete. */
  confirm?: string | null | undefined;
  precondition?: Record<string, unknown> | undefined;
  reverts?: string | null | undefined;
  /** Facts recorded beside the parameters (e.g. the recommendation applied). */
  context?: Record<string, unknown> | undefined;
  source: AuditSource;
  viewer: Viewer;
  requestId: string | null;
}

/** What `record` needs: who asks what of which target, and what the audit log keeps. */
export interface RecordInput {
  action: AuditAction;
  /** A provider verb, or NO_VERB for decisions that run none. */
  verb: ActionVerb;
  /** null for changes to the orchestrator itself (agents, tokens, recommendation runs). */
  target: AuditTarget | null;
  /** The validated input, hashed for idempotency. */
  params: Record<string, unknown>;
  /** The parameters as the audit log keeps them. */
  recorded: Record<string, unknown>;
  dryRun: boolean;
  idempotencyKey?: string | null | undefined;
  precondition?: Record<string, unknown> | undefined;
  reverts?: string | null | undefined;
  source: AuditSource;
  viewer: Viewer;
  requestId: string | null;
}

export interface ActionSuccess {
  /** PENDING when the action goes on in the background (see `settled`). */
  auditEvent: AuditEvent;
  dryRun: boolean;
  /**
   * Only for an action going on in the background: its final result once recorded, or
   * undefined when shutdown left it PENDING for the reconciler.
   */
  settled?: Promise<ActionOutcomeResult | undefined>;
}

/** An action that failed: the error as the audit log keeps it. */
interface Failure {
  error: AuditError;
}

export type ActionOutcomeResult = ActionSuccess | AppError;

function replay(event: AuditEvent): ActionOutcomeResult {
  if (event.status === 'FAILED' && event.error) return appErrorFromRecord(event.error);
  return { auditEvent: event, dryRun: event.dryRun };
}

/**
 * The one path every change takes, from every entry point: authorize -> validate -> record
 * PENDING durably -> execute (or dry-run) through the provider -> record the outcome ->
 * publish. Expected failures come back as AppError values, never thrown.
 */
export class ActionPipeline {
  private readonly deps: {
    audit: AuditStore;
    providers: ProviderRegistry;
    events: EventLog;
    log: Logger;
    instanceId: string;
    /** Test hook (NODE_ENV=test only): pause between execution and outcome. */
    pauseAfterExecuteMs: number;
  };

  /**
   * The long rests of actions, running after their mutation answered; the reconciler resumes
   * interrupted ones here too, so shutdown drains both.
   */
  readonly background = new BackgroundWork();

  constructor(deps: ActionPipeline['deps']) {
    this.deps = deps;
  }

  async run(cmd: ActionCommand): Promise<ActionOutcomeResult> {
    try {
      return await this.runChecked(cmd);
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
  }

  /** Undoes a recorded action by restoring its `before`, if the target did not change since. */
  async revert(input: {
    auditEventId: string;
    dryRun: boolean;
    idempotencyKey?: string | null | undefined;
    viewer: Viewer;
    requestId: string | null;
    source: AuditSource;
  }): Promise<ActionOutcomeResult> {
    const original = await this.deps.audit.get(input.auditEventId);
    if (!original) return new NotFoundError(`No audit event ${input.auditEventId}`);
    if (original.status !== 'SUCCEEDED' || original.dryRun) {
      return new ValidationError(
        `Only a succeeded, executed action can be reverted; this one is ${original.dryRun ? 'a dry run' : original.status}`,
        [{ path: 'auditEventId', message: 'not a succeeded action' }],
      );
    }
    const target = original.target;
    const provider = this.deps.providers.enabled.find((p) => p.name === target?.provider);
    const plan =
      target && provider && original.before && original.after
        ? provider.revertPlan(original.verb, original.before, original.after)
        : null;
    if (!target || !plan) {
      return new IrreversibleError(
        `${original.action}${target ? ` of ${target.kind} ${target.name}` : ''} cannot be undone`,
      );
    }
    return this.run({
      action: 'revert',
      verb: plan.verb,
      targetId: target.id,
      params: plan.params,
      precondition: plan.precondition,
      dryRun: input.dryRun,
      idempotencyKey: input.idempotencyKey,
      reverts: original.id,
      source: input.source,
      viewer: input.viewer,
      requestId: input.requestId,
    });
  }

  private async runChecked(cmd: ActionCommand): Promise<ActionOutcomeResult> {
    const { providers } = this.deps;
    checkIdempotencyKey(cmd.idempotencyKey);
    if (!mayRun(cmd.viewer.role, cmd.verb)) {
      throw roleRefusal(cmd.viewer, VERB_ROLE[cmd.verb], cmd.verb);
    }
    const params = validateParams(cmd.verb, cmd.params);
    const target = providers.get(cmd.targetId);
    if (!target) throw new NotFoundError(`No resource ${cmd.targetId}`);
    const provider = providers.providerOf(target);
    if (!provider?.verbs(target).includes(cmd.verb)) {
      throw new ValidationError(`A ${target.kind} cannot be asked to ${cmd.verb}`, [
        { path: 'id', message: `${cmd.verb} does not apply to ${target.kind}` },
      ]);
    }
    if (
      cmd.verb === 'delete' &&
      cmd.confirm !== target.name &&
      cmd.confirm !== nativeIdOf(target.id)
    ) {
      throw new ConfirmationRequiredError(
        `Deleting ${target.kind} ${target.name} needs confirm: "${target.name}"`,
      );
    }

    return this.record(
      {
        ...cmd,
        params,
        recorded: { ...recordedParams(cmd.verb, params), ...(cmd.context ?? {}) },
        target: {
          id: target.id,
          provider: target.provider,
          kind: target.kind,
          cluster: target.cluster,
          namespace: target.namespace,
          name: target.name,
        },
      },
      (dryRun) =>
        provider.execute({
          verb: cmd.verb,
          target,
          params,
          dryRun,
          precondition: cmd.precondition,
          viewer: cmd.viewer,
        }),
    );
  }

  /**
   * The steps every audited change takes, whatever it changes: replay an idempotency key,
   * record PENDING durably (nothing runs if that fails), run (or dry-run), record the outcome,
   * publish. `run` throws AppError for expected failures, recorded as FAILED and returned.
   * Used by `run` for provider verbs and by services whose decisions are not provider verbs
   * (rejecting a recommendation).
   */
  async record(
    input: RecordInput,
    execute: (dryRun: boolean) => Promise<ActionOutcome>,
  ): Promise<ActionOutcomeResult> {
    try {
      return await this.recordChecked(input, execute);
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
  }

  private async recordChecked(
    cmd: RecordInput,
    execute: (dryRun: boolean) => Promise<ActionOutcome>,
  ): Promise<ActionOutcomeResult> {
    const { audit } = this.deps;
    const key = cmd.idempotencyKey ?? null;
    checkIdempotencyKey(key);
    const inputHash = key ? inputHashOf(cmd) : null;
    const previous = key ? await this.previous(cmd.viewer.name, key, inputHash) : undefined;
    if (previous) return previous;

    let pending: AuditEvent;
    try {
      pending = await audit.recordIntent({
        actor: cmd.viewer.name,
        actorName: cmd.viewer.displayName ?? null,
        actorRole: cmd.viewer.role,
        source: cmd.source,
        action: cmd.action,
        verb: cmd.verb,
        target: cmd.target,
        parameters: cmd.recorded,
        dryRun: cmd.dryRun,
        requestId: cmd.requestId,
        idempotencyKey: key,
        inputHash,
        reverts: cmd.reverts ?? null,
        instanceId: this.deps.instanceId,
      });
    } catch (err) {
      if (err instanceof IdempotencyKeyTaken && key) {
        const raced = await this.previous(cmd.viewer.name, key, inputHash);
        if (raced) return raced;
      }
      this.deps.log.error({ err }, 'could not record the audit event; action not executed');
      throw new UnavailableError('The audit log could not be written, so nothing was executed');
    }

    const started = performance.now();
    let done: ActionOutcome;
    try {
      done = await execute(cmd.dryRun);
    } catch (err) {
      return this.complete(pending, this.failure(err, pending.id), started);
    }
    const { finish, ...first } = done;
    if (!finish || cmd.dryRun) return this.complete(pending, first, started);
    // The long rest runs in the background: the answer is the PENDING event, which the outcome
    // completes (and is published again) when it is known.
    this.publish(pending);
    const settled = new Promise<ActionOutcomeResult | undefined>((resolve) => {
      const accepted = this.background.run(pending.id, async (signal) => {
        let last: Omit<ActionOutcome, 'finish'> | Failure;
        try {
          // A finish has no further finish of its own: its outcome is the last word.
          const { finish: _none, ...outcome } = await finish(signal);
          last = outcome;
        } catch (err) {
          if (err instanceof ShutdownInterrupt) {
            this.deps.log.warn({ auditEventId: pending.id }, 'action left PENDING by shutdown');
            return resolve(undefined);
          }
          last = this.failure(err, pending.id);
        }
        resolve(await this.complete(pending, last, started));
      });
      if (!accepted) resolve(undefined);
    });
    return { auditEvent: pending, dryRun: false, settled };
  }

  /** Waits for background work up to `graceMs`, then stops it; returns the ids left PENDING. */
  drain(graceMs: number): Promise<string[]> {
    return this.background.drain(graceMs);
  }

  private failure(err: unknown, auditEventId: string): Failure {
    const error = auditErrorOf(err);
    if (!(err instanceof AppError)) {
      this.deps.log.error({ err, auditEventId }, 'action failed unexpectedly');
    } else if (error.message !== err.message) {
      // The audit log keeps the redacted text; the full one is only here.
      this.deps.log.warn({ err, auditEventId }, 'action failed');
    }
    return { error };
  }

  /** Records the outcome on the PENDING event, publishes it, and answers with it. */
  private async complete(
    pending: AuditEvent,
    last: Omit<ActionOutcome, 'finish'> | Failure,
    started: number,
  ): Promise<ActionOutcomeResult> {
    const outcome =
      'error' in last
        ? { status: 'FAILED' as const, error: last.error, before: null, after: null, message: null }
        : { status: 'SUCCEEDED' as const, error: null, ...last };
    if (this.deps.pauseAfterExecuteMs > 0) {
      await new Promise((r) => setTimeout(r, this.deps.pauseAfterExecuteMs));
    }
    let recorded = pending;
    try {
      recorded = await this.deps.audit.recordOutcome(pending.id, {
        ...outcome,
        durationMs: Math.round(performance.now() - started),
      });
    } catch (err) {
      // The action ran; its PENDING record stays and the reconciler completes it later.
      this.deps.log.error({ err, auditEventId: pending.id }, 'could not record the outcome');
    }
    this.publish(recorded);
    return outcome.error
      ? appErrorFromRecord(outcome.error)
      : { auditEvent: recorded, dryRun: pending.dryRun };
  }

  private publish(event: AuditEvent): void {
    this.deps.events
      .append(AUDIT_TOPIC, event)
      .catch((err: unknown) =>
        this.deps.log.error({ err, auditEventId: event.id }, 'could not stream the audit event'),
      );
  }

  /** The answer already given under this key, or undefined when the key is new. */
  private async previous(
    actor: string,
    key: string,
    inputHash: string | null,
  ): Promise<ActionOutcomeResult | undefined> {
    const event = await recordedUnder(this.deps.audit, actor, key, inputHash);
    return event && replay(event);
  }
}
