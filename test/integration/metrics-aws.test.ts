// EC2 history through the metrics API: CloudWatch (the lab's moto, seeded with 24 h of
// CPUUtilization for the running instances) behind the same `metrics` query as Kubernetes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { CloudWatchMetrics } from '../../src/metrics/cloudwatch.ts';
import { AwsProvider } from '../../src/providers/aws/provider.ts';
import { expectNoErrors, gql, startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import { eventually, lab } from './kubernetes-support.ts';

const Ec2 = graphql(`
  query MetricsEc2 {
    resources(filter: { kinds: [EC2_INSTANCE], names: ["web-1"] }) {
      edges {
        node {
          id
          ... on Ec2Instance {
            instanceType
          }
          metrics(names: [CPU_USAGE], range: { last: "PT6H" }, step: "PT5M") {
            unit
            points {
              timestamp
              value
            }
          }
        }
      }
    }
  }
`);

let t: TestApp;

describe('metrics for EC2 (CloudWatch)', () => {
  beforeAll(async () => {
    const env = lab();
    t = await startTestApp({
      AWS_ENDPOINT: env.AWS_ENDPOINT ?? '',
      AWS_REGION: env.AWS_REGION ?? '',
    });
    await eventually(
      () =>
        expect(t.app.services.providers.list({ kinds: ['EC2_INSTANCE'] }).length).toBeGreaterThan(
          0,
        ),
      60_000,
      500,
    );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('answers CPU in cores: CloudWatch percent × the instance type vCPUs', async () => {
    const node = expectNoErrors((await gql(t.url, TOKENS.viewer, Ec2)).body).resources.edges[0]
      ?.node;
    expect(node && 'instanceType' in node ? node.instanceType : null).toBe('t3.large');
    const series = node?.metrics?.[0];
    expect(series?.unit).toBe('cores');
    expect(series?.points.length).toBeGreaterThan(12);
    const aws = t.app.services.providers.providers.find((p) => p instanceof AwsProvider);
    const resource = t.app.services.providers.list({
      kinds: ['EC2_INSTANCE'],
      names: ['web-1'],
    })[0];
    const instanceId = resource?.id.split(':').at(-1) ?? '';
    const now = Date.now();
    const raw = await new CloudWatchMetrics((r) => aws?.cloudwatch(r)).query(
      [{ region: resource?.cluster ?? '', instanceId }],
      ['CPUUtilization'],
      { start: new Date(now - 6 * 3600_000), end: new Date(now) },
      300,
    );
    const percent = new Map(raw.series[0]?.points.map((p) => [p.timestamp.toISOString(), p.value]));
    let compared = 0;
    for (const p of series?.points ?? []) {
      const pct = percent.get(new Date(p.timestamp).toISOString());
      if (pct === undefined) continue;
      expect(p.value).toBeCloseTo((pct * 2) / 100, 9);
      compared++;
    }
    expect(compared).toBeGreaterThan(12);
  });
});
