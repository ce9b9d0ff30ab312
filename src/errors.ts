import type { Role } from './config.ts';

/**
 * Expected failures, returned as data (union members implementing the GraphQL `Error`
 * interface) rather than thrown. `code` is the stable, machine-readable part.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
  /** Machine-readable detail sent beside `code` in a thrown error's extensions. */
  readonly details?: Record<string, unknown>;
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  /** The least orchestrator role that would allow it, when the role model refused. */
  readonly requiredRole: Role | null;
  /** The Kubernetes permission the cluster's RBAC did not grant a person (impersonation). */
  readonly requiredPermission: string | null;
  override readonly details: Record<string, unknown> | undefined;
  constructor(
    message: string,
    allowedBy: { role?: Role | undefined; permission?: string | undefined } = {},
  ) {
    super(message);
    this.requiredRole = allowedBy.role ?? null;
    this.requiredPermission = allowedBy.permission ?? null;
    // Thrown (a query field refused), the same facts travel in the error's extensions.
    this.details =
      this.requiredRole || this.requiredPermission
        ? { requiredRole: this.requiredRole, requiredPermission: this.requiredPermission }
        : undefined;
  }
}

export interface FieldProblem {
  path: string;
  message: string;
}

export class ValidationError extends AppError {
  readonly code = 'VALIDATION_FAILED';
  readonly fields: FieldProblem[];
  constructor(message: string, fields: FieldProblem[] = []) {
    super(message);
    this.fields = fields;
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
}

export class ConfirmationRequiredError extends AppError {
  readonly code = 'CONFIRMATION_REQUIRED';
}

export class ProviderError extends AppError {
  readonly code = 'PROVIDER_ERROR';
  readonly provider: string;
  constructor(provider: string, message: string) {
    super(message);
    this.provider = provider;
  }
}

export class UnavailableError extends AppError {
  readonly code = 'UNAVAILABLE';
}

export class IrreversibleError extends AppError {
  readonly code = 'IRREVERSIBLE';
}

/**
 * Events a subscriber will never receive, reported at once in the stream when no event of its
 * own follows them yet to carry them as its `gap` (the stream goes on after it).
 */
export class StreamGapError extends AppError {
  readonly code = 'STREAM_GAP';
  override readonly details: { skipped: number; reason: string; refetch: string; cursor: string };
  constructor(details: StreamGapError['details']) {
    super(
      `${details.skipped} events of this stream were lost (${details.reason}): ` +
        `refetch ${details.refetch}, then carry on`,
    );
    this.details = details;
  }
}

/** Rebuilds the typed error of a recorded failure (idempotent replays return the same type). */
export function appErrorFromRecord(error: {
  code: string;
  message: string;
  fields?: FieldProblem[];
  requiredPermission?: string;
}): AppError {
  switch (error.code) {
    case 'NOT_FOUND':
      return new NotFoundError(error.message);
    case 'FORBIDDEN':
      return new ForbiddenError(error.message, { permission: error.requiredPermission });
    case 'VALIDATION_FAILED':
      return new ValidationError(error.message, error.fields ?? []);
    case 'CONFLICT':
      return new ConflictError(error.message);
    case 'CONFIRMATION_REQUIRED':
      return new ConfirmationRequiredError(error.message);
    case 'IRREVERSIBLE':
      return new IrreversibleError(error.message);
    case 'UNAVAILABLE':
      return new UnavailableError(error.message);
    default:
      return new ProviderError('provider', error.message);
  }
}
