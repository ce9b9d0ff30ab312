import type { DBInstance } from '@aws-sdk/client-rds';
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { Resource } from '../providers/provider.ts';
import { zeroAmounts, type Aggregate, type CostFilter, type CostRow } from './model.ts';
import type { HourlyPrice, PriceBook } from './prices.ts';
import { HOUR } from '../metrics/rollups.ts';
import type { CostWindow } from './window.ts';

/** The AWS kinds with a price, and whether each is charged in its current state. */
const AWS_COSTED = ['EC2_INSTANCE', 'EBS_VOLUME', 'RDS_INSTANCE'] as const;

function priceOf(
  r: Resource,
  prices: PriceBook,
): { price: HourlyPrice; charged: boolean; storage: boolean } {
  if (r.kind === 'EC2_INSTANCE') {
    const i = r.object as Instance;
    return {
      price: prices.ec2(i.InstanceType, r.cluster),
      charged: i.State?.Name === 'running',
      storage: false,
    };
  }
  if (r.kind === 'EBS_VOLUME') {
    const v = r.object as Volume;
    return {
      price: prices.ebs(v.VolumeType, v.Size ?? 0, r.cluster),
      charged: true,
      storage: true,
    };
  }
  const d = r.object as DBInstance;
  return {
    price: prices.rds(d.DBInstanceClass, d.Engine, r.cluster, d.MultiAZ ?? false),
    charged: d.DBInstanceStatus !== 'stopped',
    storage: false,
  };
}

/**
 * EC2 instances, EBS volumes and RDS instances as rows beside the pods: aggregated by region
 * (as `cluster`) and by tag (as `label:<key>`). AWS keeps no state history here, so each is
 * priced in its present state over the part of each step since it was created; a stopped
 * instance costs nothing (its volumes are rows of their own).
 */
export function awsRows(
  resources: Resource[],
  prices: PriceBook,
  w: CostWindow,
  aggregate: Aggregate[],
  filter: CostFilter,
  now: number,
): CostRow[] {
  // Pods, containers, nodes and controllers are Kubernetes notions: such a filter leaves AWS out.
  const f = filter;
  if (f.nodes?.length || f.namespaces?.length || f.controllerKinds?.length) return [];
  if (f.controllers?.length || f.pods?.length || f.containers?.length) return [];
  const out: CostRow[] = [];
  for (const r of resources) {
    if (!(AWS_COSTED as readonly string[]).includes(r.kind)) continue;
    if (filter.clusters?.length && !filter.clusters.includes(r.cluster)) continue;
    if (filter.labels?.some((l) => r.labels[l.key] !== l.value)) continue;
    const { price, charged, storage } = priceOf(r, prices);
    const values = aggregate.map((k) =>
      k === 'cluster' ? r.cluster : k.startsWith('label:') ? (r.labels[k.slice(6)] ?? null) : null,
    );
    const born = r.createdAt?.getTime() ?? w.from;
    for (let start = w.from; start < w.to; start += w.stepMs) {
      const end = Math.min(w.to, start + w.stepMs);
      const hours = charged ? Math.max(0, Math.min(end, now) - Math.max(start, born)) / HOUR : 0;
      if (hours <= 0) continue;
      const cost = price.known ? price.hourly * hours : 0;
      out.push({
        ...zeroAmounts(),
        hours,
        unpricedHours: price.known ? 0 : hours,
        instanceCost: storage ? 0 : cost,
        storageCost: storage ? cost : 0,
        name: '',
        values,
        start,
        end,
        idle: false,
        provider: 'AWS',
        unpricedReasons: price.known ? [] : [price.reason],
      });
    }
  }
  return out;
}
