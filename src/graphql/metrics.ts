import DataLoader from 'dataloader';
import type { Resource } from '../providers/provider.ts';
import type { MetricSample } from '../metrics/hub.ts';
import type { ProcessUsage } from '../metrics/process.ts';
import type { ClusterUsage, CurrentMetrics, ResourceUsage } from '../metrics/service.ts';
import {
  METRIC_NAMES,
  UNITS,
  type MetricName,
  type Series,
  type TimeWindow,
} from '../metrics/types.ts';
import { timeWindow, type RangeArgs } from '../metrics/window.ts';
import { sampleKey } from '../metrics/hub.ts';
import { boundedStream } from '../streams.ts';
import { builder, type BuilderTypes } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { perExecution } from './execution-cache.ts';
import { decodeResourceId, ResourceInterface } from './resources.ts';

export const MetricNameEnum = builder.enumType('MetricName', {
  values: METRIC_NAMES,
  description:
    'CPU in cores, memory in bytes, network in bytes/s. Requests and limits are summed over a ' +
    "target's pods; capacity is node allocatable (nodes and clusters only).",
});

const DEFAULT_NAMES: MetricName[] = [
  'CPU_USAGE',
  'MEMORY_USAGE',
  'NETWORK_RECEIVE',
  'NETWORK_TRANSMIT',
];

interface SeriesOut extends Series {
  target: Resource;
}

const MetricPointRef = builder.objectRef<{ t: number; v: number }>('MetricPoint').implement({
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', resolve: (p) => new Date(p.t) }),
    value: t.float({ resolve: (p) => p.v }),
  }),
});

const MetricSeriesRef = builder.objectRef<SeriesOut>('MetricSeries').implement({
  fields: (t) => ({
    target: t.field({ type: ResourceInterface, resolve: (s) => s.target }),
    name: t.field({ type: MetricNameEnum, resolve: (s) => s.name }),
    unit: t.string({ resolve: (s) => UNITS[s.name] }),
    points: t.field({ type: [MetricPointRef], resolve: (s) => s.points }),
  }),
});

const MetricRangeInput = builder.inputType('MetricRangeInput', {
  description: 'Either `last` (a duration back from now) or `from`/`to` (to defaults to now).',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: false }),
    to: t.field({ type: 'DateTime', required: false }),
    last: t.field({ type: 'Duration', required: false }),
  }),
});

/**
 * One "now" per execution (an operation, or one event of a subscription), so every
 * Resource.metrics of a page shares one window (one batch) and a later event sees later data.
 */
const executionNow = perExecution(() => Date.now());
type SeriesLoader = DataLoader<Resource, SeriesOut[], string>;
const loaders = perExecution(() => new Map<string, SeriesLoader>());

function windowFor(ctx: GraphQLContext, range: RangeArgs | null | undefined, step?: string | null) {
  return timeWindow(range, step, ctx.services.metrics.intervalMs, executionNow(ctx));
}

/** Per execution and argument set: every resource of a page in one `series` call. */
function seriesLoader(ctx: GraphQLContext, names: MetricName[], w: TimeWindow): SeriesLoader {
  const byArgs = loaders(ctx);
  const key = JSON.stringify([names, w]);
  let loader = byArgs.get(key);
  if (!loader) {
    loader = new DataLoader<Resource, SeriesOut[], string>(
      async (targets) => {
        const series = await ctx.services.metrics.series([...targets], names, w);
        const byTarget = new Map<string, SeriesOut[]>();
        for (const s of series) {
          const target = targets.find((t) => t.id === s.targetId);
          if (!target) continue;
          byTarget.set(s.targetId, [...(byTarget.get(s.targetId) ?? []), { ...s, target }]);
        }
        return targets.map((t) => byTarget.get(t.id) ?? []);
      },
      { cacheKeyFn: (r) => r.id, maxBatchSize: 1000 },
    );
    byArgs.set(key, loader);
  }
  return loader;
}

