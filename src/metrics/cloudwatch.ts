import type { CloudWatchClient, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { ValidationError } from '../errors.ts';
import { describeFailure } from '../providers/aws/errors.ts';

export type Ec2MetricName = 'CPUUtilization' | 'NetworkIn' | 'NetworkOut';

export interface Ec2MetricTarget {
  region: string;
  instanceId: string;
}

export interface CloudWatchPoint {
  timestamp: Date;
  value: number;
}

export interface CloudWatchSeries {
  target: Ec2MetricTarget;
  metric: Ec2MetricName;
  /** `Percent` for CPU; `Bytes/Second` for network (CloudWatch's per-period Sum / period). */
  unit: string;
  points: CloudWatchPoint[];
}

export interface CloudWatchAnswer {
  series: CloudWatchSeries[];
  /** Regions whose query failed; the series of the others stand. */
  failures: { region: string; message: string }[];
}

const STAT: Record<Ec2MetricName, { stat: string; unit: string; perSecond: boolean }> = {
  CPUUtilization: { stat: 'Average', unit: 'Percent', perSecond: false },
  // EC2 reports bytes moved during each period; the contract's network metrics are bytes/s.
  NetworkIn: { stat: 'Sum', unit: 'Bytes/Second', perSecond: true },
  NetworkOut: { stat: 'Sum', unit: 'Bytes/Second', perSecond: true },
};

/** GetMetricData accepts at most 500 queries per request. */
const MAX_QUERIES_PER_CALL = 500;

/** CloudWatch periods for standard-resolution metrics are whole minutes. */
export function periodFor(stepSeconds: number): number {
  if (!Number.isFinite(stepSeconds) || stepSeconds <= 0) {
    throw new ValidationError('step must be a positive number of seconds', [
      { path: 'step', message: 'positive seconds' },
    ]);
  }
  return Math.max(60, Math.ceil(stepSeconds / 60) * 60);
}

/**
 * Reads EC2 metrics from CloudWatch for many instances at once: one GetMetricData request per
 * region (per 500 series), never one per instance, so a page of instances costs one call.
 */
export class CloudWatchMetrics {
  private readonly clientFor: (region: string) => CloudWatchClient | undefined;

  constructor(clientFor: (region: string) => CloudWatchClient | undefined) {
    this.clientFor = clientFor;
  }

  async query(
    targets: Ec2MetricTarget[],
    metrics: Ec2MetricName[],
    range: { start: Date; end: Date },
    stepSeconds: number,
  ): Promise<CloudWatchAnswer> {
    if (range.end <= range.start) {
      throw new ValidationError('range end must be after its start', [
        { path: 'range', message: 'end before start' },
      ]);
    }
    const period = periodFor(stepSeconds);
    const byRegion = new Map<string, Ec2MetricTarget[]>();
    for (const t of targets) byRegion.set(t.region, [...(byRegion.get(t.region) ?? []), t]);
    const answers = await Promise.all(
      [...byRegion].map(([region, list]) => this.queryRegion(region, list, metrics, range, period)),
    );
    return {
      series: answers.flatMap((a) => a.series),
      failures: answers.flatMap((a) => a.failures),
    };
  }

  private async queryRegion(
    region: string,
    targets: Ec2MetricTarget[],
    metrics: Ec2MetricName[],
    range: { start: Date; end: Date },
    period: number,
  ): Promise<CloudWatchAnswer> {
    const client = this.clientFor(region);
    if (!client) {
      return { series: [], failures: [{ region, message: `region ${region} is not watched` }] };
    }
    const wanted = targets.flatMap((target) => metrics.map((metric) => ({ target, metric })));
    const series: CloudWatchSeries[] = wanted.map(({ target, metric }) => ({
      target,
      metric,
      unit: STAT[metric].unit,
      points: [],
    }));
    try {
      // Loaded here, not at start: a client exists only once AWS is configured and started.
      const { GetMetricDataCommand } = await import('@aws-sdk/client-cloudwatch');
      for (let from = 0; from < wanted.length; from += MAX_QUERIES_PER_CALL) {
        const chunk = wanted.slice(from, from + MAX_QUERIES_PER_CALL);
        const queries: MetricDataQuery[] = chunk.map(({ target, metric }, i) => ({
          Id: `q${from + i}`,
          ReturnData: true,
          MetricStat: {
            Metric: {
              Namespace: 'AWS/EC2',
              MetricName: metric,
              Dimensions: [{ Name: 'InstanceId', Value: target.instanceId }],
            },
            Period: period,
            Stat: STAT[metric].stat,
          },
        }));
        let nextToken: string | undefined;
        do {
          const res = await client.send(
            new GetMetricDataCommand({
              StartTime: range.start,
              EndTime: range.end,
              MetricDataQueries: queries,
              ScanBy: 'TimestampAscending',
              NextToken: nextToken,
            }),
          );
          for (const r of res.MetricDataResults ?? []) {
            const s = series[Number(r.Id?.slice(1))];
            if (!s) continue;
            const scale = STAT[s.metric].perSecond ? 1 / period : 1;
            (r.Timestamps ?? []).forEach((ts, k) => {
              const v = r.Values?.[k];
              if (v !== undefined) s.points.push({ timestamp: ts, value: v * scale });
            });
          }
          nextToken = res.NextToken;
        } while (nextToken);
      }
    } catch (err) {
      return { series: [], failures: [{ region, message: describeFailure(err) }] };
    }
    // Pages and emulators do not all honour ScanBy; callers get points in time order.
    for (const s of series) s.points.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
    return { series, failures: [] };
  }
}
