import type { Resource, ResourceKind } from '../providers/provider.ts';
import { nativeIdOf } from '../providers/ids.ts';
import type { Entities, IntentName } from './intents.ts';
import { editDistance, typoBudget } from './text.ts';

export type Resolution =
  | { kind: 'found'; resource: Resource }
  | { kind: 'ambiguous'; candidates: Resource[] }
  | { kind: 'none'; near: Resource[] };

const WORKLOADS: ResourceKind[] = ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET'];

/** Where each intent looks when the request names no kind. */
export const DEFAULT_KINDS: Partial<Record<IntentName, ResourceKind[]>> = {
  scale: ['DEPLOYMENT', 'STATEFULSET', 'AUTO_SCALING_GROUP'],
  scale_relative: ['DEPLOYMENT', 'STATEFULSET', 'AUTO_SCALING_GROUP'],
  stop: ['DEPLOYMENT', 'STATEFULSET', 'EC2_INSTANCE', 'RDS_INSTANCE'],
  start: ['DEPLOYMENT', 'STATEFULSET', 'EC2_INSTANCE', 'RDS_INSTANCE'],
  restart: [...WORKLOADS, 'EC2_INSTANCE'],
  cordon: ['NODE'],
  uncordon: ['NODE'],
  delete: [...WORKLOADS, 'SERVICE', 'POD', 'EC2_INSTANCE', 'RDS_INSTANCE', 'EBS_VOLUME'],
};

/**
 * When two resources in one place share a name (Deployment web and Service web), the one a
 * person most likely means. Not used for deletes, which always ask.
 */
const KIND_RANK: ResourceKind[] = [
  'DEPLOYMENT',
  'STATEFULSET',
  'DAEMONSET',
  'EC2_INSTANCE',
  'RDS_INSTANCE',
  'AUTO_SCALING_GROUP',
  'NODE',
  'NAMESPACE',
  'SERVICE',
  'HORIZONTAL_POD_AUTOSCALER',
  'EBS_VOLUME',
  'PERSISTENT_VOLUME_CLAIM',
  'PERSISTENT_VOLUME',
  'POD',
  'REPLICASET',
];

/** How well `query` names `r`: 100 exact, down to 0 for no resemblance. */
export function nameScore(query: string, r: Resource): number {
  const q = query.toLowerCase().replace(/\s+/g, '-');
  const name = r.name.toLowerCase();
  if (name === q || nativeIdOf(r.id).toLowerCase() === q) return 100;
  const tagName = r.labels.Name?.toLowerCase();
  if (tagName === q) return 98;
  const segments = name.split(/[-_.]/);
  if (name.startsWith(`${q}-`) || name.endsWith(`-${q}`)) return 82;
  if (segments.includes(q)) return 78;
  if (name.startsWith(q) && q.length >= 3) return 76;
  const budget = typoBudget(q);
  // node-9 is not a typo of node-1: numbers in names are identities, not spelling.
  const digits = (x: string) => x.replace(/\D/g, '');
  if (budget > 0 && digits(q) === digits(name)) {
    const d = editDistance(q, name, budget);
    if (d <= budget) return 72 - 6 * d;
    const seg = Math.min(...segments.map((s) => editDistance(q, s, budget)));
    if (seg <= budget && q.length >= 4) return 58 - 6 * seg;
  }
  if (q.length >= 4 && name.includes(q)) return 55;
  return 0;
}

/** A pod of a Deployment is named `<deployment>-<hash>-<hash>`: not what a person names. */
const generated = (r: Resource) => r.kind === 'POD' || r.kind === 'REPLICASET';

/**
 * Finds the one resource a request means. Ties are never broken by guessing: two equally good
 * candidates in different places (namespaces, clusters) make an ambiguity for the user to settle.
 */
export function resolveTarget(
  resources: readonly Resource[],
  entities: Entities,
  intent: IntentName,
): Resolution {
  const query = entities.name;
  if (!query) return { kind: 'none', near: [] };
  // "roll the backend pods": pods named after a workload are that workload's pods.
  if (entities.kind === 'POD' && DEFAULT_KINDS[intent]) {
    const owner = resolveIn(resources, entities, intent, WORKLOADS);
    if (owner.kind === 'found' && owner.resource.name === query) return owner;
  }
  const found = resolveIn(
    resources,
    entities,
    intent,
    entities.kind ? [entities.kind] : DEFAULT_KINDS[intent],
  );
  // "restart the cart pods", "the backend service": the kind word described the workload.
  if (found.kind === 'none' && entities.kind && DEFAULT_KINDS[intent]) {
    return resolveIn(resources, entities, intent, DEFAULT_KINDS[intent]);
  }
  return found;
}

function resolveIn(
  resources: readonly Resource[],
  entities: Entities,
  intent: IntentName,
  kinds: ResourceKind[] | undefined,
): Resolution {
  const query = entities.name ?? '';
  const pool = resources.filter(
    (r) =>
      (!kinds || kinds.includes(r.kind)) &&
      (!entities.namespace || r.namespace === entities.namespace || r.kind === 'NAMESPACE') &&
      (!entities.cluster || r.cluster === entities.cluster),
  );
  const scored = pool
    .map((r) => ({ r, score: nameScore(query, r) - (generated(r) && !entities.kind ? 10 : 0) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return { kind: 'none', near: [] };
  // Within a few points is "as good": a prefix match must not silently beat another prefix.
  const top = scored
    .filter((s) => s.score >= best.score - (best.score >= 98 ? 0 : 4))
    .map((s) => s.r);
  if (top.length === 1) return { kind: 'found', resource: top[0] as Resource };
  if (intent !== 'delete') {
    const places = new Set(top.map((r) => `${r.cluster}/${r.namespace ?? ''}/${r.name}`));
    if (places.size === 1) {
      const ranked = [...top].sort((a, b) => KIND_RANK.indexOf(a.kind) - KIND_RANK.indexOf(b.kind));
      return { kind: 'found', resource: ranked[0] as Resource };
    }
  }
  return { kind: 'ambiguous', candidates: top.slice(0, 8) };
}

export function describeResource(r: Resource): string {
  const where = r.namespace ? `${r.namespace}/${r.name}` : r.name;
  return `${r.kind.toLowerCase().replace(/_/g, ' ')} \`${where}\`${r.cluster ? ` (${r.cluster})` : ''}`;
}
