import type { AutoScalingGroup as SdkAutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { DBInstance } from '@aws-sdk/client-rds';
import { awsId } from '../providers/aws/model.ts';
import { hourlyPrice, monthlyCost, rdsHourlyPrice } from '../providers/aws/prices.ts';
import type { Resource } from '../providers/provider.ts';
import type { ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { resourceNode } from './resources.ts';

// Every AWS type reads from the provider's polling snapshot; no resolver here calls AWS.

function cached<T>(ctx: GraphQLContext, id: string): Resource<T> | null {
  return (ctx.services.providers.get(id) as Resource<T> | undefined) ?? null;
}

const PRICE_NOTE =
  'USD, us-east-1 on-demand list price; null when the type, engine or region is not in the price table (unknown, not free).';

const VolumeAttachmentRef = builder
  .objectRef<{ region: string; instanceId: string; device: string | null; state: string | null }>(
    'EbsVolumeAttachment',
  )
  .implement({
    description: 'Where an EBS volume is attached.',
    fields: (t) => ({
      instanceId: t.exposeString('instanceId', {
        description: 'The EC2 instance id, e.g. i-0abc….',
      }),
      device: t.exposeString('device', {
        nullable: true,
        description: 'The device name on the instance, e.g. /dev/xvda; null when AWS gives none.',
      }),
      state: t.exposeString('state', {
        nullable: true,
        description: 'attaching, attached, detaching or detached; null when AWS gives none.',
      }),
      instance: t.field({
        type: Ec2InstanceRef,
        nullable: true,
        description: 'The instance, when the polling snapshot holds it.',
        resolve: (a, _args, ctx) =>
          cached<Instance>(ctx, awsId(a.region, 'EC2_INSTANCE', a.instanceId)),
      }),
    }),
  });

// Annotated because the types refer to each other (instance -> volumes -> attachment -> instance).
export const Ec2InstanceRef: ObjectRef<BuilderTypes, Resource<Instance>> = resourceNode<Instance>(
  'Ec2Instance',
  'EC2_INSTANCE',
  {
    description: 'An EC2 instance; `name` is its Name tag, or its instance id when untagged.',
    fields: (t) => ({
      instanceId: t.string({
        description: 'The EC2 instance id, e.g. i-0abc….',
        resolve: (r) => r.object.InstanceId ?? '',
      }),
      instanceType: t.string({
        nullable: true,
        description: 'The instance type, e.g. m5.large; null when AWS gives none.',
        resolve: (r) => r.object.InstanceType ?? null,
      }),
      awsState: t.string({
        nullable: true,
        description: 'The EC2 state as AWS names it (pending, running, stopping, …).',
        resolve: (r) => r.object.State?.Name ?? null,
      }),
      availabilityZone: t.string({
        nullable: true,
        description: 'Its availability zone, e.g. us-east-1a; null when AWS gives none.',
        resolve: (r) => r.object.Placement?.AvailabilityZone ?? null,
      }),
      privateIpAddress: t.string({
        nullable: true,
        description: 'Its primary private IPv4 address; null when it has none (e.g. terminated).',
        resolve: (r) => r.object.PrivateIpAddress ?? null,
      }),
      publicIpAddress: t.string({
        nullable: true,
        description: 'Its public IPv4 address; null when it has none or is stopped.',
        resolve: (r) => r.object.PublicIpAddress ?? null,
      }),
      launchTime: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When it was last started; null when AWS gives none.',
        resolve: (r) => r.object.LaunchTime ?? null,
      }),
      volumeIds: t.stringList({
        description: 'EBS volumes attached, from the instance block device mappings.',
        resolve: (r) =>
          (r.object.BlockDeviceMappings ?? []).flatMap((m) =>
            m.Ebs?.VolumeId ? [m.Ebs.VolumeId] : [],
          ),
      }),
      volumes: t.field({
        type: [EbsVolumeRef],
        description: 'The attached volumes the snapshot holds.',
        resolve: (r, _args, ctx) =>
          (r.object.BlockDeviceMappings ?? []).flatMap((m) => {
            const v =
              m.Ebs?.VolumeId &&
              cached<Volume>(ctx, awsId(r.cluster, 'EBS_VOLUME', m.Ebs.VolumeId));
            return v ? [v] : [];
          }),
      }),
      hourlyPrice: t.float({
        nullable: true,
        description: PRICE_NOTE,
        resolve: (r) => hourlyPrice(r.object.InstanceType, r.cluster),
      }),
      monthlyCost: t.float({
        nullable: true,
        description: `hourlyPrice × 730 h: the monthly run-rate while running. ${PRICE_NOTE}`,
        resolve: (r) => monthlyCost(hourlyPrice(r.object.InstanceType, r.cluster)),
      }),
    }),
  },
);

