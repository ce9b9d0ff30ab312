// KUBE_IMPERSONATION=on against the lab: grants short of `view` in a namespace. Alice (group
// sre, operator in the orchestrator) is bound to `view` in one namespace: a namespace she may
// list but not read the pods of shows no usage or cost; pod logs are asked for as her (the API
// server refuses pods/log she lacks); a Role limited to resourceNames lets her read and scale
// exactly the objects it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS } from '../support/app.ts';
import {
  dropClusterWide,
  grantClusterWide,
  impersonationLab,
  lastHour,
} from '../support/impersonation.ts';
import {
  costHour,
  deploymentYaml,
  eventually,
  kubectl,
  lab as labEnv,
} from './kubernetes-support.ts';

const Ids = graphql(`
  query PartialIds($ns: [String!]!) {
    resources(filter: { namespaces: $ns, kinds: [DEPLOYMENT, POD] }) {
      edges {
        node {
          id
          kind
          namespace
          name
        }
      }
    }
    namespaces: resources(filter: { names: $ns, kinds: [NAMESPACE] }) {
      edges {
        node {
          id
          kind
          namespace
          name
        }
      }
    }
  }
`);

const NamespaceSums = graphql(`
  query PartialNamespaceSums($id: ID!) {
    metrics(targets: [$id], names: [CPU_USAGE], range: { last: "PT2M" }) {
      name
    }
    node(id: $id) {
      ... on Namespace {
        usage {
          timestamp
        }
        cost(window: "24h") {
          name
        }
      }
    }
  }
`);

const Logs = graphql(`
  query PartialLogs($id: ID!) {
    podLogs(id: $id, tailLines: 10) {
      __typename
      ... on ForbiddenError {
        message
        requiredPermission
      }
    }
  }
`);

const Named = graphql(`
  query PartialNamed($ns: [String!]!, $web: ID!, $api: ID!) {
    resources(filter: { namespaces: $ns, kinds: [DEPLOYMENT] }) {
      totalCount
      edges {
        node {
          name
          can(verb: SCALE) {
            allowed
            requiredPermission
          }
        }
      }
    }
    web: node(id: $web) {
      id
    }
    api: node(id: $api) {
      id
    }
  }
`);

/** What podLogs answers once the API server lets the reader through to the pod's node. */
const LET_THROUGH = ['PodLogs', 'LogsUnavailableError'];

const lab = impersonationLab('part', 'view', {
  PROMETHEUS_URL: labEnv().PROMETHEUS_URL ?? '',
  METRICS_INTERVAL_SECONDS: '2',
});
/** `<namespace>/<KIND>/<name>` (a pod by its deployment: `<namespace>/POD/web`) → global id. */
const ids = new Map<string, string>();
const id = (key: string) => ids.get(key) ?? '';
/** Cluster-scoped objects of this file on the shared lab, deleted at the end. */
const clusterObjects = `part-alice-${process.pid}`;

beforeAll(async () => {
  const { t, mine, other } = lab;
  await kubectl(['apply', '-f', '-'], { input: deploymentYaml(other, 'api', 1) });
  await eventually(async () => {
    const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Ids, { ns: [mine, other] })).body);
    for (const { node: n } of [...data.resources.edges, ...data.namespaces.edges]) {
      const name = n.kind === 'POD' ? n.name.split('-')[0] : n.name;
      ids.set(n.kind === 'NAMESPACE' ? n.name : `${n.namespace}/${n.kind}/${name}`, n.id);
    }
    for (const key of [`${mine}/POD/web`, `${other}/POD/web`, `${other}/DEPLOYMENT/api`, mine]) {
      expect(ids.has(key)).toBe(true);
    }
    expect(ids.has(other)).toBe(true);
  }, 60_000);
  // An hour of the pods' cost, from their requests: her namespace's cost.
  await costHour(t, lastHour().hour);
}, 120_000);

afterAll(() => dropClusterWide(clusterObjects).catch(() => undefined));

