// Answers to queries that read only the providers' caches, the latest metrics and the
// providers' failures, kept until what they read changes.
//
// A query is kept only when every field it selects is in READS, METRIC_FIELDS or FAILURE_READS
// below: fields whose answer is a function of those sources (each with a version that moves
// synchronously with every change of it), the field's arguments and what the viewer may read,
// and of nothing else (no clock, no database, no Prometheus query, no role check). An answer is
// keyed by the parsed document, the operation name, the variables, the viewer's role and read
// scope (a person's RBAC under KUBE_IMPERSONATION: its key changes whenever their rules are
// learned again), and is served only while the versions of the sources its document reads are
// the ones it was computed at: a metrics tick does not drop a page that selects no metrics.
// Every version moves in the same turn of the event loop that applies a watch event, a poll, a
// metrics snapshot or a failure change, so an answer never outlives the data it read; one
// computed while a version it depends on or the scope moved is not kept.
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
 * and KubernetesReads' owner/topOwner/nodeOf; no field that reads a Prometheus query, the
 * database, the clock or the viewer's permissions.
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
/**
 * Resource fields read from the latest metrics snapshot alone (MetricsHub.value, in
 * src/graphql/metrics-usage.ts), besides the resource and whether the viewer's scope sees its
 * sums (keyed).
 */
const METRIC_FIELDS: ReadonlySet<string> = new Set(['cpuUsage', 'memoryUsage']);
/** Fields read from the providers' failures() alone. */
const FAILURE_READS = new Map<string, ReadonlySet<string>>([
  ['ResourceConnection', new Set(['failures'])],
  ['ProviderFailure', new Set(['provider', 'cluster', 'message'])],
]);
/** Directives that change nothing but which fields are selected (their variables are keyed). */
const PLAIN_DIRECTIVES = new Set(['include', 'skip']);

/** The sources a kept answer may read, as bits of a document's dependencies. */
export const RESOURCES = 1;
export const METRICS = 2;
export const FAILURES = 4;

/** Where the versions come from: each grows, synchronously, with every change of its source. */
export interface CacheSources {
  /** The providers' caches (version) and failures (failuresVersion); undefined: not kept. */
  providers: { readonly version: number | undefined; readonly failuresVersion: number | undefined };
  /** The latest metrics snapshot. */
  metrics: { readonly version: number };
}

/** The sources' versions at one moment, by bit: [RESOURCES, METRICS, FAILURES]. */
export type Stamp = readonly [number, number, number];

/** Whether two stamps agree on every source in `deps`. */
function agrees(a: Stamp, b: Stamp, deps: number): boolean {
  return (
    (!(deps & RESOURCES) || a[0] === b[0]) &&
    (!(deps & METRICS) || a[1] === b[1]) &&
    (!(deps & FAILURES) || a[2] === b[2])
  );
}

const isResourceType = (schema: GraphQLSchema, parent: string) => {
  if (parent === 'Resource') return true;
  const type = schema.getType(parent);
  return isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Resource');
};

/** What a field reads (bits), 0 for nothing (`__typename`), or null when it is not kept. */
function readsOf(schema: GraphQLSchema, parent: string, field: string): number | null {
  if (field === '__typename') return 0;
  if (READS.get(parent)?.has(field)) return RESOURCES;
  if (FAILURE_READS.get(parent)?.has(field)) return FAILURES;
  if (parent === 'Node') return field === 'id' ? RESOURCES : null;
  if (!RESOURCE_FIELDS.has(field) && !METRIC_FIELDS.has(field)) return null;
  if (!isResourceType(schema, parent)) return null;
  return METRIC_FIELDS.has(field) ? METRICS : RESOURCES;
}

/**
 * What a document reads (bits of RESOURCES, METRICS, FAILURES), or null when it is not kept:
 * queries only, every field kept, no directive but include/skip. The whole document is judged
 * (every operation and fragment), whatever runs.
 */
export function readsOfDocument(schema: GraphQLSchema, document: DocumentNode): number | null {
  const typeInfo = new TypeInfo(schema);
  let deps: number | null = 0;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (op) => {
        if (op.operation !== OperationTypeNode.QUERY) deps = null;
      },
      Directive: (d) => {
        if (!PLAIN_DIRECTIVES.has(d.name.value)) deps = null;
      },
      Field: (f) => {
        const parent = typeInfo.getParentType();
        const reads = parent ? readsOf(schema, parent.name, f.name.value) : null;
        deps = deps === null || reads === null ? null : deps | reads;
      },
    }),
  );
  return deps;
}

