// The dashboard's only way to the orchestrator: the public GraphQL API, over HTTP for queries
// and mutations and graphql-ws for subscriptions, with the token kept in sessionStorage.
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './gql/graphql.ts';
import documents from './gql/persisted-documents.json';
import { tokenStore } from './token.ts';

const texts = documents as Record<string, string>;

/**
 * The signed-in token; signing out also closes the subscription socket and tells the app,
 * with why when it was not the person's choice (a refused or expired token).
 */
export const session = {
  token: tokenStore.get,
  signIn: tokenStore.set,
  signOut(why?: Error): void {
    tokenStore.clear();
    closeSocket();
    window.dispatchEvent(new CustomEvent('optiinfra:signed-out', { detail: why }));
  },
};

export class ApiError extends Error {
  readonly code: string;
  /** Where in the answer the failed field sits (empty for a request that failed as a whole). */
  readonly path: readonly (string | number)[];
  constructor(message: string, code: string, path: readonly (string | number)[] = []) {
    super(message);
    this.code = code;
    this.path = path;
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
  path?: readonly (string | number)[];
  extensions?: { code?: unknown; reason?: unknown };
}

interface Response<R> {
  data?: R | null;
  errors?: Problem[];
}

const problem = (p: Problem | undefined): ApiError => {
  const { code, reason } = p?.extensions ?? {};
  // An authentication refusal's reason (EXPIRED, NO_ROLE, …) says what to do about it.
  return new ApiError(
    `${p?.message ?? 'request failed'}${typeof reason === 'string' ? ` (${reason})` : ''}`,
    typeof code === 'string' ? code : 'ERROR',
    p?.path ?? [],
  );
};

/**
 * A query's answer: the data it got and an error per field that failed (a field backed by
 * Prometheus, the store or an agent comes back null with its error; the rest is still data).
 */
export interface Answer<R> {
  data: R;
  errors: ApiError[];
}

const prefetched = new Map<string, Promise<Answer<unknown>>>();

const keyOf = <V>(doc: TypedDocumentString<unknown, V>, variables?: V) =>
  `${(doc as unknown as { __meta__: { hash: string } }).__meta__.hash} ${JSON.stringify(variables ?? {})}`;

/**
 * Starts a request before the view that needs it is rendered (the first screen's data in
 * parallel with the viewer's); the view's own `query` then takes it over.
 */
export function prefetch<R, V>(doc: TypedDocumentString<R, V>, variables?: V): void {
  const pending = send(doc, variables);
  pending.catch(() => {});
  prefetched.set(keyOf(doc, variables), pending);
}

/** Data and field errors; throws only when the answer holds no data at all. */
export function query<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<Answer<R>> {
  const key = keyOf(doc, variables);
  const early = prefetched.get(key) as Promise<Answer<R>> | undefined;
  prefetched.delete(key);
  return early ?? send(doc, variables);
}

/** For mutations and answers that are useless in part: throws on any error. */
export async function request<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const { data, errors } = await query(doc, variables);
  if (errors[0]) throw errors[0];
  return data;
}

async function send<R, V>(doc: TypedDocumentString<R, V>, variables?: V): Promise<Answer<R>> {
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
    const refused = problem(body.errors?.[0] ?? { message: 'The token was refused' });
    session.signOut(refused);
    throw refused;
  }
  if (!body.data) {
    throw body.errors?.length
      ? problem(body.errors[0])
      : new ApiError(`HTTP ${res.status}`, 'HTTP');
  }
  return { data: body.data, errors: (body.errors ?? []).map(problem) };
}

let socket: Client | undefined;
let socketOpen = false;
/** Told of every (re)connection of the socket. */
const onConnected = new Set<() => void>();

function closeSocket(): void {
  void socket?.dispose();
  socket = undefined;
  socketOpen = false;
}

function client(): Client {
  socket ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    connectionParams: () => ({ authorization: `Bearer ${session.token() ?? ''}` }),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: () => {
        socketOpen = true;
        for (const f of [...onConnected]) f();
      },
      closed: (event) => {
        socketOpen = false;
        const close = event as CloseEvent | undefined;
        if (close?.code === 4401) session.signOut(new ApiError(close.reason, 'UNAUTHENTICATED'));
      },
    },
  });
  return socket;
}

export interface StreamHandlers<R> {
  /** An event's data, with the errors of its fields that failed (as a query's `Answer`). */
  onData: (data: R, errors: ApiError[]) => void;
  /**
   * Events may have been missed: the stream said so (a `gap` on an event, or a STREAM_GAP
   * error on its own), or the socket came back before the stream gave a cursor to resume
   * from. The view refetches its query.
   */
  onGap?: () => void;
  onError?: (error: ApiError) => void;
}

/** The one root field of a subscription event, where `cursor` and `gap` sit. */
const eventOf = (data: unknown): { cursor?: unknown; gap?: unknown } | undefined => {
  const value = Object.values(data as Record<string, unknown>)[0];
  return value && typeof value === 'object' ? value : undefined;
};

/**
 * Streams a subscription's events until the returned function is called. A document with an
 * `$after` variable resumes: each event's cursor becomes `after`, and graphql-ws sends the
 * same payload again on every retry, so a reconnect replays what happened meanwhile
 * (docs/streams.md).
 */
export function subscribe<R, V>(
  doc: TypedDocumentString<R, V>,
  variables: V,
  handlers: StreamHandlers<R>,
): () => void {
  const body = payload(doc, { ...variables });
  const vars = body.variables as Record<string, unknown>;
  const resumable = /\$after\b/.test(body.query);
  let cursor: string | undefined;
  let connections = socketOpen ? 1 : 0;
  const connected = () => {
    connections++;
    if (connections > 1 && resumable && cursor === undefined) handlers.onGap?.();
  };
  onConnected.add(connected);
  const resumeAfter = (at: unknown) => {
    if (resumable && typeof at === 'string') {
      cursor = at;
      vars.after = at;
    }
  };
  const stop = client().subscribe<R>(body, {
    next: (result) => {
      // A gap with no event to ride on comes alone, as an in-stream STREAM_GAP error that
      // carries the cursor the stream has read up to (docs/streams.md); the stream goes on.
      const alone = result.errors?.find((e) => e.extensions?.code === 'STREAM_GAP');
      if (alone) {
        resumeAfter(alone.extensions?.cursor);
        handlers.onGap?.();
      }
      const errors = (result.errors ?? []).filter((e) => e !== alone).map(problem);
      if (!result.data) {
        if (errors[0]) handlers.onError?.(errors[0]);
        return;
      }
      const event = eventOf(result.data);
      resumeAfter(event?.cursor);
      if (event?.gap) handlers.onGap?.();
      handlers.onData(result.data, errors);
    },
    error: (err) =>
      handlers.onError?.(new ApiError(String((err as Error)?.message ?? err), 'STREAM')),
    complete: () => {},
  });
  return () => {
    onConnected.delete(connected);
    stop();
  };
}
