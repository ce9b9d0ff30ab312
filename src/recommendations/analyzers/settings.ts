import type { Resource } from '../../providers/provider.ts';
import type { WorkloadProfile } from '../workloads.ts';

/**
 * Every threshold of the built-in analyzers in one place; README "Recommendations" quotes
 * these values. Prices follow Kubecost's defaults (GCP n1 list prices), the usual basis for
 * "what a request costs" when the node's own price is not known.
 */
export const SETTINGS = {
  /** History looked at, and what counts as enough of it. */
  windowHours: 168,
  minHistoryHours: 24,
  /** Confidence reaches 1 after this much history. */
  fullConfidenceHours: 168,
  /** CPU request from this percentile of the 5-minute usage rate (KRR uses P95). */
  cpuPercentile: 0.95,
  /** Added on top of the percentile (CPU) and of the peak working set (memory). */
  cpuMargin: 0.15,
  memoryMargin: 0.15,
  /** Floors and upper bounds of a recommended request. */
  cpuFloorCores: 0.01,
  memoryFloorBytes: 32 * 2 ** 20,
  cpuMaxCores: 64,
  memoryMaxBytes: 256 * 2 ** 30,
  /** Advice only when the request moves by at least this fraction and this absolute amount. */
  minRelativeChange: 0.2,
  minCpuChangeCores: 0.025,
  minMemoryChangeBytes: 32 * 2 ** 20,
  /** Idle: mean CPU per pod, its high percentile, and network per pod all below these. */
  idleCpuMeanCores: 0.01,
  idleCpuHighCores: 0.02,
  idleNetworkBytesPerSecond: 10_000,
  /** Replicas: aim the busiest pods' summed high percentile at this share of the requests. */
  replicasTargetUtilisation: 0.7,
  replicasLowUtilisation: 0.35,
  replicasHighUtilisation: 0.9,
  replicasMin: 2,
  /** EC2 (CloudWatch): history at EC2's basic-monitoring resolution. */
  ec2StepSeconds: 300,
  /** EC2 idle: P95 of 5-minute CPU under this percent, and network (in + out) under this. */
  ec2IdleCpuPercent: 5,
  ec2IdleNetworkBytesPerSecond: 5_000,
  /** EC2 downsize: P95 CPU under this percent is "consistently low" ... */
  ec2DownsizeMaxCpuPercent: 40,
  /** ... and the smaller type must run the P95 plus cpuMargin under this percent. */
  ec2DownsizeTargetCpuPercent: 60,
  /** EBS: a volume this young may be about to be attached (AWS records no detach time). */
  ebsMinAgeHours: 24,
  /** USD per vCPU-hour and per GiB-hour of requests (Kubecost defaults). */
  cpuHourUsd: 0.031611,
  gibHourUsd: 0.004237,
  hoursPerMonth: 730,
} as const;

export type Settings = { -readonly [K in keyof typeof SETTINGS]: number };

/** The rates a workload's savings are priced at: its nodes' (cost allocation's), or the defaults. */
export function workloadRates(
  w: WorkloadProfile,
  s: Settings,
): { cpuCoreHour: number; memoryGibHour: number; note: string } {
  if (w.rates) {
    return {
      cpuCoreHour: w.rates.cpuCoreHour,
      memoryGibHour: w.rates.memoryGibHour,
      note: `$${w.rates.cpuCoreHour.toFixed(6)}/vCPU-hour and $${w.rates.memoryGibHour.toFixed(6)}/GiB-hour, the rates cost allocation charges on its nodes (${w.rates.source}), ${s.hoursPerMonth} h/month`,
    };
  }
  return {
    cpuCoreHour: s.cpuHourUsd,
    memoryGibHour: s.gibHourUsd,
    note: `$${s.cpuHourUsd}/vCPU-hour and $${s.gibHourUsd}/GiB-hour of requests (OpenCost defaults: its nodes have no known price), ${s.hoursPerMonth} h/month`,
  };
}

/** Confidence in [0, 1]: grows with the square root of history, full at fullConfidenceHours. */
export function confidence(historyHours: number, s: Settings): number {
  const c = Math.sqrt(Math.max(0, historyHours) / s.fullConfidenceHours);
  return Math.round(Math.min(1, c) * 100) / 100;
}

/** A CPU amount as Kubernetes writes it, rounded up to whole millicores. */
export function formatCpu(cores: number): string {
  const m = Math.ceil(cores * 1000 - 1e-9);
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** A memory amount rounded up to whole MiB. */
export function formatMemory(bytes: number): string {
  const mi = Math.ceil(bytes / 2 ** 20 - 1e-9);
  return mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`;
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

/** The target fields every draft carries, from the resource it is about. */
export const draftTarget = (r: Resource) => ({
  targetId: r.id,
  targetKind: r.kind,
  targetName: r.name,
  targetNamespace: r.namespace,
});
