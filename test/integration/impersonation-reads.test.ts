// KUBE_IMPERSONATION=on against the lab: what a signed-in person reads from the shared watch
// caches is what the cluster's RBAC lets them list. Alice (group sre, operator in the
// orchestrator) is bound to the `view` ClusterRole in one namespace: she sees that namespace
// only (lists, node(id), resourceEvents, metrics targets), `can(SCALE)` there names the
// permission `view` lacks, and a RoleBinding added for a second namespace shows it without a
// restart (the RBAC watch). A static token reads as the orchestrator: everything.
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS } from '../support/app.ts';
import { Deployments, impersonationLab, NodeById, socketAs } from '../support/impersonation.ts';
import { bindAlice, eventually, kubectl, sleep } from './kubernetes-support.ts';

const AllDeployments = graphql(`
  query RbacReadsAllDeployments {
    resources(filter: { kinds: [DEPLOYMENT] }) {
      edges {
        node {
          namespace
        }
      }
    }
  }
`);

const ClusterScoped = graphql(`
  query RbacReadsClusterScoped {
    resources(filter: { kinds: [NODE, NAMESPACE] }, first: 1) {
      totalCount
    }
  }
`);

const Metrics = graphql(`
  query RbacReadsMetrics($targets: [ID!]!) {
    metrics(targets: $targets, names: [CPU_USAGE], range: { last: "PT2M" }) {
      name
    }
  }
`);

const Events = graphql(`
  subscription RbacReadsEvents($ns: [String!]!) {
    resourceEvents(filter: { namespaces: $ns, kinds: [DEPLOYMENT] }) {
      resource {
        namespace
        name
      }
    }
  }
`);

const lab = impersonationLab('rbac', 'view');
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { t, mine, other } = lab;
  await eventually(async () => {
    const data = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Deployments, { ns: [mine, other] })).body,
    );
    for (const e of data.resources.edges) ids[e.node.namespace ?? ''] = e.node.id;
    expect(Object.keys(ids)).toHaveLength(2);
  });
}, 60_000);

describe('reads under KUBE_IMPERSONATION=on', () => {
  it('a person bound to view in one namespace sees that namespace only', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const both = { ns: [mine, other] };
    const hers = expectNoErrors((await gql(t.url, alice, Deployments, both)).body).resources;
    expect(hers.totalCount).toBe(1);
    expect(hers.edges.map((e) => e.node.namespace)).toEqual([mine]);
    // Without namespaces in the filter: narrowed to the namespaces she may read.
    const every = expectNoErrors((await gql(t.url, alice, AllDeployments)).body).resources;
    const where = new Set(every.edges.map((e) => e.node.namespace));
    expect(where.has(mine) && !where.has(other) && !where.has('lab-demo')).toBe(true);
    // Nodes and namespaces are cluster-scoped: a RoleBinding grants neither.
    const cluster = expectNoErrors((await gql(t.url, alice, ClusterScoped)).body).resources;
    expect(cluster.totalCount).toBe(0);
    // The orchestrator's own tokens read everything.
    const all = expectNoErrors((await gql(t.url, TOKENS.viewer, Deployments, both)).body);
    expect(all.resources.totalCount).toBe(2);
    expect(
      expectNoErrors((await gql(t.url, TOKENS.viewer, ClusterScoped)).body).resources.totalCount,
    ).toBeGreaterThan(0);
  });

  it('node(id) of an object she may not read is null; metrics refuse it as unknown', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const elsewhere = ids[other] ?? '';
    const here = ids[mine] ?? '';
    expect(expectNoErrors((await gql(t.url, alice, NodeById, { id: elsewhere })).body).node).toBe(
      null,
    );
    expect(
      expectNoErrors((await gql(t.url, alice, NodeById, { id: here })).body).node,
    ).toMatchObject({ id: here });
    expectNoErrors((await gql(t.url, alice, Metrics, { targets: [here] })).body);
    const refused = (await gql(t.url, alice, Metrics, { targets: [elsewhere] })).body;
    expect(refused.errors?.[0]?.message).toMatch(/unknown target/);
    expectNoErrors((await gql(t.url, TOKENS.viewer, Metrics, { targets: [elsewhere] })).body);
  });

  it('can(SCALE) names the permission her binding lacks', async () => {
    const { idp, t, mine } = lab;
    const alice = await idp.signIn('alice');
    const [edge] = expectNoErrors((await gql(t.url, alice, Deployments, { ns: [mine] })).body)
      .resources.edges;
    expect(edge?.node.can).toEqual({
      allowed: false,
      requiredPermission: `patch deployments/scale.apps in namespace ${mine}`,
      reason: `the RBAC of cluster lab does not let oidc:u-alice patch deployments/scale.apps in namespace ${mine}`,
    });
    const [op] = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Deployments, { ns: [mine] })).body,
    ).resources.edges;
    expect(op?.node.can).toMatchObject({ allowed: true, requiredPermission: null });
  });

  it('resourceEvents delivers only the changes she may read', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const client = socketAs(t, alice);
    const seen: string[] = [];
    const off = client.subscribe(
      { query: print(Events), variables: { ns: [mine, other] } },
      {
        next: (v) => {
          const e = (v.data as { resourceEvents?: { resource: { namespace: string } } })
            ?.resourceEvents;
          if (e) seen.push(e.resource.namespace);
        },
        error: () => {},
        complete: () => {},
      },
    );
    try {
      await sleep(500); // the subscription is registered
      // The other namespace changes first: the log is ordered, so its event would come first.
      await kubectl(['scale', '-n', other, 'deployment/web', '--replicas=2']);
      await kubectl(['scale', '-n', mine, 'deployment/web', '--replicas=2']);
      await eventually(() => expect(seen).toContain(mine), 15_000);
      expect(seen).not.toContain(other);
    } finally {
      off();
      await client.dispose();
    }
  });

  it('a RoleBinding added for a second namespace shows it without a restart', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const before = (await gql(t.url, alice, NodeById, { id: ids[other] ?? '' })).body;
    expect(expectNoErrors(before).node).toBe(null);
    await bindAlice(other, 'view');
    const both = { ns: [mine, other] };
    await eventually(async () => {
      const hers = expectNoErrors((await gql(t.url, alice, Deployments, both)).body).resources;
      expect(hers.edges.map((e) => e.node.namespace).sort()).toEqual([mine, other].sort());
    }, 10_000);
    const again = (await gql(t.url, alice, NodeById, { id: ids[other] ?? '' })).body;
    expect(expectNoErrors(again).node).toMatchObject({ id: ids[other] });
  });
});
