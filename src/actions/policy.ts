import { roleAtLeast, type Role } from '../auth/viewer.ts';
import type { ActionVerb } from '../providers/provider.ts';

/** The least role allowed to run each verb. One table, used by the pipeline and `actions`. */
export const VERB_ROLE: Record<ActionVerb, Role> = {
  scale: 'operator',
  start: 'operator',
  stop: 'operator',
  restart: 'operator',
  reboot: 'operator',
  cordon: 'operator',
  uncordon: 'operator',
  patch: 'operator',
  create: 'operator',
  delete: 'admin',
};

export function mayRun(role: Role, verb: ActionVerb): boolean {
  return roleAtLeast(role, VERB_ROLE[verb]);
}
