// Least privilege, proven on the shared lab: the chart's ServiceAccount, bound to the chart's
// own ClusterRole, runs the orchestrator's Kubernetes provider (its watch caches and actions)
// against the real API server. Every served kind lists and every action works with the whole
// role; then each permission of the role (one verb on one resource) is taken out in turn, and
// the operation that needs it must fail with the API server's Forbidden naming that verb and
// resource: a permission no operation needs would fail the test, and so would an operation the
// role does not cover.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import type { ActionVerb, Resource, ResourceKind } from '../../src/providers/provider.ts';
import { KubeApiError } from '../../src/providers/kubernetes/client.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import { eventually, kubectl, tokenKubeconfig, waitReady } from './kubernetes-support.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, startTestApp, TOKENS } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { fixtureManifests } from '../support/rbac-fixtures.ts';
import {
  parseManifests,
  permissionName,
  permissionsOf,
  rulesWithout,
  type KubeObject,
  type Permission,
  type Rule,
} from '../support/rbac.ts';

const CHART = join(ROOT, 'deploy/helm/optiinfra');
const id = randomBytes(3).toString('hex');
const RELEASE = `lp-${id}`;
const NS = `optiinfra-lp-${id}`; // the release's namespace (its ServiceAccount)
const FX = `lp-fixtures-${id}`; // what the actions act on
const NODES = { cordon: `lp-cordon-${id}`, gone: `lp-gone-${id}` };
const GONE_NS = `lp-gone-ns-${id}`;
const log = createLogger('silent');

let role: KubeObject;
let rules: Rule[];
let sa = '';
let kubeconfig = '';
let home = '';
let actor: KubernetesProvider;

function helm(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(join(ROOT, 'scripts/helm.sh'), args, { cwd: ROOT }, (err, out, stderr) =>
      err ? reject(new Error(`helm ${args.join(' ')}: ${stderr || err.message}`)) : resolve(out),
    ),
  );
}

const fixtures = fixtureManifests(FX, NODES, GONE_NS);

function target(kind: ResourceKind, name: string): Resource {
  const namespaced = kind !== 'NODE' && kind !== 'NAMESPACE';
  const found = actor
    .list({ kinds: [kind], names: [name], ...(namespaced ? { namespaces: [FX] } : {}) })
    .at(0);
  if (!found) throw new Error(`${kind} ${name} is not in the cache`);
  return found;
}

const act = (verb: ActionVerb, kind: ResourceKind, name: string, params = {}) =>
  actor.execute({ verb, target: target(kind, name), params, dryRun: false });

const manifest = (kind: string, apiVersion: string, name: string, spec: object) => ({
  apiVersion,
  kind,
  metadata: { name, namespace: FX },
  ...spec,
});
const create = (m: object) => act('create', 'NAMESPACE', FX, { manifests: [m] });
const workload = (app: string) => ({
  selector: { matchLabels: { app } },
  template: {
    metadata: { labels: { app } },
    spec: { containers: [{ name: 'c', image: 'registry.example/c:1' }] },
  },
});

/**
 * What needs each permission: the orchestrator's own operation, as a user would run it.
 * Reads are a fresh provider's first list and watch of the kind (readsOf).
 */
