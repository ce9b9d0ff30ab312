import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ProviderError,
  ValidationError,
} from '../../errors.ts';
import { KubeApiError, type Impersonation } from './client.ts';

/** The pod's node does not serve logs (a virtual node, a kubelet that is down). */
export class LogsUnavailableError extends AppError {
  readonly code = 'LOGS_UNAVAILABLE';
  readonly node: string | null;
  constructor(message: string, node: string | null) {
    super(message);
    this.node = node;
  }
}

/** One Kubernetes permission: a verb on a resource (`plural` or `plural/subresource`) of a group. */
export interface KubePermission {
  verb: string;
  resource: string;
  /** '' for the core group. */
  group: string;
}

/** How a missing permission is named to people, e.g. `patch deployments/scale.apps in namespace a`. */
export function describePermission(p: KubePermission, namespace: string | null | undefined) {
  return `${p.verb} ${p.resource}${p.group ? `.${p.group}` : ''}${namespace ? ` in namespace ${namespace}` : ' (cluster-wide)'}`;
}

/**
 * Who refuses a person in a cluster, as a sentence's start: its RBAC, or (their rules review
 * there was incomplete: an authorizer that cannot list its rules, e.g. a webhook) its whole
 * authorizer chain. One phrase for `can`/`permissions` (KubeAccess) and an action's refusal.
 */
export function refuser(cluster: string, incomplete: boolean): string {
  return incomplete
    ? `the authorizers of cluster ${cluster} (RBAC, and one its rules review cannot list, e.g. a webhook) do not let`
    : `the RBAC of cluster ${cluster} does not let`;
}

/**
 * A person's own authorizers refused what they asked (impersonation): names the permission a
 * Role bound to them would have to grant, read from the API server's answer.
 */
function personRefusal(err: KubeApiError, person: Impersonation, context: string, what: string) {
  const m =
    /cannot (\S+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/.exec(
      err.message,
    );
  const permission = m
    ? describePermission({ verb: m[1] ?? '', resource: m[2] ?? '', group: m[3] ?? '' }, m[4])
    : undefined;
  return new ForbiddenError(
    `${what}: ${refuser(context, person.incomplete === true)} ${person.user} ${permission ?? 'do this'} (${err.message})`,
    { permission },
  );
}

/**
 * Maps whatever the API server (or the way to it) threw onto the closed set of AppErrors.
 * `what` names the verb and the object, e.g. "scale deployment lab-demo/web".
 */
export function mapKubeError(err: unknown, context: string, what: string): AppError {
  if (err instanceof AppError) return err;
  if (!(err instanceof KubeApiError)) {
    const message = (err as Error).message ?? String(err);
    return new ProviderError(
      'kubernetes',
      `cluster ${context} unreachable during ${what}: ${message}`,
    );
  }
  switch (err.status) {
    case 404:
      return new NotFoundError(`${what}: not found in cluster ${context} (${err.message})`);
    case 401:
      return new ProviderError(
        'kubernetes',
        `${what}: the orchestrator's credentials for ${context} were rejected`,
      );
    case 403:
      return err.actingAs
        ? personRefusal(err, err.actingAs, context, what)
        : new ForbiddenError(
            `${what}: the orchestrator's identity in cluster ${context} is not allowed (${err.message})`,
          );
    case 409:
      return new ConflictError(`${what}: ${err.message}`);
    case 400:
    case 422:
      return new ValidationError(
        `${what}: ${err.message}`,
        err.causes.map((c) => ({
          path: c.field ?? '',
          message: c.message ?? c.reason ?? 'invalid',
        })),
      );
    default:
      return new ProviderError(
        'kubernetes',
        `${what} failed in cluster ${context} (HTTP ${err.status}): ${err.message}`,
      );
  }
}
