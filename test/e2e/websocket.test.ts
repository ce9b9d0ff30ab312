import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';

const WsViewer = graphql(`
  query WsViewer {
    viewer {
      name
      role
    }
  }
`);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

function client(path: string, authorization?: string): Client {
  return createClient({
    url: `${t.url.replace('http', 'ws')}${path}`,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

function run(c: Client, query: string) {
  return new Promise<unknown>((resolve, reject) => {
    let result: unknown;
    c.subscribe(
      { query },
      { next: (v) => (result = v), error: reject, complete: () => resolve(result) },
    );
  });
}

describe('graphql-ws', () => {
  for (const path of ['/graphql', '/ws']) {
    it(`authenticates with connectionParams on ${path}`, async () => {
      const c = client(path, `Bearer ${TOKENS.operator}`);
      const result = await run(c, print(WsViewer));
      expect(result).toEqual({ data: { viewer: { name: 'operator-user', role: 'OPERATOR' } } });
      await c.dispose();
    });
  }

  it('closes an unauthenticated connection with 4401', async () => {
    const c = client('/graphql');
    const err = await run(c, print(WsViewer)).catch((e: unknown) => e);
    expect((err as { code?: number }).code).toBe(4401);
    expect((err as { reason?: string }).reason).toMatch(/UNAUTHENTICATED/);
    await c.dispose();
  });

  it('closes a connection with a wrong token', async () => {
    const c = client('/ws', 'Bearer wrong-token-wrong-token');
    const err = await run(c, print(WsViewer)).catch((e: unknown) => e);
    expect((err as { code?: number }).code).toBe(4401);
    await c.dispose();
  });

  it('checks roles per field as over HTTP', async () => {
    const c = client('/ws', `Bearer ${TOKENS.viewer}`);
    const result = (await run(c, '{ apiTokens { name } }').catch((e: unknown) => e)) as {
      errors?: { extensions?: { code?: string } }[];
    };
    const errors = Array.isArray(result) ? (result as typeof result.errors) : result.errors;
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await c.dispose();
  });

  it('refuses oversized messages and other paths', async () => {
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/elsewhere`, 'graphql-transport-ws');
    const failed = await new Promise<boolean>((resolve) => {
      ws.on('error', () => resolve(true));
      ws.on('open', () => resolve(false));
    });
    expect(failed).toBe(true);

    const big = new WebSocket(`${t.url.replace('http', 'ws')}/ws`, 'graphql-transport-ws');
    await new Promise((r) => big.on('open', r));
    const closed = new Promise<number>((resolve) => big.on('close', (code) => resolve(code)));
    big.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
  });
});
