// Server-side checks (and creation) of whole manifests, for ChatOps templates. Owned by the
// chat work; it reaches the API server only through the provider's per-context KubeClient.
import type { ManifestPort } from '../../chat/sources.ts';
import type { KubeClient } from './client.ts';
import { mapKubeError } from './errors.ts';
import type { KubernetesProvider } from './provider.ts';

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

  /**
   * Creates the objects in order (config before the workload that mounts it). Creation, not
   * apply: an existing object of the same name is a conflict, never silently overwritten.
   * Stops at the first failure and reports what was created before it.
   */
  async create(
    cluster: string,
    manifests: Manifest[],
  ): Promise<{ created: string[]; failed: { object: string; message: string } | null }> {
    const client = this.client(cluster);
    const created: string[] = [];
    for (const m of manifests) {
      const object = describeManifest(m);
      try {
        await client.request('POST', pathOf(m), {
          body: m,
          query: { fieldValidation: 'Strict', fieldManager: FIELD_MANAGER },
        });
        created.push(object);
      } catch (err) {
        return {
          created,
          failed: { object, message: mapKubeError(err, cluster, `create ${object}`).message },
        };
      }
    }
    return { created, failed: null };
  }
}
