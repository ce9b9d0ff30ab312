import type { ObjectFieldsShape } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { decodeGlobalIdOf } from './global-id.ts';

import { parseLabelSelector } from '../providers/labels.ts';
import {
  ACTION_VERBS,
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
import { connectionOf, PAGE_ARG_DOCS, pageRequest, type Page } from './pagination.ts';
import { MEMOIZE_GLOBAL_ID } from './sync-node-ids.ts';

export const ProviderEnum = builder.enumType('Provider', {
  description: 'Which provider watches a resource.',
  values: {
    KUBERNETES: { description: 'A Kubernetes cluster (a kubeconfig context).' },
    AWS: { description: 'An AWS account, one region at a time.' },
  },
});

const KIND_DOCS: Record<ResourceKind, string> = {
  NAMESPACE: 'A Kubernetes namespace.',
  NODE: 'A Kubernetes node.',
  POD: 'A Kubernetes pod.',
  DEPLOYMENT: 'A Kubernetes Deployment.',
  STATEFULSET: 'A Kubernetes StatefulSet.',
  DAEMONSET: 'A Kubernetes DaemonSet.',
  REPLICASET: 'A Kubernetes ReplicaSet.',
  SERVICE: 'A Kubernetes Service.',
  HORIZONTAL_POD_AUTOSCALER: 'A Kubernetes HorizontalPodAutoscaler (autoscaling/v2).',
  PERSISTENT_VOLUME: 'A Kubernetes PersistentVolume.',
  PERSISTENT_VOLUME_CLAIM: 'A Kubernetes PersistentVolumeClaim.',
  EC2_INSTANCE: 'An EC2 instance.',
  EBS_VOLUME: 'An EBS volume.',
  RDS_INSTANCE: 'An RDS database instance.',
  AUTO_SCALING_GROUP: 'An EC2 Auto Scaling group.',
};

export const ResourceKindEnum = builder.enumType('ResourceKind', {
  description: 'What a resource is; each kind has its own object type implementing Resource.',
  values: Object.fromEntries(
    Object.entries(KIND_DOCS).map(([k, description]) => [k, { description }]),
  ) as Record<ResourceKind, { description: string }>,
});

const STATE_DOCS: Record<(typeof RESOURCE_STATES)[number], string> = {
  RUNNING:
    'Serving as asked: a ready workload, a running pod or instance, a Ready node, an available volume.',
  PENDING: 'On its way: starting, scheduling, rolling out, or an instance booting.',
  STOPPED: 'Stopped on purpose: a workload at 0 replicas, a stopped instance.',
  FAILED: 'Broken: a failed pod, a NotReady node, an instance or database in an error state.',
  TERMINATING: 'Being deleted or shut down.',
  SUCCEEDED: 'A pod whose containers all completed successfully.',
  DEGRADED: 'Running with fewer ready replicas (or members) than asked for.',
  UNKNOWN: 'The provider does not say (or the resource is gone: RemovedResource).',
};

export const ResourceStateEnum = builder.enumType('ResourceState', {
  description: "A resource's condition, the same scale for every provider and kind.",
  values: Object.fromEntries(
    RESOURCE_STATES.map((v) => [v, { description: STATE_DOCS[v] }]),
  ) as Record<(typeof RESOURCE_STATES)[number], { description: string }>,
});

const VERB_DOCS: Record<ActionVerb, string> = {
  scale: 'Set replicas (workloads) or desired capacity (Auto Scaling groups).',
  start: 'Start: restore the replicas remembered by stop, or start an instance.',
  stop: 'Stop: scale a workload to 0 (remembering its replicas), or stop an instance.',
  restart: 'Rollout-restart a workload, or delete a controller-owned pod.',
  reboot: 'Reboot an EC2 instance or RDS instance.',
  delete: 'Delete the resource (needs its name as confirmation; never revertible).',
  cordon: 'Mark a node unschedulable.',
  uncordon: 'Mark a node schedulable again.',
  patch:
    'Change part of its spec (container resources, an instance type); used by recommendations.',
  create: 'Create objects from manifests inside a namespace (ChatOps templates).',
};

export const ActionVerbEnum = builder.enumType('ActionVerb', {
  description:
    'A verb the action pipeline runs on a resource through its provider (role: operator; delete: admin).',
  values: Object.fromEntries(
    ACTION_VERBS.map((v) => [v.toUpperCase(), { value: v, description: VERB_DOCS[v] }]),
  ) as Record<Uppercase<ActionVerb>, { value: ActionVerb; description: string }>,
});

const LabelRef = builder.objectRef<[string, string]>('Label').implement({
  description: 'One Kubernetes label or AWS tag.',
  fields: (t) => ({
    key: t.string({ description: 'Its key, e.g. `app` or `Name`.', resolve: ([k]) => k }),
    value: t.string({ description: 'Its value (may be empty).', resolve: ([, v]) => v }),
  }),
});

export const ResourceInterface = builder.interfaceRef<Resource>('Resource').implement({
  description: 'Anything the orchestrator watches: one concrete type per kind.',
  interfaces: [builder.nodeInterfaceRef()],
  // By kind, at once: without it every abstract value asks each kind's isTypeOf in turn.
  resolveType: (r) => typeNameOfKind.get(r.kind),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'Which provider watches it.',
      resolve: (r) => r.provider,
    }),
    kind: t.field({
      type: ResourceKindEnum,
      description: 'What it is (the concrete type says the same).',
      resolve: (r) => r.kind,
    }),
    cluster: t.exposeString('cluster', { description: 'Kubernetes context, or AWS region.' }),
    namespace: t.exposeString('namespace', {
      nullable: true,
      description: 'Its Kubernetes namespace; null for cluster-scoped kinds and AWS resources.',
    }),
    name: t.exposeString('name', {
      description: 'Its name (the Name tag, else the AWS id, for AWS resources).',
    }),
    state: t.field({
      type: ResourceStateEnum,
      description: 'Its condition now, from the watch cache or the last poll.',
      resolve: (r) => r.state,
    }),
    labels: t.field({
      type: [LabelRef],
      description: 'Kubernetes labels, or AWS tags.',
      resolve: (r) => Object.entries(r.labels),
    }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the provider created it; null when the provider does not say.',
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
  description: 'Which resources to return; every field given must match (AND), each list is OR.',
  fields: (t) => ({
    providers: t.field({
      type: [ProviderEnum],
      required: false,
      description: 'From any of these providers.',
    }),
    kinds: t.field({ type: [ResourceKindEnum], required: false, description: 'Of these kinds.' }),
    clusters: t.stringList({
      required: false,
      description: 'In these Kubernetes contexts or AWS regions.',
    }),
    namespaces: t.stringList({ required: false, description: 'In these namespaces (exact).' }),
    names: t.stringList({ required: false, description: 'With these names (exact).' }),
    states: t.field({
      type: [ResourceStateEnum],
      required: false,
      description: 'In these states.',
    }),
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
      provider: t.exposeString('provider', { description: 'KUBERNETES or AWS.' }),
      cluster: t.exposeString('cluster', { description: 'The context or region that failed.' }),
      message: t.exposeString('message', { description: 'Why, as the provider reported it.' }),
    }),
  });

