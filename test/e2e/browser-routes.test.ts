// The HTTP side of the browser pages: the dashboard and GraphiQL for HTML clients only,
// without a token; their assets local, versioned and gzipped; the API unchanged for the rest.
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUi } from '../../scripts/build-ui.ts';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';

let t: TestApp;
const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/** A raw GET (fetch would decompress and hide the encoding). */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser routes', () => {
  beforeAll(async () => {
    await buildUi();
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('serves the dashboard at / to browsers and the service info to everyone else', async () => {
    const page = await get('/', HTML);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const html = page.body.toString();
    expect(html).not.toMatch(/https?:\/\//); // nothing from elsewhere
    const script = /src="(\/ui\/dashboard-[\w-]+\.js)"/.exec(html)?.[1] ?? '';
    expect(script).not.toBe('');

    const asset = await get(script, { 'accept-encoding': 'gzip' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(gunzipSync(asset.body).length).toBeGreaterThan(asset.body.length);

    for (const accept of [undefined, '*/*', 'application/json']) {
      const res = await fetch(`${t.url}/`, { headers: accept ? { accept } : {} });
      expect(await res.json()).toMatchObject({ service: 'OptiInfra Orchestrator' });
    }
  });

  it('serves GraphiQL without a token, also with ?query= (a reload), from local assets', async () => {
    for (const path of ['/graphql', '/graphql?query=%7B%20viewer%20%7B%20name%20%7D%20%7D']) {
      const page = await get(path, HTML);
      expect(page.status).toBe(200);
      const html = page.body.toString();
      expect(html).not.toMatch(/https?:\/\//);
      const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1] ?? '');
      expect(assets.some((a) => a.endsWith('yoga-graphiql.umd.js'))).toBe(true);
      for (const a of assets) expect((await get(a)).status, a).toBe(200);
    }
    // The API itself still needs a token, whatever the query string says.
    const api = await fetch(`${t.url}/graphql?query=%7B%20viewer%20%7B%20name%20%7D%20%7D`);
    expect(api.status).toBe(401);
    const ok = await fetch(`${t.url}/graphql?query=%7B%20viewer%20%7B%20name%20%7D%20%7D`, {
      headers: { authorization: `Bearer ${TOKENS.viewer}` },
    });
    expect(await ok.json()).toEqual({ data: { viewer: { name: 'viewer-user' } } });
  });

  it('serves only the files it lists', async () => {
    for (const path of [
      '/ui/manifest.json',
      '/ui/../package.json',
      '/ui/%2e%2e/package.json',
      '/graphiql/4.5.0/../package.json',
      '/graphiql/0.0.0/graphiql.css',
    ]) {
      expect((await get(path, HTML)).status, path).toBe(404);
    }
  });

  it('keeps GraphiQL off when GRAPHIQL=false', async () => {
    const off = await startTestApp({ GRAPHIQL: 'false' });
    try {
      const page = await fetch(`${off.url}/graphql`, { headers: HTML });
      expect(page.status).toBe(401);
    } finally {
      await off.close();
    }
  });
});

describe('browser routes with OIDC sign-in', () => {
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const signInJson = (html: string) =>
    JSON.parse(
      /<script type="application\/json" id=signin-config>(.*?)<\/script>/.exec(html)?.[1] ?? 'null',
    ) as unknown;

  it('gives both pages the public sign-in settings and serves the dashboard at the redirect path', async () => {
    expect(signInJson((await get('/', HTML)).body.toString())).toBeNull();
    expect((await get('/auth/callback?code=c&state=s', HTML)).status).toBe(404);
    const oidc = await startTestApp({
      OIDC_ISSUER_URL: 'https://idp.example/realms/ops',
      OIDC_CLIENT_ID: 'orchestrator',
      OIDC_ROLES: 'sre=operator',
      OIDC_SCOPES: 'openid groups',
    });
    try {
      const settings = {
        issuer: 'https://idp.example/realms/ops',
        clientId: 'orchestrator',
        scopes: 'openid groups',
        redirectPath: '/auth/callback',
        token: 'id_token',
      };
      const page = await fetch(`${oidc.url}/`, { headers: HTML });
      const html = await page.text();
      expect(signInJson(html)).toEqual(settings);
      // The page reads the discovery document and redeems the code at the provider.
      expect(page.headers.get('content-security-policy')).toContain(
        "connect-src 'self' https://idp.example;",
      );
      const back = await fetch(`${oidc.url}/auth/callback?code=c&state=s`, { headers: HTML });
      expect(back.status).toBe(200);
      const script = /src="(\/ui\/dashboard-[\w-]+\.js)"/.exec(await back.text())?.[1];
      expect(script).toBeDefined();
      expect(html).toContain(script);
      const graphiql = await fetch(`${oidc.url}/graphql`, { headers: HTML });
      expect(signInJson(await graphiql.text())).toEqual(settings);
    } finally {
      await oidc.close();
    }
  });
});
