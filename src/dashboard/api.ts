// The dashboard's only way to the orchestrator: the public GraphQL API, over HTTP for queries
// and mutations and graphql-ws for subscriptions, with the token kept in sessionStorage.
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './gql/graphql.ts';
import documents from './gql/persisted-documents.json';
import { tokenStore } from './token.ts';

const texts = documents as Record<string, string>;

/** The signed-in token; signing out also closes the subscription socket and tells the app. */
export const session = {
  token: tokenStore.get,
  signIn: tokenStore.set,
  signOut(): void {
    tokenStore.clear();
    closeSocket();
    window.dispatchEvent(new Event('optiinfra:signed-out'));
  },
};

export class ApiError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

/** The request body of a persisted document: its text and its sha256 (the APQ extension). */
function payload<V>(doc: TypedDocumentString<unknown, V>, variables?: V) {
  const hash = (doc as unknown as { __meta__: { hash: string } }).__meta__.hash;
  const query = texts[hash];
  if (!query) throw new Error(`unknown document ${hash}`);
  return {
    query,
    variables: variables ?? {},
    extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } },
  };
}

interface Problem {
  message: string;
  extensions?: { code?: unknown };
}

interface Response<R> {
  data?: R | null;
  errors?: Problem[];
}

function failure(errors: readonly Problem[]): ApiError {
  const first = errors[0];
  const code = first?.extensions?.code;
  return new ApiError(
    first?.message ?? 'request failed',
    typeof code === 'string' ? code : 'ERROR',
  );
}

const prefetched = new Map<string, Promise<unknown>>();

const keyOf = <V>(doc: TypedDocumentString<unknown, V>, variables?: V) =>
  `${(doc as unknown as { __meta__: { hash: string } }).__meta__.hash} ${JSON.stringify(variables ?? {})}`;

/**
 * Starts a request before the view that needs it is rendered (the first screen's data in
 * parallel with the viewer's); the view's own `request` then takes it over.
 */
export function prefetch<R, V>(doc: TypedDocumentString<R, V>, variables?: V): void {
  const pending = send(doc, variables);
  pending.catch(() => {});
  prefetched.set(keyOf(doc, variables), pending);
}

export function request<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const key = keyOf(doc, variables);
  const early = prefetched.get(key) as Promise<R> | undefined;
  prefetched.delete(key);
  return early ?? send(doc, variables);
}

async function send<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${session.token() ?? ''}`,
    },
    body: JSON.stringify(payload(doc, variables)),
  });
  const body = (await res.json().catch(() => ({}))) as Response<R>;
  if (res.status === 401) {
    session.signOut();
    throw new ApiError('The token was refused', 'UNAUTHENTICATED');
  }
  if (body.errors?.length) throw failure(body.errors);
  if (!body.data) throw new ApiError(`HTTP ${res.status}`, 'HTTP');
  return body.data;
}

let socket: Client | undefined;

function closeSocket(): void {
  void socket?.dispose();
  socket = undefined;
}

/** Streams a subscription's events to `onData` until the returned function is called. */
export function subscribe<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  onData: (data: R) => void,
  onError?: (error: ApiError) => void,
): () => void {
  socket ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: () => ({ authorization: `Bearer ${session.token() ?? ''}` }),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      closed: (event) => {
        if ((event as CloseEvent | undefined)?.code === 4401) session.signOut();
      },
    },
  });
  return socket.subscribe<R>(payload(doc, variables), {
    next: (result) => {
      if (result.errors?.length) onError?.(failure(result.errors));
      if (result.data) onData(result.data);
    },
    error: (err) => onError?.(new ApiError(String((err as Error)?.message ?? err), 'STREAM')),
    complete: () => {},
  });
}