const ResourceEdgeRef = builder
  .objectRef<{ cursor: string; node: Resource }>('ResourceEdge')
  .implement({
    description: 'One resource of a page, with its cursor.',
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        description: 'Pass as `after` to continue after this resource.',
      }),
      node: t.field({
        type: ResourceInterface,
        description: 'The resource.',
        resolve: (e) => e.node,
      }),
    }),
  });

type ResourcePage = Page<Resource> & {
  failures: { provider: string; cluster: string; message: string }[];
};

const ResourceConnectionRef = builder.objectRef<ResourcePage>('ResourceConnection').implement({
  description: 'A page of resources in id order (stable while resources come and go).',
  fields: (t) => ({
    edges: t.field({
      type: [ResourceEdgeRef],
      description: 'The resources of this page.',
      resolve: (c) => c.edges,
    }),
    pageInfo: t.field({
      type: builder.pageInfoRef(),
      description: 'Whether more follow, and the cursors.',
      resolve: (c) => c.pageInfo,
    }),
    totalCount: t.exposeInt('totalCount', {
      description: 'Every resource matching the filter (not just this page).',
    }),
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
      filter: t.arg({
        type: ResourceFilterInput,
        required: false,
        description: 'Which resources; all when absent.',
      }),
      first: t.arg.int({ required: false, description: PAGE_ARG_DOCS.first }),
      after: t.arg.string({ required: false, description: PAGE_ARG_DOCS.after }),
    },
    resolve: (_root, args, ctx) => {
      const page = ctx.services.providers.page(toFilter(args.filter), pageRequest(args));
      return {
        ...connectionOf(page, byId),
        totalCount: page.totalCount,
        failures: ctx.services.providers.failures(),
      };
    },
  }),
}));

const ResourceEventTypeEnum = builder.enumType('ResourceEventType', {
  description: 'What happened to a resource in the watch cache.',
  values: {
    ADDED: { description: 'It appeared (created, or first seen).' },
    MODIFIED: { description: 'It changed (spec, status, labels or state).' },
    DELETED: { description: 'It is gone; `resource` is its last known form.' },
  },
});

/** The query that gives the current state again after a gap. */
const REFETCH = 'resources';

const ResourceEventRef = builder
  .objectRef<DeliveredEvent<ResourceEvent>>('ResourceEvent')
  .implement({
    description: 'A change to one resource, as the watch (or the AWS poll) saw it.',
    fields: (t) => ({
      type: t.field({
        type: ResourceEventTypeEnum,
        description: 'Added, modified or deleted.',
        resolve: (e) => e.payload.type,
      }),
      resource: t.field({
        type: ResourceInterface,
        description: 'The resource after the change (before it, for DELETED).',
        resolve: (e) => e.payload.resource,
      }),
      timestamp: t.field({
        type: 'DateTime',
        description: 'When the orchestrator saw the change.',
        resolve: (e) => e.payload.timestamp,
      }),
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
    args: {
      filter: t.arg({
        type: ResourceFilterInput,
        required: false,
        description: 'Only events about matching resources.',
      }),
      after: afterArg(t.arg),
    },
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
