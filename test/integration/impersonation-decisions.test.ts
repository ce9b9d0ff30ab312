// KUBE_IMPERSONATION=on against the lab: advice, passes, forecasts, streams and cost trends as
// Alice (operator in the orchestrator, bound to `view` in one namespace) may read them. Advice
// about what she may not read is not hers to reject or apply (a ForbiddenError naming the
// permission, audited, nothing changed); a pass's whole-estate counts are not hers; forecasts,
// the auditEvents / recommendationEvents subscriptions and costTrend hold her namespace only.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_NAMES, NAME_INDEX } from '../../src/metrics/types.ts';
import type { Draft } from '../../src/recommendations/types.ts';
import { HOUR, rollUp, RollupStore } from '../../src/metrics/rollups.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS } from '../support/app.ts';
import {
  Deployments,
  impersonationLab,
  lastHour,
  NodeById,
  ScaleDryRun,
  socketAs,
  webId,
} from '../support/impersonation.ts';
import { costHour, eventually, sleep } from './kubernetes-support.ts';

const Advice = graphql(`
  query DecisionsAdvice {
    recommendations(first: 50) {
      edges {
        node {
          id
          title
          status
        }
      }
    }
  }
`);

const Reject = graphql(`
  mutation DecisionsReject($id: ID!) {
    rejectRecommendation(input: { id: $id, reason: "not needed" }) {
      __typename
      ... on ForbiddenError {
        message
        requiredPermission
      }
    }
  }
`);

const Apply = graphql(`
  mutation DecisionsApply($id: ID!) {
    applyRecommendation(input: { id: $id, dryRun: true }) {
      __typename
      ... on ForbiddenError {
        requiredPermission
      }
    }
  }
`);

const Refusals = graphql(`
  query DecisionsRefusals {
    auditLog(first: 50) {
      edges {
        node {
          id
          action
          actor
          status
          error {
            code
          }
          target {
            namespace
          }
        }
      }
    }
  }
`);

const Run = graphql(`
  query DecisionsRun {
    recommendationRun {
      workloads
      created
      open
      skips {
        targetId
      }
    }
  }
`);

const Forecasts = graphql(`
  query DecisionsForecasts {
    overview {
      predictions {
        target {
          namespace
        }
      }
    }
  }
`);

const Trend = graphql(`
  query DecisionsTrend($window: String!) {
    costTrend(window: $window, aggregate: ["namespace"]) {
      __typename
      ... on CostTrend {
        rows {
          name
        }
      }
    }
  }
`);

const lab = impersonationLab('dec', 'view');
/** Global ids of each namespace's Deployment web, and its advice's. */
const deployment = new Map<string, string>();
const advice = new Map<string, string>();
/** Global id of an audit event about the other namespace (her refused rejection). */
let refusalId = '';
const { hour, window } = lastHour();

/** Advice to keep web at one replica (as an agent's submission lands in the store). */
const draft = (ns: string): Draft => ({
  targetId: webId(lab.t, ns),
  targetKind: 'DEPLOYMENT',
  targetName: 'web',
  targetNamespace: ns,
  type: 'REPLICAS',
  title: `advice for ${ns}`,
  summary: 'test',
  current: { replicas: 1 },
  recommended: { replicas: 1 },
  evidence: {},
  confidence: 0.9,
  estimatedMonthlySavings: 5,
  risk: 'LOW',
  source: 'agent:dec-test',
  action: { verb: 'scale', params: { replicas: 1 } },
});

