import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { volumeSpecOf } from '../../src/cost/inventory.ts';
import { capacityType, ebsClassType, PriceBook } from '../../src/cost/prices.ts';
import type { KubeResource } from '../../src/providers/kubernetes/store.ts';
import type { KubeObject, StorageClass } from '../../src/providers/kubernetes/types.ts';
import { m5Node } from '../support/cost-case.ts';

const m5 = m5Node('n1', 'prod');

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

describe('PersistentVolume prices by StorageClass', () => {
  const pv = (storageClassName: string): KubeResource => ({
    id: 'k8s:c1:PERSISTENT_VOLUME::v',
    provider: 'KUBERNETES',
    kind: 'PERSISTENT_VOLUME',
    cluster: 'c1',
    namespace: null,
    name: 'v',
    state: 'RUNNING',
    labels: { 'topology.kubernetes.io/region': 'us-east-1' },
    createdAt: null,
    object: {
      metadata: { name: 'v', uid: 'u' },
      spec: { storageClassName, capacity: { storage: '100Gi' } },
    } as KubeObject,
  });
  const classes: Record<string, StorageClass> = {
    fast: {
      metadata: { name: 'fast', uid: 'f' },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', iops: '4000' },
    },
    csi: { metadata: { name: 'csi', uid: 'c' }, provisioner: 'ebs.csi.aws.com' },
    intree: { metadata: { name: 'intree', uid: 'i' }, provisioner: 'kubernetes.io/aws-ebs' },
    nfs: { metadata: { name: 'nfs', uid: 'n' }, provisioner: 'nfs.csi.k8s.io' },
    // Named like an EBS type, provisioning another: what it provisions is what it costs.
    gp2: {
      metadata: { name: 'gp2', uid: 'g' },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'io1' },
    },
  };
  const kube = { storageClass: (_context: string, name: string) => classes[name] };
  const price = (sc: string) => new PriceBook().volume(volumeSpecOf(pv(sc), kube));

  it('reads parameters.type: 100 GiB of class fast (gp3, $0.08/GiB-month) for 1.5 h is $0.016', () => {
    const p = price('fast');
    expect(p).toMatchObject({
      known: true,
      source:
        'AWS on-demand list prices, us-east-1, EC2 Linux / RDS Single-AZ, as published 2025-01: EBS gp3 $0.08/GiB-month (storage class fast, parameters.type)',
    });
    if (!p.known) return;
    // 100 × 1.5 × 0.08 / 730 = 0.0164384: $0.016; 730 h of it: $8.00.
    expect(100 * 1.5 * p.gibHour).toBeCloseTo(0.0164384, 7);
    expect((100 * 1.5 * p.gibHour).toFixed(3)).toBe('0.016');
    expect((100 * 730 * p.gibHour).toFixed(2)).toBe('8.00');
    // Without the class object (not watched, or not yet), a class not named after a type has
    // no price.
    expect(new PriceBook().volume(volumeSpecOf(pv('fast')))).toEqual({
      known: false,
      reason: 'storage class fast is not an EBS volume type nor priced',
    });
  });

  it('a class naming no type takes its driver’s default; a non-EBS class is not read', () => {
    expect(price('csi')).toMatchObject({ known: true, gibHour: 0.08 / 730 });
    expect(price('intree')).toMatchObject({ known: true, gibHour: 0.1 / 730 });
    expect(price('gp2')).toMatchObject({ known: true, gibHour: 0.125 / 730 });
    expect(price('nfs')).toEqual({
      known: false,
      reason: 'storage class nfs is not an EBS volume type nor priced',
    });
    expect(ebsClassType({ provisioner: 'ebs.csi.aws.com', parameters: { type: 'sbg1' } })).toEqual({
      type: 'sbg1',
      from: 'parameters.type',
    });
    expect(
      new PriceBook().volume({
        cluster: 'c1',
        storageClass: 'cold',
        classType: { type: 'sbg1', from: 'parameters.type' },
        labels: { 'topology.kubernetes.io/region': 'us-east-1' },
      }),
    ).toEqual({
      known: false,
      reason: 'EBS volume type sbg1 (storage class cold, parameters.type) is not tabled',
    });
  });
});
