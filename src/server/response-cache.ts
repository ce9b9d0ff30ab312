// Answers to queries that read only the providers' caches, kept until those caches change.
//
// A query is kept only when every field it selects is in READS below: fields whose answer is a
// function of the providers' caches (Provider.version), the field's arguments and what the
// viewer may read, and of nothing else (no clock, no database, no Prometheus, no provider
// failures, no role check). An answer is keyed by the parsed document, the operation name, the
// variables, the viewer's role and read scope (a person's RBAC under KUBE_IMPERSONATION: its
// key changes whenever their rules are learned again), and is served only while the registry's
// version is the one it was computed at. Every cache change bumps that version synchronously,
// in the same turn of the event loop that applies a watch event or a poll, so an answer never
// outlives the data it read; one computed while the version or the scope moved is not kept.
// The rest of the pipeline still runs for a kept answer: authentication, the rate limiter, the
// operation limits, trusted documents, metrics and logging; only execution is skipped.
import {
  OperationTypeNode,
  TypeInfo,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../graphql/context.ts';

/**
 * Fields of the Resource interface, resolved once for every kind (src/graphql/resources.ts)
 * from the resource object alone.
 */
const RESOURCE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'provider',
  'kind',
  'cluster',
  'namespace',
  'name',
  'state',
  'labels',
  'createdAt',
]);
const WORKLOAD_FIELDS = new Set(['desiredReplicas', 'readyReplicas']);

/**
 * Other fields read from the watch caches and polling snapshots alone, by parent type. Checked
 * by reading their resolvers (src/graphql/resources.ts, kubernetes.ts, kubernetes-workloads.ts):
 * a field added here must read nothing but the resource objects, the registry's get/list/page
 * and KubernetesReads' owner/topOwner/nodeOf. `ResourceConnection.failures` is not one (it
 * reads the providers' connection state, which has no version), nor is any field that reads
 * metrics, the database, the clock or the viewer's permissions.
 */
const READS = new Map<string, ReadonlySet<string>>([
  ['Query', new Set(['resources'])],
  ['ResourceConnection', new Set(['edges', 'pageInfo', 'totalCount'])],
  ['ResourceEdge', new Set(['cursor', 'node'])],
  ['PageInfo', new Set(['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'])],
  ['Label', new Set(['key', 'value'])],
  [
    'Pod',
    new Set([
      'phase',
      'reason',
      'message',
      'ip',
      'hostIP',
      'qosClass',
      'startTime',
      'restarts',
      'ready',
      'nodeName',
      'node',
      'workload',
    ]),
  ],
  ['KubernetesNode', new Set(['unschedulable'])],
  ['Deployment', WORKLOAD_FIELDS],
  ['StatefulSet', WORKLOAD_FIELDS],
  ['ReplicaSet', WORKLOAD_FIELDS],
  ['DaemonSet', WORKLOAD_FIELDS],
]);
/** Directives that change nothing but which fields are selected (their variables are keyed). */
const PLAIN_DIRECTIVES = new Set(['include', 'skip']);

/** Whether a field is kept: in READS, or a Resource field on Resource or one of its types. */
function kept(schema: GraphQLSchema, parent: string, field: string): boolean {
  if (field === '__typename' || READS.get(parent)?.has(field)) return true;
  if (parent === 'Node') return field === 'id';
  if (!RESOURCE_FIELDS.has(field)) return false;
  if (parent === 'Resource') return true;
  const type = schema.getType(parent);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Resource');
}

/**
 * Whether a document is kept: queries only, every field in READS, no directive but
 * include/skip. The whole document is judged (every operation and fragment), whatever runs.
 */
export function keepable(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let ok = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (op) => {
        if (op.operation !== OperationTypeNode.QUERY) ok = false;
      },
      Directive: (d) => {
        if (!PLAIN_DIRECTIVES.has(d.name.value)) ok = false;
      },
      Field: (f) => {
        const parent = typeInfo.getParentType();
        if (!parent || !kept(schema, parent.name, f.name.value)) ok = false;
      },
    }),
  );
  return ok;
}

interface Entry {
  version: number;
  value: ExecutionResult | HttpAnswer;
  bytes: number;
}

/** An answer as the HTTP front writes it again: yoga's status 200, its content type, the bytes. */
export interface HttpAnswer {
  contentType: string;
  body: Buffer;
  /** What the rate limiter charges for its expensive fields, besides the request's point. */
  extraCost: number;
}

