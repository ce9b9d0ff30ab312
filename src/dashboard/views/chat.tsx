import { useState } from 'preact/hooks';
import { request } from '../api.ts';
import type { DashChatMutation, DashConfirmChatPlanMutation } from '../gql/graphql.ts';
import { words } from '../format.ts';
import { useCanAct } from '../hooks.ts';
import { ChatMutation, ConfirmChatPlanMutation } from '../mutations.ts';
import { AuditTable, ErrorLine, Json } from '../ui.tsx';

type Answer = Extract<DashChatMutation['chat'], { __typename: 'ChatSuccess' }>;
type Confirmed = DashConfirmChatPlanMutation['confirmChatPlan'];
type Step = Extract<Confirmed, { __typename: 'ConfirmChatPlanSuccess' }>['steps'][number];

interface Turn {
  message: string;
  answer: Answer;
  confirmed?: Confirmed;
}

const STEP_MARK = { SUCCEEDED: '✓', FAILED: '✗', NOT_RUN: '–' } as const;

/** Each step of a confirmed plan with what became of it. */
function Steps({ steps }: { steps: Step[] }) {
  return (
    <ol class="steps" data-testid="steps">
      {steps.map((s) => (
        <li data-step-status={s.status}>
          {STEP_MARK[s.status]} {words(s.action)}{' '}
          {s.target ? `${s.target.namespace ?? ''}/${s.target.name}` : ''}{' '}
          {s.__typename === 'ChatStepFailed' ? `— ${s.code}: ${s.message}` : ''}
          {s.status === 'NOT_RUN' ? '— not run' : ''}
        </li>
      ))}
    </ol>
  );
}

/** ChatOps: every change comes back as a dry-run plan; an operator confirms it here. */
export function ChatView() {
  const canAct = useCanAct();
  const [turns, setTurns] = useState<Turn[]>([]);
  const [conversationId, setConversationId] = useState<string>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const send = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('message') as HTMLInputElement;
    const message = input.value.trim();
    if (!message) return;
    setBusy(true);
    setError(undefined);
    try {
      const { chat } = await request(ChatMutation, {
        input: { message, ...(conversationId ? { conversationId } : {}) },
      });
      if (chat.__typename !== 'ChatSuccess') {
        // A conversation this server no longer knows: the next message starts a new one.
        if (chat.__typename === 'NotFoundError') setConversationId(undefined);
        setError(new Error(`${chat.code}: ${chat.message}`));
        return;
      }
      setConversationId(chat.conversationId);
      setTurns((t) => [...t, { message, answer: chat }]);
      input.value = '';
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (index: number, token: string) => {
    setError(undefined);
    try {
      const { confirmChatPlan } = await request(ConfirmChatPlanMutation, { input: { token } });
      setTurns((t) => t.map((x, i) => (i === index ? { ...x, confirmed: confirmChatPlan } : x)));
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <div data-testid="chat">
      <h2>Chat</h2>
      {turns.map((t, i) => (
        <div class="turn" data-turn={i}>
          <p class="you">{t.message}</p>
          <div class="reply">
            <p data-testid="reply">{t.answer.reply}</p>
            {t.answer.plan.length > 0 && (
              <ol class="plan" data-testid="plan">
                {t.answer.plan.map((step) => (
                  <li>
                    <strong>{words(step.action)}</strong>{' '}
                    {step.target
                      ? `${step.target.kind} ${step.target.namespace ?? ''}/${step.target.name}`
                      : ''}
                    <Json value={step.preview} label="Preview" />
                    <Json value={step.parameters} label="Parameters" />
                  </li>
                ))}
              </ol>
            )}
            {t.answer.generatedCode.map((c) => (
              <details class="json">
                <summary>{c.filename ?? c.language}</summary>
                <pre>{c.content}</pre>
              </details>
            ))}
            {t.answer.requiresConfirmation &&
              t.answer.confirmationToken &&
              !t.confirmed &&
              (canAct ? (
                <button
                  type="button"
                  class="primary"
                  data-action="confirm-plan"
                  onClick={() => void confirm(i, t.answer.confirmationToken ?? '')}
                >
                  Confirm plan
                </button>
              ) : (
                <p class="muted">An operator can confirm this plan.</p>
              ))}
            {t.confirmed &&
              (t.confirmed.__typename === 'ConfirmChatPlanSuccess' ? (
                <div data-testid="confirmed">
                  <p>{t.confirmed.reply}</p>
                  <Steps steps={t.confirmed.steps} />
                  <AuditTable events={t.confirmed.auditEvents} />
                </div>
              ) : t.confirmed.__typename === 'ChatPlanIncompleteError' ? (
                <div data-testid="incomplete">
                  <p class="error" role="alert">
                    {t.confirmed.code}: {t.confirmed.message}
                  </p>
                  <Steps steps={t.confirmed.steps} />
                  <AuditTable events={t.confirmed.auditEvents} />
                </div>
              ) : (
                <p class="error" role="alert">
                  {t.confirmed.code}: {t.confirmed.message}
                </p>
              ))}
          </div>
        </div>
      ))}
      <ErrorLine error={error} />
      <form class="row" onSubmit={(e) => void send(e)}>
        <input
          name="message"
          placeholder="e.g. scale deployment web in shop to 3"
          autocomplete="off"
          class="grow"
        />
        <button type="submit" class="primary" disabled={busy}>
          Send
        </button>
      </form>
    </div>
  );
}
