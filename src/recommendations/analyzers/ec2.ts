import type { Instance, Volume } from '@aws-sdk/client-ec2';
import { vcpus } from '../../metrics/cloudwatch-source.ts';
import {
  ebsGibMonthPrice,
  hourlyPrice,
  HOURS_PER_MONTH,
  PRICE_TABLE_SOURCE,
} from '../../providers/aws/prices.ts';
import type { Resource } from '../../providers/provider.ts';
import type { Draft, Skip } from '../types.ts';
import { confidence, round2, type Settings, draftTarget } from './settings.ts';

/** One running EC2 instance with its CloudWatch history over the window. */
export interface Ec2Profile {
  resource: Resource<Instance>;
  /** 5-minute average CPUUtilization, percent, in time order. */
  cpuPercent: number[];
  /** Mean NetworkIn + NetworkOut, bytes/s; null when CloudWatch has no network data. */
  networkBytesPerSecond: number | null;
  /** Hours from the first CPU sample to now. */
  historyHours: number;
}

/** Linear interpolation between closest ranks, as Prometheus' quantile_over_time does. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}

const SIZES = [
  'nano',
  'micro',
  'small',
  'medium',
  'large',
  'xlarge',
  '2xlarge',
  '4xlarge',
  '8xlarge',
  '9xlarge',
  '12xlarge',
  '16xlarge',
  '18xlarge',
  '24xlarge',
];

/**
 * The smallest type of the same family, among the types in the price table, with fewer
 * vCPUs than `current` on which `neededCores` stays under the target utilisation. Fewer
 * vCPUs only: within a family memory scales with vCPUs, and burstable sizes with the same
 * vCPU count differ in credits and memory, which CloudWatch does not show.
 */
export function smallerType(
  current: string,
  neededCores: number,
  s: Settings,
): { type: string; vcpus: number } | null {
  const [family] = current.split('.');
  const have = vcpus({ InstanceType: current } as Instance);
  if (!family || have === null) return null;
  for (const size of SIZES) {
    const type = `${family}.${size}`;
    const v = vcpus({ InstanceType: type } as Instance);
    if (hourlyPrice(type) === null || v === null || v >= have) continue;
    if ((neededCores / v) * 100 <= s.ec2DownsizeTargetCpuPercent) return { type, vcpus: v };
  }
  return null;
}

const notEnough = (r: Resource, analyzer: string, hours: number, s: Settings): Skip => ({
  targetId: r.id,
  analyzer,
  reason: `not enough data: ${hours.toFixed(1)} h of history, ${s.minHistoryHours} h needed`,
});

function priceNote(region: string): string {
  return `${PRICE_TABLE_SOURCE}; ${HOURS_PER_MONTH} h/month; ${region === 'us-east-1' ? 'compute only (EBS and data transfer not included)' : `no prices tabled for ${region}: savings unknown`}`;
}

/**
 * EC2_IDLE -> stop, and EC2_DOWNSIZE -> a smaller type (stop, modify, start), for one running
 * instance.
 *   idle:      P95(5-minute CPU %) < ec2IdleCpuPercent and mean network in + out <
 *              ec2IdleNetworkBytesPerSecond (when CloudWatch reports network).
 *   downsize:  P95 < ec2DownsizeMaxCpuPercent; needed = P95 cores × (1 + cpuMargin); the
 *              smallest same-family type with fewer vCPUs where needed < target %.
 * Instances of an Auto Scaling group are skipped: the group would replace a stopped one.
 */
