import type { Resource } from '../providers/provider.ts';
import type { IntentName, Interpretation, Memory } from './intents.ts';
import { parse, type Vocabulary } from './parser.ts';
import { resolveTarget } from './resolve.ts';

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
  /** Equally good candidates: ask, never guess. */
  candidates?: Resource[] | undefined;
  /** The name named nothing we know. */
  notFound?: string | undefined;
  /** A targeted intent without any name, and nothing earlier in the conversation to refer to. */
  needsTarget?: boolean | undefined;
}

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

/** Finds the target of an interpretation (from the parser or the LLM alike). */
export function resolveInterpretation(
  interpretation: Interpretation,
  memory: Memory,
  resources: readonly Resource[],
): Understanding {
  const { intent, entities } = interpretation;
  if (!TARGETED.has(intent)) return { interpretation };
  if (!entities.name) {
    const previous = memory.lastTargets?.[0];
    const target = previous ? resources.find((r) => r.id === previous) : undefined;
    if (target) {
      return {
        interpretation: { ...interpretation, entities: { ...entities, name: target.name } },
        target,
      };
    }
    return { interpretation, needsTarget: true };
  }
  let found = resolveTarget(resources, entities, intent);
  // A namespace carried over from the conversation is context, not a requirement.
  if (
    found.kind === 'none' &&
    entities.namespace &&
    memory.lastEntities?.namespace === entities.namespace
  ) {
    found = resolveTarget(resources, { ...entities, namespace: undefined }, intent);
  }
  switch (found.kind) {
    case 'found':
      return {
        interpretation: {
          ...interpretation,
          entities: { ...entities, name: found.resource.name },
        },
        target: found.resource,
      };
    case 'ambiguous':
      return { interpretation, candidates: found.candidates };
    default:
      // A weak guess at "describe <word>" that names nothing is not a request we understood.
      if (intent === 'describe_resource' && interpretation.confidence < 0.5) {
        return { interpretation: { intent: 'unknown', confidence: 0.2, entities: {} } };
      }
      return { interpretation, notFound: entities.name };
  }
}

/** The built-in understanding of one message in a conversation. */
export function understand(
  message: string,
  memory: Memory,
  resources: readonly Resource[],
): Understanding {
  return resolveInterpretation(parse(message, memory, vocabulary(resources)), memory, resources);
}

/** What the conversation remembers after this message. */
export function remember(previous: Memory, u: Understanding): Memory {
  const { intent, entities } = u.interpretation;
  if (intent === 'unknown' || intent === 'help' || intent === 'confirm' || intent === 'cancel') {
    return previous;
  }
  return {
    lastIntent: intent,
    lastEntities: entities,
    lastTargets: u.target ? [u.target.id] : previous.lastTargets,
  };
}
