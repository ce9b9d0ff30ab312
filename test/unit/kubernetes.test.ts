// Pure parts of the Kubernetes provider: relist diffs, indexes, state, quantities.
import { describe, expect, it } from 'vitest';
import { StoreSink } from '../../src/providers/kubernetes/cluster.ts';
import { kindSpec, podState, workloadState } from '../../src/providers/kubernetes/kinds.ts';
import { parseQuantity } from '../../src/providers/kubernetes/quantity.ts';
import { ResourceStore } from '../../src/providers/kubernetes/store.ts';
import type { KubeObject } from '../../src/providers/kubernetes/types.ts';
import type { ResourceEvent } from '../../src/providers/provider.ts';

const pod = (
  name: string,
  rv: string,
  labels: Record<string, string> = {},
  node = 'n1',
): KubeObject =>
  ({
    metadata: { name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: rv, labels },
    spec: { nodeName: node },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
  }) as KubeObject;

describe('relist', () => {
  it('announces only the differences, neither a flood nor a gap', () => {
    const store = new ResourceStore();
    const events: ResourceEvent[] = [];
    const sink = new StoreSink('c', kindSpec('POD'), store, (e) => events.push(e));
    sink.replace([pod('a', '1'), pod('b', '1'), pod('c', '1')]);
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    events.length = 0;
    sink.replace([pod('a', '1'), pod('b', '2'), pod('d', '3')]);
    expect(events.map((e) => `${e.type} ${e.resource.name}`).sort()).toEqual([
      'ADDED d',
      'DELETED c',
      'MODIFIED b',
    ]);
    expect(
      store
        .list({ kinds: ['POD'] })
        .map((r) => r.name)
        .sort(),
    ).toEqual(['a', 'b', 'd']);
  });
});

describe('indexes', () => {
  it('answer by namespace, label and node, and forget what was deleted', () => {
    const store = new ResourceStore();
    const sink = new StoreSink('c', kindSpec('POD'), store, () => {});
    sink.replace([pod('a', '1', { app: 'web' }), pod('b', '1', { app: 'db' }, 'n2')]);
    expect(store.list({ namespaces: ['ns'], labelSelector: 'app=web' }).map((r) => r.name)).toEqual(
      ['a'],
    );
    expect(store.list({ labelSelector: 'app in (web,db),app!=db' }).map((r) => r.name)).toEqual([
      'a',
    ]);
    expect(store.podsOnNode('c', 'n2').map((r) => r.name)).toEqual(['b']);
    sink.apply('DELETED', pod('a', '2', { app: 'web' }));
    expect(store.list({ labelSelector: 'app=web' })).toEqual([]);
    expect(store.get('k8s:c:POD:ns:a')).toBeUndefined();
  });

  it('find a node by context and name, and forget it when deleted', () => {
    const store = new ResourceStore();
    const nodes = new StoreSink('c', kindSpec('NODE'), store, () => {});
    const node = (name: string) =>
      ({ metadata: { name, uid: `uid-${name}`, resourceVersion: '1' } }) as KubeObject;
    nodes.replace([node('n1'), node('n2')]);
    expect(store.node('c', 'n1')?.id).toBe('k8s:c:NODE::n1');
    expect(store.node('other', 'n1')).toBeUndefined();
    nodes.apply('DELETED', node('n1'));
    expect(store.node('c', 'n1')).toBeUndefined();
    expect(store.node('c', 'n2')?.name).toBe('n2');
  });
});

describe('state', () => {
  it('normalizes pods and workloads', () => {
    expect(podState(pod('a', '1'))).toBe('RUNNING');
    const crashing = pod('x', '1') as KubeObject & { status: unknown };
    crashing.status = {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'c',
          ready: false,
          restartCount: 5,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
        },
      ],
    };
    expect(podState(crashing)).toBe('FAILED');
    const w = (replicas: number, ready: number) =>
      ({
        metadata: { name: 'w', uid: 'w' },
        spec: { replicas },
        status: { readyReplicas: ready },
      }) as KubeObject;
    expect(workloadState(w(0, 0))).toBe('STOPPED');
    expect(workloadState(w(3, 3))).toBe('RUNNING');
    expect(workloadState(w(3, 1))).toBe('DEGRADED');
    expect(workloadState(w(3, 0))).toBe('PENDING');
  });

  it('parses quantities into base units', () => {
    expect(parseQuantity('250m')).toBe(0.25);
    expect(parseQuantity('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(parseQuantity('2e3')).toBe(2000);
    expect(parseQuantity('lots')).toBeNull();
  });
});
