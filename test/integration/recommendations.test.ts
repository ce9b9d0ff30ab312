// The recommendation engine against the lab: workloads with known usage annotations and
// backfilled Prometheus history, apply/revert through the pipeline checked with kubectl,
// rejection, and agents.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import type { AuditAction } from '../gql/graphql.ts';
import {
  API_TOKENS,
  expectNoErrors,
  expectTypename,
  gql,
  startTestApp,
  TOKENS,
  type TestApp,
  present,
} from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import {
  eventually,
  kubectl,
  kubectlJson,
  kubeProvider,
  lab,
  scratchNamespace,
  waitReady,
} from './kubernetes-support.ts';

const Run = graphql(`
  mutation RecRun {
    runRecommendations {
      __typename
      ... on RunRecommendationsSuccess {
        run {
          workloads
          created
          expired
          open
          errors
          skips {
            targetId
            analyzer
            reason
          }
        }
      }
    }
  }
`);

const List = graphql(`
  query RecList($filter: RecommendationFilter) {
    recommendations(filter: $filter, first: 200) {
      totalCount
      totalMonthlySavings
      edges {
        node {
          id
          type
          status
          title
          summary
          targetName
          source
          sourceName
          customType
          current
          recommended
          evidence
          confidence
          estimatedMonthlySavings
          risk
          action
        }
      }
    }
  }
`);

