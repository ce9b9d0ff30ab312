import type { Draft, Skip } from '../types.ts';
import type { WorkloadProfile } from '../workloads.ts';
import { confidence, round2, type Settings, draftTarget, workloadRates } from './settings.ts';

/**
 * REPLICAS for Deployments and StatefulSets without an HPA, from sustained utilisation:
 *   u = (sum over the busiest `replicas` pods of their P95 CPU) / (replicas × CPU request)
 * Below replicasLowUtilisation or above replicasHighUtilisation, advise
 *   replicas' = clamp(ceil(replicas × u / replicasTargetUtilisation), replicasMin, 4 × replicas)
 * It runs only where CPU right-sizing proposed nothing (the engine enforces this): when the
 * per-pod request is wrong, fixing it comes first, and both together would double-count.
 */
export function replicas(
  w: WorkloadProfile,
  s: Settings,
  queries: Record<string, string>,
): { draft?: Draft; skip?: Skip } {
  const r = w.resource;
  if (r.kind === 'DAEMONSET' || w.replicas === 0) return {};
  if (w.hpa) {
    return {
      skip: {
        targetId: r.id,
        analyzer: 'replicas',
        reason: `replicas are managed by HorizontalPodAutoscaler ${w.hpa.name}`,
      },
    };
  }
  if (w.historyHours < s.minHistoryHours || w.cpuHighTotal === null) return {};
  const request = w.containers.reduce((a, c) => a + (c.cpuRequest ?? 0), 0);
  if (request <= 0) return {};
  const u = w.cpuHighTotal / (w.replicas * request);
  if (u >= s.replicasLowUtilisation && u <= s.replicasHighUtilisation) return {};
  const wanted = Math.min(
    w.replicas * 4,
    Math.max(
      Math.min(s.replicasMin, w.replicas),
      Math.ceil((w.replicas * u) / s.replicasTargetUtilisation),
    ),
  );
  if (wanted === w.replicas) return {};
  const mem = w.containers.reduce((a, c) => a + (c.memoryRequest ?? 0), 0);
  const rates = workloadRates(w, s);
  const perPod =
    (request * rates.cpuCoreHour + (mem / 2 ** 30) * rates.memoryGibHour) * s.hoursPerMonth;
  const savings = round2((w.replicas - wanted) * perPod);
  return {
    draft: {
      ...draftTarget(r),
      type: 'REPLICAS',
      title: `${wanted < w.replicas ? 'Scale down' : 'Scale up'} ${r.name} to ${wanted} replicas`,
      summary:
        `${r.namespace}/${r.name} runs at ${Math.round(u * 100)}% of its CPU requests at P${Math.round(s.cpuPercentile * 100)}; ` +
        `${wanted} replicas would run near ${Math.round(s.replicasTargetUtilisation * 100)}%.`,
      current: { replicas: w.replicas },
      recommended: { replicas: wanted },
      evidence: {
        windowHours: s.windowHours,
        historyHours: round2(w.historyHours),
        samples: w.samples,
        percentile: s.cpuPercentile,
        utilisation: round2(u),
        cpuHighTotalCores: w.cpuHighTotal,
        cpuRequestPerPodCores: request,
        query: queries.cpuHigh,
        priceAssumption: rates.note,
      },
      confidence: confidence(w.historyHours, s),
      estimatedMonthlySavings: savings,
      risk: wanted < w.replicas ? 'MEDIUM' : 'LOW',
      source: 'analyzer:replicas',
      action: {
        verb: 'scale',
        params: { replicas: wanted },
        precondition: { replicas: w.replicas },
      },
    },
  };
}
