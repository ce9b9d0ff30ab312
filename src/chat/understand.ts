import type { Resource } from '../providers/provider.ts';
import type { Entities, IntentName, Interpretation, Memory } from './intents.ts';
import type { Vocabulary } from './entities.ts';
import { parse } from './parser.ts';
import { nameScore, resolveTarget } from './resolve.ts';

/** Intents that are about one resource, which must be found before anything else happens. */
export const TARGETED: ReadonlySet<IntentName> = new Set([
  'describe_resource',
  'resource_usage',
  'scale',
  'scale_relative',
  'stop',
  'start',
  'restart',
  'delete',
  'cordon',
  'uncordon',
  'revert',
]);

export interface Understanding {
  interpretation: Interpretation;
  target?: Resource | undefined;
  /** "scale them to 2": every resource the request is about, when it is about several. */
  targets?: Resource[] | undefined;
  /** Equally good candidates: ask, never guess. */
  candidates?: Resource[] | undefined;
  /** The name named nothing we know. */
  notFound?: string | undefined;
  /** A targeted intent without any name, and nothing earlier in the conversation to refer to. */
  needsTarget?: boolean | undefined;
}

/** The most rows a list answer shows; a longer list is not something "them" can mean. */
export const MAX_SHOWN = 20;

export function vocabulary(resources: readonly Resource[]): Vocabulary {
  const names = new Set<string>();
  const namespaces = new Set<string>();
  const clusters = new Set<string>();
  for (const r of resources) {
    if (r.kind !== 'POD' && r.kind !== 'REPLICASET' && r.kind !== 'NAMESPACE')
      names.add(r.name.toLowerCase());
    if (r.namespace) namespaces.add(r.namespace);
    if (r.kind === 'NAMESPACE') namespaces.add(r.name);
    clusters.add(r.cluster.toLowerCase());
  }
  return { names, namespaces, clusters };
}

/** "except web", "not the one in prod": a name (fuzzy) or a namespace left out. */
function excludedBy(except: readonly string[] | undefined, r: Resource): boolean {
  return Boolean(except?.some((x) => r.namespace === x || nameScore(x, r) >= 72));
}

/**
 * Finds the target of an interpretation (from the parser or the LLM alike). A pronoun means
 * what the conversation last showed or acted on: "it" the one thing (a question when there
 * were several), "them" all of them, "the second one" that row; a name answering a question
 * is looked for among the candidates first.
 */
export function resolveInterpretation(
  interpretation: Interpretation,
  memory: Memory,
  resources: readonly Resource[],
): Understanding {
  const { intent, entities } = interpretation;
  if (!TARGETED.has(intent)) return { interpretation };
  const byId = new Map(resources.map((r) => [r.id, r]));
  const shown = (memory.lastTargets ?? [])
    .map((id) => byId.get(id))
    .filter((r): r is Resource => r !== undefined);
  const found = (target: Resource): Understanding => ({
    interpretation: {
      ...interpretation,
      entities: {
        ...entities,
        name: target.name,
        ...(target.namespace ? { namespace: target.namespace } : {}),
      },
    },
    target,
  });
  if (entities.names?.length) return resolveNames(interpretation, memory, resources, shown);
  if (entities.ordinal !== undefined) {
    const pick = entities.ordinal === -1 ? shown.at(-1) : shown[entities.ordinal - 1];
    return pick ? found(pick) : { interpretation, needsTarget: true };
  }
  if (!entities.name) {
    const pool = shown.filter((r) => !excludedBy(entities.except, r));
    if (pool.length === 0) return { interpretation, needsTarget: true };
    if (pool.length === 1) return found(pool[0] as Resource);
    if (entities.reference === 'all') return { interpretation, targets: pool };
    return { interpretation, candidates: pool.slice(0, 8) };
  }
  let result = memory.asked && shown.length ? resolveTarget(shown, entities, intent) : undefined;
  if (result?.kind !== 'found') result = resolveTarget(resources, entities, intent);
  // A namespace carried over from the conversation is context, not a requirement.
  if (
    result.kind === 'none' &&
    entities.namespace &&
    memory.lastEntities?.namespace === entities.namespace
  ) {
    result = resolveTarget(resources, { ...entities, namespace: undefined }, intent);
  }
  if (result.kind === 'ambiguous' && entities.except?.length) {
    const left = result.candidates.filter((r) => !excludedBy(entities.except, r));
    if (left.length === 1) return found(left[0] as Resource);
    if (left.length > 1) result = { kind: 'ambiguous', candidates: left };
  }
  if (result.kind === 'ambiguous') {
    const meant = pointedAt(result.candidates, shown, [memory.lastEntities?.namespace]);
    if (meant) return found(meant);
  }
  switch (result.kind) {
    case 'found':
      return found(result.resource);
    case 'ambiguous':
      return { interpretation, candidates: result.candidates };
    default:
      // A weak guess at "describe <word>" that names nothing is not a request we understood.
      if (intent === 'describe_resource' && interpretation.confidence < 0.5) {
        return { interpretation: { intent: 'unknown', confidence: 0.2, entities: {} } };
      }
      return { interpretation, notFound: entities.name };
  }
}

