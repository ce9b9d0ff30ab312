import type { AuditEvent } from '../audit/types.ts';
import { AppError } from '../errors.ts';
import type { StepOutcome } from './service.ts';

export type ChatTokenProblem = 'TOKEN_INVALID' | 'TOKEN_FOREIGN' | 'TOKEN_USED' | 'TOKEN_EXPIRED';

/** A confirmation token that cannot be honoured: unknown, someone else's, used, or expired. */
export class ChatTokenError extends AppError {
  readonly code: ChatTokenProblem;
  constructor(code: ChatTokenProblem, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * A confirmed plan that stopped part-way: some steps ran, then one failed, and the steps after
 * it did not run. Never reported as success; `steps` says what became of each.
 */
export class PlanIncompleteError extends AppError {
  readonly code = 'PLAN_INCOMPLETE';
  readonly steps: StepOutcome[];
  readonly auditEvents: AuditEvent[];
  readonly reply: string;
  /** The error the failing step ended with. */
  readonly failure: AppError;
  constructor(
    cause: AppError,
    done: { steps: StepOutcome[]; auditEvents: AuditEvent[]; reply: string },
  ) {
    const ran = done.auditEvents.length;
    super(
      `${ran} of ${done.steps.length} steps ran, then step ${ran + 1} failed (${cause.code}): ${cause.message}`,
    );
    this.failure = cause;
    this.steps = done.steps;
    this.auditEvents = done.auditEvents;
    this.reply = done.reply;
  }
}
