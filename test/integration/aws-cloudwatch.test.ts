import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import { CloudWatchMetrics, periodFor } from '../../src/metrics/cloudwatch.ts';
import { sdk, startMoto, type Moto } from '../support/moto.ts';

const REGION = 'us-east-1';
const INSTANCES = ['i-00000000000000001', 'i-00000000000000002', 'i-00000000000000003'];
const MINUTES = 10;

let moto: Moto;
let client: ReturnType<typeof sdk>;
let calls = 0;
const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const start = new Date(end.getTime() - MINUTES * 60_000);

beforeAll(async () => {
  moto = await startMoto();
  client = sdk(moto.endpoint, REGION);
  // One datapoint per minute and instance: CPU = 10 * instance index + minute, and a fixed
  // number of bytes per minute so the per-second rate is known exactly.
  for (const [n, instanceId] of INSTANCES.entries()) {
    const dims = [{ Name: 'InstanceId', Value: instanceId }];
    await client.cloudwatch.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/EC2',
        MetricData: Array.from({ length: MINUTES }, (_, m) => [
          {
            MetricName: 'CPUUtilization',
            Dimensions: dims,
            Timestamp: new Date(start.getTime() + m * 60_000 + 1000),
            Value: 10 * (n + 1) + m,
            Unit: 'Percent' as const,
          },
          {
            MetricName: 'NetworkIn',
            Dimensions: dims,
            Timestamp: new Date(start.getTime() + m * 60_000 + 1000),
            Value: 6000 * (n + 1),
            Unit: 'Bytes' as const,
          },
        ]).flat(),
      }),
    );
  }
  // Count requests at the transport, to prove the batching.
  client.cloudwatch.middlewareStack.add(
    (next) => async (args) => {
      calls++;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'countCalls' },
  );
});

afterAll(async () => {
  for (const c of Object.values(client ?? {})) c.destroy();
  await moto?.stop();
});

describe('CloudWatch metric source', () => {
  it('reads CPU and network of many instances in one GetMetricData call', async () => {
    const metrics = new CloudWatchMetrics((region) =>
      region === REGION ? client.cloudwatch : undefined,
    );
    calls = 0;
    const answer = await metrics.query(
      INSTANCES.map((instanceId) => ({ region: REGION, instanceId })),
      ['CPUUtilization', 'NetworkIn', 'NetworkOut'],
      { start, end: new Date(end.getTime() + 60_000) },
      60,
    );
    expect(calls).toBe(1);
    expect(answer.failures).toEqual([]);
    expect(answer.series).toHaveLength(INSTANCES.length * 3);
    for (const [n, instanceId] of INSTANCES.entries()) {
      const cpu = answer.series.find(
        (s) => s.target.instanceId === instanceId && s.metric === 'CPUUtilization',
      );
      expect(cpu?.unit).toBe('Percent');
      // moto returns what PutMetricData stored, one point per minute, in time order.
      expect(cpu?.points.map((p) => p.value)).toEqual(
        Array.from({ length: MINUTES }, (_, m) => 10 * (n + 1) + m),
      );
      const rx = answer.series.find(
        (s) => s.target.instanceId === instanceId && s.metric === 'NetworkIn',
      );
      expect(rx?.unit).toBe('Bytes/Second');
      expect(new Set(rx?.points.map((p) => p.value))).toEqual(new Set([(6000 * (n + 1)) / 60]));
      // Nothing was put for NetworkOut: an empty series, not an error.
      const tx = answer.series.find(
        (s) => s.target.instanceId === instanceId && s.metric === 'NetworkOut',
      );
      expect(tx?.points).toEqual([]);
    }
  });

  it('names a region it cannot read and keeps the others', async () => {
    const metrics = new CloudWatchMetrics((region) =>
      region === REGION ? client.cloudwatch : undefined,
    );
    const answer = await metrics.query(
      [
        { region: REGION, instanceId: INSTANCES[0] ?? '' },
        { region: 'eu-west-1', instanceId: 'i-elsewhere' },
      ],
      ['CPUUtilization'],
      { start, end },
      300,
    );
    expect(answer.failures).toEqual([
      { region: 'eu-west-1', message: 'region eu-west-1 is not watched' },
    ]);
    expect(answer.series).toHaveLength(1);
    expect(answer.series[0]?.points.length).toBeGreaterThan(0);
  });

  it('rounds steps up to whole minutes and refuses nonsense ranges', async () => {
    expect(periodFor(1)).toBe(60);
    expect(periodFor(61)).toBe(120);
    expect(() => periodFor(0)).toThrow(ValidationError);
    const metrics = new CloudWatchMetrics(() => client.cloudwatch);
    await expect(
      metrics.query(
        [{ region: REGION, instanceId: 'i-x' }],
        ['CPUUtilization'],
        { start: end, end: start },
        60,
      ),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
