import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import type { ActionVerb } from '../providers/provider.ts';

/** Beyond this, a replica count is a typo, not a plan. */
export const MAX_REPLICAS = 10_000;

/** The parameters each verb accepts; anything else is refused before anything is recorded. */
const PARAMS: Record<ActionVerb, z.ZodType<Record<string, unknown>>> = {
  scale: z.strictObject({
    replicas: z
      .number({ message: 'replicas must be a number' })
      .int('replicas must be a whole number')
      .min(0, 'replicas cannot be negative')
      .max(MAX_REPLICAS, `replicas above ${MAX_REPLICAS} are refused`),
  }),
  start: z.strictObject({}),
  stop: z.strictObject({}),
  restart: z.strictObject({ force: z.boolean().optional() }),
  reboot: z.strictObject({}),
  cordon: z.strictObject({}),
  uncordon: z.strictObject({}),
  delete: z.strictObject({
    propagationPolicy: z.enum(['Foreground', 'Background', 'Orphan']).optional(),
  }),
  patch: z.strictObject({ patch: z.record(z.string(), z.unknown()) }),
};

export function validateParams(verb: ActionVerb, params: unknown): Record<string, unknown> {
  const result = PARAMS[verb].safeParse(params);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || verb,
    message: i.message,
  }));
  throw new ValidationError(
    `Invalid ${verb} input: ${fields.map((f) => f.message).join('; ')}`,
    fields,
  );
}
