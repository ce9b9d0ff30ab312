import { useState } from 'preact/hooks';
import { request } from '../api.ts';
import { money, words } from '../format.ts';
import { RecommendationStatus, type RecommendationRowFieldsFragment } from '../gql/graphql.ts';
import { errorsAt, href, useCanAct, useQuery, useSubscription } from '../hooks.ts';
import {
  ApplyRecommendationMutation,
  RejectRecommendationMutation,
  RevertMutation,
} from '../mutations.ts';
import { RecommendationEventsSubscription, RecommendationsQuery } from '../operations.ts';
import { ErrorLine, FieldErrors, Json, PreviewAction, StateBadge } from '../ui.tsx';

/** Open advice first, then the rest as the schema lists them. */
const STATUSES = [
  RecommendationStatus.Open,
  ...Object.values(RecommendationStatus).filter((s) => s !== RecommendationStatus.Open),
];

/** One piece of advice: why (evidence), what it changes, and apply / reject / revert. */
export function RecommendationCard({
  rec,
  onChange,
}: {
  rec: RecommendationRowFieldsFragment;
  onChange: () => void;
}) {
  const canAct = useCanAct();
  const [reason, setReason] = useState('');
  return (
    <article class="card rec" data-recommendation={rec.id} data-status={rec.status}>
      <h4>
        {rec.title} <StateBadge state={rec.status} /> <span class="badge">{rec.risk} risk</span>
      </h4>
      <p>
        <a href={href(['resource', rec.targetId])}>{rec.targetName}</a> ·{' '}
        {rec.customType ?? rec.type} · from {words(rec.source)} {rec.sourceName} · confidence{' '}
        {Math.round(rec.confidence * 100)}% · saves {money(rec.estimatedMonthlySavings)}
      </p>
      <p>{rec.summary}</p>
      {rec.statusReason && <p class="muted">{rec.statusReason}</p>}
      <div class="cols">
        <Json value={rec.current} label="Current" />
        <Json value={rec.recommended} label="Recommended" />
        <Json value={rec.evidence} label="Evidence" />
      </div>
      {canAct && rec.status === 'OPEN' && (
        <>
          <PreviewAction
            label="Apply"
            onDone={onChange}
            run={async (dryRun) =>
              (await request(ApplyRecommendationMutation, { input: { id: rec.id, dryRun } }))
                .applyRecommendation
            }
          />
          <PreviewAction
            label="Reject"
            disabled={!reason.trim()}
            onDone={onChange}
            run={async (dryRun) =>
              (
                await request(RejectRecommendationMutation, {
                  input: { id: rec.id, reason: reason.trim(), dryRun },
                })
              ).rejectRecommendation
            }
          >
            <input
              name="reason"
              placeholder="why not"
              value={reason}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
          </PreviewAction>
        </>
      )}
      {canAct && rec.status === 'APPLIED' && rec.appliedAuditEvent && (
        <PreviewAction
          label="Revert"
          onDone={onChange}
          run={async (dryRun) =>
            (
              await request(RevertMutation, {
                input: { auditEventId: rec.appliedAuditEvent?.id ?? '', dryRun },
              })
            ).revertAction
          }
        />
      )}
    </article>
  );
}

/** Advice by status with its savings; each card acts through a dry-run preview first. */
export function RecommendationsView({ params }: { params: URLSearchParams }) {
  const status = (params.get('status') as RecommendationStatus | null) ?? 'OPEN';
  const q = useQuery(RecommendationsQuery, { filter: { statuses: [status] }, first: 100 });
  // New, refreshed, applied or expired advice (from any replica or person) refreshes the list.
  useSubscription(RecommendationEventsSubscription, {}, () => q.refetch(), { onGap: q.refetch });
  return (
    <div data-testid="recommendations">
      <h2>Recommendations</h2>
      <div class="row">
        {STATUSES.map((s) => (
          <a
            class={s === status ? 'active tab' : 'tab'}
            href={href(['recommendations'], { status: s })}
          >
            {s}
          </a>
        ))}
      </div>
      <ErrorLine error={q.error} />
      <FieldErrors errors={errorsAt(q.errors, 'recommendations')} />
      {q.data?.recommendations && (
        <p class="muted">
          {q.data.recommendations.totalCount} {status.toLowerCase()} · saves{' '}
          {money(q.data.recommendations.totalMonthlySavings)}
        </p>
      )}
      {q.data?.recommendations?.edges.map((e) => (
        <RecommendationCard key={e.node.id} rec={e.node} onChange={q.refetch} />
      ))}
    </div>
  );
}
