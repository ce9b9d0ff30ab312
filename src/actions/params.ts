import { z } from 'zod';
import { canonicalJson, sha256 } from '../audit/chain.ts';
import { ValidationError } from '../errors.ts';
import type { ActionVerb } from '../providers/provider.ts';

/** Beyond this, a replica count is a typo, not a plan. */
export const MAX_REPLICAS = 10_000;
/** A creation is a handful of related objects (workload, service, config), not a bulk load. */
export const MAX_MANIFESTS = 20;

const manifest = z.looseObject({
  apiVersion: z.string({ message: 'every manifest needs an apiVersion' }).min(1),
  kind: z.string({ message: 'every manifest needs a kind' }).min(1),
  metadata: z.looseObject({
    name: z.string({ message: 'every manifest needs metadata.name' }).min(1),
    namespace: z.string().optional(),
  }),
});

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
  create: z.strictObject({
    manifests: z
      .array(manifest)
      .min(1, 'manifests cannot be empty')
      .max(MAX_MANIFESTS, `at most ${MAX_MANIFESTS} manifests in one creation`),
  }),
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

type Manifest = z.infer<typeof manifest>;

/**
 * The parameters as the audit log keeps them. A creation's manifests may carry secrets (a
 * generated database password), so the log names the objects and keeps a digest of the
 * exact manifests, which proves what was created without storing their content.
 */
export function recordedParams(
  verb: ActionVerb,
  params: Record<string, unknown>,
): Record<string, unknown> {
  if (verb !== 'create') return params;
  const manifests = params.manifests as Manifest[];
  return {
    objects: manifests.map((m) => `${m.kind} ${m.metadata.name}`),
    manifestsSha256: sha256(canonicalJson(manifests)),
  };
}