builder.queryFields((t) => ({
  metrics: t.field({
    type: [MetricSeriesRef],
    nullable: true,
    description:
      'History of each metric of each target (default: the last hour, about 240 points, usage ' +
      'metrics). More than 11,000 points per series, from after to, or an unknown target: ' +
      'VALIDATION_FAILED. A metric backend that fails: null with PROVIDER_ERROR naming it.',
    args: {
      targets: t.arg.idList({ required: true }),
      names: t.arg({ type: [MetricNameEnum], required: false }),
      range: t.arg({ type: MetricRangeInput, required: false }),
      step: t.arg({ type: 'Duration', required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const ids = args.targets.map((g, i) => decodeResourceId(String(g), `targets[${i}]`));
      const targets = ctx.services.metrics.resolve(ids);
      const names = args.names ?? DEFAULT_NAMES;
      const w = windowFor(ctx, args.range, args.step);
      const series = await ctx.services.metrics.series(targets, names, w);
      const byId = new Map(targets.map((r) => [r.id, r]));
      return series.flatMap((s) => {
        const target = byId.get(s.targetId);
        return target ? [{ ...s, target }] : [];
      });
    },
  }),
}));

builder.interfaceField(ResourceInterface, 'metrics', (t) =>
  t.field({
    type: [MetricSeriesRef],
    nullable: true,
    description:
      'History of this resource; a page of resources costs one backend query per metric. ' +
      'Null with a PROVIDER_ERROR when the metric backend fails (the rest of the answer stands).',
    args: {
      names: t.arg({ type: [MetricNameEnum], required: false }),
      range: t.arg({ type: MetricRangeInput, required: false }),
      step: t.arg({ type: 'Duration', required: false }),
    },
    resolve: (r, args, ctx) =>
      seriesLoader(ctx, args.names ?? DEFAULT_NAMES, windowFor(ctx, args.range, args.step)).load(r),
  }),
);

function usageFields<U extends ResourceUsage>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, U>,
) {
  const value = (name: MetricName, description?: string) =>
    t.float({ nullable: true, description, resolve: (u) => u.values[name] ?? null });
  return {
    timestamp: t.field({ type: 'DateTime', resolve: (u) => u.timestamp }),
    cpuUsage: value('CPU_USAGE', 'Cores.'),
    memoryUsage: value('MEMORY_USAGE', 'Working set, bytes.'),
    networkReceive: value('NETWORK_RECEIVE', 'Bytes/s.'),
    networkTransmit: value('NETWORK_TRANSMIT', 'Bytes/s.'),
    cpuRequest: value('CPU_REQUEST'),
    cpuLimit: value('CPU_LIMIT', 'Summed over pods whose every container has a limit.'),
    memoryRequest: value('MEMORY_REQUEST'),
    memoryLimit: value('MEMORY_LIMIT', 'Summed over pods whose every container has a limit.'),
    cpuCapacity: value('CPU_CAPACITY', 'Allocatable cores (nodes, clusters).'),
    memoryCapacity: value('MEMORY_CAPACITY', 'Allocatable bytes (nodes, clusters).'),
    cpuRequestUtilization: t.float({
      nullable: true,
      description: 'Usage / request (1.0 = using exactly the request).',
      resolve: (u) => u.cpuRequestUtilization,
    }),
    cpuLimitUtilization: t.float({ nullable: true, resolve: (u) => u.cpuLimitUtilization }),
    memoryRequestUtilization: t.float({
      nullable: true,
      resolve: (u) => u.memoryRequestUtilization,
    }),
    memoryLimitUtilization: t.float({ nullable: true, resolve: (u) => u.memoryLimitUtilization }),
    cpuCapacityUtilization: t.float({ nullable: true, resolve: (u) => u.cpuCapacityUtilization }),
    memoryCapacityUtilization: t.float({
      nullable: true,
      resolve: (u) => u.memoryCapacityUtilization,
    }),
  };
}

const ResourceUsageRef = builder.objectRef<ResourceUsage>('ResourceUsage').implement({
  description: 'Current values from the latest collection (every METRICS_INTERVAL_SECONDS).',
  fields: (t) => usageFields(t),
});

export const ClusterUsageRef = builder.objectRef<ClusterUsage>('ClusterUsage').implement({
  description: 'A cluster now: usage against requests against allocatable capacity.',
  fields: (t) => ({ cluster: t.exposeString('cluster'), ...usageFields(t) }),
});

const ProcessUsageRef = builder.objectRef<ProcessUsage>('OrchestratorUsage').implement({
  description: "The orchestrator process's own usage.",
  fields: (t) => ({
    cpuCores: t.exposeFloat('cpuCores'),
    rssBytes: t.exposeFloat('rssBytes'),
    heapUsedBytes: t.exposeFloat('heapUsedBytes'),
    eventLoopDelayP99Ms: t.exposeFloat('eventLoopDelayP99Ms'),
  }),
});

export const CurrentMetricsRef = builder.objectRef<CurrentMetrics>('CurrentMetrics').implement({
  fields: (t) => ({
    collectedAt: t.field({ type: 'DateTime', nullable: true, resolve: (m) => m.collectedAt }),
    source: t.exposeString('source', {
      nullable: true,
      description: 'Prometheus or metrics.k8s.io: which source the latest collection came from.',
    }),
    clusters: t.field({ type: [ClusterUsageRef], resolve: (m) => m.clusters }),
    orchestrator: t.field({ type: ProcessUsageRef, resolve: (m) => m.orchestrator }),
  }),
});

builder.interfaceFields(ResourceInterface, (t) => ({
  cpuUsage: t.float({
    nullable: true,
    description: 'Cores now (pods summed for workloads, namespaces and nodes); null when unknown.',
    resolve: (r, _a, ctx) => ctx.services.metrics.hub.value(r.id, 'CPU_USAGE') ?? null,
  }),
  memoryUsage: t.float({
    nullable: true,
    description: 'Working-set bytes now; null when unknown.',
    resolve: (r, _a, ctx) => ctx.services.metrics.hub.value(r.id, 'MEMORY_USAGE') ?? null,
  }),
  usage: t.field({
    type: ResourceUsageRef,
    nullable: true,
    description:
      'Current usage, requests, limits, capacity and utilisation; null when not collected.',
    resolve: (r, _a, ctx) => ctx.services.metrics.usage(r.id),
  }),
}));

builder.queryFields((t) => ({
  clusterSummary: t.field({
    type: [ClusterUsageRef],
    description:
      'Each watched cluster now (or one, by context name): usage vs requests vs capacity.',
    args: { cluster: t.arg.string({ required: false }) },
    resolve: (_root, args, ctx) => ctx.services.metrics.clusters(args.cluster),
  }),
}));

/** A sample as one subscriber gets it: with the older samples of its key it replaced, if any. */
type DeliveredSample = MetricSample & { skipped?: number };

const MetricSampleRef = builder.objectRef<DeliveredSample>('MetricSample').implement({
  description:
    'The latest value of one metric of one target. A latest-value stream: a subscriber that ' +
    'falls behind gets the newest sample per target and metric, and `skipped` says how many ' +
    'older ones it replaced.',
  fields: (t) => ({
    target: t.field({ type: ResourceInterface, resolve: (s) => s.target }),
    name: t.field({ type: MetricNameEnum, resolve: (s) => s.name }),
    unit: t.exposeString('unit'),
    timestamp: t.field({ type: 'DateTime', resolve: (s) => s.timestamp }),
    value: t.exposeFloat('value'),
    skipped: t.int({
      description:
        'Samples of this target and metric this subscriber did not receive since its previous one: newer ones replaced them while it was behind (latest-value conflation). 0 for a subscriber that keeps up.',
      resolve: (s) => s.skipped ?? 0,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  metrics: t.field({
    type: MetricSampleRef,
    description:
      'One sample per target and metric per collection interval (the latest known value first). ' +
      'Each sample is built once and shared by every subscriber; a subscriber that falls behind ' +
      'keeps only the newest sample per target and metric (older ones are conflated away, counted in `skipped`).',
    args: {
      targets: t.arg.idList({ required: true }),
      names: t.arg({ type: [MetricNameEnum], required: false }),
    },
    subscribe: (_root, args, ctx) => {
      const ids = args.targets.map((g, i) => decodeResourceId(String(g), `targets[${i}]`));
      const targets = ctx.services.metrics.resolve(ids);
      const names = args.names ?? DEFAULT_NAMES;
      return boundedStream<DeliveredSample>(
        (push) => ctx.services.metrics.subscribe(targets, names, push),
        {
          max: targets.length * names.length,
          key: (s) => sampleKey(s.targetId, s.name),
          // A new object: the shared sample stays as every other subscriber gets it.
          conflated: (s, skipped) => ({ ...s, skipped }),
        },
      );
    },
    resolve: (s) => s,
  }),
}));
