import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Role } from '../config.ts';
import type { ServerContext } from '../graphql/context.ts';

/** What a request names: a document id (GraphQL over HTTP), an APQ hash, and/or a text. */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

/** The id a request names: `documentId`, else the APQ `extensions.persistedQuery.sha256Hash`. */
function idOf(request: DocumentRequest): string | undefined {
  if (typeof request.documentId === 'string') return request.documentId;
  const apq = (
    request.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } }
  )?.persistedQuery;
  return apq?.version === 1 && typeof apq.sha256Hash === 'string' ? apq.sha256Hash : undefined;
}

function refusal(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/**
 * The trusted-documents mode (TRUSTED_DOCUMENTS): only the operations of a manifest run, named
 * by id, for every role but admin; admins may still send any document (GraphiQL). The manifest
 * is GraphQL Code Generator's persisted-documents output, `{"sha256:<hex>": "<text>"}`.
 */
export class TrustedDocuments {
  /** Texts by `sha256:<hex>` and by bare `<hex>` (APQ clients send the hash without prefix). */
  private readonly texts = new Map<string, string>();

  constructor(manifest: Record<string, string>) {
    for (const [id, text] of Object.entries(manifest)) {
      this.texts.set(id, text);
      if (id.startsWith('sha256:')) this.texts.set(id.slice('sha256:'.length), text);
    }
  }

  /** The text to run for this request and role, or the refusal (a named 4xx). */
  resolve(request: DocumentRequest, role: Role | undefined): string | GraphQLError {
    const admin = role === 'admin';
    const id = idOf(request);
    const text = id === undefined ? undefined : this.texts.get(id);
    // A known id decides what runs, whatever text came with it (the dashboard sends both).
    if (text !== undefined) return text;
    if (admin && typeof request.query === 'string' && request.query !== '') return request.query;
    if (id !== undefined) {
      return refusal(
        `No trusted document with id ${id.slice(0, 80)} (TRUSTED_DOCUMENTS)`,
        'TRUSTED_DOCUMENT_NOT_FOUND',
        400,
      );
    }
    return refusal(
      'This server runs trusted documents only: send the documentId of a known operation (TRUSTED_DOCUMENTS)',
      'TRUSTED_DOCUMENTS_ONLY',
      403,
    );
  }
}

/**
 * The HTTP side (POST, GET and SSE: everything that goes through yoga's params): replaces the
 * request's text by the trusted one before anything parses it. graphql-ws calls `resolve`
 * itself (yoga's params hooks do not run there, graphql-yoga #3651).
 */
export function trustedDocumentsPlugin(documents: TrustedDocuments): Plugin {
  return {
    onParams({ params, setParams, context }) {
      const role = (context as Partial<ServerContext>).viewer?.role;
      const resolved = documents.resolve(params as DocumentRequest, role);
      if (resolved instanceof GraphQLError) throw resolved;
      const { documentId: _id, ...rest } = params as typeof params & { documentId?: unknown };
      setParams({ ...rest, query: resolved });
    },
  };
}
