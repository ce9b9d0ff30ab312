import { SetDesiredCapacityCommand, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import {
  DeleteVolumeCommand,
  ModifyInstanceAttributeCommand,
  RebootInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceStopped,
  type Instance,
  type Volume,
} from '@aws-sdk/client-ec2';
import {
  DeleteDBInstanceCommand,
  StartDBInstanceCommand,
  StopDBInstanceCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { ConflictError, ProviderError, ValidationError } from '../../errors.ts';
import type { ActionOutcome, ActionRequest, ActionVerb, Resource } from '../provider.ts';
import type { RegionClients } from './clients.ts';
import { awsErrorCode, mapAwsError } from './errors.ts';
import { ec2State, nativeIdOf, rdsState } from './model.ts';

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

function invalidState(r: Resource, verb: string, current: string | undefined, needs: string) {
  return new ValidationError(
    `Cannot ${verb} ${r.kind} ${r.name} (${nativeIdOf(r)}): it is ${current ?? 'in an unknown state'}; ${verb} needs ${needs}`,
    [{ path: 'id', message: `current state ${current ?? 'unknown'}` }],
  );
}

function requireState(r: Resource, verb: string, current: string | undefined, allowed: string[]) {
  if (!current || !allowed.includes(current)) {
    throw invalidState(r, verb, current, `state ${allowed.join(' or ')}`);
  }
}

/**
 * EC2's own DryRun: AWS checks permissions and parameters and answers DryRunOperation when the
 * call would have succeeded; any other answer is the error the real call would have hit.
 */
async function ec2DryRun(send: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await send();
  } catch (err) {
    if (awsErrorCode(err) === 'DryRunOperation') return;
    throw mapAwsError(err, what);
  }
  throw new ProviderError('AWS', `${what}: AWS ignored DryRun and performed the call`);
}

async function call<T>(send: () => Promise<T>, what: string): Promise<T> {
  try {
    return await send();
  } catch (err) {
    throw mapAwsError(err, what);
  }
}

type Step = { after: Record<string, unknown>; message: string };

function replicasParam(params: Record<string, unknown>): number {
  const n = params.replicas ?? params.desiredCapacity;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new ValidationError('scale needs replicas: a non-negative integer', [
      { path: 'replicas', message: 'expected a non-negative integer' },
    ]);
  }
  return n;
}

async function ec2Action(
  c: RegionClients,
  r: Resource,
  req: ActionRequest,
  limits: ActionLimits,
): Promise<Step> {
  const id = nativeIdOf(r);
  const i = r.object as Instance;
  const current = i.State?.Name;
  const what = `${req.verb} EC2 instance ${id} in ${c.region}`;
  const ids = { InstanceIds: [id] };
  const withState = (s: string | undefined) => ({ ...facts(r), state: ec2State(s), awsState: s });
  switch (req.verb) {
    case 'start': {
      requireState(r, 'start', current, ['stopped']);
      if (req.dryRun) {
        await ec2DryRun(
          () => c.ec2.send(new StartInstancesCommand({ ...ids, DryRun: true })),
          what,
        );
        return { after: withState('pending'), message: `would start ${r.name}` };
      }
      const res = await call(() => c.ec2.send(new StartInstancesCommand(ids)), what);
      const s = res.StartingInstances?.[0]?.CurrentState?.Name;
      return { after: withState(s), message: `started ${r.name}` };
    }
    case 'stop': {
      requireState(r, 'stop', current, ['running']);
      if (req.dryRun) {
        await ec2DryRun(() => c.ec2.send(new StopInstancesCommand({ ...ids, DryRun: true })), what);
        return { after: withState('stopping'), message: `would stop ${r.name}` };
      }
      const res = await call(() => c.ec2.send(new StopInstancesCommand(ids)), what);
      const s = res.StoppingInstances?.[0]?.CurrentState?.Name;
      return { after: withState(s), message: `stopped ${r.name}` };
    }
    case 'reboot': {
      requireState(r, 'reboot', current, ['running']);
      if (req.dryRun) {
        await ec2DryRun(
          () => c.ec2.send(new RebootInstancesCommand({ ...ids, DryRun: true })),
          what,
        );
        return { after: facts(r), message: `would reboot ${r.name}` };
      }
      await call(() => c.ec2.send(new RebootInstancesCommand(ids)), what);
      return { after: facts(r), message: `rebooted ${r.name}` };
    }
    case 'delete': {
      if (current === 'shutting-down' || current === 'terminated') {
        throw invalidState(r, 'terminate', current, 'an instance that is not already terminating');
      }
      if (req.dryRun) {
        await ec2DryRun(
          () => c.ec2.send(new TerminateInstancesCommand({ ...ids, DryRun: true })),
          what,
        );
        return { after: withState('shutting-down'), message: `would terminate ${r.name}` };
      }
      const res = await call(() => c.ec2.send(new TerminateInstancesCommand(ids)), what);
      const s = res.TerminatingInstances?.[0]?.CurrentState?.Name;
      return { after: withState(s), message: `terminated ${r.name}` };
    }
    case 'patch':
      return changeInstanceType(c, r, req, limits.stopWaitSeconds);
    default:
      throw unsupported(r, req.verb);
  }
}

