import type { Impersonation } from './client.ts';
import type { KubeObject } from './types.ts';

// Which people a change of one RBAC object can concern, so KubeAccess re-learns their rules
// only: a binding's subjects before and after the change, a role's through the bindings that
// refer to it (a ClusterRole's aggregation is the controller rewriting the aggregated role: a
// change of that role, followed the same way).

interface Subject {
  kind: string;
  name: string;
}

interface Binding {
  namespace: string | null;
  roleRef: { kind: string; name: string };
  subjects: Subject[];
}

/** Some people (by their Kubernetes identity), or everyone (a relist, a namespace). */
export type Concerned = 'everyone' | ((person: Impersonation) => boolean);

/** Every authenticated user is in this group, impersonated people included. */
const EVERYONE = 'system:authenticated';

const isBinding = (plural: string) => plural.endsWith('bindings');

function bindingOf(o: KubeObject): Binding {
  const b = o as KubeObject & { roleRef?: Binding['roleRef']; subjects?: Subject[] };
  return {
    namespace: o.metadata.namespace ?? null,
    roleRef: b.roleRef ?? { kind: '', name: '' },
    subjects: b.subjects ?? [],
  };
}

/** Whether one of the subjects names the person (as user, one of their groups, or everyone). */
function names(subjects: readonly Subject[], p: Impersonation): boolean {
  return subjects.some((s) =>
    s.kind === 'User'
      ? s.name === p.user
      : s.kind === 'Group' && (s.name === EVERYONE || p.groups.includes(s.name)),
  );
}

/** One cluster's RoleBindings and ClusterRoleBindings as last seen. */
export class RbacIndex {
  private readonly bindings = new Map<string, Binding>();

  /** A relist of one collection: its bindings replaced; anyone may be concerned. */
  replace(plural: string, objects: readonly KubeObject[]): Concerned {
    if (isBinding(plural)) {
      for (const key of [...this.bindings.keys()]) {
        if (key.startsWith(`${plural}/`)) this.bindings.delete(key);
      }
      for (const o of objects) this.bindings.set(keyOf(plural, o), bindingOf(o));
    }
    return 'everyone';
  }

  /** One object added, changed or deleted: the people whose rules it can change. */
  apply(plural: string, type: 'ADDED' | 'MODIFIED' | 'DELETED', o: KubeObject): Concerned {
    if (isBinding(plural)) {
      const key = keyOf(plural, o);
      const before = this.bindings.get(key);
      const after = bindingOf(o);
      if (type === 'DELETED') this.bindings.delete(key);
      else this.bindings.set(key, after);
      const subjects = [...(before?.subjects ?? []), ...after.subjects];
      return (p) => names(subjects, p);
    }
    // A role: every binding that refers to it (a Role only from its own namespace).
    const kind = plural === 'roles' ? 'Role' : 'ClusterRole';
    const namespace = o.metadata.namespace ?? null;
    const subjects: Subject[] = [];
    for (const b of this.bindings.values()) {
      if (b.roleRef.kind !== kind || b.roleRef.name !== o.metadata.name) continue;
      if (kind === 'Role' && b.namespace !== namespace) continue;
      subjects.push(...b.subjects);
    }
    return (p) => names(subjects, p);
  }
}

const keyOf = (plural: string, o: KubeObject) =>
  `${plural}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