/**
 * Of equally good candidates, the one the conversation points at: the only one it showed
 * last, or else the only one in a namespace it was about.
 */
function pointedAt(
  candidates: readonly Resource[],
  shown: readonly Resource[],
  namespaces: readonly (string | null | undefined)[],
): Resource | undefined {
  const seen = candidates.filter((c) => shown.some((s) => s.id === c.id));
  if (seen.length === 1) return seen[0];
  for (const ns of namespaces) {
    if (!ns) continue;
    const there = candidates.filter((c) => c.namespace === ns);
    if (there.length === 1) return there[0];
  }
  return undefined;
}

/**
 * "scale frontend and payments-worker to 3": each name is found as a single one would be; an
 * ambiguous one is settled by the others' namespace or the conversation, or asked about; a
 * name that names nothing is reported. Every target found: a plan over all of them.
 */
function resolveNames(
  interpretation: Interpretation,
  memory: Memory,
  resources: readonly Resource[],
  shown: readonly Resource[],
): Understanding {
  const { intent, entities } = interpretation;
  const names = entities.names ?? [];
  const results = names.map((name) => ({
    name,
    result: resolveTarget(resources, { ...entities, name }, intent),
  }));
  const missing = results.find((x) => x.result.kind === 'none');
  if (missing) return { interpretation, notFound: missing.name };
  const settled = results.flatMap((x) => (x.result.kind === 'found' ? [x.result.resource] : []));
  const targets: Resource[] = [];
  for (const { name, result } of results) {
    if (result.kind === 'found') {
      targets.push(result.resource);
      continue;
    }
    if (result.kind !== 'ambiguous') continue;
    const meant = pointedAt(result.candidates, shown, [
      ...settled.map((r) => r.namespace),
      memory.lastEntities?.namespace,
    ]);
    if (!meant) {
      return {
        interpretation: { ...interpretation, entities: { ...entities, name } },
        candidates: result.candidates,
      };
    }
    targets.push(meant);
  }
  return { interpretation, targets: [...new Map(targets.map((r) => [r.id, r])).values()] };
}

/** The built-in understanding of one message in a conversation. */
export function understand(
  message: string,
  memory: Memory,
  resources: readonly Resource[],
): Understanding {
  return resolveInterpretation(parse(message, memory, vocabulary(resources)), memory, resources);
}

/**
 * What an answer to `u` puts in front of the user, in the order shown, for the next message to
 * refer to: a question's candidates, a plan's targets, the resource described, or a list's
 * rows (`rows` lists them as the answer does) when the answer shows them all.
 */
export function shownBy(u: Understanding, rows: (e: Entities) => Resource[]): Resource[] {
  if (u.candidates?.length) return u.candidates;
  if (u.targets?.length) return u.targets;
  if (u.target) return [u.target];
  if (u.interpretation.intent !== 'list_resources') return [];
  const listed = rows(u.interpretation.entities);
  return listed.length <= MAX_SHOWN ? listed : [];
}

/** What the conversation remembers after this message and what its answer showed. */
export function remember(previous: Memory, u: Understanding, shown: readonly Resource[]): Memory {
  const { intent, entities } = u.interpretation;
  if (intent === 'unknown' || intent === 'help' || intent === 'confirm' || intent === 'cancel') {
    return previous;
  }
  return {
    lastIntent: intent,
    lastEntities: entities,
    lastTargets: shown.length ? shown.map((r) => r.id) : previous.lastTargets,
    asked: Boolean(u.candidates?.length),
  };
}
