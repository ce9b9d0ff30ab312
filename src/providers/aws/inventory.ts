import {
  DescribeAutoScalingGroupsCommand,
  paginateDescribeAutoScalingGroups,
} from '@aws-sdk/client-auto-scaling';
import {
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  paginateDescribeInstances,
  paginateDescribeSpotPriceHistory,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, paginateDescribeDBInstances } from '@aws-sdk/client-rds';
import type { Resource } from '../provider.ts';
import type { RegionClients } from './clients.ts';
import { awsErrorCode } from './errors.ts';
import {
  asgResource,
  ec2Resource,
  rdsResource,
  volumeResource,
  type AwsKind,
  type PageSizes,
} from './model.ts';

/** Lists every resource of one kind in one region, following every page. */
export async function listKind(
  c: RegionClients,
  kind: AwsKind,
  pages: PageSizes,
): Promise<Resource[]> {
  const out: Resource[] = [];
  switch (kind) {
    case 'EC2_INSTANCE':
      for await (const page of paginateDescribeInstances(
        { client: c.ec2, pageSize: pages.ec2 },
        {},
      )) {
        for (const r of page.Reservations ?? [])
          for (const i of r.Instances ?? []) out.push(ec2Resource(c.region, i));
      }
      break;
    case 'EBS_VOLUME':
      for await (const page of paginateDescribeVolumes(
        { client: c.ec2, pageSize: pages.volumes },
        {},
      )) {
        for (const v of page.Volumes ?? []) out.push(volumeResource(c.region, v));
      }
      break;
    case 'RDS_INSTANCE':
      for await (const page of paginateDescribeDBInstances(
        { client: c.rds, pageSize: pages.rds },
        {},
      )) {
        for (const d of page.DBInstances ?? []) out.push(rdsResource(c.region, d));
      }
      break;
    case 'AUTO_SCALING_GROUP':
      for await (const page of paginateDescribeAutoScalingGroups(
        { client: c.autoscaling, pageSize: pages.autoscaling },
        {},
      )) {
        for (const g of page.AutoScalingGroups ?? []) out.push(asgResource(c.region, g));
      }
      break;
  }
  return out;
}

/** The current spot price of one instance type in one availability zone. */
export interface SpotPrice {
  instanceType: string;
  zone: string;
  /** USD per hour. */
  hourly: number;
  /** When AWS set this price. */
  at: Date;
}

/**
 * The spot prices in effect now for Linux instances of these types, one per type and zone
 * (AWS answers a start time of now with the price then current in each zone).
 */
export async function describeSpotPrices(
  c: RegionClients,
  instanceTypes: string[],
  now: Date,
): Promise<SpotPrice[]> {
  const latest = new Map<string, SpotPrice>();
  for await (const page of paginateDescribeSpotPriceHistory(
    { client: c.ec2 },
    {
      InstanceTypes: instanceTypes as never[],
      ProductDescriptions: ['Linux/UNIX', 'Linux/UNIX (Amazon VPC)'],
      StartTime: now,
      EndTime: now,
    },
  )) {
    for (const h of page.SpotPriceHistory ?? []) {
      const hourly = Number(h.SpotPrice);
      if (!h.InstanceType || !h.AvailabilityZone || !Number.isFinite(hourly)) continue;
      const p = {
        instanceType: h.InstanceType,
        zone: h.AvailabilityZone,
        hourly,
        at: h.Timestamp ?? now,
      };
      const key = `${p.instanceType}/${p.zone}`;
      const seen = latest.get(key);
      if (!seen || seen.at < p.at) latest.set(key, p);
    }
  }
  return [...latest.values()];
}

const GONE = new Set([
  'InvalidInstanceID.NotFound',
  'InvalidVolume.NotFound',
  'DBInstanceNotFound',
  'DBInstanceNotFoundFault',
]);

/**
 * Reads one resource fresh from AWS; undefined when AWS says it does not exist. Used before
 * an action (the cache may be a poll old) and right after one (so the event follows quickly).
 */
export async function describeOne(
  c: RegionClients,
  kind: AwsKind,
  nativeId: string,
): Promise<Resource | undefined> {
  try {
    switch (kind) {
      case 'EC2_INSTANCE': {
        const res = await c.ec2.send(new DescribeInstancesCommand({ InstanceIds: [nativeId] }));
        const i = res.Reservations?.flatMap((r) => r.Instances ?? [])[0];
        return i ? ec2Resource(c.region, i) : undefined;
      }
      case 'EBS_VOLUME': {
        const res = await c.ec2.send(new DescribeVolumesCommand({ VolumeIds: [nativeId] }));
        const v = res.Volumes?.[0];
        return v ? volumeResource(c.region, v) : undefined;
      }
      case 'RDS_INSTANCE': {
        const res = await c.rds.send(
          new DescribeDBInstancesCommand({ DBInstanceIdentifier: nativeId }),
        );
        const d = res.DBInstances?.[0];
        return d ? rdsResource(c.region, d) : undefined;
      }
      case 'AUTO_SCALING_GROUP': {
        const res = await c.autoscaling.send(
          new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [nativeId] }),
        );
        const g = res.AutoScalingGroups?.[0];
        return g ? asgResource(c.region, g) : undefined;
      }
    }
  } catch (err) {
    if (GONE.has(awsErrorCode(err) ?? '')) return undefined;
    throw err;
  }
}
