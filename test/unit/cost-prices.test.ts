import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { capacityType, GIB, PriceBook } from '../../src/cost/prices.ts';

const m5 = {
  cluster: 'prod',
  labels: {
    'node.kubernetes.io/instance-type': 'm5.2xlarge',
    'topology.kubernetes.io/region': 'us-east-1',
  },
  cpuCores: 8,
  memoryBytes: 32 * GIB,
  gpus: 0,
};

describe('node prices', () => {
  it('splits an m5.2xlarge ($0.384/h) in the ratio 0.031611 : 0.004237 and sums back to its price', () => {
    // By hand: base = 8 × 0.031611 + 32 × 0.004237 = 0.388472; k = 0.384 / 0.388472 = 0.98848823;
    // CPU 0.031611 k = 0.03124710 $/core-h, memory 0.004237 k = 0.00418822 $/GiB-h.
    const r = new PriceBook().node(m5);
    expect(r.known).toBe(true);
    if (!r.known) return;
    expect(r.hourly).toBe(0.384);
    expect(r.cpuCoreHour).toBeCloseTo(0.0312471, 7);
    expect(r.memoryGibHour).toBeCloseTo(0.00418822, 8);
    expect(8 * r.cpuCoreHour + 32 * r.memoryGibHour).toBeCloseTo(0.384, 12);
    expect(r.source).toMatch(/m5\.2xlarge \$0\.384\/h/);
  });

  it('answers unknown with the reason: no label, untabled type or region, spot', () => {
    const book = new PriceBook();
    const reason = (labels: Record<string, string>) => {
      const r = book.node({ ...m5, labels });
      return r.known ? 'known' : r.reason;
    };
    expect(reason({})).toBe('no node.kubernetes.io/instance-type label');
    expect(reason({ ...m5.labels, 'node.kubernetes.io/instance-type': 'x9.huge' })).toBe(
      'no on-demand price tabled for x9.huge in us-east-1',
    );
    expect(reason({ ...m5.labels, 'topology.kubernetes.io/region': 'eu-west-1' })).toBe(
      'no on-demand price tabled for m5.2xlarge in eu-west-1',
    );
    expect(reason({ ...m5.labels, 'karpenter.sh/capacity-type': 'spot' })).toMatch(/spot node/);
  });

  it('reads the capacity type from Karpenter, EKS and lifecycle labels', () => {
    expect(capacityType({ 'eks.amazonaws.com/capacityType': 'SPOT' })).toBe('spot');
    expect(capacityType({ 'eks.amazonaws.com/capacityType': 'ON_DEMAND' })).toBe('on-demand');
    expect(capacityType({})).toBe('on-demand');
  });

  it('custom prices: for their clusters, or for nodes without a tabled price', () => {
    const onPrem = { cpuCoreHour: 0.02, memoryGibHour: 0.003, gpuHour: 0.5 };
    const bare = { ...m5, cluster: 'dc1', labels: {}, gpus: 2 };
    // 8 × 0.02 + 32 × 0.003 + 2 × 0.5 = 0.16 + 0.096 + 1 = 1.256
    const r = new PriceBook(onPrem).node(bare);
    expect(r.known && r.hourly).toBe(1.256);
    // Without a cluster list, a tabled node keeps its list price.
    const listed = new PriceBook(onPrem).node(m5);
    expect(listed.known && listed.hourly).toBe(0.384);
    // With one, nodes of those clusters take the custom rates, others do not.
    const scoped = new PriceBook({ ...onPrem, clusters: ['prod'] });
    expect(scoped.node(m5).known && (scoped.node(m5) as { hourly: number }).hourly).toBe(0.256);
    expect(scoped.node(bare).known).toBe(false);
  });

  it('EC2, EBS and RDS by type and size, null with a reason when not tabled', () => {
    const book = new PriceBook();
    expect(book.ec2('t3.large', 'us-east-1')).toMatchObject({ known: true, hourly: 0.0832 });
    // 100 GiB gp3 at $0.08/GiB-month = $8/month = 8 / 730 $/h
    const ebs = book.ebs('gp3', 100, 'us-east-1');
    expect(ebs.known && ebs.hourly * 730).toBeCloseTo(8, 6);
    expect(book.rds('db.t3.micro', 'postgres', 'us-east-1', true)).toMatchObject({ hourly: 0.036 });
    expect(book.ec2('t3.large', 'ap-south-1')).toEqual({
      known: false,
      reason: 'no on-demand price tabled for t3.large in ap-south-1',
    });
  });
});

describe('COST_CUSTOM_PRICES', () => {
  const file = (body: string) => {
    const p = join(mkdtempSync(join(tmpdir(), 'cost-')), 'prices.json');
    writeFileSync(p, body);
    return p;
  };

  it('is read and validated at start', () => {
    const ok = loadConfig({
      COST_CUSTOM_PRICES: file('{"cpuCoreHour":0.02,"memoryGibHour":0.003}'),
    });
    expect(ok.cost.customPrices).toEqual({ cpuCoreHour: 0.02, memoryGibHour: 0.003, gpuHour: 0 });
    expect(() => loadConfig({ COST_CUSTOM_PRICES: file('{"cpuCoreHour":-1}') })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ COST_CUSTOM_PRICES: '/nonexistent/prices.json' })).toThrow(
      /COST_CUSTOM_PRICES: cannot read/,
    );
  });
});
