// KUBE_IMPERSONATION=on against a cluster whose authorizer chain ends in a webhook (GKE and
// many managed clusters): a SelfSubjectRulesReview cannot list what the webhook allows, so it
// answers `incomplete: true` and RBAC's rules only. The lab's own apiserver stays as it is: this
// file starts a second kube-apiserver from the lab's binary, on the lab's etcd and PKI, with
// `--authorization-mode=Node,RBAC,Webhook`, and runs the webhook itself (node:http answering
// SubjectAccessReviews). The webhook lets alice get, list, watch and delete pods in one
// namespace RBAC grants her nothing in, and get one pod by name (no list) in another; RBAC binds
// her to `view` in a third; a fourth is neither's. An orchestrator watches the second apiserver
// with impersonation on.
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeconfigYaml } from '../lab/lib/config.ts';
import { startOidcProvider, type OidcProvider } from '../lab/lib/oidc.ts';
import { startComponent, stopComponent, type Started } from '../lab/lib/procs.ts';
import { apiserverReady, readState } from '../lab/lib/state.ts';
import { apiserverArgs } from '../lab/lib/up.ts';
import { freePort, LAB_DIR } from '../lab/lib/util.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS, type TestApp } from '../support/app.ts';
import {
  bindAlice,
  eventually,
  kubectl,
  scratchNamespace,
  startLabApp,
} from './kubernetes-support.ts';

const Pods = graphql(`
  query WebhookPods($ns: String!) {
    resources(filter: { namespaces: [$ns], kinds: [POD] }) {
      totalCount
      edges {
        node {
          id
          name
          can(verb: RESTART) {
            allowed
            reason
            requiredPermission
          }
        }
      }
    }
  }
`);

const PodNames = graphql(`
  query WebhookPodNames($ns: String!) {
    resources(filter: { namespaces: [$ns], kinds: [POD] }) {
      edges {
        node {
          name
        }
      }
    }
  }
`);

const NodeById = graphql(`
  query WebhookNode($id: ID!) {
    node(id: $id) {
      id
    }
  }
`);

/** A dry run of deleting a bare pod: refused by whoever refuses her `delete pods`. */
const Restart = graphql(`
  mutation WebhookRestart($id: ID!) {
    restartResource(input: { id: $id, force: true, dryRun: true }) {
      __typename
      ... on ForbiddenError {
        message
        requiredPermission
      }
    }
  }
`);

const ALICE = 'oidc:u-alice';
/** Who refuses her in the second apiserver: `can` and an action's refusal say the same. */
const AUTHORIZERS =
  'the authorizers of cluster lab (RBAC, and one its rules review cannot list, e.g. a webhook) do not let';
/** The second apiserver's name in the lab's logs (and its pid file, removed at the end). */
const APISERVER = 'kube-apiserver-webhook';
/** The orchestrator's review TTLs (both answers), and the apiserver's own webhook cache's. */
const TTL_SECONDS = 2;

interface SubjectAccessReview {
  spec: {
    user?: string;
    resourceAttributes?: {
      verb?: string;
      group?: string;
      resource?: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    };
  };
}

let hooked: { name: string; drop: () => Promise<void> };
let ruled: { name: string; drop: () => Promise<void> };
let plain: { name: string; drop: () => Promise<void> };
let named: { name: string; drop: () => Promise<void> };
let webhook: http.Server;
/** Every SubjectAccessReview the webhook was asked, in order. */
const asked: SubjectAccessReview['spec'][] = [];
let apiserver: Started | undefined;
let idp: OidcProvider;
let t: TestApp;
let dir: string;
let startupMs = 0;

/**
 * The webhook's policy: alice may read and delete pods in `hooked`, and get pod `one` in
 * `named`; nothing else.
 */
function allows(spec: SubjectAccessReview['spec']): boolean {
  const a = spec.resourceAttributes;
  const pods = !a?.group && a?.resource === 'pods' && !a.subresource; // core group: omitted
  return (
    spec.user === ALICE &&
    pods &&
    ((a.namespace === hooked.name && ['get', 'list', 'watch', 'delete'].includes(a.verb ?? '')) ||
      (a.namespace === named.name && a.verb === 'get' && a.name === 'one'))
  );
}