const ACTIONS: Record<string, () => Promise<unknown>> = {
  'get deployments.apps': () => act('stop', 'DEPLOYMENT', 'stopme'),
  'patch deployments.apps': () => act('restart', 'DEPLOYMENT', 'web'),
  'delete deployments.apps': () => act('delete', 'DEPLOYMENT', 'gone-deploy'),
  'create deployments.apps': () =>
    create(manifest('Deployment', 'apps/v1', 'made-deploy', { spec: workload('made') })),
  'get deployments/scale.apps': () => act('scale', 'DEPLOYMENT', 'web', { replicas: 2 }),
  'patch deployments/scale.apps': () => act('scale', 'DEPLOYMENT', 'web', { replicas: 2 }),
  'get statefulsets.apps': () => act('restart', 'STATEFULSET', 'db'),
  'patch statefulsets.apps': () => act('restart', 'STATEFULSET', 'db'),
  'delete statefulsets.apps': () => act('delete', 'STATEFULSET', 'gone-sts'),
  'create statefulsets.apps': () =>
    create(
      manifest('StatefulSet', 'apps/v1', 'made-sts', {
        spec: { serviceName: 'made-sts', replicas: 0, ...workload('made-sts') },
      }),
    ),
  'get statefulsets/scale.apps': () => act('scale', 'STATEFULSET', 'db', { replicas: 2 }),
  'patch statefulsets/scale.apps': () => act('scale', 'STATEFULSET', 'db', { replicas: 2 }),
  'get daemonsets.apps': () => act('restart', 'DAEMONSET', 'agent'),
  'patch daemonsets.apps': () => act('restart', 'DAEMONSET', 'agent'),
  'delete daemonsets.apps': () => act('delete', 'DAEMONSET', 'gone-ds'),
  'get replicasets.apps': () => act('stop', 'REPLICASET', 'rs'),
  'patch replicasets.apps': () => act('stop', 'REPLICASET', 'rs'),
  'delete replicasets.apps': () => act('delete', 'REPLICASET', 'gone-rs'),
  'get replicasets/scale.apps': () => act('scale', 'REPLICASET', 'rs', { replicas: 2 }),
  'patch replicasets/scale.apps': () => act('scale', 'REPLICASET', 'rs', { replicas: 2 }),
  'get nodes': () => act('cordon', 'NODE', NODES.cordon),
  'patch nodes': () => act('cordon', 'NODE', NODES.cordon),
  'delete nodes': () => act('delete', 'NODE', NODES.gone),
  'delete namespaces': () => act('delete', 'NAMESPACE', GONE_NS, {}),
  'delete pods': () => act('delete', 'POD', 'gone-pod'),
  'delete services': () => act('delete', 'SERVICE', 'gone-svc'),
  'delete horizontalpodautoscalers.autoscaling': () =>
    act('delete', 'HORIZONTAL_POD_AUTOSCALER', 'gone-hpa'),
  'create services': () =>
    create(manifest('Service', 'v1', 'made-svc', { spec: { ports: [{ port: 80 }] } })),
  'create configmaps': () => create(manifest('ConfigMap', 'v1', 'made-cm', { data: { a: 'b' } })),
  'create secrets': () =>
    create(manifest('Secret', 'v1', 'made-secret', { stringData: { a: 'b' } })),
  // kwok's nodes serve no logs: with the grant the API server passes the request on (and it
  // fails there), without it the request is refused before.
  'get pods/log': () => actor.podLogs(target('POD', 'logme').id, {}),
  // The lab serves no metrics.k8s.io: authorization comes first, so the grant turns a 403 into
  // a 404 (the orchestrator's metrics source asks exactly this path).
  'list pods.metrics.k8s.io': async () => {
    const client = actor.cluster(actor.contexts[0] ?? '')?.client;
    try {
      await client?.request('GET', '/apis/metrics.k8s.io/v1beta1/pods');
    } catch (err) {
      if (err instanceof KubeApiError && err.status === 403) {
        throw new ForbiddenError(`metrics.k8s.io: ${err.message}`);
      }
      if (!(err instanceof KubeApiError && err.status === 404)) throw err;
    }
  },
};

/** The served kinds (and events) whose list and watch fill the watch caches. */
const CACHED = new Set([
  'namespaces',
  'nodes',
  'pods',
  'services',
  'events',
  'deployments.apps',
  'statefulsets.apps',
  'daemonsets.apps',
  'replicasets.apps',
  'horizontalpodautoscalers.autoscaling',
  'persistentvolumes',
  'persistentvolumeclaims',
  'storageclasses.storage.k8s.io',
]);

/** A permission the watch caches need: list or watch of a cached kind. */
const isRead = (p: Permission) =>
  (p.verb === 'list' || p.verb === 'watch') &&
  CACHED.has(`${p.resource}${p.group ? `.${p.group}` : ''}`);

/** A fresh provider's problems once its caches settle: what the watch caches could not read. */
async function readProblems(expect: RegExp | null): Promise<string> {
  const p = await KubernetesProvider.open({ kubeconfig, contexts: [], home }, log);
  await p.start();
  try {
    await waitReady(p, 60_000);
    if (!expect)
      return p
        .failures()
        .map((f) => f.message)
        .join('; ');
    return await eventually(() => {
      const text = p
        .failures()
        .map((f) => f.message)
        .join('; ');
      if (!expect.test(text)) throw new Error(`no ${expect} in: ${text}`);
      return text;
    }, 30_000);
  } finally {
    await p.stop();
  }
}