export function analyzeInstance(
  p: Ec2Profile,
  s: Settings,
): { drafts: Draft[]; skips: Skip[]; evaluated: string[] } {
  const r = p.resource;
  const i = r.object;
  const group = r.labels['aws:autoscaling:groupName'];
  if (group) {
    const reason = `managed by Auto Scaling group ${group}: size the group, not the instance`;
    return { drafts: [], skips: [{ targetId: r.id, analyzer: 'ec2', reason }], evaluated: [] };
  }
  if (p.cpuPercent.length === 0) {
    // No data is not evidence of anything: open advice stays as it was.
    const reason = 'no CloudWatch CPUUtilization in the window';
    return { drafts: [], skips: [{ targetId: r.id, analyzer: 'ec2', reason }], evaluated: [] };
  }
  const evaluated = ['EC2_IDLE', 'EC2_DOWNSIZE'];
  if (p.historyHours < s.minHistoryHours) {
    return { drafts: [], skips: [notEnough(r, 'ec2', p.historyHours, s)], evaluated };
  }
  const type = i.InstanceType ?? 'unknown';
  const cores = vcpus(i);
  const high = percentile(p.cpuPercent, s.cpuPercentile) ?? 0;
  const peak = Math.max(...p.cpuPercent);
  const mean = p.cpuPercent.reduce((a, b) => a + b, 0) / p.cpuPercent.length;
  const price = hourlyPrice(i.InstanceType, r.cluster);
  const evidence = {
    windowHours: s.windowHours,
    historyHours: round2(p.historyHours),
    samples: p.cpuPercent.length,
    stepSeconds: s.ec2StepSeconds,
    percentile: s.cpuPercentile,
    cpuPercent: { p95: round2(high), peak: round2(peak), mean: round2(mean) },
    networkBytesPerSecond:
      p.networkBytesPerSecond === null ? null : round2(p.networkBytesPerSecond),
    vcpus: cores,
    instanceType: type,
    hourlyPriceUsd: price,
    query:
      'CloudWatch GetMetricData AWS/EC2 CPUUtilization (Average), NetworkIn + NetworkOut (Sum / period), dimension InstanceId',
    priceAssumption: priceNote(r.cluster),
  };
  const base = {
    ...draftTarget(r),
    confidence: confidence(p.historyHours, s),
  };
  const quiet =
    p.networkBytesPerSecond === null || p.networkBytesPerSecond < s.ec2IdleNetworkBytesPerSecond;
  if (high < s.ec2IdleCpuPercent && quiet) {
    const savings = price === null ? null : round2(price * HOURS_PER_MONTH);
    const net =
      p.networkBytesPerSecond === null
        ? 'no network data reported'
        : `${(p.networkBytesPerSecond / 1000).toFixed(1)} kB/s of network`;
    return {
      drafts: [
        {
          ...base,
          type: 'EC2_IDLE',
          title: `Stop idle EC2 instance ${r.name}`,
          summary:
            `${type} ${r.name} (${r.cluster}) ran at P${Math.round(s.cpuPercentile * 100)} ${high.toFixed(1)}% CPU ` +
            `(peak ${peak.toFixed(1)}%) with ${net} over ${p.historyHours.toFixed(0)} h. Stopping it ` +
            `keeps its disks and can be undone with start${savings === null ? '' : `; about $${savings.toFixed(2)}/month of compute`}.`,
          current: { state: 'running', instanceType: type },
          recommended: { state: 'stopped' },
          evidence: {
            ...evidence,
            thresholds: {
              cpuPercent: s.ec2IdleCpuPercent,
              networkBytesPerSecond: s.ec2IdleNetworkBytesPerSecond,
            },
          },
          estimatedMonthlySavings: savings,
          risk: 'MEDIUM',
          source: 'analyzer:ec2-idle',
          action: {
            verb: 'stop',
            params: {},
            precondition: { awsState: 'running', instanceType: i.InstanceType },
          },
        },
      ],
      skips: [],
      evaluated,
    };
  }
  if (high >= s.ec2DownsizeMaxCpuPercent || cores === null) {
    return { drafts: [], skips: [], evaluated };
  }
  const needed = (high / 100) * cores * (1 + s.cpuMargin);
  const next = smallerType(type, needed, s);
  if (!next) return { drafts: [], skips: [], evaluated };
  const nextPrice = hourlyPrice(next.type, r.cluster);
  const savings =
    price === null || nextPrice === null ? null : round2((price - nextPrice) * HOURS_PER_MONTH);
  const projected = (needed / next.vcpus) * 100;
  return {
    drafts: [
      {
        ...base,
        type: 'EC2_DOWNSIZE',
        title: `Move ${r.name} from ${type} to ${next.type}`,
        summary:
          `${type} ${r.name} (${cores} vCPU) ran at P${Math.round(s.cpuPercentile * 100)} ${high.toFixed(1)}% CPU ` +
          `(peak ${peak.toFixed(1)}%) over ${p.historyHours.toFixed(0)} h. ${next.type} (${next.vcpus} vCPU) ` +
          `would run that plus ${Math.round(s.cpuMargin * 100)}% at ${projected.toFixed(0)}%` +
          `${savings === null ? '' : `, saving about $${savings.toFixed(2)}/month`}. Memory is not in CloudWatch ` +
          `without its agent and shrinks with the type: check it first. Applying stops the instance, changes the type and starts it again (a short outage); revertAction changes it back.`,
        current: { instanceType: type, vcpus: cores, hourlyPriceUsd: price },
        recommended: { instanceType: next.type, vcpus: next.vcpus, hourlyPriceUsd: nextPrice },
        evidence: {
          ...evidence,
          neededCores: round2(needed),
          margin: s.cpuMargin,
          projectedCpuPercent: round2(projected),
          thresholds: {
            maxCpuPercent: s.ec2DownsizeMaxCpuPercent,
            targetCpuPercent: s.ec2DownsizeTargetCpuPercent,
          },
        },
        estimatedMonthlySavings: savings,
        risk: 'MEDIUM',
        source: 'analyzer:ec2-downsize',
        // The provider stops a running instance, changes the type and starts it again.
        action: {
          verb: 'patch',
          params: { patch: { instanceType: next.type } },
          precondition: { awsState: 'running', instanceType: type },
        },
      },
    ],
    skips: [],
    evaluated,
  };
}

