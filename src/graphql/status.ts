import { builder } from './builder.ts';
import type { ComponentReport } from '../health.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ROLES } from '../config.ts';

const ComponentStateEnum = builder.enumType('ComponentState', {
  values: ['UP', 'DEGRADED', 'DOWN', 'DISABLED'] as const,
});

export const RoleEnum = builder.enumType('Role', {
  values: Object.fromEntries(ROLES.map((r) => [r.toUpperCase(), { value: r }])) as Record<
    'VIEWER' | 'OPERATOR' | 'ADMIN',
    { value: Viewer['role'] }
  >,
});

export const ComponentStatusRef = builder.objectRef<ComponentReport>('ComponentStatus').implement({
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'kubernetes, aws, prometheus, database, pubsub, ai-engine…',
    }),
    state: t.field({ type: ComponentStateEnum, resolve: (c) => c.state }),
    message: t.exposeString('message'),
    latencyMs: t.exposeInt('latencyMs'),
  }),
});

interface Health {
  status: string;
  timestamp: Date;
  version: string;
  uptime: number;
}

const HealthRef = builder.objectRef<Health>('Health').implement({
  fields: (t) => ({
    status: t.exposeString('status'),
    timestamp: t.expose('timestamp', { type: 'DateTime' }),
    version: t.exposeString('version'),
    uptime: t.exposeFloat('uptime', { description: 'Seconds since the process started.' }),
  }),
});

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    role: t.field({ type: RoleEnum, resolve: (v) => v.role }),
  }),
});

builder.queryFields((t) => ({
  health: t.field({
    type: HealthRef,
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
  viewer: t.field({ type: ViewerRef, resolve: (_root, _args, ctx) => ctx.viewer }),
  apiTokens: t.field({
    type: [ViewerRef],
    description: 'The names and roles of the accepted API tokens (admin only; never secrets).',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => ctx.services.auth.list(),
  }),
}));
