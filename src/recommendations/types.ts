import type { MetricName, Series, TimeWindow } from '../metrics/types.ts';
import type { ActionVerb, Resource, ResourceKind } from '../providers/provider.ts';

export const RECOMMENDATION_STATUSES = [
  'OPEN',
  'APPLIED',
  'REJECTED',
  'EXPIRED',
  'SUPERSEDED',
  'FAILED',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export const RISKS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Risk = (typeof RISKS)[number];

/** Built-in types; agents may use others matching TYPE_PATTERN. */
export const BUILTIN_TYPES = [
  'CPU_RIGHTSIZE',
  'MEMORY_RIGHTSIZE',
  'REPLICAS',
  'IDLE_WORKLOAD',
  'EC2_IDLE',
  'EC2_DOWNSIZE',
  'EBS_UNATTACHED',
] as const;
export const TYPE_PATTERN = /^[A-Z][A-Z0-9_]{2,39}$/;
export type BuiltinType = (typeof BUILTIN_TYPES)[number];
/** A stored type as the API reads it: a built-in one, or CUSTOM for an agent's own. */
export type TypeKind = BuiltinType | 'CUSTOM';
const BUILTIN_SET: ReadonlySet<string> = new Set(BUILTIN_TYPES);
export const typeKindOf = (stored: string): TypeKind =>
  BUILTIN_SET.has(stored) ? (stored as BuiltinType) : 'CUSTOM';

/**
 * Where advice comes from, stored as `analyzer:<name>` or `agent:<name>`; OTHER reads a stored
 * source of neither form (never written by this version) without failing.
 */
export const SOURCE_KINDS = ['ANALYZER', 'AGENT', 'OTHER'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export function sourceOf(stored: string): { kind: SourceKind; name: string } {
  const colon = stored.indexOf(':');
  const prefix = colon < 0 ? '' : stored.slice(0, colon);
  const kind = prefix === 'analyzer' ? 'ANALYZER' : prefix === 'agent' ? 'AGENT' : 'OTHER';
  return { kind, name: kind === 'OTHER' ? stored : stored.slice(colon + 1) };
}

/** What applying a recommendation asks of the action pipeline. */
export interface PlannedAction {
  verb: ActionVerb;
  params: Record<string, unknown>;
  precondition?: Record<string, unknown> | undefined;
  /** Never applied by automation (e.g. deleting a volume), only by a person, and confirmed. */
  manualOnly?: boolean | undefined;
}

/** An analyzer's or an agent's proposal, before it is reconciled with the store. */
export interface Draft {
  targetId: string;
  targetKind: ResourceKind;
  targetName: string;
  targetNamespace: string | null;
  type: string;
  title: string;
  summary: string;
  current: unknown;
  recommended: unknown;
  evidence: Record<string, unknown>;
  confidence: number;
  /** USD per month; negative when the advice costs more (e.g. raising a too-low request). */
  estimatedMonthlySavings: number | null;
  risk: Risk;
  /** `analyzer:<name>` or `agent:<name>`. */
  source: string;
  action: PlannedAction | null;
}

export interface Recommendation extends Draft {
  id: string;
  status: RecommendationStatus;
  statusReason: string | null;
  auditEventId: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

/** A workload an analyzer looked at and deliberately said nothing about, and why. */
export interface Skip {
  targetId: string;
  analyzer: string;
  reason: string;
}

export interface AnalyzerResult {
  drafts: Draft[];
  skips: Skip[];
  /** Targets the analyzer evaluated (its open advice on them expires if not re-proposed). */
  evaluated: Set<string>;
}

/** History of many targets at once (MetricsService.series: a fixed number of backend calls). */
export type HistoryReader = (
  targets: Resource[],
  names: MetricName[],
  w: TimeWindow,
) => Promise<Series[]>;
