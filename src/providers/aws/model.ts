import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { Resource, ResourceKind, ResourceState } from '../provider.ts';

export type AwsKind = Extract<
  ResourceKind,
  'EC2_INSTANCE' | 'EBS_VOLUME' | 'RDS_INSTANCE' | 'AUTO_SCALING_GROUP'
>;

export const AWS_KINDS: readonly AwsKind[] = [
  'EC2_INSTANCE',
  'EBS_VOLUME',
  'RDS_INSTANCE',
  'AUTO_SCALING_GROUP',
];

/** The provider's own object behind each kind (Resource.object). */
export interface AwsObjects {
  EC2_INSTANCE: Instance;
  EBS_VOLUME: Volume;
  RDS_INSTANCE: DBInstance;
  AUTO_SCALING_GROUP: AutoScalingGroup;
}

/**
 * `aws:<region>:<KIND>:<native id>`. The native id (instance id, volume id, DB identifier,
 * group name) is what AWS itself never reuses within a region while the thing exists, so the
 * id stays stable across restarts and renames of the Name tag.
 */
export function awsId(region: string, kind: AwsKind, nativeId: string): string {
  return `aws:${region}:${kind}:${nativeId}`;
}

export function parseAwsId(
  id: string,
): { region: string; kind: AwsKind; nativeId: string } | undefined {
  const m = /^aws:([^:]+):([A-Z0-9_]+):(.+)$/.exec(id);
  if (!m || !(AWS_KINDS as readonly string[]).includes(m[2] ?? '')) return undefined;
  return { region: m[1] ?? '', kind: m[2] as AwsKind, nativeId: m[3] ?? '' };
}

function tagMap(tags: { Key?: string | undefined; Value?: string | undefined }[] | undefined) {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

const EC2_STATES: Record<string, ResourceState> = {
  pending: 'PENDING',
  running: 'RUNNING',
  stopping: 'STOPPED',
  stopped: 'STOPPED',
  'shutting-down': 'TERMINATING',
  terminated: 'TERMINATING',
};

const VOLUME_STATES: Record<string, ResourceState> = {
  creating: 'PENDING',
  available: 'RUNNING',
  'in-use': 'RUNNING',
  deleting: 'TERMINATING',
  deleted: 'TERMINATING',
  error: 'FAILED',
};

// RDS has ~30 statuses; the ones not listed here fall back to UNKNOWN rather than a guess.
const RDS_STATES: Record<string, ResourceState> = {
  available: 'RUNNING',
  'backing-up': 'RUNNING',
  modifying: 'RUNNING',
  rebooting: 'RUNNING',
  renaming: 'RUNNING',
  maintenance: 'RUNNING',
  upgrading: 'RUNNING',
  'storage-optimization': 'RUNNING',
  'resetting-master-credentials': 'RUNNING',
  'configuring-enhanced-monitoring': 'RUNNING',
  'configuring-log-exports': 'RUNNING',
  creating: 'PENDING',
  starting: 'PENDING',
  'converting-to-vpc': 'PENDING',
  stopping: 'STOPPED',
  stopped: 'STOPPED',
  deleting: 'TERMINATING',
  'storage-full': 'DEGRADED',
  'incompatible-parameters': 'DEGRADED',
  failed: 'FAILED',
  'incompatible-restore': 'FAILED',
  'incompatible-network': 'FAILED',
  'incompatible-option-group': 'FAILED',
  'inaccessible-encryption-credentials': 'FAILED',
  'insufficient-capacity': 'FAILED',
  'restore-error': 'FAILED',
};

function asgState(g: AutoScalingGroup): ResourceState {
  if (g.Status) return 'TERMINATING'; // AWS sets Status only while the group is being deleted
  const desired = g.DesiredCapacity ?? 0;
  const inService = (g.Instances ?? []).filter((i) => i.LifecycleState === 'InService').length;
  if (desired === 0 && inService === 0) return 'STOPPED';
  return inService === desired ? 'RUNNING' : 'PENDING';
}

function resource<K extends AwsKind>(
  region: string,
  kind: K,
  nativeId: string,
  tags: Record<string, string>,
  state: ResourceState,
  createdAt: Date | undefined,
  object: AwsObjects[K],
): Resource<AwsObjects[K]> {
  return {
    id: awsId(region, kind, nativeId),
    provider: 'AWS',
    kind,
    cluster: region,
    namespace: null,
    // The confirm rule for delete is "Name tag or id": name carries the tag, the id is exposed too.
    name: tags.Name || nativeId,
    state,
    labels: tags,
    createdAt: createdAt ?? null,
    object,
  };
}

export function ec2State(awsState: string | undefined): ResourceState {
  return EC2_STATES[awsState ?? ''] ?? 'UNKNOWN';
}

export function ec2Resource(region: string, i: Instance): Resource<Instance> {
  const state = ec2State(i.State?.Name);
  return resource(
    region,
    'EC2_INSTANCE',
    i.InstanceId ?? '',
    tagMap(i.Tags),
    state,
    i.LaunchTime,
    i,
  );
}

export function volumeResource(region: string, v: Volume): Resource<Volume> {
  const state = VOLUME_STATES[v.State ?? ''] ?? 'UNKNOWN';
  return resource(region, 'EBS_VOLUME', v.VolumeId ?? '', tagMap(v.Tags), state, v.CreateTime, v);
}

export function rdsState(awsState: string | undefined): ResourceState {
  return RDS_STATES[awsState ?? ''] ?? 'UNKNOWN';
}

export function rdsResource(region: string, d: DBInstance): Resource<DBInstance> {
  const state = rdsState(d.DBInstanceStatus);
  const id = d.DBInstanceIdentifier ?? '';
  return resource(region, 'RDS_INSTANCE', id, tagMap(d.TagList), state, d.InstanceCreateTime, d);
}

export function asgResource(region: string, g: AutoScalingGroup): Resource<AutoScalingGroup> {
  const id = g.AutoScalingGroupName ?? '';
  return resource(region, 'AUTO_SCALING_GROUP', id, tagMap(g.Tags), asgState(g), g.CreatedTime, g);
}

/** The native id of a resource of this provider (instance id, volume id, DB id, group name). */
export function nativeIdOf(r: Resource): string {
  return parseAwsId(r.id)?.nativeId ?? r.name;
}

/**
 * What a change is judged on: the resource minus fields AWS moves on every read (RDS's
 * LatestRestorableTime advances continuously), which would otherwise publish a MODIFIED event
 * for every database on every poll.
 */
export function fingerprint(r: Resource): string {
  let object = r.object;
  if (r.kind === 'RDS_INSTANCE') {
    const { LatestRestorableTime: _moving, ...rest } = r.object as DBInstance;
    object = rest;
  }
  return JSON.stringify([r.state, r.name, r.labels, object]);
}

/** How long a stop may take before the type change gives up (real EC2: seconds to minutes). */
export const STOP_WAIT_SECONDS = 600;

/** Page sizes of the list calls (AWS maxima are 1000, 500, 100, 100). */
export interface PageSizes {
  ec2: number;
  volumes: number;
  rds: number;
  autoscaling: number;
}

export const DEFAULT_PAGE_SIZES: PageSizes = {
  ec2: 1000,
  volumes: 500,
  rds: 100,
  autoscaling: 100,
};
