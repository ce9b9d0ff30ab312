import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOKENS } from '../support/app.ts';
import { codes, post, spawnServer, wsConnect, type SpawnedServer } from './server.ts';

let s: SpawnedServer;
beforeAll(async () => {
  s = await spawnServer();
});
afterAll(async () => {
  await s?.stop();
});

/** `{ a a a … }` of about `bytes`, made distinct by its trailing comment. */
const MB = 1_000_000;

function bigDocument(bytes: number, tag: number): string {
  return `{ ${'a '.repeat(bytes / 2)}} # ${tag}`;
}

describe('operation limits (HTTP 400 naming the limit)', () => {
  it('stops a 1 MB document at MAX_QUERY_TOKENS while parsing', async () => {
    const started = performance.now();
    const answer = await post(s.url, TOKENS.viewer, bigDocument(MB, 0));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['MAX_QUERY_TOKENS']);
    expect(answer.body.errors?.[0]?.extensions?.limit).toBe(5000);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps memory bounded over 50 distinct 1 MB documents (RSS growth < 100 MB)', async () => {
    // Warm up allocation first, so the measure is growth, not first use.
    for (let i = 0; i < 5; i++) await post(s.url, TOKENS.viewer, bigDocument(MB, -i));
    const before = s.rssMb();
    for (let i = 1; i <= 50; i++) {
      const answer = await post(s.url, TOKENS.viewer, bigDocument(MB, i));
      expect(answer.status).toBe(400);
    }
    // Bounded, not merely late to be collected: on a busy machine the collector may lag the
    // last documents, so give it a few seconds to hand the memory back (the unbounded cache
    // kept 230-300 MB per document for an hour).
    for (let i = 0; i < 40 && s.rssMb() - before >= 100; i++) await sleep(250);
    expect(s.rssMb() - before).toBeLessThan(100);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });

  it('answers 10,000-deep nesting with 400, not 500', async () => {
    const deep = `{ ${'a { '.repeat(10_000)}b${' }'.repeat(10_000)} }`;
    const answer = await post(s.url, TOKENS.viewer, deep);
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['MAX_QUERY_DEPTH']);
    // Deep enough for the depth limit but within the token limit.
    const nested = `{ ${'viewer { '.repeat(20)}name${' }'.repeat(20)} }`;
    const depth = await post(s.url, TOKENS.viewer, nested);
    expect(depth.status).toBe(400);
    expect(codes(depth)).toContain('MAX_QUERY_DEPTH');
    expect(
      depth.body.errors?.find((e) => e.extensions?.code === 'MAX_QUERY_DEPTH')?.extensions,
    ).toMatchObject({ limit: 15, actual: 21 });
  });

  it('refuses aliases over MAX_QUERY_ALIASES without running them', async () => {
    const aliases = (n: number) =>
      Array.from({ length: n }, (_, i) => `a${i}: __schema { types { name } }`).join(' ');
    const started = performance.now();
    // 1,000 aliases of __schema: the tokens run out first.
    const thousand = await post(s.url, TOKENS.viewer, `{ ${aliases(1000)} }`);
    expect(thousand.status).toBe(400);
    expect(codes(thousand)).toEqual(['MAX_QUERY_TOKENS']);
    // An admin: in production introspection is for admins only.
    const hundred = await post(s.url, TOKENS.admin, `{ ${aliases(100)} }`);
    expect(hundred.status).toBe(400);
    expect(codes(hundred)).toEqual(['MAX_QUERY_ALIASES']);
    expect(hundred.body.errors?.[0]?.extensions).toMatchObject({ limit: 30, actual: 100 });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses directives over MAX_QUERY_DIRECTIVES', async () => {
    const answer = await post(
      s.url,
      TOKENS.viewer,
      `{ __typename ${'@include(if: true) '.repeat(40)}}`,
    );
    expect(answer.status).toBe(400);
    expect(codes(answer)).toContain('MAX_QUERY_DIRECTIVES');
  });

  it('costs list fields by their first, from literals and from variables', async () => {
    const page = (first: string) =>
      `auditLog(first: ${first}) { edges { node { id action actor hash prevHash } } }`;
    const aliased = Array.from({ length: 20 }, (_, i) => `a${i}: ${page('1000')}`).join(' ');
    const literal = await post(s.url, TOKENS.viewer, `{ ${aliased} }`);
    expect(literal.status).toBe(400);
    expect(codes(literal)).toEqual(['MAX_QUERY_COST']);
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({ limit: 50_000 });
    const viaVariable = Array.from({ length: 20 }, (_, i) => `a${i}: ${page('$n')}`).join(' ');
    const variable = await post(s.url, TOKENS.viewer, `query($n: Int) { ${viaVariable} }`, {
      n: 1000,
    });
    expect(variable.status).toBe(400);
    expect(codes(variable)).toEqual(['MAX_QUERY_COST']);
    // The same operation asking for small pages is fine.
    const small = await post(s.url, TOKENS.viewer, `query($n: Int) { ${viaVariable} }`, { n: 10 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it('refuses over graphql-ws with an error message for that operation id', async () => {
    const c = await wsConnect(s.url, TOKENS.viewer);
    try {
      const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: health { status }`).join(' ');
      c.ws.send(
        JSON.stringify({ id: 'op1', type: 'subscribe', payload: { query: `{ ${aliases} }` } }),
      );
      const m = await c.next('op1');
      expect(m.type).toBe('error');
      expect((m.payload as { extensions: { code: string } }[])[0]?.extensions.code).toBe(
        'MAX_QUERY_ALIASES',
      );
      const page = `auditLog(first: $n) { edges { node { id } } }`;
      const costly = Array.from({ length: 25 }, (_, i) => `a${i}: ${page}`).join(' ');
      c.ws.send(
        JSON.stringify({
          id: 'op2',
          type: 'subscribe',
          payload: { query: `query($n: Int) { ${costly} }`, variables: { n: 1000 } },
        }),
      );
      const m2 = await c.next('op2');
      expect(m2.type).toBe('error');
      expect((m2.payload as { extensions: { code: string } }[])[0]?.extensions.code).toBe(
        'MAX_QUERY_COST',
      );
    } finally {
      c.ws.close();
    }
  });
});
