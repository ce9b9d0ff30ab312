import type { ActionPipeline } from '../actions/pipeline.ts';
import { NO_VERB } from '../recommendations/decisions.ts';
import type { Viewer } from './viewer.ts';

/** A token created by the orchestrator is a change like any other: its name and role, no secret. */
export async function recordTokenCreated(
  actions: Pick<ActionPipeline, 'record'>,
  token: Viewer,
): Promise<void> {
  await actions.record(
    {
      action: 'create_token',
      verb: NO_VERB,
      target: null,
      params: { ...token },
      recorded: { ...token },
      dryRun: false,
      source: 'SYSTEM',
      viewer: { name: 'orchestrator', role: 'admin' },
      requestId: null,
    },
    async () => ({
      before: { exists: false },
      after: { ...token, secret: 'shown once at start-up, stored as a SHA-256 hash' },
      message: `created the ${token.role} token ${token.name}`,
    }),
  );
}
