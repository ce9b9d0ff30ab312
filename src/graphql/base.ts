import { DateTimeResolver, DurationResolver, JSONResolver } from 'graphql-scalars';
import {
  type AppError,
  ConfirmationRequiredError,
  ConflictError,
  ForbiddenError,
  IrreversibleError,
  NotFoundError,
  ProviderError,
  UnavailableError,
  ValidationError,
} from '../errors.ts';
import { builder } from './builder.ts';
import { RoleEnum } from './status.ts';

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A point in time, RFC 3339 in UTC (e.g. 2026-12-06T22:56:00.000Z).',
});
builder.addScalarType('JSON', JSONResolver, {
  description: 'Any JSON value; the field that has it says its shape.',
});
builder.addScalarType('Duration', DurationResolver, {
  description: 'An ISO 8601 duration such as PT15M or P7D.',
});

builder.queryType({
  description:
    'Reads: resources from the watch caches, metrics from Prometheus, the audit log, recommendations, costs and status.',
});
builder.subscriptionType({
  description:
    'Live streams over graphql-ws or SSE; each resumes from a cursor (`after`) and reports lost events as a `gap`.',
});

export const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  description: 'An expected failure, returned as data. `code` is stable; `message` is for people.',
  fields: (t) => ({
    message: t.exposeString('message', {
      description: 'What went wrong, for people (may name the resource; never a secret).',
    }),
    code: t.exposeString('code', {
      description:
        'Stable and machine-readable: NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, CONFLICT, CONFIRMATION_REQUIRED, PROVIDER_ERROR, UNAVAILABLE, IRREVERSIBLE, … (one per error type).',
    }),
  }),
});

const FieldProblemRef = builder.objectRef<{ path: string; message: string }>('FieldProblem');
FieldProblemRef.implement({
  description: 'One refused input field.',
  fields: (t) => ({
    path: t.exposeString('path', {
      description:
        'Where in the input, dot-separated (e.g. `input.replicas`, `recommendations.2.type`).',
    }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

function errorType(cls: new (message: string) => AppError, name: string, description: string) {
  return builder.objectType(cls, {
    name,
    description,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof cls,
  });
}

export const NotFoundErrorType = errorType(
  NotFoundError,
  'NotFoundError',
  'The target does not exist.',
);
export const ForbiddenErrorType = builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'The viewer, or the orchestrator identity at the provider, may not do this.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: (t) => ({
    requiredRole: t.field({
      type: RoleEnum,
      nullable: true,
      description:
        "The least role that would allow it, when the orchestrator's role model refused; null when something else did (the provider, an agent's identity).",
      resolve: (e) => e.requiredRole,
    }),
    requiredPermission: t.exposeString('requiredPermission', {
      nullable: true,
      description:
        "Under KUBE_IMPERSONATION: the Kubernetes permission the cluster's RBAC did not grant the person (e.g. `patch deployments/scale.apps in namespace shop`); null otherwise.",
    }),
  }),
});
export const ValidationErrorType = builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused; nothing changed.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    fields: t.field({
      type: [FieldProblemRef],
      description: 'Each refused field and why; empty when the input as a whole was refused.',
      resolve: (e) => e.fields,
    }),
  }),
});
export const ConflictErrorType = errorType(
  ConflictError,
  'ConflictError',
  'The target changed since it was read; nothing changed.',
);
export const ConfirmationRequiredErrorType = errorType(
  ConfirmationRequiredError,
  'ConfirmationRequiredError',
  'A destructive action needs explicit confirmation.',
);
export const ProviderErrorType = builder.objectType(ProviderError, {
  name: 'ProviderError',
  description: 'The cloud or cluster API failed or could not be reached.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ProviderError,
  fields: (t) => ({
    provider: t.exposeString('provider', {
      description: 'Which provider failed: KUBERNETES or AWS (or the metric backend by name).',
    }),
  }),
});
export const UnavailableErrorType = errorType(
  UnavailableError,
  'UnavailableError',
  'A dependency of the orchestrator (its store, for instance) is unavailable; nothing changed.',
);

export const IrreversibleErrorType = errorType(
  IrreversibleError,
  'IrreversibleError',
  'The action cannot be undone (a delete, a restart); nothing changed.',
);

/**
 * The error members of an action run through the pipeline (src/actions/pipeline.ts): no
 * target, a role below the verb, bad parameters, a changed target or a reused idempotency
 * key, the provider's refusal, an audit log that cannot be written. Resolvers throw these;
 * the errors plugin turns them into union members (graphql-js would treat a *returned* Error
 * as a failure). A delete adds ConfirmationRequiredError, a revert IrreversibleError.
 */
export const ACTION_ERRORS = [
  NotFoundError,
  ForbiddenError,
  ValidationError,
  ConflictError,
  ProviderError,
  UnavailableError,
];