beforeAll(async () => {
  const { t, mine, other } = lab;
  await eventually(async () => {
    const r = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Deployments, { ns: [mine, other] })).body,
    );
    for (const { node } of r.resources.edges) deployment.set(node.namespace ?? '', node.id);
    expect(deployment.size).toBe(2);
  }, 60_000);
  const store = t.app.services.recommendations.store;
  for (const ns of [mine, other]) await store.upsertOpen(draft(ns));
  const listed = expectNoErrors((await gql(t.url, TOKENS.viewer, Advice)).body);
  for (const { node } of listed.recommendations?.edges ?? []) {
    for (const ns of [mine, other]) if (node.title === `advice for ${ns}`) advice.set(ns, node.id);
  }
  // A pass that skipped both namespaces' web.
  await store.saveRun({
    startedAt: new Date().toISOString(),
    durationMs: 1,
    workloads: 40,
    created: 2,
    refreshed: 0,
    expired: 0,
    open: 2,
    skips: [mine, other].map((ns) => ({
      targetId: webId(t, ns),
      analyzer: 'test',
      reason: 'test',
    })),
    errors: [],
  });
  // 12 hours of steady usage for both webs (forecasts), and an hour of every pod's cost.
  const rollups = new RollupStore(t.app.services.db);
  const ids = [webId(t, mine), webId(t, other)];
  for (let h = 12; h >= 1; h--) {
    const values = new Float64Array(ids.length * METRIC_NAMES.length).fill(NaN);
    ids.forEach((_, row) => {
      values[row * METRIC_NAMES.length + NAME_INDEX.CPU_USAGE] = 0.2 + row;
      values[row * METRIC_NAMES.length + NAME_INDEX.MEMORY_USAGE] = 2 ** 28;
    });
    const at = hour - (h - 1) * HOUR;
    const index = new Map(ids.map((id, i) => [id, i]));
    await rollups.write(HOUR, at, rollUp([{ t: at, ids, values, index }]));
  }
  await costHour(t, hour);
}, 120_000);

