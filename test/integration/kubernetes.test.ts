// The Kubernetes inventory against the lab: the caches agree with kubectl object for object,
// follow changes within seconds, stream them to subscribers, and never LIST per query.
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../src/providers/kubernetes/kinds.ts';
import type { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import type { KubeObject } from '../../src/providers/kubernetes/types.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import {
  apiserverListCount,
  deploymentYaml,
  eventually,
  kubectl,
  kubectlJson,
  kubeProvider,
  lab,
  scratchNamespace,
  waitReady,
} from './kubernetes-support.ts';

const NamespaceView = graphql(`
  query K8sNamespaceView($ns: String!) {
    resources(filter: { namespaces: [$ns], kinds: [POD] }, first: 100) {
      totalCount
      failures {
        cluster
      }
      edges {
        node {
          __typename
          id
          name
          state
          cluster
          ... on Pod {
            phase
            ip
            restarts
            containers {
              name
              image
              ready
              requests {
                cpu
                cpuCores
                memoryBytes
              }
              limits {
                memory
              }
            }
            node {
              name
              state
              unschedulable
            }
            owner {
              kind
              name
            }
            workload {
              kind
              name
              ... on Deployment {
                desiredReplicas
                readyReplicas
                selector
                strategy
              }
            }
            events(first: 5) {
              reason
            }
          }
        }
      }
    }
  }
`);

const ServiceView = graphql(`
  query K8sServiceView($ns: String!) {
    resources(filter: { namespaces: [$ns], kinds: [SERVICE, NAMESPACE, DEPLOYMENT] }) {
      edges {
        node {
          __typename
          kind
          name
          actions
          ... on Service {
            type
            clusterIP
            selector
            ports {
              port
              targetPort
            }
            pods {
              name
            }
          }
          ... on Deployment {
            pods {
              name
            }
            replicaSets {
              name
            }
            containers {
              name
              requests {
                memory
              }
            }
          }
        }
      }
    }
  }
`);

const NodeById = graphql(`
  query K8sNodeById($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Resource {
        kind
        name
      }
      ... on KubernetesNode {
        capacity {
          cpuCores
          pods
        }
        allocatable {
          memoryBytes
        }
        conditions {
          type
          status
        }
        podCount
      }
      ... on Namespace {
        resources(kinds: [DEPLOYMENT]) {
          name
        }
      }
    }
  }
`);

const FirstOfKind = graphql(`
  query K8sFirstOfKind($kind: ResourceKind!) {
    resources(filter: { kinds: [$kind], providers: [KUBERNETES] }, first: 1) {
      totalCount
      edges {
        node {
          id
          kind
          name
        }
      }
    }
  }
`);

const PodLogs = graphql(`
  query K8sPodLogs($id: ID!) {
    podLogs(id: $id, tailLines: 10) {
      __typename
      ... on PodLogs {
        text
      }
      ... on Error {
        code
        message
      }
      ... on LogsUnavailableError {
        node
      }
    }
  }
`);

const DeploymentEvents = graphql(`
  subscription K8sDeploymentEvents($ns: String!) {
    resourceEvents(filter: { namespaces: [$ns], kinds: [DEPLOYMENT] }) {
      type
      resource {
        name
        state
        ... on Deployment {
          desiredReplicas
        }
      }
    }
  }
`);

