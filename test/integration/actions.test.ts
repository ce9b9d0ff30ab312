// The action pipeline and audit log against the lab's real kube-apiserver: concurrency,
// idempotency, dry run, revert with preconditions, irreversible actions, and a process killed
// between execution and outcome.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import {
  API_TOKENS,
  expectNoErrors,
  gql,
  startTestApp,
  TOKENS,
  type TestApp,
} from '../support/app.ts';
import { createScratchDatabase } from '../support/postgres.ts';
import { spawnOrchestrator } from '../support/process.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  kubectlJson,
  kubeProvider,
  lab,
  scratchNamespace,
  waitReady,
} from './kubernetes-support.ts';

const ScaleDeployment = graphql(`
  mutation ActScale($input: ScaleResourceInput!) {
    scaleResource(input: $input) {
      __typename
      ... on ActionResult {
        dryRun
        auditEvent {
          id
          status
          before
          after
          dryRun
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
  mutation ActRevert($input: RevertActionInput!) {
    revertAction(input: $input) {
      __typename
      ... on ActionResult {
        auditEvent {
          id
          action
          status
          before
          after
          reverts {
            id
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

const Delete = graphql(`
  mutation ActDelete($input: DeleteResourceInput!) {
    deleteResource(input: $input) {
      __typename
      ... on ActionResult {
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

const Verify = graphql(`
  query ActVerify {
    verifyAuditLog {
      valid
      checkedEvents
      reason
    }
  }
`);

let t: TestApp;
let ns: { name: string; drop: () => Promise<void> };
let scratchDb: Awaited<ReturnType<typeof createScratchDatabase>>;
const deployId = (name: string) =>
  encodeGlobalID('Deployment', `k8s:${currentContext}:DEPLOYMENT:${ns.name}:${name}`);
let currentContext = '';

async function replicas(name: string): Promise<number> {
  const d = await kubectlJson<{ spec: { replicas: number } }>([
    '-n',
    ns.name,
    'get',
    'deployment',
    name,
  ]);
  return d.spec.replicas;
}

async function createDeployment(name: string, count: number) {
  await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, name, count) });
  await eventually(() => {
    if (!kubeProvider(t).list({ namespaces: [ns.name], names: [name] }).length)
      throw new Error('not cached');
  });
}

beforeAll(async () => {
  scratchDb = await createScratchDatabase();
  t = await startTestApp({ KUBECONFIG: lab().KUBECONFIG ?? '', DATABASE_URL: scratchDb.url });
  await waitReady(kubeProvider(t));
  currentContext = (await kubectl(['config', 'current-context'])).trim();
  ns = await scratchNamespace('actions-test');
});
afterAll(async () => {
  await ns?.drop();
  await t?.close();
  await scratchDb?.drop();
});

describe('the action pipeline on a real cluster', () => {
  it('runs 50 concurrent scales: 50 SUCCEEDED events, a valid chain, the last applied wins', async () => {
    await createDeployment('busy', 1);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        gql(t.url, TOKENS.operator, ScaleDeployment, {
          input: { id: deployId('busy'), replicas: (i % 9) + 1 },
        }),
      ),
    );
    const outcomes = results.map((r) => expectNoErrors(r.body).scaleResource);
    expect(outcomes.filter((o) => o.__typename === 'ScaleResourceSuccess')).toHaveLength(50);
    const events = await t.app.services.audit.list(
      { actions: ['scale'], statuses: ['SUCCEEDED'] },
      100,
    );
    expect(events.filter((e) => e.target?.name === 'busy')).toHaveLength(50);
    // Each outcome records the resourceVersion its write produced; on this etcd-backed API
    // server those grow with every write, so the highest one is the change applied last.
    const applied = events
      .filter((e) => e.target?.name === 'busy')
      .map((e) => e.after as { replicas: number; resourceVersion: string })
      .sort((a, b) => (BigInt(a.resourceVersion) < BigInt(b.resourceVersion) ? -1 : 1));
    // A scale to the count already set is a no-op write that keeps the version, so versions
    // can repeat; equal versions then mean equal replicas, and the highest one is still last.
    expect(applied.every((a) => /^\d+$/.test(a.resourceVersion))).toBe(true);
    expect(await replicas('busy')).toBe(applied.at(-1)?.replicas);
    expect(
      expectNoErrors((await gql(t.url, TOKENS.operator, Verify)).body).verifyAuditLog,
    ).toMatchObject({
      valid: true,
    });
  });

  it('dry-runs without changing anything, and records the dry run', async () => {
    await createDeployment('dry', 2);
    const r = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, ScaleDeployment, {
          input: { id: deployId('dry'), replicas: 6, dryRun: true },
        })
      ).body,
    ).scaleResource;
    expect(r).toMatchObject({
      __typename: 'ScaleResourceSuccess',
      dryRun: true,
      auditEvent: { dryRun: true },
    });
    expect(await replicas('dry')).toBe(2);
  });

  it('executes an idempotency key once and refuses it for a different input', async () => {
    await createDeployment('idem', 1);
    const input = { id: deployId('idem'), replicas: 3, idempotencyKey: `k-${ns.name}` };
    const first = expectNoErrors(
      (await gql(t.url, TOKENS.operator, ScaleDeployment, { input })).body,
    ).scaleResource;
    const again = expectNoErrors(
      (await gql(t.url, TOKENS.operator, ScaleDeployment, { input })).body,
    ).scaleResource;
    expect(again).toEqual(first);
    const events = await t.app.services.audit.list(
      { resourceId: `k8s:${currentContext}:DEPLOYMENT:${ns.name}:idem` },
      10,
    );
    expect(events).toHaveLength(1);
    const other = expectNoErrors(
      (await gql(t.url, TOKENS.operator, ScaleDeployment, { input: { ...input, replicas: 4 } }))
        .body,
    ).scaleResource;
    expect(other).toMatchObject({ __typename: 'ValidationError' });
    expect(await replicas('idem')).toBe(3);
  });

  it('reverts a scale, and refuses a revert when the target changed since', async () => {
    await createDeployment('rev', 2);
    const scaled = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, ScaleDeployment, {
          input: { id: deployId('rev'), replicas: 5 },
        })
      ).body,
    ).scaleResource;
    if (scaled.__typename !== 'ScaleResourceSuccess') throw new Error(JSON.stringify(scaled));
    expect(scaled.auditEvent).toMatchObject({ before: { replicas: 2 }, after: { replicas: 5 } });
    const auditEventId = scaled.auditEvent.id;
    await eventually(async () =>
      expect(
        kubeProvider(t).list({ namespaces: [ns.name], names: ['rev'] })[0]?.object,
      ).toMatchObject({ spec: { replicas: 5 } }),
    );
    const reverted = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Revert, { input: { auditEventId } })).body,
    ).revertAction;
    expect(reverted).toMatchObject({
      __typename: 'RevertActionSuccess',
      auditEvent: {
        action: 'REVERT',
        status: 'SUCCEEDED',
        after: { replicas: 2 },
        reverts: { id: auditEventId },
      },
    });
    expect(await replicas('rev')).toBe(2);

    // Someone changes it behind our back: reverting the revert must not clobber that.
    await kubectl(['-n', ns.name, 'scale', 'deployment', 'rev', '--replicas=7']);
    await eventually(async () =>
      expect(
        kubeProvider(t).list({ namespaces: [ns.name], names: ['rev'] })[0]?.object,
      ).toMatchObject({ spec: { replicas: 7 } }),
    );
    if (reverted.__typename !== 'RevertActionSuccess') throw new Error('unreachable');
    const conflict = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, Revert, {
          input: { auditEventId: reverted.auditEvent.id },
        })
      ).body,
    ).revertAction;
    expect(conflict).toMatchObject({ __typename: 'ConflictError' });
    expect(await replicas('rev')).toBe(7);
  });

  it('needs the exact name to delete, and says a delete cannot be undone', async () => {
    await createDeployment('gone', 1);
    const wrong = expectNoErrors(
      (await gql(t.url, TOKENS.admin, Delete, { input: { id: deployId('gone'), confirm: 'gon' } }))
        .body,
    ).deleteResource;
    expect(wrong).toMatchObject({ __typename: 'ConfirmationRequiredError' });
    const operator = expectNoErrors(
      (
        await gql(t.url, TOKENS.operator, Delete, {
          input: { id: deployId('gone'), confirm: 'gone' },
        })
      ).body,
    ).deleteResource;
    expect(operator).toMatchObject({ __typename: 'ForbiddenError' });
    const done = expectNoErrors(
      (await gql(t.url, TOKENS.admin, Delete, { input: { id: deployId('gone'), confirm: 'gone' } }))
        .body,
    ).deleteResource;
    if (done.__typename !== 'DeleteResourceSuccess') throw new Error(JSON.stringify(done));
    const undo = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Revert, { input: { auditEventId: done.auditEvent.id } }))
        .body,
    ).revertAction;
    expect(undo).toMatchObject({ __typename: 'IrreversibleError', code: 'IRREVERSIBLE' });
  });
});

