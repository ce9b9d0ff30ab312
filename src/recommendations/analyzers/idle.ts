import type { Draft, Skip } from '../types.ts';
import type { WorkloadProfile } from '../workloads.ts';
import { confidence, round2, type Settings, draftTarget, workloadRates } from './settings.ts';

/**
 * IDLE_WORKLOAD -> stop (scale to 0, replicas remembered for start). Idle means, over the
 * whole window and per pod: mean CPU < idleCpuMeanCores, the CPU high percentile <
 * idleCpuHighCores, and network (in + out) < idleNetworkBytesPerSecond. Savings are the
 * full requests of every pod. DaemonSets have no replica count and are not advised.
 */
export function idle(
  w: WorkloadProfile,
  s: Settings,
  queries: Record<string, string>,
): { draft?: Draft; skip?: Skip } {
  const r = w.resource;
  if (r.kind === 'DAEMONSET' || w.replicas === 0) return {};
  if (w.historyHours < s.minHistoryHours || w.cpuMeanPerPod === null) {
    return {
      skip: {
        targetId: r.id,
        analyzer: 'idle',
        reason: `not enough data: ${w.historyHours.toFixed(1)} h of history, ${s.minHistoryHours} h needed`,
      },
    };
  }
  const high = w.containers.reduce((a, c) => a + (c.cpuHigh ?? 0), 0);
  const net = w.networkPerPod ?? 0;
  if (w.cpuMeanPerPod >= s.idleCpuMeanCores || high >= s.idleCpuHighCores) return {};
  if (net >= s.idleNetworkBytesPerSecond) return {};
  const cpu = w.containers.reduce((a, c) => a + (c.cpuRequest ?? 0), 0);
  const mem = w.containers.reduce((a, c) => a + (c.memoryRequest ?? 0), 0);
  const rates = workloadRates(w, s);
  const savings = round2(
    w.replicas *
      (cpu * rates.cpuCoreHour + (mem / 2 ** 30) * rates.memoryGibHour) *
      s.hoursPerMonth,
  );
  return {
    draft: {
      ...draftTarget(r),
      type: 'IDLE_WORKLOAD',
      title: `Stop idle ${r.kind.toLowerCase()} ${r.name}`,
      summary:
        `${r.namespace}/${r.name} averaged ${(w.cpuMeanPerPod * 1000).toFixed(1)}m CPU and ` +
        `${(net / 1000).toFixed(1)} kB/s of network per pod over ${s.windowHours} h. Stopping it ` +
        `(scale to 0, replicas remembered) frees its ${w.replicas} pod(s), about $${savings.toFixed(2)}/month.`,
      current: { replicas: w.replicas },
      recommended: { replicas: 0 },
      evidence: {
        windowHours: s.windowHours,
        historyHours: round2(w.historyHours),
        samples: w.samples,
        pods: w.podsSeen,
        cpuMeanPerPodCores: w.cpuMeanPerPod,
        cpuHighCores: high,
        percentile: s.cpuPercentile,
        networkBytesPerSecondPerPod: net,
        thresholds: {
          cpuMeanCores: s.idleCpuMeanCores,
          cpuHighCores: s.idleCpuHighCores,
          networkBytesPerSecond: s.idleNetworkBytesPerSecond,
        },
        query: queries.cpuMean,
        networkQuery: queries.network,
        priceAssumption: rates.note,
      },
      confidence: confidence(w.historyHours, s),
      estimatedMonthlySavings: savings,
      risk: 'MEDIUM',
      source: 'analyzer:idle',
      action: { verb: 'stop', params: {}, precondition: { replicas: w.replicas } },
    },
  };
}
