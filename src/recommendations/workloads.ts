import { parseQuantity } from '../providers/kubernetes/quantity.ts';
import type { Hpa, Quantities, Workload } from '../providers/kubernetes/types.ts';
import type { Resource } from '../providers/provider.ts';
import type { ContainerUsage, UsageSnapshot } from './usage.ts';

export const WORKLOAD_KINDS = ['DEPLOYMENT', 'STATEFULSET', 'DAEMONSET'] as const;

export interface ContainerProfile {
  name: string;
  /** As written in the spec (quantities as strings), for preconditions and reverts. */
  resources: { requests?: Quantities; limits?: Quantities };
  cpuRequest: number | null;
  cpuLimit: number | null;
  memoryRequest: number | null;
  memoryLimit: number | null;
  /** Over every pod of the workload: the highest percentile, peak and working set, mean. */
  cpuHigh: number | null;
  cpuPeak: number | null;
  cpuMean: number | null;
  memoryPeak: number | null;
}

/** One workload with its spec and its usage history, ready for the analyzers. */
export interface WorkloadProfile {
  resource: Resource;
  /** Pods it is meant to run (replicas, or scheduled pods for a DaemonSet). */
  replicas: number;
  containers: ContainerProfile[];
  /** Pods of this workload seen in the window (live and gone). */
  podsSeen: number;
  /** Hours between the first sample and now. */
  historyHours: number;
  samples: number;
  /** Mean CPU (cores) and network (bytes/s) per pod over the window. */
  cpuMeanPerPod: number | null;
  networkPerPod: number | null;
  /** Sum over pods of each pod's high CPU percentile: the workload's sustained load. */
  cpuHighTotal: number | null;
  /** The HPA scaling it, and the resources it scales on. */
  hpa: { name: string; resources: string[] } | null;
  /** Its nodes' per-unit prices (cost allocation's), when known; savings are priced at them. */
  rates?: { cpuCoreHour: number; memoryGibHour: number; source: string } | undefined;
}

/**
 * Pod names a controller generates: Deployment `<name>-<rs hash>-<5>`, StatefulSet
 * `<name>-<ordinal>`, DaemonSet `<name>-<5>`. Matching names rather than live owners keeps
 * the history of pods replaced by a rollout; `web` does not match the pods of `web-api`.
 */
export function podNamePattern(kind: string, name: string): RegExp {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (kind === 'STATEFULSET') return new RegExp(`^${n}-\\d+$`);
  if (kind === 'DAEMONSET') return new RegExp(`^${n}-[a-z0-9]{5}$`);
  return new RegExp(`^${n}-[a-z0-9]{1,10}-[a-z0-9]{5}$`);
}

/** The resources an HPA scales on; autoscaling/v1 without metrics means CPU. */
export function hpaResources(hpa: Hpa): string[] {
  const metrics = (hpa.spec?.metrics ?? []) as {
    type?: string;
    resource?: { name?: string };
    containerResource?: { name?: string };
  }[];
  const out = new Set<string>();
  for (const m of metrics) {
    const r = m.resource?.name ?? m.containerResource?.name;
    if (r) out.add(r);
  }
  if (metrics.length === 0) out.add('cpu');
  return [...out];
}

const max = (values: (number | null)[]): number | null => {
  const v = values.filter((x): x is number => x !== null);
  return v.length > 0 ? Math.max(...v) : null;
};
const mean = (values: (number | null)[]): number | null => {
  const v = values.filter((x): x is number => x !== null);
  return v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

function replicasOf(r: Resource): number {
  const w = r.object as Workload;
  if (r.kind === 'DAEMONSET') return w.status?.desiredNumberScheduled ?? 0;
  return w.spec?.replicas ?? 1;
}

/** Joins the workloads of the caches with the usage snapshot and the HPAs that target them. */
export function buildProfiles(
  workloads: Resource[],
  hpas: Resource[],
  snapshot: UsageSnapshot,
): WorkloadProfile[] {
  const byNamespace = new Map<string, ContainerUsage[]>();
  for (const c of snapshot.containers) {
    const list = byNamespace.get(c.namespace) ?? [];
    list.push(c);
    byNamespace.set(c.namespace, list);
  }
  const netByPod = new Map(snapshot.network.map((n) => [`${n.namespace}/${n.pod}`, n]));
  const hpaByTarget = new Map<string, { name: string; resources: string[] }>();
  for (const h of hpas) {
    const ref = (h.object as Hpa).spec?.scaleTargetRef;
    if (!ref) continue;
    hpaByTarget.set(`${h.cluster}/${h.namespace}/${ref.kind.toUpperCase()}/${ref.name}`, {
      name: h.name,
      resources: hpaResources(h.object as Hpa),
    });
  }

  return workloads.map((r) => {
    const pattern = podNamePattern(r.kind, r.name);
    const usage = (byNamespace.get(r.namespace ?? '') ?? []).filter((c) => pattern.test(c.pod));
    const pods = [...new Set(usage.map((u) => u.pod))];
    const spec = (r.object as Workload).spec?.template?.spec?.containers ?? [];
    const containers: ContainerProfile[] = spec.map((c) => {
      const mine = usage.filter((u) => u.container === c.name);
      const requests = c.resources?.requests ?? {};
      const limits = c.resources?.limits ?? {};
      return {
        name: c.name,
        resources: {
          ...(c.resources?.requests ? { requests: { ...requests } } : {}),
          ...(c.resources?.limits ? { limits: { ...limits } } : {}),
        },
        cpuRequest: parseQuantity(requests.cpu),
        cpuLimit: parseQuantity(limits.cpu),
        memoryRequest: parseQuantity(requests.memory),
        memoryLimit: parseQuantity(limits.memory),
        cpuHigh: max(mine.map((u) => u.cpuHigh)),
        cpuPeak: max(mine.map((u) => u.cpuPeak)),
        cpuMean: mean(mine.map((u) => u.cpuMean)),
        memoryPeak: max(mine.map((u) => u.memoryPeak)),
      };
    });
    const first = usage.map((u) => u.firstSeen).filter((x): x is number => x !== null);
    const podCpuMean = pods.map((p) => {
      const values = usage.filter((u) => u.pod === p).map((u) => u.cpuMean ?? 0);
      return values.reduce((a, b) => a + b, 0);
    });
    const podCpuHigh = pods.map((p) =>
      usage.filter((u) => u.pod === p).reduce((a, u) => a + (u.cpuHigh ?? 0), 0),
    );
    const podNet = pods.map((p) => netByPod.get(`${r.namespace}/${p}`)?.bytesPerSecond ?? null);
    const live = pods.slice(0, Math.max(1, replicasOf(r)));
    return {
      resource: r,
      replicas: replicasOf(r),
      containers,
      podsSeen: pods.length,
      historyHours: first.length > 0 ? Math.max(0, (snapshot.at - Math.min(...first)) / 3600) : 0,
      samples: usage.reduce((a, u) => a + u.samples, 0),
      cpuMeanPerPod: mean(podCpuMean),
      networkPerPod: mean(podNet),
      cpuHighTotal:
        pods.length > 0
          ? // The busiest `replicas` pods: gone pods of old rollouts do not add load.
            [...podCpuHigh]
              .sort((a, b) => b - a)
              .slice(0, live.length)
              .reduce((a, b) => a + b, 0)
          : null,
      hpa: hpaByTarget.get(`${r.cluster}/${r.namespace}/${r.kind}/${r.name}`) ?? null,
    };
  });
}
