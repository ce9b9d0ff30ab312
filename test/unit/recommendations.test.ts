// The analyzer math on synthetic profiles and series: no cluster, no Prometheus.
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/providers/provider.ts';
import {
  resourcesPatchRevertPlan,
  containerPatches,
} from '../../src/providers/kubernetes/resources-patch.ts';
import { idle } from '../../src/recommendations/analyzers/idle.ts';
import { replicas } from '../../src/recommendations/analyzers/replicas.ts';
import {
  recommendedRequest,
  rightsize,
  scaledLimit,
  significant,
} from '../../src/recommendations/analyzers/rightsizing.ts';
import {
  confidence,
  formatCpu,
  formatMemory,
  SETTINGS,
  type Settings,
} from '../../src/recommendations/analyzers/settings.ts';
import { analyzeWorkloads } from '../../src/recommendations/engine.ts';
import { usageQueries, type ContainerUsage } from '../../src/recommendations/usage.ts';
import {
  buildProfiles,
  podNamePattern,
  type WorkloadProfile,
} from '../../src/recommendations/workloads.ts';

const s: Settings = { ...SETTINGS };
const Mi = 2 ** 20;

function workload(
  name: string,
  cpu: string,
  memory: string,
  replicasCount = 2,
  kind: Resource['kind'] = 'DEPLOYMENT',
): Resource {
  return {
    id: `k8s:lab:${kind}:ns:${name}`,
    provider: 'KUBERNETES',
    kind,
    cluster: 'lab',
    namespace: 'ns',
    name,
    state: 'RUNNING',
    labels: {},
    createdAt: null,
    object: {
      metadata: { name, namespace: 'ns', uid: name },
      spec: {
        replicas: replicasCount,
        template: {
          spec: {
            containers: [
              { name: 'app', resources: { requests: { cpu, memory }, limits: { cpu, memory } } },
            ],
          },
        },
      },
    },
  };
}

/** Per-pod usage as the queries would return it for `hours` of a steady series. */
function usage(
  pod: string,
  cpu: number,
  memory: number,
  hours: number,
  at: number,
): ContainerUsage {
  return {
    namespace: 'ns',
    pod,
    container: 'app',
    cpuHigh: cpu,
    cpuPeak: cpu * 1.1,
    cpuMean: cpu,
    memoryPeak: memory,
    firstSeen: at - hours * 3600,
    samples: hours * 12,
  };
}

function profiles(
  specs: { r: Resource; cpu: number; mem: number; hours: number }[],
  hpas: Resource[] = [],
): WorkloadProfile[] {
  const at = 1_800_000_000;
  const containers = specs.flatMap(({ r, cpu, mem, hours }) =>
    [0, 1].map((i) => usage(`${r.name}-5d8f9c7b6-abc${i}d`, cpu, mem, hours, at)),
  );
  const network = containers.map((c) => ({
    namespace: 'ns',
    pod: c.pod,
    bytesPerSecond: (c.cpuMean ?? 0) * 1.4e6,
  }));
  return buildProfiles(
    specs.map((x) => x.r),
    hpas,
    {
      containers,
      network,
      windowHours: 168,
      percentile: 0.95,
      queries: usageQueries(168, 0.95),
      at,
    },
  );
}

describe('right-sizing math', () => {
  it('cpu = P95 × 1.15 with a floor; memory = peak × 1.15, never below the peak', () => {
    expect(recommendedRequest('cpu', { cpuHigh: 0.15, memoryPeak: null }, s)).toBeCloseTo(
      0.1725,
      6,
    );
    expect(recommendedRequest('cpu', { cpuHigh: 0.001, memoryPeak: null }, s)).toBe(0.01);
    expect(recommendedRequest('cpu', { cpuHigh: 500, memoryPeak: null }, s)).toBe(64);
    expect(recommendedRequest('memory', { cpuHigh: null, memoryPeak: 300 * Mi }, s)).toBeCloseTo(
      345 * Mi,
      0,
    );
    expect(recommendedRequest('memory', { cpuHigh: null, memoryPeak: 1 * Mi }, s)).toBe(32 * Mi);
    expect(recommendedRequest('cpu', { cpuHigh: null, memoryPeak: null }, s)).toBeNull();
  });

  it('advises only changes of at least 20% and the absolute minimum', () => {
    expect(significant('cpu', 0.5, 0.46, s)).toBe(false);
    expect(significant('cpu', 2, 0.1725, s)).toBe(true);
    expect(significant('cpu', 0.05, 0.07, s)).toBe(false); // 40% but only 20m
    expect(significant('memory', null, 64 * Mi, s)).toBe(true);
  });

  it('keeps the limit/request ratio, and never a limit below the request', () => {
    expect(scaledLimit(0.2, 0.1, 0.4)).toBeCloseTo(0.8);
    expect(scaledLimit(0.2, 0.1, null)).toBeNull();
    expect(scaledLimit(0.5, null, 0.3)).toBe(0.5);
  });

  it('formats quantities rounding up; confidence grows with history', () => {
    expect(formatCpu(0.1725)).toBe('173m');
    expect(formatCpu(2)).toBe('2');
    expect(formatMemory(345 * Mi + 1)).toBe('346Mi');
    expect(formatMemory(2 * 1024 * Mi)).toBe('2Gi');
    expect(confidence(0, s)).toBe(0);
    expect(confidence(42, s)).toBe(0.5);
    expect(confidence(1000, s)).toBe(1);
  });
});

