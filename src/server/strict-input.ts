import { GraphQLError, type ASTNode } from 'graphql';

/**
 * Strings the store and the audit hash cannot keep byte-for-byte: PostgreSQL text refuses NUL,
 * and an unpaired surrogate has no UTF-8 form (it would be stored as U+FFFD while the hash kept
 * the original). Refused at the edge, for every String or ID input, literal or variable.
 */
export function unstorable(s: string): boolean {
  return s.includes('\0') || !s.isWellFormed();
}

/**
 * The first unstorable string anywhere in `value` (object keys included), as a 400
 * `VALIDATION_FAILED`. Walks with an explicit stack: a 10,000-deep input is no stack overflow.
 */
export function badString(
  value: unknown,
  where: string,
  nodes?: readonly ASTNode[],
): GraphQLError | undefined {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (unstorable(v)) return refusal(where, nodes);
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (unstorable(k)) return refusal(where, nodes);
        stack.push(item);
      }
    }
  }
  return undefined;
}

function refusal(where: string, nodes: readonly ASTNode[] | undefined): GraphQLError {
  return new GraphQLError(
    `Invalid input: ${where} holds a NUL character or an unpaired UTF-16 surrogate`,
    {
      ...(nodes ? { nodes } : {}),
      extensions: { code: 'VALIDATION_FAILED', http: { status: 400, spec: false } },
    },
  );
}
