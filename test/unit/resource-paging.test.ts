// Keyset pages of `resources`: the Kubernetes store's sorted views, the registry's merge with a
// provider that only lists (as AWS does), checked against a plain filter-sort-slice.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, parse } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.ts';
import { schema } from '../../src/graphql/schema.ts';
import { createLogger } from '../../src/logger.ts';
import { resourceMatcher } from '../../src/providers/filter.ts';
import { StoreSink } from '../../src/providers/kubernetes/cluster.ts';
import { kindSpec } from '../../src/providers/kubernetes/kinds.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import type { KubeObject } from '../../src/providers/kubernetes/types.ts';
import type { PageRequest, ResourcePage } from '../../src/providers/paging.ts';
import type { Provider, Resource, ResourceFilter } from '../../src/providers/provider.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';

// A kubeconfig naming an address nobody listens on: the provider is enabled but never started;
// its store is filled the way its watches fill it.
function kubeconfig(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'oi-paging-')), 'config');
  writeFileSync(
    path,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:9' } }],
      users: [{ name: 'u', user: { token: 'x' } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'c',
    }),
  );
  return path;
}

const pod = (ns: string, name: string, labels: Record<string, string>, phase = 'Running') =>
  ({
    metadata: { name, namespace: ns, uid: `uid-${ns}-${name}`, resourceVersion: '1', labels },
    spec: { nodeName: 'n1' },
    status: { phase, conditions: [{ type: 'Ready', status: 'True' }] },
  }) as KubeObject;

const deployment = (ns: string, name: string) =>
  ({
    metadata: { name, namespace: ns, uid: `uid-d-${ns}-${name}`, resourceVersion: '1' },
    spec: { replicas: 1 },
    status: { readyReplicas: 1 },
  }) as KubeObject;

/** AWS-like: region cluster, no namespace, ids that sort before every Kubernetes id. */
function ec2(name: string, state: Resource['state']): Resource {
  return {
    id: `aws:us-east-1:EC2_INSTANCE:${name}`,
    provider: 'AWS',
    kind: 'EC2_INSTANCE',
    cluster: 'us-east-1',
    namespace: null,
    name,
    state,
    labels: { app: name.startsWith('a') ? 'a' : 'b' },
    createdAt: null,
    object: {},
  };
}

/** A provider that only lists, in no order, as the AWS provider does. */
function listOnly(resources: Resource[]): Provider {
  return {
    name: 'AWS',
    enabled: true,
    start: async () => undefined,
    stop: async () => undefined,
    notReadyReason: () => null,
    health: async () => ({ state: 'UP', message: '' }),
    failures: () => [],
    get: (id) => resources.find((r) => r.id === id),
    list: (filter) => resources.filter(resourceMatcher(filter)).reverse(),
    onEvent: () => () => undefined,
    verbs: () => [],
    execute: () => Promise.reject(new Error('not here')),
    revertPlan: () => null,
  };
}

let k8s: KubernetesProvider;
let pods: StoreSink;
let registry: ProviderRegistry;
let aws: Resource[];

// The first open loads the Kubernetes client (imported only when a cluster is configured):
// seconds on a loaded machine, so the hook gets more than the default 10 s.
beforeEach(async () => {
  k8s = await KubernetesProvider.open(
    { kubeconfig: kubeconfig(), contexts: [] },
    createLogger('silent'),
  );
  pods = new StoreSink('c', kindSpec('POD'), k8s.store, () => {});
  const objects: KubeObject[] = [];
  for (const ns of ['alpha', 'beta', 'gamma'])
    for (let i = 0; i < 23; i++)
      objects.push(
        pod(
          ns,
          `p${String(i).padStart(2, '0')}`,
          { app: i % 3 === 0 ? 'a' : 'b', ...(i === 7 && ns === 'gamma' ? { rare: 'yes' } : {}) },
          i % 4 === 0 ? 'Pending' : 'Running',
        ),
      );
  pods.replace(objects);
  new StoreSink('c', kindSpec('DEPLOYMENT'), k8s.store, () => {}).replace([
    deployment('alpha', 'web'),
    deployment('beta', 'api'),
  ]);
  aws = ['a1', 'b2', 'a3', 'b4', 'a5'].map((n, i) => ec2(n, i % 2 ? 'STOPPED' : 'RUNNING'));
  registry = new ProviderRegistry([k8s, listOnly(aws)]);
}, 60_000);

/** What `resources` promised before keyset pages: every match, sorted by id, then a slice. */
function reference(filter: ResourceFilter, request: PageRequest) {
  const all = [...k8s.store.list({}), ...aws]
    // The store indexes no namespace for cluster-scoped resources; none are in this fixture.
    .filter(resourceMatcher(filter))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start =
    request.after === undefined ? 0 : all.filter((r) => r.id <= (request.after ?? '')).length;
  return {
    ids: all.slice(start, start + request.first).map((r) => r.id),
    totalCount: all.length,
    hasPreviousPage: start > 0,
    hasNextPage: start + request.first < all.length,
  };
}

