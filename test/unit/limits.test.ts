// The default operation limits leave room for every query we ship or document: the README's
// GraphQL blocks, the dashboard's operations and every typed operation of the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Lexer,
  Source,
  TokenKind,
  parse,
  print,
  validate,
  type DocumentNode,
  type ValidationRule,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { schema } from '../../src/graphql/schema.ts';
import { armorPlugins, checkOperation, nestingOf } from '../../src/server/limits.ts';
import { ByteBoundedCache } from '../../src/server/parse-cache.ts';
import * as testDocuments from '../gql/graphql.ts';
import { ROOT } from '../support/process.ts';

const { operation: limits } = loadConfig({}).limits;

function readmeDocuments(): [string, string][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((m, i) => [
    `README block ${i + 1}`,
    m[1] ?? '',
  ]);
}

function allDocuments(): [string, string][] {
  const persisted = JSON.parse(
    readFileSync(join(ROOT, 'src/dashboard/gql/persisted-documents.json'), 'utf8'),
  ) as Record<string, string>;
  const typed = Object.entries(testDocuments)
    .filter(([, v]) => (v as { kind?: string }).kind === 'Document')
    .map(([name, v]) => [name, print(v as DocumentNode)] as [string, string]);
  return [
    ...readmeDocuments(),
    ...Object.entries(persisted).map(
      ([h, q]) => [`dashboard ${h.slice(0, 12)}`, q] as [string, string],
    ),
    ...typed,
  ];
}

function tokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
}

/** Runs the armor rules with our limits; returns the codes they refuse with. */
function staticRefusals(document: DocumentNode): unknown[] {
  const rules: ValidationRule[] = [];
  for (const plugin of armorPlugins(limits)) {
    const hook = plugin.onValidate as
      ((a: { addValidationRule: (r: ValidationRule) => void }) => void) | undefined;
    hook?.({ addValidationRule: (r) => rules.push(r) });
  }
  return validate(schema, document, rules).map((e) => e.extensions.code);
}

describe('default operation limits', () => {
  const documents = allDocuments();

  it('finds the documents it checks', () => {
    expect(documents.length).toBeGreaterThan(50);
  });

  it.each(documents)('%s fits every limit', (_name, source) => {
    expect(tokens(source)).toBeLessThanOrEqual(limits.maxTokens);
    expect(nestingOf(source, Infinity)).toBeLessThanOrEqual(Math.max(64, 4 * limits.maxDepth));
    const document = parse(source);
    expect(staticRefusals(document)).toEqual([]);
    const refused = checkOperation(limits, {
      schema,
      document,
      variables: {},
      operationName: undefined,
      context: {},
    });
    expect(refused.map((e) => e.message)).toEqual([]);
  });
});

describe('the parse cache', () => {
  it('keeps at most its byte budget and never caches a document over 1/32 of it', () => {
    const cache = new ByteBoundedCache<number>(3200);
    cache.set('x'.repeat(101), 1);
    expect(cache.get('x'.repeat(101))).toBeUndefined();
    for (let i = 0; i < 100; i++) cache.set(`${i}`.padEnd(100, '.'), i);
    expect(cache.size).toBeLessThanOrEqual(3200);
    expect(cache.get('99'.padEnd(100, '.'))).toBe(99);
    expect(cache.get('0'.padEnd(100, '.'))).toBeUndefined();
  });
});

describe('the cost check of one parsed document', () => {
  // One DocumentNode, as yoga's parse cache hands it out for every request with this text.
  const document = parse(
    `query Pages($n: Int) { ${Array.from({ length: 20 }, (_, i) => `a${i}: auditLog(first: $n) { edges { node { id } } }`).join(' ')} }`,
  );
  const check = (n: number, max = limits.maxCost) =>
    checkOperation(
      { ...limits, maxCost: max },
      { schema, document, variables: { n }, operationName: 'Pages', context: {} },
    ).map((e) => e.extensions.code);

  it('follows the variables and the limit of each request, whatever it measured before', () => {
    expect(check(10)).toEqual([]);
    expect(check(1000)).toEqual(['MAX_QUERY_COST']);
    expect(check(10)).toEqual([]);
    expect(check(10, 100)).toEqual(['MAX_QUERY_COST']);
    expect(check(1000)).toEqual(['MAX_QUERY_COST']);
  });

  it('refuses a bad string literal every time', () => {
    const bad = parse('{ resources(filter: { namespaces: ["a\\u0000b"] }) { totalCount } }');
    for (let i = 0; i < 2; i++) {
      const refused = checkOperation(limits, {
        schema,
        document: bad,
        variables: {},
        operationName: undefined,
        context: {},
      });
      expect(refused.map((e) => e.extensions.code)).toEqual(['VALIDATION_FAILED']);
    }
  });
});
