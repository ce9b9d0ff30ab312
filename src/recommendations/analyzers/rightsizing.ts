import { parseQuantity } from '../../providers/kubernetes/quantity.ts';
import type { Draft, Skip } from '../types.ts';
import type { ContainerProfile, WorkloadProfile } from '../workloads.ts';
import {
  confidence,
  formatCpu,
  formatMemory,
  round2,
  type Settings,
  draftTarget,
  workloadRates,
} from './settings.ts';

export type SizedResource = 'cpu' | 'memory';

/**
 * Recommended request of one container:
 *   cpu    = clamp(P95(5-minute CPU rate over the window) × (1 + cpuMargin), floor, max)
 *   memory = clamp(peak working set over the window × (1 + memoryMargin), floor, max)
 * Memory follows the peak, never a percentile: a request below a seen peak is how
 * right-sizers cause OOM kills. Returns null without usage data.
 */
export function recommendedRequest(
  resource: SizedResource,
  c: Pick<ContainerProfile, 'cpuHigh' | 'memoryPeak'>,
  s: Settings,
): number | null {
  if (resource === 'cpu') {
    if (c.cpuHigh === null) return null;
    return Math.min(s.cpuMaxCores, Math.max(s.cpuFloorCores, c.cpuHigh * (1 + s.cpuMargin)));
  }
  if (c.memoryPeak === null) return null;
  return Math.min(
    s.memoryMaxBytes,
    Math.max(s.memoryFloorBytes, c.memoryPeak * (1 + s.memoryMargin)),
  );
}

/** Whether moving from `current` to `next` is worth a change (both thresholds). */
export function significant(
  resource: SizedResource,
  current: number | null,
  next: number,
  s: Settings,
): boolean {
  if (current === null || current === 0) return true; // no request at all: always advise one
  const abs = Math.abs(next - current);
  const minAbs = resource === 'cpu' ? s.minCpuChangeCores : s.minMemoryChangeBytes;
  return abs / current >= s.minRelativeChange && abs >= minAbs;
}

/**
 * New limit: keep the container's limit/request ratio (the VPA's rule), so a limit never
 * falls below the new request; no limit stays no limit.
 */
export function scaledLimit(request: number, currentRequest: number | null, limit: number | null) {
  if (limit === null) return null;
  if (currentRequest === null || currentRequest <= 0) return Math.max(limit, request);
  return Math.max(request, request * (limit / currentRequest));
}

const fmt = (r: SizedResource, v: number) => (r === 'cpu' ? formatCpu(v) : formatMemory(v));

