import { parseAllDocuments } from 'yaml';

/** One grant of a ClusterRole: a verb on a resource (subresources as `deployments/scale`). */
export interface Permission {
  group: string;
  resource: string;
  verb: string;
}

export interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: Rule[];
  [key: string]: unknown;
}

/** The objects of a rendered chart (empty documents left out). */
export function parseManifests(text: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJSON() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null);
}

/** `verb resource[.group]`, as kubectl and the API server's Forbidden message name it. */
export const permissionName = (p: Permission) =>
  `${p.verb} ${p.resource}${p.group ? `.${p.group}` : ''}`;

/** Every verb on every resource a role grants, one entry each. */
export function permissionsOf(rules: Rule[]): Permission[] {
  return rules.flatMap((r) =>
    r.apiGroups.flatMap((group) =>
      r.resources.flatMap((resource) => r.verbs.map((verb) => ({ group, resource, verb }))),
    ),
  );
}

/** The rules with exactly one permission taken out (its rule split around it). */
export function rulesWithout(rules: Rule[], p: Permission): Rule[] {
  return rules.flatMap((r) => {
    if (!r.apiGroups.includes(p.group) || !r.resources.includes(p.resource)) return [r];
    if (!r.verbs.includes(p.verb)) return [r];
    const others = r.resources.filter((x) => x !== p.resource);
    const verbs = r.verbs.filter((v) => v !== p.verb);
    return [
      ...(others.length > 0 ? [{ ...r, resources: others }] : []),
      ...(verbs.length > 0 ? [{ ...r, resources: [p.resource], verbs }] : []),
    ];
  });
}
