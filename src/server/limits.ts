import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  Kind,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type Source,
  type StringValueNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { perDocument } from './parse-cache.ts';
import { badString } from './strict-input.ts';

/** Every operation limit, each from its environment variable (see docs/security.md). */
export interface OperationLimits {
  /** Lexical tokens of a document; counted while parsing, so a huge document is never built. */
  maxTokens: number;
  /** Nesting of selections (introspection's own nesting is not counted; aliases bound it). */
  maxDepth: number;
  /** Aliased fields in one operation (`__typename` is free). */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Estimated cost: 1 per field, a list's selections times its `first` (10 without one). */
  maxCost: number;
}

/** The variable behind each limit, in refusals and docs. */
const VARIABLES = {
  maxTokens: 'MAX_QUERY_TOKENS',
  maxDepth: 'MAX_QUERY_DEPTH',
  maxAliases: 'MAX_QUERY_ALIASES',
  maxDirectives: 'MAX_QUERY_DIRECTIVES',
  maxCost: 'MAX_QUERY_COST',
} as const satisfies Record<keyof OperationLimits, string>;

const WHAT = {
  maxTokens: 'tokens',
  maxDepth: 'depth',
  maxAliases: 'aliases',
  maxDirectives: 'directives',
  maxCost: 'cost',
} as const satisfies Record<keyof OperationLimits, string>;

/**
 * A refusal naming the limit: `extensions.code` is the variable that sets it, with the limit
 * and (where known) what the operation asked for. HTTP 400 for every client (`spec: false`:
 * GraphQL over HTTP answers a document that fails the schema's rules with 200 to
 * application/json clients; a refusal by server policy is not that).
 */
export function limitError(
  limits: OperationLimits,
  which: keyof OperationLimits,
  actual: number | undefined,
): GraphQLError {
  const limit = limits[which];
  const found = actual === undefined ? `more than ${limit}` : String(actual);
  return new GraphQLError(
    `Operation refused: ${WHAT[which]} ${found} exceeds the limit of ${limit} (${VARIABLES[which]})`,
    {
      extensions: {
        code: VARIABLES[which],
        limit,
        ...(actual === undefined ? {} : { actual }),
        http: { status: 400, spec: false },
      },
    },
  );
}

/** GraphQL Armor reports "…, found N."; the number is the only part we keep. */
function foundIn(message: string): number | undefined {
  const m = /found (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/**
 * GraphQL Armor's parse-time and static validation limits, rewritten into our refusal shape.
 * They are envelop hooks, so they run for HTTP, SSE and graphql-ws (which builds operations
 * through yoga.getEnveloped) alike, and their results are cached with the document.
 */
export function armorPlugins(limits: OperationLimits): Plugin[] {
  const nesting = maxNesting(limits);
  const report =
    (which: keyof OperationLimits) => (ctx: ValidationContext | null, err: GraphQLError) =>
      ctx?.reportError(limitError(limits, which, foundIn(err.message)));
  return [
    {
      onParse({ params }) {
        const source = params.source as string | Source;
        const found = nestingOf(typeof source === 'string' ? source : source.body, nesting);
        if (found > nesting) throw limitError(limits, 'maxDepth', undefined);
      },
    },
    maxTokensPlugin({
      n: limits.maxTokens,
      onReject: [
        () => {
          throw limitError(limits, 'maxTokens', undefined);
        },
      ],
    }),
    maxDepthPlugin({
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [report('maxDepth')],
    }),
    maxAliasesPlugin({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [report('maxAliases')],
    }),
    maxDirectivesPlugin({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [report('maxDirectives')],
    }),
  ];
}

/**
 * graphql-js parses recursively: about 2,500 nested braces, well within the token limit,
 * overflow its stack (a 500). Braces, brackets and parentheses deeper than this are refused
 * before parsing, by a linear scan that skips strings and comments.
 */
function maxNesting(limits: OperationLimits): number {
  return Math.max(64, 4 * limits.maxDepth);
}

/** The deepest nesting of `{ [ (` in a document, counting stops just past `stopAt`. */
export function nestingOf(source: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === 0x22 /* " */) {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end < 0 ? source.length : end + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++) {
          if (source[i] === '\\') i++;
        }
      }
    } else if (c === 0x7b || c === 0x5b || c === 0x28) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    } else if (c === 0x7d || c === 0x5d || c === 0x29) {
      depth--;
    }
  }
  return deepest;
}