interface Entry {
  /** The versions it was computed at, and which of them it depends on. */
  stamp: Stamp;
  deps: number;
  value: ExecutionResult | HttpAnswer;
  bytes: number;
}

/** A kept document: its number (part of every key) and what it reads. */
export interface KeptDocument {
  id: number;
  deps: number;
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
 * The kept answers: an LRU bounded by the bytes of their JSON. An answer is served only while
 * the sources it depends on are at the versions it was computed at, and dropped when found
 * otherwise (or pushed out by newer ones). Two kinds of entries share it: executed results by
 * document, operation, variables, role and scope (for yoga), and the same answers by request
 * (for the HTTP front, which then skips yoga too).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly sources: CacheSources;
  /** Per parsed document: its number and reads, or null when it is not kept. */
  private readonly documents = new WeakMap<DocumentNode, KeptDocument | null>();
  private nextDocument = 0;

  constructor(maxBytes: number, sources: CacheSources) {
    this.maxBytes = maxBytes;
    this.sources = sources;
  }

  /** The sources' versions now; undefined when a provider has none (nothing is kept). */
  stamp(): Stamp | undefined {
    const { version, failuresVersion } = this.sources.providers;
    if (version === undefined || failuresVersion === undefined) return undefined;
    return [version, this.sources.metrics.version, failuresVersion];
  }

  /** The document's number and reads when it is kept (see readsOfDocument), else null. */
  document(schema: GraphQLSchema, document: DocumentNode): KeptDocument | null {
    let kept = this.documents.get(document);
    if (kept === undefined) {
      const deps = readsOfDocument(schema, document);
      kept = deps === null ? null : { id: this.nextDocument++, deps };
      this.documents.set(document, kept);
    }
    return kept;
  }

  get(key: string): ExecutionResult | undefined {
    const value = this.recall(key);
    return value && !('body' in value) ? value : undefined;
  }

  /**
   * Keeps `result` (with its JSON as its stringify hook, which yoga uses) and returns it, or
   * undefined when a source in `deps` moved since `stamp` (the answer may mix two states).
   */
  set(
    key: string,
    stamp: Stamp,
    deps: number,
    result: ExecutionResult,
  ): ExecutionResult | undefined {
    const now = this.stamp();
    if (!now || !agrees(now, stamp, deps)) return undefined;
    const json = JSON.stringify(result);
    const kept: ExecutionResult = { ...result };
    Object.defineProperty(kept, 'stringify', { value: () => json });
    this.remember(key, { stamp, deps, value: kept, bytes: json.length + key.length });
    return kept;
  }

  /** The answer kept for this request (see HttpFront), if still current. */
  getHttp(key: string): HttpAnswer | undefined {
    const value = this.recall(`http\u0000${key}`);
    return value && 'body' in value ? value : undefined;
  }

  /** Keeps the front's answer computed at `stamp`, unless a source in `deps` moved since. */
  setHttp(key: string, stamp: Stamp, deps: number, answer: HttpAnswer): void {
    const now = this.stamp();
    if (!now || !agrees(now, stamp, deps)) return;
    const k = `http\u0000${key}`;
    this.remember(k, { stamp, deps, value: answer, bytes: answer.body.length + k.length });
  }

  private recall(key: string): Entry['value'] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    const now = this.stamp();
    if (!now || !agrees(now, entry.stamp, entry.deps)) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  private remember(key: string, entry: Entry): void {
    if (entry.bytes > this.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.bytes;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes;
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
      const stamp = cache.stamp();
      if (stamp === undefined) return;
      const doc = cache.document(args.schema as GraphQLSchema, args.document as DocumentNode);
      if (doc === null) return;
      const variables = JSON.stringify(args.variableValues ?? {});
      if (variables.length > MAX_VARIABLES_CHARS) return;
      const scope = ctx.scope?.key ?? '';
      const key = `${doc.id}\u0000${args.operationName ?? ''}\u0000${ctx.viewer.role}\u0000${scope}\u0000${variables}`;
      const tell = (kept: ExecutionResult) => {
        if (!ctx.kept) return;
        const json = (kept as { stringify: () => string }).stringify();
        const document = args.document as DocumentNode;
        ctx.kept.answer = { stamp, deps: doc.deps, scope, json, document };
      };
      const hit = cache.get(key);
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
          // The viewer's rules moved while it ran (set refuses if a source did): it may mix
          // two states.
          if ((ctx.scope?.key ?? '') !== scope) return;
          const kept = cache.set(key, stamp, doc.deps, result);
          if (!kept) return;
          setResult(kept);
          tell(kept);
        },
      };
    },
  };
}
