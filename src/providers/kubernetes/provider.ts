import type { KubeConfig } from '@kubernetes/client-node';
import { kubeIdentity, type Viewer } from '../../auth/viewer.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import type { ComponentStatus } from '../../health.ts';
import type { Logger } from '../../logger.ts';
import type {
  ActionOutcome,
  ActionRequest,
  ActionVerb,
  Provider,
  Resource,
  ResourceEvent,
  ResourceFilter,
  RevertPlan,
} from '../provider.ts';
import { pageOfList, type PageRequest, type ResourcePage } from '../paging.ts';
import { executeAction, revertPlanFor, verbsFor } from './actions.ts';
import { KubeApiError, KubeClient, type Impersonation } from './client.ts';
import { ClusterCache } from './cluster.ts';
import { mapKubeError, LogsUnavailableError } from './errors.ts';
import { KIND_BY_API_KIND, resourceId } from './kinds.ts';
import {
  configSource,
  loadKubeConfig,
  type ClientModule,
  type KubernetesOptions,
} from './kubeconfig.ts';
import type { KubernetesReads, PodLogText } from './reads.ts';
import { ResourceStore, type KubeResource } from './store.ts';
import type { KubeEvent, Pod, StorageClass } from './types.ts';
import { DEFAULT_POD_LOGS_MAX_BYTES } from '../../limits-config.ts';

/**
 * Watches one or more Kubernetes contexts into one indexed in-memory store, serves every
 * read from it, and carries out actions against the API server.
 */
export class KubernetesProvider implements Provider, KubernetesReads {
  readonly name = 'KUBERNETES' as const;
  readonly enabled: boolean;
  readonly store = new ResourceStore();
  private readonly clusters = new Map<string, ClusterCache>();
  private readonly broken: { cluster: string; message: string }[] = [];
  private readonly listeners = new Set<(e: ResourceEvent) => void>();
  private readonly log: Logger;
  private readonly podLogsMaxBytes: number;
  private readonly impersonation: boolean;
  /** Who a viewer is to a cluster when they act as themselves (identifyWith). */
  private identify: (viewer: Viewer, context: string) => Impersonation | undefined = kubeIdentity;
  private started = false;
  /** Grows whenever a watcher's error changes (what failures() reads besides `broken`). */
  failuresVersion = 0;

  /**
   * Finds the configuration (kubeconfig files, else the in-cluster service account) and loads
   * the Kubernetes client only when there is one: a process without a cluster never pays for it.
   */
  static async open(opts: KubernetesOptions, log: Logger): Promise<KubernetesProvider> {
    const source = configSource(opts);
    if (!source) return new KubernetesProvider(opts, log);
    const k8s = await import('@kubernetes/client-node');
    return new KubernetesProvider(opts, log, { k8s, kc: loadKubeConfig(k8s, source) });
  }

  private constructor(
    opts: KubernetesOptions,
    log: Logger,
    loaded?: { k8s: ClientModule; kc: KubeConfig },
  ) {
    this.log = log.child({ provider: 'kubernetes' });
    this.podLogsMaxBytes = opts.podLogsMaxBytes ?? DEFAULT_POD_LOGS_MAX_BYTES;
    this.impersonation = opts.impersonation === true;
    this.enabled = loaded !== undefined;
    if (!loaded) return;
    const { k8s, kc } = loaded;
    const names = opts.contexts.length > 0 ? opts.contexts : [kc.getCurrentContext()];
    for (const name of names) {
      try {
        if (!kc.getContextObject(name)) throw new Error(`context ${name} is not in the kubeconfig`);
        const own = new k8s.KubeConfig();
        own.loadFromOptions({
          clusters: kc.clusters,
          users: kc.users,
          contexts: kc.contexts,
          currentContext: name,
        });
        const cache = new ClusterCache({
          client: new KubeClient(own, name),
          store: this.store,
          emit: (e) => this.emit(e),
          onChange: () => this.failuresVersion++,
          log: this.log,
          tuning: opts.tuning,
        });
        this.clusters.set(name, cache);
      } catch (err) {
        this.broken.push({ cluster: name, message: (err as Error).message });
      }
    }
  }

  get contexts(): string[] {
    return [...this.clusters.keys()];
  }

  cluster(context: string): ClusterCache | undefined {
    return this.clusters.get(context);
  }

