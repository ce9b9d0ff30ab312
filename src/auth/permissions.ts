import { mayRun, VERB_ROLE } from '../actions/policy.ts';
import { ForbiddenError } from '../errors.ts';
import type { ActionVerb, Resource } from '../providers/provider.ts';
import type { KubeAccess } from '../providers/kubernetes/access.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { Role, Viewer } from './viewer.ts';

/** Whether a viewer may run one verb on one resource, and if not, what would allow it. */
export interface Permission {
  verb: ActionVerb;
  allowed: boolean;
  /** The least orchestrator role that runs this verb. */
  requiredRole: Role;
  /** Why not, for people; null when allowed. */
  reason: string | null;
  /** The Kubernetes permission the cluster's authorizers do not grant the person (impersonation). */
  requiredPermission: string | null;
}

/** A refusal by the role model, naming the least role that would allow it. */
export function roleRefusal(viewer: Viewer, needed: Role, what: string): ForbiddenError {
  return new ForbiddenError(
    `${viewer.name} (${viewer.role}) may not ${what}; it needs the ${needed} role`,
    { role: needed },
  );
}

/**
 * Answers "what may I do here, and why not?" for a viewer and a resource from the
 * orchestrator's role model: the same table the action pipeline enforces (src/actions/policy.ts),
 * so what it says is what happens. Under KUBE_IMPERSONATION a person's answer also asks the
 * cluster's RBAC (cached per person by KubeAccess), as their action would.
 */
export class PermissionService {
  private readonly deps: { providers: ProviderRegistry; access?: KubeAccess | undefined };

  constructor(deps: PermissionService['deps']) {
    this.deps = deps;
  }

  /** One permission for each verb that applies to the resource's kind. */
  of(viewer: Viewer, resource: Resource): Promise<Permission[]> {
    const verbs = this.deps.providers.providerOf(resource)?.verbs(resource) ?? [];
    return Promise.all(verbs.map((verb) => this.decide(viewer, resource, verb, true)));
  }

  /** Whether `verb` may run on the resource; a verb its kind does not take is never allowed. */
  can(viewer: Viewer, resource: Resource, verb: ActionVerb): Promise<Permission> {
    const applies = this.deps.providers.providerOf(resource)?.verbs(resource).includes(verb);
    return this.decide(viewer, resource, verb, applies === true);
  }

  private async decide(
    viewer: Viewer,
    resource: Resource,
    verb: ActionVerb,
    applies: boolean,
  ): Promise<Permission> {
    const requiredRole = VERB_ROLE[verb];
    const base = { verb, requiredRole, requiredPermission: null };
    if (!applies) {
      return { ...base, allowed: false, reason: `a ${resource.kind} cannot be asked to ${verb}` };
    }
    if (!mayRun(viewer.role, verb)) {
      return { ...base, allowed: false, reason: roleRefusal(viewer, requiredRole, verb).message };
    }
    const refusal = await this.deps.access?.missing(viewer, resource, verb);
    if (refusal) {
      return {
        ...base,
        allowed: false,
        reason: refusal.reason,
        requiredPermission: refusal.permission,
      };
    }
    return { ...base, allowed: true, reason: null };
  }
}
