import { useEffect, useState } from 'preact/hooks';
import { bytes, cores, money, percent, time } from '../format.ts';
import type { OverviewFieldsFragment } from '../gql/graphql.ts';
import type { ApiError } from '../api.ts';
import { errorsAt, href, useQuery, useSubscription } from '../hooks.ts';
import { OverviewQuery, OverviewSubscription } from '../operations.ts';
import { AuditTable, ErrorLine, FieldErrors, StateBadge } from '../ui.tsx';

function Bar({ used, of, label }: { used: number | null; of: number | null; label: string }) {
  const pct = used !== null && of ? Math.min(100, (100 * used) / of) : 0;
  return (
    <div class="bar" title={label}>
      <div style={{ width: `${pct}%` }} />
    </div>
  );
}

/** Status, counts, cluster usage and savings: the first screen, live (one push a second). */
export function OverviewView() {
  const first = useQuery(OverviewQuery, {});
  const [live, setLive] = useState<{ o: OverviewFieldsFragment; errors: ApiError[] }>();
  // Live once the first answer is in (the subscription's first push would compute it twice).
  useSubscription(OverviewSubscription, {}, (d, errors) => setLive({ o: d.overview, errors }), {
    enabled: !!first.data,
  });
  const o = live?.o ?? first.data?.overview;
  const errors = live?.errors ?? first.errors;
  useEffect(() => {
    // The moment the overview is usable, for the browser test's first-load figure.
    if (o && performance.getEntriesByName('overview-ready').length === 0) {
      performance.mark('overview-ready');
    }
  }, [o]);
  if (!o) return first.error ? <ErrorLine error={first.error} /> : <p class="muted">Loading…</p>;
  return (
    <div data-testid="overview" data-ready="true">
      <h2>Overview</h2>
      <section class="chips">
        {o.status.map((c) => (
          <span class="chip" title={c.message} key={c.name}>
            {c.name} <StateBadge state={c.state} />
          </span>
        ))}
      </section>
      <section class="grid">
        <div class="card">
          <h3>Resources</h3>
          <p class="big" data-testid="resource-total">
            {o.resources.total}
          </p>
          <table>
            <tbody>
              {o.resources.byKind.map((c) => (
                <tr key={c.key}>
                  <td>
                    <a href={href(['resources'], { kind: c.key })}>{c.key}</a>
                  </td>
                  <td class="num">{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {o.resources.byState.map((c) => (
              <span class="chip" key={c.key}>
                <StateBadge state={c.key} /> {c.count}
              </span>
            ))}
          </p>
        </div>
        <div class="card" data-testid="overview-usage">
          <h3>Cluster usage</h3>
          {(o.metrics?.clusters ?? []).map((c) => (
            <div key={c.cluster} class="usage">
              <h4>{c.cluster}</h4>
              <p>
                CPU {cores(c.cpuUsage)} used, {cores(c.cpuRequest)} requested of{' '}
                {cores(c.cpuCapacity)} ({percent(c.cpuUsage, c.cpuCapacity)})
              </p>
              <Bar used={c.cpuUsage} of={c.cpuCapacity} label="CPU used / capacity" />
              <p>
                Memory {bytes(c.memoryUsage)} used, {bytes(c.memoryRequest)} requested of{' '}
                {bytes(c.memoryCapacity)} ({percent(c.memoryUsage, c.memoryCapacity)})
              </p>
              <Bar used={c.memoryUsage} of={c.memoryCapacity} label="Memory used / capacity" />
            </div>
          ))}
          {!o.metrics?.clusters.length && <p class="muted">No usage collected yet.</p>}
          <p class="muted">Collected {time(o.metrics?.collectedAt)}</p>
        </div>
        <div class="card" data-testid="overview-savings">
          <h3>Savings</h3>
          <FieldErrors errors={errorsAt(errors, 'overview', 'recommendations')} />
          {o.recommendations && (
            <>
              <p class="big" data-testid="savings">
                {money(o.recommendations.totalMonthlySavings)}
              </p>
              <p>
                <a href={href(['recommendations'])}>
                  {o.recommendations.count} open recommendations
                </a>
              </p>
              <ul>
                {o.recommendations.top.map((r) => (
                  <li key={r.id}>
                    {r.title} — {money(r.estimatedMonthlySavings)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>
      <h3>Latest actions</h3>
      <FieldErrors errors={errorsAt(errors, 'overview', 'recentActions')} />
      {o.recentActions && <AuditTable events={o.recentActions} />}
    </div>
  );
}
