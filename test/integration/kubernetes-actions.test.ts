// Every Kubernetes action and error path against the lab's real API server, through the
// provider's execute() (what the action pipeline calls) — including a real RBAC denial.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ProviderError,
  ValidationError,
} from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { STOPPED_REPLICAS } from '../../src/providers/kubernetes/actions.ts';
import { KubeApiError } from '../../src/providers/kubernetes/client.ts';
import { mapKubeError } from '../../src/providers/kubernetes/errors.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import type { KubeResource } from '../../src/providers/kubernetes/store.ts';
import type { ActionRequest, ActionVerb, ResourceKind } from '../../src/providers/provider.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  lab,
  scratchNamespace,
  tokenKubeconfig,
  waitReady,
} from './kubernetes-support.ts';

const log = createLogger('silent');
let p: KubernetesProvider;
let ns: { name: string; drop: () => Promise<void> };
const suffix = randomBytes(3).toString('hex');
const node = `k8s-test-node-${suffix}`;
const binding = `k8s-test-view-${suffix}`;

const id = (kind: ResourceKind, name: string, namespace: string | null = ns.name) =>
  `k8s:lab:${kind}:${namespace ?? ''}:${name}`;

async function target(
  kind: ResourceKind,
  name: string,
  namespace: string | null = ns.name,
): Promise<KubeResource> {
  return eventually(() => {
    const r = p.get(id(kind, name, namespace));
    if (!r) throw new Error(`${kind} ${name} not cached yet`);
    return r;
  });
}

function run(
  verb: ActionVerb,
  t: KubeResource,
  params: Record<string, unknown> = {},
  extra: Partial<ActionRequest> = {},
) {
  return p.execute({ verb, target: t, params, dryRun: false, ...extra });
}

const desired = (r: KubeResource | undefined): number | undefined =>
  (r?.object as { spec?: { replicas?: number } } | undefined)?.spec?.replicas;

async function replicas(kind: string, name: string): Promise<number> {
  return Number(
    await kubectl(['get', kind, '-n', ns.name, name, '-o', 'jsonpath={.spec.replicas}']),
  );
}

beforeAll(async () => {
  ns = await scratchNamespace('k8s-act');
  await kubectl(['apply', '-f', '-'], {
    input: `${deploymentYaml(ns.name, 'api', 2)}---
${deploymentYaml(ns.name, 'zero', 0)}---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ${ns.name}}
spec:
  replicas: 1
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: registry.example/db:1}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs, namespace: ${ns.name}}
spec:
  replicas: 1
  selector: {matchLabels: {app: rs}}
  template:
    metadata: {labels: {app: rs}}
    spec: {containers: [{name: app, image: registry.example/rs:1}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ${ns.name}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      nodeSelector: {kubernetes.io/hostname: ${node}}
      tolerations: [{operator: Exists}]
      containers: [{name: agent, image: registry.example/agent:1}]
---
apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: ${ns.name}}
spec: {containers: [{name: solo, image: registry.example/solo:1}]}
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: ${ns.name}}
spec: {selector: {app: api}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Node
metadata:
  name: ${node}
  annotations: {kwok.x-k8s.io/node: fake}
  labels: {type: kwok, kubernetes.io/hostname: ${node}}
spec:
  # Nobody else's pods land on the test node.
  taints: [{key: k8s-test, value: "true", effect: NoSchedule}]
`,
  });
  p = await KubernetesProvider.open({ kubeconfig: lab().KUBECONFIG, contexts: [] }, log);
  await p.start();
  await waitReady(p);
});

afterAll(async () => {
  await p?.stop();
  await kubectl(['delete', 'node', node, '--ignore-not-found', '--wait=false']).catch(
    () => undefined,
  );
  await ns?.drop();
});

