import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { ActionVerb, Resource, RevertPlan } from '../provider.ts';

/** Pauses between refreshes after an action (about a minute in all), until the state settles. */
export const SETTLE_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 30_000];

const STABLE = {
  EC2_INSTANCE: new Set(['running', 'stopped', 'terminated']),
  EBS_VOLUME: new Set(['available', 'in-use', 'deleted']),
  RDS_INSTANCE: new Set(['available', 'stopped']),
};

/** Whether a resource has stopped moving (gone counts as settled). */
export function isSettled(r: Resource | undefined): boolean {
  if (!r) return true;
  switch (r.kind) {
    case 'EC2_INSTANCE':
      return STABLE.EC2_INSTANCE.has((r.object as Instance).State?.Name ?? '');
    case 'EBS_VOLUME':
      return STABLE.EBS_VOLUME.has((r.object as Volume).State ?? '');
    case 'RDS_INSTANCE':
      return STABLE.RDS_INSTANCE.has((r.object as DBInstance).DBInstanceStatus ?? '');
    case 'AUTO_SCALING_GROUP': {
      const g = r.object as AutoScalingGroup;
      return (g.Instances ?? []).length === g.DesiredCapacity;
    }
    default:
      return true;
  }
}

/**
 * How to undo an action from its recorded before/after. The precondition pins the state the
 * action left behind (normalized, so "stopping" and "stopped" both match a stop): if someone
 * changed the resource since, the revert is refused rather than trampling their change.
 */
export function awsRevertPlan(
  verb: ActionVerb,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): RevertPlan | null {
  switch (verb) {
    case 'start':
      return { verb: 'stop', params: {}, precondition: { state: 'RUNNING' } };
    case 'stop':
      return { verb: 'start', params: {}, precondition: { state: after.state ?? 'STOPPED' } };
    case 'scale':
      if (typeof before.desiredCapacity !== 'number') return null;
      return {
        verb: 'scale',
        params: { replicas: before.desiredCapacity },
        precondition: { desiredCapacity: after.desiredCapacity },
      };
    case 'patch':
      // An instance type change: back to the recorded type, if nobody changed it since.
      if (typeof before.instanceType !== 'string') return null;
      return {
        verb: 'patch',
        params: { patch: { instanceType: before.instanceType } },
        precondition: { instanceType: after.instanceType },
      };
    default:
      // Reboot has nothing to undo; a terminated instance or deleted database cannot come back.
      return null;
  }
}
