import type { ArgBuilder } from '@pothos/core';
import { AUDIT_TOPIC } from '../actions/pipeline.ts';
import { filterMatcher } from '../audit/filter.ts';
import type { AuditDirection, AuditKey } from '../audit/store.ts';
import type { AuditEvent, AuditFilter, KnownAuditAction } from '../audit/types.ts';
import { ValidationError } from '../errors.ts';
import {
  AUDIT_REFETCH,
  AuditActionEnum,
  AuditEventRef,
  AuditSourceEnum,
  AuditStatusEnum,
} from './audit.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { argsKey, argsKeyOptions, argsLoader, byArgs } from './execution-cache.ts';
import {
  decodeCursor,
  DEFAULT_PAGE,
  connectionOf,
  MAX_PAGE,
  PAGE_ARG_DOCS,
  pageSize,
  type Page,
} from './pagination.ts';
import { decodeResourceId, ResourceInterface } from './resources.ts';
import { afterArg, streamed, subscribeLogged } from './streams.ts';

// The audit log as read: its filter, pages both ways (first/after older, last/before newer),
// `auditLog`, `Resource.auditLog` and the `auditEvents` subscription.

const AuditFilterInput = builder.inputType('AuditLogFilter', {
  description:
    'Which recorded actions to return; every field given must match (AND), each list is OR.',
  fields: (t) => ({
    actions: t.field({
      type: [AuditActionEnum],
      required: false,
      description: 'Any of these actions (OTHER matches every name this version does not know).',
    }),
    statuses: t.field({
      type: [AuditStatusEnum],
      required: false,
      description: 'In any of these statuses.',
    }),
    actors: t.stringList({ required: false, description: 'By any of these actors (exact names).' }),
    sources: t.field({
      type: [AuditSourceEnum],
      required: false,
      description: 'From any of these sources.',
    }),
    resourceId: t.id({ required: false, description: 'The global id of a resource.' }),
    since: t.field({
      type: 'DateTime',
      required: false,
      description: 'At or after this time (inclusive).',
    }),
    until: t.field({
      type: 'DateTime',
      required: false,
      description: 'Before this time (exclusive); not before `since`.',
    }),
  }),
});

type AuditPage = Omit<Page<AuditEvent>, 'totalCount'> & { filter: AuditFilter };

const AuditEdgeRef = builder
  .objectRef<{ cursor: string; node: AuditEvent }>('AuditEventEdge')
  .implement({
    description: 'One recorded action of a page, with its cursor.',
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        description:
          'Pass as `after` for the actions older than this one, or as `before` for the newer ones.',
      }),

      node: t.field({ type: AuditEventRef, description: 'The action.', resolve: (e) => e.node }),
    }),
  });

/** Counts of one execution: every resource's `auditLog { totalCount }` of a page in one query. */
const auditCounts = argsLoader<AuditFilter, number>(async (ids, filter, c) => {
  const targets = ids.filter((id) => id !== ALL);
  const [perTarget, all] = await Promise.all([
    targets.length ? c.services.audit.countPerTarget(targets, filter) : [],
    ids.includes(ALL) ? c.services.audit.count(filter) : 0,
  ]);
  const n = new Map(targets.map((id, i) => [id, perTarget[i] ?? 0]));
  return ids.map((id) => (id === ALL ? all : (n.get(id) ?? 0)));
});

/** The key of a count over the whole filter rather than one resource's events. */
const ALL = '';

const AuditConnectionRef = builder.objectRef<AuditPage>('AuditEventConnection').implement({
  description:
    'A page of the audit log, newest first, keyset-paginated on (timestamp, id): forward to older actions with first/after, backward to newer ones with last/before.',
  fields: (t) => ({
    edges: t.field({
      type: [AuditEdgeRef],
      description: 'The actions of this page, newest first.',
      resolve: (c) => c.edges,
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: 'Whether more follow, and the cursors.',
      resolve: (c) => c.pageInfo,
    }),
    totalCount: t.int({
      description: 'Counted only when asked for (it costs a scan of the matching rows).',
      resolve: (c, _args, ctx) => {
        const { resourceId, ...rest } = c.filter;
        return auditCounts(ctx).load(argsKey(resourceId ?? ALL, rest));
      },
    }),
  }),
});

