import { ValidationError } from '../errors.ts';
import type { PageRequest } from '../providers/paging.ts';

export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 100;

/** The descriptions of every connection's paging arguments. */
export const PAGE_ARG_DOCS = {
  first: `How many items from the start (after \`after\`): 0 to ${MAX_PAGE}, default ${DEFAULT_PAGE}.`,
  after: "Continue after this cursor (a page's `endCursor`).",
} as const;

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The key inside a cursor; `path` names the argument it came in. */
export function decodeCursor(cursor: string, path = 'after'): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) {
    throw new ValidationError('Invalid cursor', [{ path, message: 'not a cursor from this API' }]);
  }
  return key;
}

/**
 * The one check of every `first` argument (connections and plain lists alike): out of
 * 0..max is a ValidationError naming the bound, never a silent cap.
 */
export function pageSize(
  first: number | null | undefined,
  bounds: { max: number; fallback: number } = { max: MAX_PAGE, fallback: DEFAULT_PAGE },
  path = 'first',
): number {
  if (first === null || first === undefined) return bounds.fallback;
  if (!Number.isInteger(first) || first < 0 || first > bounds.max) {
    throw new ValidationError(`${path} must be between 0 and ${bounds.max}`, [
      { path, message: `between 0 and ${bounds.max}` },
    ]);
  }
  return first;
}

/** The provider-side request of a connection's `first` and `after` (validated, decoded). */
export function pageRequest(args: { first?: number | null; after?: string | null }): PageRequest {
  const first = pageSize(args.first);
  return args.after ? { first, after: decodeCursor(args.after) } : { first };
}

/** An edge whose cursor is encoded only when a query selects it (most pages never do). */
class Edge<T> {
  readonly node: T;
  private readonly key: (item: T) => string;
  constructor(node: T, key: (item: T) => string) {
    this.node = node;
    this.key = key;
  }
  get cursor(): string {
    return encodeCursor(this.key(this.node));
  }
}

/** A connection (edges and page info) from a keyset page whose items are ordered by `key`. */
export function connectionOf<T>(
  page: { items: T[]; hasPreviousPage: boolean; hasNextPage: boolean },
  key: (item: T) => string,
): Omit<Page<T>, 'totalCount'> {
  const edges = page.items.map((node) => new Edge(node, key));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
