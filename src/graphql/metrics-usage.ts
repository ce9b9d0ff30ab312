import type { ProcessUsage } from '../metrics/process.ts';
import type { ClusterUsage, CurrentMetrics, ResourceUsage } from '../metrics/service.ts';
import type { MetricName } from '../metrics/types.ts';
import { seesSums } from '../providers/ids.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { ResourceInterface } from './resources.ts';

// Usage now, from the latest collection: per resource, per cluster, the orchestrator itself.
// Histories and the live samples are in metrics.ts.

function usageFields<U extends ResourceUsage>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, U>,
) {
  const value = (name: MetricName, description?: string) =>
    t.float({ nullable: true, description, resolve: (u) => u.values[name] ?? null });
  return {
    timestamp: t.field({
      type: 'DateTime',
      description: 'When these values were collected.',
      resolve: (u) => u.timestamp,
    }),
    cpuUsage: value('CPU_USAGE', 'Cores.'),
    memoryUsage: value('MEMORY_USAGE', 'Working set, bytes.'),
    networkReceive: value('NETWORK_RECEIVE', 'Bytes/s.'),
    networkTransmit: value('NETWORK_TRANSMIT', 'Bytes/s.'),
    cpuRequest: value('CPU_REQUEST', 'Requested cores, summed over pods.'),
    cpuLimit: value('CPU_LIMIT', 'Summed over pods whose every container has a limit.'),
    memoryRequest: value('MEMORY_REQUEST', 'Requested bytes, summed over pods.'),
    memoryLimit: value('MEMORY_LIMIT', 'Summed over pods whose every container has a limit.'),
    cpuCapacity: value('CPU_CAPACITY', 'Allocatable cores (nodes, clusters).'),
    memoryCapacity: value('MEMORY_CAPACITY', 'Allocatable bytes (nodes, clusters).'),
    cpuRequestUtilization: t.float({
      nullable: true,
      description: 'Usage / request (1.0 = using exactly the request).',
      resolve: (u) => u.cpuRequestUtilization,
    }),
    cpuLimitUtilization: t.float({
      nullable: true,
      description: 'CPU usage / limit; null when there is no limit or no usage.',
      resolve: (u) => u.cpuLimitUtilization,
    }),
    memoryRequestUtilization: t.float({
      nullable: true,
      description: 'Memory usage / request; null when there is no request or no usage.',
      resolve: (u) => u.memoryRequestUtilization,
    }),
    memoryLimitUtilization: t.float({
      nullable: true,
      description: 'Memory usage / limit; null when there is no limit or no usage.',
      resolve: (u) => u.memoryLimitUtilization,
    }),
    cpuCapacityUtilization: t.float({
      nullable: true,
      description: 'CPU usage / allocatable (nodes, clusters); null elsewhere or when unknown.',
      resolve: (u) => u.cpuCapacityUtilization,
    }),
    memoryCapacityUtilization: t.float({
      nullable: true,
      description: 'Memory usage / allocatable (nodes, clusters); null elsewhere or when unknown.',
      resolve: (u) => u.memoryCapacityUtilization,
    }),
  };
}

const ResourceUsageRef = builder.objectRef<ResourceUsage>('ResourceUsage').implement({
  description: 'Current values from the latest collection (every METRICS_INTERVAL_SECONDS).',
  fields: (t) => usageFields(t),
});

const ClusterUsageRef = builder.objectRef<ClusterUsage>('ClusterUsage').implement({
  description: 'A cluster now: usage against requests against allocatable capacity.',
  fields: (t) => ({
    cluster: t.exposeString('cluster', { description: 'The kubeconfig context name.' }),
    ...usageFields(t),
  }),
});

const ProcessUsageRef = builder.objectRef<ProcessUsage>('OrchestratorUsage').implement({
  description: "The orchestrator process's own usage.",
  fields: (t) => ({
    cpuCores: t.exposeFloat('cpuCores', {
      description: 'CPU used since the previous collection, in cores.',
    }),
    rssBytes: t.exposeFloat('rssBytes', { description: 'Resident set size, bytes.' }),
    heapUsedBytes: t.exposeFloat('heapUsedBytes', { description: 'V8 heap in use, bytes.' }),
    eventLoopDelayP99Ms: t.exposeFloat('eventLoopDelayP99Ms', {
      description: 'The 99th percentile event-loop delay since the previous collection, ms.',
    }),
  }),
});

export const CurrentMetricsRef = builder.objectRef<CurrentMetrics>('CurrentMetrics').implement({
  description: 'The latest collection: every cluster now, and the orchestrator itself.',
  fields: (t) => ({
    collectedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the latest collection finished; null before the first one.',
      resolve: (m) => m.collectedAt,
    }),
    source: t.exposeString('source', {
      nullable: true,
      description: 'Prometheus or metrics.k8s.io: which source the latest collection came from.',
    }),
    clusters: t.field({
      type: [ClusterUsageRef],
      description: 'Each watched cluster.',
      resolve: (m) => m.clusters,
    }),
    orchestrator: t.field({
      type: ProcessUsageRef,
      description: 'This orchestrator process.',
      resolve: (m) => m.orchestrator,
    }),
  }),
});

builder.interfaceFields(ResourceInterface, (t) => ({
  cpuUsage: t.float({
    nullable: true,
    description: 'Cores now (pods summed for workloads, namespaces and nodes); null when unknown.',
    resolve: (r, _a, ctx) =>
      seesSums(ctx.scope, r) ? (ctx.services.metrics.hub.value(r.id, 'CPU_USAGE') ?? null) : null,
  }),
  memoryUsage: t.float({
    nullable: true,
    description: 'Working-set bytes now; null when unknown.',
    resolve: (r, _a, ctx) =>
      seesSums(ctx.scope, r)
        ? (ctx.services.metrics.hub.value(r.id, 'MEMORY_USAGE') ?? null)
        : null,
  }),
  usage: t.field({
    type: ResourceUsageRef,
    nullable: true,
    description:
      'Current usage, requests, limits, capacity and utilisation; null when not collected.',
    resolve: (r, _a, ctx) => (seesSums(ctx.scope, r) ? ctx.services.metrics.usage(r.id) : null),
  }),
}));

builder.queryFields((t) => ({
  clusterSummary: t.field({
    type: [ClusterUsageRef],
    description:
      'Each watched cluster now (or one, by context name): usage vs requests vs capacity.',
    args: {
      cluster: t.arg.string({
        required: false,
        description: 'Only this context; every watched cluster when absent.',
      }),
    },
    resolve: (_root, args, ctx) => ctx.services.metrics.clusters(args.cluster, ctx.scope),
  }),
}));
