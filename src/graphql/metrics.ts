import DataLoader from 'dataloader';
import type { Resource } from '../providers/provider.ts';
import type { MetricSample } from '../metrics/hub.ts';
import {
  METRIC_NAMES,
  UNITS,
  type MetricName,
  type Series,
  type TimeWindow,
} from '../metrics/types.ts';
import { MAX_POINTS, timeWindow, type RangeArgs } from '../metrics/window.ts';
import { sampleKey } from '../metrics/hub.ts';
import { boundedStream } from '../streams.ts';
import { seesSums } from '../providers/ids.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { perExecution } from './execution-cache.ts';
import { decodeResourceId, ResourceInterface } from './resources.ts';

// Metrics over time: histories (`metrics`, `Resource.metrics`) and the live `metrics` samples.
// Usage now (the latest collection) is in metrics-usage.ts.

const NAME_DOCS: Record<MetricName, string> = {
  CPU_USAGE: 'CPU in use, cores (a rate over the scrape window).',
  MEMORY_USAGE: 'Memory working set, bytes.',
  NETWORK_RECEIVE: 'Bytes received per second.',
  NETWORK_TRANSMIT: 'Bytes sent per second.',
  CPU_REQUEST: "CPU requested, cores, summed over the target's pods.",
  CPU_LIMIT: 'CPU limit, cores, summed over pods whose every container has a limit.',
  MEMORY_REQUEST: "Memory requested, bytes, summed over the target's pods.",
  MEMORY_LIMIT: 'Memory limit, bytes, summed over pods whose every container has a limit.',
  CPU_CAPACITY: 'Allocatable CPU, cores (nodes and clusters only).',
  MEMORY_CAPACITY: 'Allocatable memory, bytes (nodes and clusters only).',
};

export const MetricNameEnum = builder.enumType('MetricName', {
  values: Object.fromEntries(METRIC_NAMES.map((n) => [n, { description: NAME_DOCS[n] }])) as Record<
    MetricName,
    { description: string }
  >,
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
  description: 'One value of a series at one step.',
  fields: (t) => ({
    timestamp: t.field({
      type: 'DateTime',
      description: 'The step it is for.',
      resolve: (p) => new Date(p.t),
    }),
    value: t.float({
      description: "The value, in the series' unit.",
      resolve: (p) => p.v,
    }),
  }),
});

const MetricSeriesRef = builder.objectRef<SeriesOut>('MetricSeries').implement({
  description: 'The history of one metric of one target, one point per step (gaps left out).',
  fields: (t) => ({
    target: t.field({
      type: ResourceInterface,
      description: 'The resource measured.',
      resolve: (s) => s.target,
    }),
    name: t.field({ type: MetricNameEnum, description: 'The metric.', resolve: (s) => s.name }),
    unit: t.string({
      description: 'cores, bytes or bytes/s (fixed per metric).',
      resolve: (s) => UNITS[s.name],
    }),
    points: t.field({
      type: [MetricPointRef],
      description: 'Oldest first; steps with no sample are absent.',
      resolve: (s) => s.points,
    }),
  }),
});

const MetricRangeInput = builder.inputType('MetricRangeInput', {
  description: 'Either `last` (a duration back from now) or `from`/`to` (to defaults to now).',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: false, description: 'Start (inclusive).' }),
    to: t.field({
      type: 'DateTime',
      required: false,
      description: 'End (inclusive); default now, not before `from`.',
    }),
    last: t.field({
      type: 'Duration',
      required: false,
      description: 'This long back from now, e.g. `6h`; not with `from`/`to`.',
    }),
  }),
});

/** The descriptions of the arguments every metrics history field takes. */
const HISTORY_ARG_DOCS = {
  names: 'Which metrics (default: CPU_USAGE, MEMORY_USAGE, NETWORK_RECEIVE, NETWORK_TRANSMIT).',
  range: 'Which time span (default: the last hour).',
  step: `Time between points, e.g. \`1m\` (default: about 240 points; never finer than the collection interval; at most ${MAX_POINTS} points per series).`,
} as const;

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
      targets: t.arg.idList({
        required: true,
        description: 'The global ids of the resources to measure.',
      }),
      names: t.arg({
        type: [MetricNameEnum],
        required: false,
        description: HISTORY_ARG_DOCS.names,
      }),
      range: t.arg({
        type: MetricRangeInput,
        required: false,
        description: HISTORY_ARG_DOCS.range,
      }),
      step: t.arg({ type: 'Duration', required: false, description: HISTORY_ARG_DOCS.step }),
    },
    resolve: async (_root, args, ctx) => {
      const ids = args.targets.map((g, i) => decodeResourceId(String(g), `targets[${i}]`));
      const targets = ctx.services.metrics.resolve(ids, ctx.services.providers, ctx.scope);
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
      names: t.arg({
        type: [MetricNameEnum],
        required: false,
        description: HISTORY_ARG_DOCS.names,
      }),
      range: t.arg({
        type: MetricRangeInput,
        required: false,
        description: HISTORY_ARG_DOCS.range,
      }),
      step: t.arg({ type: 'Duration', required: false, description: HISTORY_ARG_DOCS.step }),
    },
    resolve: (r, args, ctx) =>
      seesSums(ctx.scope, r)
        ? seriesLoader(
            ctx,
            args.names ?? DEFAULT_NAMES,
            windowFor(ctx, args.range, args.step),
          ).load(r)
        : null,
  }),
);

/** A sample as one subscriber gets it: with the older samples of its key it replaced, if any. */
type DeliveredSample = MetricSample & { skipped?: number };

const MetricSampleRef = builder.objectRef<DeliveredSample>('MetricSample').implement({
  description:
    'The latest value of one metric of one target. A latest-value stream: a subscriber that ' +
    'falls behind gets the newest sample per target and metric, and `skipped` says how many ' +
    'older ones it replaced.',
  fields: (t) => ({
    target: t.field({
      type: ResourceInterface,
      description: 'The resource measured.',
      resolve: (s) => s.target,
    }),
    name: t.field({ type: MetricNameEnum, description: 'The metric.', resolve: (s) => s.name }),
    unit: t.exposeString('unit', { description: 'cores, bytes or bytes/s (fixed per metric).' }),
    timestamp: t.field({
      type: 'DateTime',
      description: 'When it was collected.',
      resolve: (s) => s.timestamp,
    }),
    value: t.exposeFloat('value', { description: 'The value, in `unit`.' }),
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
      targets: t.arg.idList({
        required: true,
        description: 'The global ids of the resources to follow.',
      }),
      names: t.arg({
        type: [MetricNameEnum],
        required: false,
        description: HISTORY_ARG_DOCS.names,
      }),
    },
    subscribe: (_root, args, ctx) => {
      const ids = args.targets.map((g, i) => decodeResourceId(String(g), `targets[${i}]`));
      const targets = ctx.services.metrics.resolve(ids, ctx.services.providers, ctx.scope);
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
