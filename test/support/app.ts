import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { expect } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';

export const TOKENS = {
  viewer: 'viewer-secret-0123456789',
  operator: 'operator-secret-0123456789',
  admin: 'admin-secret-0123456789',
} as const;

export const API_TOKENS = Object.entries(TOKENS)
  .map(([role, secret]) => `${role}-user:${role}:${secret}`)
  .join(',');

export interface TestApp {
  app: App;
  url: string;
  /** The admin secret of a first start without API_TOKENS. */
  bootstrapSecret: string | undefined;
  close(): Promise<void>;
}

/** A real app on a random loopback port with its own embedded database (or `env` overrides). */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oi-test-'));
  let app: App;
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      API_TOKENS,
      LOG_LEVEL: 'silent',
      ...env,
    });
    app = await createApp(config, createLogger(config.logLevel));
  } catch (err) {
    // A configuration the test expects to be refused leaves nothing behind.
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const { port, bootstrapSecret } = await app.listen();
  return {
    app,
    bootstrapSecret,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.shutdown();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs a typed operation over real HTTP. */
export async function gql<R, V>(
  baseUrl: string,
  token: string | undefined,
  document: TypedDocumentNode<R, V>,
  variables?: V,
): Promise<{ status: number; body: ExecutionResult<R> }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { status: res.status, body: (await res.json()) as ExecutionResult<R> };
}

export function expectNoErrors<R>(result: ExecutionResult<R>): R {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data).toBeTruthy();
  return result.data as R;
}

/** The value of a nullable field that must be there (fails the test on null). */
export function present<T>(value: T | null | undefined): T {
  expect(value).not.toBeNull();
  expect(value).toBeDefined();
  return value as T;
}

export function expectErrorCode(result: ExecutionResult<unknown>, code: string): void {
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  expect(codes).toContain(code);
}

/** The union member named `typename`, or the test fails showing what came instead. */
export function expectTypename<T extends { __typename: string }, N extends T['__typename']>(
  value: T,
  typename: N,
): Extract<T, { __typename: N }> {
  if (value.__typename !== typename) {
    throw new Error(`expected ${typename}, got ${JSON.stringify(value)}`);
  }
  return value as Extract<T, { __typename: N }>;
}

/** The response cache's hits and misses so far (GET /metrics as the admin token). */
export async function responseCacheCounts(url: string): Promise<{ hit: number; miss: number }> {
  const res = await fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${TOKENS.admin}` },
  });
  const text = await res.text();
  const read = (outcome: string) =>
    Number(
      new RegExp(
        `^optiinfra_graphql_response_cache_total\\{outcome="${outcome}"\\} (\\d+)`,
        'm',
      ).exec(text)?.[1] ?? 0,
    );
  return { hit: read('hit'), miss: read('miss') };
}
