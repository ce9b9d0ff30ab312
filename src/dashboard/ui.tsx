import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ApiError } from './api.ts';
import { json, time, words } from './format.ts';
import type { AuditRowFieldsFragment } from './gql/graphql.ts';

/** A mutation's answer as the dashboard reads it: a success with its audit event, or an Error. */
export type Outcome =
  | { __typename: string; dryRun: boolean; auditEvent: AuditRowFieldsFragment }
  | { __typename: string; code: string; message: string };

export function isSuccess(
  o: Outcome,
): o is { __typename: string; dryRun: boolean; auditEvent: AuditRowFieldsFragment } {
  return 'auditEvent' in o;
}

export function StateBadge({ state }: { state: string }) {
  return <span class={`badge state-${state.toLowerCase()}`}>{state}</span>;
}

export function ErrorLine({ error }: { error: ApiError | Error | undefined }) {
  return error ? (
    <p class="error" role="alert">
      {error.message}
    </p>
  ) : null;
}

/**
 * What failed in a panel's part of a partial answer (the rest of the page shows its data):
 * one line per distinct message, with how many fields it cost.
 */
export function FieldErrors({ errors }: { errors: readonly ApiError[] }) {
  const lines = new Map<string, { error: ApiError; count: number }>();
  for (const error of errors) {
    const line = lines.get(error.message);
    if (line) line.count++;
    else lines.set(error.message, { error, count: 1 });
  }
  return (
    <>
      {[...lines.values()].map(({ error, count }) => (
        <p class="error" role="alert" data-testid="field-error" data-code={error.code}>
          {error.message}
          {count > 1 ? ` (${count} fields)` : ''}
        </p>
      ))}
    </>
  );
}

export function Json({ value, label }: { value: unknown; label: string }) {
  if (value === null || value === undefined) return null;
  return (
    <details class="json">
      <summary>{label}</summary>
      <pre>{json(value)}</pre>
    </details>
  );
}

/** What a dry run (or a real run) reports: parameters, before and after. */
export function OutcomeView({ outcome }: { outcome: Outcome }) {
  if (!isSuccess(outcome)) {
    return (
      <p class="error" role="alert">
        {outcome.code}: {outcome.message}
      </p>
    );
  }
  const e = outcome.auditEvent;
  return (
    <div class="outcome" data-testid={outcome.dryRun ? 'dry-run' : 'outcome'}>
      <p>
        <strong>{outcome.dryRun ? 'Dry run' : 'Done'}</strong>: {words(e.action)}{' '}
        {e.target?.name ?? ''} — {e.status}
        {e.error ? ` (${e.error.code}: ${e.error.message})` : ''}
      </p>
      <div class="cols">
        {e.before !== null && e.before !== undefined && (
          <div>
            <h4>Before</h4>
            <pre>{json(e.before)}</pre>
          </div>
        )}
        {e.after !== null && e.after !== undefined && (
          <div>
            <h4>{outcome.dryRun ? 'Would become' : 'After'}</h4>
            <pre>{json(e.after)}</pre>
          </div>
        )}
      </div>
      <Json value={e.parameters} label="Parameters" />
    </div>
  );
}

/**
 * An action in two steps: a dry run shows what would change, then the person confirms (or
 * cancels). `run(dryRun)` calls the mutation; `onDone` follows a real run.
 */
export function PreviewAction(props: {
  label: string;
  run: (dryRun: boolean) => Promise<Outcome>;
  onDone?: (outcome: Outcome) => void;
  disabled?: boolean;
  children?: ComponentChildren;
}) {
  const [step, setStep] = useState<'idle' | 'busy' | 'preview' | 'done'>('idle');
  const [outcome, setOutcome] = useState<Outcome>();
  const [error, setError] = useState<Error>();
  const go = async (dryRun: boolean) => {
    setStep('busy');
    setError(undefined);
    try {
      const o = await props.run(dryRun);
      setOutcome(o);
      setStep(dryRun && isSuccess(o) ? 'preview' : 'done');
      if (!dryRun) props.onDone?.(o);
    } catch (e) {
      setError(e as Error);
      setStep('idle');
    }
  };
  return (
    <div class="action">
      <div class="row">
        {props.children}
        <button
          type="button"
          disabled={props.disabled || step === 'busy'}
          onClick={() => void go(true)}
          data-action={props.label}
        >
          {props.label}…
        </button>
      </div>
      <ErrorLine error={error} />
      {outcome && (step === 'preview' || step === 'done') && <OutcomeView outcome={outcome} />}
      {step === 'preview' && (
        <div class="row">
          <button type="button" class="primary" onClick={() => void go(false)}>
            Confirm {props.label.toLowerCase()}
          </button>
          <button type="button" onClick={() => setStep('idle')}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}

export function AuditTable({
  events,
  actions,
}: {
  events: AuditRowFieldsFragment[];
  actions?: (e: AuditRowFieldsFragment) => ComponentChildren;
}) {
  if (events.length === 0) return <p class="muted">No events.</p>;
  return (
    <table class="audit">
      <thead>
        <tr>
          <th>Time</th>
          <th>Actor</th>
          <th>Source</th>
          <th>Action</th>
          <th>Target</th>
          <th>Status</th>
          <th>Details</th>
          {actions && <th />}
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr
            key={e.id}
            data-audit-action={e.action.toLowerCase()}
            data-audit-target={e.target?.name ?? ''}
          >
            <td>{time(e.timestamp)}</td>
            <td>
              <span title={e.actor}>{e.actorName}</span>{' '}
              <span class="muted">({words(e.actorRole)})</span>
            </td>
            <td>{e.source}</td>
            <td>
              {words(e.action)}
              {e.dryRun ? <span class="badge">dry run</span> : null}
            </td>
            <td>
              {e.target
                ? `${e.target.kind} ${e.target.namespace ? `${e.target.namespace}/` : ''}${e.target.name}`
                : 'orchestrator'}
            </td>
            <td>
              <StateBadge state={e.status} />
              {e.error ? <span class="error"> {e.error.code}</span> : null}
            </td>
            <td>
              {e.withheld ? (
                <span title="It sums what the whole estate holds, and your cluster RBAC does not let you list every pod and node">
                  withheld
                </span>
              ) : (
                <Json
                  value={{ parameters: e.parameters, before: e.before, after: e.after }}
                  label="…"
                />
              )}
            </td>
            {actions && <td>{actions(e)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
