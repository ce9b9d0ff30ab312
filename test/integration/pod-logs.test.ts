// podLogs reads at most POD_LOGS_MAX_BYTES of a log: it asks the API server for no more
// (limitBytes) and stops reading there whatever the answer holds. kwok's nodes serve no logs,
// so a proxy in front of the lab's API server answers the log paths with real streams (one
// that never ends, ignoring limitBytes) and forwards everything else.
import { mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import { startKubeProxy, type KubeProxy } from '../support/fault-proxy.ts';
import {
  eventually,
  kubectl,
  kubeProvider,
  labKubeConfig,
  scratchNamespace,
  waitReady,
} from './kubernetes-support.ts';

const CAP = 64 * 1024;

const PodLogsCapped = graphql(`
  query PodLogsCapped($id: ID!) {
    podLogs(id: $id) {
      __typename
      ... on PodLogs {
        text
        lines
        truncated
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

let ns: Awaited<ReturnType<typeof scratchNamespace>>;
let proxy: KubeProxy;
let t: TestApp;
let dir: string;
/** Per log request: its query string, and the bytes written until the reader hung up. */
const served: { query: URLSearchParams; bytes: number; closed: Promise<void> }[] = [];

/** Writes `chunk` again and again until the client goes away (a log that never ends). */
function endless(res: ServerResponse, first: string, chunk: Buffer) {
  const entry = { bytes: 0 };
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write(first);
  entry.bytes += Buffer.byteLength(first);
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) entry.bytes += chunk.length;
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
  return entry;
}

beforeAll(async () => {
  ns = await scratchNamespace('pod-logs');
  for (const name of ['endless', 'short', 'wide']) {
    await kubectl([
      '-n',
      ns.name,
      'run',
      name,
      '--image=registry.example/logs:1',
      '--restart=Never',
    ]);
  }
  dir = mkdtempSync(join(tmpdir(), 'oi-pod-logs-'));
  proxy = await startKubeProxy(labKubeConfig(), dir);
  proxy.answer = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(url.pathname);
    if (!m || m[1] !== ns.name) return false;
    const closed = new Promise<void>((r) => res.on('close', () => r()));
    if (m[2] === 'short') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('first line\nsecond line\n');
      served.push({ query: url.searchParams, bytes: 23, closed });
      return true;
    }
    // 'wide': one ASCII byte, then two-byte characters: the cap falls inside one of them.
    const entry =
      m[2] === 'wide'
        ? endless(res, 'x', Buffer.from('é'.repeat(4096)))
        : endless(res, '', Buffer.from('a log line that goes on and on\n'.repeat(256)));
    served.push({
      query: url.searchParams,
      get bytes() {
        return entry.bytes;
      },
      closed,
    });
    return true;
  };
  t = await startTestApp({ KUBECONFIG: proxy.kubeconfig, POD_LOGS_MAX_BYTES: String(CAP) });
  await waitReady(kubeProvider(t));
});

afterAll(async () => {
  await t?.close();
  await proxy?.close();
  await ns?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const PodIds = graphql(`
  query PodLogsPodIds($ns: String!) {
    resources(filter: { namespaces: [$ns], kinds: [POD] }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** The global id of one of this test's pods, once the app's cache holds it. */
const podId = (name: string) =>
  eventually(async () => {
    const page = expectNoErrors((await gql(t.url, TOKENS.viewer, PodIds, { ns: ns.name })).body);
    const id = page.resources.edges.find((e) => e.node.name === name)?.node.id;
    if (!id) throw new Error(`pod ${name} not cached yet`);
    return id;
  }, 30_000);

async function logsOf(name: string) {
  const answer = await gql(t.url, TOKENS.viewer, PodLogsCapped, { id: await podId(name) });
  const logs = expectNoErrors(answer.body).podLogs;
  if (logs.__typename !== 'PodLogs') throw new Error(JSON.stringify(logs));
  return logs;
}

describe('podLogs byte cap (POD_LOGS_MAX_BYTES)', () => {
  it('asks for no more than the cap and stops reading an answer that goes on', async () => {
    const logs = await logsOf('endless');
    expect(logs.truncated).toBe(true);
    expect(Buffer.byteLength(logs.text)).toBe(CAP);
    expect(logs.lines[0]).toBe('a log line that goes on and on');
    const request = served.at(-1)!;
    // One byte over the cap: more than the cap in the answer is how a longer log shows.
    expect(request.query.get('limitBytes')).toBe(String(CAP + 1));
    // The reader hung up: the proxy's endless answer ended, after a bounded amount.
    await request.closed;
    expect(request.bytes).toBeLessThan(CAP + 8 * 1024 * 1024);
  });

  it('keeps a character the cap cuts in two out, rather than a replacement character', async () => {
    const logs = await logsOf('wide');
    expect(logs.truncated).toBe(true);
    expect(logs.text).toBe(`x${'é'.repeat((CAP - 1 - 1) / 2)}`);
    expect(logs.text).not.toContain('\ufffd');
  });

  it('says not truncated when the whole log fits', async () => {
    const logs = await logsOf('short');
    expect(logs).toMatchObject({
      text: 'first line\nsecond line\n',
      lines: ['first line', 'second line'],
      truncated: false,
    });
  });
});
