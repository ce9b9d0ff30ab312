import type { ResourceState } from '../providers/provider.ts';
import { ACTION_WORDS, VERB_SET } from './classify.ts';
import { KEYWORDS, STATE_WORDS } from './lexicon.ts';
import { closest } from './text.ts';

/** What the negations of a message say, and the message with them taken out. */
export interface Negations {
  /** The message without its negated parts (still to be normalised). */
  text: string;
  /** Every instruction in it was negated ("don't restart it", "no, don't"): nothing to do. */
  cancelled: boolean;
  /** It opens by rejecting the last request ("no, the staging one", "not checkout, cart"). */
  correcting: boolean;
  /** "except web", "not the one in prod": names or namespaces to leave out. */
  except: string[];
  /** "pods that are not running". */
  notState?: ResourceState | undefined;
}

/** Hesitation noises that open a message ("hmm no, 2") and mean nothing themselves. */
const HESITATION = /^\s*(?:(?:hmm*|hm+|um+|uh+|erm*|ah+|oh+)\b[\s,.]*)+/;
const NEGATOR = String.raw`(?:don t|dont|do not|never|no need to|let s not|lets not|shouldn t|please don t)`;
/** A negated command: the negator, then what is not to be done. */
const NEGATED = new RegExp(
  String.raw`^(?:(?:no|nope|nah|ok|okay|wait|please|and|so|never ?mind)\s+)*${NEGATOR}\s+(?:to\s+)?(\S+)\s*(.*)$`,
);
/** Words after a negator that refuse the plan itself rather than name a manner ("don't ask"). */
const REFUSALS = new Set(
  'it that this anything do proceed continue go execute run bother confirm apply'.split(' '),
);
/** A clause that only rejects ("no", "nope, wrong one", "sorry, I meant"). */
const MARKER =
  /^(?:(?:no|nope|nah|sorry|oops|wait|actually|rather|wrong one|not that one|not that|i meant|i mean|never ?mind|forget it|cancel|don t|dont|thanks|thank you)\s*)+$/;
const REJECTING = /^(?:no|nope|nah|never ?mind|forget it|cancel|don t|dont)\b/;
/** The same, opening a clause that goes on with the correction ("I meant the one in prod"). */
const LEADING_MARKER =
  /^(?:(?:no|nope|sorry|oops|wait|actually|rather|wrong one|not that one|i meant|i mean)\s+)+/;
const EXCLUSION = /^(?:but\s+)?(?:not|except(?: for)?|excluding|other than|apart from)\s+(.+)$/;
const INNER_EXCLUSION =
  /\s(?:but not|and not|not|except(?: for)?|excluding|other than|apart from|all but)\s+(.+)$/;
const STATE_NEGATION = /\b(?:not|aren t|isn t|arent|isnt|non-?)\s*(?:been\s+)?([a-z]+)\b/g;

/** Whether a word (possibly misspelled) is a verb of something the chat would do. */
function isAction(word: string): boolean {
  const w = VERB_SET.has(word) ? word : (closest(word, KEYWORDS) ?? word);
  return ACTION_WORDS.test(w) || /^(scale|stop|start|delete|restart)/.test(w);
}

/** "the one in prod", "the prod one", "in staging" → "prod", "staging". */
function excluded(item: string): string | undefined {
  const w = item
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/^ones?\s+(?:in|from|on)\s+/, '')
    .replace(/^(?:in|from|on)\s+(?:the\s+)?/, '')
    .replace(/\s+(?:ones?|namespace|deployment)$/, '')
    .trim();
  return w && !/^\d+$/.test(w) ? w.replace(/\s+/g, '-') : undefined;
}

function exclusions(list: string): string[] {
  return list
    .split(/\s+(?:and|or|nor)\s+|\s*,\s*/)
    .map(excluded)
    .filter((w): w is string => Boolean(w));
}

/**
 * Finds what a message negates: a command not to be run, a correction of the last request,
 * resources to leave out, or a state to exclude. Clauses are split at commas, semicolons and
 * "but", so "don't scale backend, scale checkout to 3" keeps its second half.
 */
export function negations(message: string): Negations {
  let t = ` ${message
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, ' ')
    .replace(HESITATION, '')} `;
  const out: Negations = { text: '', cancelled: false, correcting: false, except: [] };
  t = t.replace(STATE_NEGATION, (m, word: string) => {
    const state = STATE_WORDS[word];
    if (!state) return m;
    out.notState ??= state;
    return ' ';
  });
  const clauses = t
    .split(
      /\s*;\s*|,\s+|\s+(?=but\s+(?:not|don t|dont|do not|never)\s)|\s+and\s+(?=(?:don t|dont|do not)\s)/,
    )
    .map((c) => c.replace(/[.!?]+$/, '').trim())
    .filter(Boolean);
  const kept: string[] = [];
  let refused: string | undefined;
  let rejected = false;
  let opening = true; // only rejection markers so far
  for (const [i, clause] of clauses.entries()) {
    if (MARKER.test(clause)) {
      if (opening) out.correcting = true;
      if (REJECTING.test(clause)) rejected = true;
      continue;
    }
    const negated = NEGATED.exec(clause);
    if (negated) {
      const [, word = '', rest = ''] = negated;
      if (isAction(word) || REFUSALS.has(word)) {
        refused = rest.replace(/^(?:the\s+)?/, '');
        rejected = true;
      }
      continue; // "don't ask", "don't wait": a manner, not an instruction
    }
    const exclusion = EXCLUSION.exec(clause);
    if (exclusion?.[1]) {
      out.except.push(...exclusions(exclusion[1]));
      if (i === 0) out.correcting = true;
      opening = false;
      continue;
    }
    let positive = clause;
    if (opening && LEADING_MARKER.test(positive)) {
      out.correcting = true;
      positive = positive.replace(LEADING_MARKER, '');
    }
    const inner = INNER_EXCLUSION.exec(` ${positive}`);
    if (inner?.[1]) {
      out.except.push(...exclusions(inner[1]));
      positive = ` ${positive}`.slice(0, inner.index).trim();
      if (/all but/.test(inner[0])) positive = `${positive} all`;
    }
    opening = false;
    kept.push(positive);
  }
  // "don't stop web, start it": the pronoun of what follows is what was not to be done.
  let text = kept.join(' ');
  if (refused && kept.length) text = text.replace(/\b(it|that|them)\b/, refused);
  out.text = text;
  out.cancelled = kept.length === 0 && rejected;
  return out;
}