type FilterArg = {
  actions?: KnownAuditAction[] | null;
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

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A page as the store reads it: `size` rows from `from`, older (first/after) or newer (last/before). */
interface AuditRequest {
  size: number;
  from: AuditKey | undefined;
  direction: AuditDirection;
}

function auditKey(cursor: string, path: 'after' | 'before'): AuditKey {
  const [ts, id] = decodeCursor(cursor, path).split('|');
  if (!ts || !id || Number.isNaN(Date.parse(ts))) {
    throw new ValidationError('Invalid cursor', [{ path, message: 'not an audit cursor' }]);
  }
  return { ts, id };
}

/** The paging arguments, validated: forward (first/after) or backward (last/before), not both. */
function auditRequest(args: PageArgs): AuditRequest {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) {
    throw new ValidationError('Page forward (first/after) or backward (last/before), not both', [
      { path: args.first != null ? 'first' : 'after', message: 'with last or before' },
    ]);
  }
  if (!backward) {
    return {
      size: pageSize(args.first),
      from: args.after ? auditKey(args.after, 'after') : undefined,
      direction: 'older',
    };
  }
  return {
    size: pageSize(args.last, undefined, 'last'),
    from: args.before ? auditKey(args.before, 'before') : undefined,
    direction: 'newer',
  };
}

/**
 * A connection, newest first, from up to size + 1 rows read as `req` says. Read backward, the
 * rows come oldest first from the cursor: the page is the `size` nearest it, and the extra
 * row says that newer ones precede it.
 */
function auditPage(rows: AuditEvent[], req: AuditRequest, filter: AuditFilter): AuditPage {
  const items = rows.slice(0, req.size);
  if (req.direction === 'newer') items.reverse();
  const more = rows.length > req.size;
  const fromCursor = req.from !== undefined;
  const page = connectionOf(
    {
      items,
      hasNextPage: req.direction === 'older' ? more : fromCursor,
      hasPreviousPage: req.direction === 'older' ? fromCursor : more,
    },
    (e) => `${e.timestamp}|${e.id}`,
  );
  return { ...page, filter };
}

/** The paging arguments of every audit log connection. */
function pageArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    first: arg.int({ required: false, description: PAGE_ARG_DOCS.first }),
    after: arg.string({ required: false, description: PAGE_ARG_DOCS.after }),
    last: arg.int({
      required: false,
      description: `How many of the newest items before \`before\` (the oldest of the log without it), newest first: 0 to ${MAX_PAGE}, default ${DEFAULT_PAGE}. Not with \`first\` or \`after\`.`,
    }),
    before: arg.string({
      required: false,
      description:
        "Read the items newer than this cursor (a page's `startCursor`): what was recorded since that page.",
    }),
  };
}

builder.queryFields((t) => ({
  auditLog: t.field({
    type: AuditConnectionRef,
    nullable: true,
    description: 'Every recorded action, newest first; null with an error when the store fails.',
    args: {
      filter: t.arg({
        type: AuditFilterInput,
        required: false,
        description: 'Which actions; all when absent.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, ctx) => {
      const filter = { ...toFilter(args.filter), scope: ctx.scope };
      const req = auditRequest(args);
      const rows = await ctx.services.audit.list(filter, req.size + 1, req.from, req.direction);
      return auditPage(rows, req, filter);
    },
  }),
}));

builder.interfaceField(ResourceInterface, 'auditLog', (t) =>
  t.loadable({
    type: AuditConnectionRef,
    nullable: true,
    description:
      'The actions taken on this resource, newest first; null with an error when the store fails.',
    args: pageArgs(t.arg),
    // Every resource of a page with the same arguments: one query.
    resolve: (r, args) =>
      argsKey<PageArgs>(r.id, {
        first: args.first,
        after: args.after,
        last: args.last,
        before: args.before,
      }),
    loaderOptions: argsKeyOptions,
    load: byArgs<PageArgs, AuditPage>(async (ids, args, ctx) => {
      const req = auditRequest(args);
      const pages = await ctx.services.audit.listPerTarget(
        ids,
        {},
        req.size + 1,
        req.from,
        req.direction,
      );
      return pages.map((rows, i) => auditPage(rows, req, { resourceId: ids[i] }));
    }),
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
    args: {
      filter: t.arg({
        type: AuditFilterInput,
        required: false,
        description: 'Only matching actions; all when absent.',
      }),
      after: afterArg(t.arg),
    },
    subscribe: (_root, args, ctx) => {
      const keep = filterMatcher({ ...toFilter(args.filter), scope: ctx.scope });
      return subscribeLogged<AuditEvent>(ctx, {
        topic: AUDIT_TOPIC,
        after: args.after,
        keep,
        buffer: AUDIT_EVENT_BUFFER,
      });
    },
    resolve: (d) => streamed(d, AUDIT_REFETCH),
  }),
}));