/** CPU_RIGHTSIZE or MEMORY_RIGHTSIZE for one workload, or the reason there is none. */
export function rightsize(
  w: WorkloadProfile,
  resource: SizedResource,
  s: Settings,
  queries: Record<string, string>,
): { draft?: Draft; skip?: Skip } {
  const analyzer = `${resource}-rightsizing`;
  const r = w.resource;
  if (w.hpa?.resources.includes(resource)) {
    return {
      skip: {
        targetId: r.id,
        analyzer,
        reason: `scaled on ${resource} by HorizontalPodAutoscaler ${w.hpa.name}: changing the request would change its scaling`,
      },
    };
  }
  if (w.historyHours < s.minHistoryHours) {
    return {
      skip: {
        targetId: r.id,
        analyzer,
        reason: `not enough data: ${w.historyHours.toFixed(1)} h of history, ${s.minHistoryHours} h needed`,
      },
    };
  }
  const key = resource === 'cpu' ? 'cpu' : 'memory';
  const current: Record<string, unknown> = {};
  const recommended: Record<string, unknown> = {};
  const patchContainers: Record<string, unknown>[] = [];
  const precondition: Record<string, unknown> = {};
  const usage: Record<string, unknown> = {};
  let deltaPerPod = 0;
  for (const c of w.containers) {
    const next = recommendedRequest(resource, c, s);
    const req = resource === 'cpu' ? c.cpuRequest : c.memoryRequest;
    const lim = resource === 'cpu' ? c.cpuLimit : c.memoryLimit;
    if (next === null || !significant(resource, req, next, s)) continue;
    const newLimit = scaledLimit(next, req, lim);
    const nextText = fmt(resource, next);
    current[c.name] = {
      request: c.resources.requests?.[key] ?? null,
      limit: c.resources.limits?.[key] ?? null,
    };
    recommended[c.name] = {
      request: nextText,
      limit: newLimit === null ? null : fmt(resource, newLimit),
    };
    usage[c.name] =
      resource === 'cpu'
        ? { percentile: c.cpuHigh, peak: c.cpuPeak, mean: c.cpuMean }
        : { peak: c.memoryPeak };
    patchContainers.push({
      name: c.name,
      resources: {
        requests: { [key]: nextText },
        ...(newLimit === null ? {} : { limits: { [key]: fmt(resource, newLimit) } }),
      },
    });
    precondition[c.name] = c.resources;
    // Priced at the request as written (rounded up), which is what applying it sets.
    deltaPerPod += (req ?? 0) - (parseQuantity(nextText) ?? next);
  }
  if (patchContainers.length === 0) return {};

  const rates = workloadRates(w, s);
  const unitPrice = resource === 'cpu' ? rates.cpuCoreHour : rates.memoryGibHour / 2 ** 30;
  const savings = round2(deltaPerPod * w.replicas * unitPrice * s.hoursPerMonth);
  const names = Object.keys(recommended);
  const change = names
    .map((n) => {
      const cur = (current[n] as { request: string | null }).request ?? 'none';
      return `${n} ${cur} → ${(recommended[n] as { request: string }).request}`;
    })
    .join(', ');
  const basis =
    resource === 'cpu'
      ? `P${Math.round(s.cpuPercentile * 100)} CPU usage over ${s.windowHours} h plus ${Math.round(s.cpuMargin * 100)}%`
      : `peak working set over ${s.windowHours} h plus ${Math.round(s.memoryMargin * 100)}%`;
  const lowering = deltaPerPod > 0;
  return {
    draft: {
      ...draftTarget(r),
      type: resource === 'cpu' ? 'CPU_RIGHTSIZE' : 'MEMORY_RIGHTSIZE',
      title: `${lowering ? 'Lower' : 'Raise'} the ${resource === 'cpu' ? 'CPU' : 'memory'} request of ${r.name}`,
      summary:
        `${r.kind.toLowerCase()} ${r.namespace}/${r.name}: ${change} (${basis}). ` +
        (lowering
          ? `Saves about $${savings.toFixed(2)}/month across ${w.replicas} pod(s).`
          : `Usage exceeds the request; raising it avoids ${resource === 'cpu' ? 'throttling' : 'OOM kills and evictions'}.`),
      current: { containers: current, replicas: w.replicas },
      recommended: { containers: recommended },
      evidence: {
        windowHours: s.windowHours,
        historyHours: round2(w.historyHours),
        samples: w.samples,
        pods: w.podsSeen,
        percentile: resource === 'cpu' ? s.cpuPercentile : null,
        margin: resource === 'cpu' ? s.cpuMargin : s.memoryMargin,
        usage,
        query: resource === 'cpu' ? queries.cpuHigh : queries.memoryPeak,
        peakQuery: resource === 'cpu' ? queries.cpuPeak : undefined,
        priceAssumption: rates.note,
      },
      confidence: confidence(w.historyHours, s),
      estimatedMonthlySavings: savings,
      // Lowering memory is the change that can hurt (OOM); the margin over the peak bounds it.
      risk: resource === 'memory' && lowering ? 'MEDIUM' : 'LOW',
      source: `analyzer:${analyzer}`,
      action: {
        verb: 'patch',
        params: { patch: { spec: { template: { spec: { containers: patchContainers } } } } },
        precondition: { containers: precondition },
      },
    },
  };
}
