// Whole manifests on the API server: the per-object dry-run check ChatOps shows before it
// offers a creation, and the `create` verb the action pipeline runs on a namespace.
import type { ManifestPort } from '../../chat/sources.ts';
import { ValidationError } from '../../errors.ts';
import type { ActionOutcome, ActionRequest } from '../provider.ts';
import type { KubeClient } from './client.ts';
import { mapKubeError } from './errors.ts';
import type { KubernetesProvider } from './provider.ts';
import type { KubeResource } from './store.ts';

type Manifest = Record<string, unknown>;

/** Where each kind a template may produce is created. */
const COLLECTIONS: Record<string, { group: string; plural: string }> = {
  ConfigMap: { group: '/api/v1', plural: 'configmaps' },
  Secret: { group: '/api/v1', plural: 'secrets' },
  Service: { group: '/api/v1', plural: 'services' },
  Deployment: { group: '/apis/apps/v1', plural: 'deployments' },
  StatefulSet: { group: '/apis/apps/v1', plural: 'statefulsets' },
};

const FIELD_MANAGER = 'optiinfra-chatops';

function describeManifest(m: Manifest): string {
  const meta = (m.metadata ?? {}) as { name?: string; namespace?: string };
  return `${String(m.kind)} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name ?? '?'}`;
}

function pathOf(m: Manifest): string {
  const spec = COLLECTIONS[String(m.kind)];
  if (!spec) throw new Error(`${String(m.kind)} is not a kind templates create`);
  const ns = ((m.metadata ?? {}) as { namespace?: string }).namespace;
  if (!ns) throw new Error(`${describeManifest(m)} names no namespace`);
  return `${spec.group}/namespaces/${encodeURIComponent(ns)}/${spec.plural}`;
}

/** Validates and creates manifests through the provider's connection to each context. */
export class KubernetesManifests implements ManifestPort {
  private readonly provider: KubernetesProvider;

  constructor(provider: KubernetesProvider) {
    this.provider = provider;
  }

  defaultCluster(): string | undefined {
    return this.provider.enabled ? this.provider.contexts[0] : undefined;
  }

  private client(cluster: string): KubeClient {
    const c = this.provider.cluster(cluster);
    if (!c) throw new Error(`cluster ${cluster} is not watched`);
    return c.client;
  }

  /**
   * A create with dryRun=All and strict field validation: admission, defaulting, schema and
   * name clashes are all checked by the API server itself, and nothing is persisted.
   */
  async validate(
    cluster: string,
    manifests: Manifest[],
  ): Promise<{ object: string; ok: boolean; message: string }[]> {
    const client = this.client(cluster);
    return Promise.all(
      manifests.map(async (m) => {
        const object = describeManifest(m);
        try {
          await client.request('POST', pathOf(m), {
            body: m,
            query: { dryRun: 'All', fieldValidation: 'Strict', fieldManager: FIELD_MANAGER },
          });
          return { object, ok: true, message: 'accepted by the API server (dry run)' };
        } catch (err) {
          return {
            object,
            ok: false,
            message: mapKubeError(err, cluster, `create ${object}`).message,
          };
        }
      }),
    );
  }
}

/**
 * The pipeline's `create` on a namespace: every manifest is checked first (a kind we create,
 * in this namespace), then the objects are created in order (config before the workload that
 * mounts it). Creation, not apply: an existing object of the same name is a conflict, never
 * overwritten. A failure part-way names what was created before it, which stays.
 */
export async function createFromManifests(
  client: KubeClient,
  req: ActionRequest,
): Promise<ActionOutcome> {
  const namespace = (req.target as KubeResource).name;
  const manifests = req.params.manifests as Manifest[];
  manifests.forEach((m, i) => {
    const problem = !COLLECTIONS[String(m.kind)]
      ? `${String(m.kind)} is not a kind this creates (${Object.keys(COLLECTIONS).join(', ')})`
      : ((m.metadata ?? {}) as { namespace?: string }).namespace !== namespace
        ? `${describeManifest(m)} is not in namespace ${namespace}`
        : null;
    if (problem) {
      throw new ValidationError(`Cannot create in ${namespace}: ${problem}`, [
        { path: `manifests.${i}`, message: problem },
      ]);
    }
  });
  const query = {
    fieldValidation: 'Strict',
    fieldManager: FIELD_MANAGER,
    ...(req.dryRun ? { dryRun: 'All' } : {}),
  };
  const created: string[] = [];
  for (const m of manifests) {
    const object = describeManifest(m);
    try {
      await client.request('POST', pathOf(m), { body: m, query });
    } catch (err) {
      const done = created.length ? ` (after creating ${created.join(', ')}, which stay)` : '';
      throw mapKubeError(err, client.context, `create ${object}${done}`);
    }
    created.push(object);
  }
  const verb = req.dryRun ? '(dry run) would have created' : 'created';
  return {
    before: { objects: [] },
    after: { objects: created },
    message: `${verb} ${created.join(', ')}`,
  };
}
