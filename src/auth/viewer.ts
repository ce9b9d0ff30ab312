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
