// Advice in pages: the recommendations query, Resource.recommendations, and their totals,
// each batched over a page of resources.
import type { PageRequest } from '../providers/paging.ts';
import { listKey, type RecommendationFilter, type Totals } from '../recommendations/store-sql.ts';
import type { Recommendation, RecommendationStatus } from '../recommendations/types.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { argsKey, argsKeyOptions, argsLoader, byArgs } from './execution-cache.ts';
import { connectionOf, PAGE_ARG_DOCS, pageRequest, type Page } from './pagination.ts';
import {
  RecommendationRef,
  RecommendationSourceEnum,
  RecommendationTypeEnum,
  StatusEnum,
} from './recommendations.ts';
import { decodeResourceId, ResourceInterface } from './resources.ts';

/** A page of advice; its totals are counted only when asked for. */
type RecPage = Omit<Page<Recommendation>, 'totalCount'> & { filter: RecommendationFilter };

const RecommendationEdgeRef = builder
  .objectRef<{ cursor: string; node: Recommendation }>('RecommendationEdge')
  .implement({
    description: 'One piece of advice of a page, with its cursor.',
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        description: 'Pass as `after` to continue after this advice.',
      }),
      node: t.field({
        type: RecommendationRef,
        description: 'The advice.',
        resolve: (e) => e.node,
      }),
    }),
  });

/** The key of totals over the whole filter rather than one resource's advice. */
const ALL = '';

/** Totals of one execution: every resource's of a page in one query (count and savings). */
const recommendationTotals = argsLoader<RecommendationFilter, Totals>(async (ids, filter, ctx) => {
  const store = ctx.services.recommendations.store;
  const targets = ids.filter((id) => id !== ALL);
  const [perTarget, all] = await Promise.all([
    targets.length ? store.totalsPerTarget(targets, filter) : [],
    ids.includes(ALL) ? store.totals(filter) : undefined,
  ]);
  const byTarget = new Map(targets.map((id, i) => [id, perTarget[i]]));
  return ids.map((id) => (id === ALL ? all : byTarget.get(id)) as Totals);
});

const totalsOf = (c: RecPage, ctx: GraphQLContext) => {
  const { targetIds, ...rest } = c.filter;
  const one = targetIds?.length === 1 ? targetIds[0] : undefined;
  return recommendationTotals(ctx).load(
    one === undefined ? argsKey(ALL, c.filter) : argsKey(one, rest),
  );
};

const RecommendationConnectionRef = builder
  .objectRef<RecPage>('RecommendationConnection')
  .implement({
    description: 'A page of advice, largest estimated savings first (then by id).',
    fields: (t) => ({
      edges: t.field({
        type: [RecommendationEdgeRef],
        description: 'The advice of this page.',
        resolve: (c) => c.edges,
      }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        description: 'Whether more follow, and the cursors.',
        resolve: (c) => c.pageInfo,
      }),
      totalCount: t.int({
        description: 'Every piece of advice matching the filter (not just this page).',
        resolve: async (c, _a, ctx) => (await totalsOf(c, ctx)).totalCount,
      }),
      totalMonthlySavings: t.float({
        description: 'Sum of positive estimated savings over every match (not just this page).',
        resolve: async (c, _a, ctx) => (await totalsOf(c, ctx)).totalMonthlySavings,
      }),
    }),
  });

const RecommendationFilterInput = builder.inputType('RecommendationFilter', {
  description: 'Which advice to return; every field given must match (AND), each list is OR.',
  fields: (t) => ({
    statuses: t.field({ type: [StatusEnum], required: false, description: 'Default: all.' }),
    types: t.field({
      type: [RecommendationTypeEnum],
      required: false,
      description: "Any of these types (CUSTOM matches every agent's own type). Default: all.",
    }),
    resourceId: t.id({
      required: false,
      description: 'About this resource (its global id; it may be gone).',
    }),
    sources: t.field({
      type: [RecommendationSourceEnum],
      required: false,
      description: 'From any of these kinds of source. Default: all.',
    }),
    namespaces: t.stringList({
      required: false,
      description: 'About resources in these namespaces (exact). Default: all.',
    }),
  }),
});

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A connection from up to first + 1 rows read after the cursor. */
function recPage(rows: Recommendation[], req: PageRequest, filter: RecommendationFilter): RecPage {
  const page = connectionOf(
    {
      items: rows.slice(0, req.first),
      hasPreviousPage: req.after !== undefined,
      hasNextPage: rows.length > req.first,
    },
    listKey,
  );
  return { ...page, filter };
}

/** A page of the advice matching `filter`, in list order (see listKey). */
export async function recommendationPage(
  ctx: GraphQLContext,
  filter: RecommendationFilter,
  args: PageArgs,
): Promise<RecPage> {
  const req = pageRequest(args);
  const rows = await ctx.services.recommendations.store.page(filter, req.first + 1, req.after);
  return recPage(rows, req, filter);
}

builder.queryFields((t) => ({
  recommendations: t.field({
    type: RecommendationConnectionRef,
    nullable: true,
    description:
      'Advice about the estate, largest estimated savings first; null with an error when the store fails.',
    args: {
      filter: t.arg({
        type: RecommendationFilterInput,
        required: false,
        description: 'Which advice; all when absent.',
      }),
      first: t.arg.int({ required: false, description: PAGE_ARG_DOCS.first }),
      after: t.arg.string({ required: false, description: PAGE_ARG_DOCS.after }),
    },
    resolve: (_root, args, ctx) => {
      const f = args.filter ?? {};
      return recommendationPage(
        ctx,
        {
          statuses: f.statuses ?? undefined,
          types: f.types ?? undefined,
          sources: f.sources ?? undefined,
          namespaces: f.namespaces ?? undefined,
          targetIds: f.resourceId
            ? [decodeResourceId(String(f.resourceId), 'filter.resourceId')]
            : undefined,
          scope: ctx.scope,
        },
        args,
      );
    },
  }),
}));

type ResourcePageArgs = PageArgs & { statuses: RecommendationStatus[] };

builder.interfaceField(ResourceInterface, 'recommendations', (t) =>
  t.loadable({
    type: RecommendationConnectionRef,
    nullable: true,
    description:
      'Advice about this resource (default: OPEN only); null with an error when the store fails.',
    args: {
      statuses: t.arg({
        type: [StatusEnum],
        required: false,
        description: 'In any of these statuses (default: OPEN).',
      }),
      first: t.arg.int({ required: false, description: PAGE_ARG_DOCS.first }),
      after: t.arg.string({ required: false, description: PAGE_ARG_DOCS.after }),
    },
    // Every resource of a page with the same arguments: one query.
    resolve: (r, args) =>
      argsKey<ResourcePageArgs>(r.id, {
        statuses: args.statuses ?? ['OPEN'],
        first: args.first,
        after: args.after,
      }),
    loaderOptions: argsKeyOptions,
    load: byArgs<ResourcePageArgs, RecPage>(async (ids, args, ctx) => {
      const req = pageRequest(args);
      const filter = { statuses: args.statuses };
      const pages = await ctx.services.recommendations.store.pagePerTarget(
        ids,
        filter,
        req.first + 1,
        req.after,
      );
      return pages.map((rows, i) =>
        recPage(rows, req, { ...filter, targetIds: [ids[i] as string] }),
      );
    }),
  }),
);
