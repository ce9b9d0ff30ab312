import {
  ModifyInstanceAttributeCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  waitUntilInstanceStopped,
  type Instance,
} from '@aws-sdk/client-ec2';
import { ProviderError, ValidationError } from '../../errors.ts';
import type { ActionRequest, Resource } from '../provider.ts';
import { call, ec2DryRun, facts, requireState, type Step } from './action-checks.ts';
import type { RegionClients } from './clients.ts';
import { mapAwsError } from './errors.ts';
import { ec2State, nativeIdOf } from './model.ts';

/** `family.size`, e.g. t3.medium, m6i.2xlarge, u-6tb1.metal. */
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;

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
export async function changeInstanceType(
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
