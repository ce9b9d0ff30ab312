import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';

const ALLOWED = 'https://dashboard.example.com';
const OTHER = 'https://evil.example.net';

let listed: TestApp;
let unlisted: TestApp;
beforeAll(async () => {
  [listed, unlisted] = await Promise.all([
    startTestApp({ CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` }),
    startTestApp(),
  ]);
});
afterAll(async () => {
  await Promise.all([listed?.close(), unlisted?.close()]);
});

function preflight(base: string, origin: string) {
  return fetch(`${base}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });
}

function query(base: string, origin: string) {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/json',
      authorization: `Bearer ${TOKENS.viewer}`,
    },
    body: JSON.stringify({ query: '{ viewer { name } }' }),
  });
}

describe('CORS', () => {
  it('answers a preflight from a listed origin before authentication', async () => {
    const res = await preflight(listed.url, ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('lets a page on a listed origin read the answer, never with * or credentials', async () => {
    const res = await query(listed.url, ALLOWED);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(await res.json()).toEqual({ data: { viewer: { name: 'viewer-user' } } });
  });

  it('gives an unlisted origin no Access-Control-Allow-Origin', async () => {
    const pre = await preflight(listed.url, OTHER);
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(
      ((await pre.json()) as { errors: { extensions: { code: string } }[] }).errors[0],
    ).toMatchObject({ extensions: { code: 'CORS_ORIGIN_NOT_ALLOWED' } });
    const res = await query(listed.url, OTHER);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('is same-origin only without CORS_ORIGINS', async () => {
    for (const origin of [ALLOWED, OTHER, 'null']) {
      const pre = await preflight(unlisted.url, origin);
      expect(pre.status).toBe(403);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      const res = await query(unlisted.url, origin);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('answers a plain OPTIONS without a token', async () => {
    const res = await fetch(`${unlisted.url}/graphql`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toContain('POST');
  });
});
