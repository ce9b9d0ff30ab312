import { ROLES, type Role } from '../config.ts';

export type { Role };

/** A signed-in person's principal is this prefix and the token's subject (token names have no ':'). */
export const OIDC_PREFIX = 'oidc:';

export interface Viewer {
  /** The principal: a static token's name, or `oidc:<subject>` for a signed-in person. */
  name: string;
  role: Role;
  /** A signed-in person's name from the ID token (`name` claim or OIDC_NAME_CLAIM). */
  displayName?: string;
  /** A signed-in person's groups (the OIDC_ROLE_CLAIM values): impersonated with them. */
  groups?: string[];
}

/**
 * Who a signed-in person is to Kubernetes under KUBE_IMPERSONATION: `oidc:<subject>` and their
 * groups as `oidc:<group>`, the names an API server with `--oidc-username-prefix=oidc:` and
 * `--oidc-groups-prefix=oidc:` gives them, so one set of RoleBindings serves kubectl and the
 * orchestrator. Static tokens and agents are not people: undefined (they act as the orchestrator).
 */
export function kubeIdentity(viewer: Viewer): { user: string; groups: string[] } | undefined {
  if (!viewer.name.startsWith(OIDC_PREFIX)) return undefined;
  return { user: viewer.name, groups: (viewer.groups ?? []).map((g) => `${OIDC_PREFIX}${g}`) };
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** Reads `Bearer <secret>` from an Authorization value; anything else yields undefined. */
export function bearerSecret(authorization: unknown): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}
