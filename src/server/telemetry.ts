import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LeaderGate } from '../leader.ts';

/**
 * The orchestrator's own telemetry for GET /metrics (process, HTTP, GraphQL, leadership):
 * not the resource metrics it serves (src/metrics/) nor the metrics subscription's fast path
 * (sample-fastpath.ts).
 */
export class ServerTelemetry {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: 'optiinfra_http_requests_total',
    help: 'HTTP requests by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'optiinfra_http_request_duration_seconds',
    help: 'HTTP request duration by route.',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly graphqlOperations = new Counter({
    name: 'optiinfra_graphql_operations_total',
    help: 'GraphQL operations by type and outcome (ok, error).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'optiinfra_graphql_operation_duration_seconds',
    help: 'GraphQL execution time by operation type (subscriptions excluded).',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly responseCache = new Counter({
    name: 'optiinfra_graphql_response_cache_total',
    help: "Queries that read only the providers' caches, by outcome: answered from the response cache (hit) or executed (miss).",
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(opts: { leader?: LeaderGate } = {}) {
    collectDefaultMetrics({ register: this.registry, prefix: 'optiinfra_' });
    const { leader } = opts;
    if (leader) {
      new Gauge({
        name: 'optiinfra_leader',
        help: '1 while this replica runs the periodic jobs (it holds the leader Lease, or no election is configured).',
        registers: [this.registry],
        collect() {
          this.set(leader.isLeader() ? 1 : 0);
        },
      });
    }
  }
}
