// What a chat message names: resources, namespaces, clusters, kinds, numbers and periods,
// with misspelt keywords corrected and pronouns told apart from names.
import type { Entities } from './intents.ts';
import {
  FILLER,
  KEYWORDS,
  KIND_PHRASES,
  KIND_WORDS,
  METRIC_WORDS,
  periodOf,
  STATE_WORDS,
  TEMPLATE_WORDS,
  WORKLOAD_WORDS,
} from './lexicon.ts';
import { VERB_SET } from './classify.ts';
import { closest, normalize, NUMBER_PATTERN, numberOf } from './text.ts';

/** Names the parser can recognise as such (from the provider caches). */
export interface Vocabulary {
  names: ReadonlySet<string>;
  namespaces: ReadonlySet<string>;
  clusters: ReadonlySet<string>;
}

const N = NUMBER_PATTERN;
const KEYWORD_SET = new Set(KEYWORDS);
const CORRECTABLE = [...new Set(KEYWORDS)];
/** A pronoun for one thing the conversation showed or acted on. */
export const REFERENCE = /\b(it|its|that one|this one|that|this|the same one)\b/;
/** A pronoun for all of them. */
export const ALL =
  /\b(them|their|those|these|both|all of them|each of them|every one of them|all)\b/;
/** The words left once pronouns are taken out (they name nothing). */
export const withoutPronouns = (t: string) =>
  t.replace(new RegExp(REFERENCE.source, 'g'), ' ').replace(new RegExp(ALL.source, 'g'), ' ');
const SHORT_FILLER = [...FILLER].filter((w) => w.length === 3);
const letters = (w: string) => [...w].sort().join('');

/** Fixes misspelled keywords ("restrat" -> "restart"), never known resource names. */
function correct(words: string[], vocab: Vocabulary): string[] {
  return words.map((w) => {
    if (KEYWORD_SET.has(w) || VERB_SET.has(w) || FILLER.has(w)) return w;
    if (vocab.names.has(w) || vocab.namespaces.has(w)) return w;
    if (!/^[a-z]+$/.test(w)) return w;
    // "teh": too short for an edit budget, but two letters swapped in a word like "the".
    if (w.length === 3) return SHORT_FILLER.find((f) => letters(f) === letters(w)) ?? w;
    return closest(w, CORRECTABLE) ?? w;
  });
}

/** A word that names a namespace (exactly, or misspelled and naming no resource). */
export function namespaceOf(word: string, vocab: Vocabulary): string | undefined {
  if (vocab.namespaces.has(word)) return vocab.names.has(word) ? undefined : word;
  if (vocab.names.has(word) || closest(word, vocab.names)) return undefined;
  return closest(word, vocab.namespaces);
}

/** Whether a name could be meant for a resource we know (exactly or misspelled). */
export const knownish = (name: string, vocab: Vocabulary) =>
  vocab.names.has(name) || closest(name, vocab.names) !== undefined;

/** Cuts the first match of `re` out of `state.rest`, returning its groups. */
function take(state: { rest: string }, re: RegExp): RegExpExecArray | null {
  const m = re.exec(state.rest);
  if (m) state.rest = `${state.rest.slice(0, m.index)} ${state.rest.slice(m.index + m[0].length)}`;
  return m;
}

