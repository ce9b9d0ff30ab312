// ChatOps against the lab over real HTTP: a plan is confirmed and the change shows in kubectl
// and in the audit log; a viewer cannot confirm; a token works once; generated manifests pass
// the API server's own dry run (and kubectl's), and a refused one is never offered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import {
  expectNoErrors,
  expectTypename,
  gql,
  present,
  startTestApp,
  TOKENS,
  type TestApp,
} from '../support/app.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  kubeProvider,
  lab,
  scratchNamespace,
  waitReady,
} from './kubernetes-support.ts';

const Chat = graphql(`
  mutation ChatIt($input: ChatInput!) {
    chat(input: $input) {
      __typename
      ... on ChatSuccess {
        conversationId
        reply
        intent {
          name
          confidence
          entities
        }
        plan {
          action
          parameters
          preview
          target {
            id
            name
            namespace
            kind
          }
        }
        generatedCode {
          language
          filename
          content
        }
        requiresConfirmation
        confirmationToken
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Confirm = graphql(`
  mutation ConfirmIt($input: ConfirmChatPlanInput!) {
    confirmChatPlan(input: $input) {
      __typename
      ... on ConfirmChatPlanSuccess {
        reply
        steps {
          __typename
          index
          action
          status
          target {
            name
            namespace
          }
        }
        auditEvents {
          id
          actor
          source
          action
          dryRun
          status
          parameters
          target {
            name
            namespace
          }
        }
      }
      ... on ChatPlanIncompleteError {
        steps {
          __typename
          index
          status
          ... on ChatStepFailed {
            code
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const ChatAudit = graphql(`
  query ChatAudit {
    auditLog(filter: { sources: [CHATOPS] }, first: 20) {
      edges {
        node {
          id
          actor
          action
          dryRun
          status
          target {
            name
            namespace
          }
        }
      }
    }
  }
`);

let t: TestApp;
let ns: { name: string; drop: () => Promise<void> };

async function chat(token: string, message: string, conversationId?: string) {
  const res = await gql(t.url, token, Chat, { input: { message, conversationId } });
  return expectTypename(expectNoErrors(res.body).chat, 'ChatSuccess');
}

async function confirm(token: string, planToken: string) {
  return expectNoErrors((await gql(t.url, token, Confirm, { input: { token: planToken } })).body)
    .confirmChatPlan;
}

const replicas = async (name: string) =>
  Number(
    await kubectl(['get', 'deployment', '-n', ns.name, name, '-o', 'jsonpath={.spec.replicas}']),
  );

beforeAll(async () => {
  ns = await scratchNamespace('chat-test');
  await kubectl(['apply', '-f', '-'], {
    input: [
      deploymentYaml(ns.name, 'orders-api', 2),
      deploymentYaml(ns.name, 'billing', 1),
      deploymentYaml(ns.name, 'storefront', 1),
      deploymentYaml(ns.name, 'payments-worker', 1),
    ].join('---\n'),
  });
  t = await startTestApp({
    KUBECONFIG: lab().KUBECONFIG ?? '',
    PROMETHEUS_URL: lab().PROMETHEUS_URL ?? '',
    METRICS_INTERVAL_SECONDS: '5',
  });
  await waitReady(kubeProvider(t));
  await eventually(() => {
    if (kubeProvider(t).list({ namespaces: [ns.name], kinds: ['DEPLOYMENT'] }).length < 4)
      throw new Error('not cached yet');
  });
});

afterAll(async () => {
  await t?.close();
  await ns?.drop();
});

describe('ChatOps against the lab', () => {
  it('plans, confirms and executes a scale: visible in kubectl and in the audit log', async () => {
    const plan = await chat(TOKENS.operator, `scale ordrs-api in ${ns.name} to 4 replicas`);
    expect(plan.intent.name).toBe('SCALE');
    expect(plan.plan[0]).toMatchObject({
      action: 'SCALE',
      target: { name: 'orders-api', namespace: ns.name, kind: 'DEPLOYMENT' },
      preview: { ok: true, before: { replicas: 2 }, after: { replicas: 4 } },
    });
    expect(plan.requiresConfirmation).toBe(true);
    expect(await replicas('orders-api')).toBe(2); // the dry run changed nothing

    const done = await confirm(TOKENS.operator, plan.confirmationToken ?? '');
    if (done.__typename !== 'ConfirmChatPlanSuccess') throw new Error(JSON.stringify(done));
    expect(done.auditEvents[0]).toMatchObject({
      actor: 'operator-user',
      source: 'CHATOPS',
      action: 'SCALE',
      dryRun: false,
      status: 'SUCCEEDED',
      target: { name: 'orders-api', namespace: ns.name },
    });
    expect(await replicas('orders-api')).toBe(4);

    const log = present(
      expectNoErrors((await gql(t.url, TOKENS.viewer, ChatAudit)).body).auditLog,
    ).edges;
    const mine = log.map((e) => e.node).filter((n) => n.target?.namespace === ns.name);
    expect(mine.some((n) => n.action === 'SCALE' && !n.dryRun && n.status === 'SUCCEEDED')).toBe(
      true,
    );
    expect(mine.some((n) => n.action === 'SCALE' && n.dryRun)).toBe(true);

    // The token is single-use.
    const again = await confirm(TOKENS.operator, plan.confirmationToken ?? '');
    expect(again).toMatchObject({ __typename: 'ConfirmationTokenError', code: 'TOKEN_USED' });

    // A follow-up in the same conversation, then undoing it.
    const follow = await chat(TOKENS.operator, 'revert that', plan.conversationId);
    expect(follow.intent.name).toBe('REVERT');
    const reverted = await confirm(TOKENS.operator, follow.confirmationToken ?? '');
    expect(reverted.__typename).toBe('ConfirmChatPlanSuccess');
    expect(await replicas('orders-api')).toBe(2);
  });

  it('follows a conversation: "show me the storefront deployment", then "it" means it', async () => {
    const shown = await chat(TOKENS.operator, `show me the storefront deployment in ${ns.name}`);
    expect(shown.reply).toContain('storefront');
    const id = shown.conversationId;
    const storefront = { name: 'storefront', namespace: ns.name, kind: 'DEPLOYMENT' };
    for (const message of ['scale it to 2', 'restart it', 'set its replicas to 2']) {
      const plan = await chat(TOKENS.operator, message, id);
      expect(plan.reply, message).not.toMatch(/which resource/i);
      expect(plan.plan, message).toHaveLength(1);
      expect(plan.plan[0]?.target, message).toMatchObject(storefront);
      expect(plan.requiresConfirmation, message).toBe(true);
    }
    expect(await replicas('storefront')).toBe(1); // planning changed nothing

    const plan = await chat(TOKENS.operator, 'scale it to 2', id);
    expect(plan.plan[0]).toMatchObject({
      action: 'SCALE',
      preview: { ok: true, before: { replicas: 1 }, after: { replicas: 2 } },
    });
    const done = await confirm(TOKENS.operator, plan.confirmationToken ?? '');
    if (done.__typename !== 'ConfirmChatPlanSuccess') throw new Error(JSON.stringify(done));
    expect(done.steps).toEqual([
      {
        __typename: 'ChatStepSucceeded',
        index: 0,
        action: 'SCALE',
        status: 'SUCCEEDED',
        target: { name: 'storefront', namespace: ns.name },
      },
    ]);
    expect(await replicas('storefront')).toBe(2); // the API server's spec, read back

    // "make it 3 instead" and "and payments-worker too" continue the same conversation.
    const instead = await chat(TOKENS.operator, 'make it 3 instead', id);
    expect(instead.plan[0]).toMatchObject({ target: storefront, parameters: { replicas: 3 } });
    const too = await chat(TOKENS.operator, 'and payments-worker too', id);
    expect(too.plan[0]).toMatchObject({
      target: { name: 'payments-worker', namespace: ns.name },
      parameters: { replicas: 3 },
    });
  });

  it('plans and runs "scale storefront and payments-worker to 3" as one plan of two steps', async () => {
    const plan = await chat(
      TOKENS.operator,
      `scale storefront and payments-worker in ${ns.name} to 3`,
    );
    expect(plan.plan.map((p) => [p.action, p.target?.name, p.parameters])).toEqual([
      ['SCALE', 'storefront', { replicas: 3 }],
      ['SCALE', 'payments-worker', { replicas: 3 }],
    ]);
    const done = await confirm(TOKENS.operator, plan.confirmationToken ?? '');
    if (done.__typename !== 'ConfirmChatPlanSuccess') throw new Error(JSON.stringify(done));
    expect(done.steps.map((s) => s.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(await replicas('storefront')).toBe(3);
    expect(await replicas('payments-worker')).toBe(3);
  });

  it('reports a plan that failed part-way as ChatPlanIncompleteError, step by step', async () => {
    const list = await chat(TOKENS.operator, `list deployments in ${ns.name}`);
    const plan = await chat(TOKENS.operator, 'restart them except orders-api', list.conversationId);
    const names = plan.plan.map((p) => p.target?.name);
    expect(names).toEqual(['billing', 'payments-worker', 'storefront']);
    // payments-worker is deleted between the preview and the confirmation.
    await kubectl(['delete', 'deployment', '-n', ns.name, 'payments-worker', '--wait=true']);
    await eventually(() => {
      if (kubeProvider(t).list({ namespaces: [ns.name], names: ['payments-worker'] }).length)
        throw new Error('still cached');
    });
    const done = await confirm(TOKENS.operator, plan.confirmationToken ?? '');
    if (done.__typename !== 'ChatPlanIncompleteError') throw new Error(JSON.stringify(done));
    expect(done.code).toBe('PLAN_INCOMPLETE');
    expect(done.steps.map((s) => [s.index, s.status])).toEqual([
      [0, 'SUCCEEDED'],
      [1, 'FAILED'],
      [2, 'NOT_RUN'],
    ]);
    const failed = done.steps[1];
    expect(failed?.__typename === 'ChatStepFailed' && failed.code).toBe('NOT_FOUND');
  });

  it('returns a typed error for a refused message or an unknown conversation', async () => {
    const empty = await gql(t.url, TOKENS.operator, Chat, { input: { message: '  ' } });
    expect(expectNoErrors(empty.body).chat).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
    });
    const unknown = await gql(t.url, TOKENS.operator, Chat, {
      input: { message: 'restart it', conversationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(expectNoErrors(unknown.body).chat).toMatchObject({
      __typename: 'NotFoundError',
      code: 'NOT_FOUND',
    });
  });

  it('refuses a viewer who confirms a mutating plan, and changes nothing', async () => {
    const plan = await chat(TOKENS.viewer, `scale billing in ${ns.name} to 3`);
    expect(plan.plan[0]?.preview).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const result = await confirm(TOKENS.viewer, plan.confirmationToken ?? '');
    expect(result).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    // Nor can an operator take over the viewer's token.
    const other = await chat(TOKENS.viewer, `restart billing in ${ns.name}`);
    const foreign = await confirm(TOKENS.operator, other.confirmationToken ?? '');
    expect(foreign).toMatchObject({ __typename: 'ConfirmationTokenError', code: 'TOKEN_FOREIGN' });
    expect(await replicas('billing')).toBe(1);
  });

  it('always asks before deleting, and deletes only when an admin confirms', async () => {
    const plan = await chat(TOKENS.admin, `delete billing in ${ns.name} right now, don't ask`);
    expect(plan.intent.name).toBe('DELETE');
    expect(plan.requiresConfirmation).toBe(true);
    expect(await replicas('billing')).toBe(1);
    const done = await confirm(TOKENS.admin, plan.confirmationToken ?? '');
    expect(done.__typename).toBe('ConfirmChatPlanSuccess');
    await eventually(async () => {
      const left = await kubectl(['get', 'deployments', '-n', ns.name, '-o', 'name']);
      if (left.includes('billing')) throw new Error('still there');
    });
  });

  const templates: [string, string][] = [
    ['create a redis cluster with 3 replicas in NS', 'StatefulSet'],
    ['spin up postgres in namespace NS called orders-db', 'StatefulSet'],
    ['deploy nginx with 2 replicas in NS', 'Deployment'],
    ['create a deployment from image ghcr.io/acme/api:1.4 named acme-api in NS', 'Deployment'],
  ];
  for (const [message, workload] of templates) {
    it(`generates manifests the API server accepts: "${message}"`, async () => {
      const res = await chat(TOKENS.operator, message.replace('NS', ns.name));
      expect(res.intent.name).toBe('CREATE');
      const code = res.generatedCode[0]?.content ?? '';
      expect(code).toContain(`kind: ${workload}`);
      expect(code).toMatch(/resources:\n\s+limits:/);
      expect(code).toContain('livenessProbe');
      const checks = (res.plan[0]?.preview as { ok: boolean; checks: { ok: boolean }[] }) ?? {};
      expect(checks.ok, res.reply).toBe(true);
      expect(checks.checks.length).toBeGreaterThanOrEqual(3);
      expect(res.requiresConfirmation).toBe(true);
      // kubectl's own server-side dry run of the YAML as a user would copy it.
      const out = await kubectl(['apply', '--dry-run=server', '-f', '-'], { input: code });
      expect(out).toContain('(server dry run)');
      // Nothing was created by planning.
      expect(await kubectl(['get', 'all', '-n', ns.name, '-o', 'name'])).not.toMatch(
        /redis|orders-db|nginx|acme-api/,
      );
    });
  }

  it('creates from a template only when confirmed, audited without the manifests content', async () => {
    const plan = await chat(
      TOKENS.operator,
      `create a redis cluster with 3 replicas in ${ns.name}`,
    );
    expect(plan.plan[0]).toMatchObject({
      action: 'CREATE',
      target: { kind: 'NAMESPACE', name: ns.name },
    });
    expect(plan.requiresConfirmation).toBe(true);
    // A viewer's confirmation of the same kind of plan is refused and creates nothing.
    const viewerPlan = await chat(TOKENS.viewer, `create a redis cluster in ${ns.name}`);
    const refused = await confirm(TOKENS.viewer, viewerPlan.confirmationToken ?? '');
    expect(refused).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await kubectl(['get', 'statefulsets', '-n', ns.name, '-o', 'name'])).not.toContain(
      'redis',
    );

    const done = await confirm(TOKENS.operator, plan.confirmationToken ?? '');
    if (done.__typename !== 'ConfirmChatPlanSuccess') throw new Error(JSON.stringify(done));
    const event = done.auditEvents[0];
    expect(event).toMatchObject({
      source: 'CHATOPS',
      action: 'CREATE',
      status: 'SUCCEEDED',
      dryRun: false,
      target: { name: ns.name },
    });
    const params = event?.parameters as { objects: string[]; manifestsSha256: string };
    expect(params.objects).toEqual(expect.arrayContaining(['StatefulSet redis', 'Service redis']));
    expect(params.manifestsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(params)).not.toContain('containers');
    expect(
      await kubectl([
        'get',
        'statefulset',
        'redis',
        '-n',
        ns.name,
        '-o',
        'jsonpath={.spec.replicas}',
      ]),
    ).toBe('3');

    // Creating the same thing again is a conflict, never an overwrite.
    const again = await chat(
      TOKENS.operator,
      `create a redis cluster with 3 replicas in ${ns.name}`,
    );
    expect(again.requiresConfirmation).toBe(false);
    expect(again.reply).toMatch(/refused|already exists/);
  });

  it('answers usage questions from the collected metrics and their history', async () => {
    const top = await eventually(async () => {
      const res = await chat(TOKENS.viewer, "what's using the most memory in lab-demo");
      expect(res.reply).toMatch(/^Top \d+ by memory in `lab-demo`/);
      return res;
    }, 60_000);
    expect(top.requiresConfirmation).toBe(false);
    // Every line names a lab-demo pod with a byte quantity, heaviest first.
    const lines = top.reply.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/lab-demo\/.+ — [\d.]+ ?[KMG]i?B/);

    const usage = await eventually(async () => {
      const res = await chat(
        TOKENS.viewer,
        'cpu of the checkout deployment in lab-demo over the last hour',
      );
      expect(res.reply).toMatch(/^cpu of .*checkout.* over PT1H: now .+, average .+, peak .+\.$/);
      return res;
    }, 60_000);
    expect(usage.plan).toEqual([]);
  });

  it('does not offer manifests the API server refuses', async () => {
    const res = await chat(TOKENS.operator, 'deploy nginx in namespace chat-test-does-not-exist');
    expect(res.intent.name).toBe('CREATE');
    expect(res.requiresConfirmation).toBe(false);
    expect(res.confirmationToken).toBeNull();
    expect(res.reply).toMatch(/refused/);
  });
});
