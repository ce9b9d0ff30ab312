import { useEffect, useState } from 'preact/hooks';
import { request, type ApiError } from '../api.ts';
import type { Series } from '../chart.tsx';
import { TimeChart } from '../chart.tsx';
import { bytes, cores, words } from '../format.ts';
import type { ActionVerb, DashResourceQuery, MetricName } from '../gql/graphql.ts';
import { errorsAt, useQuery, useSubscription } from '../hooks.ts';
import { RestartMutation, ScaleMutation, StartMutation, StopMutation } from '../mutations.ts';
import {
  AuditEventsSubscription,
  MetricSamplesSubscription,
  MetricsHistoryQuery,
  ResourceEventsSubscription,
  ResourceQuery,
} from '../operations.ts';
import {
  AuditTable,
  ErrorLine,
  FieldErrors,
  PreviewAction,
  StateBadge,
  type Outcome,
} from '../ui.tsx';
import { RecommendationCard } from './recommendations.tsx';

const RANGES = ['PT15M', 'PT1H', 'PT6H', 'PT24H', 'P7D'];
const NAMES: MetricName[] = ['CPU_USAGE', 'MEMORY_USAGE'];
/** Samples kept on a live chart beyond its history (one per collection). */
const MAX_POINTS = 2000;

type Charts = Record<'CPU_USAGE' | 'MEMORY_USAGE', Series>;
const empty = (): Charts => ({
  CPU_USAGE: { times: [], values: [] },
  MEMORY_USAGE: { times: [], values: [] },
});

/**
 * History for the chosen range, then each collected sample appended live; `errors` says why
 * the history is missing (Prometheus down) while the live samples still come.
 */
function useMetrics(id: string, range: string): { charts: Charts; errors: ApiError[] } {
  const history = useQuery(MetricsHistoryQuery, {
    targets: [id],
    names: NAMES,
    range: { last: range },
  });
  const [charts, setCharts] = useState<Charts>(empty);
  useEffect(() => {
    const next = empty();
    for (const s of history.data?.metrics ?? []) {
      if (s.name !== 'CPU_USAGE' && s.name !== 'MEMORY_USAGE') continue;
      next[s.name] = {
        times: s.points.map((p) => Date.parse(p.timestamp) / 1000),
        values: s.points.map((p) => p.value),
      };
    }
    setCharts(next);
  }, [history.data]);
  useSubscription(MetricSamplesSubscription, { targets: [id], names: NAMES }, ({ metrics: m }) => {
    if (m.name !== 'CPU_USAGE' && m.name !== 'MEMORY_USAGE') return;
    const name = m.name;
    setCharts((c) => {
      const t = Date.parse(m.timestamp) / 1000;
      const s = c[name];
      if (s.times.length && t <= (s.times[s.times.length - 1] ?? 0)) return c;
      return {
        ...c,
        [name]: {
          times: [...s.times, t].slice(-MAX_POINTS),
          values: [...s.values, m.value].slice(-MAX_POINTS),
        },
      };
    });
  });
  return {
    charts,
    errors: history.error ? [history.error] : errorsAt(history.errors, 'metrics'),
  };
}

type Resource = NonNullable<DashResourceQuery['node']>;

/** The actions that take nothing but the resource: offered when the resource lists the verb. */
const SIMPLE_ACTIONS: {
  verb: ActionVerb;
  label: string;
  run: (id: string, dryRun: boolean) => Promise<Outcome>;
}[] = [
  {
    verb: 'START',
    label: 'Start',
    run: async (id, dryRun) =>
      (await request(StartMutation, { input: { id, dryRun } })).startResource,
  },
  {
    verb: 'STOP',
    label: 'Stop',
    run: async (id, dryRun) =>
      (await request(StopMutation, { input: { id, dryRun } })).stopResource,
  },
  {
    verb: 'RESTART',
    label: 'Restart',
    run: async (id, dryRun) =>
      (await request(RestartMutation, { input: { id, dryRun } })).restartResource,
  },
];

