import { matchesSelector, parseLabelSelector } from './labels.ts';
import type { Resource, ResourceFilter } from './provider.ts';

function oneOf<T>(wanted: readonly T[] | undefined, value: T): boolean {
  return !wanted || wanted.length === 0 || wanted.includes(value);
}

/**
 * The full test of one resource against a filter. Providers narrow with their indexes first
 * and call this on what remains; subscriptions call it per event.
 */
export function resourceMatcher(filter: ResourceFilter): (r: Resource) => boolean {
  const selector = filter.labelSelector ? parseLabelSelector(filter.labelSelector) : undefined;
  const search = filter.search?.toLowerCase();
  return (r) =>
    oneOf(filter.providers, r.provider) &&
    oneOf(filter.kinds, r.kind) &&
    oneOf(filter.clusters, r.cluster) &&
    oneOf(filter.namespaces, r.namespace ?? '') &&
    oneOf(filter.names, r.name) &&
    oneOf(filter.states, r.state) &&
    (!search || r.name.toLowerCase().includes(search)) &&
    (!selector || matchesSelector(r.labels, selector)) &&
    (!filter.scope || filter.scope.sees(r));
}

/** Whether a filter field constrains anything (an empty list or string does not). */
function constrains(value: ResourceFilter[keyof ResourceFilter]): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/**
 * The test still owed after an index answered the `answered` fields exactly: null when the
 * filter asks for nothing else, so a page can be cut and counted without looking at items.
 */
export function residualMatcher(
  filter: ResourceFilter,
  answered: readonly (keyof ResourceFilter)[],
): ((r: Resource) => boolean) | null {
  const rest: ResourceFilter = { ...filter };
  for (const field of answered) delete rest[field];
  return Object.values(rest).some(constrains) ? resourceMatcher(rest) : null;
}
