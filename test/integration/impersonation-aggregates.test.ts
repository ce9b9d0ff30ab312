// KUBE_IMPERSONATION=on against the lab: what is summed, stored or read on a person's behalf
// follows the cluster's RBAC as the lists do. Alice (group sre, operator in the orchestrator)
// is bound to `view` in one namespace: the overview's counts, recent actions, advice, cost and
// cluster usage, the recommendations and audit log, cost allocation and the chat hold that
// namespace only. Grants short of `view` (a namespace without its pods, pods without their logs,
// objects by name) are in impersonation-partial.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS } from '../support/app.ts';
import {
  Deployments,
  impersonationLab,
  lastHour,
  ScaleDryRun,
  webId,
} from '../support/impersonation.ts';
import { costHour, eventually, lab as labEnv } from './kubernetes-support.ts';

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

const lab = impersonationLab('agg', 'view', {
  PROMETHEUS_URL: labEnv().PROMETHEUS_URL ?? '',
  METRICS_INTERVAL_SECONDS: '2',
});
// The last complete hour, costed from the pods' requests (no usage): a window of it.
const { hour, window } = lastHour();

beforeAll(async () => {
  const { t, mine, other } = lab;
  /** Each namespace's Deployment web → its global id. */
  const web = await eventually(async () => {
    const data = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Deployments, { ns: [mine, other] })).body,
    );
    const found = new Map(data.resources.edges.map((e) => [e.node.namespace, e.node.id]));
    expect([...found.keys()].sort()).toEqual([mine, other].sort());
    // Their pods too: the cost below is theirs.
    const pods = t.app.services.providers.list({ kinds: ['POD'], namespaces: [mine, other] });
    expect(new Set(pods.map((p) => p.namespace)).size).toBe(2);
    return found;
  }, 60_000);

  // Advice about both namespaces' web (as an agent's submission lands in the store).
  const store = t.app.services.recommendations.store;
  for (const [ns, savings] of [
    [mine, 10],
    [other, 1000],
  ] as const) {
    await store.upsertOpen({
      targetId: webId(t, ns),
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
    const r = await gql(t.url, TOKENS.operator, ScaleDryRun, { id: web.get(ns) ?? '' });
    expect(expectNoErrors(r.body).scaleResource.__typename).toBe('ScaleResourceSuccess');
  }
  // An hour of the pods' cost, from their requests.
  await costHour(t, hour);
}, 120_000);

describe('aggregates under KUBE_IMPERSONATION=on', () => {
  it('the overview counts, lists and sums only what she may read', async () => {
    const { idp, t, mine, other } = lab;
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
    const { idp, t, mine, other } = lab;
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
    const { idp, t, mine, other } = lab;
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
});
