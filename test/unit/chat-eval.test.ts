// Runs the evaluation set through the built-in understanding and asserts its accuracy.
import { describe, expect, it } from 'vitest';
import type { Memory } from '../../src/chat/intents.ts';
import { remember, understand, type Understanding } from '../../src/chat/understand.ts';
import { EVAL_CASES, type EvalCase } from './chat-eval.ts';
import { fixtureResources } from './chat-fixtures.ts';

const TARGET_ACCURACY = 0.95;
const resources = fixtureResources();

function where(u: Understanding): string | undefined {
  const t = u.target;
  return t ? (t.namespace ? `${t.namespace}/${t.name}` : t.name) : undefined;
}

/** The differences between what was expected and what was understood (empty: a pass). */
function check([say, intent, expected = {}]: EvalCase): string[] {
  const messages = Array.isArray(say) ? say : [say];
  let memory: Memory = {};
  let u: Understanding | undefined;
  for (const m of messages) {
    u = understand(m, memory, resources);
    memory = remember(memory, u);
  }
  if (!u) return ['no message'];
  const problems: string[] = [];
  const got = u.interpretation;
  if (got.intent !== intent) problems.push(`intent ${got.intent} != ${intent}`);
  const { target, ambiguous, notFound, ...entities } = expected;
  for (const [k, v] of Object.entries(entities)) {
    const actual = (got.entities as Record<string, unknown>)[k];
    if (actual !== v) problems.push(`${k} ${JSON.stringify(actual)} != ${JSON.stringify(v)}`);
  }
  if (target && where(u) !== target) problems.push(`target ${where(u) ?? '-'} != ${target}`);
  if (ambiguous && !u.candidates?.length)
    problems.push(`not ambiguous (target ${where(u) ?? '-'})`);
  if (notFound && !u.notFound) problems.push(`not "not found" (target ${where(u) ?? '-'})`);
  return problems;
}

describe('chat evaluation set', () => {
  it('has at least 150 varied phrasings', () => {
    expect(EVAL_CASES.length).toBeGreaterThanOrEqual(150);
  });

  it(`understands at least ${TARGET_ACCURACY * 100}% of them`, () => {
    const failures: string[] = [];
    for (const c of EVAL_CASES) {
      const problems = check(c);
      if (problems.length) failures.push(`${JSON.stringify(c[0])}: ${problems.join('; ')}`);
    }
    const accuracy = (EVAL_CASES.length - failures.length) / EVAL_CASES.length;
    console.log(
      `chat eval: ${EVAL_CASES.length - failures.length}/${EVAL_CASES.length} = ${(accuracy * 100).toFixed(1)}%` +
        (failures.length ? `\nmisses:\n  ${failures.join('\n  ')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(TARGET_ACCURACY);
  });
});
