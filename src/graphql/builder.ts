import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ComplexityPlugin from '@pothos/plugin-complexity';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { roleAtLeast } from '../auth/viewer.ts';
import type { GraphQLContext } from './context.ts';
import SyncNodeIdsPlugin from './sync-node-ids.ts';
import ExecutionCachePlugin from './execution-cache.ts';
import { fieldComplexity } from './complexity.ts';

export type Scalars = {
  DateTime: { Input: Date; Output: Date | string };
  JSON: { Input: unknown; Output: unknown };
  Duration: { Input: string; Output: string };
};

/** The one role scope a refused field asked for (`authScopes: { operator: true }`), if one. */
function scopeOf(failure: AuthFailure): string | undefined {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope;
  const [only, ...more] =
    failure.kind === AuthScopeFailureType.AnyAuthScopes ? failure.failures : [];
  return only && more.length === 0 ? scopeOf(only) : undefined;
}

/**
 * For `node(id)` alone (never a list): an object a person's scope does not show but their
 * cluster's authorizers let them `get` by name (a webhook; KubeAccess.readableById), when it is
 * of the type the id names; else null.
 */
async function gettableByName(
  id: { typename: string; id: string },
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  const r = await ctx.services.access?.readableById(ctx.viewer, id.id);
  const type = r && info.schema.getType(id.typename);
  return isObjectType(type) && (await type.isTypeOf?.(r, ctx, info)) === true ? r : null;
}

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: Scalars;
  AuthScopes: { viewer: boolean; operator: boolean; admin: boolean };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  // SyncNodeIdsPlugin last: it must see the relay plugin's own id resolver (sync-node-ids.ts).
  plugins: [
    ScopeAuthPlugin,
    ErrorsPlugin,
    RelayPlugin,
    DataloaderPlugin,
    ComplexityPlugin,
    ExecutionCachePlugin,
    SyncNodeIdsPlugin,
  ],
  // Costs only: the edge (src/server/limits.ts) enforces MAX_QUERY_COST while validating, with
  // the request's variables, so the plugin's own per-resolver check stays off.
  complexity: { disabled: true, fieldComplexity },
  scopeAuth: {
    authScopes: (ctx) => ({
      viewer: roleAtLeast(ctx.viewer.role, 'viewer'),
      operator: roleAtLeast(ctx.viewer.role, 'operator'),
      admin: roleAtLeast(ctx.viewer.role, 'admin'),
    }),
    unauthorizedError: (_parent, context, info, result) => {
      // A field guarded by one role scope names it: the role that would allow the field.
      const role = scopeOf(result.failure);
      // Built by yoga's own helper so its error masking recognises it under every loader.
      return createGraphQLError(
        `Forbidden: ${info.parentType.name}.${info.fieldName} needs ${role ? `the ${role} role` : 'a higher role'}, not ${context.viewer.role}`,
        { extensions: { code: 'FORBIDDEN', ...(role ? { requiredRole: role } : {}) } },
      );
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      nullable: true,
      description:
        'Anything with a global id, refetched by it; null when it no longer exists or the id names nothing.',
      args: { id: { description: 'A global id, as an `id` field returned it.' } },
      resolve: async (_root, args, ctx, info, resolveNode) =>
        (await resolveNode(args.id)) ?? gettableByName(args.id, ctx, info),
    },
    nodesQueryOptions: false,
    nodeTypeOptions: {
      description: 'An object with an opaque global id that `node(id)` loads again.',
    },
    idFieldOptions: {
      description:
        'Opaque global id: pass it to `node(id)` or to a mutation input; never parse it.',
    },
    pageInfoTypeOptions: {
      description: 'Where a page sits in its connection, and the cursors to move from it.',
    },
    hasNextPageFieldOptions: {
      description: 'Whether more items follow this page (ask with `first` and `after: endCursor`).',
    },
    hasPreviousPageFieldOptions: {
      description:
        'Whether items precede this page (ask with `last` and `before: startCursor` where the connection takes them).',
    },
    startCursorFieldOptions: {
      description: 'The cursor of the first edge of this page; null for an empty page.',
    },
    endCursorFieldOptions: {
      description: 'The cursor of the last edge of this page; null for an empty page.',
    },
  },
  errors: {
    defaultTypes: [],
  },
});

/** The builder's resolved schema types, for helpers that declare types on behalf of domains. */
export type BuilderTypes =
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