/** A stable form of an object for comparison: no managedFields, keys sorted. */
function canonical(obj: KubeObject): string {
  const copy = structuredClone(obj) as KubeObject & { apiVersion?: string; kind?: string };
  delete copy.metadata.managedFields;
  delete copy.apiVersion;
  delete copy.kind;
  return JSON.stringify(copy, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

let t: TestApp;
let p: KubernetesProvider;
let ns: { name: string; drop: () => Promise<void> };

beforeAll(async () => {
  ns = await scratchNamespace();
  await kubectl(['apply', '-f', '-'], {
    input: `${deploymentYaml(ns.name, 'web', 2)}---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${ns.name}}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: ${ns.name}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 5
  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: ${ns.name}}
spec: {accessModes: [ReadWriteOnce], storageClassName: gp3, resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: ${ns.name}-data}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: gp3
  persistentVolumeReclaimPolicy: Retain
  hostPath: {path: /tmp/${ns.name}-data}
`,
  });
  await kubectl(['rollout', 'status', '-n', ns.name, 'deployment/web', '--timeout=120s']);
  t = await startTestApp({ KUBECONFIG: lab().KUBECONFIG ?? '' });
  p = kubeProvider(t);
  await waitReady(p);
});

afterAll(async () => {
  await t?.close();
  // The volume is cluster-scoped: dropping the namespace leaves it.
  if (ns) await kubectl(['delete', 'pv', `${ns.name}-data`, '--ignore-not-found', '--wait=false']);
  await ns?.drop();
});

describe('Kubernetes inventory', () => {
  it('matches kubectl get -o json for every kind, by count and content', async () => {
    for (const spec of KINDS) {
      const resource =
        spec.group === '/api/v1' ? spec.plural : `${spec.plural}.${spec.group.split('/')[2]}`;
      // The lab is shared and pods churn: retry until one moment where both sides agree.
      await eventually(
        async () => {
          const { items } = await kubectlJson<{ items: KubeObject[] }>(['get', resource, '-A']);
          const cached = p.list({ kinds: [spec.kind] }).map((r) => r.object as KubeObject);
          const uids = (objs: KubeObject[]) => objs.map((o) => o.metadata.uid).sort();
          expect(uids(cached), `${spec.kind}: the same objects`).toEqual(uids(items));
          const byUid = new Map(cached.map((o) => [o.metadata.uid, o]));
          const changedSince: KubeObject[] = [];
          for (const item of items) {
            const mine = byUid.get(item.metadata.uid) as KubeObject;
            const [a, b] = [mine.metadata.resourceVersion, item.metadata.resourceVersion];
            if (a === b)
              expect(canonical(mine), `${spec.kind} ${item.metadata.name}`).toBe(canonical(item));
            else if (BigInt(a ?? 0) > BigInt(b ?? 0)) changedSince.push(item);
            else
              throw new Error(
                `${spec.kind} ${item.metadata.name}: cache behind kubectl (${a} < ${b})`,
              );
          }
          // Objects that changed while kubectl listed them: compare with a fresh read each.
          for (const item of changedSince.slice(0, 20)) {
            const m = item.metadata;
            await eventually(
              async () => {
                const fresh = JSON.parse(
                  await kubectl([
                    'get',
                    resource,
                    ...(m.namespace ? ['-n', m.namespace] : []),
                    m.name,
                    '-o',
                    'json',
                  ]),
                ) as KubeObject;
                const mine = p.get(`k8s:lab:${spec.kind}:${m.namespace ?? ''}:${m.name}`)
                  ?.object as KubeObject;
                expect(canonical(mine)).toBe(canonical(fresh));
              },
              10_000,
              200,
            );
          }
        },
        120_000,
        1000,
      );
    }
  });

  it('serves a namespace view with nodes, owners, workloads and events from the caches', async () => {
    const data = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, NamespaceView, { ns: ns.name })).body,
    );
    expect(data.resources.totalCount).toBe(2);
    expect(data.resources.failures).toEqual([]);
    for (const { node: pod } of data.resources.edges) {
      if (pod.__typename !== 'Pod') throw new Error('not a pod');
      expect(pod.state).toBe('RUNNING');
      expect(pod.cluster).toBe('lab');
      expect(pod.phase).toBe('Running');
      expect(pod.containers[0]).toMatchObject({
        name: 'app',
        image: 'registry.example/web:1',
        ready: true,
        requests: { cpu: '50m', cpuCores: 0.05, memoryBytes: 64 * 2 ** 20 },
        limits: { memory: '128Mi' },
      });
      expect(pod.node?.name).toMatch(/^lab-node-/);
      expect(pod.owner?.kind).toBe('REPLICASET');
      expect(pod.workload).toMatchObject({
        kind: 'DEPLOYMENT',
        name: 'web',
        desiredReplicas: 2,
        readyReplicas: 2,
        selector: 'app=web',
        strategy: 'RollingUpdate',
      });
      expect(pod.events.map((e) => e.reason)).toContain('Scheduled');
    }
  });

  it('serves services with the pods they select, deployments with their pods, and actions by role', async () => {
    const data = expectNoErrors(
      (await gql(t.url, TOKENS.operator, ServiceView, { ns: ns.name })).body,
    );
    const byKind = new Map(data.resources.edges.map((e) => [e.node.kind, e.node]));
    const svc = byKind.get('SERVICE');
    if (svc?.__typename !== 'Service') throw new Error('no service');
    expect(svc).toMatchObject({
      type: 'ClusterIP',
      selector: 'app=web',
      ports: [{ port: 80, targetPort: '8080' }],
    });
    expect(svc.clusterIP).toMatch(/^10\.96\./);
    expect(svc.pods).toHaveLength(2);
    expect(svc.actions).toEqual([]); // deleting is for admins
    const dep = byKind.get('DEPLOYMENT');
    if (dep?.__typename !== 'Deployment') throw new Error('no deployment');
    expect(dep.pods.map((x) => x.name).sort()).toEqual(svc.pods.map((x) => x.name).sort());
    expect(dep.replicaSets).toHaveLength(1);
    expect(dep.containers[0]?.requests.memory).toBe('64Mi');
    expect(dep.actions).toEqual(expect.arrayContaining(['SCALE', 'STOP', 'RESTART']));
    expect(dep.actions).not.toContain('START'); // it is running
    expect(dep.actions).not.toContain('DELETE'); // admins only
  });

  it('round-trips the global id of every kind through node(id)', async () => {
    for (const spec of KINDS) {
      const first = expectNoErrors(
        (await gql(t.url, TOKENS.viewer, FirstOfKind, { kind: spec.kind })).body,
      );
      const edge = first.resources.edges[0];
      expect(edge, spec.kind).toBeDefined();
      const node = expectNoErrors(
        (await gql(t.url, TOKENS.viewer, NodeById, { id: edge?.node.id ?? '' })).body,
      ).node;
      expect(node).toMatchObject({ id: edge?.node.id, kind: spec.kind, name: edge?.node.name });
      if (node?.__typename === 'KubernetesNode') {
        expect(node.capacity.cpuCores).toBeGreaterThan(0);
        expect(node.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
      }
    }
    const nsNode = p.list({ kinds: ['NAMESPACE'], names: [ns.name] })[0];
    const first = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, FirstOfKind, { kind: 'NAMESPACE' })).body,
    );
    const nsGlobal = first.resources.edges[0]?.node.id ?? '';
    expect(nsNode).toBeDefined();
    expect(nsGlobal).not.toContain('k8s:'); // opaque
  });

  it('says clearly that a kwok node cannot serve pod logs', async () => {
    const view = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, NamespaceView, { ns: ns.name })).body,
    );
    const id = view.resources.edges[0]?.node.id ?? '';
    const res = expectNoErrors((await gql(t.url, TOKENS.viewer, PodLogs, { id })).body).podLogs;
    expect(res.__typename).toBe('LogsUnavailableError');
    if (res.__typename !== 'LogsUnavailableError') return;
    expect(res.code).toBe('LOGS_UNAVAILABLE');
    expect(res.node).toMatch(/^lab-node-/);
    expect(res.message).toMatch(/cannot serve logs/);
    const bad = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, PodLogs, { id: 'nonsense' })).body,
    ).podLogs;
    expect(bad.__typename).toBe('ValidationError');
  });

  it('converges within seconds after create, scale and delete, and streams the changes', async () => {
    const client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${TOKENS.viewer}` },
      retryAttempts: 0,
    });
    const seen: { type: string; name: string; desired: number | null | undefined }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: print(DeploymentEvents), variables: { ns: ns.name } },
        {
          next: (v) => {
            const e = (
              v.data as
                | {
                    resourceEvents: {
                      type: string;
                      resource: { name: string; desiredReplicas?: number | null };
                    };
                  }
                | undefined
            )?.resourceEvents;
            if (e)
              seen.push({
                type: e.type,
                name: e.resource.name,
                desired: e.resource.desiredReplicas,
              });
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await eventually(() => expect(p.notReadyReason()).toBeNull());
    await new Promise((r) => setTimeout(r, 300)); // the subscription is registered

    const id = `k8s:lab:DEPLOYMENT:${ns.name}:conv`;
    let t0 = Date.now();
    await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'conv', 1) });
    await eventually(() => expect(p.get(id)).toBeDefined(), 5000, 20);
    const createMs = Date.now() - t0;

    t0 = Date.now();
    await kubectl(['scale', '-n', ns.name, 'deployment/conv', '--replicas=3']);
    await eventually(
      () => expect((p.get(id)?.object as { spec?: { replicas?: number } }).spec?.replicas).toBe(3),
      5000,
      20,
    );
    const scaleMs = Date.now() - t0;
    // The pods themselves follow as kwok runs them.
    await eventually(() => expect(p.get(id)?.state).toBe('RUNNING'), 60_000, 100);
    await eventually(
      async () => {
        const pods = (
          await kubectlJson<{ items: unknown[] }>(['get', 'pods', '-n', ns.name, '-l', 'app=conv'])
        ).items;
        expect(
          p.list({ kinds: ['POD'], namespaces: [ns.name], labelSelector: 'app=conv' }),
        ).toHaveLength(pods.length);
      },
      10_000,
      100,
    );

    t0 = Date.now();
    await kubectl(['delete', '-n', ns.name, 'deployment/conv', '--wait=false']);
    await eventually(() => expect(p.get(id)).toBeUndefined(), 5000, 20);
    const deleteMs = Date.now() - t0;
    expect(Math.max(createMs, scaleMs, deleteMs)).toBeLessThan(5000);

    await eventually(
      () => expect(seen.some((e) => e.type === 'DELETED' && e.name === 'conv')).toBe(true),
      5000,
      20,
    );
    const conv = seen.filter((e) => e.name === 'conv');
    expect(conv[0]?.type).toBe('ADDED');
    expect(conv.some((e) => e.type === 'MODIFIED' && e.desired === 3)).toBe(true);
    expect(conv.at(-1)?.type).toBe('DELETED');
    expect(seen.every((e) => e.name === 'conv' || e.name === 'web')).toBe(true); // filtered
    await client.dispose();
    await done.catch(() => undefined);
  });

  it('answers 200 inventory queries without one LIST request to the API server', async () => {
    const resources = KINDS.map((k) => k.plural);
    const listsBefore = JSON.stringify(p.cluster('lab')?.listCounts());
    // The lab's controllers LIST on their own (periodic resyncs), and the apiserver's count has
    // no client label: it must stay flat over at least one of six attempts; our own list
    // counter, always.
    let delta = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 6 && delta > 0; attempt++) {
      const before = await apiserverListCount(resources);
      for (let i = 0; i < 200; i++) {
        const res =
          i % 2 === 0
            ? await gql(t.url, TOKENS.viewer, NamespaceView, { ns: ns.name })
            : await gql(t.url, TOKENS.viewer, ServiceView, { ns: ns.name });
        expect(res.status).toBe(200);
      }
      delta = (await apiserverListCount(resources)) - before;
    }
    expect(delta).toBe(0);
    expect(JSON.stringify(p.cluster('lab')?.listCounts())).toBe(listsBefore);
  });
});