const Apply = graphql(`
  mutation RecApply($input: ApplyRecommendationInput!) {
    applyRecommendation(input: $input) {
      __typename
      ... on ActionResult {
        dryRun
        auditEvent {
          id
          action
          source
          status
          parameters
          before
          after
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Revert = graphql(`
  mutation RecRevert($input: RevertActionInput!) {
    revertAction(input: $input) {
      __typename
      ... on ActionResult {
        auditEvent {
          id
          status
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Reject = graphql(`
  mutation RecReject($input: RejectRecommendationInput!) {
    rejectRecommendation(input: $input) {
      __typename
      ... on RejectRecommendationSuccess {
        dryRun
        recommendation {
          status
          statusReason
        }
        auditEvent {
          id
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Register = graphql(`
  mutation RecRegister($input: RegisterAgentInput!) {
    registerAgent(input: $input) {
      __typename
      ... on RegisterAgentSuccess {
        agent {
          name
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Submit = graphql(`
  mutation RecSubmit($input: SubmitRecommendationsInput!) {
    submitRecommendations(input: $input) {
      __typename
      ... on SubmitRecommendationsSuccess {
        recommendations {
          id
          source
          sourceName
          type
          customType
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Audit = graphql(`
  query RecAudit($filter: AuditLogFilter) {
    auditLog(filter: $filter, first: 50) {
      edges {
        node {
          id
          action
          verb
          source
          actor
          status
          dryRun
          parameters
          before
          after
          target {
            id
            name
          }
        }
      }
    }
  }
`);

const Chat = graphql(`
  mutation RecChat($input: ChatInput!) {
    chat(input: $input) {
      __typename
      ... on ChatSuccess {
        reply
        plan {
          action
          preview
        }
        requiresConfirmation
        confirmationToken
      }
    }
  }
`);

const ConfirmPlan = graphql(`
  mutation RecConfirmPlan($input: ConfirmChatPlanInput!) {
    confirmChatPlan(input: $input) {
      __typename
      ... on ConfirmChatPlanSuccess {
        auditEvents {
          action
          source
          status
          parameters
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Predict = graphql(`
  query RecPredict($namespaces: [String!], $names: [String!]) {
    resources(filter: { kinds: [DEPLOYMENT], namespaces: $namespaces, names: $names }) {
      edges {
        node {
          name
          predictions {
            method
            cpu {
              samples
              unit
              points {
                value
                lower
                upper
              }
            }
            memory {
              samples
              unit
              points {
                value
              }
            }
          }
        }
      }
    }
  }
`);

const NODE = existsSync(join(ROOT, 'node_modules', '.bin', 'node'))
  ? join(ROOT, 'node_modules', '.bin', 'node')
  : process.execPath;

const AGENT_SECRET = 'agent-secret-0123456789';
let t: TestApp;
let ns: { name: string; drop: () => Promise<void> };
let context = '';
let capacityNode = '';

function deployment(
  name: string,
  req: { cpu: string; memory: string },
  usage: Record<string, string>,
  replicas = 2,
) {
  const ann = Object.entries(usage)
    .map(([k, v]) => `lab.optiinfra.dev/${k}: "${v}"`)
    .join(', ');
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns.name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}, annotations: {${ann}}}
    spec:
      containers:
      - name: app
        image: registry.example/${name}:1
        resources: {requests: {cpu: "${req.cpu}", memory: "${req.memory}"}, limits: {cpu: "${req.cpu}", memory: "${req.memory}"}}
---
`;
}

const id = (name: string) => `k8s:${context}:DEPLOYMENT:${ns.name}:${name}`;
type Rec = { id: string; type: string; targetName: string; [k: string]: unknown };

async function list(statuses = ['OPEN']): Promise<Rec[]> {
  const r = await gql(t.url, TOKENS.admin, List, {
    filter: { statuses: statuses as never, namespaces: [ns.name] },
  });
  return present(expectNoErrors(r.body).recommendations).edges.map((e) => e.node as Rec);
}

async function run() {
  const r = expectNoErrors((await gql(t.url, TOKENS.admin, Run)).body).runRecommendations;
  if (r.__typename !== 'RunRecommendationsSuccess') throw new Error(JSON.stringify(r));
  return r.run;
}

type AuditRow = {
  id: string;
  action: string;
  verb: string;
  source: string;
  actor: string;
  status: string;
  dryRun: boolean;
  parameters: Record<string, unknown>;
  before: unknown;
  after: unknown;
  target: { id: string; name: string };
};

async function audit(actions: AuditAction[]): Promise<AuditRow[]> {
  const r = await gql(t.url, TOKENS.viewer, Audit, { filter: { actions } });
  return present(expectNoErrors(r.body).auditLog).edges.map((e) => e.node as AuditRow);
}

const deploy = (name: string) =>
  kubectlJson<{
    spec: {
      replicas: number;
      template: { spec: { containers: { resources: Record<string, Record<string, string>> }[] } };
    };
  }>(['-n', ns.name, 'get', 'deploy', name]);

describe('recommendations', () => {
  beforeAll(async () => {
    ns = await scratchNamespace('rec-test');
    // The test's own capacity: its 2-core pods need not fit beside whatever else the lab runs.
    capacityNode = `${ns.name}-capacity`;
    const cap = { cpu: '8', memory: '32Gi', pods: '110' };
    await kubectl(['create', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: capacityNode,
          labels: { type: 'kwok', 'kubernetes.io/hostname': capacityNode },
          annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0' },
        },
        status: { capacity: cap, allocatable: cap },
      }),
    });
    const yaml =
      deployment('over', { cpu: '2', memory: '4Gi' }, { cpu: '150m', memory: '300Mi' }) +
      deployment('right', { cpu: '500m', memory: '512Mi' }, { cpu: '400m', memory: '420Mi' }) +
      deployment(
        'sleepy',
        { cpu: '250m', memory: '256Mi' },
        { cpu: '200m', memory: '180Mi', pattern: 'idle' },
      ) +
      deployment('scaled', { cpu: '2', memory: '4Gi' }, { cpu: '150m', memory: '300Mi' }) +
      `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: scaled, namespace: ${ns.name}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: scaled}
  minReplicas: 2
  maxReplicas: 5
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
`;
    await kubectl(['apply', '-f', '-'], { input: yaml });
    await eventually(
      async () => {
        const pods = await kubectlJson<{ items: { status: { phase: string } }[] }>([
          '-n',
          ns.name,
          'get',
          'pods',
        ]);
        expect(pods.items.filter((p) => p.status.phase === 'Running').length).toBe(8);
      },
      480_000, // a shared lab under load (scale mode) can take minutes
      2000,
    );
    const r = spawnSync(
      NODE,
      [join(ROOT, 'test/lab/lab.ts'), 'backfill', '--namespace', ns.name, '--hours', '30'],
      {
        encoding: 'utf8',
        timeout: 400_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    // Created after the backfill: only a minute of history.
    await kubectl(['apply', '-f', '-'], {
      input: deployment('fresh', { cpu: '2', memory: '4Gi' }, { cpu: '150m', memory: '300Mi' }),
    });
    const env = lab();
    t = await startTestApp({
      API_TOKENS: `${API_TOKENS},probe-agent:agent:${AGENT_SECRET}`,
      KUBECONFIG: env.KUBECONFIG ?? '',
      PROMETHEUS_URL: env.PROMETHEUS_URL ?? '',
      RECOMMENDER_WINDOW_HOURS: '30',
      RECOMMENDER_MIN_HISTORY_HOURS: '24',
    });
    await waitReady(kubeProvider(t));
    context = kubeProvider(t).contexts[0] ?? '';
  }, 600_000);

  afterAll(async () => {
    await t?.close();
    await ns?.drop();
    if (capacityNode) await kubectl(['delete', 'node', capacityNode, '--wait=false']);
  });

  it('advises CPU near P95 + 15%, memory above the peak; none for right-sized; stop for idle; skips HPA and new', async () => {
    const report = await run();
    expect(report.errors).toEqual([]);
    const recs = await list();
    const of = (name: string) =>
      recs
        .filter((r) => r.targetName === name)
        .map((r) => r.type)
        .sort();
    expect(of('over')).toEqual(['CPU_RIGHTSIZE', 'MEMORY_RIGHTSIZE']);
    expect(of('right')).toEqual([]);
    expect(of('sleepy')).toEqual(['IDLE_WORKLOAD']);
    expect(of('scaled')).toEqual(['MEMORY_RIGHTSIZE']); // cpu skipped: the HPA scales on cpu
    expect(of('fresh')).toEqual([]);
    const skipped = (name: string) =>
      report.skips.filter((s) => s.targetId === id(name)).map((s) => s.reason);
    expect(skipped('scaled').join(' ')).toMatch(/HorizontalPodAutoscaler scaled/);
    expect(skipped('fresh').join(' ')).toMatch(/not enough data/);

    const cpu = recs.find((r) => r.targetName === 'over' && r.type === 'CPU_RIGHTSIZE') as Rec;
    const cpuReq = (cpu.recommended as { containers: { app: { request: string } } }).containers.app
      .request;
    const expected = 0.15 * 1.15;
    const got = Number(cpuReq.replace(/m$/, '')) / (cpuReq.endsWith('m') ? 1000 : 1);
    expect(Math.abs(got - expected) / expected).toBeLessThan(0.15);
    expect(cpu.estimatedMonthlySavings).toBeGreaterThan(0);
    expect(JSON.stringify(cpu.evidence)).toContain('quantile_over_time(0.95');

    const mem = recs.find((r) => r.targetName === 'over' && r.type === 'MEMORY_RIGHTSIZE') as Rec;
    const memReq = (mem.recommended as { containers: { app: { request: string } } }).containers.app
      .request;
    expect(Number(memReq.replace(/Mi$/, ''))).toBeGreaterThanOrEqual(300);

    // A second run refreshes rather than duplicates.
    await run();
    expect((await list()).length).toBe(recs.length);
  });

  it("forecasts a steady workload's CPU and memory from its backfilled history", async () => {
    const r = await gql(t.url, TOKENS.viewer, Predict, { namespaces: [ns.name], names: ['over'] });
    const p = expectNoErrors(r.body).resources.edges[0]?.node.predictions;
    expect(p?.method).toBe('holt-linear');
    // 24 h at 15 minutes, and 6 h ahead.
    expect(p?.cpu?.samples).toBeGreaterThanOrEqual(90);
    expect(p?.cpu?.points).toHaveLength(24);
    // Two pods annotated 150m and 300Mi, steady: 0.3 cores and 600Mi, and so the forecast.
    for (const x of p?.cpu?.points ?? []) {
      expect(Math.abs(x.value - 0.3) / 0.3).toBeLessThan(0.1);
      expect(x.lower).toBeLessThanOrEqual(x.value);
      expect(x.upper).toBeGreaterThanOrEqual(x.value);
    }
    const mi600 = 600 * 2 ** 20;
    expect(p?.memory?.unit).toBe('bytes');
    for (const x of p?.memory?.points ?? [])
      expect(Math.abs(x.value - mi600) / mi600).toBeLessThan(0.1);
  });

  it('dry run shows the patch and changes nothing; apply patches; revert restores', async () => {
    const cpu = (await list()).find(
      (r) => r.targetName === 'over' && r.type === 'CPU_RIGHTSIZE',
    ) as Rec;
    const before = await deploy('over');
    const dry = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Apply, { input: { id: cpu.id, dryRun: true } })).body,
    ).applyRecommendation;
    if (dry.__typename !== 'ApplyRecommendationSuccess') throw new Error(JSON.stringify(dry));
    expect(JSON.stringify(dry.auditEvent.parameters)).toContain('"containers":[{"name":"app"');
    expect((await deploy('over')).spec.template.spec.containers[0]?.resources).toEqual(
      before.spec.template.spec.containers[0]?.resources,
    );
    expect(dry.dryRun).toBe(true);
    expect((await list()).map((r) => r.id)).toContain(cpu.id); // still OPEN

    const done = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Apply, { input: { id: cpu.id } })).body,
    ).applyRecommendation;
    if (done.__typename !== 'ApplyRecommendationSuccess') throw new Error(JSON.stringify(done));
    expect(done.auditEvent).toMatchObject({
      action: 'APPLY_RECOMMENDATION',
      source: 'RECOMMENDATION',
      status: 'SUCCEEDED',
    });
    const want = (cpu.recommended as { containers: { app: { request: string } } }).containers.app
      .request;
    const live = (await deploy('over')).spec.template.spec.containers[0]?.resources;
    expect(live?.requests?.cpu).toBe(want);
    expect(live?.requests?.memory).toBe('4Gi');
    expect((await list(['APPLIED'])).map((r) => r.id)).toContain(cpu.id);
    // The audit log holds it: who, from where, the recommendation, the spec before and after.
    const logged = (await audit(['APPLY_RECOMMENDATION'])).filter(
      (e) => e.parameters.recommendationId === decodeGlobalID(cpu.id).id,
    );
    expect(logged.map((e) => e.dryRun).sort()).toEqual([false, true]);
    const real = logged.find((e) => !e.dryRun);
    expect(real).toMatchObject({
      id: done.auditEvent.id,
      verb: 'PATCH',
      source: 'RECOMMENDATION',
      actor: 'operator-user',
      status: 'SUCCEEDED',
      target: { name: 'over' },
    });
    expect(JSON.stringify(real?.before)).toContain('"cpu":"2"');
    expect(JSON.stringify(real?.after)).toContain(`"cpu":"${want}"`);

    const rev = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, Revert, {
          input: { auditEventId: done.auditEvent.id },
        })
      ).body,
    ).revertAction;
    expect(rev.__typename, JSON.stringify(rev)).toBe('RevertActionSuccess');
    expect((await deploy('over')).spec.template.spec.containers[0]?.resources).toEqual(
      before.spec.template.spec.containers[0]?.resources,
    );
  });

  it('reject keeps the reason and suppresses the same advice', async () => {
    const idle = (await list()).find((r) => r.targetName === 'sleepy') as Rec;
    const dry = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, Reject, {
          input: { id: idle.id, reason: 'month-end batch', dryRun: true },
        })
      ).body,
    ).rejectRecommendation;
    expect(dry).toMatchObject({
      __typename: 'RejectRecommendationSuccess',
      dryRun: true,
      recommendation: { status: 'OPEN' },
    });
    const input = { id: idle.id, reason: 'month-end batch', idempotencyKey: `rej-${ns.name}` };
    const r = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Reject, { input })).body,
    ).rejectRecommendation;
    if (r.__typename !== 'RejectRecommendationSuccess') throw new Error(JSON.stringify(r));
    // The same key replays the recorded result instead of a conflict.
    const replay = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Reject, { input })).body,
    ).rejectRecommendation;
    expect(replay).toMatchObject({
      __typename: 'RejectRecommendationSuccess',
      auditEvent: { id: r.auditEvent.id },
      recommendation: { status: 'REJECTED' },
    });
    expect(r.recommendation.status).toBe('REJECTED');
    expect(r.recommendation.statusReason).toContain('month-end batch');
    const rejected = (await audit(['REJECT_RECOMMENDATION'])).filter(
      (e) => e.parameters.recommendationId === decodeGlobalID(idle.id).id && !e.dryRun,
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      id: r.auditEvent.id,
      source: 'RECOMMENDATION',
      actor: 'operator-user',
      status: 'SUCCEEDED',
      dryRun: false,
      parameters: { reason: 'month-end batch', type: 'IDLE_WORKLOAD' },
      after: { status: 'REJECTED' },
      target: { name: 'sleepy' },
    });
    // Refused input changes nothing and is recorded nowhere.
    for (const [input, code] of [
      [{ id: idle.id, reason: 'again' }, 'ConflictError'],
      [{ id: idle.id, reason: '   ' }, 'ValidationError'],
    ] as const) {
      const again = expectNoErrors(
        (await gql(t.url, TOKENS.operator, Reject, { input })).body,
      ).rejectRecommendation;
      expect(again.__typename).toBe(code);
    }
    expect(
      (await audit(['REJECT_RECOMMENDATION'])).filter(
        (e) => e.parameters.recommendationId === decodeGlobalID(idle.id).id,
      ),
    ).toHaveLength(2); // the dry run and the rejection
    const report = await run();
    expect((await list()).filter((x) => x.targetName === 'sleepy')).toEqual([]);
    expect(report.skips.some((s) => s.targetId === id('sleepy') && /rejected/.test(s.reason))).toBe(
      true,
    );
  });

  it("stores an agent's submission with its source and refuses a malformed one", async () => {
    const reg = expectNoErrors(
      (
        await gql(t.url, TOKENS.admin, Register, {
          input: { name: 'probe-agent', capabilities: ['submit'] },
        })
      ).body,
    ).registerAgent;
    expect(reg.__typename).toBe('RegisterAgentSuccess');
    const good = {
      targetId: id('right'),
      type: 'SPOT_CANDIDATE',
      title: 'Run right on spot nodes',
      summary: 'Stateless and restart-tolerant.',
      recommended: { nodeSelector: { lifecycle: 'spot' } },
      confidence: 0.6,
      estimatedMonthlySavings: 12.5,
      risk: 'MEDIUM',
    };
    const ok = expectNoErrors(
      (await gql(t.url, AGENT_SECRET, Submit, { input: { recommendations: [good] } })).body,
    ).submitRecommendations;
    expect(ok).toMatchObject({
      recommendations: [
        {
          source: 'AGENT',
          sourceName: 'probe-agent',
          type: 'CUSTOM',
          customType: 'SPOT_CANDIDATE',
        },
      ],
    });

    const listed = (await list()).filter((x) => x.customType === 'SPOT_CANDIDATE');
    expect(listed).toMatchObject([
      {
        targetName: 'right',
        source: 'AGENT',
        sourceName: 'probe-agent',
        estimatedMonthlySavings: 12.5,
      },
    ]);
    expect(JSON.stringify(listed[0]?.evidence)).toContain('"submittedBy":"probe-agent"');

    const before = (await list()).length;
    const bad = expectNoErrors(
      (
        await gql(t.url, AGENT_SECRET, Submit, {
          input: {
            recommendations: [
              { ...good, type: 'OTHER_IDEA' },
              { ...good, confidence: 7, action: { verb: 'delete', params: {} } },
            ],
          },
        })
      ).body,
    ).submitRecommendations;
    expect(bad).toMatchObject({ __typename: 'ValidationError' });
    expect((await list()).length).toBe(before);

    const stranger = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Submit, { input: { recommendations: [good] } })).body,
    ).submitRecommendations;
    expect(stranger).toMatchObject({ __typename: 'ForbiddenError' });
  });

  it('lists, and rejects through ChatOps with confirmation, in the order the API lists them', async () => {
    const all = expectNoErrors(
      (await gql(t.url, TOKENS.admin, List, { filter: { statuses: ['OPEN'] } })).body,
    ).recommendations!.edges.map((e) => e.node as Rec);
    expect(all.length).toBeGreaterThan(0);
    const first = all[0] as Rec & { title: string };
    const chat = async (token: string, message: string) =>
      expectTypename(
        expectNoErrors((await gql(t.url, token, Chat, { input: { message } })).body).chat,
        'ChatSuccess',
      );

    const listed = await chat(TOKENS.viewer, 'show the open recommendations');
    expect(listed.reply).toMatch(/open recommendation\(s\), about \$\d+\/month in savings/);
    expect(listed.reply).toContain(`1. ${first.title}`);

    const refused = await chat(TOKENS.viewer, 'reject recommendation 1');
    expect(refused.plan[0]?.preview).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const plan = await chat(TOKENS.operator, 'reject recommendation 1');
    expect(plan.plan[0]).toMatchObject({ action: 'REJECT_RECOMMENDATION', preview: { ok: true } });
    expect(plan.requiresConfirmation).toBe(true);
    const openIds = async () =>
      expectNoErrors(
        (await gql(t.url, TOKENS.admin, List, { filter: { statuses: ['OPEN'] } })).body,
      ).recommendations!.edges.map((e) => (e.node as Rec).id);
    expect(await openIds()).toContain(first.id); // planning changed nothing
    const done = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, ConfirmPlan, {
          input: { token: plan.confirmationToken ?? '' },
        })
      ).body,
    ).confirmChatPlan;
    if (done.__typename !== 'ConfirmChatPlanSuccess') throw new Error(JSON.stringify(done));
    expect(done.auditEvents[0]).toMatchObject({
      action: 'REJECT_RECOMMENDATION',
      source: 'CHATOPS',
      status: 'SUCCEEDED',
      parameters: { recommendationId: decodeGlobalID(first.id).id },
    });
    const after = expectNoErrors(
      (await gql(t.url, TOKENS.admin, List, { filter: { statuses: ['REJECTED'] } })).body,
    ).recommendations!.edges.map((e) => (e.node as Rec).id);
    expect(after).toContain(first.id);
  });
});