export const EbsVolumeRef: ObjectRef<BuilderTypes, Resource<Volume>> = resourceNode<Volume>(
  'EbsVolume',
  'EBS_VOLUME',
  {
    description: 'An EBS volume, attached or not; `name` is its Name tag, or its volume id.',
    fields: (t) => ({
      volumeId: t.string({
        description: 'The EBS volume id, e.g. vol-0abc….',
        resolve: (r) => r.object.VolumeId ?? '',
      }),
      volumeType: t.string({
        nullable: true,
        description: 'gp2, gp3, io1, io2, st1, sc1 or standard; null when AWS gives none.',
        resolve: (r) => r.object.VolumeType ?? null,
      }),
      sizeGiB: t.int({
        nullable: true,
        description: 'Its size in GiB; null when AWS gives none.',
        resolve: (r) => r.object.Size ?? null,
      }),
      iops: t.int({
        nullable: true,
        description:
          'Provisioned (or baseline) I/O operations per second; null when AWS gives none.',
        resolve: (r) => r.object.Iops ?? null,
      }),
      encrypted: t.boolean({
        nullable: true,
        description: 'Whether it is encrypted at rest; null when AWS does not say.',
        resolve: (r) => r.object.Encrypted ?? null,
      }),
      availabilityZone: t.string({
        nullable: true,
        description: 'Its availability zone, e.g. us-east-1a; null when AWS gives none.',
        resolve: (r) => r.object.AvailabilityZone ?? null,
      }),
      awsState: t.string({
        nullable: true,
        description: 'The EBS state as AWS names it (creating, available, in-use, deleting, …).',
        resolve: (r) => r.object.State ?? null,
      }),
      attached: t.boolean({
        description: 'Attached to at least one instance.',
        resolve: (r) => (r.object.Attachments ?? []).length > 0,
      }),
      attachments: t.field({
        type: [VolumeAttachmentRef],
        description: 'Where it is attached; empty when it is not.',
        resolve: (r) =>
          (r.object.Attachments ?? []).map((a) => ({
            region: r.cluster,
            instanceId: a.InstanceId ?? '',
            device: a.Device ?? null,
            state: a.State ?? null,
          })),
      }),
    }),
  },
);

