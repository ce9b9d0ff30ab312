import { KubeApiError } from '../providers/kubernetes/client.ts';
import type { KubernetesProvider } from '../providers/kubernetes/provider.ts';
import { parseQuantity } from '../providers/kubernetes/quantity.ts';
import type { ContainerUsage, MetricSource, PodUsage, PodUsageSet } from './types.ts';

interface PodMetricsList {
  items: {
    metadata: { name: string; namespace?: string };
    containers?: { name: string; usage?: { cpu?: string; memory?: string } }[];
  }[];
}

/** How long an absent metrics API is assumed absent before asking again. */
const ABSENT_RECHECK_MS = 10 * 60_000;

/**
 * The Kubernetes resource metrics API (metrics-server), used for current CPU and memory when
 * Prometheus is not configured or not answering. One LIST per context per cycle; contexts
 * without the API are skipped and asked again every ten minutes.
 */
export class KubeMetricsSource implements MetricSource {
  readonly name = 'metrics.k8s.io';
  private readonly kube: KubernetesProvider;
  private readonly absentUntil = new Map<string, number>();
  requests = 0;

  constructor(kube: KubernetesProvider) {
    this.kube = kube;
  }

  supports(): boolean {
    return false;
  }

  /** Whether any context served the API at its last try (unknown counts as maybe). */
  get available(): boolean {
    return this.kube.contexts.some((c) => (this.absentUntil.get(c) ?? 0) <= Date.now());
  }

  async current(): Promise<PodUsageSet> {
    const byCluster = new Map<string, Map<string, PodUsage>>();
    const errors: string[] = [];
    await Promise.all(
      this.kube.contexts.map(async (context) => {
        if ((this.absentUntil.get(context) ?? 0) > Date.now()) return;
        const client = this.kube.cluster(context)?.client;
        if (!client) return;
        try {
          this.requests++;
          const list = await client.request<PodMetricsList>(
            'GET',
            '/apis/metrics.k8s.io/v1beta1/pods',
          );
          const pods = new Map<string, PodUsage>();
          for (const item of list.items) {
            let cpu = 0;
            let memory = 0;
            const containers: Record<string, ContainerUsage> = {};
            for (const c of item.containers ?? []) {
              const u = {
                CPU_USAGE: parseQuantity(c.usage?.cpu) ?? 0,
                MEMORY_USAGE: parseQuantity(c.usage?.memory) ?? 0,
              };
              containers[c.name] = u;
              cpu += u.CPU_USAGE;
              memory += u.MEMORY_USAGE;
            }
            pods.set(`${item.metadata.namespace ?? ''}/${item.metadata.name}`, {
              CPU_USAGE: cpu,
              MEMORY_USAGE: memory,
              containers,
            });
          }
          byCluster.set(context, pods);
        } catch (err) {
          if (err instanceof KubeApiError && (err.status === 404 || err.status === 503)) {
            this.absentUntil.set(context, Date.now() + ABSENT_RECHECK_MS);
          }
          errors.push(`${context}: ${(err as Error).message.slice(0, 200)}`);
        }
      }),
    );
    if (byCluster.size === 0) {
      throw new Error(`metrics.k8s.io unavailable (${errors.join('; ') || 'no context'})`);
    }
    let size = 0;
    for (const m of byCluster.values()) size += m.size;
    return { size, get: (cluster, ns, pod) => byCluster.get(cluster)?.get(`${ns}/${pod}`) };
  }
}