export function extract(
  text: string,
  vocab: Vocabulary,
  creating = false,
): { entities: Entities; rest: string } {
  const s = { rest: ` ${text} ` };
  const e: Entities = {};
  const slash = take(
    s,
    /\b(deploy|deployment|sts|statefulset|ds|daemonset|po|pod|node|no|svc|service)\/([a-z0-9][a-z0-9.-]*)/,
  );
  if (slash?.[1] && slash[2]) {
    e.kind = KIND_WORDS[slash[1] === 'no' ? 'node' : slash[1]];
    e.name = slash[2];
  }
  const label =
    take(
      s,
      /\b(?:with |having )?(?:the )?(?:label(?:l?ed)?|selector|tagged)\s+([a-z0-9_./-]+\s*!?=\s*[a-z0-9_.-]+(?:,[a-z0-9_./-]+!?=[a-z0-9_.-]+)*)/,
    ) ??
    take(s, /\b((?!replicas)[a-z][a-z0-9_./-]*!?=[a-z0-9_.-]+(?:,[a-z0-9_./-]+!?=[a-z0-9_.-]+)*)/);
  if (label?.[1]) e.label = label[1].replace(/\s+/g, '');
  const image = take(
    s,
    /\b(?:from |using |with )?(?:the )?(?:image|container image)\s+([a-z0-9][a-z0-9._/:@-]*)/,
  );
  if (image?.[1]) e.image = image[1];
  const port = take(s, /\b(?:on )?port\s+(\d{1,5})\b/);
  if (port?.[1]) e.port = Number(port[1]);
  const ns =
    take(
      s,
      /\b(?:in|from|on|within|across|of|for)\s+(?:the\s+)?(?:namespace|ns)\s+([a-z0-9][a-z0-9-]*)/,
    ) ??
    take(
      s,
      /\b(?:in|from|on|within|of|for)\s+(?:the\s+)?([a-z0-9][a-z0-9-]*)\s+(?:namespace|ns)\b/,
    ) ??
    take(s, /\s-n\s+([a-z0-9][a-z0-9-]*)/) ??
    take(s, /\b(?:namespace|ns)[=:]\s*([a-z0-9][a-z0-9-]*)/);
  if (ns?.[1]) e.namespace = ns[1];
  else {
    const inWhat = /\b(?:in|from|on|within|across)\s+(?:the\s+)?([a-z0-9][a-z0-9-]*)\b/g;
    for (let m = inWhat.exec(s.rest); m; m = inWhat.exec(s.rest)) {
      const word = m[1] ?? '';
      const namespace = namespaceOf(word, vocab);
      if (namespace) {
        e.namespace = namespace;
        s.rest = s.rest.replace(m[0], ' ');
        break;
      }
      if (vocab.clusters.has(word)) {
        e.cluster = word;
        s.rest = s.rest.replace(m[0], ' ');
        break;
      }
    }
  }
  const rec = take(
    s,
    new RegExp(`\\b(?:recommendation|rec|suggestion)s?\\s+(?:number\\s+|no\\s+)?${N}\\b`),
  );
  const recNth = rec
    ? null
    : take(
        s,
        /\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?:recommendation|rec|suggestion)\b/,
      );
  if (rec?.[1]) e.recommendation = numberOf(rec[1]);
  if (recNth?.[1]) {
    const nth = ['first', 'second', 'third', 'fourth', 'fifth'];
    const i = nth.indexOf(recNth[1]);
    e.recommendation = i >= 0 ? i + 1 : Number(recNth[1].replace(/\D/g, ''));
  }
  const ordinal = take(
    s,
    /\b(?:the\s+)?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?:one|of them)\b/,
  );
  if (ordinal?.[1]) {
    const nth = ['first', 'second', 'third', 'fourth', 'fifth'];
    const i = nth.indexOf(ordinal[1]);
    e.ordinal = ordinal[1] === 'last' ? -1 : i >= 0 ? i + 1 : Number(ordinal[1].replace(/\D/g, ''));
  }
  const limit = take(
    s,
    /\b(?:top|last|latest|recent)\s+(\d{1,3})\b(?!\s*(?:minute|min|hour|hr|day|week|month)s?\b)/,
  );
  if (limit?.[1]) e.limit = Number(limit[1]);
  const direction =
    /\b(up|down|out|increase|add|grow|bump|decrease|reduce|shrink|remove|drop|cut)\b/.exec(
      s.rest,
    )?.[1];
  const by = take(s, new RegExp(`\\bby\\s+([+-]?)${N}\\b`));
  const delta =
    (by && (direction || by[1]) ? by : null) ??
    take(s, new RegExp(`\\b(add|remove|drop|cut)\\s+(?:another\\s+)?${N}\\b`)) ??
    take(s, new RegExp(`\\b${N}\\s+(more|fewer|less|extra|additional)\\b`));
  if (by && !delta) s.rest = `${s.rest} ${by[0]}`;
  if (delta) {
    const [, a, b] = delta;
    const word = delta === by ? by[1] || direction : numberOf(a) === undefined ? a : b;
    const n = numberOf(delta === by ? b : numberOf(a) === undefined ? b : a) ?? 1;
    const down = /^(down|in|decrease|reduce|shrink|remove|drop|cut|fewer|less|-)$/.test(word ?? '');
    e.delta = down ? -n : n;
  }
  const replicas =
    take(s, new RegExp(`\\breplicas?\\s*(?:=|:|to|at)\\s*${N}\\b`)) ??
    take(
      s,
      new RegExp(
        `\\b(?:to|at|with|has|have|run)\\s+(?:only\\s+)?${N}(?:\\s+(?:replicas?|pods?|copies|instances|nodes|members))?\\b`,
      ),
    ) ??
    take(s, new RegExp(`\\b${N}\\s+(?:replicas?|pods?|copies|instances|nodes|members)\\b`)) ??
    take(s, new RegExp(`\\bx\\s?${N}\\b`)) ??
    take(s, new RegExp(`\\b(?:make|set)\\s+(?:it|that|them|this)\\s+(?:to\\s+)?${N}\\b`));
  if (replicas?.[1] !== undefined && e.delta === undefined) e.replicas = numberOf(replicas[1]);
  const actor = take(
    s,
    /\b(?:by|from|did)\s+(?:user\s+)?([a-z][a-z0-9._@-]*)\s*(?:do|did|make|run)?\b(?=.*$)/,
  );
  if (actor?.[1] && /\b(audit|history|actions|changes|events|did|done|activity)\b/.test(text)) {
    e.actor = actor[1];
  } else if (actor) {
    s.rest = `${s.rest} ${actor[0]}`; // not an actor after all; give the words back
  }
  const period = periodOf(s.rest);
  if (period) {
    e.period = period;
    s.rest = s.rest.replace(
      /\b(?:over |in |for )?(?:the )?(?:last|past|previous)\s+(?:\S+\s+)?(?:minute|min|hour|hr|day|week|month)s?\b|\btoday\b|\bthis week\b|\byesterday\b/,
      ' ',
    );
  }
  const named = take(s, /\b(?:called|named|name it|name)\s+([a-z0-9][a-z0-9.-]*)\b/);
  if (named?.[1]) e.name = named[1];

  const words = s.rest.split(/\s+/).filter(Boolean);
  const left: string[] = [];
  for (const w of words) {
    const kind = KIND_WORDS[w];
    if (kind && !(kind === 'RDS_INSTANCE' && e.template)) {
      e.kind ??= kind;
      continue;
    }
    if (WORKLOAD_WORDS.has(w)) continue;
    const state = STATE_WORDS[w];
    if (state) {
      e.state ??= state;
      continue;
    }
    const metric = METRIC_WORDS[w];
    if (metric) {
      e.metric ??= metric;
      continue;
    }
    const template = TEMPLATE_WORDS[w];
    if (template && (creating || !vocab.names.has(w))) {
      e.template ??= template;
      continue;
    }
    left.push(w);
  }
  return { entities: e, rest: left.join(' ') };
}