async function startWebhook(): Promise<number> {
  webhook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const review = JSON.parse(body) as SubjectAccessReview;
      asked.push(review.spec);
      const allowed = allows(review.spec);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          status: allowed ? { allowed, reason: 'the test webhook allows it' } : { allowed },
        }),
      );
    });
  });
  webhook.listen(0, '127.0.0.1');
  await once(webhook, 'listening');
  return (webhook.address() as { port: number }).port;
}

const podYaml = (ns: string, name: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${ns}}
spec: {containers: [{name: app, image: registry.example/app:1}]}
`;

beforeAll(async () => {
  const state = readState();
  if (!state) throw new Error('the lab is not running');
  hooked = await scratchNamespace('hook-webhook');
  ruled = await scratchNamespace('hook-rbac');
  plain = await scratchNamespace('hook-none');
  named = await scratchNamespace('hook-named');
  for (const ns of [hooked.name, ruled.name, plain.name, named.name]) {
    await kubectl(['apply', '-f', '-'], {
      input: `${podYaml(ns, 'one')}---\n${podYaml(ns, 'two')}`,
    });
  }
  await bindAlice(ruled.name, 'view');

  dir = mkdtempSync(join(tmpdir(), 'oi-webhook-'));
  const hookPort = await startWebhook();
  const authz = join(dir, 'authz.kubeconfig');
  writeFileSync(
    authz,
    `apiVersion: v1
kind: Config
clusters:
- name: authz
  cluster: {server: 'http://127.0.0.1:${hookPort}/authorize'}
users:
- name: apiserver
  user: {}
contexts:
- name: authz
  context: {cluster: authz, user: apiserver}
current-context: authz
`,
  );
  const port = await freePort();
  const t0 = performance.now();
  apiserver = await startComponent({
    name: APISERVER,
    bin: join(state.binDir, 'kube-apiserver'),
    ports: [port],
    timeoutMs: 180_000,
    args: apiserverArgs(`http://127.0.0.1:${state.ports.etcd}`, port, [
      '--authorization-mode=Node,RBAC,Webhook',
      `--authorization-webhook-config-file=${authz}`,
      '--authorization-webhook-version=v1',
      `--authorization-webhook-cache-authorized-ttl=${TTL_SECONDS}s`,
      `--authorization-webhook-cache-unauthorized-ttl=${TTL_SECONDS}s`,
    ]),
    healthy: () => apiserverReady(port),
  });
  startupMs = performance.now() - t0;
  process.stderr.write(`second kube-apiserver (webhook) ready in ${Math.round(startupMs)} ms\n`);
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigYaml(`https://127.0.0.1:${port}`, 'lab-admin', 'admin'));

  idp = await startOidcProvider();
  t = await startLabApp({
    KUBECONFIG: kubeconfig,
    PROMETHEUS_URL: '',
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: 'orchestrator',
    OIDC_ROLES: 'sre=operator,admins=admin',
    KUBE_IMPERSONATION: 'on',
    KUBE_AUTHORIZED_TTL_SECONDS: String(TTL_SECONDS),
    KUBE_UNAUTHORIZED_TTL_SECONDS: String(TTL_SECONDS),
  });
  // The orchestrator's cache holds every namespace's pods (it watches as the lab's admin).
  await eventually(async () => {
    for (const ns of [hooked.name, ruled.name, plain.name, named.name]) {
      const r = expectNoErrors((await gql(t.url, TOKENS.viewer, PodNames, { ns })).body);
      expect(r.resources.edges).toHaveLength(2);
    }
  }, 60_000);
}, 300_000);

