import { money, percent, usd } from '../format.ts';
import { href, useQuery } from '../hooks.ts';
import { CostQuery } from '../operations.ts';
import { ErrorLine } from '../ui.tsx';

const WINDOWS = ['24h', '7d', '30d', 'month'];
/** The groupings offered; any other comes through the URL (`by=a,b`). */
const GROUPINGS = ['namespace', 'namespace,controller', 'pod,container', 'node', 'cluster'];

/** What each group cost over a window (costAllocation), idle and unmounted storage apart. */
export function CostView({ params }: { params: URLSearchParams }) {
  const window = params.get('window') ?? '7d';
  const by = params.get('by') ?? 'namespace';
  const q = useQuery(CostQuery, { window, aggregate: by.split(',').filter(Boolean) });
  const a = q.data?.costAllocation;
  const o = q.data?.overview.cost;
  return (
    <div data-testid="cost">
      <h2>Cost</h2>
      {o && (
        <p>
          Month to date {usd(o.monthToDate)} · projected {usd(o.projectedMonth)} · idle{' '}
          {usd(o.idleMonthToDate)} · advice saves {money(o.savingsAvailableMonthly)}
        </p>
      )}
      <div class="row">
        {WINDOWS.map((w) => (
          <a class={w === window ? 'active tab' : 'tab'} href={href(['cost'], { window: w, by })}>
            {w}
          </a>
        ))}
      </div>
      <div class="row">
        {GROUPINGS.map((g) => (
          <a class={g === by ? 'active tab' : 'tab'} href={href(['cost'], { window, by: g })}>
            by {g.replace(',', ' and ')}
          </a>
        ))}
      </div>
      <ErrorLine error={q.error} />
      {a?.__typename === 'CostAllocation' ? (
        <table data-testid="cost-rows">
          <thead>
            <tr>
              <th>{by}</th>
              <th class="num">CPU</th>
              <th class="num">Memory</th>
              <th class="num">GPU</th>
              <th class="num">Storage</th>
              <th class="num">Instances</th>
              <th class="num">Total</th>
              <th class="num">Efficiency</th>
            </tr>
          </thead>
          <tbody>
            {a.rows.map((r) => (
              <tr key={r.name} class={r.idle || r.unmounted ? 'muted' : ''}>
                <td title={r.unpricedReasons.join('; ')}>
                  {r.name}
                  {r.unpricedReasons.length > 0 && ' *'}
                </td>
                <td class="num">{usd(r.cpuCost)}</td>
                <td class="num">{usd(r.memoryCost)}</td>
                <td class="num">{usd(r.gpuCost)}</td>
                <td class="num">{usd(r.storageCost)}</td>
                <td class="num">{usd(r.instanceCost)}</td>
                <td class="num">{usd(r.totalCost)}</td>
                <td class="num">{r.efficiency === null ? '—' : percent(r.efficiency, 1)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>total</td>
              <td colSpan={5} />
              <td class="num">{usd(a.total.totalCost)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      ) : (
        a && <p class="error">{a.message}</p>
      )}
      {a?.__typename === 'CostAllocation' && (
        <p class="muted">* a price is unknown (hover for why): that part is not in the figures.</p>
      )}
    </div>
  );
}
