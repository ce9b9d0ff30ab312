import type { ObjectFieldsShape } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { decodeGlobalIdOf } from './global-id.ts';
import { mayRun } from '../actions/policy.ts';

import { parseLabelSelector } from '../providers/labels.ts';
import {
  RESOURCE_STATES,
  type ActionVerb,
  type Resource,
  type ResourceEvent,
  type ResourceFilter,
  type ResourceKind,
} from '../providers/provider.ts';
import type { DeliveredEvent } from '../cursor-stream.ts';
import { RESOURCE_TOPIC } from '../eventlog.ts';
import { afterArg, eventOf, streamFields, subscribeLogged } from './streams.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { connectionOf, pageRequest, type Page } from './pagination.ts';
import { MEMOIZE_GLOBAL_ID } from './sync-node-ids.ts';

export const ProviderEnum = builder.enumType('Provider', {
  values: ['KUBERNETES', 'AWS'] as const,
});

export const ResourceKindEnum = builder.enumType('ResourceKind', {
  values: [
    'NAMESPACE',
    'NODE',
    'POD',
    'DEPLOYMENT',
    'STATEFULSET',
    'DAEMONSET',
    'REPLICASET',
    'SERVICE',
    'HORIZONTAL_POD_AUTOSCALER',
    'EC2_INSTANCE',
    'EBS_VOLUME',
    'RDS_INSTANCE',
    'AUTO_SCALING_GROUP',
  ] as const satisfies readonly ResourceKind[],
});

export const ResourceStateEnum = builder.enumType('ResourceState', { values: RESOURCE_STATES });

export const ActionVerbEnum = builder.enumType('ActionVerb', {
  values: {
    SCALE: { value: 'scale' },
    START: { value: 'start' },
    STOP: { value: 'stop' },
    RESTART: { value: 'restart' },
    REBOOT: { value: 'reboot' },
    DELETE: { value: 'delete' },
    CORDON: { value: 'cordon' },
    UNCORDON: { value: 'uncordon' },
    PATCH: { value: 'patch' },
    CREATE: { value: 'create' },
  } as const satisfies Record<string, { value: ActionVerb }>,
});

const LabelRef = builder.objectRef<[string, string]>('Label').implement({
  fields: (t) => ({
    key: t.string({ resolve: ([k]) => k }),
    value: t.string({ resolve: ([, v]) => v }),
  }),
});

export const ResourceInterface = builder.interfaceRef<Resource>('Resource').implement({
  description: 'Anything the orchestrator watches: one concrete type per kind.',
  interfaces: [builder.nodeInterfaceRef()],
  // By kind, at once: without it every abstract value asks each kind's isTypeOf in turn.
  resolveType: (r) => typeNameOfKind.get(r.kind),
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (r) => r.provider }),
    kind: t.field({ type: ResourceKindEnum, resolve: (r) => r.kind }),
    cluster: t.exposeString('cluster', { description: 'Kubernetes context, or AWS region.' }),
    namespace: t.exposeString('namespace', { nullable: true }),
    name: t.exposeString('name'),
    state: t.field({ type: ResourceStateEnum, resolve: (r) => r.state }),
    labels: t.field({
      type: [LabelRef],
      description: 'Kubernetes labels, or AWS tags.',
      resolve: (r) => Object.entries(r.labels),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true }),
    actions: t.field({
      type: [ActionVerbEnum],
      description: 'The actions the viewer may take on this resource (role and kind).',
      resolve: (r, _args, ctx) => {
        const provider = ctx.services.providers.providerOf(r);
        return (provider?.verbs(r) ?? []).filter((v) => mayRun(ctx.viewer.role, v));
      },
    }),
  }),
});

const typeNameOfKind = new Map<ResourceKind, string>();

/** The opaque global id of a resource, as `node(id)` takes it. */
export function resourceGlobalId(kind: ResourceKind, id: string): string {
  return encodeGlobalID(typeNameOfKind.get(kind) ?? 'Resource', id);
}

/** The provider id inside a resource's global id; a malformed one is a ValidationError. */
export function decodeResourceId(globalId: string, path = 'id'): string {
  return decodeGlobalIdOf(
    globalId,
    (typename) => typename === 'Resource' || [...typeNameOfKind.values()].includes(typename),
    'the id of a resource',
    path,
  );
}

/**
 * Declares the GraphQL type of one resource kind: a Relay node implementing Resource, loaded
 * from the provider caches by its stable id. Providers' GraphQL files call this.
 */
export function resourceNode<T>(
  name: string,
  kind: ResourceKind,
  options: {
    description?: string;
    fields: ObjectFieldsShape<BuilderTypes, Resource<T>>;
  },
) {
  const ref = builder.objectRef<Resource<T>>(name);
  typeNameOfKind.set(kind, name);
  builder.node(ref, {
    description: options.description,
    // Cached resources are replaced on every change, never edited: ids can be kept per object.
    extensions: { [MEMOIZE_GLOBAL_ID]: true },
    interfaces: [ResourceInterface],
    isTypeOf: (value) => (value as Resource).kind === kind,
    id: { resolve: (r) => r.id },
    loadOne: (id, ctx) => {
      const r = ctx.services.providers.get(id);
      return r && r.kind === kind ? (r as Resource<T>) : null;
    },
    fields: options.fields,
  });
  return ref;
}