describe('decisions and streams under KUBE_IMPERSONATION=on', () => {
  it('advice about what she may not read is refused, audited, and left OPEN', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const permission = `list deployments.apps in namespace ${other}`;
    const rejected = expectNoErrors(
      (await gql(t.url, alice, Reject, { id: advice.get(other) ?? '' })).body,
    ).rejectRecommendation;
    expect(rejected).toMatchObject({
      __typename: 'ForbiddenError',
      requiredPermission: permission,
    });
    if (rejected.__typename !== 'ForbiddenError') throw new Error(rejected.__typename);
    expect(rejected.message).toMatch(/does not let oidc:u-alice list deployments/);
    const applied = expectNoErrors(
      (await gql(t.url, alice, Apply, { id: advice.get(other) ?? '' })).body,
    ).applyRecommendation;
    expect(applied).toEqual({ __typename: 'ForbiddenError', requiredPermission: permission });
    const open = expectNoErrors((await gql(t.url, TOKENS.viewer, Advice)).body);
    const theirs = open.recommendations?.edges.find((e) => e.node.id === advice.get(other));
    expect(theirs?.node.status).toBe('OPEN');
    const log = expectNoErrors((await gql(t.url, TOKENS.viewer, Refusals)).body).auditLog;
    const refusals = log?.edges
      .map((e) => e.node)
      .filter((e) => e.actor === 'oidc:u-alice' && e.target?.namespace === other);
    expect(refusals?.map((e) => [e.action, e.status, e.error?.code]).sort()).toEqual([
      ['APPLY_RECOMMENDATION', 'FAILED', 'FORBIDDEN'],
      ['REJECT_RECOMMENDATION', 'FAILED', 'FORBIDDEN'],
    ]);
    refusalId = refusals?.find((e) => e.action === 'REJECT_RECOMMENDATION')?.id ?? '';
    // Her own namespace's advice is hers to reject.
    const own = expectNoErrors(
      (await gql(t.url, alice, Reject, { id: advice.get(mine) ?? '' })).body,
    );
    expect(own.rejectRecommendation.__typename).toBe('RejectRecommendationSuccess');
  });

  it('node(id) of advice or an action about what she may not read is null', async () => {
    const { idp, t, other } = lab;
    const alice = await idp.signIn('alice');
    const byId = async (token: string, id: string) =>
      expectNoErrors((await gql(t.url, token, NodeById, { id })).body).node;
    for (const id of [advice.get(other) ?? '', refusalId]) {
      expect(await byId(alice, id)).toBe(null);
      expect(await byId(TOKENS.viewer, id)).toEqual({ id });
    }
  });

  it('the last pass shows her its skips she may read, not the estate’s counts', async () => {
    const { idp, t, mine } = lab;
    const alice = await idp.signIn('alice');
    const hers = expectNoErrors((await gql(t.url, alice, Run)).body).recommendationRun;
    expect(hers).toEqual({
      workloads: null,
      created: null,
      open: null,
      skips: [{ targetId: webId(t, mine) }],
    });
    const all = expectNoErrors((await gql(t.url, TOKENS.viewer, Run)).body).recommendationRun;
    expect(all).toMatchObject({ workloads: 40, created: 2, open: 2 });
    expect(all?.skips).toHaveLength(2);
  });

  it('overview.predictions and costTrend hold her namespace only', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const where = async (token: string) =>
      (expectNoErrors((await gql(t.url, token, Forecasts)).body).overview.predictions ?? [])
        .map((p) => p.target?.namespace)
        .filter((ns) => ns === mine || ns === other)
        .sort();
    await eventually(
      async () => expect(await where(TOKENS.viewer)).toEqual([mine, other].sort()),
      30_000,
    );
    expect(await where(alice)).toEqual([mine]);

    const trend = expectNoErrors((await gql(t.url, alice, Trend, { window })).body).costTrend;
    if (trend.__typename !== 'CostTrend') throw new Error(trend.__typename);
    expect(trend.rows.map((r) => r.name)).toEqual([mine]);
    const allTrend = expectNoErrors((await gql(t.url, TOKENS.viewer, Trend, { window })).body);
    if (allTrend.costTrend.__typename !== 'CostTrend') throw new Error('no trend');
    expect(allTrend.costTrend.rows.map((r) => r.name)).toContain(other);
  });

  it('auditEvents and recommendationEvents deliver only what she may read', async () => {
    const { idp, t, mine, other } = lab;
    const alice = await idp.signIn('alice');
    const client = socketAs(t, alice);
    const audit: string[] = [];
    const advised: string[] = [];
    const sink = (into: string[], pick: (d: Record<string, unknown>) => string | undefined) => ({
      next: (v: { data?: Record<string, unknown> | null }) => {
        const ns = v.data && pick(v.data);
        if (ns) into.push(ns);
      },
      error: () => {},
      complete: () => {},
    });
    const offAudit = client.subscribe(
      { query: 'subscription { auditEvents { target { namespace } } }' },
      sink(audit, (d) => (d.auditEvents as { target?: { namespace?: string } }).target?.namespace),
    );
    const offAdvice = client.subscribe(
      { query: 'subscription { recommendationEvents { recommendation { title } } }' },
      sink(advised, (d) => {
        const e = d.recommendationEvents as { recommendation: { title: string } };
        return e.recommendation.title;
      }),
    );
    try {
      // Fresh advice in her namespace (hers was rejected above) beside the other's, still open.
      const more = await t.app.services.recommendations.store.upsertOpen({
        ...draft(mine),
        type: 'CPU_RIGHTSIZE',
        title: `more advice for ${mine}`,
      });
      await sleep(500); // both subscriptions are registered
      // The other namespace first: the logs are ordered, so its events would come first.
      for (const ns of [other, mine]) {
        const r = await gql(t.url, TOKENS.operator, ScaleDryRun, { id: deployment.get(ns) ?? '' });
        expect(expectNoErrors(r.body).scaleResource.__typename).toBe('ScaleResourceSuccess');
      }
      for (const id of [advice.get(other) ?? '', encodeGlobalID('Recommendation', more.rec.id)]) {
        expectNoErrors((await gql(t.url, TOKENS.operator, Reject, { id })).body);
      }
      await eventually(() => expect(audit).toContain(mine), 15_000);
      expect(audit).not.toContain(other);
      await eventually(() => expect(advised).toEqual([`more advice for ${mine}`]), 15_000);
    } finally {
      offAudit();
      offAdvice();
      await client.dispose();
    }
  });
});