function Actions({ r, onDone }: { r: Resource; onDone: () => void }) {
  const [replicas, setReplicas] = useState<number>(
    'desiredReplicas' in r ? (r.desiredReplicas ?? 1) : 1,
  );
  if (!('actions' in r)) return null;
  const id = r.id;
  // "Why can't I?": each verb this kind takes that the viewer may not run, with the reason.
  const refused = r.permissions.filter((p) => !p.allowed);
  return (
    <section class="card" data-testid="actions">
      <h3>Actions</h3>
      {r.actions.includes('SCALE') && (
        <PreviewAction
          label="Scale"
          onDone={onDone}
          run={async (dryRun): Promise<Outcome> =>
            (await request(ScaleMutation, { input: { id, replicas, dryRun } })).scaleResource
          }
        >
          <label>
            Replicas{' '}
            <input
              type="number"
              name="replicas"
              min={0}
              value={replicas}
              onInput={(e) => setReplicas(Number(e.currentTarget.value))}
            />
          </label>
        </PreviewAction>
      )}
      {SIMPLE_ACTIONS.filter((a) => r.actions.includes(a.verb)).map((a) => (
        <PreviewAction
          key={a.verb}
          label={a.label}
          onDone={onDone}
          run={(dryRun) => a.run(id, dryRun)}
        />
      ))}
      {refused.length > 0 && (
        <ul class="muted" data-testid="refused-actions">
          {refused.map((p) => (
            <li key={p.verb} data-verb={p.verb}>
              {words(p.verb)}: {p.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One resource: details, live metrics with a history range, actions, audit trail, advice. */
export function ResourceView({ id }: { id: string }) {
  const q = useQuery(ResourceQuery, { id });
  const [range, setRange] = useState('PT1H');
  const { charts, errors: metricErrors } = useMetrics(id, range);
  const r = q.data?.node;
  const ident = r && 'name' in r ? r : undefined;
  // Live: the resource's own changes and its new audit events refresh the page.
  useSubscription(
    ResourceEventsSubscription,
    {
      filter: {
        names: ident ? [ident.name] : [],
        ...(ident?.namespace ? { namespaces: [ident.namespace] } : {}),
        ...(ident ? { kinds: [ident.kind] } : {}),
      },
    },
    (d) => d.resourceEvents.resource.id === id && q.refetch(),
    { enabled: !!ident, onGap: q.refetch },
  );
  useSubscription(AuditEventsSubscription, { filter: { resourceId: id } }, () => q.refetch(), {
    onGap: q.refetch,
  });
  if (!r) return q.error ? <ErrorLine error={q.error} /> : <p class="muted">Loading…</p>;
  if (!('name' in r)) return <p class="error">Not a resource.</p>;
  return (
    <div data-testid="resource" data-resource-id={r.id}>
      <h2>
        {r.kind} {r.namespace ? `${r.namespace}/` : ''}
        {r.name} <StateBadge state={r.state} />
      </h2>
      <p class="muted">
        {r.provider} · {r.cluster}
        {'desiredReplicas' in r && (
          <span data-testid="replicas" data-desired={r.desiredReplicas}>
            {' '}
            · replicas {r.readyReplicas}/{r.desiredReplicas} ready
          </span>
        )}
      </p>
      <p>
        CPU {cores(r.cpuUsage)} (request {cores(r.usage?.cpuRequest)}, limit{' '}
        {cores(r.usage?.cpuLimit)}) · memory {bytes(r.memoryUsage)} (request{' '}
        {bytes(r.usage?.memoryRequest)}, limit {bytes(r.usage?.memoryLimit)})
      </p>
      <section class="card" data-testid="resource-metrics">
        <div class="row">
          <h3>Metrics</h3>
          <select
            name="range"
            value={range}
            onChange={(e) => setRange(e.currentTarget.value)}
            aria-label="History range"
          >
            {RANGES.map((x) => (
              <option value={x}>last {x.replace(/^PT?/, '').toLowerCase()}</option>
            ))}
          </select>
        </div>
        <FieldErrors errors={metricErrors} />
        <div class="grid2">
          <TimeChart
            title="CPU (cores)"
            series={charts.CPU_USAGE}
            format={cores}
            testId="cpu-chart"
          />
          <TimeChart
            title="Memory"
            series={charts.MEMORY_USAGE}
            format={bytes}
            testId="memory-chart"
          />
        </div>
      </section>
      <Actions r={r} onDone={q.refetch} />
      <section class="card" data-testid="resource-recommendations">
        <h3>Recommendations</h3>
        <FieldErrors errors={errorsAt(q.errors, 'node', 'recommendations')} />
        {r.recommendations?.edges.length === 0 && <p class="muted">None.</p>}
        {r.recommendations?.edges.map((e) => (
          <RecommendationCard key={e.node.id} rec={e.node} onChange={q.refetch} />
        ))}
      </section>
      <section class="card" data-testid="resource-audit">
        <h3>Audit trail</h3>
        <FieldErrors errors={errorsAt(q.errors, 'node', 'auditLog')} />
        <AuditTable events={r.auditLog?.edges.map((e) => e.node) ?? []} />
      </section>
    </div>
  );
}