afterAll(async () => {
  await t?.close();
  await idp?.stop();
  if (apiserver) await stopComponent(apiserver);
  rmSync(join(LAB_DIR, `${APISERVER}.pid`), { force: true });
  webhook?.closeAllConnections();
  webhook?.close();
  for (const ns of [hooked, ruled, plain, named]) await ns?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const names = (r: { resources: { edges: { node: { name: string } }[] } }) =>
  r.resources.edges.map((e) => e.node.name).sort();

describe('KUBE_IMPERSONATION=on, a webhook after RBAC', () => {
  it('alice sees the pods the webhook lets her list, and may restart them', async () => {
    const token = await idp.signIn('alice');
    const r = expectNoErrors((await gql(t.url, token, Pods, { ns: hooked.name })).body);
    expect(r.resources.totalCount).toBe(2);
    expect(names(r)).toEqual(['one', 'two']);
    for (const { node } of r.resources.edges) {
      expect(node.can).toEqual({ allowed: true, reason: null, requiredPermission: null });
    }
  });

  it('where RBAC lets her read, the rules answer; the webhook refuses her delete, and says so', async () => {
    const token = await idp.signIn('alice');
    const r = expectNoErrors((await gql(t.url, token, Pods, { ns: ruled.name })).body);
    expect(names(r)).toEqual(['one', 'two']);
    const permission = `delete pods in namespace ${ruled.name}`;
    expect(r.resources.edges[0]?.node.can).toEqual({
      allowed: false,
      requiredPermission: permission,
      reason: `${AUTHORIZERS} ${ALICE} ${permission}`,
    });
  });

  it('a namespace neither RBAC nor the webhook grants stays hidden', async () => {
    const token = await idp.signIn('alice');
    const r = expectNoErrors((await gql(t.url, token, Pods, { ns: plain.name })).body);
    expect(r.resources.totalCount).toBe(0);
    const all = expectNoErrors((await gql(t.url, TOKENS.viewer, Pods, { ns: plain.name })).body);
    const id = all.resources.edges[0]?.node.id ?? '';
    expect(id).not.toBe('');
    expect(expectNoErrors((await gql(t.url, token, NodeById, { id })).body).node).toBeNull();
  });

  it('an action neither grants is refused by the authorizers, naming the permission', async () => {
    const token = await idp.signIn('alice');
    const all = expectNoErrors((await gql(t.url, TOKENS.viewer, Pods, { ns: plain.name })).body);
    const id = all.resources.edges.find((e) => e.node.name === 'one')?.node.id ?? '';
    const r = expectNoErrors((await gql(t.url, token, Restart, { id })).body).restartResource;
    const permission = `delete pods in namespace ${plain.name}`;
    expect(r).toMatchObject({ __typename: 'ForbiddenError', requiredPermission: permission });
    expect((r as { message: string }).message).toContain(
      `restart pod ${plain.name}/one: ${AUTHORIZERS} ${ALICE} ${permission} (`,
    );
  });

  it('node(id) shows the one pod the webhook lets her get by name; lists show none', async () => {
    const token = await idp.signIn('alice');
    const all = expectNoErrors((await gql(t.url, TOKENS.viewer, Pods, { ns: named.name })).body);
    const idOf = (name: string) =>
      all.resources.edges.find((e) => e.node.name === name)?.node.id ?? '';
    const byId = async (id: string) =>
      expectNoErrors((await gql(t.url, token, NodeById, { id })).body).node;
    expect(idOf('one')).not.toBe('');
    expect(await byId(idOf('one'))).toEqual({ id: idOf('one') });
    expect(await byId(idOf('two'))).toBeNull();
    const listed = expectNoErrors((await gql(t.url, token, Pods, { ns: named.name })).body);
    expect(listed.resources).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('reading asks per namespace and kind, never per object', async () => {
    const token = await idp.signIn('alice');
    asked.length = 0;
    for (let i = 0; i < 3; i++) {
      expectNoErrors((await gql(t.url, token, PodNames, { ns: hooked.name })).body);
      expectNoErrors((await gql(t.url, token, PodNames, { ns: plain.name })).body);
    }
    const reads = asked.filter((a) => a.user === ALICE && a.resourceAttributes?.verb !== 'delete');
    expect(reads.filter((a) => a.resourceAttributes?.name)).toEqual([]);
  });

  it('when the webhook stops answering, her access lapses after the TTL, and nothing breaks', async () => {
    const token = await idp.signIn('alice');
    const before = expectNoErrors((await gql(t.url, token, PodNames, { ns: hooked.name })).body);
    expect(names(before)).toEqual(['one', 'two']);
    webhook.closeAllConnections();
    webhook.close();
    const stopped = performance.now();
    await eventually(
      async () => {
        const r = expectNoErrors((await gql(t.url, token, PodNames, { ns: hooked.name })).body);
        expect(r.resources.edges).toEqual([]);
      },
      60_000,
      250,
    );
    const lapsedMs = performance.now() - stopped;
    process.stderr.write(`access lapsed ${Math.round(lapsedMs)} ms after the webhook stopped\n`);
    // What RBAC grants is not the webhook's to take away.
    const r = expectNoErrors((await gql(t.url, token, PodNames, { ns: ruled.name })).body);
    expect(names(r)).toEqual(['one', 'two']);
  });
});