describe('analyzers', () => {
  const over = workload('over', '2', '4Gi');
  const right = workload('right', '500m', '512Mi');
  const sleepy = workload('sleepy', '250m', '256Mi');
  const fresh = workload('fresh', '2', '4Gi');
  const scaled = workload('scaled', '2', '4Gi');
  const hpa: Resource = {
    ...workload('scaled', '1', '1Gi'),
    id: 'k8s:lab:HORIZONTAL_POD_AUTOSCALER:ns:scaled',
    kind: 'HORIZONTAL_POD_AUTOSCALER',
    object: {
      metadata: { name: 'scaled', uid: 'h' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'scaled' } },
    },
  };
  const ps = profiles(
    [
      { r: over, cpu: 0.15, mem: 300 * Mi, hours: 168 },
      { r: right, cpu: 0.4, mem: 420 * Mi, hours: 168 },
      { r: sleepy, cpu: 0.004, mem: 180 * Mi, hours: 168 },
      { r: fresh, cpu: 0.15, mem: 300 * Mi, hours: 2 },
      { r: scaled, cpu: 0.15, mem: 300 * Mi, hours: 168 },
    ],
    [hpa],
  );
  const result = analyzeWorkloads(ps, s, usageQueries(168, 0.95));
  const types = (name: string) =>
    result.drafts
      .filter((d) => d.targetName === name)
      .map((d) => d.type)
      .sort();

  it('over-provisioned: cpu and memory, with the patch and a precondition on the current spec', () => {
    expect(types('over')).toEqual(['CPU_RIGHTSIZE', 'MEMORY_RIGHTSIZE']);
    const cpu = result.drafts.find((d) => d.targetName === 'over' && d.type === 'CPU_RIGHTSIZE');
    expect(cpu?.recommended).toEqual({ containers: { app: { request: '173m', limit: '173m' } } });
    expect(cpu?.action?.precondition).toEqual({
      containers: {
        app: { requests: { cpu: '2', memory: '4Gi' }, limits: { cpu: '2', memory: '4Gi' } },
      },
    });
    // (2 − 0.1725) cores × 2 pods × $0.031611 × 730 h
    expect(cpu?.estimatedMonthlySavings).toBeCloseTo(84.34, 1);
    expect(cpu?.confidence).toBe(1);
  });

  it('right-sized: nothing; idle: stop only; HPA on cpu: memory only; fresh: not enough data', () => {
    expect(types('right')).toEqual([]);
    expect(types('sleepy')).toEqual(['IDLE_WORKLOAD']);
    expect(result.drafts.find((d) => d.targetName === 'sleepy')?.action).toMatchObject({
      verb: 'stop',
      precondition: { replicas: 2 },
    });
    expect(types('scaled')).toEqual(['MEMORY_RIGHTSIZE']);
    expect(result.skips.find((k) => k.targetId === scaled.id)?.reason).toMatch(
      /HorizontalPodAutoscaler scaled/,
    );
    expect(types('fresh')).toEqual([]);
    expect(result.skips.find((k) => k.targetId === fresh.id)?.reason).toMatch(
      /not enough data: 2\.0 h/,
    );
  });

  it('replicas from sustained utilisation when the request is right', () => {
    const busy = profiles([
      { r: workload('busy', '500m', '512Mi', 2), cpu: 0.49, mem: 420 * Mi, hours: 168 },
    ])[0] as WorkloadProfile;
    expect(rightsize(busy, 'cpu', s, {}).draft).toBeUndefined();
    // u = 0.98 → ceil(2 × 0.98 / 0.7) = 3
    expect(replicas(busy, s, {}).draft?.recommended).toEqual({ replicas: 3 });
    expect(idle(busy, s, {}).draft).toBeUndefined();
  });

  it('matches pods by generated names only', () => {
    expect(podNamePattern('DEPLOYMENT', 'web').test('web-5d8f9c7b6-abcde')).toBe(true);
    expect(podNamePattern('DEPLOYMENT', 'web').test('web-api-5d8f9c7b6-abcde')).toBe(false);
    expect(podNamePattern('STATEFULSET', 'db').test('db-0')).toBe(true);
    expect(podNamePattern('DAEMONSET', 'agent').test('agent-x7k2p')).toBe(true);
  });
});

describe('resources patch', () => {
  it('accepts only container cpu/memory and reverts to the recorded before', () => {
    expect(() => containerPatches({ spec: { replicas: 3 } })).toThrow(
      /only spec.template.spec.containers/,
    );
    expect(() =>
      containerPatches({
        spec: { template: { spec: { containers: [{ name: 'a', image: 'x', resources: {} }] } } },
      }),
    ).toThrow(/only resources/);
    expect(() =>
      containerPatches({
        spec: {
          template: {
            spec: { containers: [{ name: 'a', resources: { requests: { cpu: '1; rm' } } }] },
          },
        },
      }),
    ).toThrow(/quantity/);
    const plan = resourcesPatchRevertPlan(
      { containers: { app: { requests: { cpu: '2' } } } },
      { containers: { app: { requests: { cpu: '173m' }, limits: { cpu: '173m' } } } },
    );
    expect(plan).toEqual({
      verb: 'patch',
      params: {
        patch: {
          spec: {
            template: {
              spec: {
                containers: [
                  { name: 'app', resources: { requests: { cpu: '2' }, limits: { cpu: null } } },
                ],
              },
            },
          },
        },
      },
      precondition: { containers: { app: { requests: { cpu: '173m' }, limits: { cpu: '173m' } } } },
    });
  });
});
