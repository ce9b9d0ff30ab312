// A ChatService over the fixture estate with a real pipeline, audit log and embedded database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActionPipeline } from '../../src/actions/pipeline.ts';
import { AuditStore } from '../../src/audit/store.ts';
import type { Viewer } from '../../src/auth/viewer.ts';
import { AppError } from '../../src/errors.ts';
import { LlmInterpreter } from '../../src/chat/llm.ts';
import { ChatService, type ChatDeps } from '../../src/chat/service.ts';
import { HealthService } from '../../src/health.ts';
import { createLogger } from '../../src/logger.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { MemoryEventLog } from '../../src/eventlog.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { FixtureProvider } from './chat-fixtures.ts';

export const OPERATOR: Viewer = { name: 'olga', role: 'operator' };
export const ADMIN: Viewer = { name: 'ada', role: 'admin' };
export const VIEWER: Viewer = { name: 'vic', role: 'viewer' };

export interface ChatHarness {
  db: Database;
  provider: FixtureProvider;
  audit: AuditStore;
  /** A new service over the same database: another replica. */
  service(extra?: Partial<ChatDeps> & { llmUrl?: string; llmTimeoutMs?: number }): ChatService;
  close(): Promise<void>;
}

export async function chatHarness(): Promise<ChatHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'oi-chat-'));
  const db = await openDatabase({ dataDir });
  await migrate(db);
  const provider = new FixtureProvider();
  const providers = new ProviderRegistry([provider]);
  const audit = new AuditStore(db);
  const log = createLogger('silent');
  const actions = new ActionPipeline({
    audit,
    providers,
    events: new MemoryEventLog({ maxEvents: 1000, maxAgeMs: 3_600_000 }),
    log,
    instanceId: 'test',
    pauseAfterExecuteMs: 0,
  });
  const health = new HealthService();
  health.register({ name: 'kubernetes', check: async () => ({ state: 'UP', message: 'fixture' }) });
  return {
    db,
    provider,
    audit,
    service: ({ llmUrl, llmTimeoutMs, ...extra } = {}) =>
      new ChatService({
        db,
        actions,
        audit,
        providers,
        health,
        log,
        tokenTtlSeconds: 300,
        llm: llmUrl
          ? new LlmInterpreter(
              { url: llmUrl, model: 'stand-in', apiKey: 'k', timeoutMs: llmTimeoutMs ?? 1000 },
              log,
            )
          : undefined,
        ...extra,
      }),
    close: async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A chat answer, or the test fails with the error it was. */
export function answered<T>(result: T | AppError): T {
  if (result instanceof AppError) throw new Error(`${result.code}: ${result.message}`);
  return result;
}