/**
 * EBS_UNATTACHED -> delete an `available` volume older than ebsMinAgeHours. Never applied by
 * automation (manualOnly: applying needs confirm = the volume's name); risk HIGH, since the
 * data goes with it. Savings: size × the type's GiB-month price (storage only).
 */
export function analyzeVolume(
  r: Resource<Volume>,
  s: Settings,
  now: number,
): { draft?: Draft; skip?: Skip } {
  const v = r.object;
  if (v.State !== 'available' || (v.Attachments ?? []).length > 0) return {};
  const created = v.CreateTime ? new Date(v.CreateTime).getTime() : now;
  const ageHours = Math.max(0, (now - created) / 3_600_000);
  if (ageHours < s.ebsMinAgeHours) {
    return {
      skip: {
        targetId: r.id,
        analyzer: 'ebs-unattached',
        reason: `unattached but created ${ageHours.toFixed(1)} h ago; ${s.ebsMinAgeHours} h needed before advising deletion`,
      },
    };
  }
  const gib = v.Size ?? 0;
  const unit = ebsGibMonthPrice(v.VolumeType, r.cluster);
  const savings = unit === null ? null : round2(gib * unit);
  return {
    draft: {
      ...draftTarget(r),
      type: 'EBS_UNATTACHED',
      title: `Delete unattached EBS volume ${r.name}`,
      summary:
        `${v.VolumeType ?? 'EBS'} volume ${r.name} (${gib} GiB, ${r.cluster}) is attached to nothing and is ` +
        `${ageHours.toFixed(0)} h old${savings === null ? '' : `; it costs about $${savings.toFixed(2)}/month`}. ` +
        `Deleting destroys its data: snapshot it first if in doubt. Never applied automatically; ` +
        `applying needs confirm = "${r.name}".`,
      current: {
        state: 'available',
        attachedTo: [],
        sizeGiB: gib,
        volumeType: v.VolumeType ?? null,
      },
      recommended: { state: 'deleted' },
      evidence: {
        ageHours: round2(ageHours),
        createdAt: v.CreateTime ? new Date(v.CreateTime).toISOString() : null,
        sizeGiB: gib,
        volumeType: v.VolumeType ?? null,
        gibMonthPriceUsd: unit,
        thresholds: { minAgeHours: s.ebsMinAgeHours },
        query: 'EC2 DescribeVolumes: State = available, no Attachments',
        priceAssumption: `${PRICE_TABLE_SOURCE}; EBS storage only (IOPS and throughput not included)`,
      },
      confidence: 1,
      estimatedMonthlySavings: savings,
      risk: 'HIGH',
      source: 'analyzer:ebs-unattached',
      action: {
        verb: 'delete',
        params: {},
        precondition: { awsState: 'available', attachedTo: [] },
        manualOnly: true,
      },
    },
  };
}