/** What a per-request check needs (the same for yoga's hooks and graphql-ws's onSubscribe). */
export interface OperationRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables: unknown;
  operationName: string | null | undefined;
  context: object;
}

/**
 * The checks that depend on the request, not only on the document: the cost (list fields
 * multiply by the `first` they ask for, from literals and variables alike, by
 * @pothos/plugin-complexity's validation rule) and strict strings in literals and variables.
 * Runs before any resolver; an empty answer means go.
 */
export function checkOperation(limits: OperationLimits, op: OperationRequest): GraphQLError[] {
  const literal = badLiteralOf(op.document);
  const bad =
    (literal && badString(literal.value, 'a string literal', [literal])) ??
    badString(op.variables, 'variables');
  if (bad) return [bad];
  return costsOf(op)
    .filter((cost) => cost > limits.maxCost)
    .map((cost) => limitError(limits, 'maxCost', cost));
}

/** Variable sets (with the operation name) whose costs are kept per document, and their size. */
const COSTS_PER_DOCUMENT = 16;
const MAX_COST_KEY = 1024;
const knownCosts = perDocument(() => new Map<string, number[]>());

/**
 * The cost of each operation the rule measures, for this document, operation and variables
 * (fieldComplexity reads no context): a client asking the same query with the same variables,
 * as a dashboard does, has it measured once, not by a validation pass per request.
 */
function costsOf(op: OperationRequest): number[] {
  const key = costKey(op);
  const known = key === undefined ? undefined : knownCosts(op.document);
  const cached = key === undefined ? undefined : known?.get(key);
  if (cached) return cached;
  const costs: number[] = [];
  const rule = createComplexityRule({
    context: op.context,
    variableValues: (op.variables ?? {}) as Record<string, unknown>,
    operationName: op.operationName ?? undefined,
    validate: (state) => {
      costs.push(state.complexity);
    },
  });
  // Variable problems the rule finds are left to execution, which words them the usual way.
  validate(op.schema, op.document, [rule]);
  if (known && key !== undefined) {
    if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value as string);
    known.set(key, costs);
  }
  return costs;
}

/** The operation and its variables as a key; none for large variables, or too deep to print. */
function costKey(op: OperationRequest): string | undefined {
  try {
    const key = `${op.operationName ?? ''}\n${JSON.stringify(op.variables ?? {})}`;
    return key.length <= MAX_COST_KEY ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The first string literal with NUL or an unpaired surrogate. */
const badLiteralOf = perDocument((document): StringValueNode | undefined => {
  let found: StringValueNode | undefined;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!found && badString(node.value, 'a string literal', [node])) found = node;
    },
  });
  return found;
});

const LIMIT_CODES = new Set<unknown>(Object.values(VARIABLES));

/**
 * Keeps a refusal by a limit a 400 for every client: yoga marks every parse error as a spec
 * error (`spec: true`, 200 to application/json clients) after our hooks have run.
 */
function refusalsAre400(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || !('errors' in result)) return;
      for (const error of result.errors ?? []) {
        const http = error.extensions?.http;
        if (http && LIMIT_CODES.has(error.extensions?.code)) http.spec = false;
      }
    },
  };
}

/** Yoga hooks: refuse an operation over a limit before execution or subscription starts. */
export function operationLimitsPlugin(limits: OperationLimits): Plugin {
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: unknown;
    operationName?: string | null | undefined;
    contextValue: unknown;
  }) =>
    checkOperation(limits, {
      schema: args.schema,
      document: args.document,
      variables: args.variableValues,
      operationName: args.operationName,
      context: args.contextValue as object,
    });
  return {
    ...refusalsAre400(),
    onExecute({ args, setResultAndStopExecution }) {
      const errors = check(args);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const errors = check(args);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