/** `family.size`, e.g. t3.medium, m6i.2xlarge, u-6tb1.metal. */
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** How long a stop may take before the type change gives up (real EC2: seconds to minutes). */
export const STOP_WAIT_SECONDS = 600;

export interface ActionLimits {
  /** How long changeInstanceType waits for the stop before putting the instance back. */
  stopWaitSeconds: number;
}

function instanceTypeParam(r: Resource, params: Record<string, unknown>): string {
  const patch = params.patch as Record<string, unknown>;
  const extra = Object.keys(patch).filter((k) => k !== 'instanceType');
  const type = patch.instanceType;
  if (extra.length > 0 || typeof type !== 'string' || !INSTANCE_TYPE.test(type)) {
    throw new ValidationError(
      `An EC2 instance patch is { instanceType: "<family>.<size>" }${extra.length ? `; ${extra.join(', ')} cannot be changed here` : ''}`,
      [{ path: 'patch.instanceType', message: 'expected an instance type such as t3.medium' }],
    );
  }
  if (type === (r.object as Instance).InstanceType) {
    throw new ValidationError(`${r.name} is already ${type}`, [
      { path: 'patch.instanceType', message: 'same as the current type' },
    ]);
  }
  return type;
}

/**
 * The instance type changes only while the instance is stopped: a running instance is
 * stopped, modified and started again (a short outage, which the recommendation says); a
 * stopped one is only modified. When any step fails (the stop, the wait for it, the modify, the
 * start on the new type), the instance is put back on its old type and started again before
 * the error is reported.
 */
