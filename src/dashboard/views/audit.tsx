import { useEffect, useState } from 'preact/hooks';
import { request } from '../api.ts';
import {
  AuditAction,
  AuditSource,
  AuditStatus,
  type AuditLogFilter,
  type AuditRowFieldsFragment,
  type DashVerifyAuditQuery,
} from '../gql/graphql.ts';
import { FilterInput, FilterSelect, Pager, useCursors } from '../filters.tsx';
import { errorsAt, useCanAct, useQuery, useSubscription } from '../hooks.ts';
import { RevertMutation } from '../mutations.ts';
import { AuditEventsSubscription, AuditLogQuery, VerifyAuditQuery } from '../operations.ts';
import { AuditTable, ErrorLine, FieldErrors, PreviewAction } from '../ui.tsx';

const PAGE = 50;
const SOURCES = Object.values(AuditSource);
const STATUSES = Object.values(AuditStatus);
const ACTIONS: ReadonlySet<string> = new Set(Object.values(AuditAction));
/** Actions `revertAction` can undo (see the README's "Actions and the audit log"). */
const REVERSIBLE: ReadonlySet<AuditAction> = new Set([
  AuditAction.Scale,
  AuditAction.Start,
  AuditAction.Stop,
  AuditAction.Cordon,
  AuditAction.Uncordon,
  AuditAction.ApplyRecommendation,
]);

function filterOf(p: URLSearchParams): AuditLogFilter {
  const list = (k: string) =>
    (p.get(k) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const since = p.get('since');
  // Typed as people say them (scale, apply_recommendation); names no action has are dropped.
  const actions = list('actions')
    .map((a) => a.toUpperCase().replaceAll(' ', '_'))
    .filter((a): a is AuditAction => ACTIONS.has(a));
  return {
    ...(actions.length ? { actions } : {}),
    ...(list('actors').length ? { actors: list('actors') } : {}),
    ...(p.get('status') ? { statuses: [p.get('status') as AuditStatus] } : {}),
    ...(p.get('source') ? { sources: [p.get('source') as AuditSource] } : {}),
    ...(since ? { since: new Date(since).toISOString() } : {}),
  };
}

function Verification() {
  const [state, setState] = useState<DashVerifyAuditQuery['verifyAuditLog'] | Error>();
  const verify = () => {
    setState(undefined);
    request(VerifyAuditQuery).then(
      (d) => setState(d.verifyAuditLog),
      (e: Error) => setState(e),
    );
  };
  useEffect(verify, []);
  if (!state) return <p class="muted">Verifying the hash chain…</p>;
  if (state instanceof Error) return <ErrorLine error={state} />;
  return (
    <p data-testid="verification" data-valid={String(state.valid)}>
      {state.valid ? (
        <span class="badge state-running">chain verified</span>
      ) : (
        <span class="badge state-failed">chain INVALID</span>
      )}{' '}
      {state.checkedEvents} events, {state.checkedRecords} records
      {state.reason ? ` — ${state.reason} (event ${state.firstInvalidEventId ?? '?'})` : ''}{' '}
      <button type="button" onClick={verify}>
        Verify again
      </button>
    </p>
  );
}

/** The audit log: filters in the URL, paging, new events live, the chain's verification. */
export function AuditView({ params }: { params: URLSearchParams }) {
  const filter = filterOf(params);
  const canAct = useCanAct();
  const key = JSON.stringify(filter);
  const paging = useCursors(key);
  const after = paging.after;
  const q = useQuery(AuditLogQuery, { filter, first: PAGE, after });
  const [fresh, setFresh] = useState<AuditRowFieldsFragment[]>([]);
  useEffect(() => setFresh([]), [key]);
  useEffect(() => setFresh([]), [q.data]);
  useSubscription(
    AuditEventsSubscription,
    { filter },
    ({ auditEvents: e }) => setFresh((f) => [e, ...f.filter((x) => x.id !== e.id)]),
    { enabled: after === null, onGap: q.refetch },
  );
  const rows = [
    ...fresh,
    ...(q.data?.auditLog?.edges.map((e) => e.node) ?? []).filter(
      (e) => !fresh.some((f) => f.id === e.id),
    ),
  ];
  return (
    <div data-testid="audit">
      <h2>Audit log</h2>
      {canAct ? (
        <Verification />
      ) : (
        <p class="muted">Verifying the chain needs the operator role.</p>
      )}
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <FilterInput
          view="audit"
          params={params}
          name="actions"
          placeholder="actions (scale, revert, …)"
        />
        <FilterInput view="audit" params={params} name="actors" placeholder="actors" />
        <FilterSelect
          view="audit"
          params={params}
          name="status"
          any="every status"
          options={STATUSES}
        />
        <FilterSelect
          view="audit"
          params={params}
          name="source"
          any="every source"
          options={SOURCES}
        />
        <FilterInput view="audit" params={params} name="since" datetime />
      </form>
      <ErrorLine error={q.error} />
      <FieldErrors errors={errorsAt(q.errors, 'auditLog')} />
      <p class="muted">{q.data?.auditLog?.totalCount ?? '…'} events</p>
      <AuditTable
        events={rows}
        actions={
          canAct
            ? (e) =>
                !e.dryRun && e.status === 'SUCCEEDED' && REVERSIBLE.has(e.action) ? (
                  <PreviewAction
                    label="Revert"
                    onDone={q.refetch}
                    run={async (dryRun) =>
                      (await request(RevertMutation, { input: { auditEventId: e.id, dryRun } }))
                        .revertAction
                    }
                  />
                ) : null
            : undefined
        }
      />
      <Pager paging={paging} pageInfo={q.data?.auditLog?.pageInfo} />
    </div>
  );
}
