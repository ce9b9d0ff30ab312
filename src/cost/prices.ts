import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  ebsGibMonthPrice,
  hourlyPrice,
  HOURS_PER_MONTH,
  PRICE_TABLE_SOURCE,
  rdsHourlyPrice,
} from '../providers/aws/prices.ts';
import { parseProviderId, type SpotPrices } from './spot.ts';

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
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
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
  /** `aws:///<zone>/<instance id>` on EC2 nodes: the zone, and the instance's lifecycle. */
  providerId?: string | undefined;
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

/** The EBS volume type a StorageClass provisions, and what says so. */
export interface ClassVolumeType {
  type: string;
  /** `parameters.type`, or the provisioner whose default it is. */
  from: string;
}

/** What a PersistentVolume is priced by. */
export interface VolumePriceInput {
  cluster: string;
  storageClass: string | undefined;
  /** Read from the StorageClass object when it is an EBS class (see ebsClassType). */
  classType?: ClassVolumeType | undefined;
  labels: Readonly<Record<string, string>>;
}

/**
 * EBS provisioners and the type each provisions when a class names none: gp3 for the EBS CSI
 * driver, gp2 for the in-tree plugin (their documented defaults).
 */
const EBS_PROVISIONERS: Readonly<Record<string, string>> = {
  'ebs.csi.aws.com': 'gp3',
  'kubernetes.io/aws-ebs': 'gp2',
};

/**
 * The EBS volume type a StorageClass provisions: its `parameters.type`, else its provisioner's
 * default; undefined for a class that is not EBS (or not known).
 */
export function ebsClassType(
  sc: { provisioner?: string; parameters?: Record<string, string> } | undefined,
): ClassVolumeType | undefined {
  const fallback = sc?.provisioner ? EBS_PROVISIONERS[sc.provisioner] : undefined;
  if (!sc || !fallback) return undefined;
  const type = sc.parameters?.type?.toLowerCase();
  return type
    ? { type, from: 'parameters.type' }
    : { type: fallback, from: `${sc.provisioner} default` };
}

/** USD per GiB-hour of a PersistentVolume, or why there is none. */
export type VolumeRate =
  { known: true; gibHour: number; source: string } | { known: false; reason: string };

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
    /** USD per GiB-month of a PersistentVolume, by storage class name, then for any class. */
    storageClasses: z
      .record(z.string().min(1).max(253), z.number().nonnegative().finite())
      .optional(),
    storageGibMonth: z.number().nonnegative().finite().optional(),
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
 * A node's hourly price split between CPU, memory and GPU in the ratio of BASE_RATES, scaled
 * so the parts sum to the price (OpenCost spec, Appendix A).
 */
function split(n: NodePriceInput, type: string, price: number, source: string): NodeRates {
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
    source,
  };
}

/**
 * The one place prices come from: node rates for cost allocation and recommendations, EC2,
 * EBS and RDS hourly prices for AWS rows. Never invents a price: unknown answers null with
 * the reason.
 */
export class PriceBook {
  readonly custom: CustomPrices | undefined;
  private readonly spot: SpotPrices | undefined;

  constructor(custom?: CustomPrices, spot?: SpotPrices) {
    this.custom = custom;
    this.spot = spot;
  }

  /**
   * Whether a node runs on spot capacity: its labels say so, or its EC2 instance (found by
   * providerID among the instances the AWS provider watches) was launched as one.
   */
  isSpot(n: NodePriceInput): boolean {
    return (
      capacityType(n.labels) === 'spot' ||
      Boolean(this.spot?.isSpotInstance(n.labels[REGION_LABEL], n.providerId))
    );
  }

  /** Reads the current spot prices of the spot nodes' types (when stale); never throws. */
  async refreshSpot(nodes: NodePriceInput[]): Promise<void> {
    const wants = [];
    for (const n of nodes) {
      const instanceType = n.labels[INSTANCE_TYPE_LABEL];
      const region = n.labels[REGION_LABEL];
      if (instanceType && region && this.isSpot(n))
        wants.push({ instanceType, region, zone: undefined });
    }
    if (wants.length) await this.spot?.refresh(wants);
  }

  /**
   * Custom prices for the node's cluster when configured for it; for a spot node the current
   * spot price of its type in its zone; otherwise the AWS list price of its instance type in
   * its region. Cloud prices are split between CPU, memory and GPU (see `split`).
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
    if (this.isSpot(n)) {
      const zone = n.labels[ZONE_LABEL] ?? parseProviderId(n.providerId)?.zone;
      const want = { instanceType: type, region, zone };
      const spot = this.spot?.price(want) ?? {
        known: false as const,
        reason: `${type} is a spot node and no spot price feed is configured`,
      };
      return spot.known ? split(n, type, spot.hourly, spot.source) : spot;
    }
    const price = hourlyPrice(type, region);
    if (price === null) {
      return { known: false, reason: `no on-demand price tabled for ${type} in ${region}` };
    }
    return split(
      n,
      type,
      price,
      `${PRICE_TABLE_SOURCE}: ${type} $${price}/h split by OpenCost's CPU:memory:GPU ratio`,
    );
  }

  /**
   * A PersistentVolume's price per GiB-hour (GiB-month ÷ 730): custom prices by storage class
   * (or for any class) where they apply to its cluster; else the EBS price, in the volume's
   * region (its topology.kubernetes.io/region label), of the volume type its StorageClass
   * provisions (`classType`) or, failing that, the type its class is named after (gp3, …).
   */
  volume(v: VolumePriceInput): VolumeRate {
    const c = this.custom;
    const sc = v.storageClass;
    if (c && (!c.clusters || c.clusters.includes(v.cluster))) {
      const custom = (sc !== undefined ? c.storageClasses?.[sc] : undefined) ?? c.storageGibMonth;
      if (custom !== undefined) {
        return {
          known: true,
          gibHour: custom / HOURS_PER_MONTH,
          source: `custom prices (COST_CUSTOM_PRICES): $${custom}/GiB-month`,
        };
      }
    }
    if (!sc) return { known: false, reason: 'no storage class and no custom storage price' };
    const typed = v.classType;
    const type = typed?.type ?? sc;
    const how = typed ? ` (storage class ${sc}, ${typed.from})` : '';
    const region = v.labels[REGION_LABEL];
    if (ebsGibMonthPrice(type) === null) {
      return {
        known: false,
        reason: typed
          ? `EBS volume type ${type}${how} is not tabled`
          : `storage class ${sc} is not an EBS volume type nor priced`,
      };
    }
    if (!region) return { known: false, reason: `volume has no ${REGION_LABEL} label` };
    const p = ebsGibMonthPrice(type, region);
    if (p === null) return { known: false, reason: `no EBS price tabled for ${type} in ${region}` };
    return {
      known: true,
      gibHour: p / HOURS_PER_MONTH,
      source: `${PRICE_TABLE_SOURCE}: EBS ${type} $${p}/GiB-month${how}`,
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
