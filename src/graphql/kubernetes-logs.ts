// One container's log, read from the Kubernetes log API through the provider.
import {
  AppError,
  ForbiddenError,
  NotFoundError,
  ProviderError,
  ValidationError,
} from '../errors.ts';
import { LogsUnavailableError } from '../providers/kubernetes/errors.ts';
import type { PodLogText } from '../providers/kubernetes/reads.ts';
import { ErrorInterface } from './base.ts';
import { builder } from './builder.ts';
import { decodeGlobalIdOf } from './global-id.ts';
import { PodRef } from './kubernetes.ts';
import { kube } from './kubernetes-parts.ts';

builder.objectType(LogsUnavailableError, {
  name: 'LogsUnavailableError',
  description:
    'The node the pod runs on cannot serve its logs (a virtual node, a kubelet that is down).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof LogsUnavailableError,
  fields: (t) => ({
    node: t.string({
      nullable: true,
      description: 'The node that could not serve them; null when the pod is not scheduled.',
      resolve: (e) => e.node,
    }),
  }),
});

const PodLogsRef = builder.objectRef<PodLogText>('PodLogs').implement({
  description: 'A snapshot of one container log, at most POD_LOGS_MAX_BYTES of it.',
  isTypeOf: (v) => !(v instanceof AppError),
  fields: (t) => ({
    pod: t.field({ type: PodRef, description: 'The pod.', resolve: (l) => l.pod }),
    container: t.exposeString('container', { description: 'The container the log is of.' }),
    text: t.exposeString('text', { description: 'The log as the kubelet returned it.' }),
    lines: t.stringList({
      description: 'The same text split into lines (no trailing empty line).',
      resolve: (l) => (l.text ? l.text.replace(/\n$/, '').split('\n') : []),
    }),
    truncated: t.exposeBoolean('truncated', {
      description:
        'The log went on past POD_LOGS_MAX_BYTES: `text` is its first that many bytes (the last ' +
        'line may be cut). Ask for less with tailLines or sinceSeconds to see the end.',
    }),
  }),
});

const MAX_TAIL = 100_000;

builder.queryFields((t) => ({
  podLogs: t.field({
    type: PodLogsRef,
    // Thrown AppErrors become union members (a returned Error would fail the field).
    errors: {
      types: [NotFoundError, ForbiddenError, ValidationError, LogsUnavailableError, ProviderError],
      directResult: true,
      union: {
        name: 'PodLogsResult',
        description: 'The log, or why it could not be read.',
      },
    },
    description: 'The log of one container of a pod, from the Kubernetes log API (no follow).',
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the Pod.' }),
      container: t.arg.string({ required: false, description: 'Default: the first container.' }),
      tailLines: t.arg.int({
        required: false,
        description: `Only the last lines, 0 to ${MAX_TAIL}; the whole log when absent.`,
      }),
      sinceSeconds: t.arg.int({
        required: false,
        description: 'Only lines written in the last this many seconds (>= 1).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const id = decodeGlobalIdOf(String(args.id), (t) => t === 'Pod', 'a Pod id');
      if (args.tailLines != null && (args.tailLines < 0 || args.tailLines > MAX_TAIL)) {
        throw new ValidationError(`tailLines must be from 0 to ${MAX_TAIL}`, [
          { path: 'tailLines', message: 'out of range' },
        ]);
      }
      if (args.sinceSeconds != null && args.sinceSeconds < 1) {
        throw new ValidationError('sinceSeconds must be positive', [
          { path: 'sinceSeconds', message: 'must be >= 1' },
        ]);
      }
      const provider = kube(ctx);
      if (!provider) throw new NotFoundError('Kubernetes is not configured');
      return provider.podLogs(
        id,
        {
          container: args.container ?? undefined,
          tailLines: args.tailLines ?? undefined,
          sinceSeconds: args.sinceSeconds ?? undefined,
        },
        ctx.viewer,
      );
    },
  }),
}));