async function changeInstanceType(
  c: RegionClients,
  r: Resource,
  req: ActionRequest,
  stopWaitSeconds: number,
): Promise<Step> {
  const id = nativeIdOf(r);
  const i = r.object as Instance;
  const from = i.InstanceType;
  const to = instanceTypeParam(r, req.params);
  const current = i.State?.Name;
  requireState(r, 'change the type of', current, ['running', 'stopped']);
  const wasRunning = current === 'running';
  const ids = { InstanceIds: [id] };
  const what = `change EC2 instance ${id} in ${c.region} from ${from} to ${to}`;
  const modify = (type: string | undefined, dryRun = false) =>
    c.ec2.send(
      new ModifyInstanceAttributeCommand({
        InstanceId: id,
        InstanceType: { Value: type },
        DryRun: dryRun,
      }),
    );
  const steps = wasRunning ? 'stop, modify, start' : 'modify; it stays stopped';
  const after = (s: string | undefined) => ({
    ...facts(r),
    state: ec2State(s),
    awsState: s,
    instanceType: to,
  });
  if (req.dryRun) {
    if (wasRunning) {
      await ec2DryRun(() => c.ec2.send(new StopInstancesCommand({ ...ids, DryRun: true })), what);
    }
    await ec2DryRun(() => modify(to, true), what);
    return {
      after: after(current),
      message: `would change ${r.name} from ${from} to ${to} (${steps})`,
    };
  }
  // Puts the instance back as it was (old type, running if it was), then reports `cause`.
  const restore = async (cause: unknown, modified: boolean): Promise<never> => {
    const failure = mapAwsError(cause, what);
    const back = `${modified ? `back on ${from}` : `still ${from}`}${wasRunning ? ' and starting again' : ''}`;
    try {
      if (modified) await modify(from);
      if (wasRunning) await c.ec2.send(new StartInstancesCommand(ids));
    } catch (err) {
      throw new ProviderError(
        'AWS',
        `${failure.message}; then putting ${r.name} ${back} failed: ${mapAwsError(err, what).message}`,
      );
    }
    failure.message = `${failure.message} (${r.name} is ${back})`;
    throw failure;
  };
  if (wasRunning) {
    await call(() => c.ec2.send(new StopInstancesCommand(ids)), what);
    try {
      await waitUntilInstanceStopped(
        { client: c.ec2, maxWaitTime: stopWaitSeconds, minDelay: 1, maxDelay: 15 },
        ids,
      );
    } catch (err) {
      // A stop that never completes (or a describe that keeps failing) must not leave the
      // instance stopped: start it again, on the type it has.
      return restore(mapAwsError(err, `${what}: waiting for the stop`), false);
    }
  }
  try {
    await modify(to);
  } catch (err) {
    return restore(err, false);
  }
  if (!wasRunning) {
    return {
      after: after(current),
      message: `changed ${r.name} from ${from} to ${to} (it stays stopped)`,
    };
  }
  let state: string | undefined;
  try {
    const res = await c.ec2.send(new StartInstancesCommand(ids));
    state = res.StartingInstances?.[0]?.CurrentState?.Name;
  } catch (err) {
    // e.g. InsufficientInstanceCapacity for the new type in this zone.
    return restore(err, true);
  }
  return {
    after: after(state),
    message: `changed ${r.name} from ${from} to ${to} (stopped, modified, started)`,
  };
}

async function volumeAction(c: RegionClients, r: Resource, req: ActionRequest): Promise<Step> {
  if (req.verb !== 'delete') throw unsupported(r, req.verb);
  const v = r.object as Volume;
  const id = nativeIdOf(r);
  if (v.State !== 'available') {
    const on = (v.Attachments ?? []).map((a) => a.InstanceId).join(', ');
    throw invalidState(
      r,
      'delete',
      on ? `${v.State} (attached to ${on})` : v.State,
      'an unattached (available) volume',
    );
  }
  const what = `delete EBS volume ${id} in ${c.region}`;
  if (req.dryRun) {
    await ec2DryRun(
      () => c.ec2.send(new DeleteVolumeCommand({ VolumeId: id, DryRun: true })),
      what,
    );
    return { after: { ...facts(r), awsState: 'deleting' }, message: `would delete ${r.name}` };
  }
  await call(() => c.ec2.send(new DeleteVolumeCommand({ VolumeId: id })), what);
  return {
    after: { ...facts(r), state: 'TERMINATING', awsState: 'deleting' },
    message: `deleted ${r.name}`,
  };
}