  /** A StorageClass of one context, from its watch (undefined when unknown or not listable). */
  storageClass(context: string, name: string): StorageClass | undefined {
    return this.clusters.get(context)?.storageClasses.get(name);
  }

  private emit(e: ResourceEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        this.log.error({ err }, 'resource event listener failed');
      }
    }
  }

  async start(): Promise<void> {
    this.started = true;
    for (const c of this.clusters.values()) c.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.clusters.values()].map((c) => c.stop()));
  }

  notReadyReason(): string | null {
    if (!this.started) return 'not started';
    const all = [...this.clusters.values()];
    const reachable = all.filter((c) => c.down() === null);
    if (reachable.length === 0) {
      const why = [
        ...this.broken,
        ...all.map((c) => ({ cluster: c.context, message: c.down() ?? '' })),
      ];
      return `no cluster reachable (${why.map((w) => `${w.cluster}: ${w.message}`).join('; ')})`;
    }
    const pending = reachable.flatMap((c) => c.pending().map((k) => `${c.context}/${k}`));
    return pending.length > 0 ? `initial sync in progress: ${pending.join(', ')}` : null;
  }

  failures(): { cluster: string; message: string }[] {
    return [
      ...this.broken,
      ...[...this.clusters.values()].flatMap((c) => {
        const problems = c.problems();
        return problems.length > 0 ? [{ cluster: c.context, message: problems.join('; ') }] : [];
      }),
    ];
  }

  async health(): Promise<ComponentStatus> {
    const total = this.clusters.size + this.broken.length;
    const failed = this.failures();
    const down =
      this.broken.length + [...this.clusters.values()].filter((c) => c.down() !== null).length;
    const summary = `${total - down}/${total} context(s) reachable, ${this.store.size} resources cached`;
    if (down === total)
      return {
        state: 'DOWN',
        message: `${summary}; ${failed.map((f) => `${f.cluster}: ${f.message}`).join('; ')}`,
      };
    if (failed.length > 0)
      return {
        state: 'DEGRADED',
        message: `${summary}; ${failed.map((f) => `${f.cluster}: ${f.message}`).join('; ')}`,
      };
    const pending = this.notReadyReason();
    return pending
      ? { state: 'DEGRADED', message: `${summary}; ${pending}` }
      : { state: 'UP', message: summary };
  }

  get version(): number {
    return this.store.version;
  }

  get(id: string): KubeResource | undefined {
    return this.store.get(id);
  }

  list(filter: ResourceFilter): Resource[] {
    if (filter.providers?.length && !filter.providers.includes('KUBERNETES')) return [];
    return this.store.list(filter);
  }

  page(filter: ResourceFilter, request: PageRequest): ResourcePage {
    if (filter.providers?.length) {
      if (!filter.providers.includes('KUBERNETES')) return pageOfList([], request);
      // Every cached resource is a Kubernetes one: the field asks nothing more of the store.
      filter = { ...filter, providers: undefined };
    }
    return this.store.page(filter, request);
  }

  onEvent(listener: (event: ResourceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  verbs(resource: Resource): ActionVerb[] {
    return resource.provider === 'KUBERNETES' ? verbsFor(resource as KubeResource) : [];
  }

  async execute(request: ActionRequest): Promise<ActionOutcome> {
    const cluster = this.clusters.get(request.target.cluster);
    if (!cluster) throw new NotFoundError(`cluster ${request.target.cluster} is not watched`);
    return executeAction(this.clientFor(cluster.client, request.viewer), request);
  }

  /** A person acts and reads logs as themselves under impersonation: their RBAC, not ours, decides. */
  private clientFor(client: KubeClient, viewer: Viewer | undefined): KubeClient {
    const person = this.impersonation && viewer ? this.identify(viewer, client.context) : undefined;
    return person ? client.as(person) : client;
  }

  /**
   * Lets KubeAccess say who a viewer is to each cluster (with what it learned of their
   * authorizers there, which a refusal names) instead of their bare identity.
   */
  identifyWith(identify: (viewer: Viewer, context: string) => Impersonation | undefined): void {
    this.identify = identify;
  }

  revertPlan(
    verb: ActionVerb,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): RevertPlan | null {
    return revertPlanFor(verb, before, after);
  }

  // KubernetesReads: what the GraphQL layer reads beyond the Provider interface (reads.ts).

  owner(r: KubeResource): KubeResource | undefined {
    const ref =
      r.object.metadata.ownerReferences?.find((o) => o.controller) ??
      r.object.metadata.ownerReferences?.[0];
    return ref ? this.store.byUidOf(ref.uid) : undefined;
  }

  topOwner(r: KubeResource): KubeResource | undefined {
    let current = this.owner(r);
    for (let i = 0; current && i < 5; i++) {
      const next = this.owner(current);
      if (!next) break;
      current = next;
    }
    return current;
  }

  podsOf(r: KubeResource): KubeResource[] {
    const owned = this.store.ownedBy(r.object.metadata.uid);
    if (r.kind !== 'DEPLOYMENT') return owned.filter((o) => o.kind === 'POD');
    return owned.filter((o) => o.kind === 'REPLICASET').flatMap((rs) => this.podsOf(rs));
  }

  ownedBy(r: KubeResource): KubeResource[] {
    return this.store.ownedBy(r.object.metadata.uid);
  }

  podsOnNode(node: KubeResource): KubeResource[] {
    return this.store.podsOnNode(node.cluster, node.name);
  }

  nodeOf(pod: KubeResource): KubeResource | undefined {
    const name = (pod.object as Pod).spec?.nodeName;
    return name ? this.store.node(pod.cluster, name) : undefined;
  }

  sibling(r: KubeResource, apiKind: string, name: string): KubeResource | undefined {
    const spec = KIND_BY_API_KIND.get(apiKind);
    return spec
      ? this.store.get(resourceId(r.cluster, spec.kind, spec.namespaced ? r.namespace : null, name))
      : undefined;
  }

  events(r: KubeResource, limit: number): KubeEvent[] {
    const apiKind = [...KIND_BY_API_KIND.values()].find((k) => k.kind === r.kind)?.apiKind ?? '';
    return this.clusters.get(r.cluster)?.events.about(apiKind, r.namespace, r.name, limit) ?? [];
  }

  async podLogs(
    id: string,
    opts: {
      container?: string | undefined;
      tailLines?: number | undefined;
      sinceSeconds?: number | undefined;
    },
    viewer?: Viewer,
  ): Promise<PodLogText> {
    const pod = this.store.get(id);
    if (!pod || pod.kind !== 'POD') throw new NotFoundError(`no pod with id ${id}`);
    const containers = (pod.object as Pod).spec?.containers?.map((c) => c.name) ?? [];
    const container = opts.container ?? containers[0];
    if (
      !container ||
      (opts.container &&
        !containers.includes(opts.container) &&
        !(pod.object as Pod).spec?.initContainers?.some((c) => c.name === opts.container))
    ) {
      throw new ValidationError(
        `pod ${pod.name} has no container ${opts.container ?? ''}; it has ${containers.join(', ')}`,
        [{ path: 'container', message: `one of ${containers.join(', ')}` }],
      );
    }
    const cluster = this.clusters.get(pod.cluster);
    if (!cluster) throw new NotFoundError(`cluster ${pod.cluster} is not watched`);
    const client = this.clientFor(cluster.client, viewer);
    const node = (pod.object as Pod).spec?.nodeName ?? null;
    const what = `read logs of pod ${pod.namespace}/${pod.name}`;
    const max = this.podLogsMaxBytes;
    try {
      // One byte more than is kept: an answer longer than the cap tells the log went on. The
      // API server stops there; the capped read holds whatever path answers to the same bound.
      const { text, truncated } = await client.textCapped(
        'GET',
        `/api/v1/namespaces/${encodeURIComponent(pod.namespace ?? '')}/pods/${encodeURIComponent(pod.name)}/log`,
        max,
        {
          query: {
            container,
            tailLines: opts.tailLines,
            sinceSeconds: opts.sinceSeconds,
            limitBytes: max + 1,
          },
        },
      );
      return { pod, container, text, truncated };
    } catch (err) {
      const gone =
        err instanceof KubeApiError &&
        err.status === 404 &&
        /pods? "[^"]+" not found/.test(err.message);
      // The pod is known, so any other 404, or a 5xx, comes from the path to its kubelet.
      if (err instanceof KubeApiError && !gone && (err.status === 404 || err.status >= 500)) {
        if (!node)
          throw new LogsUnavailableError(`${what}: the pod is not scheduled to a node yet`, null);
        throw new LogsUnavailableError(
          `${what}: node ${node} cannot serve logs (${err.message})`,
          node,
        );
      }
      const mapped = mapKubeError(err, pod.cluster, what);
      throw mapped;
    }
  }
}
