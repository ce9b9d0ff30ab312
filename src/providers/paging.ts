// Keyset pages of resources ordered by id: the one ordering `resources` promises, shared by
// the Kubernetes store's sorted indexes, providers without one, and the registry's merge.
import type { Resource } from './provider.ts';

/** Where a page starts and how long it is; `after` is the raw id key, not a GraphQL cursor. */
export interface PageRequest {
  first: number;
  after?: string | undefined;
}

/** One page of matches in id order, with what pageInfo and totalCount need. */
export interface ResourcePage<R extends Resource = Resource> {
  items: R[];
  totalCount: number;
  /** A match exists at or before `after`. */
  hasPreviousPage: boolean;
  /** A match exists after the last item. */
  hasNextPage: boolean;
}

/** The order of every resource list: by id, code unit by code unit. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const byIdOrder = (a: Resource, b: Resource): number => compareIds(a.id, b.id);

/**
 * Binary search in `sorted` (ordered by `key`): the first position whose key is greater than
 * `bound`, or, with `inclusive`, greater than or equal to it.
 */
export function positionAfter<T>(
  sorted: readonly T[],
  key: (item: T) => string,
  bound: string,
  inclusive = false,
): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = key(sorted[mid] as T);
    if (k < bound || (!inclusive && k === bound)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const idOf = (r: Resource) => r.id;

/**
 * A page from disjoint lists, each sorted by id: every list is entered by binary search and
 * the walk stops at `first + 1` matches, so the work is the page's, not the lists'. `matches`
 * is the part of the filter the lists do not already guarantee (null: every item matches);
 * `count`, when given, supplies totalCount for a `matches` (e.g. from a cache) instead of a
 * walk over every item.
 */
export function pageOfSorted<R extends Resource>(
  lists: readonly (readonly R[])[],
  matches: ((r: R) => boolean) | null,
  request: PageRequest,
  count?: () => number,
): ResourcePage<R> {
  const at = lists.map((l) =>
    request.after === undefined ? 0 : positionAfter(l, idOf, request.after),
  );
  let hasPreviousPage = false;
  for (let i = 0; i < lists.length && !hasPreviousPage; i++) {
    const list = lists[i] ?? [];
    for (let j = (at[i] ?? 0) - 1; j >= 0; j--) {
      if (!matches || matches(list[j] as R)) {
        hasPreviousPage = true;
        break;
      }
    }
  }
  const items: R[] = [];
  let hasNextPage = false;
  for (;;) {
    // The smallest head among the lists; there are few lists (namespaces x kinds asked for).
    let best = -1;
    let head: R | undefined;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]?.[at[i] ?? 0];
      if (candidate && (!head || candidate.id < head.id)) {
        best = i;
        head = candidate;
      }
    }
    if (!head) break;
    at[best] = (at[best] ?? 0) + 1;
    if (matches && !matches(head)) continue;
    if (items.length === request.first) {
      hasNextPage = true;
      break;
    }
    items.push(head);
  }
  return {
    items,
    totalCount: !matches
      ? lists.reduce((n, l) => n + l.length, 0)
      : count
        ? count()
        : countMatches(lists, matches),
    hasPreviousPage,
    hasNextPage,
  };
}

/** How many items of the lists match: the full walk a totalCount with a filter costs. */
export function countMatches<R>(lists: readonly (readonly R[])[], matches: (r: R) => boolean) {
  let n = 0;
  for (const list of lists) for (const r of list) if (matches(r)) n++;
  return n;
}

/** A page of a list in no particular order, every item of which matches (small lists). */
export function pageOfList<R extends Resource>(list: R[], request: PageRequest): ResourcePage<R> {
  return pageOfSorted([list.sort(byIdOrder)], null, request);
}

/**
 * The page of several sources' pages of the same request: the first `first` of their union.
 * Each source's page holds its first `first` matches after the cursor, so the union holds the
 * overall first `first`.
 */
export function mergePages<R extends Resource>(
  pages: ResourcePage<R>[],
  request: PageRequest,
): ResourcePage<R> {
  if (pages.length === 1 && pages[0]) return pages[0];
  const all = pages.flatMap((p) => p.items).sort(byIdOrder);
  return {
    items: all.slice(0, request.first),
    totalCount: pages.reduce((n, p) => n + p.totalCount, 0),
    hasPreviousPage: pages.some((p) => p.hasPreviousPage),
    hasNextPage: all.length > request.first || pages.some((p) => p.hasNextPage),
  };
}
