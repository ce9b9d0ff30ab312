import { builder } from './builder.ts';
import type { ComponentReport } from '../health.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ROLES } from '../config.ts';

const ComponentStateEnum = builder.enumType('ComponentState', {
  description: 'How one component of the orchestrator is doing.',
  values: {
    UP: { description: 'Working.' },
    DEGRADED: { description: 'Working in part (e.g. one cluster of several unreachable).' },
    DOWN: { description: 'Not working; the fields it backs fail or come back empty.' },
    DISABLED: { description: 'Not configured, on purpose.' },
  } as const,
});

const ROLE_DOCS: Record<Viewer['role'], string> = {
  viewer: 'Reads everything except secrets and the token list.',
  agent: 'A recommendation agent: reads, and submits advice for its own analyzers.',
  operator: 'Reads and runs actions (scale, restart, stop, …), except delete.',
  admin: 'Everything: delete, tokens, agents, recommendation runs.',
};

export const RoleEnum = builder.enumType('Role', {
  description: 'What an API token may do; each role includes the ones listed before it.',
  values: Object.fromEntries(
    ROLES.map((r) => [r.toUpperCase(), { value: r, description: ROLE_DOCS[r] }]),
  ) as Record<'VIEWER' | 'OPERATOR' | 'ADMIN', { value: Viewer['role']; description: string }>,
});

export const ComponentStatusRef = builder.objectRef<ComponentReport>('ComponentStatus').implement({
  description: 'The health of one component, checked when asked.',
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'kubernetes, aws, prometheus, database, pubsub, ai-engine…',
    }),
    state: t.field({
      type: ComponentStateEnum,
      description: 'UP, DEGRADED, DOWN or DISABLED.',
      resolve: (c) => c.state,
    }),
    message: t.exposeString('message', { description: 'What was found, for people.' }),
    latencyMs: t.exposeInt('latencyMs', {
      description: 'How long the check took, in milliseconds.',
    }),
  }),
});

interface Health {
  status: string;
  timestamp: Date;
  version: string;
  uptime: number;
}

const HealthRef = builder.objectRef<Health>('Health').implement({
  description: 'That the API process answers (liveness); `status` checks the components.',
  fields: (t) => ({
    status: t.exposeString('status', { description: 'Always "healthy" when it answers.' }),
    timestamp: t.expose('timestamp', {
      type: 'DateTime',
      description: 'The time of the answer on the server.',
    }),
    version: t.exposeString('version', { description: 'The orchestrator version.' }),
    uptime: t.exposeFloat('uptime', { description: 'Seconds since the process started.' }),
  }),
});

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description:
    'Who a request acts as: an API token, or a person signed in with OIDC, and its role.',
  fields: (t) => ({
    name: t.exposeString('name', {
      description:
        "The principal the audit log records: the token's name, or `oidc:<subject>` for a person signed in with OIDC.",
    }),
    role: t.field({ type: RoleEnum, description: 'What it may do.', resolve: (v) => v.role }),
    displayName: t.exposeString('displayName', {
      nullable: true,
      description: "A signed-in person's name from the OIDC ID token; null for static tokens.",
    }),
  }),
});

builder.queryFields((t) => ({
  health: t.field({
    type: HealthRef,
    description: 'Liveness: answers while the process serves requests, whatever its components.',
    resolve: (_root, _args, ctx) => ({
      status: 'healthy',
      timestamp: new Date(),
      version: ctx.services.version,
      uptime: ctx.services.health.uptimeSeconds(),
    }),
  }),
  status: t.field({
    type: [ComponentStatusRef],
    description: 'One entry per component, each UP, DEGRADED, DOWN or DISABLED with a message.',
    resolve: (_root, _args, ctx) => ctx.services.health.status(),
  }),
  viewer: t.field({
    type: ViewerRef,
    description: 'Who this request acts as.',
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),

  apiTokens: t.field({
    type: [ViewerRef],
    description: 'The names and roles of the accepted API tokens (admin only; never secrets).',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => ctx.services.auth.list(),
  }),
}));
