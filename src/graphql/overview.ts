import { AUDIT_TOPIC } from '../actions/pipeline.ts';
import type { Count, OpenRecommendations, Overview, Part, ResourceCounts } from '../overview.ts';
import { boundedStream } from '../streams.ts';
import { AuditEventRef } from './audit.ts';
import { builder } from './builder.ts';
import { CurrentMetricsRef } from './metrics-usage.ts';
import { METRICS_TOPIC } from '../metrics/setup.ts';
import { RECOMMENDATION_TOPIC } from '../recommendations/engine.ts';
import { ComponentStatusRef } from './status.ts';
import { ResourcePredictionRef } from './predictions.ts';
import { RecommendationRef } from './recommendations.ts';

/** A store-backed part: its value, or its failure as this field's error (the field is null). */
function unwrap<T>(p: Part<T>): T {
  if (p instanceof Error) throw p;
  return p;
}

const CountRef = builder.objectRef<Count>('Count').implement({
  description: 'How many resources share one value (a provider, a kind or a state).',
  fields: (t) => ({
    key: t.exposeString('key', {
      description: 'The value: a Provider, ResourceKind or ResourceState name.',
    }),
    count: t.exposeInt('count', { description: 'How many resources have it (at least 1).' }),
  }),
});

const ResourceCountsRef = builder.objectRef<ResourceCounts>('ResourceCounts').implement({
  description: 'Every watched resource counted, from the watch caches.',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'All of them.' }),
    byProvider: t.field({
      type: [CountRef],
      description: 'Per provider.',
      resolve: (c) => c.byProvider,
    }),
    byKind: t.field({ type: [CountRef], description: 'Per kind.', resolve: (c) => c.byKind }),
    byState: t.field({ type: [CountRef], description: 'Per state.', resolve: (c) => c.byState }),
  }),
});

const OpenRecommendationsRef = builder
  .objectRef<OpenRecommendations>('OverviewRecommendations')
  .implement({
    description: 'OPEN recommendations: how many, what they would save, the biggest few.',
    fields: (t) => ({
      count: t.exposeInt('count', { description: 'OPEN recommendations in all.' }),
      totalMonthlySavings: t.exposeFloat('totalMonthlySavings', { description: 'USD/month.' }),
      top: t.field({
        type: [RecommendationRef],
        description: 'The 5 with the largest estimated savings, largest first.',
        resolve: (r) => r.top,
      }),
    }),
  });

export const OverviewRef = builder.objectRef<Overview>('Overview').implement({
  description: 'System status, resource counts and recent actions, for a dashboard front page.',
  fields: (t) => ({
    generatedAt: t.field({
      type: 'DateTime',
      description: 'When this overview was built.',
      resolve: (o) => o.generatedAt,
    }),
    status: t.field({
      type: [ComponentStatusRef],
      description: 'Each component of the orchestrator (as `status`).',
      resolve: (o) => o.status,
    }),
    resources: t.field({
      type: ResourceCountsRef,
      description: 'Every watched resource counted.',
      resolve: (o) => o.resources,
    }),
    recentActions: t.field({
      type: [AuditEventRef],
      nullable: true,
      description: 'The latest actions; null (with an error) when the audit store cannot be read.',
      resolve: (o) => unwrap(o.recentActions),
    }),
    metrics: t.field({
      type: CurrentMetricsRef,
      nullable: true,
      description: 'Current usage vs requests vs capacity per cluster, from the latest collection.',
      resolve: (o) => o.metrics,
    }),
    recommendations: t.field({
      type: OpenRecommendationsRef,
      nullable: true,
      description:
        'Open advice and its savings; null (with an error) when the store cannot be read.',
      resolve: (o) => unwrap(o.recommendations),
    }),
    predictions: t.field({
      type: [ResourcePredictionRef],
      description:
        'The 10 workloads with the highest forecast CPU at the horizon (Holt linear); empty until the first forecast is ready.',
      resolve: (o) => o.predictions,
    }),
  }),
});

builder.queryFields((t) => ({
  overview: t.field({
    type: OverviewRef,
    description:
      'A dashboard front page in one answer; a part backed by a store that fails is null with an error, the rest stands.',
    resolve: (_root, _args, ctx) => ctx.services.overview.get(ctx.scope),
  }),
}));

/** Changes closer together than this are pushed as one fresh overview. */
const DEBOUNCE_MS = 1000;

builder.subscriptionFields((t) => ({
  overview: t.field({
    type: OverviewRef,
    description:
      `A fresh overview whenever a resource or an action changes (at most one per ${DEBOUNCE_MS} ms), ` +
      'the current one first. Latest value, no cursor: each overview supersedes the ones before ' +
      'it, so a slow subscriber holds only the newest and a new subscription starts from now.',
    subscribe: (_root, _args, ctx) =>
      boundedStream<Overview>(
        (push) => {
          let timer: NodeJS.Timeout | undefined;
          const changed = () => {
            timer ??= setTimeout(() => {
              timer = undefined;
              ctx.services.overview.get(ctx.scope).then(push, () => {});
            }, DEBOUNCE_MS);
          };
          const offResources = ctx.services.providers.onEvent(changed);
          const offAudit = ctx.services.events.listen(AUDIT_TOPIC, changed);
          const offMetrics = ctx.services.fanout.subscribe(METRICS_TOPIC, changed);
          const offRecommendations = ctx.services.events.listen(RECOMMENDATION_TOPIC, changed);
          void ctx.services.overview.get(ctx.scope).then(push, () => {});
          return () => {
            clearTimeout(timer);
            offResources();
            offAudit();
            offMetrics();
            offRecommendations();
          };
        },
        { max: 1 },
      ),
    resolve: (o) => o,
  }),
}));
