import {
  ModifyInstanceAttributeCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  waitUntilInstanceStopped,
  type Instance,
} from '@aws-sdk/client-ec2';
import { throwIfShuttingDown } from '../../actions/background.ts';
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
 * The instance type changes only while the instance is stopped. A stopped one is only modified
 * (at once). A running one is stopped here, and the rest (wait for the stop, modify, start) is
 * returned as `finish`, which the action pipeline runs in the background: the mutation answers
 * while the audit event is PENDING. When any step fails, the instance is put back on its old
 * type and started again before the error is reported.
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
  const change: TypeChange = { c, r, from, to, stopWaitSeconds };
  if (req.dryRun) {
    if (wasRunning) {
      await ec2DryRun(
        () => c.ec2.send(new StopInstancesCommand({ InstanceIds: [id], DryRun: true })),
        whatOf(change),
      );
    }
    await ec2DryRun(() => modify(change, to, true), whatOf(change));
    const steps = wasRunning ? 'stop, modify, start' : 'modify; it stays stopped';
    return {
      after: afterOf(change, current),
      message: `would change ${r.name} from ${from} to ${to} (${steps})`,
    };
  }
  if (!wasRunning) {
    try {
      await modify(change, to);
    } catch (err) {
      return restore(change, err, { modified: false, start: false });
    }
    return {
      after: afterOf(change, current),
      message: `changed ${r.name} from ${from} to ${to} (it stays stopped)`,
    };
  }
  const res = await call(
    () => c.ec2.send(new StopInstancesCommand({ InstanceIds: [id] })),
    whatOf(change),
  );
  const state = res.StoppingInstances?.[0]?.CurrentState?.Name ?? 'stopping';
  return {
    after: afterOf(change, state),
    message: `stopping ${r.name} to change it from ${from} to ${to}`,
    finish: (signal) => completeTypeChange(change, state, signal),
  };
}

/**
 * Completes a type change left PENDING by a process that stopped (found in the audit log at
 * start): from what EC2 shows now, finishes it the way `finish` would have. A running (or
 * starting) instance on the new type is a change that completed; on its old type, one that
 * did not (it was put back). A stopping or stopped one is finished: the stop awaited, the
 * type set, the instance started; only a running instance's change goes on in the
 * background, so a stopped one was running when the change began.
 */
export async function resumeTypeChange(
  c: RegionClients,
  fresh: Resource,
  to: string,
  stopWaitSeconds: number,
  signal: AbortSignal,
): Promise<Step> {
  const i = fresh.object as Instance;
  const state = i.State?.Name;
  // On the new type already: the old one is no longer known, so a failure cannot go back to it.
  const from = i.InstanceType === to ? undefined : i.InstanceType;
  const change: TypeChange = { c, r: fresh, from, to, stopWaitSeconds };
  if (state === 'running' || state === 'pending') {
    if (from !== undefined) {
      throw new ProviderError(
        'AWS',
        `${whatOf(change)}: interrupted; ${fresh.name} is ${state} on its old type ${from}, so the change did not happen`,
      );
    }
    return {
      after: afterOf(change, state),
      message: `${fresh.name} is ${state} on ${to}: the change completed`,
    };
  }
  if (state !== 'stopping' && state !== 'stopped') {
    throw new ProviderError('AWS', `${whatOf(change)}: interrupted; ${fresh.name} is ${state}`);
  }
  const done = await completeTypeChange(change, state, signal);
  return { ...done, message: `${done.message}, resumed after a restart` };
}

interface TypeChange {
  c: RegionClients;
  /** The instance as read before the change (or, resuming, now). */
  r: Resource;
  /** The type to put back on failure; undefined when it is no longer known. */
  from: string | undefined;
  to: string;
  stopWaitSeconds: number;
}

const whatOf = (t: TypeChange) =>
  `change EC2 instance ${nativeIdOf(t.r)} in ${t.c.region} from ${t.from ?? 'its type'} to ${t.to}`;

const afterOf = (t: TypeChange, s: string | undefined) => ({
  ...facts(t.r),
  state: ec2State(s),
  awsState: s,
  instanceType: t.to,
});

const modify = (t: TypeChange, type: string | undefined, dryRun = false) =>
  t.c.ec2.send(
    new ModifyInstanceAttributeCommand({
      InstanceId: nativeIdOf(t.r),
      InstanceType: { Value: type },
      DryRun: dryRun,
    }),
  );

/**
 * The rest of a running instance's type change, from `state` (stopping or stopped): wait for
 * the stop, set the type, start. Only the wait heeds `signal` (shutdown): it is what takes
 * minutes, and stopping there leaves the event PENDING for the next start to resume; the two
 * calls after it take a moment and leave the instance running.
 */
async function completeTypeChange(
  t: TypeChange,
  state: string,
  signal: AbortSignal,
): Promise<Step> {
  const ids = { InstanceIds: [nativeIdOf(t.r)] };
  const what = whatOf(t);
  if (state !== 'stopped') {
    try {
      await waitUntilInstanceStopped(
        {
          client: t.c.ec2,
          maxWaitTime: t.stopWaitSeconds,
          minDelay: 1,
          maxDelay: 15,
          abortSignal: signal,
        },
        ids,
      );
    } catch (err) {
      throwIfShuttingDown(signal);
      // A stop that never completes (or a describe that keeps failing) must not leave the
      // instance stopped: start it again, on the type it has.
      return restore(t, mapAwsError(err, `${what}: waiting for the stop`), {
        modified: false,
        start: true,
      });
    }
  }
  if (t.from !== undefined) {
    try {
      await modify(t, t.to);
    } catch (err) {
      return restore(t, err, { modified: false, start: true });
    }
  }
  let started: string | undefined;
  try {
    const res = await t.c.ec2.send(new StartInstancesCommand(ids));
    started = res.StartingInstances?.[0]?.CurrentState?.Name;
  } catch (err) {
    // e.g. InsufficientInstanceCapacity for the new type in this zone.
    return restore(t, err, { modified: true, start: true });
  }
  return {
    after: afterOf(t, started),
    message: `changed ${t.r.name} from ${t.from ?? 'its type'} to ${t.to} (stopped, modified, started)`,
  };
}

/** Puts the instance back as it was (old type, running if it was), then reports `cause`. */
async function restore(
  t: TypeChange,
  cause: unknown,
  o: { modified: boolean; start: boolean },
): Promise<never> {
  const what = whatOf(t);
  const failure = mapAwsError(cause, what);
  const typeBack = o.modified && t.from !== undefined;
  const on = typeBack
    ? `back on ${t.from}`
    : o.modified || t.from === undefined
      ? `on ${t.to}`
      : `still ${t.from}`;
  const back = `${on}${o.start ? ' and starting again' : ''}`;
  try {
    if (typeBack) await modify(t, t.from);
    if (o.start) await t.c.ec2.send(new StartInstancesCommand({ InstanceIds: [nativeIdOf(t.r)] }));
  } catch (err) {
    throw new ProviderError(
      'AWS',
      `${failure.message}; then putting ${t.r.name} ${back} failed: ${mapAwsError(err, what).message}`,
    );
  }
  failure.message = `${failure.message} (${t.r.name} is ${back})`;
  throw failure;
}
