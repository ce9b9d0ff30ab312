import type { Permission } from '../auth/permissions.ts';
import { builder } from './builder.ts';
import { ActionVerbEnum, ResourceInterface } from './resources.ts';
import { RoleEnum } from './status.ts';

const PermissionRef = builder.objectRef<Permission>('Permission').implement({
  description:
    'Whether the viewer may run one verb on one resource, and if not, why not and what would allow it.',
  fields: (t) => ({
    verb: t.field({ type: ActionVerbEnum, description: 'The verb.', resolve: (p) => p.verb }),
    allowed: t.exposeBoolean('allowed', {
      description: 'Whether the viewer may run it now (its mutation would not be refused).',
    }),
    requiredRole: t.field({
      type: RoleEnum,
      description: 'The least role that runs this verb.',
      resolve: (p) => p.requiredRole,
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description:
        "Why not, for people (the viewer's role is below `requiredRole`, the kind does not take the verb, or under KUBE_IMPERSONATION the cluster's RBAC, or an authorizer after it such as a webhook, does not grant `requiredPermission`); null when allowed.",
    }),
    requiredPermission: t.exposeString('requiredPermission', {
      nullable: true,
      description:
        'Under KUBE_IMPERSONATION, the Kubernetes permission the cluster does not grant the signed-in person, e.g. `patch deployments/scale.apps in namespace shop`; null otherwise.',
    }),
  }),
});

builder.interfaceFields(ResourceInterface, (t) => ({
  actions: t.field({
    type: [ActionVerbEnum],
    description: 'The actions the viewer may take on this resource (role and kind).',
    resolve: async (r, _args, ctx) =>
      (await ctx.services.permissions.of(ctx.viewer, r))
        .filter((p) => p.allowed)
        .map((p) => p.verb),
  }),
  permissions: t.field({
    type: [PermissionRef],
    description:
      'What the viewer may do here, one entry per verb this kind takes, each with why not (the dashboard\'s "why can\'t I?").',
    resolve: (r, _args, ctx) => ctx.services.permissions.of(ctx.viewer, r),
  }),
  can: t.field({
    type: PermissionRef,
    description: 'Whether the viewer may run `verb` here, and if not, why not.',
    args: { verb: t.arg({ type: ActionVerbEnum, required: true, description: 'The verb.' }) },
    resolve: (r, { verb }, ctx) => ctx.services.permissions.can(ctx.viewer, r, verb),
  }),
}));
