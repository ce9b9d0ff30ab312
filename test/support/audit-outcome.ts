import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql } from './app.ts';

const AuditEventById = graphql(`
  query AuditEventById($id: ID!) {
    node(id: $id) {
      ... on AuditEvent {
        id
        status
        before
        after
        message
        error {
          code
          message
        }
      }
    }
  }
`);

/**
 * The audit event once its outcome is recorded: a long action answers PENDING and completes the
 * same event in the background. Fails after `timeoutMs` with the event still PENDING.
 */
export async function auditOutcome(url: string, token: string, id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const event = expectNoErrors((await gql(url, token, AuditEventById, { id })).body).node;
    if (!event || !('status' in event)) throw new Error(`no audit event ${id}`);
    if (event.status !== 'PENDING') return event;
    if (Date.now() > deadline) throw new Error(`audit event ${id} still PENDING`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