// RDS has no DryRun: the preview is the same validation the real call goes through.
async function rdsAction(c: RegionClients, r: Resource, req: ActionRequest): Promise<Step> {
  const d = r.object as DBInstance;
  const id = nativeIdOf(r);
  const current = d.DBInstanceStatus;
  const what = `${req.verb} RDS instance ${id} in ${c.region}`;
  const key = { DBInstanceIdentifier: id };
  const after = (s: string | undefined) => ({ ...facts(r), state: rdsState(s), awsState: s });
  switch (req.verb) {
    case 'start': {
      requireState(r, 'start', current, ['stopped']);
      if (req.dryRun) return { after: after('starting'), message: `would start ${r.name}` };
      const res = await call(() => c.rds.send(new StartDBInstanceCommand(key)), what);
      return {
        after: after(res.DBInstance?.DBInstanceStatus),
        message: `started ${r.name}`,
      };
    }
    case 'stop': {
      requireState(r, 'stop', current, ['available']);
      if (req.dryRun) return { after: after('stopping'), message: `would stop ${r.name}` };
      const res = await call(() => c.rds.send(new StopDBInstanceCommand(key)), what);
      return {
        after: after(res.DBInstance?.DBInstanceStatus),
        message: `stopped ${r.name}`,
      };
    }
    case 'delete': {
      if (current === 'deleting')
        throw invalidState(r, 'delete', current, 'an instance not already deleting');
      if (d.DeletionProtection) {
        throw new ValidationError(`Cannot delete ${r.name}: deletion protection is on`, [
          { path: 'id', message: 'deletion protection enabled' },
        ]);
      }
      // Keep the data by default: a final snapshot unless the caller opts out explicitly.
      const skip = req.params.skipFinalSnapshot === true;
      const snapshot = skip ? undefined : `${id}-final-${Date.now()}`;
      const tail = snapshot ? ` (final snapshot ${snapshot})` : ' (no final snapshot)';
      if (req.dryRun)
        return {
          after: after('deleting'),
          message: `would delete ${r.name}${tail}`,
        };
      const res = await call(
        () =>
          c.rds.send(
            new DeleteDBInstanceCommand({
              ...key,
              SkipFinalSnapshot: skip,
              ...(snapshot ? { FinalDBSnapshotIdentifier: snapshot } : {}),
            }),
          ),
        what,
      );
      return {
        after: {
          ...after(res.DBInstance?.DBInstanceStatus),
          finalSnapshot: snapshot ?? null,
        },
        message: `deleted ${r.name}${tail}`,
      };
    }
    default:
      throw unsupported(r, req.verb);
  }
}

// Auto Scaling has no DryRun either; min/max are checked here because not every endpoint does.
async function asgAction(c: RegionClients, r: Resource, req: ActionRequest): Promise<Step> {
  if (req.verb !== 'scale') throw unsupported(r, req.verb);
  const g = r.object as AutoScalingGroup;
  const n = replicasParam(req.params);
  const min = g.MinSize ?? 0;
  const max = g.MaxSize ?? 0;
  if (n < min || n > max) {
    throw new ValidationError(
      `Cannot scale ${r.name} to ${n}: its desired capacity must stay between min ${min} and max ${max}`,
      [{ path: 'replicas', message: `between ${min} and ${max}` }],
    );
  }
  const from = g.DesiredCapacity ?? 0;
  const after = { ...facts(r), desiredCapacity: n };
  if (req.dryRun) return { after, message: `would scale ${r.name} from ${from} to ${n}` };
  const name = nativeIdOf(r);
  await call(
    () =>
      c.autoscaling.send(
        new SetDesiredCapacityCommand({
          AutoScalingGroupName: name,
          DesiredCapacity: n,
          HonorCooldown: false,
        }),
      ),
    `scale Auto Scaling group ${name} in ${c.region}`,
  );
  return { after, message: `scaled ${r.name} from ${from} to ${n}` };
}

function unsupported(r: Resource, verb: string) {
  return new ValidationError(`${verb} is not supported for ${r.kind}`, [
    { path: 'verb', message: `not one of ${awsVerbs(r).join(', ') || 'none'}` },
  ]);
}

/** Runs one action against a freshly described resource. */
export async function runAction(
  c: RegionClients,
  fresh: Resource,
  req: ActionRequest,
  limits: ActionLimits = { stopWaitSeconds: STOP_WAIT_SECONDS },
): Promise<ActionOutcome> {
  if (!awsVerbs(fresh).includes(req.verb)) throw unsupported(fresh, req.verb);
  checkPrecondition(fresh, req.precondition);
  const before = facts(fresh);
  const step =
    fresh.kind === 'EC2_INSTANCE'
      ? await ec2Action(c, fresh, req, limits)
      : fresh.kind === 'EBS_VOLUME'
        ? await volumeAction(c, fresh, req)
        : fresh.kind === 'RDS_INSTANCE'
          ? await rdsAction(c, fresh, req)
          : await asgAction(c, fresh, req);
  return { before, after: step.after, message: step.message };
}
