// The EC2 and EBS analyzers' thresholds and arithmetic on synthetic instances and volumes.
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/providers/provider.ts';
import {
  analyzeInstance,
  analyzeVolume,
  percentile,
  smallerType,
} from '../../src/recommendations/analyzers/ec2.ts';
import { SETTINGS, type Settings } from '../../src/recommendations/analyzers/settings.ts';

const s: Settings = { ...SETTINGS };

function instance(type: string, labels: Record<string, string> = {}): Resource<Instance> {
  return {
    id: `aws:us-east-1:EC2_INSTANCE:i-${type}`,
    provider: 'AWS',
    kind: 'EC2_INSTANCE',
    cluster: 'us-east-1',
    namespace: null,
    name: type,
    state: 'RUNNING',
    labels,
    createdAt: null,
    object: { InstanceId: `i-${type}`, InstanceType: type as never, State: { Name: 'running' } },
  };
}

const flat = (v: number, n = 2016) => Array.from({ length: n }, () => v);

describe('EC2 analyzers', () => {
  it('percentile interpolates like quantile_over_time', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 12);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.95)).toBeNull();
  });

  it('idle: P95 under 5 % and quiet network -> stop, saving the list price', () => {
    const r = analyzeInstance(
      {
        resource: instance('m5.xlarge'),
        cpuPercent: flat(2),
        networkBytesPerSecond: 100,
        historyHours: 168,
      },
      s,
    );
    expect(r.drafts).toHaveLength(1);
    expect(r.drafts[0]).toMatchObject({
      type: 'EC2_IDLE',
      estimatedMonthlySavings: 140.16, // 0.192 $/h × 730 h
      confidence: 1,
      action: { verb: 'stop', precondition: { awsState: 'running', instanceType: 'm5.xlarge' } },
    });
  });

  it('busy network keeps a low-CPU instance from being called idle', () => {
    const r = analyzeInstance(
      {
        resource: instance('m5.xlarge'),
        cpuPercent: flat(2),
        networkBytesPerSecond: 1e6,
        historyHours: 168,
      },
      s,
    );
    expect(r.drafts.map((d) => d.type)).toEqual(['EC2_DOWNSIZE']);
  });

  it('downsize: the smallest same-family type with fewer vCPUs under 60 % after the margin', () => {
    // 10 % of 8 vCPUs = 0.8 cores, × 1.15 = 0.92: m5.large (2 vCPU) runs it at 46 %.
    expect(smallerType('m5.2xlarge', 0.92, s)).toEqual({ type: 'm5.large', vcpus: 2 });
    // 2.5 cores need 4 vCPUs' 62.5 %: too much, so m5.2xlarge's 8 are the only ones; none smaller.
    expect(smallerType('m5.2xlarge', 2.5, s)).toBeNull();
    expect(smallerType('m5.4xlarge', 2.5, s)).toEqual({ type: 'm5.2xlarge', vcpus: 8 });
    // Burstable sizes up to large all have 2 vCPUs: no smaller type by vCPU.
    expect(smallerType('t3.large', 0.1, s)).toBeNull();
    const r = analyzeInstance(
      {
        resource: instance('m5.2xlarge'),
        cpuPercent: flat(10),
        networkBytesPerSecond: 1e6,
        historyHours: 168,
      },
      s,
    );
    expect(r.drafts[0]).toMatchObject({
      type: 'EC2_DOWNSIZE',
      recommended: { instanceType: 'm5.large' },
      estimatedMonthlySavings: 210.24, // (0.384 − 0.096) × 730
      action: {
        verb: 'patch',
        params: { patch: { instanceType: 'm5.large' } },
        precondition: { awsState: 'running', instanceType: 'm5.2xlarge' },
      },
    });
  });

  it('no advice at or above 40 % P95; skips short history, ASG members and missing data', () => {
    const busy = analyzeInstance(
      {
        resource: instance('m5.2xlarge'),
        cpuPercent: flat(45),
        networkBytesPerSecond: 1e6,
        historyHours: 168,
      },
      s,
    );
    expect(busy.drafts).toEqual([]);
    expect(busy.evaluated).toEqual(['EC2_IDLE', 'EC2_DOWNSIZE']);
    const young = analyzeInstance(
      {
        resource: instance('m5.2xlarge'),
        cpuPercent: flat(1, 20),
        networkBytesPerSecond: 0,
        historyHours: 2,
      },
      s,
    );
    expect(young.skips[0]?.reason).toMatch(/not enough data: 2\.0 h of history, 24 h needed/);
    const asg = analyzeInstance(
      {
        resource: instance('m5.2xlarge', { 'aws:autoscaling:groupName': 'workers' }),
        cpuPercent: flat(1),
        networkBytesPerSecond: 0,
        historyHours: 168,
      },
      s,
    );
    expect(asg).toMatchObject({ drafts: [], evaluated: [] });
    const blind = analyzeInstance(
      {
        resource: instance('m5.2xlarge'),
        cpuPercent: [],
        networkBytesPerSecond: null,
        historyHours: 0,
      },
      s,
    );
    // No data is no evidence: open advice must not expire because CloudWatch was silent.
    expect(blind).toMatchObject({ drafts: [], evaluated: [] });
  });

  it('unattached EBS: after 24 h, manual-only delete priced by GiB-month', () => {
    const now = Date.UTC(2026, 0, 10);
    const volume = (hoursOld: number, v: Partial<Volume> = {}): Resource<Volume> => ({
      id: 'aws:us-east-1:EBS_VOLUME:vol-1',
      provider: 'AWS',
      kind: 'EBS_VOLUME',
      cluster: 'us-east-1',
      namespace: null,
      name: 'scratch',
      state: 'RUNNING',
      labels: {},
      createdAt: null,
      object: {
        VolumeId: 'vol-1',
        State: 'available',
        Size: 100,
        VolumeType: 'gp2',
        CreateTime: new Date(now - hoursOld * 3_600_000),
        ...v,
      },
    });
    expect(analyzeVolume(volume(48), s, now).draft).toMatchObject({
      type: 'EBS_UNATTACHED',
      estimatedMonthlySavings: 10, // 100 GiB × $0.10
      risk: 'HIGH',
      action: { verb: 'delete', manualOnly: true },
    });
    expect(analyzeVolume(volume(3), s, now).skip?.reason).toMatch(/created 3\.0 h ago/);
    expect(analyzeVolume(volume(48, { State: 'in-use' }), s, now)).toEqual({});
    const elsewhere = { ...volume(48), cluster: 'eu-west-1' };
    expect(analyzeVolume(elsewhere, s, now).draft?.estimatedMonthlySavings).toBeNull();
  });
});