describe('Kubernetes actions', () => {
  it('scales Deployments, StatefulSets and ReplicaSets through the scale subresource', async () => {
    const api = await target('DEPLOYMENT', 'api');
    const out = await run('scale', api, { replicas: 3 });
    expect(out).toMatchObject({ before: { replicas: 2 }, after: { replicas: 3 } });
    expect(out.message).toMatch(/from 2 to 3/);
    expect(await replicas('deployment', 'api')).toBe(3);
    await eventually(() => expect(desired(p.get(api.id))).toBe(3));

    for (const [kind, name] of [
      ['STATEFULSET', 'db'],
      ['REPLICASET', 'rs'],
    ] as const) {
      const t = await target(kind, name);
      // The outcome also names the resourceVersion the write produced.
      expect((await run('scale', t, { replicas: 2 })).after).toEqual({
        replicas: 2,
        resourceVersion: expect.stringMatching(/^\d+$/) as unknown,
      });
      expect(await replicas(kind.toLowerCase(), name)).toBe(2);
    }
  });

  it('dry-runs on the server without changing anything', async () => {
    const api = await target('DEPLOYMENT', 'api');
    const out = await run('scale', api, { replicas: 7 }, { dryRun: true });
    expect(out.after).toMatchObject({ replicas: 7 });
    expect(out.message).toMatch(/dry run/);
    await run('restart', api, {}, { dryRun: true });
    await run('delete', api, {}, { dryRun: true });
    expect(await replicas('deployment', 'api')).toBe(3);
    expect(
      await kubectl([
        'get',
        'deployment',
        '-n',
        ns.name,
        'api',
        '-o',
        'jsonpath={.spec.template.metadata.annotations}',
      ]),
    ).toBe('');
  });

  it('refuses absurd counts, wrong kinds and stale preconditions', async () => {
    const api = await target('DEPLOYMENT', 'api');
    await expect(run('scale', api, { replicas: -1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(run('scale', api, { replicas: 1_000_000 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(run('scale', api, { replicas: 1.5 })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      run('scale', await target('DAEMONSET', 'agent'), { replicas: 1 }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(run('cordon', api)).rejects.toBeInstanceOf(ValidationError);
    const stale = run('scale', api, { replicas: 1 }, { precondition: { replicas: 2 } });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/replicas is 3 but 2 was expected/);
    expect(await replicas('deployment', 'api')).toBe(3);
  });

  it('stops by scaling to 0 remembering the replicas, and starts them again', async () => {
    const api = await target('DEPLOYMENT', 'api');
    expect(p.verbs(api)).toEqual(expect.arrayContaining(['scale', 'stop', 'restart', 'delete']));
    expect(p.verbs(api)).not.toContain('start');
    const stopped = await run('stop', api);
    expect(stopped).toMatchObject({
      before: { replicas: 3 },
      after: { replicas: 0, stoppedReplicas: 3 },
    });
    expect(
      await kubectl([
        'get',
        'deployment',
        '-n',
        ns.name,
        'api',
        '-o',
        `jsonpath={.metadata.annotations.optiinfra\\.dev/stopped-replicas}`,
      ]),
    ).toBe('3');
    await eventually(() => expect(p.get(api.id)?.state).toBe('STOPPED'));
    expect(p.verbs(p.get(api.id) as KubeResource)).toContain('start');

    const started = await run('start', await target('DEPLOYMENT', 'api'));
    expect(started).toMatchObject({
      before: { replicas: 0, stoppedReplicas: 3 },
      after: { replicas: 3 },
    });
    expect(await replicas('deployment', 'api')).toBe(3);
    await eventually(() =>
      expect(p.get(api.id)?.object.metadata.annotations?.[STOPPED_REPLICAS]).toBeUndefined(),
    );

    // Nothing remembered: one replica.
    expect((await run('start', await target('DEPLOYMENT', 'zero'))).after).toEqual({ replicas: 1 });
    await expect(run('stop', await target('DAEMONSET', 'agent'))).rejects.toThrow(/DaemonSet/);
    await expect(run('stop', await target('POD', 'solo'))).rejects.toBeInstanceOf(ValidationError);
  });

  it('reverts scale, stop and cordon with plans whose preconditions guard against drift', async () => {
    const db = await target('STATEFULSET', 'db');
    const out = await run('scale', db, { replicas: 4 });
    const plan = p.revertPlan('scale', out.before, out.after);
    expect(plan).toEqual({ verb: 'scale', params: { replicas: 2 }, precondition: { replicas: 4 } });
    if (!plan) return;
    await run(plan.verb, db, plan.params, { precondition: plan.precondition });
    expect(await replicas('statefulset', 'db')).toBe(2);
    // The same revert again: the world is no longer what the plan expects.
    await expect(
      run(plan.verb, db, plan.params, { precondition: plan.precondition }),
    ).rejects.toBeInstanceOf(ConflictError);

    const stop = await run('stop', db);
    const undo = p.revertPlan('stop', stop.before, stop.after);
    expect(undo).toEqual({ verb: 'start', params: {}, precondition: { replicas: 0 } });
    await run('start', db, undo?.params, { precondition: undo?.precondition });
    expect(await replicas('statefulset', 'db')).toBe(2);
    expect(p.revertPlan('restart', {}, {})).toBeNull();
    expect(p.revertPlan('delete', {}, {})).toBeNull();
  });

  it('cordons and uncordons a node', async () => {
    const n = await target('NODE', node, null);
    expect(p.verbs(n)).toContain('cordon');
    expect(p.verbs(n)).not.toContain('uncordon');
    const out = await run('cordon', n);
    expect(out).toMatchObject({ before: { unschedulable: false }, after: { unschedulable: true } });
    expect(await kubectl(['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}'])).toBe(
      'true',
    );
    await eventually(() =>
      expect(p.verbs(p.get(n.id) as KubeResource)).toEqual(['uncordon', 'delete']),
    );
    const undo = p.revertPlan('cordon', out.before, out.after);
    expect(undo?.verb).toBe('uncordon');
    await expect(
      run('cordon', n, {}, { precondition: { unschedulable: false } }),
    ).rejects.toBeInstanceOf(ConflictError);
    await run('uncordon', n, {}, { precondition: undo?.precondition });
    expect(await kubectl(['get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}'])).toBe('');
  });

  it('restarts workloads by template annotation and controller-owned pods by deletion', async () => {
    const api = await target('DEPLOYMENT', 'api');
    const out = await run('restart', api);
    const at = (out.after as { restartedAt: string }).restartedAt;
    expect(
      await kubectl([
        'get',
        'deployment',
        '-n',
        ns.name,
        'api',
        '-o',
        'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}',
      ]),
    ).toBe(at);
    await run('restart', await target('DAEMONSET', 'agent'));
    await run('restart', await target('STATEFULSET', 'db'));

    const rsPod = await eventually(() => {
      const pod = p.list({ kinds: ['POD'], namespaces: [ns.name], labelSelector: 'app=rs' })[0];
      if (!pod) throw new Error('no rs pod yet');
      return pod as KubeResource;
    });
    const restarted = await run('restart', rsPod);
    expect(restarted.message).toMatch(/ReplicaSet rs recreates it/);
    await eventually(() => expect(p.get(rsPod.id)).toBeUndefined(), 30_000);

    const solo = await target('POD', 'solo');
    await expect(run('restart', solo)).rejects.toThrow(/no controller/);
    expect(await kubectl(['get', 'pod', '-n', ns.name, 'solo', '-o', 'name'])).toMatch(/solo/);
    await run('restart', solo, { force: true });
    await eventually(() => expect(p.get(solo.id)).toBeUndefined(), 30_000);
  });

  it('deletes with a chosen propagation policy, and only the object it was shown', async () => {
    const svc = await target('SERVICE', 'svc');
    // Re-created under the same name: the cached target is another object now.
    await kubectl(['delete', 'service', '-n', ns.name, 'svc']);
    await kubectl(['create', 'service', 'clusterip', 'svc', '-n', ns.name, '--tcp=80:80']);
    await expect(run('delete', svc)).rejects.toBeInstanceOf(ConflictError);
    const fresh = await eventually(() => {
      const r = p.get(svc.id);
      if (!r || r.object.metadata.uid === svc.object.metadata.uid) throw new Error('not refreshed');
      return r;
    });
    await expect(run('delete', fresh, { propagationPolicy: 'Sideways' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const out = await run('delete', fresh, { propagationPolicy: 'Foreground' });
    expect(out.after).toEqual({ deleted: true, propagationPolicy: 'Foreground' });
    await eventually(() => expect(p.get(svc.id)).toBeUndefined());
    // Already gone: 404.
    await expect(run('delete', fresh)).rejects.toBeInstanceOf(NotFoundError);

    const zero = await target('DEPLOYMENT', 'zero');
    await run('delete', zero, { propagationPolicy: 'Orphan' });
    await eventually(() => expect(p.get(zero.id)).toBeUndefined());
  });

  it('maps a 422 from the API server to a ValidationError with the field causes', async () => {
    const client = p.cluster('lab')?.client;
    const err = await client
      ?.request('PATCH', `/apis/apps/v1/namespaces/${ns.name}/deployments/api`, {
        body: { spec: { replicas: -3 } },
        contentType: 'application/merge-patch+json',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeApiError);
    const mapped = mapKubeError(err, 'lab', 'scale deployment x');
    expect(mapped).toBeInstanceOf(ValidationError);
    expect((mapped as ValidationError).fields).toContainEqual(
      expect.objectContaining({ path: 'spec.replicas' }),
    );
  });

  it('gets ForbiddenError as a view-bound identity, and nothing changes', async () => {
    // A ServiceAccount of our own bound to `view`, used as the orchestrator's identity.
    await kubectl(['create', 'serviceaccount', 'orchestrator', '-n', ns.name]);
    await kubectl([
      'create',
      'clusterrolebinding',
      binding,
      '--clusterrole=view',
      `--serviceaccount=${ns.name}:orchestrator`,
    ]);
    const token = (
      await kubectl(['create', 'token', 'orchestrator', '-n', ns.name, '--duration=1h'])
    ).trim();
    const viewer = await KubernetesProvider.open(
      { kubeconfig: tokenKubeconfig(token, 'lab'), contexts: [] },
      log,
    );
    await viewer.start();
    try {
      await waitReady(viewer);
      // `view` may not list nodes: named as a failure, the rest of the cluster still served.
      expect(
        viewer
          .failures()
          .map((f) => f.message)
          .join(),
      ).toMatch(/nodes: .*forbidden/i);
      expect(viewer.list({ kinds: ['DEPLOYMENT'], namespaces: [ns.name] }).length).toBeGreaterThan(
        0,
      );
      const api = await eventually(() => {
        const r = viewer.get(id('DEPLOYMENT', 'api'));
        if (!r) throw new Error('not cached');
        return r;
      });
      const before = await replicas('deployment', 'api');
      const denied = viewer.execute({
        verb: 'scale',
        target: api,
        params: { replicas: before + 1 },
        dryRun: false,
      });
      await expect(denied).rejects.toBeInstanceOf(ForbiddenError);
      await expect(denied).rejects.toThrow(new RegExp(`scale deployment ${ns.name}/api`));
      await expect(
        viewer.execute({ verb: 'stop', target: api, params: {}, dryRun: false }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect(await replicas('deployment', 'api')).toBe(before);
    } finally {
      await viewer.stop();
    }
  });

  it('reports an unreachable API server as a ProviderError', async () => {
    const api = await target('DEPLOYMENT', 'api');
    // The same context name, on a port nobody listens on.
    const dead = await KubernetesProvider.open(
      { kubeconfig: tokenKubeconfig('x', 'lab', 'https://127.0.0.1:1'), contexts: [] },
      log,
    );
    await expect(
      dead.execute({ verb: 'scale', target: api, params: { replicas: 1 }, dryRun: false }),
    ).rejects.toBeInstanceOf(ProviderError);
    await dead.stop();
  });
});
