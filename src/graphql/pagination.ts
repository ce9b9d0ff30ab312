import { ValidationError } from '../errors.ts';

export const MAX_PAGE = 1000;
export const DEFAULT_PAGE = 100;

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

export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) {
    throw new ValidationError('Invalid cursor', [
      { path: 'after', message: 'not a cursor from this API' },
    ]);
  }
  return key;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw new ValidationError(`first must be between 0 and ${MAX_PAGE}`, [
      { path: 'first', message: `between 0 and ${MAX_PAGE}` },
    ]);
  }
  return first;
}

/**
 * Keyset pagination over an in-memory list already sorted by `key`: the cursor is the last
 * key seen, so pages stay correct while items are added or removed between requests.
 */
export function paginateSorted<T>(
  sorted: readonly T[],
  key: (item: T) => string,
  args: { first?: number | null; after?: string | null },
): Page<T> {
  const size = pageSize(args.first);
  let start = 0;
  if (args.after) {
    const after = decodeCursor(args.after);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(sorted[mid] as T) <= after) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const slice = sorted.slice(start, start + size);
  const edges = slice.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: start + size < sorted.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: sorted.length,
  };
}
