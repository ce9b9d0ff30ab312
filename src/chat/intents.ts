import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_STATUSES } from '../audit/types.ts';
import { RESOURCE_STATES, type ResourceKind } from '../providers/provider.ts';

/** Everything the chat understands. Read-only intents answer at once; the rest become plans. */
export const INTENTS = [
  'help',
  'list_resources',
  'describe_resource',
  'top_usage',
  'resource_usage',
  'status',
  'overview',
  'list_recommendations',
  'audit_log',
  'scale',
  'scale_relative',
  'stop',
  'start',
  'restart',
  'delete',
  'cordon',
  'uncordon',
  'apply_recommendation',
  'reject_recommendation',
  'revert',
  'create',
  'confirm',
  'cancel',
  'unknown',
] as const;
export type IntentName = (typeof INTENTS)[number];

/** Intents that change something and therefore produce a plan and need a confirmation. */
export const MUTATING: ReadonlySet<IntentName> = new Set([
  'scale',
  'scale_relative',
  'stop',
  'start',
  'restart',
  'delete',
  'cordon',
  'uncordon',
  'apply_recommendation',
  'reject_recommendation',
  'revert',
  'create',
]);

export const KINDS = [
  'NAMESPACE',
  'NODE',
  'POD',
  'DEPLOYMENT',
  'STATEFULSET',
  'DAEMONSET',
  'REPLICASET',
  'SERVICE',
  'HORIZONTAL_POD_AUTOSCALER',
  'PERSISTENT_VOLUME',
  'PERSISTENT_VOLUME_CLAIM',
  'EC2_INSTANCE',
  'EBS_VOLUME',
  'RDS_INSTANCE',
  'AUTO_SCALING_GROUP',
] as const satisfies readonly ResourceKind[];

export const TEMPLATES = ['redis', 'postgres', 'nginx', 'deployment'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

const dnsName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, 'a DNS-style name');

/**
 * The entities of a request. The built-in parser and the optional LLM both produce exactly
 * this, and both are checked by the same schema, so a model cannot smuggle in anything else.
 */
export const EntitiesSchema = z.strictObject({
  kind: z.enum(KINDS).optional(),
  namespace: dnsName.optional(),
  cluster: z.string().min(1).max(253).optional(),
  /** As written (possibly misspelled, partial); the resolver finds the real resource. */
  name: z.string().min(1).max(253).optional(),
  /** "scale frontend and cart to 3": several names, each resolved as `name` is; a plan each. */
  names: z.array(z.string().min(1).max(253)).min(2).max(20).optional(),
  /**
   * What the conversation last showed or acted on: "previous" for it/that (one resource),
   * "all" for them/those/both (every one of them).
   */
  reference: z.enum(['previous', 'all']).optional(),
  /** "the second one": a position in what the conversation last showed (-1: the last). */
  ordinal: z.number().int().min(-1).max(100).optional(),
  /** "except web", "not the one in prod": names or namespaces to leave out. */
  except: z.array(z.string().min(1).max(253)).max(20).optional(),
  replicas: z.number().int().min(0).max(10_000).optional(),
  delta: z.number().int().min(-10_000).max(10_000).optional(),
  label: z
    .string()
    .max(500)
    .regex(/^[A-Za-z0-9_./!=,()\s-]+$/, 'a label selector')
    .optional(),
  state: z.enum(RESOURCE_STATES).optional(),
  /** "pods that are not running": every state but this one. */
  notState: z.enum(RESOURCE_STATES).optional(),
  metric: z.enum(['cpu', 'memory', 'network']).optional(),
  /** ISO 8601 duration, e.g. PT1H. */
  period: z
    .string()
    .regex(/^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?)?$/, 'an ISO 8601 duration')
    .optional(),
  recommendation: z.number().int().min(1).max(10_000).optional(),
  template: z.enum(TEMPLATES).optional(),
  image: z
    .string()
    .max(300)
    .regex(/^[a-z0-9][a-z0-9._/:@-]*$/, 'a container image reference')
    .optional(),
  port: z.number().int().min(1).max(65_535).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  status: z.enum(AUDIT_STATUSES).optional(),
  actor: z.string().min(1).max(100).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
export type Entities = z.infer<typeof EntitiesSchema>;

export const InterpretationSchema = z.strictObject({
  intent: z.enum(INTENTS),
  confidence: z.number().min(0).max(1),
  entities: EntitiesSchema,
});
export type Interpretation = z.infer<typeof InterpretationSchema>;

/** What a conversation remembers between messages (stored as JSON). */
export interface Memory {
  lastIntent?: IntentName | undefined;
  lastEntities?: Entities | undefined;
  /**
   * Provider ids of what the last answer showed or acted on, in the order shown: a list's rows,
   * the resource described, a plan's targets, or the candidates of a question.
   */
  lastTargets?: string[] | undefined;
  /** The last answer asked which of `lastTargets` was meant: the next message may pick one. */
  asked?: boolean | undefined;
}