describe('partial grants under KUBE_IMPERSONATION=on', () => {
  it('a namespace she may list but not read the pods of shows no usage or cost', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    await grantClusterWide(
      clusterObjects,
      'oidc:u-alice',
      `{apiGroups: [""], resources: [namespaces], verbs: [get, list, watch]}`,
    );
    // The other namespace is hers to see now, its pods' sums are not.
    const sums = await eventually(async () => {
      const r = (await gql(t.url, alice, NamespaceSums, { id: id(other) })).body;
      expect(r.data?.node).not.toBe(null);
      return r;
    }, 15_000);
    expect(sums.errors?.[0]?.message).toMatch(/sums pods you may not list/);
    expect(sums.data?.node).toMatchObject({ usage: null, cost: null });
    const own = (await gql(t.url, alice, NamespaceSums, { id: id(mine) })).body;
    expect(own.errors).toBeUndefined();
    expect(own.data?.node).toMatchObject({ cost: { name: mine } });
  });

  it('pod logs are read as her: refused without pods/log, let through with it', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    // `view` grants pods/log in her namespace: the API server sends her on to the node (whose
    // answer, a log or none from a kwok node, is not the point).
    const hers = expectNoErrors(
      (await gql(t.url, alice, Logs, { id: id(`${mine}/POD/web`) })).body,
    );
    expect(LET_THROUGH).toContain(hers.podLogs.__typename);
    // Pods but not their logs in the other namespace.
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pods-no-logs, namespace: ${other}}
rules: [{apiGroups: [""], resources: [pods], verbs: [get, list, watch]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-pods-no-logs, namespace: ${other}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pods-no-logs}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: 'oidc:u-alice'}]
`,
    });
    const refused = await eventually(async () => {
      const r = expectNoErrors(
        (await gql(t.url, alice, Logs, { id: id(`${other}/POD/web`) })).body,
      );
      expect(r.podLogs.__typename).toBe('ForbiddenError');
      return r.podLogs;
    }, 15_000);
    expect(refused).toMatchObject({ requiredPermission: `get pods/log in namespace ${other}` });
    // The orchestrator's own token reads logs as the orchestrator.
    const op = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Logs, { id: id(`${other}/POD/web`) })).body,
    );
    expect(LET_THROUGH).toContain(op.podLogs.__typename);
  });

  it('a Role limited to resourceNames lets her read and scale exactly the objects it names', async () => {
    const { idp, t, other } = lab;
    const alice = await idp.signIn('alice');
    const vars = {
      ns: [other],
      web: id(`${other}/DEPLOYMENT/web`),
      api: id(`${other}/DEPLOYMENT/api`),
    };
    const before = expectNoErrors((await gql(t.url, alice, Named, vars)).body);
    expect(before.resources.totalCount).toBe(0);
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: web-only, namespace: ${other}}
rules: [{apiGroups: [apps], resources: [deployments], resourceNames: [web], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-web-only, namespace: ${other}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: web-only}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: 'oidc:u-alice'}]
`,
    });
    const named = await eventually(async () => {
      const r = expectNoErrors((await gql(t.url, alice, Named, vars)).body);
      expect(r.web).not.toBe(null);
      return r;
    }, 15_000);
    // web, not api: get on a name is not list of the kind.
    expect(named.api).toBe(null);
    expect(named.resources.edges.map((e) => e.node.name)).toEqual(['web']);
    expect(named.resources.totalCount).toBe(1);
    expect(named.resources.edges[0]?.node.can).toEqual({
      allowed: false,
      requiredPermission: `get deployments/scale.apps in namespace ${other}`,
    });
    // Scaling web by name only: allowed for web.
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: web-only, namespace: ${other}}
rules:
- {apiGroups: [apps], resources: [deployments], resourceNames: [web], verbs: [get]}
- {apiGroups: [apps], resources: [deployments/scale], resourceNames: [web], verbs: [get, patch]}
`,
    });
    await eventually(async () => {
      const r = expectNoErrors((await gql(t.url, alice, Named, vars)).body);
      expect(r.resources.edges[0]?.node.can).toEqual({ allowed: true, requiredPermission: null });
    }, 15_000);
  });
});
