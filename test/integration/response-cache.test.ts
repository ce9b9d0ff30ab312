// The response cache against the lab (KUBE_IMPERSONATION=on, so people read through their RBAC):
// a query that reads only the watch caches is answered from the cache while they stay as they
// were; the first answer after a watch event (seen by a subscriber, so the cache has it)
// shows that event; static tokens and people of the same roles (Alice: view in one namespace;
// Carol: no binding) each get their own answer, cached or not; a RoleBinding added for Alice reaches her cached answer.
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcProvider } from '../lab/lib/oidc.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, responseCacheCounts, TOKENS, type TestApp } from '../support/app.ts';
import {
  bindAlice,
  eventually,
  kubectl,
  sleep,
  startImpersonationLab,
} from './kubernetes-support.ts';

const Page = graphql(`
  query ResponseCacheDeployments($ns: [String!]!) {
    resources(filter: { namespaces: $ns, kinds: [DEPLOYMENT] }) {
      totalCount
      edges {
        node {
          id
          namespace
          name
          ... on Deployment {
            desiredReplicas
          }
        }
      }
    }
  }
`);

const Events = graphql(`
  subscription ResponseCacheEvents($ns: [String!]!) {
    resourceEvents(filter: { namespaces: $ns, kinds: [DEPLOYMENT] }) {
      resource {
        ... on Deployment {
          desiredReplicas
        }
      }
    }
  }
`);

let setup: Awaited<ReturnType<typeof startImpersonationLab>>;
let idp: OidcProvider;
let t: TestApp;
let both: { ns: string[] };
let mine: { name: string };
let other: { name: string };

const counts = () => responseCacheCounts(t.url);

/** The page as `token` reads it, and whether the cache answered it. */
async function read(token: string) {
  const before = await counts();
  const { body } = await gql(t.url, token, Page, both);
  const after = await counts();
  return {
    page: expectNoErrors(body).resources,
    hit: after.hit - before.hit === 1 && after.miss === before.miss,
  };
}

/**
 * Reads twice until the second read is a hit with the same page (the watch caches move now
 * and then: every change, anywhere in the cluster, starts the cache afresh).
 */
async function cachedAgain(token: string): Promise<void> {
  await eventually(async () => {
    const first = await read(token);
    const again = await read(token);
    expect(again.hit).toBe(true);
    expect(again.page).toEqual(first.page);
  });
}

beforeAll(async () => {
  setup = await startImpersonationLab('rcache', 'view');
  ({ idp, t, mine, other } = setup);
  both = { ns: [mine.name, other.name] };
  await eventually(async () => expect((await read(TOKENS.viewer)).page.totalCount).toBe(2));
}, 60_000);

afterAll(() => setup?.close());

describe('the response cache', () => {
  it('answers a repeated query from the cache, and the first answer after a watch event shows it', async () => {
    await cachedAgain(TOKENS.viewer);

    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 0,
    });
    const seen: number[] = [];
    const off = client.subscribe(
      { query: print(Events), variables: { ns: [mine.name] } },
      {
        next: (v) => {
          const d = (v.data as { resourceEvents?: { resource: { desiredReplicas?: number } } })
            ?.resourceEvents?.resource.desiredReplicas;
          if (d !== undefined) seen.push(d);
        },
        error: () => {},
        complete: () => {},
      },
    );
    try {
      for (const replicas of [3, 4]) {
        await sleep(300); // the subscription is registered
        await cachedAgain(TOKENS.viewer);
        await kubectl(['scale', '-n', mine.name, 'deployment/web', `--replicas=${replicas}`]);
        // The subscriber has the event: the watch cache applied it before publishing it.
        await eventually(() => expect(seen).toContain(replicas), 15_000, 5);
        const next = await read(TOKENS.viewer);
        expect(next.hit).toBe(false);
        const web = next.page.edges.find((e) => e.node.namespace === mine.name)?.node;
        expect(web && 'desiredReplicas' in web ? web.desiredReplicas : undefined).toBe(replicas);
      }
    } finally {
      off();
      await client.dispose();
    }
  });

  it('writes a kept answer as yoga wrote it, for each Accept', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const post = () =>
        fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept,
            authorization: `Bearer ${TOKENS.viewer}`,
          },
          body: JSON.stringify({ query: print(Page), variables: both }),
        });
      await eventually(async () => {
        const first = await post();
        const before = await counts();
        const again = await post();
        const after = await counts();
        expect([after.hit - before.hit, after.miss - before.miss]).toEqual([1, 0]);
        expect(again.status).toBe(first.status);
        expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
        expect(await again.text()).toBe(await first.text());
      });
    }
  });

  it('keeps each viewer to their own answer, from the cache too', async () => {
    const [alice, carol] = [await idp.signIn('alice'), await idp.signIn('carol')];
    const namespaces = (page: Awaited<ReturnType<typeof read>>['page']) =>
      page.edges.map((e) => e.node.namespace).sort();
    // Same role, other read scope: the operator token reads everything, Alice (operator) her
    // namespace; the admin token everything, Carol (admin, bound to nothing) nothing. Twice
    // each, interleaved: every answer is their own, and (once no watch event falls between the
    // rounds) the second of each is a hit.
    await eventually(async () => {
      const hits: boolean[] = [];
      for (let round = 0; round < 2; round++) {
        const operator = await read(TOKENS.operator);
        const hers = await read(alice);
        const admin = await read(TOKENS.admin);
        const carols = await read(carol);
        expect(namespaces(operator.page)).toEqual([mine.name, other.name].sort());
        expect(namespaces(hers.page)).toEqual([mine.name]);
        expect(namespaces(admin.page)).toEqual([mine.name, other.name].sort());
        expect(carols.page.totalCount).toBe(0);
        hits.push(operator.hit, hers.hit, admin.hit, carols.hit);
      }
      expect(hits.slice(4)).toEqual([true, true, true, true]);
    });
  });

  it('a RoleBinding added for Alice reaches her cached answer', async () => {
    const alice = await idp.signIn('alice');
    await cachedAgain(alice);
    await bindAlice(other.name, 'view');
    await eventually(async () => {
      const hers = (await read(alice)).page;
      expect(hers.edges.map((e) => e.node.namespace).sort()).toEqual(
        [mine.name, other.name].sort(),
      );
    }, 10_000);
    // Carol is still bound to nothing.
    expect((await read(await idp.signIn('carol'))).page.totalCount).toBe(0);
  });
});
