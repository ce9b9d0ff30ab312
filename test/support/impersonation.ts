// What the KUBE_IMPERSONATION lab tests (test/integration/impersonation*.test.ts) and the OIDC
// bench share: the lab each file starts, cluster-wide grants to a lab person, and the GraphQL
// documents more than one file sends (here, inside codegen's `documents` scope, so each keeps
// the one operation name codegen requires).
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll } from 'vitest';
import { HOUR } from '../../src/metrics/rollups.ts';
import type { OidcProvider } from '../lab/lib/oidc.ts';
import { graphql } from '../gql/gql.ts';
import { kubectl, kubeProvider, startImpersonationLab } from '../integration/kubernetes-support.ts';
import type { TestApp } from './app.ts';

/** The Deployments of some namespaces, with whether the reader may scale each. */
export const Deployments = graphql(`
  query ImpersonationDeployments($ns: [String!]!) {
    resources(filter: { namespaces: $ns, kinds: [DEPLOYMENT] }) {
      totalCount
      edges {
        node {
          id
          namespace
          name
          can(verb: SCALE) {
            allowed
            reason
            requiredPermission
          }
        }
      }
    }
  }
`);

/** A dry run of scaling a workload to one replica: an audited action that changes nothing. */
export const ScaleDryRun = graphql(`
  mutation ImpersonationScaleDryRun($id: ID!) {
    scaleResource(input: { id: $id, replicas: 1, dryRun: true }) {
      __typename
    }
  }
`);

/** Whatever a global id names, if the reader may read it. */
export const NodeById = graphql(`
  query ImpersonationNode($id: ID!) {
    node(id: $id) {
      id
    }
  }
`);

/** What a file's tests read of the lab startImpersonationLab starts (set before they run). */
export interface ImpersonationLab {
  idp: OidcProvider;
  t: TestApp;
  /** The namespace alice is bound in, and one she is not. */
  mine: string;
  other: string;
}

/**
 * Starts startImpersonationLab(prefix, clusterrole, env) before the file's own beforeAll hooks
 * (registered after this call, they run after it) and closes it after its afterAll hooks.
 */
export function impersonationLab(
  prefix: string,
  clusterrole: string,
  env: Record<string, string> = {},
): ImpersonationLab {
  const lab = {} as ImpersonationLab;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const setup = await startImpersonationLab(prefix, clusterrole, env);
    close = setup.close;
    Object.assign(lab, {
      idp: setup.idp,
      t: setup.t,
      mine: setup.mine.name,
      other: setup.other.name,
    });
  }, 120_000);
  afterAll(() => close?.());
  return lab;
}

/** The last complete hour, and the cost window of it. */
export function lastHour(): { hour: number; window: string } {
  const hour = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
  return { hour, window: `${new Date(hour).toISOString()},${new Date(hour + HOUR).toISOString()}` };
}

/** The provider id of a namespace's Deployment `web` (what the stores key advice by). */
export function webId(t: TestApp, ns: string): string {
  return `k8s:${kubeProvider(t).contexts[0] ?? ''}:DEPLOYMENT:${ns}:web`;
}

/** A graphql-ws client of the app signed in with `token`. */
export function socketAs(t: TestApp, token: string): Client {
  return createClient({
    url: `${t.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
}

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
