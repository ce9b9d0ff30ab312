import { ROLES, type Role } from '../config.ts';

export type { Role };

export interface Viewer {
  name: string;
  role: Role;
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
