import type { ActionCommand, ActionOutcomeResult, ActionSuccess } from '../actions/pipeline.ts';
import {
  AppError,
  ConfirmationRequiredError,
  IrreversibleError,
  ValidationError,
} from '../errors.ts';
import { parseAwsId } from '../providers/aws/model.ts';
import type { VerbAction } from '../audit/types.ts';
import { decodeGlobalIdOf } from './global-id.ts';
import { AuditEventRef } from './audit.ts';
import { ACTION_ERRORS } from './base.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { decodeResourceId } from './resources.ts';

builder.mutationType({
  description:
    'Changes: every mutation is authorized, validated and recorded in the audit log before it runs; expected failures come back as Error members of its result union.',
});

export const ActionResultInterface = builder.interfaceRef<ActionSuccess>('ActionResult').implement({
  description:
    'What every successful action returns: its audit event, and whether it was a dry run.',
  fields: (t) => ({
    auditEvent: t.field({
      type: AuditEventRef,
      description:
        'The audit record of this action: who, what, parameters, before and after, outcome (a dry run is recorded too). Status PENDING: the action goes on in the background; its outcome completes this event and is published on `auditEvents`.',
      resolve: (r) => r.auditEvent,
    }),
    dryRun: t.exposeBoolean('dryRun', {
      description: 'True when nothing was changed: the provider only validated and previewed it.',
    }),
  }),
});

/** `<Base>Success` (implements ActionResult); fields using it declare `actionErrors(base)`. */
export function actionSuccess(base: string) {
  return builder.objectRef<ActionSuccess>(`${base}Success`).implement({
    description:
      'The action ran and succeeded (or, with dryRun, was previewed); `auditEvent` holds its parameters, before and after. A long action (an EC2 type change of a running instance) answers once started, with `auditEvent.status` PENDING until it completes.',
    interfaces: [ActionResultInterface],
  });
}

/**
 * The errors option of a field: its `<Base>Result` union with the errors it can answer
 * (default: those of an action run through the pipeline).
 */
export function actionErrors(
  base: string,
  types: (new (...args: never[]) => Error)[] = ACTION_ERRORS,
) {
  return {
    types,
    directResult: true,
    union: {
      name: `${base}Result`,
      description: `What ${base.charAt(0).toLowerCase()}${base.slice(1)} answers: its success, or a typed Error saying why it did not run or failed.`,
    },
  } as const;
}

/** Pipeline results carry expected failures as values; the errors plugin wants them thrown. */
export function unwrap(result: ActionOutcomeResult): ActionSuccess {
  if (result instanceof AppError) throw result;
  return result;
}

/** The fields every action input shares. */
export const commonActionFields = {
  dryRun: { description: 'Validate and preview through the provider; change nothing.' },
  idempotencyKey: {
    description:
      'Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -.',
  },
} as const;

type CommonInput = { dryRun?: boolean | null; idempotencyKey?: string | null };

/** The per-request parts of an action command: who, from where, which request. */
export function apiCommand(
  ctx: GraphQLContext,
  input: CommonInput,
): Pick<ActionCommand, 'viewer' | 'requestId' | 'source' | 'dryRun' | 'idempotencyKey'> {
  return {
    viewer: ctx.viewer,
    requestId: ctx.requestId,
    source: 'API',
    dryRun: input.dryRun ?? false,
    idempotencyKey: input.idempotencyKey ?? null,
  };
}

/** Runs the pipeline; a malformed id throws a ValidationError, which becomes a union member. */
async function runAction(
  ctx: GraphQLContext,
  command: () => ActionCommand,
): Promise<ActionSuccess> {
  return unwrap(await ctx.services.actions.run(command()));
}

const DeletePropagationEnum = builder.enumType('DeletePropagation', {
  description: "What becomes of a Kubernetes object's dependents when it is deleted.",
  values: {
    FOREGROUND: {
      value: 'Foreground',
      description: 'Dependents are deleted first; the object goes last.',
    },
    BACKGROUND: {
      value: 'Background',
      description: 'The object goes at once; the garbage collector deletes dependents after.',
    },
    ORPHAN: { value: 'Orphan', description: 'Dependents are kept, without an owner.' },
  } as const,
});

const idField = { description: 'The global id of the resource.' } as const;

const ScaleResourceInput = builder.inputType('ScaleResourceInput', {
  description: 'A workload or Auto Scaling group, and the count to run.',
  fields: (t) => ({
    id: t.id({ required: true, ...idField }),
    replicas: t.int({
      required: true,
      description:
        'Replicas (workloads) or desired capacity (Auto Scaling groups, within min and max); 0 or more.',
    }),
    dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
    idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
  }),
});

const SimpleActionInput = (name: string) =>
  builder.inputType(name, {
    description: 'The resource to act on.',
    fields: (t) => ({
      id: t.id({ required: true, ...idField }),
      dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
      idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
    }),
  });

const RestartResourceInput = builder.inputType('RestartResourceInput', {
  description: 'The workload or pod to restart.',
  fields: (t) => ({
    id: t.id({ required: true, ...idField }),
    force: t.boolean({
      required: false,
      description: 'Allow deleting a pod no controller will recreate.',
    }),
    dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
    idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
  }),
});

const DeleteResourceInput = builder.inputType('DeleteResourceInput', {
  description: 'The resource to delete, confirmed by its name.',
  fields: (t) => ({
    id: t.id({ required: true, ...idField }),
    confirm: t.string({ required: true, description: "Must equal the resource's name." }),
    propagationPolicy: t.field({
      type: DeletePropagationEnum,
      required: false,
      description: "Kubernetes only: what happens to its dependents (default: the API server's).",
    }),
    dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
    idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
  }),
});

