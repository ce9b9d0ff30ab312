import { SetDesiredCapacityCommand, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import {
  DeleteVolumeCommand,
  RebootInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
  type Volume,
} from '@aws-sdk/client-ec2';
import {
  DeleteDBInstanceCommand,
  StartDBInstanceCommand,
  StopDBInstanceCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { ValidationError } from '../../errors.ts';
import type { ActionOutcome, ActionRequest, InterruptedAction, Resource } from '../provider.ts';
import {
  awsVerbs,
  call,
  checkPrecondition,
  ec2DryRun,
  facts,
  invalidState,
  requireState,
  unsupported,
  type Step,
} from './action-checks.ts';
import type { RegionClients } from './clients.ts';
import { changeInstanceType, resumeTypeChange, type ActionLimits } from './instance-type.ts';
import { ec2State, nativeIdOf, rdsState, STOP_WAIT_SECONDS } from './model.ts';

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
  return outcomeOf(before, step);
}

function outcomeOf(before: Record<string, unknown>, step: Step): ActionOutcome {
  const { finish } = step;
  return {
    before,
    after: step.after,
    message: step.message,
    ...(finish ? { finish: async (signal) => outcomeOf(before, await finish(signal)) } : {}),
  };
}

/** Completes an action a stopped process left PENDING; null when there is nothing to resume. */
export async function resumeAction(
  c: RegionClients,
  fresh: Resource,
  interrupted: InterruptedAction,
  limits: ActionLimits,
  signal: AbortSignal,
): Promise<ActionOutcome | null> {
  const patch = interrupted.parameters.patch as Record<string, unknown> | undefined;
  if (fresh.kind !== 'EC2_INSTANCE' || interrupted.verb !== 'patch') return null;
  if (typeof patch?.instanceType !== 'string') return null;
  // `before` is what the resume found: the state the interrupted change had reached.
  const before = facts(fresh);
  return outcomeOf(
    before,
    await resumeTypeChange(c, fresh, patch.instanceType, limits.stopWaitSeconds, signal),
  );
}
