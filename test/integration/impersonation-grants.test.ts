// KUBE_IMPERSONATION=on against the lab: grants beyond "list a kind in a namespace". Alice
// (bound to `view` in one namespace) granted one Node by name sees that node and no other; a
// node's figures are its pods' (every namespace's), so she gets none of them even once she may
// list every node; a pod granted by name counts in her cost; and an RBAC change re-learns the
// rules only of the people it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/auth/viewer.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS } from '../support/app.ts';
import {
  Deployments,
  dropClusterWide,
  grantClusterWide,
  impersonationLab,
  lastHour,
  READ_NODES,
} from '../support/impersonation.ts';
import { costHour, eventually, kubectl } from './kubernetes-support.ts';

const Nodes = graphql(`
  query GrantsNodes {
    resources(filter: { kinds: [NODE] }, first: 1000) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const Sums = graphql(`
  query GrantsSums($id: ID!, $window: String!) {
    node(id: $id) {
      id
      ... on Resource {
        usage {
          timestamp
        }
        cost(window: $window) {
          name
        }
      }
    }
  }
`);

const History = graphql(`
  query GrantsHistory($id: ID!) {
    metrics(targets: [$id], names: [CPU_USAGE], range: { last: "PT2M" }) {
      name
    }
  }
`);

const Pods = graphql(`
  query GrantsPods($ns: [String!]!) {
    resources(filter: { namespaces: $ns, kinds: [POD] }) {
      edges {
        node {
          namespace
          name
        }
      }
    }
  }
`);

const PodCost = graphql(`
  query GrantsPodCost($window: String!) {
    costAllocation(window: $window, aggregate: ["pod"]) {
      __typename
      ... on CostAllocation {
        rows {
          name
        }
      }
    }
  }
`);

const lab = impersonationLab('grants', 'view');
let nodes: { id: string; name: string }[];
/** Cluster-scoped objects of this file on the shared lab, deleted at the end. */
const nodeRole = `grants-node-${process.pid}`;
// The last complete hour, costed from the pods' requests (no usage): a window of it.
const { hour, window } = lastHour();

beforeAll(async () => {
  const { t, other } = lab;
  nodes = expectNoErrors((await gql(t.url, TOKENS.viewer, Nodes)).body).resources.edges.map(
    (e) => e.node,
  );
  expect(nodes.length).toBeGreaterThan(1);
  await eventually(async () => {
    const pods = expectNoErrors((await gql(t.url, TOKENS.viewer, Pods, { ns: [other] })).body);
    expect(pods.resources.edges.length).toBeGreaterThan(0);
  }, 60_000);
  // An hour of every pod's and node's cost, from their requests.
  await costHour(t, hour);
}, 120_000);

afterAll(() => dropClusterWide(nodeRole).catch(() => undefined));

/** Alice's ClusterRole on nodes: `rule` is one RBAC rule in flow style. */
const grantNodes = (rule: string) => grantClusterWide(nodeRole, 'oidc:u-alice', rule);

describe('grants under KUBE_IMPERSONATION=on', () => {
  it('a Node granted by name is listed alone, and its pods’ sums are not hers', async () => {
    const { idp, t } = lab;
    const alice = await idp.signIn('alice');
    const [one, another] = nodes as [{ id: string; name: string }, { id: string; name: string }];
    await grantNodes(
      `{apiGroups: [""], resources: [nodes], resourceNames: [${one.name}], verbs: [get]}`,
    );
    const hers = await eventually(async () => {
      const r = expectNoErrors((await gql(t.url, alice, Nodes)).body).resources;
      expect(r.edges.map((e) => e.node.name)).toEqual([one.name]);
      return r;
    }, 15_000);
    expect(hers.totalCount).toBe(1);
    const named = expectNoErrors((await gql(t.url, alice, Sums, { id: one.id, window })).body);
    expect(named.node).toMatchObject({ id: one.id, usage: null, cost: null });
    const unnamed = (await gql(t.url, alice, Sums, { id: another.id, window })).body;
    expect(expectNoErrors(unnamed).node).toBe(null);
  });

  it('a Node granted by name, beside every pod, shows its cost and history', async () => {
    const { idp, t } = lab;
    const alice = await idp.signIn('alice');
    const [one, another] = nodes as [{ id: string; name: string }, { id: string; name: string }];
    await grantNodes(
      `{apiGroups: [""], resources: [nodes], resourceNames: [${one.name}], verbs: [get]}, ` +
        `{apiGroups: [""], resources: [pods], verbs: [get, list, watch]}`,
    );
    // Its sums are pods of every namespace, all hers now: shown, though she may not list nodes.
    const named = await eventually(async () => {
      const r = expectNoErrors((await gql(t.url, alice, Sums, { id: one.id, window })).body);
      expect(r.node).toMatchObject({ id: one.id, cost: { name: one.name } });
      return r;
    }, 15_000);
    expect(named.node).toMatchObject({ id: one.id });
    const history = (await gql(t.url, alice, History, { id: one.id })).body;
    expect(history.errors).toBeUndefined();
    // Another node is not hers at all, and cluster totals still want every node.
    expect(
      expectNoErrors((await gql(t.url, alice, Sums, { id: another.id, window })).body).node,
    ).toBe(null);
  });

  it('a node she may list shows no usage, history or cost: they sum pods she may not list', async () => {
    const { idp, t } = lab;
    const alice = await idp.signIn('alice');
    const [one] = nodes as [{ id: string; name: string }];
    await grantNodes(READ_NODES);
    await eventually(async () => {
      const r = expectNoErrors((await gql(t.url, alice, Nodes)).body).resources;
      expect(r.totalCount).toBe(nodes.length);
    }, 15_000);
    const sums = expectNoErrors((await gql(t.url, alice, Sums, { id: one.id, window })).body);
    expect(sums.node).toMatchObject({ id: one.id, usage: null, cost: null });
    const history = (await gql(t.url, alice, History, { id: one.id })).body;
    expect(history.errors?.[0]?.message).toMatch(/sums pods you may not list/);
    // The orchestrator's token sums them.
    const all = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Sums, { id: one.id, window })).body,
    );
    expect(all.node).toMatchObject({ cost: { name: one.name } });
  });

  it('a pod granted by name counts in her cost', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const pods = expectNoErrors((await gql(t.url, TOKENS.viewer, Pods, { ns: [other] })).body);
    const pod = pods.resources.edges[0]?.node.name ?? '';
    const before = expectNoErrors((await gql(t.url, alice, PodCost, { window })).body);
    if (before.costAllocation.__typename !== 'CostAllocation') throw new Error('no allocation');
    const mineOnly = before.costAllocation.rows.map((r) => r.name);
    expect(mineOnly.length).toBeGreaterThan(0);
    expect(mineOnly.every((n) => n.startsWith(`${mine}/`))).toBe(true);
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: one-pod, namespace: ${other}}
rules: [{apiGroups: [""], resources: [pods], resourceNames: [${pod}], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-one-pod, namespace: ${other}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: one-pod}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: 'oidc:u-alice'}]
`,
    });
    await eventually(async () => {
      const r = expectNoErrors((await gql(t.url, alice, PodCost, { window })).body);
      if (r.costAllocation.__typename !== 'CostAllocation') throw new Error('no allocation');
      expect(r.costAllocation.rows.map((x) => x.name).sort()).toEqual(
        [...mineOnly, `${other}/${pod}`].sort(),
      );
    }, 15_000);
  });

  it('a Deployment she may list but whose pods she may not shows no usage, history or cost', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const all = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Deployments, { ns: [mine, other] })).body,
    );
    const web = new Map(all.resources.edges.map((e) => [e.node.namespace, e.node.id]));
    const theirs = web.get(other) ?? '';
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployments-only, namespace: ${other}}
rules: [{apiGroups: [apps], resources: [deployments], verbs: [get, list, watch]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-deployments-only, namespace: ${other}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployments-only}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: 'oidc:u-alice'}]
`,
    });
    const sums = await eventually(async () => {
      const r = expectNoErrors((await gql(t.url, alice, Sums, { id: theirs, window })).body);
      expect(r.node).not.toBe(null);
      return r;
    }, 15_000);
    expect(sums.node).toMatchObject({ usage: null, cost: null });
    const history = (await gql(t.url, alice, History, { id: theirs })).body;
    expect(history.errors?.[0]?.message).toMatch(/sums pods you may not list/);
    // Her own namespace's, whose pods `view` lets her list, are hers.
    const own = { id: web.get(mine) ?? '', window };
    const hers = expectNoErrors((await gql(t.url, alice, Sums, own)).body);
    expect(hers.node).toMatchObject({ cost: { name: 'web' } });
  });

  it('an RBAC change re-learns the rules of the people it names only', async () => {
    const { t, other } = lab;
    const access = t.app.services.access;
    if (!access) throw new Error('impersonation is off');
    const alice: Viewer = { name: 'oidc:u-alice', role: 'operator', groups: ['sre'] };
    const bob: Viewer = { name: 'oidc:u-bob', role: 'viewer', groups: [] };
    const key = async (v: Viewer) => (await access.scopeOf(v))?.key;
    const [aliceBefore, bobBefore] = [await key(alice), await key(bob)];
    // Bound to her group: hers to re-learn, not Bob's.
    await kubectl([
      'create',
      'rolebinding',
      'sre-view',
      '-n',
      other,
      '--clusterrole=view',
      '--group=oidc:sre',
    ]);
    await eventually(async () => expect(await key(alice)).not.toBe(aliceBefore), 15_000);
    expect(await key(bob)).toBe(bobBefore);
    // A role bound to her alone: the same.
    const aliceNow = await key(alice);
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: one-pod, namespace: ${other}}
rules: [{apiGroups: [""], resources: [pods, services], verbs: [get]}]
`,
    });
    await eventually(async () => expect(await key(alice)).not.toBe(aliceNow), 15_000);
    expect(await key(bob)).toBe(bobBefore);
    // A binding naming Bob is his.
    await kubectl([
      'create',
      'rolebinding',
      'bob-view',
      '-n',
      other,
      '--clusterrole=view',
      '--user=oidc:u-bob',
    ]);
    await eventually(async () => expect(await key(bob)).not.toBe(bobBefore), 15_000);
  });
});
