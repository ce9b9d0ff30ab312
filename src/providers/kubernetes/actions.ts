import { ConflictError, ValidationError } from '../../errors.ts';
import type { ActionOutcome, ActionRequest, ActionVerb, RevertPlan } from '../provider.ts';
import { KubeApiError, type KubeClient } from './client.ts';
import { mapKubeError, type KubePermission } from './errors.ts';
import { kindSpec, objectPath, type KindSpec } from './kinds.ts';
import type { KubeResource } from './store.ts';
import type { KubeNode, Pod, Workload } from './types.ts';
import { createFromManifests } from './manifests.ts';
import { executeResourcesPatch, PATCHABLE, resourcesPatchRevertPlan } from './resources-patch.ts';

/** Where stop remembers the replica count that start restores. */
export const STOPPED_REPLICAS = 'optiinfra.dev/stopped-replicas';
/** The annotation `kubectl rollout restart` sets; using the same one keeps tools agreeing. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
export const MAX_REPLICAS = 10_000;
export const PROPAGATION_POLICIES = ['Foreground', 'Background', 'Orphan'] as const;

const SCALABLE = new Set(['DEPLOYMENT', 'STATEFULSET', 'REPLICASET']);
const RESTARTABLE = new Set(['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET']);
const MERGE = 'application/merge-patch+json';
/** How long a guarded write keeps retrying after conflicts before it reports one. */
const CONFLICT_RETRY_MS = 20_000;
/** Verbs whose write carries the resourceVersion of their read. */
const RESOURCE_VERSION_GUARDED = new Set<ActionVerb>([
  'scale',
  'stop',
  'start',
  'cordon',
  'uncordon',
]);

export const describe = (r: KubeResource) =>
  `${r.kind.toLowerCase()} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;

/** The verbs that make sense for the resource in its current state. */
export function verbsFor(r: KubeResource): ActionVerb[] {
  const verbs = baseVerbs(r);
  return PATCHABLE.has(r.kind) ? [...verbs, 'patch'] : verbs;
}

function baseVerbs(r: KubeResource): ActionVerb[] {
  if (SCALABLE.has(r.kind)) {
    const replicas = (r.object as Workload).spec?.replicas ?? 1;
    const restart: ActionVerb[] = RESTARTABLE.has(r.kind) ? ['restart'] : [];
    return ['scale', replicas > 0 ? 'stop' : 'start', ...restart, 'delete'];
  }
  switch (r.kind) {
    case 'DAEMONSET':
    case 'POD':
      return ['restart', 'delete'];
    case 'NODE':
      return [(r.object as KubeNode).spec?.unschedulable ? 'uncordon' : 'cordon', 'delete'];
    case 'NAMESPACE':
      return r.state === 'TERMINATING' ? ['delete'] : ['create', 'delete'];
    default:
      return ['delete'];
  }
}

/** The API group of a kind: '' for the core group (`/api/v1`). */
export const apiGroupOf = (spec: KindSpec): string =>
  spec.group === '/api/v1' ? '' : (spec.group.split('/')[2] ?? '');

/**
 * The Kubernetes permissions running `verb` on the resource takes, in the order
 * executeAction needs them (a read before its write); undefined for `create`, whose manifests
 * decide what it writes.
 */
export function permissionsFor(verb: ActionVerb, r: KubeResource): KubePermission[] | undefined {
  const spec = kindSpec(r.kind);
  const at = (resource: string, ...verbs: string[]) =>
    verbs.map((v) => ({ verb: v, resource, group: apiGroupOf(spec) }));
  switch (verb) {
    case 'scale':
      return at(`${spec.plural}/scale`, 'get', 'patch');
    case 'restart':
      return r.kind === 'POD' ? at('pods', 'delete') : at(spec.plural, 'get', 'patch');
    case 'delete':
      return at(spec.plural, 'delete');
    case 'create':
      return undefined;
    default:
      return at(spec.plural, 'get', 'patch');
  }
}

export function revertPlanFor(
  verb: ActionVerb,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): RevertPlan | null {
  switch (verb) {
    case 'scale':
      return {
        verb: 'scale',
        params: { replicas: before.replicas },
        precondition: { replicas: after.replicas },
      };
    case 'stop':
      // start restores the count stop remembered in the annotation; the pipeline's start
      // takes no parameters.
      return { verb: 'start', params: {}, precondition: { replicas: 0 } };
    case 'start':
      return { verb: 'stop', params: {}, precondition: { replicas: after.replicas } };
    case 'cordon':
      return { verb: 'uncordon', params: {}, precondition: { unschedulable: true } };
    case 'uncordon':
      return { verb: 'cordon', params: {}, precondition: { unschedulable: false } };
    case 'patch':
      return resourcesPatchRevertPlan(before, after);
    default:
      return null; // a restart, a delete or a creation cannot be taken back
  }
}

function refuse(message: string, path: string, problem: string): never {
  throw new ValidationError(message, [{ path, message: problem }]);
}

function checkPrecondition(
  what: string,
  current: Record<string, unknown>,
  expected: Record<string, unknown> | undefined,
): void {
  for (const [key, want] of Object.entries(expected ?? {})) {
    if (!(key in current))
      refuse(`${what}: unknown precondition ${key}`, `precondition.${key}`, 'not checkable here');
    if (current[key] !== want) {
      throw new ConflictError(
        `${what}: ${key} is ${JSON.stringify(current[key])} but ${JSON.stringify(want)} was expected; it changed since`,
      );
    }
  }
}

function replicasParam(value: unknown, path = 'replicas'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_REPLICAS) {
    refuse(
      `replicas must be an integer from 0 to ${MAX_REPLICAS}`,
      path,
      `got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Runs one verb against the API server; the caller (the action pipeline) has authorized it. */