const ResourceFilterInput = builder.inputType('ResourceFilter', {
  fields: (t) => ({
    providers: t.field({ type: [ProviderEnum], required: false }),
    kinds: t.field({ type: [ResourceKindEnum], required: false }),
    clusters: t.stringList({ required: false }),
    namespaces: t.stringList({ required: false }),
    names: t.stringList({ required: false }),
    states: t.field({ type: [ResourceStateEnum], required: false }),
    search: t.string({ required: false, description: 'Case-insensitive part of the name.' }),
    labelSelector: t.string({
      required: false,
      description: 'Kubernetes label selector, e.g. `app=web,tier in (a,b),!legacy` (tags on AWS).',
    }),
  }),
});

type FilterArg = {
  [K in keyof ResourceFilter]?: ResourceFilter[K] | null;
};

function toFilter(input: FilterArg | null | undefined): ResourceFilter {
  const f: ResourceFilter = {};
  for (const [k, v] of Object.entries(input ?? {})) {
    if (v !== null && v !== undefined) (f as Record<string, unknown>)[k] = v;
  }
  if (f.labelSelector) parseLabelSelector(f.labelSelector); // ValidationError before any work
  return f;
}

const ProviderFailureRef = builder
  .objectRef<{ provider: string; cluster: string; message: string }>('ProviderFailure')
  .implement({
    description: 'A cluster or region that could not be read; the rest of the answer stands.',
    fields: (t) => ({
      provider: t.exposeString('provider'),
      cluster: t.exposeString('cluster'),
      message: t.exposeString('message'),
    }),
  });

const ResourceEdgeRef = builder
  .objectRef<{ cursor: string; node: Resource }>('ResourceEdge')
  .implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: ResourceInterface, resolve: (e) => e.node }),
    }),
  });

type ResourcePage = Page<Resource> & {
  failures: { provider: string; cluster: string; message: string }[];
};

const ResourceConnectionRef = builder.objectRef<ResourcePage>('ResourceConnection').implement({
  fields: (t) => ({
    edges: t.field({ type: [ResourceEdgeRef], resolve: (c) => c.edges }),
    pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (c) => c.pageInfo }),
    totalCount: t.exposeInt('totalCount'),
    failures: t.field({
      type: [ProviderFailureRef],
      description: 'Clusters or regions left out of this answer because they failed.',
      resolve: (c) => c.failures,
    }),
  }),
});

const byId = (r: Resource) => r.id;

builder.queryFields((t) => ({
  resources: t.field({
    type: ResourceConnectionRef,
    description: 'Every watched resource, from memory; filters combine with AND.',
    args: {
      filter: t.arg({ type: ResourceFilterInput, required: false }),
      first: t.arg.int({ required: false }),
      after: t.arg.string({ required: false }),
    },
    resolve: (_root, args, ctx) => ({
      ...connectionOf(ctx.services.providers.page(toFilter(args.filter), pageRequest(args)), byId),
      failures: ctx.services.providers.failures(),
    }),
  }),
}));

const ResourceEventTypeEnum = builder.enumType('ResourceEventType', {
  values: ['ADDED', 'MODIFIED', 'DELETED'] as const,
});

/** The query that gives the current state again after a gap. */
const REFETCH = 'resources';

const ResourceEventRef = builder
  .objectRef<DeliveredEvent<ResourceEvent>>('ResourceEvent')
  .implement({
    fields: (t) => ({
      type: t.field({ type: ResourceEventTypeEnum, resolve: (e) => e.payload.type }),
      resource: t.field({ type: ResourceInterface, resolve: (e) => e.payload.resource }),
      timestamp: t.field({ type: 'DateTime', resolve: (e) => e.payload.timestamp }),
      ...streamFields(t, REFETCH),
    }),
  });

/** Live events held for one slow subscriber; past them it reads on from the event log. */
const RESOURCE_EVENT_BUFFER = 1_000;

builder.subscriptionFields((t) => ({
  resourceEvents: t.field({
    type: ResourceEventRef,
    description:
      'ADDED / MODIFIED / DELETED from the watch caches, filtered per subscriber, each exactly ' +
      'once and in order on every replica; `after` resumes from a cursor. Events older than the ' +
      'retention are reported as a `gap`, never dropped silently.',
    args: { filter: t.arg({ type: ResourceFilterInput, required: false }), after: afterArg(t.arg) },
    subscribe: (_root, args, ctx) => {
      const matches = ctx.services.providers.matcher(toFilter(args.filter));
      return subscribeLogged<ResourceEvent>(ctx, {
        topic: RESOURCE_TOPIC,
        after: args.after,
        keep: (e) => matches(e.resource),
        buffer: RESOURCE_EVENT_BUFFER,
      });
    },
    resolve: (d) => eventOf(d, REFETCH),
  }),
}));
