// The relay plugin resolves every node's `id` with an async function (it awaits the id
// option's resolver even when that returns a plain value), so every object that selects `id`
// completes through a promise: on a page of 100 pods with their workload and node that is 300
// promises and the microtask turns of their parents, for ids read straight off the objects.
// This plugin gives those fields a synchronous resolver with the same answer whenever the
// node's own id resolver returns a value, and defers to the async path when it returns a
// promise. It must be the last plugin in the builder's list, so it replaces only the relay
// plugin's resolver and every other plugin still wraps the result.
//
// A node type whose objects are immutable snapshots (a resource from the watch caches) can set
// `extensions: { [MEMOIZE_GLOBAL_ID]: true }`: its encoded ids are then kept per object, since
// the same pods, nodes and workloads come back page after page and base64 of a fresh buffer
// per id was most of what the ids cost.
import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLFieldResolver } from 'graphql';

/** Type extension: the type's objects never change, so their global ids can be memoized. */
export const MEMOIZE_GLOBAL_ID = 'memoizeGlobalId';

type IdResolver = (...args: Parameters<GraphQLFieldResolver<unknown, unknown>>) => unknown;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

export class SyncNodeIdsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const relay = this.builder.options.relay;
    if (fieldConfig.kind !== 'Object' || fieldConfig.name !== (relay?.idFieldName ?? 'id'))
      return resolver;
    const typeConfig = this.buildCache.getTypeConfig(fieldConfig.parentType);
    // Only node types (builder.node / nodeRef) carry the `id` option in their type config.
    const idOf = (typeConfig.pothosOptions as { id?: { resolve?: IdResolver } }).id?.resolve;
    if (typeConfig.kind !== 'Object' || !idOf) return resolver;
    const typename = typeConfig.name;
    const encode = relay?.encodeGlobalID ?? encodeGlobalID;
    const sync: GraphQLFieldResolver<unknown, Types['Context'], object> = (
      parent,
      args,
      context,
      info,
    ) => {
      const raw = idOf(parent, args, context, info);
      return isThenable(raw)
        ? Promise.resolve(raw).then((id) => encode(typename, String(id), context))
        : encode(typename, String(raw), context);
    };
    if (!typeConfig.extensions?.[MEMOIZE_GLOBAL_ID] || relay?.encodeGlobalID) return sync;
    const memo = new WeakMap<object, unknown>();
    return (parent, args, context, info) => {
      let id = memo.get(parent as object);
      if (id === undefined) {
        id = sync(parent, args, context, info);
        if (typeof id === 'string') memo.set(parent as object, id);
      }
      return id;
    };
  }
}

declare global {
  // Pothos's plugin registry is a global namespace; declaration merging is the only way in.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      syncNodeIds: SyncNodeIdsPlugin<Types>;
    }
  }
}

const pluginName = 'syncNodeIds';
SchemaBuilder.registerPlugin(pluginName, SyncNodeIdsPlugin);
export default pluginName;
