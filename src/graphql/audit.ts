import { AUDIT_TOPIC } from '../actions/pipeline.ts';
import type { AuditEvent, AuditFilter } from '../audit/types.ts';
import { AUDIT_SOURCES, AUDIT_STATUSES } from '../audit/types.ts';
import { ValidationError } from '../errors.ts';
import { builder } from './builder.ts';
import { afterArg, optionalStreamFields, streamed, subscribeLogged } from './streams.ts';
import type { GraphQLContext } from './context.ts';
import { decodeCursor, encodeCursor, pageSize, type Page } from './pagination.ts';
import {
  decodeResourceId,
  ProviderEnum,
  ResourceInterface,
  resourceGlobalId,
  ResourceKindEnum,
} from './resources.ts';

export const AuditSourceEnum = builder.enumType('AuditSource', { values: AUDIT_SOURCES });
export const AuditStatusEnum = builder.enumType('AuditStatus', { values: AUDIT_STATUSES });

const AuditErrorRef = builder.objectRef<NonNullable<AuditEvent['error']>>('AuditError').implement({
  fields: (t) => ({ code: t.exposeString('code'), message: t.exposeString('message') }),
});

const AuditTargetRef = builder
  .objectRef<NonNullable<AuditEvent['target']>>('AuditTarget')
  .implement({
    description: 'The target as it was named when the action ran (it may be gone since).',
    fields: (t) => ({
      id: t.id({
        description: 'The global id of the resource.',
        resolve: (x) => resourceGlobalId(x.kind, x.id),
      }),
      provider: t.field({ type: ProviderEnum, resolve: (x) => x.provider }),
      kind: t.field({ type: ResourceKindEnum, resolve: (x) => x.kind }),
      cluster: t.exposeString('cluster'),
      namespace: t.exposeString('namespace', { nullable: true }),
      name: t.exposeString('name'),
      resource: t.field({
        type: ResourceInterface,
        nullable: true,
        description: 'The resource now, if it still exists.',
        resolve: (x, _args, ctx) => ctx.services.providers.get(x.id) ?? null,
      }),
    }),
  });

/** The query that gives the current state again after a gap. */
const REFETCH = 'auditLog';

export const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent');
builder.node(AuditEventRef, {
  description: 'One action, recorded before it ran and again with its outcome; hash-chained.',
  id: { resolve: (e) => e.id },
  loadOne: (id, ctx) => ctx.services.audit.get(id),
  isTypeOf: (v) => typeof v === 'object' && v !== null && 'prevHash' in v,
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', resolve: (e) => e.timestamp }),
    actor: t.exposeString('actor'),
    actorRole: t.exposeString('actorRole'),
    source: t.field({ type: AuditSourceEnum, resolve: (e) => e.source }),
    action: t.exposeString('action'),
    verb: t.exposeString('verb'),
    target: t.field({
      type: AuditTargetRef,
      nullable: true,
      description:
        'The resource acted on; null for changes to the orchestrator itself (agents, tokens, recommendation runs).',
      resolve: (e) => e.target,
    }),
    parameters: t.field({ type: 'JSON', resolve: (e) => e.parameters }),
    dryRun: t.exposeBoolean('dryRun'),
    status: t.field({ type: AuditStatusEnum, resolve: (e) => e.status }),
    error: t.field({ type: AuditErrorRef, nullable: true, resolve: (e) => e.error }),
    before: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.after }),
    message: t.exposeString('message', { nullable: true }),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
    idempotencyKey: t.exposeString('idempotencyKey', { nullable: true }),
    reverts: t.field({
      type: AuditEventRef,
      nullable: true,
      description: 'The action this one reverted.',
      resolve: (e, _args, ctx) => (e.reverts ? ctx.services.audit.get(e.reverts) : null),
    }),
    hash: t.exposeString('hash', { description: 'The hash chain link of the latest record.' }),
    prevHash: t.exposeString('prevHash'),
    leafIndex: t.exposeInt('leafIndex', {
      description: 'The Merkle tree leaf of the intent record.',
    }),
    outcomeLeafIndex: t.exposeInt('outcomeLeafIndex', {
      nullable: true,
      description: 'The Merkle tree leaf of the outcome record, once written.',
    }),
    ...optionalStreamFields(t, REFETCH),
  }),
});

const AuditFilterInput = builder.inputType('AuditLogFilter', {
  fields: (t) => ({
    actions: t.stringList({ required: false, description: 'e.g. ["scale"]' }),
    statuses: t.field({ type: [AuditStatusEnum], required: false }),
    actors: t.stringList({ required: false }),
    sources: t.field({ type: [AuditSourceEnum], required: false }),
    resourceId: t.id({ required: false, description: 'The global id of a resource.' }),
    since: t.field({ type: 'DateTime', required: false }),
    until: t.field({ type: 'DateTime', required: false }),
  }),
});

