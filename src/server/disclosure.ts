import { Kind, visit, type ASTVisitor, type DocumentNode, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { ServerContext } from '../graphql/context.ts';
import { perDocument } from './parse-cache.ts';

/** Who may read the schema: every role, or admins only (production's default). */
export type Audience = 'all' | 'admin';

export interface DisclosureSettings {
  /** `__schema` and `__type` (`__typename` is always allowed: clients need it). */
  introspection: Audience;
  /** graphql-js's "Did you mean …?" hints in error messages, which leak field and enum names. */
  suggestions: Audience;
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function isAdmin(context: unknown): boolean {
  return (context as Partial<ServerContext> | undefined)?.viewer?.role === 'admin';
}

const introspects = perDocument((document: DocumentNode): boolean => {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
});

/** A rule that checks nothing; its name keys the validation cache (see disclosurePlugin). */
function HideSuggestions(): ASTVisitor {
  return {};
}

/** The same errors without their suggestions (new objects: yoga may cache the originals). */
function withoutSuggestions(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((e) => {
    const message = e.message.replace(SUGGESTION, '');
    if (message === e.message) return e;
    return createGraphQLError(message, {
      nodes: e.nodes,
      source: e.source,
      positions: e.positions,
      path: e.path,
      originalError: e.originalError,
      extensions: e.extensions,
    });
  });
}

/**
 * What the API tells a caller about its own schema. Runs on every transport (graphql-ws builds
 * its operations through yoga's envelop too). Introspection is refused at execution, where no
 * cache stands between the caller's role and the verdict.
 */
export function disclosurePlugin(settings: DisclosureSettings): Plugin {
  const refuseIntrospection = settings.introspection === 'admin';
  const hideSuggestions = settings.suggestions === 'admin';
  return {
    onValidate: ({ context, addValidationRule }) => {
      if (!hideSuggestions || isAdmin(context)) return;
      // Yoga caches validation results by the rules' names: this rule gives non-admins' stripped
      // results a cache of their own, apart from the admins' full ones.
      addValidationRule(HideSuggestions);
      return ({ result, setResult }) => {
        if (result.length > 0) setResult(withoutSuggestions(result as readonly GraphQLError[]));
      };
    },
    onExecute: ({ args }) => {
      const admin = isAdmin(args.contextValue);
      if (refuseIntrospection && !admin && introspects(args.document as DocumentNode)) {
        throw createGraphQLError('Introspection is for admins only on this server', {
          extensions: { code: 'INTROSPECTION_DISABLED', http: { status: 400 } },
        });
      }
      if (!hideSuggestions || admin) return;
      return {
        onExecuteDone: ({ result, setResult }) => {
          if ('errors' in result && result.errors?.length) {
            setResult({
              ...result,
              errors: withoutSuggestions(result.errors as readonly GraphQLError[]),
            });
          }
        },
      };
    },
  };
}
