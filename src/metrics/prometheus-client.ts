import { ProviderError } from '../errors.ts';
import type { TimeWindow } from './types.ts';

/** One series of an instant (`value`) or range (`values`) answer. */
export interface PromSeries {
  metric: Record<string, string>;
  value?: [number, string];
  values?: [number, string][];
}

/**
 * Prometheus' HTTP API, the one way this service queries it (live metrics and the
 * recommender's usage history alike). Every failure is a `ProviderError('prometheus')`;
 * data requests are counted so tests and benchmarks can check that their number stays flat.
 */
export class PrometheusClient {
  readonly url: string;
  /** Data requests sent (instant + range), and range requests alone. */
  requests = 0;
  rangeRequests = 0;
  private readonly timeoutMs: number;

  constructor(url: string, timeoutMs = 30_000) {
    this.url = url.replace(/\/$/, '');
    this.timeoutMs = timeoutMs;
  }

  /** An instant query at `atMs` (milliseconds since the epoch). */
  async instant(promql: string, atMs = Date.now()): Promise<PromSeries[]> {
    this.requests++;
    return this.call('/api/v1/query', { query: promql, time: String(atMs / 1000) });
  }

  async range(promql: string, w: TimeWindow): Promise<PromSeries[]> {
    this.requests++;
    this.rangeRequests++;
    return this.call('/api/v1/query_range', {
      query: promql,
      start: String(w.from / 1000),
      end: String(w.to / 1000),
      step: String(w.stepMs / 1000),
    });
  }

  /** Reachability, without counting as a data request. */
  async ping(): Promise<void> {
    await this.call('/api/v1/query', { query: 'vector(1)' });
  }

  private async call(path: string, params: Record<string, string>): Promise<PromSeries[]> {
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      throw new ProviderError(
        'prometheus',
        `Prometheus at ${this.url} is unreachable: ${cause ?? (err as Error).message}`,
      );
    }
    const body = (await res.json().catch(() => null)) as {
      status?: string;
      error?: string;
      data?: { result: PromSeries[] };
    } | null;
    if (!res.ok || body?.status !== 'success' || !body.data) {
      throw new ProviderError(
        'prometheus',
        `Prometheus at ${this.url} answered HTTP ${res.status}: ${body?.error ?? 'no data'}`,
      );
    }
    return body.data.result;
  }
}
