import { useEffect, useRef, useState } from 'preact/hooks';
import { bytes, cores } from '../format.ts';
import {
  ResourceKind,
  ResourceState,
  type ResourceFilter,
  type ResourceRowFieldsFragment,
} from '../gql/graphql.ts';
import { FilterInput, FilterSelect, Pager, useCursors } from '../filters.tsx';
import { errorsAt, href, useQuery, useSubscription } from '../hooks.ts';
import { ResourceEventsSubscription, ResourcesQuery } from '../operations.ts';
import { ErrorLine, FieldErrors, StateBadge } from '../ui.tsx';

const PAGE = 50;
// From the schema (codegen): a kind or state added there shows up here.
const KINDS = Object.values(ResourceKind);
const STATES = Object.values(ResourceState);

function filterOf(params: URLSearchParams): ResourceFilter {
  const kind = params.get('kind') as ResourceKind | null;
  const state = params.get('state') as ResourceState | null;
  const namespace = params.get('namespace');
  const search = params.get('search');
  return {
    ...(kind ? { kinds: [kind] } : {}),
    ...(state ? { states: [state] } : {}),
    ...(namespace ? { namespaces: [namespace] } : {}),
    ...(search ? { search } : {}),
  };
}

interface Live {
  rows: ResourceRowFieldsFragment[];
  total: number;
}

/** A stream event not yet on screen, for the "visible after the watch event" figure. */
interface Shown {
  kind: string;
  name: string;
  type: string;
  eventTimestamp: string;
}

/** The resource list: filters in the URL, cursor paging, kept current by `resourceEvents`. */
export function ResourcesView({ params }: { params: URLSearchParams }) {
  const filter = filterOf(params);
  const key = JSON.stringify(filter);
  const paging = useCursors(key);
  const after = paging.after;
  const q = useQuery(ResourcesQuery, { filter, first: PAGE, after });
  const [live, setLive] = useState<Live>({ rows: [], total: 0 });
  const shown = useRef<Shown[]>([]);
  useEffect(() => {
    if (q.data) {
      setLive({
        rows: q.data.resources.edges.map((e) => e.node),
        total: q.data.resources.totalCount,
      });
    }
  }, [q.data]);
  // Resumes from its last cursor after a reconnect; on a gap the page is fetched again.
  useSubscription(
    ResourceEventsSubscription,
    { filter },
    ({ resourceEvents: ev }) => {
      const { kind, name } = ev.resource;
      shown.current.push({ kind, name, type: ev.type, eventTimestamp: ev.timestamp });
      setLive((s) => {
        const at = s.rows.findIndex((r) => r.id === ev.resource.id);
        const rows = [...s.rows];
        let total = s.total;
        if (ev.type === 'DELETED') {
          if (at >= 0) rows.splice(at, 1);
          total = Math.max(0, total - 1);
        } else if (at >= 0) {
          rows[at] = ev.resource;
        } else if (ev.type === 'ADDED' || after === null) {
          // New things appear at the top of the first page.
          if (after === null) rows.unshift(ev.resource);
          if (ev.type === 'ADDED') total++;
        }
        return { rows, total };
      });
    },
    { onGap: q.refetch },
  );
  // Effects run once the change is painted: marks the moment each event became visible (wall
  // clock, as the event's timestamp; the monotonic clock may drift from it).
  useEffect(() => {
    const shownAt = Date.now();
    for (const event of shown.current.splice(0)) {
      performance.mark('resource-visible', { detail: { ...event, shownAt } });
    }
  }, [live]);
  return (
    <div data-testid="resources">
      <h2>Resources</h2>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          view="resources"
          params={params}
          name="kind"
          any="every kind"
          options={KINDS}
        />
        <FilterSelect
          view="resources"
          params={params}
          name="state"
          any="every state"
          options={STATES}
        />
        <FilterInput view="resources" params={params} name="namespace" placeholder="namespace" />
        <FilterInput view="resources" params={params} name="search" placeholder="search names" />
      </form>
      <ErrorLine error={q.error} />
      <FieldErrors errors={errorsAt(q.errors, 'resources')} />
      {q.data?.resources.failures.map((f) => (
        <p class="error">
          {f.provider} {f.cluster}: {f.message}
        </p>
      ))}
      <p class="muted" data-testid="resource-count">
        {live.total} resources{q.loading ? ' (loading…)' : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th>Kind</th>
            <th>Namespace</th>
            <th>Name</th>
            <th>State</th>
            <th class="num">CPU</th>
            <th class="num">Memory</th>
            <th>Cluster</th>
          </tr>
        </thead>
        <tbody>
          {live.rows.map((r) => (
            <tr key={r.id} data-resource-name={r.name} data-state={r.state}>
              <td>{r.kind}</td>
              <td>{r.namespace ?? ''}</td>
              <td>
                <a href={href(['resource', r.id])}>{r.name}</a>
              </td>
              <td>
                <StateBadge state={r.state} />
              </td>
              <td class="num">{cores(r.cpuUsage)}</td>
              <td class="num">{bytes(r.memoryUsage)}</td>
              <td>{r.cluster}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager paging={paging} pageInfo={q.data?.resources.pageInfo} />
    </div>
  );
}
