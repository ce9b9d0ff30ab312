// TRUSTED_DOCUMENTS: the dashboard's manifest is all a non-admin may run, on every transport.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { codes, post, spawnServer, wsConnect, type Answer, type SpawnedServer } from './server.ts';

const MANIFEST = join(ROOT, 'src/dashboard/gql/persisted-documents.json');
const texts = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const idOf = (operation: RegExp) => {
  const id = Object.keys(texts).find((k) => operation.test(texts[k] ?? ''));
  if (!id) throw new Error(`no ${String(operation)} in the manifest`);
  return id;
};
const VIEWER = idOf(/^query DashViewer /);
const AUDIT_EVENTS = idOf(/subscription DashAuditEvents\b/);
const AD_HOC = '{ viewer { name role } }';

let s: SpawnedServer;
beforeAll(async () => {
  s = await spawnServer({ TRUSTED_DOCUMENTS: MANIFEST });
});
afterAll(async () => {
  await s?.stop();
});

async function send(token: string, body: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const apq = (id: string) => ({
  persistedQuery: { version: 1, sha256Hash: id.replace(/^sha256:/, '') },
});

describe('trusted documents over HTTP', () => {
  it('runs a manifest operation by documentId, by APQ hash, and with its text (the dashboard)', async () => {
    const expected = { viewer: { name: 'viewer-user', displayName: null, role: 'VIEWER' } };
    const byId = await send(TOKENS.viewer, { documentId: VIEWER });
    expect(byId).toMatchObject({ status: 200, body: { data: expected } });
    const byHash = await send(TOKENS.viewer, { extensions: apq(VIEWER) });
    expect(byHash).toMatchObject({ status: 200, body: { data: expected } });
    const both = await send(TOKENS.viewer, { query: texts[VIEWER], extensions: apq(VIEWER) });
    expect(both).toMatchObject({ status: 200, body: { data: expected } });
    // The id decides what runs: a text sent with it is not executed.
    const swapped = await send(TOKENS.viewer, {
      query: '{ health { status } }',
      extensions: apq(VIEWER),
    });
    expect(swapped.body.data).toEqual(expected);
  });

  it('refuses ad-hoc and unknown operations to non-admins with a named 4xx', async () => {
    for (const token of [TOKENS.viewer, TOKENS.operator]) {
      const adHoc = await post(s.url, token, AD_HOC);
      expect(adHoc.status).toBe(403);
      expect(codes(adHoc)).toEqual(['TRUSTED_DOCUMENTS_ONLY']);
    }
    const unknown = await send(TOKENS.viewer, { documentId: `sha256:${'0'.repeat(64)}` });
    expect(unknown.status).toBe(400);
    expect(codes(unknown)).toEqual(['TRUSTED_DOCUMENT_NOT_FOUND']);
    const unknownHash = await send(TOKENS.viewer, {
      query: AD_HOC,
      extensions: apq('f'.repeat(64)),
    });
    expect(codes(unknownHash)).toEqual(['TRUSTED_DOCUMENT_NOT_FOUND']);
  });

  it('lets an admin send any document (GraphiQL)', async () => {
    const adHoc = await post(s.url, TOKENS.admin, AD_HOC);
    expect(adHoc).toMatchObject({
      status: 200,
      body: { data: { viewer: { name: 'admin-user', role: 'ADMIN' } } },
    });
  });

  it('applies to SSE subscriptions', async () => {
    const open = async (body: Record<string, unknown>) => {
      const controller = new AbortController();
      const res = await fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${TOKENS.viewer}`,
        },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const type = res.headers.get('content-type') ?? '';
      const text = res.status === 200 ? '' : await res.text();
      controller.abort();
      return { status: res.status, type, text };
    };
    const adHoc = await open({ query: 'subscription { auditEvents { id } }' });
    expect(adHoc.status).toBe(403);
    expect(adHoc.text).toContain('TRUSTED_DOCUMENTS_ONLY');
    const trusted = await open({ documentId: AUDIT_EVENTS });
    expect(trusted.status).toBe(200);
    expect(trusted.type).toContain('text/event-stream');
  });
});

describe('trusted documents over graphql-ws', () => {
  it('resolves ids, refuses ad-hoc operations for their id, and lets admins through', async () => {
    const viewer = await wsConnect(s.url, TOKENS.viewer);
    const admin = await wsConnect(s.url, TOKENS.admin);
    const subscribe = (id: string, payload: Record<string, unknown>) =>
      JSON.stringify({ id, type: 'subscribe', payload });
    try {
      viewer.ws.send(subscribe('a', { query: AD_HOC }));
      const refused = await viewer.next('a');
      expect(refused.type).toBe('error');
      expect((refused.payload as { extensions: { code: string } }[])[0]?.extensions.code).toBe(
        'TRUSTED_DOCUMENTS_ONLY',
      );
      // graphql-ws requires a query string: an id-only request sends "".
      viewer.ws.send(subscribe('b', { query: '', documentId: VIEWER }));
      expect(await viewer.next('b')).toMatchObject({
        type: 'next',
        payload: { data: { viewer: { name: 'viewer-user' } } },
      });
      viewer.ws.send(subscribe('c', { query: texts[VIEWER], extensions: apq(VIEWER) }));
      expect((await viewer.next('c')).type).toBe('next');
      admin.ws.send(subscribe('d', { query: AD_HOC }));
      expect(await admin.next('d')).toMatchObject({
        type: 'next',
        payload: { data: { viewer: { name: 'admin-user' } } },
      });
      expect(viewer.ws.readyState).toBe(viewer.ws.OPEN);
    } finally {
      viewer.ws.close();
      admin.ws.close();
    }
  });
});
