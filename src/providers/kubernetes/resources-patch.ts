// The 'patch' verb for Kubernetes workloads: container requests/limits only, applied as a
// strategic merge patch (containers merge by name), with a precondition on the current
// resources so a recommendation computed from an old spec never overwrites a newer one.
import { canonicalJson } from '../../audit/chain.ts';
import { ConflictError, ValidationError } from '../../errors.ts';
import type { ActionOutcome, ActionRequest, RevertPlan } from '../provider.ts';
import { KubeApiError, type KubeClient } from './client.ts';
import { mapKubeError } from './errors.ts';
import { kindSpec, objectPath } from './kinds.ts';
import type { KubeResource } from './store.ts';
import type { Quantities, Workload } from './types.ts';

export const PATCHABLE = new Set(['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET']);
const SMP = 'application/strategic-merge-patch+json';
const QUANTITY = /^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/;

type Resources = { requests?: Quantities; limits?: Quantities };
type ContainerPatch = { name: string; resources: Record<string, Record<string, string | null>> };

function refuse(message: string, path: string): never {
  throw new ValidationError(message, [{ path, message }]);
}

/** Accepts only `{spec:{template:{spec:{containers:[{name, resources:{requests?, limits?}}]}}}}`. */
export function containerPatches(patch: Record<string, unknown>): ContainerPatch[] {
  const spec = patch.spec as Record<string, unknown> | undefined;
  const template = spec?.template as Record<string, unknown> | undefined;
  const podSpec = template?.spec as Record<string, unknown> | undefined;
  const only = (o: unknown, key: string) =>
    typeof o === 'object' && o !== null && Object.keys(o).length === 1 && key in o;
  if (
    !only(patch, 'spec') ||
    !only(spec, 'template') ||
    !only(template, 'spec') ||
    !only(podSpec, 'containers')
  )
    refuse('patch may change only spec.template.spec.containers[].resources', 'patch');
  const containers = podSpec?.containers;
  if (!Array.isArray(containers) || containers.length === 0)
    refuse('patch.spec.template.spec.containers must be a non-empty list', 'patch');
  return containers.map((c: unknown, i) => {
    const o = c as Record<string, unknown>;
    const path = `patch.spec.template.spec.containers.${i}`;
    if (
      typeof o !== 'object' ||
      o === null ||
      typeof o.name !== 'string' ||
      typeof o.resources !== 'object' ||
      o.resources === null
    )
      refuse('each container needs a name and resources', path);
    const extra = Object.keys(o).filter((k) => k !== 'name' && k !== 'resources');
    if (extra.length > 0) refuse(`only resources may change (not ${extra.join(', ')})`, path);
    const resources = o.resources as Record<string, unknown>;
    for (const [part, values] of Object.entries(resources)) {
      if (part !== 'requests' && part !== 'limits')
        refuse(`resources.${part} cannot be patched`, path);
      for (const [k, v] of Object.entries((values ?? {}) as Record<string, unknown>)) {
        if (k !== 'cpu' && k !== 'memory')
          refuse(`only cpu and memory may change (not ${k})`, path);
        if (v !== null && (typeof v !== 'string' || !QUANTITY.test(v)))
          refuse(`${part}.${k} must be a quantity such as 250m or 512Mi`, path);
      }
    }
    return { name: o.name, resources: resources as ContainerPatch['resources'] };
  });
}

const pick = (all: { name: string; resources?: Resources }[], names: string[]) =>
  Object.fromEntries(names.map((n) => [n, all.find((c) => c.name === n)?.resources ?? {}]));

/** Executes `patch` on a Deployment, StatefulSet or DaemonSet (dry run: server-side). */
export async function executeResourcesPatch(
  client: KubeClient,
  req: ActionRequest,
): Promise<ActionOutcome> {
  const target = req.target as KubeResource;
  const what = `patch ${target.kind.toLowerCase()} ${target.namespace}/${target.name}`;
  if (!PATCHABLE.has(target.kind))
    refuse(`${what}: only workloads' container resources can be patched`, 'id');
  const patches = containerPatches(req.params.patch as Record<string, unknown>);
  const path = objectPath(kindSpec(target.kind), target.namespace, target.name);
  // A controller writing status between our read and our resourceVersion-guarded write is a
  // 409: read again and re-check the precondition (kubectl's retry-on-conflict).
  for (let attempt = 1; ; attempt++) {
    try {
      return await patchOnce(client, req, patches, path, what);
    } catch (err) {
      if (err instanceof KubeApiError && err.status === 409 && attempt < 4) continue;
      if (err instanceof ValidationError || err instanceof ConflictError) throw err;
      throw mapKubeError(err, client.context, what);
    }
  }
}

async function patchOnce(
  client: KubeClient,
  req: ActionRequest,
  patches: ContainerPatch[],
  path: string,
  what: string,
): Promise<ActionOutcome> {
  const target = req.target as KubeResource;
  const names = patches.map((p) => p.name);
  {
    const obj = await client.request<Workload>('GET', path);
    const containers = obj.spec?.template?.spec?.containers ?? [];
    const missing = names.filter((n) => !containers.some((c) => c.name === n));
    if (missing.length > 0) refuse(`${what}: no container ${missing.join(', ')}`, 'patch');
    const before = pick(containers, names);
    const expected = (req.precondition?.containers ?? undefined) as
      Record<string, unknown> | undefined;
    for (const [name, want] of Object.entries(expected ?? {})) {
      const have = pick(containers, [name])[name];
      if (canonicalJson(have ?? {}) !== canonicalJson(want ?? {})) {
        throw new ConflictError(
          `${what}: container ${name} resources are ${JSON.stringify(have)} but ${JSON.stringify(want)} was expected; they changed since`,
        );
      }
    }
    const res = await client.request<Workload>('PATCH', path, {
      // The resourceVersion makes the precondition check and the write one step.
      body: {
        metadata: { resourceVersion: obj.metadata.resourceVersion },
        spec: { template: { spec: { containers: patches } } },
      },
      contentType: SMP,
      query: req.dryRun ? { dryRun: 'All' } : {},
    });
    const after = pick(res.spec?.template?.spec?.containers ?? [], names);
    return {
      before: { containers: before },
      after: { containers: after },
      message: `${req.dryRun ? '(dry run) would have ' : ''}set resources of ${names.join(', ')} in ${target.namespace}/${target.name}`,
    };
  }
}

/** Undo: write back the recorded `before` (removing what was added), if `after` still holds. */
export function resourcesPatchRevertPlan(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): RevertPlan | null {
  const b = before.containers as Record<string, Resources> | undefined;
  const a = after.containers as Record<string, Resources> | undefined;
  if (!b || !a) return null;
  const containers = Object.keys(b).map((name) => {
    const resources: Record<string, Record<string, string | null>> = {};
    for (const part of ['requests', 'limits'] as const) {
      const keys = new Set([
        ...Object.keys(b[name]?.[part] ?? {}),
        ...Object.keys(a[name]?.[part] ?? {}),
      ]);
      const values: Record<string, string | null> = {};
      for (const k of keys)
        if (k === 'cpu' || k === 'memory') values[k] = b[name]?.[part]?.[k] ?? null;
      if (Object.keys(values).length > 0) resources[part] = values;
    }
    return { name, resources };
  });
  return {
    verb: 'patch',
    params: { patch: { spec: { template: { spec: { containers } } } } },
    precondition: { containers: a },
  };
}
