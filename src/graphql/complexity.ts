import { getNamedType, isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
import { DEFAULT_PAGE } from './pagination.ts';

/** A list without a `first` (or `last`) argument is assumed to hold this many items. */
const LIST_MULTIPLIER = 10;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * The cost of one field for @pothos/plugin-complexity: 1, and its selections multiplied by the
 * `first` (or, paging backward, `last`) it asks for (the default page when it asks for
 * neither), or by 10 for a plain list. A connection's `edges` list is already counted by the
 * connection's page size.
 */
export function fieldComplexity(
  args: Record<string, unknown>,
  _ctx: unknown,
  field: { type: GraphQLOutputType; args?: readonly { name: string }[] },
): { field: number; multiplier: number } {
  if (field.args?.some((a) => a.name === 'first')) {
    const size =
      typeof args.first === 'number'
        ? args.first
        : typeof args.last === 'number'
          ? args.last
          : DEFAULT_PAGE;
    return { field: 1, multiplier: Math.max(1, size) };
  }
  if (!isList(field.type)) return { field: 1, multiplier: 1 };
  const edges = getNamedType(field.type).name.endsWith('Edge');
  return { field: 1, multiplier: edges ? 1 : LIST_MULTIPLIER };
}
