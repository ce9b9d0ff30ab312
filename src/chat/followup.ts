import type { Entities, IntentName, Interpretation, Memory } from './intents.ts';
import { NUMBER_PATTERN, numberOf } from './text.ts';

/** Intents a later message can continue ("and cart too", "3 instead", "the one in staging"). */
const CONTINUABLE: ReadonlySet<IntentName> = new Set([
  'list_resources',
  'describe_resource',
  'top_usage',
  'resource_usage',
  'list_recommendations',
  'audit_log',
  'scale',
  'scale_relative',
  'stop',
  'start',
  'restart',
  'delete',
  'cordon',
  'uncordon',
  'apply_recommendation',
  'reject_recommendation',
  'revert',
]);

const LEAD =
  /^(?:(?:and|also|now|ok|okay|then|so|just|only|but)\s+)*(?:(?:do\s+)?(?:the\s+)?same(?:\s+thing)?\s+(?:for|with|to|on)\s+|(?:what|how)\s+about\s+|for\s+)?/;
const TAIL = /(?:\s+(?:too|as well|also|again|please|then))+$/;

/** Takes the words that mark a continuation off a message: "and X too" → "X". */
export function continuation(text: string): { rest: string; marked: boolean } {
  const rest = text
    .replace(/^(?:(?:do|run|try)\s+(?:it|that|this)\s+)?again$/, '')
    .replace(LEAD, '')
    .replace(TAIL, '')
    .trim();
  return { rest, marked: rest !== text.trim() };
}

/** What one message contributes to the previous request. */
export interface Fragment {
  entities: Entities;
  name?: string | undefined;
  /** "and checkout and cart too": several names. */
  names?: string[] | undefined;
  /** A number with no slot of its own: it fills the previous request's number. */
  number?: number | undefined;
}

/**
 * A number the extractor left, e.g. "no, 5", "and 2 too", "and cart by 3"; "one" is not
 * one of them ("the one in staging").
 */
export function bareNumber(rest: string): number | undefined {
  const m = new RegExp(`(?:^|\\s)(?:by\\s+)?${NUMBER_PATTERN}(?:\\s|$)`).exec(
    rest.replace(/\bones?\b/g, ' '),
  );
  return numberOf(m?.[1]);
}

/**
 * Whether a fragment can continue the previous request: it answers the question the last
 * reply asked, corrects it, says it continues it ("and", "too", "instead"), or only fills
 * slots (a namespace, a kind, a state, a metric, a period, a number, a position) and names
 * nothing new, so it cannot be a request of its own.
 */
export function continues(f: Fragment, memory: Memory, explicit: boolean): boolean {
  if (!memory.lastIntent || !CONTINUABLE.has(memory.lastIntent)) return false;
  if (explicit || memory.asked) return true;
  if (f.name || f.names) return false;
  return Object.keys(f.entities).length > 0 || f.number !== undefined;
}

/** The previous request with what the fragment changes: slot carry-over. */
export function merge(memory: Memory, f: Fragment): Interpretation {
  const intent = memory.lastIntent as IntentName;
  const last = memory.lastEntities ?? {};
  const merged: Entities = { ...last };
  delete merged.except;
  delete merged.ordinal;
  const { reference, ...given } = f.entities;
  Object.assign(merged, given);
  if (given.replicas !== undefined) delete merged.delta;
  if (given.delta !== undefined) delete merged.replicas;
  const n = f.number;
  if (n !== undefined && given.replicas === undefined && given.delta === undefined) {
    if (intent === 'scale') merged.replicas = n;
    else if (intent === 'scale_relative') merged.delta = (last.delta ?? 1) < 0 ? -n : n;
    else if (intent === 'apply_recommendation' || intent === 'reject_recommendation')
      merged.recommendation = n;
    else if (intent === 'top_usage' || intent === 'audit_log') merged.limit = n;
  }
  if (f.name || f.names) delete merged.names;
  if (intent === 'audit_log' && f.name) {
    merged.actor = f.name; // "what did alice do" → "and bob?"
  } else if (f.names) {
    merged.names = f.names;
    delete merged.name;
    delete merged.reference;
  } else if (f.name) {
    merged.name = f.name;
    delete merged.reference;
  } else if (given.ordinal !== undefined) {
    delete merged.name;
    delete merged.names;
    delete merged.reference;
  } else if (!merged.name && !merged.names && !merged.reference) {
    merged.reference = reference ?? 'previous';
  }
  return { intent, confidence: 0.8, entities: merged };
}