export async function executeAction(
  client: KubeClient,
  req: ActionRequest,
): Promise<ActionOutcome> {
  if (req.verb === 'patch') return executeResourcesPatch(client, req);
  if (req.verb === 'create') return createFromManifests(client, req);
  const target = req.target as KubeResource;
  const what = `${req.verb} ${describe(target)}`;
  const deadline = Date.now() + CONFLICT_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(client, req, target, what);
    } catch (err) {
      // Someone (a controller, another action) wrote between our read and our
      // resourceVersion-guarded write: read again and re-check the precondition, as kubectl's
      // retry-on-conflict does, with jittered backoff so many writers of one object all land.
      const raced = err instanceof KubeApiError && err.status === 409;
      if (raced && Date.now() < deadline && RESOURCE_VERSION_GUARDED.has(req.verb)) {
        const backoff = Math.min(10 * 2 ** Math.min(attempt, 6), 500) * Math.random();
        await new Promise((r) => setTimeout(r, backoff));
        continue;
      }
      throw mapKubeError(err, client.context, what);
    }
  }
}

async function run(
  client: KubeClient,
  req: ActionRequest,
  target: KubeResource,
  what: string,
): Promise<ActionOutcome> {
  const path = objectPath(kindSpec(target.kind), target.namespace, target.name);
  const query = req.dryRun ? { dryRun: 'All' } : {};
  // A DELETE body's DeleteOptions replace the query's: without dryRun in the body too, the
  // API server deletes for real (checked against kube-apiserver in the lab).
  const dryRunOption = req.dryRun ? { dryRun: ['All'] } : {};
  const dry = req.dryRun ? '(dry run) would have ' : '';
  const patch = <T>(p: string, body: unknown) =>
    client.request<T>('PATCH', p, { body, contentType: MERGE, query });

  switch (req.verb) {
    case 'scale': {
      if (!SCALABLE.has(target.kind))
        refuse(
          `${what}: only Deployments, StatefulSets and ReplicaSets scale`,
          'id',
          'not scalable',
        );
      const replicas = replicasParam(req.params.replicas);
      const scale = await client.request<Workload>('GET', `${path}/scale`);
      const current = scale.spec?.replicas ?? 0;
      checkPrecondition(what, { replicas: current }, req.precondition);
      // The resourceVersion makes the read and the write one step: a concurrent change is a 409.
      const res = await patch<Workload>(`${path}/scale`, {
        metadata: { resourceVersion: scale.metadata.resourceVersion },
        spec: { replicas },
      });
      const after = res.spec?.replicas ?? replicas;
      return {
        before: { replicas: current },
        // The version our write produced: among concurrent scales it orders what was applied.
        after: { replicas: after, resourceVersion: res.metadata.resourceVersion },
        message: `${dry}scaled ${describe(target)} from ${current} to ${after} replicas`,
      };
    }
    case 'stop':
    case 'start': {
      if (target.kind === 'DAEMONSET') {
        refuse(
          `${what}: a DaemonSet runs one pod per matching node and has no replica count; delete it or narrow its node selector instead`,
          'id',
          'DaemonSets cannot be stopped or started',
        );
      }
      if (target.kind === 'POD') {
        refuse(
          `${what}: a pod cannot be stopped and started; stop or start its controller, or delete the pod`,
          'id',
          'pods cannot be stopped or started',
        );
      }
      if (!SCALABLE.has(target.kind))
        refuse(
          `${what}: only Deployments, StatefulSets and ReplicaSets stop and start`,
          'id',
          'not scalable',
        );
      const obj = await client.request<Workload>('GET', path);
      const current = obj.spec?.replicas ?? 1;
      const remembered = obj.metadata.annotations?.[STOPPED_REPLICAS] ?? null;
      checkPrecondition(what, { replicas: current }, req.precondition);
      const rv = obj.metadata.resourceVersion;
      if (req.verb === 'stop') {
        if (current === 0)
          return {
            before: { replicas: 0 },
            after: { replicas: 0 },
            message: `${describe(target)} is already stopped`,
          };
        await patch(path, {
          metadata: { resourceVersion: rv, annotations: { [STOPPED_REPLICAS]: String(current) } },
          spec: { replicas: 0 },
        });
        return {
          before: { replicas: current },
          after: { replicas: 0, stoppedReplicas: current },
          message: `${dry}stopped ${describe(target)} (${current} replicas remembered)`,
        };
      }
      if (current > 0)
        return {
          before: { replicas: current },
          after: { replicas: current },
          message: `${describe(target)} is already running with ${current} replicas`,
        };
      const fromAnnotation =
        remembered !== null && /^\d+$/.test(remembered) ? Number(remembered) : undefined;
      const restore =
        req.params.replicas !== undefined
          ? replicasParam(req.params.replicas)
          : Math.min(fromAnnotation ?? 1, MAX_REPLICAS);
      await patch(path, {
        metadata: { resourceVersion: rv, annotations: { [STOPPED_REPLICAS]: null } },
        spec: { replicas: restore },
      });
      return {
        before: { replicas: 0, stoppedReplicas: fromAnnotation ?? null },
        after: { replicas: restore },
        message: `${dry}started ${describe(target)} with ${restore} replicas`,
      };
    }
    case 'restart': {
      if (RESTARTABLE.has(target.kind)) {
        const obj = await client.request<Workload>('GET', path);
        if (obj.spec?.paused)
          refuse(`${what}: the rollout is paused; resume it first`, 'id', 'paused rollout');
        const previous = obj.spec?.template?.metadata?.annotations?.[RESTARTED_AT] ?? null;
        const now = new Date().toISOString();
        await patch(path, {
          spec: { template: { metadata: { annotations: { [RESTARTED_AT]: now } } } },
        });
        return {
          before: { restartedAt: previous },
          after: { restartedAt: now },
          message: `${dry}restarted ${describe(target)} (rolling)`,
        };
      }
      if (target.kind !== 'POD')
        refuse(
          `${what}: only Deployments, StatefulSets, DaemonSets and pods restart`,
          'id',
          'not restartable',
        );
      const owner = (target.object as Pod).metadata.ownerReferences?.find((o) => o.controller);
      if (!owner && req.params.force !== true) {
        refuse(
          `${what}: the pod has no controller, so deleting it would not bring it back; set force to delete it anyway`,
          'force',
          'required for a bare pod',
        );
      }
      await client.request('DELETE', path, {
        body: {
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          preconditions: { uid: target.object.metadata.uid },
          ...dryRunOption,
        },
        query,
      });
      const by = owner
        ? `; ${owner.kind} ${owner.name} recreates it`
        : '; it has no controller and will not come back';
      return {
        before: {
          uid: target.object.metadata.uid,
          node: (target.object as Pod).spec?.nodeName ?? null,
        },
        after: { deleted: true },
        message: `${dry}deleted pod ${target.namespace}/${target.name}${by}`,
      };
    }
    case 'delete': {
      const policy = (req.params.propagationPolicy as string | undefined) ?? 'Background';
      if (!(PROPAGATION_POLICIES as readonly string[]).includes(policy)) {
        refuse(
          `${what}: propagationPolicy must be one of ${PROPAGATION_POLICIES.join(', ')}`,
          'propagationPolicy',
          `got ${policy}`,
        );
      }
      // The uid precondition deletes the object the user saw, not a namesake created since.
      await client.request('DELETE', path, {
        body: {
          apiVersion: 'v1',
          kind: 'DeleteOptions',
          propagationPolicy: policy,
          preconditions: { uid: target.object.metadata.uid },
          ...dryRunOption,
        },
        query,
      });
      return {
        before: {
          uid: target.object.metadata.uid,
          resourceVersion: target.object.metadata.resourceVersion ?? null,
        },
        after: { deleted: true, propagationPolicy: policy },
        message: `${dry}deleted ${describe(target)} (${policy.toLowerCase()} propagation)`,
      };
    }
    case 'cordon':
    case 'uncordon': {
      if (target.kind !== 'NODE') refuse(`${what}: only nodes are cordoned`, 'id', 'not a node');
      const desired = req.verb === 'cordon';
      const node = await client.request<KubeNode>('GET', path);
      const current = node.spec?.unschedulable === true;
      checkPrecondition(what, { unschedulable: current }, req.precondition);
      if (current === desired)
        return {
          before: { unschedulable: current },
          after: { unschedulable: current },
          message: `node ${target.name} is already ${desired ? 'cordoned' : 'schedulable'}`,
        };
      await patch(path, {
        metadata: { resourceVersion: node.metadata.resourceVersion },
        spec: { unschedulable: desired ? true : null },
      });
      return {
        before: { unschedulable: current },
        after: { unschedulable: desired },
        message: `${dry}${desired ? 'cordoned' : 'uncordoned'} node ${target.name}`,
      };
    }
    default:
      return refuse(
        `${what}: not a Kubernetes action`,
        'verb',
        `${req.verb} does not apply to Kubernetes resources`,
      );
  }
}