const ChangeInstanceTypeInput = builder.inputType('ChangeInstanceTypeInput', {
  description: 'An EC2 instance and its new type.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The global id of an EC2 instance.' }),
    instanceType: t.string({ required: true, description: 'The new type, e.g. t3.medium.' }),
    dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
    idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
  }),
});

/** `patch` is also Kubernetes' right-sizing verb: this mutation is for EC2 instances only. */
function ec2InstanceId(globalId: string): string {
  const id = decodeResourceId(globalId);
  if (parseAwsId(id)?.kind !== 'EC2_INSTANCE') {
    throw new ValidationError('changeInstanceType applies to EC2 instances only', [
      { path: 'id', message: 'not an EC2 instance' },
    ]);
  }
  return id;
}

const RevertActionInput = builder.inputType('RevertActionInput', {
  description: 'The recorded action to undo.',
  fields: (t) => ({
    auditEventId: t.id({ required: true, description: 'The AuditEvent to undo.' }),
    dryRun: t.boolean({ required: false, ...commonActionFields.dryRun }),
    idempotencyKey: t.string({ required: false, ...commonActionFields.idempotencyKey }),
  }),
});

const simple: [field: string, verb: VerbAction, base: string, description: string][] = [
  [
    'startResource',
    'start',
    'StartResource',
    'Start: restore replicas remembered by stop, or start an instance.',
  ],
  [
    'stopResource',
    'stop',
    'StopResource',
    'Stop: scale a workload to 0 (remembering its replicas), or stop an instance.',
  ],
  ['rebootResource', 'reboot', 'RebootResource', 'Reboot an instance.'],
  ['cordonNode', 'cordon', 'CordonNode', 'Mark a node unschedulable.'],
  ['uncordonNode', 'uncordon', 'UncordonNode', 'Mark a node schedulable again.'],
];

builder.mutationFields((t) => ({
  scaleResource: t.field({
    type: actionSuccess('ScaleResource'),
    errors: actionErrors('ScaleResource'),
    description:
      'Set the replicas of a workload, or the desired capacity of an Auto Scaling group.',
    args: {
      input: t.arg({
        type: ScaleResourceInput,
        required: true,
        description: 'What to act on, and how.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runAction(ctx, () => ({
        ...apiCommand(ctx, input),
        action: 'scale',
        verb: 'scale',
        targetId: decodeResourceId(String(input.id)),
        params: { replicas: input.replicas },
      })),
  }),
  restartResource: t.field({
    type: actionSuccess('RestartResource'),
    errors: actionErrors('RestartResource'),
    description: 'Rollout-restart a workload, or delete a controller-owned pod.',
    args: {
      input: t.arg({
        type: RestartResourceInput,
        required: true,
        description: 'What to act on, and how.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runAction(ctx, () => ({
        ...apiCommand(ctx, input),
        action: 'restart',
        verb: 'restart',
        targetId: decodeResourceId(String(input.id)),
        params: input.force ? { force: true } : {},
      })),
  }),
  deleteResource: t.field({
    type: actionSuccess('DeleteResource'),
    errors: actionErrors('DeleteResource', [...ACTION_ERRORS, ConfirmationRequiredError]),
    description: 'Delete a resource; `confirm` must equal its name. Cannot be reverted.',
    args: {
      input: t.arg({
        type: DeleteResourceInput,
        required: true,
        description: 'What to act on, and how.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runAction(ctx, () => ({
        ...apiCommand(ctx, input),
        action: 'delete',
        verb: 'delete',
        targetId: decodeResourceId(String(input.id)),
        confirm: input.confirm,
        params: input.propagationPolicy ? { propagationPolicy: input.propagationPolicy } : {},
      })),
  }),
  changeInstanceType: t.field({
    type: actionSuccess('ChangeInstanceType'),
    errors: actionErrors('ChangeInstanceType'),
    description:
      'Change the type of an EC2 instance: a running one is stopped, changed and started again (a short outage), which goes on in the background: the answer comes once the stop is sent, with the audit event PENDING until the instance is back (any failed step puts it back on its old type, running). A stopped one is changed at once and stays stopped. Revertible.',
    args: {
      input: t.arg({
        type: ChangeInstanceTypeInput,
        required: true,
        description: 'What to act on, and how.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runAction(ctx, () => ({
        ...apiCommand(ctx, input),
        action: 'change_instance_type',
        verb: 'patch',
        targetId: ec2InstanceId(String(input.id)),
        params: { patch: { instanceType: input.instanceType } },
      })),
  }),
  revertAction: t.field({
    type: actionSuccess('RevertAction'),
    errors: actionErrors('RevertAction', [...ACTION_ERRORS, IrreversibleError]),
    description:
      'Restore the recorded `before` of a reversible action, if the target has not changed since.',
    args: {
      input: t.arg({
        type: RevertActionInput,
        required: true,
        description: 'What to act on, and how.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const auditEventId = decodeGlobalIdOf(
        String(input.auditEventId),
        (t) => t === 'AuditEvent',
        'an AuditEvent id',
        'auditEventId',
      );
      return unwrap(await ctx.services.actions.revert({ ...apiCommand(ctx, input), auditEventId }));
    },
  }),
  ...Object.fromEntries(
    simple.map(([field, verb, base, description]) => [
      field,
      t.field({
        type: actionSuccess(base),
        errors: actionErrors(base),
        description,
        args: {
          input: t.arg({
            type: SimpleActionInput(`${base}Input`),
            required: true,
            description: 'What to act on.',
          }),
        },
        resolve: (_root, { input }, ctx) =>
          runAction(ctx, () => ({
            ...apiCommand(ctx, input),
            action: verb,
            verb,
            targetId: decodeResourceId(String(input.id)),
            params: {},
          })),
      }),
    ]),
  ),
}));