const nameWords = (rest: string) =>
  rest.split(' ').filter((w) => w && !FILLER.has(w) && !VERB_SET.has(w) && !/^\d+$/.test(w));

/**
 * The name-ish words left once everything else is recognised, known names first; a misspelt
 * name that is near one known name only ("storefrnt") is read as that name.
 */
export function nameFrom(rest: string, vocab: Vocabulary): string | undefined {
  const words = nameWords(rest);
  if (words.length === 0) return undefined;
  const joined = words.join('-');
  if (vocab.names.has(joined)) return joined;
  const known = words.find((w) => vocab.names.has(w));
  if (known) return known;
  const guess = words.length <= 3 ? joined : (words[0] as string);
  // "worker" is part of worker-a and worker-b, not a misspelt "workers": the resolver decides.
  const partial = [...vocab.names].some((n) => n.startsWith(guess) || n.includes(`-${guess}`));
  return partial ? guess : (closest(guess, vocab.names) ?? guess);
}

/**
 * "scale frontend and payments-worker to 3", "stop worker-a, worker-b": two or more names
 * for resources we know, joined by "and" (or only listed), or undefined.
 */
export function namesFrom(rest: string, vocab: Vocabulary): string[] | undefined {
  const segments = rest.split(/\s+(?:and|&|plus|as well as)\s+/);
  const names =
    segments.length > 1
      ? segments.map((s) => nameFrom(s, vocab))
      : nameWords(rest).length > 1 && !vocab.names.has(nameWords(rest).join('-'))
        ? nameWords(rest)
        : [];
  const distinct = [...new Set(names)];
  if (distinct.length < 2 || names.length !== distinct.length) return undefined;
  if (distinct.some((n) => n === undefined)) return undefined;
  // Joined by "and", one known name is enough (the others will be reported if unknown);
  // a bare list of words must be all names.
  const known = (distinct as string[]).filter((n) => knownish(n, vocab));
  const enough = segments.length > 1 ? known.length > 0 : known.length === distinct.length;
  return enough ? (distinct as string[]) : undefined;
}

/** A phrasal verb split by its object: "turn it back on", "shut cart off", "bring them up". */
const PHRASAL =
  /\b(shut|turn|switch|power|bring|wake|spin)\s+([a-z0-9][a-z0-9-]*)\s+(?:back\s+)?(off|on|down|up)\b/g;

/** Lower case, kind phrases joined, keywords corrected, "node 2" joined to a known node-2. */
export function prepare(message: string, vocab: Vocabulary): string {
  let text = normalize(message);
  for (const [re, word] of KIND_PHRASES) text = text.replace(re, word);
  text = correct(text.split(' '), vocab).join(' ');
  // "shut it off", "turn web back on": the particle goes back to its verb.
  text = text.replace(PHRASAL, '$1 $3 $2');
  return text.replace(/\b([a-z][a-z0-9-]*) (\d{1,4})\b/g, (m, w: string, n: string) =>
    vocab.names.has(`${w}-${n}`) ? `${w}-${n}` : m,
  );
}
