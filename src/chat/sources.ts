// What the chat uses when it exists, and says is missing when it does not. The metrics and
// recommendations services each implement one of these (src/metrics/chat-source.ts,
// src/recommendations/chat-source.ts), passed to ChatService in app.ts; nothing in src/chat
// imports those services directly.
import type { ActionOutcomeResult } from '../actions/pipeline.ts';
import type { AuditSource } from '../audit/types.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { ReadScope, Resource } from '../providers/provider.ts';

export type ChatMetric = 'cpu' | 'memory' | 'network';

export interface UsageSample {
  resource: Resource;
  /** Cores for cpu, bytes for memory, bytes/s for network. */
  value: number;
  unit: string;
}

export interface ChatMetricsSource {
  /** The heaviest users of a metric now, among the given resources. */
  top(metric: ChatMetric, among: Resource[], limit: number): Promise<UsageSample[]>;
  /** One resource over a period (ISO 8601 duration): latest, average and peak. */
  usage(
    metric: ChatMetric,
    resource: Resource,
    period: string,
  ): Promise<{ latest: number; average: number; peak: number; unit: string } | null>;
}

export interface ChatRecommendation {
  id: string;
  title: string;
  target: Resource | null;
  estimatedMonthlySavings: number | null;
  risk: string | null;
}

export interface ActingAs {
  viewer: Viewer;
  requestId: string | null;
  source: AuditSource;
  dryRun: boolean;
}

export interface ChatRecommendationsSource {
  /** Open recommendations in the order users see them (number N is the Nth). */
  open(limit: number, scope?: ReadScope): Promise<ChatRecommendation[]>;
  /** Both through the action pipeline inside the recommendations service (dry runs if asked). */
  apply(id: string, as: ActingAs): Promise<ActionOutcomeResult>;
  reject(id: string, reason: string, as: ActingAs): Promise<ActionOutcomeResult>;
}

/** A server-side check of generated manifests, and the way to create them. */
export interface ManifestPort {
  /** The cluster a creation goes to when the request names none. */
  defaultCluster(): string | undefined;
  /** A dry run of creating each object on the API server; problems per object. */
  validate(
    cluster: string,
    manifests: Record<string, unknown>[],
  ): Promise<{ object: string; ok: boolean; message: string }[]>;
}