type AuditPage = Omit<Page<AuditEvent>, 'totalCount'> & { filter: AuditFilter };

const AuditEdgeRef = builder
  .objectRef<{ cursor: string; node: AuditEvent }>('AuditEventEdge')
  .implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: AuditEventRef, resolve: (e) => e.node }),
    }),
  });

const AuditConnectionRef = builder.objectRef<AuditPage>('AuditEventConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [AuditEdgeRef], resolve: (c) => c.edges }),
    pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (c) => c.pageInfo }),
    totalCount: t.int({
      description: 'Counted only when asked for (it costs a scan of the matching rows).',
      resolve: (c, _args, ctx) => ctx.services.audit.count(c.filter),
    }),
  }),
});

type FilterArg = {
  actions?: string[] | null;
  statuses?: AuditFilter['statuses'] | null;
  actors?: string[] | null;
  sources?: AuditFilter['sources'] | null;
  resourceId?: string | number | null;
  since?: Date | null;
  until?: Date | null;
};

function toFilter(f: FilterArg | null | undefined): AuditFilter {
  if (f?.since && f.until && f.since > f.until) {
    throw new ValidationError('since is after until', [
      { path: 'filter.since', message: 'after until' },
    ]);
  }
  return {
    actions: f?.actions ?? undefined,
    statuses: f?.statuses ?? undefined,
    actors: f?.actors ?? undefined,
    sources: f?.sources ?? undefined,
    resourceId: f?.resourceId
      ? decodeResourceId(String(f.resourceId), 'filter.resourceId')
      : undefined,
    since: f?.since ?? undefined,
    until: f?.until ?? undefined,
  };
}

async function auditPage(
  ctx: GraphQLContext,
  filter: AuditFilter,
  args: { first?: number | null; after?: string | null },
): Promise<AuditPage> {
  const size = pageSize(args.first);
  let after: { ts: string; id: string } | undefined;
  if (args.after) {
    const [ts, id] = decodeCursor(args.after).split('|');
    if (!ts || !id || Number.isNaN(Date.parse(ts))) {
      throw new ValidationError('Invalid cursor', [
        { path: 'after', message: 'not an audit cursor' },
      ]);
    }
    after = { ts, id };
  }
  const rows = await ctx.services.audit.list(filter, size + 1, after);
  const edges = rows.slice(0, size).map((node) => ({
    cursor: encodeCursor(`${node.timestamp}|${node.id}`),
    node,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    filter,
  };
}

const pageArgs = {
  first: { type: 'Int', required: false },
  after: { type: 'String', required: false },
} as const;

builder.queryFields((t) => ({
  auditLog: t.field({
    type: AuditConnectionRef,
    nullable: true,
    description: 'Every recorded action, newest first; null with an error when the store fails.',
    args: {
      filter: t.arg({ type: AuditFilterInput, required: false }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
    },
    resolve: (_root, args, ctx) => auditPage(ctx, toFilter(args.filter), args),
  }),
}));

builder.interfaceField(ResourceInterface, 'auditLog', (t) =>
  t.field({
    type: AuditConnectionRef,
    nullable: true,
    description:
      'The actions taken on this resource, newest first; null with an error when the store fails.',
    args: { first: t.arg(pageArgs.first), after: t.arg(pageArgs.after) },
    resolve: (r, args, ctx) => auditPage(ctx, { resourceId: r.id }, args),
  }),
);

/** Live events held for one slow subscriber; past them it reads on from the event log. */
const AUDIT_EVENT_BUFFER = 1_000;

builder.subscriptionFields((t) => ({
  auditEvents: t.field({
    type: AuditEventRef,
    description:
      'Each action as its outcome is recorded, exactly once and in order on every replica; ' +
      '`after` resumes from a cursor, and lost events are reported as a `gap`.',
    args: { filter: t.arg({ type: AuditFilterInput, required: false }), after: afterArg(t.arg) },
    subscribe: (_root, args, ctx) => {
      const f = toFilter(args.filter);
      const keep = (e: AuditEvent) =>
        (!f.actions?.length || f.actions.includes(e.action)) &&
        (!f.statuses?.length || f.statuses.includes(e.status)) &&
        (!f.actors?.length || f.actors.includes(e.actor)) &&
        (!f.sources?.length || f.sources.includes(e.source)) &&
        (!f.resourceId || f.resourceId === e.target?.id) &&
        (!f.since || new Date(e.timestamp) >= f.since) &&
        (!f.until || new Date(e.timestamp) < f.until);
      return subscribeLogged<AuditEvent>(ctx, {
        topic: AUDIT_TOPIC,
        after: args.after,
        keep,
        buffer: AUDIT_EVENT_BUFFER,
      });
    },
    resolve: (d) => streamed(d, REFETCH),
  }),
}));
