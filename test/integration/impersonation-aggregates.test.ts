// KUBE_IMPERSONATION=on against the lab: what is summed, stored or read on a person's behalf
// follows the cluster's RBAC as the lists do. Alice (group sre, operator in the orchestrator)
// is bound to `view` in one namespace: the overview's counts, recent actions, advice, cost and
// cluster usage, the recommendations and audit log, cost allocation and the chat hold that
// namespace only; a namespace she may list but not read the pods of shows no usage; pod logs
// are asked for as her (the API server refuses pods/log she lacks); a Role limited to
// resourceNames lets her read exactly the objects it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/metrics/rollups.ts';
import type { OidcProvider } from '../lab/lib/oidc.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS, type TestApp } from '../support/app.ts';
import {
  costHour,
  deploymentYaml,
  eventually,
  kubectl,
  kubeProvider,
  lab,
  startImpersonationLab,
} from './kubernetes-support.ts';

const Ids = graphql(`
  query AggregatesIds($ns: [String!]!) {
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

const Overview = graphql(`
  query AggregatesOverview {
    overview {
      resources {
        total
        byKind {
          key
          count
        }
      }
      recentActions {
        target {
          namespace
        }
      }
      recommendations {
        count
        totalMonthlySavings
        top {
          title
        }
      }
      metrics {
        clusters {
          cluster
        }
      }
      cost {
        idleMonthToDate
        savingsAvailableMonthly
      }
    }
    resources(first: 1) {
      totalCount
    }
  }
`);

const Reads = graphql(`
  query AggregatesReads($window: String!) {
    clusterSummary {
      cluster
    }
    recommendations(first: 50) {
      totalCount
      totalMonthlySavings
      edges {
        node {
          title
        }
      }
    }
    auditLog(first: 100) {
      totalCount
      edges {
        node {
          target {
            namespace
          }
        }
      }
    }
    costAllocation(window: $window, aggregate: ["namespace"]) {
      __typename
      ... on CostAllocation {
        rows {
          name
          idle
        }
      }
    }
  }
`);

const Chat = graphql(`
  mutation AggregatesChat($message: String!) {
    chat(input: { message: $message }) {
      __typename
      ... on ChatSuccess {
        reply
      }
    }
  }
`);

const Scale = graphql(`
  mutation AggregatesScale($id: ID!) {
    scaleResource(input: { id: $id, replicas: 1, dryRun: true }) {
      __typename
    }
  }
`);

const NamespaceSums = graphql(`
  query AggregatesNamespaceSums($id: ID!) {
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
  query AggregatesLogs($id: ID!) {
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
  query AggregatesNamed($ns: [String!]!, $web: ID!, $api: ID!) {
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

let setup: Awaited<ReturnType<typeof startImpersonationLab>>;
let idp: OidcProvider;
let t: TestApp;
let mine: string;
let other: string;
/** `<namespace>/<KIND>/<name>` (a pod by its deployment: `<namespace>/POD/web`) → global id. */
const ids = new Map<string, string>();
const id = (key: string) => ids.get(key) ?? '';
/** Cluster-scoped objects of this file on the shared lab, deleted at the end. */
const clusterObjects = `agg-alice-${process.pid}`;
// The last complete hour, costed from the pods' requests (no usage): a window of it.
const hour = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
const window = `${new Date(hour).toISOString()},${new Date(hour + HOUR).toISOString()}`;

beforeAll(async () => {
  setup = await startImpersonationLab('agg', 'view', {
    PROMETHEUS_URL: lab().PROMETHEUS_URL ?? '',
    METRICS_INTERVAL_SECONDS: '2',
  });
  ({ idp, t } = setup);
  mine = setup.mine.name;
  other = setup.other.name;
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

  // Advice about both namespaces' web (as an agent's submission lands in the store).
  const store = t.app.services.recommendations.store;
  for (const [ns, savings] of [
    [mine, 10],
    [other, 1000],
  ] as const) {
    await store.upsertOpen({
      targetId: deploymentId(ns),
      targetKind: 'DEPLOYMENT',
      targetName: 'web',
      targetNamespace: ns,
      type: 'agg-test',
      title: `advice for ${ns}`,
      summary: 'test',
      current: null,
      recommended: null,
      evidence: {},
      confidence: 0.9,
      estimatedMonthlySavings: savings,
      risk: 'LOW',
      source: 'agent:agg-test',
      action: null,
    });
  }
  // An action in each namespace, by the orchestrator's operator token.
  for (const ns of [mine, other]) {
    const r = await gql(t.url, TOKENS.operator, Scale, { id: id(`${ns}/DEPLOYMENT/web`) });
    expect(expectNoErrors(r.body).scaleResource.__typename).toBe('ScaleResourceSuccess');
  }
  // An hour of the pods' cost, from their requests.
  await costHour(t, hour);
}, 120_000);

afterAll(async () => {
  await kubectl([
    'delete',
    'clusterrolebinding,clusterrole',
    clusterObjects,
    '--ignore-not-found',
  ]).catch(() => undefined);
  await setup?.close();
});

/** The provider id of a namespace's Deployment `web` (what the store keys advice by). */
function deploymentId(ns: string): string {
  return `k8s:${kubeProvider(t).contexts[0] ?? ''}:DEPLOYMENT:${ns}:web`;
}

describe('aggregates under KUBE_IMPERSONATION=on', () => {
  it('the overview counts, lists and sums only what she may read', async () => {
    const alice = await idp.signIn('alice');
    await eventually(async () => {
      const all = expectNoErrors((await gql(t.url, TOKENS.viewer, Overview)).body).overview;
      expect(all.metrics?.clusters.length).toBeGreaterThan(0);
    }, 60_000);
    const data = expectNoErrors((await gql(t.url, alice, Overview)).body);
    const o = data.overview;
    // Her counts are her resources: the same total her own list has, and no cluster-scoped kind.
    expect(o.resources.total).toBe(data.resources.totalCount);
    const kinds = o.resources.byKind.map((c) => c.key);
    expect(kinds).toContain('DEPLOYMENT');
    expect(kinds).not.toContain('NODE');
    expect(kinds).not.toContain('NAMESPACE');
    const everything = expectNoErrors((await gql(t.url, TOKENS.viewer, Overview)).body);
    expect(everything.overview.resources.total).toBeGreaterThan(o.resources.total);
    // Actions: hers to see in her namespace only.
    const where = new Set(o.recentActions?.map((a) => a.target?.namespace));
    expect(where.has(mine) && !where.has(other)).toBe(true);
    // Advice: the other namespace's $1,000 is not hers to see, nor to count.
    expect(o.recommendations?.top.map((r) => r.title)).toEqual([`advice for ${mine}`]);
    expect(o.recommendations).toMatchObject({ count: 1, totalMonthlySavings: 10 });
    expect(o.cost?.savingsAvailableMonthly).toBe(10);
    // Cluster totals and idle cost sum every pod and node: she may list neither.
    expect(o.metrics?.clusters).toEqual([]);
    expect(o.cost?.idleMonthToDate).toBe(0);
    expect(everything.overview.metrics?.clusters.length).toBeGreaterThan(0);
  });

  it('clusterSummary, recommendations, auditLog and costAllocation hold her namespace only', async () => {
    const alice = await idp.signIn('alice');
    const hers = expectNoErrors((await gql(t.url, alice, Reads, { window })).body);
    expect(hers.clusterSummary).toEqual([]);
    expect(hers.recommendations?.edges.map((e) => e.node.title)).toEqual([`advice for ${mine}`]);
    expect(hers.recommendations).toMatchObject({ totalCount: 1, totalMonthlySavings: 10 });
    const acted = new Set(hers.auditLog?.edges.map((e) => e.node.target?.namespace));
    expect(acted.has(mine) && !acted.has(other)).toBe(true);
    expect(hers.auditLog?.totalCount).toBe(hers.auditLog?.edges.length);
    const cost = hers.costAllocation;
    if (cost.__typename !== 'CostAllocation') throw new Error(cost.__typename);
    expect(cost.rows.map((r) => r.name)).toEqual([mine]);

    const all = expectNoErrors((await gql(t.url, TOKENS.viewer, Reads, { window })).body);
    expect(all.clusterSummary.length).toBeGreaterThan(0);
    expect(all.recommendations?.totalCount).toBeGreaterThanOrEqual(2);
    expect(new Set(all.auditLog?.edges.map((e) => e.node.target?.namespace)).has(other)).toBe(true);
    const allCost = all.costAllocation;
    if (allCost.__typename !== 'CostAllocation') throw new Error(allCost.__typename);
    const names = allCost.rows.map((r) => r.name);
    expect(names).toContain(other);
    expect(allCost.rows.some((r) => r.idle)).toBe(true);
  });

  it('the chat answers from what she may read', async () => {
    const alice = await idp.signIn('alice');
    const reply = async (token: string) => {
      const r = expectNoErrors(
        (await gql(t.url, token, Chat, { message: 'list deployments' })).body,
      );
      if (r.chat.__typename !== 'ChatSuccess') throw new Error(r.chat.__typename);
      return r.chat.reply;
    };
    const hers = await reply(alice);
    expect(hers).toContain(mine);
    expect(hers).not.toContain(other);
    expect(await reply(TOKENS.viewer)).toContain(other);
  });

  it('a namespace she may list but not read the pods of shows no usage or cost', async () => {
    const alice = await idp.signIn('alice');
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ${clusterObjects}}
rules: [{apiGroups: [""], resources: [namespaces], verbs: [get, list, watch]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ${clusterObjects}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${clusterObjects}}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: 'oidc:u-alice'}]
`,
    });
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
