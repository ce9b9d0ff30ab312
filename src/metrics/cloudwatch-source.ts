import type { Instance } from '@aws-sdk/client-ec2';
import { ProviderError } from '../errors.ts';
import type { Resource } from '../providers/provider.ts';
import type { CloudWatchMetrics } from './cloudwatch.ts';
import { type Ec2MetricName } from './cloudwatch.ts';
import type { MetricName, MetricSource, Series, TimeWindow } from './types.ts';

const CLOUDWATCH_NAME: Partial<Record<MetricName, Ec2MetricName>> = {
  CPU_USAGE: 'CPUUtilization',
  NETWORK_RECEIVE: 'NetworkIn',
  NETWORK_TRANSMIT: 'NetworkOut',
};

const T2: Record<string, number> = { nano: 1, micro: 1, small: 1, medium: 2, large: 2 };

/**
 * vCPUs of an instance, so CloudWatch's CPU percent becomes cores like everywhere else:
 * CpuOptions when the API reports it, else the instance type's size (current families:
 * up to large = 2, xlarge = 4, Nxlarge = 4N; t2 as AWS documents it). Unknown: null.
 */
export function vcpus(instance: Instance): number | null {
  const o = instance.CpuOptions;
  if (o?.CoreCount && o.ThreadsPerCore) return o.CoreCount * o.ThreadsPerCore;
  const m = /^([a-z0-9-]+)\.(nano|micro|small|medium|large|(\d*)xlarge)$/.exec(
    instance.InstanceType ?? '',
  );
  if (!m) return null;
  if (m[1] === 't2' && T2[m[2] ?? '']) return T2[m[2] ?? ''] ?? null;
  if (m[2]?.endsWith('xlarge')) return 4 * Number(m[3] || 1);
  return 2;
}

/**
 * EC2 history from the AWS engineer's CloudWatch reader, in this interface's units: CPU as
 * cores (percent × vCPUs; no series when the vCPU count is unknown), network in bytes/s.
 * One GetMetricData call per region for the whole batch.
 */
export class CloudWatchSource implements MetricSource {
  readonly name = 'CloudWatch';
  private readonly reader: CloudWatchMetrics;

  constructor(reader: CloudWatchMetrics) {
    this.reader = reader;
  }

  supports(target: Resource): boolean {
    return target.kind === 'EC2_INSTANCE';
  }

  async range(targets: Resource[], names: MetricName[], w: TimeWindow): Promise<Series[]> {
    const wanted = [
      ...new Set(names.map((n) => CLOUDWATCH_NAME[n]).filter((n) => n !== undefined)),
    ];
    const byInstance = new Map(
      targets.map((t) => [(t.object as Instance).InstanceId ?? t.name, t] as const),
    );
    const answer =
      wanted.length > 0
        ? await this.reader.query(
            [...byInstance].map(([instanceId, t]) => ({ region: t.cluster, instanceId })),
            wanted,
            { start: new Date(w.from), end: new Date(Math.max(w.to, w.from + 60_000)) },
            w.stepMs / 1000,
          )
        : { series: [], failures: [] };
    if (answer.failures.length > 0 && answer.series.length === 0) {
      throw new ProviderError(
        'cloudwatch',
        `CloudWatch: ${answer.failures.map((f) => `${f.region}: ${f.message}`).join('; ')}`,
      );
    }
    return targets.flatMap((t) =>
      names.map((name) => {
        const cw = CLOUDWATCH_NAME[name];
        const id = (t.object as Instance).InstanceId ?? t.name;
        const s = answer.series.find((x) => x.metric === cw && x.target.instanceId === id);
        const scale = name === 'CPU_USAGE' ? (vcpus(t.object as Instance) ?? NaN) / 100 : 1;
        const points = (s?.points ?? [])
          .map((p) => ({ t: p.timestamp.getTime(), v: p.value * scale }))
          .filter((p) => Number.isFinite(p.v));
        return { targetId: t.id, name, points };
      }),
    );
  }
}
