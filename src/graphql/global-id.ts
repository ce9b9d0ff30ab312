import { decodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from '../errors.ts';

/** The type name and id inside a Relay global id; undefined when it is not one. */
export function parseGlobalId(globalId: string): { typename: string; id: string } | undefined {
  try {
    return decodeGlobalID(globalId);
  } catch {
    return undefined;
  }
}

/**
 * The id inside a global id of one of the `accepted` types. Anything else (malformed, or the
 * id of another type) is a ValidationError at `path` saying what was expected.
 */
export function decodeGlobalIdOf(
  globalId: string,
  accepted: (typename: string) => boolean,
  what: string,
  path = 'id',
): string {
  const parsed = parseGlobalId(globalId);
  if (parsed && accepted(parsed.typename)) return parsed.id;
  throw new ValidationError(`"${globalId}" is not ${what}`, [
    { path, message: parsed ? `the id of a ${parsed.typename}` : 'not a global id' },
  ]);
}
