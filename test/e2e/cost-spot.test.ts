// Spot nodes priced from EC2's spot price history, read from a private moto through the AWS
// provider; a node is spot by its capacity label or by its EC2 instance's lifecycle.
import { DescribeImagesCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { GIB, PriceBook, type NodePriceInput } from '../../src/cost/prices.ts';
import { SpotPrices } from '../../src/cost/spot.ts';
import { AwsProvider } from '../../src/providers/aws/provider.ts';
import { motoProvider, sdk, startMoto, type Moto } from '../support/moto.ts';

const REGION = 'us-east-1';
let moto: Moto;
let aws: AwsProvider;
let spotInstance = '';
let onDemandInstance = '';

const node = (labels: Record<string, string>, providerId?: string): NodePriceInput => ({
  cluster: 'prod',
  labels: {
    'node.kubernetes.io/instance-type': 'm5.2xlarge',
    'topology.kubernetes.io/region': REGION,
    ...labels,
  },
  cpuCores: 8,
  memoryBytes: 32 * GIB,
  gpus: 0,
  providerId,
});

beforeAll(async () => {
  moto = await startMoto();
  const c = sdk(moto.endpoint, REGION);
  const ami = (await c.ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images?.[0]
    ?.ImageId;
  const run = async (spot: boolean) =>
    (
      await c.ec2.send(
        new RunInstancesCommand({
          ImageId: ami,
          MinCount: 1,
          MaxCount: 1,
          InstanceType: 'm5.2xlarge',
          Placement: { AvailabilityZone: `${REGION}b` },
          ...(spot ? { InstanceMarketOptions: { MarketType: 'spot' } } : {}),
        }),
      )
    ).Instances?.[0]?.InstanceId ?? '';
  spotInstance = await run(true);
  onDemandInstance = await run(false);
  c.ec2.destroy();
  aws = await motoProvider(moto, [REGION]);
}, 120_000);

afterAll(async () => {
  await aws?.stop();
  await moto?.stop();
});

describe('spot prices', () => {
  it('the AWS provider reads the current spot price per zone', async () => {
    const prices = await aws.spotPrices(REGION, ['m5.2xlarge']);
    // moto answers every type and zone it offers with the same placeholder price.
    expect(prices?.map((p) => p.zone).sort()).toEqual(
      ['a', 'b', 'c', 'd', 'f'].map((z) => `${REGION}${z}`),
    );
    expect(prices?.every((p) => p.hourly === 0.00001 && p.instanceType === 'm5.2xlarge')).toBe(
      true,
    );
    expect(await aws.spotPrices('eu-west-1', ['m5.2xlarge'])).toBeUndefined();
  });

  it('prices a spot node by its zone, split like an on-demand one', async () => {
    const book = new PriceBook(undefined, new SpotPrices(aws));
    const spot = node({
      'karpenter.sh/capacity-type': 'spot',
      'topology.kubernetes.io/zone': `${REGION}c`,
    });
    // Before the feed has read anything: unknown, with the reason.
    const before = book.node(spot);
    expect(before).toEqual({
      known: false,
      reason: `m5.2xlarge is a spot node and AWS reports no spot price for it in ${REGION}c`,
    });
    await book.refreshSpot([spot]);
    const r = book.node(spot);
    expect(r.known).toBe(true);
    if (!r.known) return;
    expect(r.hourly).toBe(0.00001);
    expect(8 * r.cpuCoreHour + 32 * r.memoryGibHour).toBeCloseTo(0.00001, 15);
    expect(r.source).toMatch(/^AWS spot price history: m5\.2xlarge in us-east-1c \$0\.00001\/h/);
    // The on-demand node beside it keeps its list price.
    expect(book.node(node({})).known && (book.node(node({})) as { hourly: number }).hourly).toBe(
      0.384,
    );
  });

  it('knows a node is spot from its EC2 instance lifecycle (providerID), zone included', async () => {
    const book = new PriceBook(undefined, new SpotPrices(aws));
    const bySpot = node({}, `aws:///${REGION}b/${spotInstance}`);
    const byOnDemand = node({}, `aws:///${REGION}b/${onDemandInstance}`);
    expect(book.isSpot(bySpot)).toBe(true);
    expect(book.isSpot(byOnDemand)).toBe(false);
    await book.refreshSpot([bySpot, byOnDemand]);
    const r = book.node(bySpot);
    expect(r.known && r.source).toMatch(/in us-east-1b/);
    expect(r.known && r.hourly).toBe(0.00001);
    expect(book.node(byOnDemand)).toMatchObject({ known: true, hourly: 0.384 });
  });

  it('is null with a reason without a zone, a feed, a watched region, or when AWS fails', async () => {
    const reason = (book: PriceBook, n: NodePriceInput) => {
      const r = book.node(n);
      return r.known ? 'known' : r.reason;
    };
    const spot = { 'karpenter.sh/capacity-type': 'spot' };
    const fed = new PriceBook(undefined, new SpotPrices(aws));
    expect(reason(fed, node(spot))).toBe(
      'm5.2xlarge is a spot node with no zone (spot prices differ by zone)',
    );
    expect(reason(new PriceBook(), node(spot))).toBe(
      'm5.2xlarge is a spot node and no spot price feed is configured',
    );
    expect(reason(new PriceBook(undefined, new SpotPrices(undefined)), node(spot))).toBe(
      'm5.2xlarge is a spot node and AWS (the spot price feed) is not configured',
    );
    expect(
      reason(
        fed,
        node({
          ...spot,
          'topology.kubernetes.io/region': 'eu-west-1',
          'topology.kubernetes.io/zone': 'eu-west-1a',
        }),
      ),
    ).toBe('m5.2xlarge is a spot node in eu-west-1, a region not watched for spot prices');
    // A provider whose endpoint does not answer: the refresh does not throw, the reason says why.
    const dead = new AwsProvider({
      endpoint: 'http://127.0.0.1:9',
      regions: [REGION],
      pollIntervalSeconds: 3600,
      log: createLogger('silent'),
      maxAttempts: 1,
      requestTimeoutMs: 500,
      regionTargets: { [REGION]: { credentials: { accessKeyId: 'x', secretAccessKey: 'y' } } },
    });
    await dead.start();
    try {
      const book = new PriceBook(undefined, new SpotPrices(dead));
      const n = node({ ...spot, 'topology.kubernetes.io/zone': `${REGION}a` });
      await book.refreshSpot([n]);
      expect(reason(book, n)).toMatch(
        /^m5\.2xlarge is a spot node; reading spot prices in us-east-1 failed: /,
      );
    } finally {
      await dead.stop();
    }
  });
});
