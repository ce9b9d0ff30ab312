// Pothos keeps per-context things (the dataloader plugin's loaders, createContextCache) under
// `context[Symbol.for('Pothos.contextCache')]` when that is set, else under the context itself.
// A query or mutation has a context of its own, so its loaders live exactly as long as it does.
// A subscription keeps one context for its whole life and runs each event with it: loaders
// keyed on it would serve the first event's data to every later event and grow for as long as
// the socket lives. This plugin gives every subscription event a cache of its own: the root
// subscription field resolves once per event, before any field below it, so it swaps in a new
// cache there. Events of one subscription run one after another (graphql-js maps the source
// stream one `next()` at a time), so an event's fields never see the next event's cache.
import SchemaBuilder, {
  BasePlugin,
  createContextCache,
  initContextCache,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import DataLoader from 'dataloader';
import type { GraphQLFieldResolver } from 'graphql';
import type { GraphQLContext } from './context.ts';

export class ExecutionCachePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Subscription') return resolver;
    return (event, args, context, info) => {
      Object.assign(context, initContextCache());
      return resolver(event, args, context, info);
    };
  }
}

declare global {
  // Pothos's plugin registry is a global namespace; declaration merging is the only way in.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      executionCache: ExecutionCachePlugin<Types>;
    }
  }
}

const pluginName = 'executionCache';
SchemaBuilder.registerPlugin(pluginName, ExecutionCachePlugin);
export default pluginName;

/** Something made once per execution (an operation, or one subscription event). */
export function perExecution<T>(create: (ctx: GraphQLContext) => T): (ctx: GraphQLContext) => T {
  return createContextCache<T, GraphQLContext>(create);
}

/** A key of a loadable field with arguments: the parent's id and the arguments asked with. */
export interface ArgsKey<A> {
  id: string;
  args: A;
}

export const argsKey = <A>(id: string, args: A): ArgsKey<A> => ({ id, args });

/** DataLoader options for ArgsKey keys (two keys are one when id and arguments are). */
export const argsKeyOptions = {
  cacheKeyFn: <A>(k: ArgsKey<A>) => `${JSON.stringify(k.args)}\u0000${k.id}`,
};

/**
 * The batch function of a loadable field with arguments: the keys of one argument set go to
 * `load` together, so a page of 100 resources costs one call per argument set, and two fields
 * with different arguments (`... on Pod { auditLog(first: 1) }`, `... on Node { auditLog }`)
 * never share a result. A set whose call fails fails alone.
 */
export function byArgs<A, V>(
  load: (ids: string[], args: A, ctx: GraphQLContext) => Promise<V[]>,
): (keys: readonly ArgsKey<A>[], ctx: GraphQLContext) => Promise<(V | Error)[]> {
  return async (keys, ctx) => {
    const groups = new Map<string, number[]>();
    keys.forEach((k, i) => {
      const g = JSON.stringify(k.args);
      groups.set(g, [...(groups.get(g) ?? []), i]);
    });
    const out: (V | Error)[] = new Array<V | Error>(keys.length);
    await Promise.all(
      [...groups.values()].map(async (indexes) => {
        const first = keys[indexes[0] as number] as ArgsKey<A>;
        const ids = indexes.map((i) => (keys[i] as ArgsKey<A>).id);
        const values = await load(ids, first.args, ctx).catch((err: unknown) =>
          ids.map(() => (err instanceof Error ? err : new Error(String(err)))),
        );
        indexes.forEach((i, j) => (out[i] = values[j] as V | Error));
      }),
    );
    return out;
  };
}

/** A loader of one execution over ArgsKey keys, batched by byArgs. */
export function argsLoader<A, V>(
  load: (ids: string[], args: A, ctx: GraphQLContext) => Promise<V[]>,
): (ctx: GraphQLContext) => DataLoader<ArgsKey<A>, V, string> {
  const batch = byArgs(load);
  return perExecution(
    (ctx) => new DataLoader<ArgsKey<A>, V, string>((keys) => batch(keys, ctx), argsKeyOptions),
  );
}