export const RdsInstanceRef = resourceNode<DBInstance>('RdsInstance', 'RDS_INSTANCE', {
  description: 'An RDS DB instance; `name` is its Name tag, or its DB instance identifier.',
  fields: (t) => {
    const price = (r: Resource<DBInstance>) =>
      rdsHourlyPrice(
        r.object.DBInstanceClass,
        r.object.Engine,
        r.cluster,
        r.object.MultiAZ ?? false,
      );
    return {
      dbInstanceIdentifier: t.string({
        description: 'The DB instance identifier, unique in its region.',
        resolve: (r) => r.object.DBInstanceIdentifier ?? '',
      }),
      dbInstanceClass: t.string({
        nullable: true,
        description: 'The instance class, e.g. db.t3.medium; null when AWS gives none.',
        resolve: (r) => r.object.DBInstanceClass ?? null,
      }),
      engine: t.string({
        nullable: true,
        description: 'The engine, e.g. postgres or mysql; null when AWS gives none.',
        resolve: (r) => r.object.Engine ?? null,
      }),
      engineVersion: t.string({
        nullable: true,
        description: 'The engine version, e.g. 16.3; null when AWS gives none.',
        resolve: (r) => r.object.EngineVersion ?? null,
      }),
      awsState: t.string({
        nullable: true,
        description: 'The RDS status as AWS names it (available, stopped, backing-up, …).',
        resolve: (r) => r.object.DBInstanceStatus ?? null,
      }),
      multiAz: t.boolean({
        nullable: true,
        description: 'Whether a standby runs in a second zone; null when AWS does not say.',
        resolve: (r) => r.object.MultiAZ ?? null,
      }),
      allocatedStorageGiB: t.int({
        nullable: true,
        description: 'Allocated storage in GiB; null when AWS gives none.',
        resolve: (r) => r.object.AllocatedStorage ?? null,
      }),
      availabilityZone: t.string({
        nullable: true,
        description: "The primary's availability zone; null when AWS gives none.",
        resolve: (r) => r.object.AvailabilityZone ?? null,
      }),
      endpointAddress: t.string({
        nullable: true,
        description: 'The DNS name clients connect to; null while it is being created.',
        resolve: (r) => r.object.Endpoint?.Address ?? null,
      }),
      endpointPort: t.int({
        nullable: true,
        description: 'The port clients connect to; null while it is being created.',
        resolve: (r) => r.object.Endpoint?.Port ?? null,
      }),
      hourlyPrice: t.float({
        nullable: true,
        description: `${PRICE_NOTE} Multi-AZ counts twice.`,
        resolve: price,
      }),
      monthlyCost: t.float({
        nullable: true,
        description: `hourlyPrice × 730 h (instance only, storage excluded). ${PRICE_NOTE}`,
        resolve: (r) => monthlyCost(price(r)),
      }),
    };
  },
});

const AsgInstanceRef = builder
  .objectRef<{
    region: string;
    instanceId: string;
    lifecycleState: string | null;
    healthStatus: string | null;
  }>('AutoScalingGroupInstance')
  .implement({
    description: 'One instance of an Auto Scaling group.',
    fields: (t) => ({
      instanceId: t.exposeString('instanceId', { description: 'The EC2 instance id.' }),
      lifecycleState: t.exposeString('lifecycleState', {
        nullable: true,
        description: 'Pending, InService, Terminating, … as AWS names it; null when not given.',
      }),
      healthStatus: t.exposeString('healthStatus', {
        nullable: true,
        description: 'Healthy or Unhealthy; null when not given.',
      }),
      instance: t.field({
        type: Ec2InstanceRef,
        nullable: true,
        description: 'The instance, when the polling snapshot holds it.',
        resolve: (a, _args, ctx) =>
          cached<Instance>(ctx, awsId(a.region, 'EC2_INSTANCE', a.instanceId)),
      }),
    }),
  });

export const AutoScalingGroupRef = resourceNode<SdkAutoScalingGroup>(
  'AutoScalingGroup',
  'AUTO_SCALING_GROUP',
  {
    description:
      'An EC2 Auto Scaling group; scaleResource sets its desired capacity within min and max.',
    fields: (t) => ({
      groupName: t.string({
        description: 'The Auto Scaling group name.',
        resolve: (r) => r.object.AutoScalingGroupName ?? '',
      }),
      desiredCapacity: t.int({
        description: 'How many instances it keeps running now.',
        resolve: (r) => r.object.DesiredCapacity ?? 0,
      }),
      minSize: t.int({
        description: 'The lowest desired capacity allowed.',
        resolve: (r) => r.object.MinSize ?? 0,
      }),
      maxSize: t.int({
        description: 'The highest desired capacity allowed.',
        resolve: (r) => r.object.MaxSize ?? 0,
      }),
      availabilityZones: t.stringList({
        description: 'The zones it launches into.',
        resolve: (r) => r.object.AvailabilityZones ?? [],
      }),
      instances: t.field({
        type: [AsgInstanceRef],
        description: 'Its instances as the group lists them.',
        resolve: (r) =>
          (r.object.Instances ?? []).map((i) => ({
            region: r.cluster,
            instanceId: i.InstanceId ?? '',
            lifecycleState: i.LifecycleState ?? null,
            healthStatus: i.HealthStatus ?? null,
          })),
      }),
    }),
  },
);