async function applyRole(withRules: Rule[]): Promise<void> {
  await kubectl(['apply', '--server-side', '--force-conflicts', '-f', '-'], {
    input: JSON.stringify({ ...role, rules: withRules }),
  });
}

/** Waits until the API server's authorizer (a SubjectAccessReview) answers `want`. */
async function authorized(p: Permission, want: boolean): Promise<void> {
  const [resource, subresource] = p.resource.split('/');
  const review = {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec: {
      user: sa,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${NS}`, 'system:authenticated'],
      resourceAttributes: { verb: p.verb, group: p.group, resource, subresource, namespace: FX },
    },
  };
  await eventually(
    async () => {
      const out = await kubectl(['create', '-o', 'json', '-f', '-'], {
        input: JSON.stringify(review),
      });
      const allowed = (JSON.parse(out) as { status?: { allowed?: boolean } }).status?.allowed;
      if ((allowed ?? false) !== want) throw new Error(`${permissionName(p)}: allowed=${allowed}`);
    },
    20_000,
    200,
  );
}

const LpView = graphql(`
  query LpView($ns: String!) {
    status {
      name
      state
    }
    resources(filter: { namespaces: [$ns] }, first: 100) {
      totalCount
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

const LpScale = graphql(`
  mutation LpScale($id: ID!) {
    scaleResource(input: { id: $id, replicas: 3 }) {
      __typename
      ... on ActionResult {
        auditEvent {
          status
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const forbiddenFor = (p: Permission) =>
  new RegExp(`cannot ${p.verb} resource "${p.resource}"(?: in API group "${p.group}")?`);

beforeAll(async () => {
  const rendered = parseManifests(
    await helm(['template', RELEASE, CHART, '--namespace', NS, '--set', 'rbac.actions=true']),
  );
  const of = (kind: string) => rendered.filter((o) => o.kind === kind);
  role = of('ClusterRole')[0]!;
  rules = role.rules ?? [];
  const account = of('ServiceAccount')[0]!;
  sa = `system:serviceaccount:${NS}:${account.metadata.name}`;
  await kubectl(['create', 'namespace', NS]);
  await kubectl(['create', 'namespace', FX]);
  const rbac = [account, role, ...of('ClusterRoleBinding')];
  await kubectl(['apply', '--server-side', '-n', NS, '-f', '-'], {
    input: rbac.map((o) => JSON.stringify(o)).join('\n'),
  });
  await kubectl(['apply', '-f', '-'], { input: fixtures });
  const token = (
    await kubectl(['create', 'token', account.metadata.name, '-n', NS, '--duration=1h'])
  ).trim();
  kubeconfig = tokenKubeconfig(token);
  home = mkdtempSync(join(tmpdir(), 'oi-lp-'));
  actor = await KubernetesProvider.open({ kubeconfig, contexts: [], home }, log);
  await actor.start();
  await waitReady(actor, 120_000);
  await eventually(() => {
    for (const [kind, name] of [
      ['DEPLOYMENT', 'gone-deploy'],
      ['STATEFULSET', 'gone-sts'],
      ['DAEMONSET', 'gone-ds'],
      ['REPLICASET', 'gone-rs'],
      ['SERVICE', 'gone-svc'],
      ['HORIZONTAL_POD_AUTOSCALER', 'gone-hpa'],
      ['POD', 'logme'],
      ['NODE', NODES.gone],
      ['NAMESPACE', GONE_NS],
    ] as const)
      target(kind, name);
  }, 60_000);
}, 20 * 60_000);

afterAll(async () => {
  await actor?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
  await kubectl(['delete', 'node', NODES.cordon, NODES.gone, '--ignore-not-found']);
  await kubectl(['delete', 'namespace', NS, FX, GONE_NS, '--ignore-not-found', '--wait=false']);
  if (role) {
    const binding = role.metadata.name;
    await kubectl(['delete', 'clusterrole,clusterrolebinding', binding, '--ignore-not-found']);
  }
});

describe("the chart's ClusterRole, with the orchestrator as its ServiceAccount", () => {
  it('every permission has an operation of the orchestrator that needs it', () => {
    const unused = permissionsOf(rules).filter(
      (p) => !isRead(p) && !(permissionName(p) in ACTIONS),
    );
    expect(unused.map(permissionName)).toEqual([]);
  });

  it(
    'without any one permission, the operation needing it is refused as Forbidden',
    async () => {
      const refused: string[] = [];
      try {
        for (const p of permissionsOf(rules)) {
          const name = permissionName(p);
          await applyRole(rulesWithout(rules, p));
          await authorized(p, false);
          const action = ACTIONS[name];
          if (!isRead(p) && action) {
            const err = await action().then(
              () => new Error(`${name} removed, yet the action succeeded`),
              (e: unknown) => e as Error,
            );
            expect(err, name).toBeInstanceOf(ForbiddenError);
            expect(err.message, name).toMatch(forbiddenFor(p));
          } else {
            expect(await readProblems(forbiddenFor(p)), name).toMatch(forbiddenFor(p));
          }
          refused.push(name);
        }
      } finally {
        await applyRole(rules);
      }
      expect(refused.length).toBe(permissionsOf(rules).length);
    },
    30 * 60_000,
  );

  it('the orchestrator as the ServiceAccount answers in GraphQL, and a missing rule is a ForbiddenError there', async () => {
    const t = await startTestApp({ KUBECONFIG: kubeconfig, HOME: home });
    try {
      await eventually(async () => {
        const view = expectNoErrors((await gql(t.url, TOKENS.viewer, LpView, { ns: FX })).body);
        expect(view.status.find((c) => c.name === 'kubernetes')).toMatchObject({ state: 'UP' });
        expect(view.resources.totalCount).toBeGreaterThanOrEqual(13);
      }, 60_000);
      const view = expectNoErrors((await gql(t.url, TOKENS.viewer, LpView, { ns: FX })).body);
      const web = view.resources.edges.find(
        (e) => e.node.name === 'web' && e.node.kind === 'DEPLOYMENT',
      )?.node.id;
      const scale = async () =>
        expectNoErrors((await gql(t.url, TOKENS.operator, LpScale, { id: web ?? '' })).body)
          .scaleResource;
      const scaling = { group: 'apps', resource: 'deployments/scale', verb: 'patch' };
      await applyRole(rulesWithout(rules, scaling));
      try {
        await authorized(scaling, false);
        const refused = await scale();
        expect(refused).toMatchObject({ __typename: 'ForbiddenError' });
        if (refused.__typename === 'ForbiddenError')
          expect(refused.message).toMatch(forbiddenFor(scaling));
      } finally {
        await applyRole(rules);
      }
      await authorized(scaling, true);
      expect(await scale()).toMatchObject({
        __typename: 'ScaleResourceSuccess',
        auditEvent: { status: 'SUCCEEDED' },
      });
    } finally {
      await t.close();
    }
  });

  it(
    'with the whole role, every served kind lists and every action works',
    async () => {
      for (const p of permissionsOf(rules)) await authorized(p, true);
      expect(await readProblems(null)).toBe('');
      for (const kind of [
        'DEPLOYMENT',
        'STATEFULSET',
        'DAEMONSET',
        'REPLICASET',
        'SERVICE',
        'HORIZONTAL_POD_AUTOSCALER',
        'POD',
      ] as const) {
        expect(actor.list({ kinds: [kind], namespaces: [FX] }).length, kind).toBeGreaterThan(0);
      }
      expect(actor.list({ kinds: ['NODE'], names: [NODES.cordon] })).toHaveLength(1);
      expect(actor.list({ kinds: ['NAMESPACE'], names: [FX] })).toHaveLength(1);
      const failed: string[] = [];
      // Every operation (the ones two permissions share run twice: scale, stop, restart and
      // cordon are idempotent), each deletion once.
      for (const run of Object.values(ACTIONS)) {
        const err = await run().then(
          () => null,
          (e: unknown) => e as Error,
        );
        if (err instanceof ForbiddenError) failed.push(err.message);
        else if (err && run !== ACTIONS['get pods/log']) failed.push(err.message);
      }
      expect(failed).toEqual([]);
    },
    10 * 60_000,
  );
});