const shape = (p: ResourcePage) => ({
  ids: p.items.map((r) => r.id),
  totalCount: p.totalCount,
  hasPreviousPage: p.hasPreviousPage,
  hasNextPage: p.hasNextPage,
});

/** Every page of a filter, walked with endCursor, checked page by page against the reference. */
function walk(filter: ResourceFilter, first: number): string[] {
  const seen: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 500; guard++) {
    const request = after === undefined ? { first } : { first, after };
    const page = registry.page(filter, request);
    expect(shape(page), `${JSON.stringify(filter)} first=${first} after=${after}`).toEqual(
      reference(filter, request),
    );
    seen.push(...page.items.map((r) => r.id));
    if (!page.hasNextPage) return seen;
    after = page.items.at(-1)?.id;
  }
  throw new Error('pages never ended');
}

const FILTERS: ResourceFilter[] = [
  {},
  { namespaces: ['beta'], kinds: ['POD'] },
  { namespaces: ['alpha', 'gamma'], kinds: ['POD', 'DEPLOYMENT'] },
  { kinds: ['POD'] },
  { kinds: ['EC2_INSTANCE'] },
  { namespaces: ['alpha'] },
  { namespaces: ['beta'], kinds: ['POD'], states: ['PENDING'] },
  { kinds: ['POD'], labelSelector: 'app=a' },
  { namespaces: ['gamma'], kinds: ['POD'], labelSelector: 'rare=yes' },
  { labelSelector: 'app in (a),app!=b' },
  { search: 'P1' },
  { states: ['RUNNING'] },
  { providers: ['AWS'] },
  { providers: ['KUBERNETES'], namespaces: ['alpha'], kinds: ['POD'] },
  { providers: ['AWS'], kinds: ['POD'] },
  { clusters: ['c'], kinds: ['DEPLOYMENT'] },
  { clusters: ['elsewhere'] },
  { names: ['web', 'a3', 'p05'] },
  { namespaces: ['nowhere'], kinds: ['POD'] },
];

describe('keyset pages of resources', () => {
  it('agree with filter, sort and slice for every filter, page size and cursor', () => {
    for (const filter of FILTERS) {
      const everything = walk(filter, 1000);
      for (const first of [1, 4, 10]) expect(walk(filter, first)).toEqual(everything);
    }
  });

  it('start after any key, present or not, and answer empty pages', () => {
    const keys = [
      '',
      'aws:',
      'aws:us-east-1:EC2_INSTANCE:b2',
      'aws:us-east-1:EC2_INSTANCE:b2 ', // between two ids
      'k8s:c:POD:beta:p10',
      'k8s:c:POD:gamma:p22', // the last pod
      'zzz', // after everything
    ];
    for (const filter of FILTERS)
      for (const after of keys)
        for (const first of [0, 1, 5])
          expect(shape(registry.page(filter, { first, after }))).toEqual(
            reference(filter, { first, after }),
          );
    expect(shape(registry.page({}, { first: 0 }))).toMatchObject({
      ids: [],
      hasPreviousPage: false,
      hasNextPage: true,
    });
    expect(shape(registry.page({}, { first: 3, after: 'zzz' }))).toMatchObject({
      ids: [],
      hasPreviousPage: true,
      hasNextPage: false,
    });
  });

  it('continue after a cursor whose resource was deleted', () => {
    const filter = { namespaces: ['alpha'], kinds: ['POD' as const] };
    const first = registry.page(filter, { first: 5 });
    const last = first.items.at(-1);
    expect(last?.name).toBe('p04');
    pods.apply('DELETED', pod('alpha', 'p04', {}));
    const next = registry.page(filter, { first: 5, after: last?.id });
    expect(next.items.map((r) => r.name)).toEqual(['p05', 'p06', 'p07', 'p08', 'p09']);
    expect(next).toMatchObject({ totalCount: 22, hasPreviousPage: true, hasNextPage: true });
  });

  it('follow changes: additions, deletions and state changes reach pages and counts', () => {
    const running = { namespaces: ['beta'], kinds: ['POD' as const], states: ['RUNNING' as const] };
    const all = { namespaces: ['beta'], kinds: ['POD' as const] };
    expect(registry.page(all, { first: 100 }).totalCount).toBe(23);
    expect(registry.page(running, { first: 100 }).totalCount).toBe(17);
    pods.apply('MODIFIED', {
      ...pod('beta', 'p00', {}, 'Running'),
      metadata: { ...pod('beta', 'p00', {}).metadata, resourceVersion: '2' },
    });
    pods.apply('ADDED', pod('beta', 'p05a', {}));
    pods.apply('DELETED', pod('beta', 'p22', {}));
    for (const filter of [all, running, {}, { kinds: ['POD' as const] }, { namespaces: ['beta'] }])
      for (const first of [3, 100]) walk(filter, first);
    expect(registry.page(running, { first: 100 }).totalCount).toBe(18);
    const names = registry.page(all, { first: 100 }).items.map((r) => r.name);
    expect(names).toHaveLength(23);
    expect(names.slice(5, 8)).toEqual(['p05', 'p05a', 'p06']);
    // A modified resource is the new object, once.
    expect(names.filter((n) => n === 'p00')).toHaveLength(1);
    expect(registry.page(all, { first: 1 }).items[0]?.state).toBe('RUNNING');
  });

  it('forget a namespace that empties and see it again when it refills', () => {
    const filter = { namespaces: ['gamma'], kinds: ['POD' as const] };
    expect(registry.page(filter, { first: 1 }).totalCount).toBe(23);
    pods.replace(
      k8s.store
        .list({ kinds: ['POD'] })
        .flatMap((r) => (r.namespace === 'gamma' ? [] : [r.object])),
    );
    expect(shape(registry.page(filter, { first: 1 }))).toEqual(reference(filter, { first: 1 }));
    expect(registry.page(filter, { first: 1 }).totalCount).toBe(0);
    pods.apply('ADDED', pod('gamma', 'back', {}));
    expect(registry.page(filter, { first: 5 }).items.map((r) => r.name)).toEqual(['back']);
  });
});

