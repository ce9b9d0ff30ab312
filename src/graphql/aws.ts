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
    fields: (t) => ({
      instanceId: t.exposeString('instanceId'),
      device: t.exposeString('device', { nullable: true }),
      state: t.exposeString('state', { nullable: true }),
      instance: t.field({
        type: Ec2InstanceRef,
        nullable: true,
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
      instanceId: t.string({ resolve: (r) => r.object.InstanceId ?? '' }),
      instanceType: t.string({ nullable: true, resolve: (r) => r.object.InstanceType ?? null }),
      awsState: t.string({
        nullable: true,
        description: 'The EC2 state as AWS names it (pending, running, stopping, …).',
        resolve: (r) => r.object.State?.Name ?? null,
      }),
      availabilityZone: t.string({
        nullable: true,
        resolve: (r) => r.object.Placement?.AvailabilityZone ?? null,
      }),
      privateIpAddress: t.string({
        nullable: true,
        resolve: (r) => r.object.PrivateIpAddress ?? null,
      }),
      publicIpAddress: t.string({
        nullable: true,
        resolve: (r) => r.object.PublicIpAddress ?? null,
      }),
      launchTime: t.field({
        type: 'DateTime',
        nullable: true,
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
      volumeId: t.string({ resolve: (r) => r.object.VolumeId ?? '' }),
      volumeType: t.string({ nullable: true, resolve: (r) => r.object.VolumeType ?? null }),
      sizeGiB: t.int({ nullable: true, resolve: (r) => r.object.Size ?? null }),
      iops: t.int({ nullable: true, resolve: (r) => r.object.Iops ?? null }),
      encrypted: t.boolean({ nullable: true, resolve: (r) => r.object.Encrypted ?? null }),
      availabilityZone: t.string({
        nullable: true,
        resolve: (r) => r.object.AvailabilityZone ?? null,
      }),
      awsState: t.string({ nullable: true, resolve: (r) => r.object.State ?? null }),
      attached: t.boolean({ resolve: (r) => (r.object.Attachments ?? []).length > 0 }),
      attachments: t.field({
        type: [VolumeAttachmentRef],
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
      dbInstanceIdentifier: t.string({ resolve: (r) => r.object.DBInstanceIdentifier ?? '' }),
      dbInstanceClass: t.string({
        nullable: true,
        resolve: (r) => r.object.DBInstanceClass ?? null,
      }),
      engine: t.string({ nullable: true, resolve: (r) => r.object.Engine ?? null }),
      engineVersion: t.string({ nullable: true, resolve: (r) => r.object.EngineVersion ?? null }),
      awsState: t.string({
        nullable: true,
        description: 'The RDS status as AWS names it (available, stopped, backing-up, …).',
        resolve: (r) => r.object.DBInstanceStatus ?? null,
      }),
      multiAz: t.boolean({ nullable: true, resolve: (r) => r.object.MultiAZ ?? null }),
      allocatedStorageGiB: t.int({
        nullable: true,
        resolve: (r) => r.object.AllocatedStorage ?? null,
      }),
      availabilityZone: t.string({
        nullable: true,
        resolve: (r) => r.object.AvailabilityZone ?? null,
      }),
      endpointAddress: t.string({
        nullable: true,
        resolve: (r) => r.object.Endpoint?.Address ?? null,
      }),
      endpointPort: t.int({ nullable: true, resolve: (r) => r.object.Endpoint?.Port ?? null }),
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
    fields: (t) => ({
      instanceId: t.exposeString('instanceId'),
      lifecycleState: t.exposeString('lifecycleState', { nullable: true }),
      healthStatus: t.exposeString('healthStatus', { nullable: true }),
      instance: t.field({
        type: Ec2InstanceRef,
        nullable: true,
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
      groupName: t.string({ resolve: (r) => r.object.AutoScalingGroupName ?? '' }),
      desiredCapacity: t.int({ resolve: (r) => r.object.DesiredCapacity ?? 0 }),
      minSize: t.int({ resolve: (r) => r.object.MinSize ?? 0 }),
      maxSize: t.int({ resolve: (r) => r.object.MaxSize ?? 0 }),
      availabilityZones: t.stringList({ resolve: (r) => r.object.AvailabilityZones ?? [] }),
      instances: t.field({
        type: [AsgInstanceRef],
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
