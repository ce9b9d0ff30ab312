import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { DBInstance } from '@aws-sdk/client-rds';
import { ConflictError, ProviderError, ValidationError } from '../../errors.ts';
import type { ActionVerb, Resource } from '../provider.ts';
import { awsErrorCode, mapAwsError } from './errors.ts';
import { nativeIdOf } from './model.ts';

/** Verbs per kind. State is checked in execute(), so a wrong state names itself there. */
export function awsVerbs(r: Resource): ActionVerb[] {
  switch (r.kind) {
    case 'EC2_INSTANCE':
      return (r.object as Instance).State?.Name === 'terminated'
        ? []
        : ['start', 'stop', 'reboot', 'delete', 'patch'];
    case 'RDS_INSTANCE':
      return ['start', 'stop', 'delete'];
    case 'EBS_VOLUME':
      return ['delete'];
    case 'AUTO_SCALING_GROUP':
      return ['scale'];
    default:
      return [];
  }
}

/** The parts of a resource that actions read or change: before/after and preconditions. */
export function facts(r: Resource): Record<string, unknown> {
  switch (r.kind) {
    case 'EC2_INSTANCE': {
      const i = r.object as Instance;
      return { state: r.state, awsState: i.State?.Name, instanceType: i.InstanceType };
    }
    case 'RDS_INSTANCE': {
      const d = r.object as DBInstance;
      return { state: r.state, awsState: d.DBInstanceStatus, dbInstanceClass: d.DBInstanceClass };
    }
    case 'EBS_VOLUME': {
      const v = r.object as Volume;
      const attachedTo = (v.Attachments ?? []).map((a) => a.InstanceId).filter(Boolean);
      return { state: r.state, awsState: v.State, attachedTo };
    }
    case 'AUTO_SCALING_GROUP': {
      const g = r.object as AutoScalingGroup;
      return {
        state: r.state,
        desiredCapacity: g.DesiredCapacity,
        minSize: g.MinSize,
        maxSize: g.MaxSize,
      };
    }
    default:
      return { state: r.state };
  }
}

/** Optimistic concurrency: every key of the precondition must still hold. */
export function checkPrecondition(r: Resource, precondition: Record<string, unknown> | undefined) {
  if (!precondition) return;
  const now = facts(r);
  for (const [key, expected] of Object.entries(precondition)) {
    if (JSON.stringify(now[key]) !== JSON.stringify(expected)) {
      throw new ConflictError(
        `${r.name} changed since the action was planned: ${key} is ${JSON.stringify(now[key])}, expected ${JSON.stringify(expected)}`,
      );
    }
  }
}

export function invalidState(
  r: Resource,
  verb: string,
  current: string | undefined,
  needs: string,
) {
  return new ValidationError(
    `Cannot ${verb} ${r.kind} ${r.name} (${nativeIdOf(r)}): it is ${current ?? 'in an unknown state'}; ${verb} needs ${needs}`,
    [{ path: 'id', message: `current state ${current ?? 'unknown'}` }],
  );
}

export function requireState(
  r: Resource,
  verb: string,
  current: string | undefined,
  allowed: string[],
) {
  if (!current || !allowed.includes(current)) {
    throw invalidState(r, verb, current, `state ${allowed.join(' or ')}`);
  }
}

/**
 * EC2's own DryRun: AWS checks permissions and parameters and answers DryRunOperation when the
 * call would have succeeded; any other answer is the error the real call would have hit.
 */
export async function ec2DryRun(send: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await send();
  } catch (err) {
    if (awsErrorCode(err) === 'DryRunOperation') return;
    throw mapAwsError(err, what);
  }
  throw new ProviderError('AWS', `${what}: AWS ignored DryRun and performed the call`);
}

export async function call<T>(send: () => Promise<T>, what: string): Promise<T> {
  try {
    return await send();
  } catch (err) {
    throw mapAwsError(err, what);
  }
}

export interface Step {
  after: Record<string, unknown>;
  message: string;
  /** The long rest of the action, run in the background (see ActionOutcome.finish). */
  finish?: (signal: AbortSignal) => Promise<Step>;
}

export function unsupported(r: Resource, verb: string) {
  return new ValidationError(`${verb} is not supported for ${r.kind}`, [
    { path: 'verb', message: `not one of ${awsVerbs(r).join(', ') || 'none'}` },
  ]);
}