describe('the resources query', () => {
  it('answers a dashboard page synchronously, with global ids that node() resolves', async () => {
    new StoreSink('c', kindSpec('NODE'), k8s.store, () => {}).replace([
      { metadata: { name: 'n1', uid: 'uid-n1', resourceVersion: '1' } },
    ]);
    new StoreSink('c', kindSpec('REPLICASET'), k8s.store, () => {}).replace([
      {
        metadata: {
          name: 'web-1',
          namespace: 'alpha',
          uid: 'uid-rs',
          resourceVersion: '1',
          ownerReferences: [{ uid: 'uid-d-alpha-web', controller: true }],
        },
      } as KubeObject,
    ]);
    const owned = pod('alpha', 'p00', {});
    owned.metadata.ownerReferences = [
      { uid: 'uid-rs', controller: true } as NonNullable<
        KubeObject['metadata']['ownerReferences']
      >[number],
    ];
    pods.apply('MODIFIED', owned);
    const contextValue = {
      viewer: { name: 'u', role: 'viewer' },
      services: { providers: registry, kubernetes: k8s } as unknown as Services,
      requestId: 'r',
      log: createLogger('silent'),
    };
    const result = execute({
      schema,
      document: parse(`{
        resources(filter: { namespaces: ["alpha"], kinds: [POD] }, first: 2) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id name ... on Pod {
            workload { id name } node { id name } } } }
        }
      }`),
      contextValue,
    });
    // Every field of such a page is read from memory: nothing should make it wait.
    expect(result).not.toBeInstanceOf(Promise);
    const { data, errors } = await result;
    expect(errors).toBeUndefined();
    const page = data?.resources as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: {
        cursor: string;
        node: {
          id: string;
          name: string;
          workload: { id: string; name: string } | null;
          node: { id: string } | null;
        };
      }[];
    };
    expect(page.totalCount).toBe(23);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges.map((e) => e.node.name)).toEqual(['p00', 'p01']);
    expect(page.pageInfo.endCursor).toBe(page.edges[1]?.cursor);
    const first = page.edges[0]?.node;
    expect(first?.workload?.name).toBe('web');
    expect(first?.id).toBe(Buffer.from('Pod:k8s:c:POD:alpha:p00').toString('base64'));
    for (const id of [first?.id, first?.workload?.id, first?.node?.id]) {
      const found = await execute({
        schema,
        document: parse('query ($id: ID!) { node(id: $id) { id } }'),
        variableValues: { id },
        contextValue,
      });
      expect(found.data?.node).toEqual({ id });
    }
    // The cursor continues the page where it ended.
    const next = await execute({
      schema,
      document: parse(`query ($after: String) {
        resources(filter: { namespaces: ["alpha"], kinds: [POD] }, first: 1, after: $after) {
          edges { node { name } }
        }
      }`),
      variableValues: { after: page.pageInfo.endCursor },
      contextValue,
    });
    expect(next.data?.resources).toEqual({ edges: [{ node: { name: 'p02' } }] });
  });
});