/** Counts of kept queries answered from the cache (hit) or executed (miss). */
export interface ResponseCacheCounter {
  inc(labels: { outcome: 'hit' | 'miss' }): void;
}

/**
 * The kept answers: an LRU bounded by the bytes of their JSON, emptied whenever the registry's
 * version moves (every answer in it was computed at one version). Two kinds of entries share
 * it: executed results by document, operation, variables, role and scope (for yoga), and the
 * same answers by request (for the HTTP front, which then skips yoga too).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private version = -1;
  private readonly maxBytes: number;
  /** Per parsed document: its number (part of every key), or null when it is not kept. */
  private readonly documents = new WeakMap<DocumentNode, number | null>();
  private nextDocument = 0;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** The document's number when it is kept (see keepable), else null. */
  documentId(schema: GraphQLSchema, document: DocumentNode): number | null {
    let id = this.documents.get(document);
    if (id === undefined) {
      id = keepable(schema, document) ? this.nextDocument++ : null;
      this.documents.set(document, id);
    }
    return id;
  }

  get(key: string, version: number): ExecutionResult | undefined {
    const value = this.recall(key, version);
    return value && !('body' in value) ? value : undefined;
  }

  /** Keeps `result` (with its JSON as its stringify hook, which yoga uses) and returns it. */
  set(key: string, version: number, result: ExecutionResult): ExecutionResult {
    const json = JSON.stringify(result);
    const kept: ExecutionResult = { ...result };
    Object.defineProperty(kept, 'stringify', { value: () => json });
    this.remember(key, version, kept, json.length);
    return kept;
  }

  /** The answer kept for this request (see HttpFront), at this version. */
  getHttp(key: string, version: number): HttpAnswer | undefined {
    const value = this.recall(`http\u0000${key}`, version);
    return value && 'body' in value ? value : undefined;
  }

  setHttp(key: string, version: number, answer: HttpAnswer): void {
    this.remember(`http\u0000${key}`, version, answer, answer.body.length);
  }

  private recall(key: string, version: number): Entry['value'] | undefined {
    if (version !== this.version) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  private remember(key: string, version: number, value: Entry['value'], size: number): void {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
    const bytes = size + key.length;
    if (bytes > this.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.bytes;
    this.entries.delete(key);
    this.entries.set(key, { version, value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  /** Answers held and the bytes of their JSON and keys. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** Variables longer than this (as JSON) are not worth a key: such a query always executes. */
const MAX_VARIABLES_CHARS = 4096;

/**
 * The yoga side: last of the onExecute hooks, so every other plugin (limits, rate limiter,
 * metrics, error logging, disclosure) has run for this operation before a kept answer stops
 * execution, and their onExecuteDone hooks see that answer.
 */
export function responseCachePlugin(
  cache: ResponseCache,
  counter: ResponseCacheCounter,
): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as GraphQLContext;
      const version = ctx.services.providers.version;
      if (version === undefined) return;
      const doc = cache.documentId(args.schema as GraphQLSchema, args.document as DocumentNode);
      if (doc === null) return;
      const variables = JSON.stringify(args.variableValues ?? {});
      if (variables.length > MAX_VARIABLES_CHARS) return;
      const scope = ctx.scope?.key ?? '';
      const key = `${doc}\u0000${args.operationName ?? ''}\u0000${ctx.viewer.role}\u0000${scope}\u0000${variables}`;
      const tell = (kept: ExecutionResult) => {
        if (!ctx.kept) return;
        const json = (kept as { stringify: () => string }).stringify();
        ctx.kept.answer = { version, scope, json, document: args.document as DocumentNode };
      };
      const hit = cache.get(key, version);
      if (hit) {
        counter.inc({ outcome: 'hit' });
        setResultAndStopExecution(hit);
        tell(hit);
        return;
      }
      counter.inc({ outcome: 'miss' });
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || (result.errors?.length ?? 0) > 0) return;
          // The caches or the viewer's rules moved while it ran: it may mix two states.
          if (ctx.services.providers.version !== version || (ctx.scope?.key ?? '') !== scope)
            return;
          const kept = cache.set(key, version, result);
          setResult(kept);
          tell(kept);
        },
      };
    },
  };
}
