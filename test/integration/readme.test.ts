// Every GraphQL block and client snippet of the README, run as-is against the lab: a
// documented example that fails pasted into GraphiQL or saved as a file is a bug.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TOKENS, type TestApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { sseEvents } from '../support/sse.ts';
import { startLabApp } from './kubernetes-support.ts';

interface Block {
  lang: string;
  body: string;
  line: number;
}

function blocks(markdown: string): Block[] {
  const found: Block[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    found.push({
      lang: m[1] ?? '',
      body: m[2] ?? '',
      line: markdown.slice(0, m.index).split('\n').length,
    });
  }
  return found;
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const all = blocks(README);
const graphqlBlocks = all.filter((b) => b.lang === 'graphql');
const snippets = all.filter((b) => b.lang === 'js');
const curls = all.filter((b) => b.lang === 'sh' && b.body.trimStart().startsWith('curl '));
// Snippets run from a directory inside node_modules, so their imports resolve as in a project.
const SCRATCH = join(ROOT, 'node_modules', '.cache', 'readme-snippets');

const env = inject('labEnv');
let t: TestApp;

function run(
  cmd: string,
  args: string[],
  extraEnv: Record<string, string>,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { env: { ...process.env, ...extraEnv }, timeout: 90_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code ?? 1) || 1 : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/** Runs one operation of a block as GraphiQL would: HTTP, or SSE for a subscription. */
async function execute(query: string, op: OperationDefinitionNode): Promise<unknown> {
  const operationName = op.name?.value;
  const subscription = op.operation === OperationTypeNode.SUBSCRIPTION;
  const controller = new AbortController();
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: subscription ? 'text/event-stream' : 'application/graphql-response+json',
      authorization: `Bearer ${TOKENS.admin}`,
    },
    body: JSON.stringify({ query, ...(operationName ? { operationName } : {}) }),
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  if (!subscription) return res.json();
  for await (const event of sseEvents(res.body as ReadableStream<Uint8Array>)) {
    if (event.event === 'next') {
      controller.abort();
      return JSON.parse(event.data) as unknown;
    }
  }
  throw new Error('the subscription ended without an event');
}

describe.skipIf(!env)('README examples', () => {
  beforeAll(async () => {
    t = await startLabApp({ METRICS_INTERVAL_SECONDS: '2' });
    mkdirSync(SCRATCH, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    rmSync(SCRATCH, { recursive: true, force: true });
  });

  it('finds the examples it is meant to run', () => {
    expect(graphqlBlocks.length).toBeGreaterThanOrEqual(3);
    expect(snippets.map((s) => /^\/\/ (\S+)/.exec(s.body)?.[1])).toEqual([
      'Apollo',
      'urql',
      'graphql-ws',
      'graphql-sse',
    ]);
    expect(curls.length).toBeGreaterThanOrEqual(1);
  });

  it.each(graphqlBlocks.map((b) => [b.line, b] as const))(
    'GraphQL block at README line %i runs without errors',
    async (_line, block) => {
      const doc = parse(block.body);
      const ops = doc.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      // Several operations in one block must be named, or no tool can pick one.
      if (ops.length > 1) expect(ops.every((o) => o.name)).toBe(true);
      for (const op of ops) {
        const result = (await execute(block.body, op)) as {
          data?: Record<string, unknown> | null;
          errors?: unknown[];
        };
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.data).toBeTruthy();
        // A mutation answered with an Error member is a failed example too.
        for (const value of Object.values(result.data ?? {})) {
          const typename = (value as { __typename?: string } | null)?.__typename ?? '';
          expect(typename, JSON.stringify(value)).not.toMatch(/Error$/);
        }
      }
    },
  );

  it.each(snippets.map((b) => [/^\/\/ (\S+)/.exec(b.body)?.[1] ?? `line ${b.line}`, b] as const))(
    'the %s snippet runs as a file',
    async (name, block) => {
      const file = join(SCRATCH, `${name.replace(/\W/g, '-')}.mjs`);
      writeFileSync(file, block.body);
      const { code, out } = await run(process.execPath, [file], {
        TOKEN: TOKENS.viewer,
        ORCHESTRATOR_URL: t.url,
      });
      expect(code, out).toBe(0);
      expect(out.trim().length, out).toBeGreaterThan(0);
    },
  );

  it('the curl example answers with data', async () => {
    for (const block of curls) {
      // The only change: the address of this test's server instead of localhost:8080.
      const script = block.body.replaceAll('localhost:8080', t.url.replace(/^http:\/\//, ''));
      const { code, out } = await run('bash', ['-c', script], { TOKEN: TOKENS.viewer });
      expect(code, out).toBe(0);
      const body = JSON.parse(out) as { data?: unknown; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data).toBeTruthy();
    }
  });
});