describe('a process killed between execution and outcome', () => {
  it('leaves a PENDING event that the next start reconciles', async () => {
    await createDeployment('crash', 1);
    const env = {
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      API_TOKENS,
      DATABASE_URL: scratchDb.url,
      KUBECONFIG: lab().KUBECONFIG ?? '',
      LOG_LEVEL: 'info',
    };
    const first = spawnOrchestrator({ ...env, TEST_PAUSE_AFTER_EXECUTE_MS: '60000' });
    const port = (JSON.parse(await first.waitFor(/"msg":"listening"/)) as { port: number }).port;
    await eventually(
      async () => expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200),
      60_000,
      200,
    );
    const base = `http://127.0.0.1:${port}`;
    void gql(base, TOKENS.operator, ScaleDeployment, {
      input: { id: deployId('crash'), replicas: 4 },
    }).catch(() => {});
    await eventually(async () => expect(await replicas('crash')).toBe(4), 30_000, 200);
    first.child.kill('SIGKILL');
    await first.exited;
    const pending = await t.app.services.audit.list(
      { statuses: ['PENDING'], resourceId: `k8s:${currentContext}:DEPLOYMENT:${ns.name}:crash` },
      5,
    );
    expect(pending).toHaveLength(1);

    const second = spawnOrchestrator(env);
    try {
      await second.waitFor(/"msg":"listening"/);
      const fixed = await eventually(
        async () => {
          const e = await t.app.services.audit.get(pending[0]!.id);
          expect(e?.status).toBe('FAILED');
          return e;
        },
        90_000,
        500,
      );
      expect(fixed).toMatchObject({ error: { code: 'INTERRUPTED' }, after: { exists: true } });
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
