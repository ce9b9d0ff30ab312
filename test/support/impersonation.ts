// What the KUBE_IMPERSONATION lab tests (test/integration/impersonation*.test.ts) and the OIDC
// bench share: cluster-wide grants to a lab person. Inside codegen's `documents` scope, so
// GraphQL documents more than one file sends can live here once.
import { kubectl } from '../integration/kubernetes-support.ts';

/** The RBAC rule that lets its holder read every Node. */
export const READ_NODES = `{apiGroups: [""], resources: [nodes], verbs: [get, list, watch]}`;

/**
 * A ClusterRole `name` holding `rules` (RBAC rules in YAML flow style, comma-separated) and a
 * ClusterRoleBinding of the same name granting it to `user` (e.g. `oidc:u-alice`) cluster-wide.
 * Applied again with other rules, it replaces them.
 */
export async function grantClusterWide(name: string, user: string, rules: string): Promise<void> {
  await kubectl(['apply', '-f', '-'], {
    input: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ${name}}
rules: [${rules}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ${name}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${name}}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: '${user}'}]
`,
  });
}

/** Deletes what grantClusterWide made (nothing when it is gone). */
export async function dropClusterWide(name: string): Promise<void> {
  await kubectl(['delete', 'clusterrolebinding,clusterrole', name, '--ignore-not-found']);
}
