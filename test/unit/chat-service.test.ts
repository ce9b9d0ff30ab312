// The chat service end to end in-process: plans, previews, tokens, roles, memory, revert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatTokenError } from '../../src/chat/errors.ts';
import type { ConfirmSuccess } from '../../src/chat/service.ts';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../src/errors.ts';
import { PlanIncompleteError } from '../../src/chat/errors.ts';
import type { Manifest } from '../../src/chat/templates.ts';
import {
  ADMIN,
  chatHarness,
  OPERATOR,
  VIEWER,
  type ChatHarness,
  answered,
} from './chat-support.ts';

let h: ChatHarness;
// Starting an embedded database is slow on a loaded machine.
beforeAll(async () => {
  h = await chatHarness();
}, 120_000);
afterAll(async () => {
  await h.close();
});

const executed = () => h.provider.executed.filter((x) => !x.dryRun);

function succeeded(result: ConfirmSuccess | AppError): ConfirmSuccess {
  if (result instanceof AppError) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

describe('chat service', { timeout: 60_000 }, () => {
  it('answers read-only requests at once, without a plan or token', async () => {
    const res = answered(await h.service().chat({ message: 'list pods in prod' }, VIEWER, 'r1'));
    expect(res.intent.intent).toBe('list_resources');
    expect(res.reply).toContain('frontend-7d9f8-abcde');
    expect(res.plan).toEqual([]);
    expect(res.requiresConfirmation).toBe(false);
    expect(res.confirmationToken).toBeNull();
  });

  it('plans a scale with a dry-run preview, and runs it only on confirmation', async () => {
    const chat = h.service();
    const before = executed().length;
    const res = answered(await chat.chat({ message: 'scale backend to 5' }, OPERATOR, 'r2'));
    expect(res.requiresConfirmation).toBe(true);
    expect(res.plan[0]?.action).toBe('scale');
    expect(res.plan[0]?.target?.name).toBe('backend');
    expect(res.plan[0]?.preview).toMatchObject({ ok: true, after: { replicas: 5 } });
    expect(executed().length).toBe(before);
    const dry = await h.audit.list({ sources: ['CHATOPS'] }, 5);
    expect(dry[0]).toMatchObject({ dryRun: true, action: 'scale', actor: 'olga' });

    const done = succeeded(await chat.confirm(res.confirmationToken ?? '', OPERATOR, 'r3'));
    expect(done.auditEvents).toHaveLength(1);
    expect(done.auditEvents[0]).toMatchObject({
      source: 'CHATOPS',
      actor: 'olga',
      action: 'scale',
      dryRun: false,
      status: 'SUCCEEDED',
      parameters: { replicas: 5 },
    });
    expect(executed().at(-1)).toMatchObject({ verb: 'scale', params: { replicas: 5 } });

    const again = await chat.confirm(res.confirmationToken ?? '', OPERATOR, 'r4');
    expect(again).toBeInstanceOf(ChatTokenError);
    expect((again as ChatTokenError).code).toBe('TOKEN_USED');
  });

  it("refuses another viewer's token without using it up", async () => {
    const res = answered(await h.service().chat({ message: 'restart checkout' }, OPERATOR, null));
    const foreign = await h.service().confirm(res.confirmationToken ?? '', ADMIN, null);
    expect((foreign as ChatTokenError).code).toBe('TOKEN_FOREIGN');
    succeeded(await h.service().confirm(res.confirmationToken ?? '', OPERATOR, null));
  });

  it('refuses an expired or unknown token', async () => {
    const res = answered(await h.service().chat({ message: 'stop cart' }, OPERATOR, null));
    await h.db.query(`UPDATE chat_plans SET expires_at = now() - interval '1 second'`);
    const expired = await h.service().confirm(res.confirmationToken ?? '', OPERATOR, null);
    expect((expired as ChatTokenError).code).toBe('TOKEN_EXPIRED');
    const unknown = await h.service().confirm('cp_nope', OPERATOR, null);
    expect((unknown as ChatTokenError).code).toBe('TOKEN_INVALID');
  });

  it('lets the pipeline refuse a viewer who confirms a mutating plan', async () => {
    const before = executed().length;
    const res = answered(await h.service().chat({ message: 'scale checkout to 3' }, VIEWER, null));
    expect(res.plan[0]?.preview).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(res.reply).toContain('viewer');
    const result = await h.service().confirm(res.confirmationToken ?? '', VIEWER, null);
    expect(result).toBeInstanceOf(ForbiddenError);
    expect(executed().length).toBe(before);
  });

  it('always asks before a delete, whatever the wording', async () => {
    const before = executed().length;
    const res = answered(
      await h
        .service()
        .chat(
          { message: 'delete worker-b now, no questions asked, skip confirmation' },
          ADMIN,
          null,
        ),
    );
    expect(res.intent.intent).toBe('delete');
    expect(res.requiresConfirmation).toBe(true);
    expect(executed().length).toBe(before);
    const done = succeeded(await h.service().confirm(res.confirmationToken ?? '', ADMIN, null));
    expect(done.auditEvents[0]).toMatchObject({ action: 'delete', status: 'SUCCEEDED' });
  });

  it('asks which one when a name is ambiguous, and never plans a guess', async () => {
    const res = answered(await h.service().chat({ message: 'restart frontend' }, OPERATOR, null));
    expect(res.plan).toEqual([]);
    expect(res.confirmationToken).toBeNull();
    expect(res.reply).toContain('prod/frontend');
    expect(res.reply).toContain('staging/frontend');
  });

  it('remembers the conversation across replicas ("it", "do the same for")', async () => {
    const first = answered(
      await h.service().chat({ message: 'describe checkout' }, OPERATOR, null),
    );
    const id = first.conversationId;
    const second = answered(
      await h.service().chat({ message: 'restart it', conversationId: id }, OPERATOR, null),
    );
    expect(second.plan[0]?.target?.name).toBe('checkout');
    const third = answered(
      await h
        .service()
        .chat({ message: 'do the same for cart', conversationId: id }, OPERATOR, null),
    );
    expect(third.plan[0]).toMatchObject({ action: 'restart', target: { name: 'cart' } });
    // Someone else's conversation id reads as unknown: a NotFoundError, nothing stored.
    const other = await h
      .service()
      .chat({ message: 'restart it', conversationId: id }, ADMIN, null);
    expect(other).toBeInstanceOf(NotFoundError);
  });

  it('resolves "it" to the one row a list showed, and "instead" corrects the plan', async () => {
    const chat = h.service();
    const shown = answered(
      await chat.chat({ message: 'show me the storefront deployment in shop' }, OPERATOR, null),
    );
    expect(shown.reply).toContain('storefront');
    const id = shown.conversationId;
    const plan = answered(
      await chat.chat({ message: 'scale it to 2', conversationId: id }, OPERATOR, null),
    );
    expect(plan.plan[0]).toMatchObject({
      action: 'scale',
      target: { name: 'storefront', namespace: 'shop' },
      parameters: { replicas: 2 },
    });
    const instead = answered(
      await chat.chat({ message: 'make it 3 instead', conversationId: id }, OPERATOR, null),
    );
    expect(instead.plan[0]).toMatchObject({
      target: { name: 'storefront' },
      parameters: { replicas: 3 },
    });
    const done = succeeded(await chat.confirm(instead.confirmationToken ?? '', OPERATOR, null));
    expect(done.auditEvents[0]).toMatchObject({ action: 'scale', parameters: { replicas: 3 } });
    expect(executed().at(-1)).toMatchObject({
      id: 'k8s:lab:DEPLOYMENT:shop:storefront',
      params: { replicas: 3 },
    });
    // The first plan was replaced, not confirmed: its token still only does what it showed.
    expect(plan.confirmationToken).not.toBe(instead.confirmationToken);
  });

  it('plans one step per resource for "them", leaving out what "except" names', async () => {
    const chat = h.service();
    const list = answered(await chat.chat({ message: 'list deployments in dev' }, OPERATOR, null));
    const id = list.conversationId;
    const ask = answered(
      await chat.chat({ message: 'restart it', conversationId: id }, OPERATOR, null),
    );
    expect(ask.plan).toEqual([]);
    expect(ask.reply).toMatch(/which one/i);
    const plan = answered(
      await chat.chat({ message: 'restart them except web', conversationId: id }, OPERATOR, null),
    );
    expect(plan.plan.map((p) => p.target?.name).sort()).toEqual(['worker-a', 'worker-b']);
    const before = executed().length;
    const done = succeeded(await chat.confirm(plan.confirmationToken ?? '', OPERATOR, null));
    expect(done.auditEvents.map((e) => e.action)).toEqual(['restart', 'restart']);
    expect(executed().length).toBe(before + 2);
  });

  it('plans nothing for a negated command', async () => {
    const before = executed().length;
    const res = answered(
      await h.service().chat({ message: "don't restart checkout" }, OPERATOR, null),
    );
    expect(res.intent.intent).toBe('cancel');
    expect(res.plan).toEqual([]);
    expect(res.confirmationToken).toBeNull();
    expect(executed().length).toBe(before);
  });

  it('reverts the last action on a resource through the pipeline', async () => {
    const chat = h.service();
    const scaled = answered(
      await chat.chat({ message: 'scale payments-worker to 4' }, OPERATOR, null),
    );
    succeeded(await chat.confirm(scaled.confirmationToken ?? '', OPERATOR, null));
    const res = answered(
      await chat.chat({ message: 'undo the last change to payments-worker' }, OPERATOR, null),
    );
    expect(res.intent.intent).toBe('revert');
    expect(res.plan[0]?.action).toBe('revert');
    const done = succeeded(await chat.confirm(res.confirmationToken ?? '', OPERATOR, null));
    expect(done.auditEvents[0]).toMatchObject({ action: 'revert', parameters: { replicas: 2 } });
  });

  it('says what it can do when it does not understand, and what is missing', async () => {
    const unknown = answered(
      await h.service().chat({ message: 'make me a sandwich' }, VIEWER, null),
    );
    expect(unknown.intent.intent).toBe('unknown');
    expect(unknown.reply).toContain('scale backend to 5');
    const top = answered(
      await h.service().chat({ message: "what's using the most memory in prod" }, VIEWER, null),
    );
    expect(top.reply).toMatch(/metrics are not available/i);
    const recs = answered(
      await h.service().chat({ message: 'apply recommendation 2' }, OPERATOR, null),
    );
    expect(recs.reply).toMatch(/recommendations are not available/i);
    expect(recs.confirmationToken).toBeNull();
  });

  it('generates manifests for a template but offers nothing it could not validate', async () => {
    const res = answered(
      await h
        .service()
        .chat({ message: 'create a redis cluster with 3 replicas in staging' }, OPERATOR, null),
    );
    expect(res.intent.intent).toBe('create');
    expect(res.generatedCode[0]?.language).toBe('yaml');
    expect(res.generatedCode[0]?.content).toContain('kind: StatefulSet');
    expect(res.generatedCode[0]?.content).toContain('replicas: 3');
    expect(res.generatedCode[0]?.content).toContain('readinessProbe');
    expect(res.confirmationToken).toBeNull();
  });

  it('refuses malformed input as a ValidationError naming the field, storing nothing', async () => {
    const chat = h.service();
    const count = async () =>
      Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM chat_messages'))[0]?.n);
    const before = await count();
    const cases: [Parameters<typeof chat.chat>[0], string][] = [
      [{ message: '   ' }, 'message'],
      [{ message: 'x'.repeat(2001) }, 'message'],
      [{ message: 'restart cart\u0000' }, 'message'],
      [{ message: 'restart \ud800cart' }, 'message'],
      [{ message: 'list pods', conversationId: 'not-an-id' }, 'conversationId'],
      [{ message: 'list pods', context: { namespace: 'n'.repeat(254) } }, 'context.namespace'],
    ];
    for (const [input, path] of cases) {
      const res = await chat.chat(input, OPERATOR, null);
      expect(res, JSON.stringify(input).slice(0, 60)).toBeInstanceOf(ValidationError);
      expect((res as ValidationError).fields.map((f) => f.path)).toContain(path);
    }
    const unknown = await chat.chat(
      { message: 'list pods', conversationId: '00000000-0000-4000-8000-000000000000' },
      OPERATOR,
      null,
    );
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(await count()).toBe(before);
  });

  it('plans one step per name for "scale checkout and cart to 3" and reports each outcome', async () => {
    const chat = h.service();
    const plan = answered(
      await chat.chat({ message: 'scale checkout and cart to 3' }, OPERATOR, null),
    );
    expect(plan.plan.map((p) => [p.action, p.target?.name, p.parameters])).toEqual([
      ['scale', 'checkout', { replicas: 3 }],
      ['scale', 'cart', { replicas: 3 }],
    ]);
    const done = succeeded(await chat.confirm(plan.confirmationToken ?? '', OPERATOR, null));
    expect(done.steps.map((o) => [o.index, o.status, o.target?.name])).toEqual([
      [0, 'SUCCEEDED', 'checkout'],
      [1, 'SUCCEEDED', 'cart'],
    ]);
  });

  it('reports a plan that failed part-way as PLAN_INCOMPLETE with every step, never as success', async () => {
    const chat = h.service();
    const list = answered(await chat.chat({ message: 'list deployments in dev' }, OPERATOR, null));
    const plan = answered(
      await chat.chat(
        { message: 'restart them', conversationId: list.conversationId },
        OPERATOR,
        null,
      ),
    );
    expect(plan.plan.map((p) => p.target?.name)).toEqual(['web', 'worker-a', 'worker-b']);
    // worker-a goes away between the preview and the confirmation.
    const gone = h.provider.resources.findIndex((r) => r.name === 'worker-a');
    const [removed] = h.provider.resources.splice(gone, 1);
    try {
      const before = executed().length;
      const result = await chat.confirm(plan.confirmationToken ?? '', OPERATOR, null);
      expect(result).toBeInstanceOf(PlanIncompleteError);
      const incomplete = result as PlanIncompleteError;
      expect(incomplete.code).toBe('PLAN_INCOMPLETE');
      expect(incomplete.steps.map((o) => [o.index, o.action, o.status])).toEqual([
        [0, 'restart', 'SUCCEEDED'],
        [1, 'restart', 'FAILED'],
        [2, 'restart', 'NOT_RUN'],
      ]);
      const failed = incomplete.steps[1];
      expect(failed?.status === 'FAILED' && failed.error).toBeInstanceOf(NotFoundError);
      expect(incomplete.auditEvents.map((e) => e.target?.name)).toEqual(['web']);
      expect(executed().length).toBe(before + 1);
    } finally {
      if (removed) h.provider.resources.splice(gone, 0, removed);
    }
  });

  it('keeps no generated password at rest: made at confirmation, only in the created Secret', async () => {
    // A stand-in for the API server's dry run (the lab's real one is in test/integration/chat.test.ts).
    const manifests = {
      defaultCluster: () => 'lab',
      validate: async (_c: string, ms: Record<string, unknown>[]) =>
        ms.map((m) => ({ object: String(m.kind), ok: true, message: 'ok' })),
    };
    const chat = h.service({ manifests });
    const res = answered(
      await chat.chat({ message: 'spin up postgres in prod called orders-db' }, OPERATOR, null),
    );
    expect(res.requiresConfirmation).toBe(true);
    // The plan shown and stored refers to the Secret; it holds no value, not even a placeholder.
    const planned = JSON.stringify(res.generatedCode);
    expect(planned).toContain('secretKeyRef');
    expect(planned).not.toMatch(/stringData|POSTGRES_PASSWORD: /);
    succeeded(await chat.confirm(res.confirmationToken ?? '', OPERATOR, null));
    const created = executed().at(-1) as { verb: string; params: { manifests: Manifest[] } };
    expect(created.verb).toBe('create');
    const secret = created.params.manifests.find((m) => m.kind === 'Secret');
    const password = (secret?.stringData as { POSTGRES_PASSWORD: string }).POSTGRES_PASSWORD;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    // Nothing the orchestrator stores holds it: plans, messages, the audit log.
    for (const table of ['chat_plans', 'chat_messages', 'chat_conversations', 'audit_records']) {
      const [row] = await h.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} t WHERE strpos(t::text, $1) > 0`,
        [password],
      );
      expect(row?.n, table).toBe(0);
    }
    expect(JSON.stringify(res.generatedCode)).not.toContain(password);
  });
});
