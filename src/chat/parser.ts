import type { AuditAction } from '../audit/types.ts';
import { MUTATING, type Interpretation, type Memory } from './intents.ts';
import { asksSomething, classify, CREATE } from './classify.ts';
import {
  ALL,
  extract,
  knownish,
  nameFrom,
  namesFrom,
  namespaceOf,
  prepare,
  REFERENCE,
  withoutPronouns,
  type Vocabulary,
} from './entities.ts';
import { bareNumber, continuation, continues, merge, type Fragment } from './followup.ts';
import { negations } from './negation.ts';

/** What a message that asks nothing itself ("the one in staging", "3 instead") says. */
function fragmentOf(text: string, vocab: Vocabulary): Fragment {
  const { entities, rest } = extract(text, vocab);
  const plural = ALL.test(rest);
  const pronoun = plural || REFERENCE.test(rest);
  const names = entities.name ? undefined : namesFrom(withoutPronouns(rest), vocab);
  if (names) return { entities, names };
  let name = entities.name ?? nameFrom(withoutPronouns(rest), vocab);
  delete entities.name;
  const namespace = name ? namespaceOf(name, vocab) : undefined;
  if (namespace) {
    entities.namespace = namespace;
    name = undefined;
  }
  if (pronoun && !name) entities.reference = plural ? 'all' : 'previous';
  const number =
    entities.replicas === undefined && entities.delta === undefined ? bareNumber(rest) : undefined;
  return { entities, name, number };
}

const DEFAULT_STEP = 1;

/** Intents that are about resources the conversation may refer to ("it", "them"). */
const REFERRING = new Set([
  'scale',
  'scale_relative',
  'stop',
  'start',
  'restart',
  'delete',
  'cordon',
  'uncordon',
  'describe_resource',
  'resource_usage',
  'revert',
]);

/** What each intent makes of the words around it (audit filters, template defaults, steps). */
function refine(interpretation: Interpretation, text: string): Interpretation {
  const { intent, entities } = interpretation;
  if (intent === 'scale_relative' && entities.delta === undefined) {
    entities.delta = /\b(down|in|decrease|shrink|reduce|fewer|less)\b/.test(text)
      ? -DEFAULT_STEP
      : DEFAULT_STEP;
  }
  if (intent === 'audit_log') {
    const verb = /\b(scal|restart|delet|stop|start|cordon|uncordon|revert|reboot)\w*/.exec(
      text.replace(/\b(audit|history)\b/g, ''),
    );
    const map: Record<string, AuditAction> = {
      scal: 'scale',
      restart: 'restart',
      delet: 'delete',
      stop: 'stop',
      start: 'start',
      cordon: 'cordon',
      uncordon: 'uncordon',
      revert: 'revert',
      reboot: 'reboot',
    };
    const stem = verb?.[1] ?? (verb ? verb[0].replace(/(ed|ing|s|e)$/, '') : undefined);
    const action = verb
      ? Object.entries(map).find(([k]) => (stem ?? verb[0]).startsWith(k))?.[1]
      : undefined;
    if (action) entities.action = action;
    if (/\b(failed|failures?|errors?|unsuccessful)\b/.test(text)) entities.status = 'FAILED';
    else if (/\b(succeeded|successful)\b/.test(text)) entities.status = 'SUCCEEDED';
    else if (/\bpending\b/.test(text)) entities.status = 'PENDING';
    delete entities.state;
    delete entities.name;
    delete entities.kind;
  }
  if (intent === 'create') {
    entities.template ??= 'deployment';
    if (
      entities.replicas === undefined &&
      /\bcluster\b/.test(text) &&
      entities.template === 'redis'
    )
      entities.replicas = 3;
  }
  if (!REFERRING.has(intent)) {
    delete entities.reference;
    delete entities.ordinal;
  }
  // Only a change is planned over several names; a question is about the first.
  if (entities.names && !MUTATING.has(intent)) {
    if (REFERRING.has(intent) || intent === 'list_resources') entities.name = entities.names[0];
    delete entities.names;
  }
  // Intents without a target do not keep a guessed name from leftover words.
  if (
    [
      'status',
      'overview',
      'help',
      'list_recommendations',
      'confirm',
      'cancel',
      'unknown',
      'top_usage',
    ].includes(intent)
  ) {
    delete entities.name;
  }
  return interpretation;
}

/** A message read on its own (the conversation only supplies "it"). */
function fresh(text: string, memory: Memory, vocab: Vocabulary): Interpretation {
  const { entities, rest } = extract(text, vocab, CREATE.test(text));
  const plural = ALL.test(rest);
  const pronoun = REFERENCE.test(text);
  const names = entities.name ? undefined : namesFrom(withoutPronouns(rest), vocab);
  if (names) entities.names = names;
  else if (!entities.name) {
    const name = nameFrom(withoutPronouns(rest), vocab);
    // "undo the last change to it": an unknown word next to a pronoun is not a name.
    if (name && !(pronoun && !knownish(name, vocab))) entities.name = name;
  }
  if ((pronoun || plural) && !entities.name && entities.ordinal === undefined)
    entities.reference = plural ? 'all' : 'previous';
  const hasTarget = Boolean(
    entities.name || entities.names || entities.reference || entities.ordinal !== undefined,
  );
  let [intent, confidence] = classify(text, entities, hasTarget);
  // A follow-up like "make it 5" or "scale it up" targets what the conversation showed.
  if (!hasTarget && REFERRING.has(intent) && memory.lastTargets?.length) {
    entities.reference = 'previous';
  }
  if (intent === 'unknown' && entities.replicas !== undefined && memory.lastTargets?.length) {
    intent = 'scale';
    confidence = 0.75;
    entities.reference ??= 'previous';
  }
  return refine({ intent, confidence, entities }, text);
}

/**
 * The built-in understanding: no network, deterministic. A message is read in the light of
 * the conversation: what it negates comes off first (a refused command, a correction, names
 * to leave out, a state to exclude); a message that asks nothing itself continues the last
 * request with the slots it changes ("and cart too", "3 instead", "the one in staging").
 */
export function parse(message: string, memory: Memory, vocab: Vocabulary): Interpretation {
  const negated = negations(message);
  if (negated.cancelled) return { intent: 'cancel', confidence: 0.9, entities: {} };
  let text = prepare(negated.text, vocab);
  let correcting = negated.correcting;
  if (/\binstead\b/.test(text)) {
    correcting = true;
    text = text
      .replace(/\binstead\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  const { rest, marked } = continuation(text);
  const explicit = marked || correcting || negated.except.length > 0;
  let result: Interpretation | undefined;
  if (!asksSomething(rest)) {
    const fragment = fragmentOf(rest, vocab);
    if (continues(fragment, memory, explicit)) result = refine(merge(memory, fragment), rest);
  } else if (correcting && continues({ entities: {} }, memory, true)) {
    // "no, 4 replicas": a request of the same kind as the last, or of none, corrects it.
    const again = fresh(rest, {}, vocab);
    if (again.intent === 'unknown' || again.intent === memory.lastIntent) {
      const { name, ...entities } = again.entities;
      result = refine(merge(memory, { entities, name }), rest);
    }
  }
  result ??= fresh(text, memory, vocab);
  if (negated.except.length) result.entities.except = negated.except;
  if (negated.notState) result.entities.notState = negated.notState;
  return result;
}
