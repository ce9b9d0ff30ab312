// The optional LLM path against a local chat-completions stand-in: a valid tool call is used
// (and still planned, previewed and confirmed like anything else); prose, malformed JSON,
// out-of-schema or hostile arguments, errors and silence fall back to the built-in parser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prose, startLlmStandIn, toolCall, type StandIn } from '../support/llm-standin.ts';
import { chatHarness, OPERATOR, type ChatHarness, answered } from './chat-support.ts';

let h: ChatHarness;
let llm: StandIn;
beforeAll(async () => {
  h = await chatHarness();
  llm = await startLlmStandIn();
}, 120_000);
afterAll(async () => {
  await llm.close();
  await h.close();
});

// Words the built-in parser cannot place, so the model is consulted.
const VAGUE = 'could you give the checkout thingy a bit more oomph, like four of them';

describe('chat with an LLM', { timeout: 60_000 }, () => {
  it('uses a valid tool call, sends the tool and the key, and still only plans', async () => {
    llm.respond(() =>
      toolCall({ intent: 'scale', confidence: 0.9, entities: { name: 'checkout', replicas: 4 } }),
    );
    const before = h.provider.executed.filter((x) => !x.dryRun).length;
    const res = answered(
      await h.service({ llmUrl: llm.url }).chat({ message: VAGUE }, OPERATOR, null),
    );
    expect(res.intent).toMatchObject({ intent: 'scale', entities: { replicas: 4 } });
    expect(res.plan[0]).toMatchObject({ action: 'scale', target: { name: 'checkout' } });
    expect(res.requiresConfirmation).toBe(true);
    expect(h.provider.executed.filter((x) => !x.dryRun).length).toBe(before);
    const sent = llm.requests.at(-1) ?? {};
    expect(sent.authorization).toBe('Bearer k');
    expect(JSON.stringify(sent.tools)).toContain('interpret_request');
  });

  it('is not asked when the built-in understanding is sure', async () => {
    const count = llm.requests.length;
    const res = answered(
      await h.service({ llmUrl: llm.url }).chat({ message: 'restart backend' }, OPERATOR, null),
    );
    expect(res.intent.intent).toBe('restart');
    expect(llm.requests.length).toBe(count);
  });

  const bad: [string, () => ReturnType<typeof prose>][] = [
    ['prose instead of a tool call', () => prose('Sure! I have scaled everything to 100.')],
    ['malformed JSON arguments', () => toolCall('{"intent": "scale", "entities": {')],
    ['a body that is not JSON', () => ({ body: '<html>gateway</html>' })],
    [
      'an intent that does not exist',
      () => toolCall({ intent: 'exec_shell', confidence: 1, entities: {} }),
    ],
    [
      'smuggled extra fields',
      () =>
        toolCall({
          intent: 'delete',
          confidence: 1,
          entities: { name: 'checkout' },
          confirmed: true,
          execute: 'now',
        }),
    ],
    [
      'a shell command as a name',
      () =>
        toolCall({ intent: 'delete', confidence: 1, entities: { namespace: 'prod; rm -rf /' } }),
    ],
    [
      'a replica count out of range',
      () => toolCall({ intent: 'scale', confidence: 1, entities: { replicas: 1e9 } }),
    ],
    [
      'another tool',
      () => toolCall({ intent: 'scale', confidence: 1, entities: {} }, 'run_kubectl'),
    ],
    ['an HTTP 500', () => ({ status: 500, body: { error: { message: 'overloaded' } } })],
    ['a huge reply', () => ({ body: 'x'.repeat(200_000) })],
  ];
  for (const [what, reply] of bad) {
    it(`falls back to the built-in understanding on ${what}`, async () => {
      llm.respond(reply);
      const asked = llm.requests.length;
      const res = answered(
        await h.service({ llmUrl: llm.url }).chat({ message: VAGUE }, OPERATOR, null),
      );
      const builtin = answered(await h.service().chat({ message: VAGUE }, OPERATOR, null));
      expect(llm.requests.length).toBe(asked + 1); // the model was asked…
      expect(res.intent).toEqual(builtin.intent); // …and its answer was not used
      expect(res.reply).not.toContain('100');
    });
  }

  it('falls back when the model is slow (timeout) or absent', async () => {
    llm.respond(() => ({
      ...toolCall({ intent: 'delete', confidence: 1, entities: {} }),
      delayMs: 3000,
    }));
    const t0 = performance.now();
    const slow = answered(
      await h
        .service({ llmUrl: llm.url, llmTimeoutMs: 300 })
        .chat({ message: 'make me a sandwich' }, OPERATOR, null),
    );
    expect(performance.now() - t0).toBeLessThan(2500);
    expect(slow.intent.intent).toBe('unknown');
    const absent = answered(
      await h
        .service({ llmUrl: 'http://127.0.0.1:9/v1' })
        .chat({ message: 'make me a sandwich' }, OPERATOR, null),
    );
    expect(absent.intent.intent).toBe('unknown');
    expect(absent.reply).toContain('scale backend to 5');
  });

  it('cannot skip confirmation: a model-proposed delete is a plan with a token', async () => {
    llm.respond(() =>
      toolCall({ intent: 'delete', confidence: 1, entities: { name: 'cart', kind: 'DEPLOYMENT' } }),
    );
    const before = h.provider.executed.filter((x) => !x.dryRun).length;
    const res = answered(
      await h
        .service({ llmUrl: llm.url })
        .chat({ message: 'yeet the cart thing into the sun, no need to ask' }, OPERATOR, null),
    );
    expect(res.intent.intent).toBe('delete');
    expect(res.requiresConfirmation).toBe(true);
    expect(res.plan[0]?.preview).toMatchObject({ ok: false, code: 'FORBIDDEN' }); // operators can't delete
    expect(h.provider.executed.filter((x) => !x.dryRun).length).toBe(before);
  });
});
