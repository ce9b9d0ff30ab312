import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { query, subscribe, type ApiError } from './api.ts';
import type { Role, TypedDocumentString } from './gql/graphql.ts';

export interface Viewer {
  name: string;
  /** A person's name from the identity provider; null for a static token. */
  displayName?: string | null;
  role: Role;
}

export const ViewerContext = createContext<Viewer>({ name: '', role: 'VIEWER' });

const RANK: Record<Role, number> = { VIEWER: 0, AGENT: 0, OPERATOR: 1, ADMIN: 2 };

/** Whether the signed-in viewer may act (operator and above): viewers see no action buttons. */
export function useCanAct(): boolean {
  return RANK[useContext(ViewerContext).role] >= RANK.OPERATOR;
}

export interface QueryState<R> {
  data: R | undefined;
  /** The request failed as a whole: no data at all. */
  error: ApiError | undefined;
  /** Fields that failed in an answer that has data: each panel shows its own (`errorsAt`). */
  errors: ApiError[];
  loading: boolean;
  refetch: () => void;
}

/** Runs a query when `key` changes (a JSON of its variables), keeping the last data meanwhile. */
export function useQuery<R, V>(doc: TypedDocumentString<R, V>, variables: V): QueryState<R> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{
    data?: R;
    error?: ApiError;
    errors: ApiError[];
    loading: boolean;
  }>({ loading: true, errors: [] });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    query(doc, variables).then(
      ({ data, errors }) => live && setState({ data, errors, loading: false }),
      (error: ApiError) => live && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [doc, key, tick]);
  const refetch = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, data: state.data, error: state.error, refetch };
}

/**
 * The field errors of an answer at or below `path` (field names; list indexes are skipped):
 * a panel's share of a partial answer.
 */
export function errorsAt(errors: readonly ApiError[], ...path: string[]): ApiError[] {
  return errors.filter((e) => {
    const names = e.path.filter((p): p is string => typeof p === 'string');
    return path.every((p, i) => names[i] === p);
  });
}

export interface SubscriptionOptions {
  /** Subscribe only while true. */
  enabled?: boolean;
  /** Events may have been missed (a StreamGap, or a reconnect with no cursor): refetch. */
  onGap?: () => void;
}

/**
 * Subscribes while mounted (and again when `key` changes); `onData` and `onGap` may change
 * freely. Resumable streams reconnect from their last cursor (api.ts `subscribe`).
 */
export function useSubscription<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  onData: (data: R, errors: ApiError[]) => void,
  options: SubscriptionOptions = {},
): void {
  const handler = useRef({ onData, onGap: options.onGap });
  handler.current = { onData, onGap: options.onGap };
  const key = JSON.stringify(variables);
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!enabled) return undefined;
    return subscribe(doc, variables, {
      onData: (d, errors) => handler.current.onData(d, errors),
      onGap: () => handler.current.onGap?.(),
    });
  }, [doc, key, enabled]);
}

export interface Route {
  path: string[];
  params: URLSearchParams;
}

function parseHash(): Route {
  const [path = '', query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  return {
    path: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  };
}

/** Hash routing: every view has a URL that survives a reload, with no server route. */
export function useRoute(): Route {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const on = () => setRoute(parseHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function href(path: string[], params?: Record<string, string | undefined>): string {
  const q = new URLSearchParams(
    Object.entries(params ?? {}).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  return `#/${path.map(encodeURIComponent).join('/')}${q ? `?${q}` : ''}`;
}
