import type {
  MetricPrediction,
  PredictedPoint,
  ResourcePrediction,
} from '../recommendations/predictions.ts';
import { PredictionService } from '../recommendations/predictions.ts';
import { builder } from './builder.ts';
import { MetricNameEnum } from './metrics.ts';
import { ResourceInterface } from './resources.ts';

const PredictedPointRef = builder.objectRef<PredictedPoint>('PredictedPoint').implement({
  description: 'The forecast for one future step, with its 80 % interval.',
  fields: (t) => ({
    timestamp: t.field({
      type: 'DateTime',
      description: 'The future step it is for.',
      resolve: (p) => p.timestamp,
    }),
    value: t.exposeFloat('value', { description: 'The forecast (never below 0).' }),
    lower: t.exposeFloat('lower', { description: 'Lower bound of the 80 % interval.' }),
    upper: t.exposeFloat('upper', { description: 'Upper bound of the 80 % interval.' }),
  }),
});

const MetricPredictionRef = builder.objectRef<MetricPrediction>('MetricPrediction').implement({
  description: "One metric's forecast and the fitted model behind it.",
  fields: (t) => ({
    name: t.field({
      type: MetricNameEnum,
      description: 'CPU_USAGE or MEMORY_USAGE.',
      resolve: (m) => m.name,
    }),
    unit: t.exposeString('unit', { description: 'cores or bytes.' }),
    samples: t.exposeInt('samples', { description: 'History points fitted.' }),
    last: t.exposeFloat('last', { description: 'The last observed value.' }),
    lastAt: t.field({
      type: 'DateTime',
      description: 'When the last observed value was measured.',
      resolve: (m) => m.lastAt,
    }),
    alpha: t.exposeFloat('alpha', { description: 'Level smoothing, chosen by least squares.' }),
    beta: t.exposeFloat('beta', { description: 'Trend smoothing, chosen by least squares.' }),
    rmse: t.exposeFloat('rmse', { description: 'RMS of the one-step-ahead errors.' }),
    trendPerHour: t.exposeFloat('trendPerHour', { description: 'Fitted trend, unit per hour.' }),
    points: t.field({
      type: [PredictedPointRef],
      description: 'One per step up to the horizon, oldest first.',
      resolve: (m) => m.points,
    }),
  }),
});

export const ResourcePredictionRef = builder
  .objectRef<ResourcePrediction>('ResourcePrediction')
  .implement({
    description:
      "Short-term CPU and memory forecast of one resource by Holt's linear method (double " +
      'exponential smoothing) over its recent history; see README "Predictions".',
    fields: (t) => ({
      target: t.field({
        type: ResourceInterface,
        nullable: true,
        description: 'null if it vanished since the forecast was made.',
        resolve: (p, _a, ctx) => ctx.services.providers.get(p.targetId) ?? null,
      }),
      method: t.exposeString('method', { description: 'The model: `holt-linear`.' }),
      generatedAt: t.field({
        type: 'DateTime',
        description: 'When the forecast was made.',
        resolve: (p) => p.generatedAt,
      }),
      historyHours: t.exposeInt('historyHours', {
        description: 'Hours of history it was fitted on.',
      }),
      stepSeconds: t.exposeInt('stepSeconds', {
        description: 'Seconds between history and forecast points.',
      }),
      horizonHours: t.exposeInt('horizonHours', { description: 'Hours ahead it forecasts.' }),

      cpu: t.field({
        type: MetricPredictionRef,
        nullable: true,
        description: 'Cores; null without enough history.',
        resolve: (p) => p.cpu,
      }),
      memory: t.field({
        type: MetricPredictionRef,
        nullable: true,
        description: 'Working-set bytes; null without enough history (always for EC2).',
        resolve: (p) => p.memory,
      }),
    }),
  });

builder.interfaceField(ResourceInterface, 'predictions', (t) =>
  t.field({
    type: ResourcePredictionRef,
    nullable: true,
    description:
      'Forecast CPU and memory for the next hours (Deployments, StatefulSets, DaemonSets, running ' +
      'EC2 instances; null for other kinds). Shared by every reader, refreshed every few minutes.',
    resolve: (r, _a, ctx) =>
      PredictionService.supports(r) ? ctx.services.predictions.get(r.id) : null,
  }),
);
