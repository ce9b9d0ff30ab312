import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  ebsGibMonthPrice,
  hourlyPrice,
  HOURS_PER_MONTH,
  PRICE_TABLE_SOURCE,
  rdsHourlyPrice,
} from '../providers/aws/prices.ts';

/**
 * OpenCost's default relative prices (its `default.json` custom pricing, the same figures as
 * Kubecost's defaults): USD per core-hour, per GiB-hour and per GPU-hour. They set the ratio
 * in which a node's price is split between its CPU, memory and GPUs (OpenCost spec, Appendix
 * A), and they are what a request costs where no node price is known.
 */
export const BASE_RATES = { cpuCoreHour: 0.031611, memoryGibHour: 0.004237, gpuHour: 0.95 };

export const GIB = 2 ** 30;

/** The labels a node's price is looked up by. */
export const INSTANCE_TYPE_LABEL = 'node.kubernetes.io/instance-type';
export const REGION_LABEL = 'topology.kubernetes.io/region';
/** Capacity type as Karpenter, EKS managed node groups and older tooling write it. */
const CAPACITY_LABELS = [
  'karpenter.sh/capacity-type',
  'eks.amazonaws.com/capacityType',
  'node.kubernetes.io/lifecycle',
];

export type CapacityType = 'on-demand' | 'spot';

/** What a node is priced from: its labels and its allocatable capacity. */
export interface NodePriceInput {
  cluster: string;
  labels: Readonly<Record<string, string>>;
  cpuCores: number;
  memoryBytes: number;
  gpus: number;
}

/** A node's hourly price split into per-unit rates, or why there is none. */
export type NodeRates =
  | {
      known: true;
      /** USD per hour for the whole node (= cpu·cpuCoreHour + GiB·memoryGibHour + gpus·gpuHour). */
      hourly: number;
      cpuCoreHour: number;
      memoryGibHour: number;
      gpuHour: number;
      /** Where the price comes from, in words. */
      source: string;
    }
  | { known: false; reason: string };

/** USD per hour of an AWS resource, or why there is none. */
export type HourlyPrice =
  { known: true; hourly: number; source: string } | { known: false; reason: string };

/**
 * Custom prices (COST_CUSTOM_PRICES, a JSON file): per-unit rates for clusters with no cloud
 * price list (on-prem), as OpenCost's custom pricing does. `clusters` lists the Kubernetes
 * contexts they apply to; omitted, they apply to every node without a tabled instance type.
 */
export const customPricesSchema = z
  .object({
    cpuCoreHour: z.number().nonnegative().finite(),
    memoryGibHour: z.number().nonnegative().finite(),
    gpuHour: z.number().nonnegative().finite().default(0),
    clusters: z.array(z.string().min(1).max(253)).max(1000).optional(),
  })
  .strict();
export type CustomPrices = z.output<typeof customPricesSchema>;

/** Reads and validates a custom prices file; throws an Error naming the problem. */
export function readCustomPrices(path: string): CustomPrices {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  const parsed = customPricesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The capacity type a node's labels declare; on-demand when none does. */
export function capacityType(labels: Readonly<Record<string, string>>): CapacityType {
  for (const key of CAPACITY_LABELS) {
    const v = labels[key]?.toLowerCase().replace(/[-_]/g, '');
    if (v === 'spot' || v === 'preemptible') return 'spot';
    if (v) return 'on-demand';
  }
  return 'on-demand';
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/**
 * The one place prices come from: node rates for cost allocation and recommendations, EC2,
 * EBS and RDS hourly prices for AWS rows. Never invents a price: unknown answers null with
 * the reason.
 */
export class PriceBook {
  readonly custom: CustomPrices | undefined;

  constructor(custom?: CustomPrices) {
    this.custom = custom;
  }

  /**
   * Custom prices for the node's cluster when configured for it; otherwise the AWS list price
   * of its instance type in its region, split between CPU, memory and GPU in the ratio of
   * BASE_RATES and scaled so the parts sum to the node's price (OpenCost spec, Appendix A).
   */
  node(n: NodePriceInput): NodeRates {
    const type = n.labels[INSTANCE_TYPE_LABEL];
    const region = n.labels[REGION_LABEL];
    const c = this.custom;
    const customApplies = c && (c.clusters ? c.clusters.includes(n.cluster) : true);
    if (c && customApplies && (c.clusters || hourlyPrice(type, region) === null)) {
      const gib = n.memoryBytes / GIB;
      return {
        known: true,
        hourly: round(n.cpuCores * c.cpuCoreHour + gib * c.memoryGibHour + n.gpus * c.gpuHour),
        cpuCoreHour: c.cpuCoreHour,
        memoryGibHour: c.memoryGibHour,
        gpuHour: c.gpuHour,
        source: 'custom prices (COST_CUSTOM_PRICES)',
      };
    }
    if (!type) return { known: false, reason: `no ${INSTANCE_TYPE_LABEL} label` };
    if (!region) return { known: false, reason: `no ${REGION_LABEL} label` };
    if (capacityType(n.labels) === 'spot') {
      return {
        known: false,
        reason: `${type} is a spot node and no spot price feed is configured`,
      };
    }
    const price = hourlyPrice(type, region);
    if (price === null) {
      return { known: false, reason: `no on-demand price tabled for ${type} in ${region}` };
    }
    const base =
      n.cpuCores * BASE_RATES.cpuCoreHour +
      (n.memoryBytes / GIB) * BASE_RATES.memoryGibHour +
      n.gpus * BASE_RATES.gpuHour;
    if (!(base > 0)) return { known: false, reason: `${type} has no allocatable CPU or memory` };
    const k = price / base;
    return {
      known: true,
      hourly: price,
      cpuCoreHour: BASE_RATES.cpuCoreHour * k,
      memoryGibHour: BASE_RATES.memoryGibHour * k,
      gpuHour: BASE_RATES.gpuHour * k,
      source: `${PRICE_TABLE_SOURCE}: ${type} $${price}/h split by OpenCost's CPU:memory:GPU ratio`,
    };
  }

  ec2(instanceType: string | undefined, region: string): HourlyPrice {
    const p = hourlyPrice(instanceType, region);
    return p === null
      ? {
          known: false,
          reason: `no on-demand price tabled for ${instanceType ?? 'an untyped instance'} in ${region}`,
        }
      : { known: true, hourly: p, source: PRICE_TABLE_SOURCE };
  }

  /** EBS storage by the hour: size × the type's GiB-month price ÷ 730. */
  ebs(volumeType: string | undefined, sizeGib: number, region: string): HourlyPrice {
    const p = ebsGibMonthPrice(volumeType, region);
    return p === null
      ? {
          known: false,
          reason: `no EBS price tabled for ${volumeType ?? 'an untyped volume'} in ${region}`,
        }
      : {
          known: true,
          hourly: round((p * sizeGib) / HOURS_PER_MONTH),
          source: `${PRICE_TABLE_SOURCE}; storage only`,
        };
  }

  rds(
    instanceClass: string | undefined,
    engine: string | undefined,
    region: string,
    multiAz: boolean,
  ): HourlyPrice {
    const p = rdsHourlyPrice(instanceClass, engine, region, multiAz);
    return p === null
      ? {
          known: false,
          reason: `no RDS price tabled for ${instanceClass ?? '?'} (${engine ?? '?'}) in ${region}`,
        }
      : { known: true, hourly: p, source: PRICE_TABLE_SOURCE };
  }
}
