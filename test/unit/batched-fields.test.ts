// The per-resource fields that read the database (auditLog and its count, recommendations and
// their totals, AuditEvent.reverts, Recommendation.appliedAuditEvent) are batched: a page of
// resources costs the same number of SQL statements whatever its size. Real PGlite; the
// resources come from the in-memory fixture provider (no cluster needed to page them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { execute, subscribe, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.ts';
import { AuditStore } from '../../src/audit/store.ts';
import type { IntentInput } from '../../src/audit/chain-tables.ts';
import type { AuditAction } from '../../src/audit/types.ts';
import { createContext } from '../../src/graphql/context.ts';
import { schema } from '../../src/graphql/schema.ts';
import { MemoryEventLog, RESOURCE_TOPIC } from '../../src/eventlog.ts';
import { createLogger } from '../../src/logger.ts';
import type { Resource } from '../../src/providers/provider.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { RecommendationStore } from '../../src/recommendations/store.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { graphql } from '../gql/gql.ts';
import { counting } from '../support/counting-db.ts';
import { FixtureProvider } from './chat-fixtures.ts';

const PAGE_QUERY = graphql(`
  query BatchedPage($first: Int!) {
    resources(first: $first, filter: { kinds: [POD], namespaces: ["batch"] }) {
      edges {
        node {
          id
          name
          auditLog(first: 3) {
            totalCount
            edges {
              node {
                id
                action
                reverts {
                  id
                  action
                }
              }
            }
          }
          recommendations(statuses: [OPEN, APPLIED], first: 2) {
            totalCount
            totalMonthlySavings
            edges {
              node {
                id
                status
                appliedAuditEvent {
                  id
                  action
                }
              }
            }
          }
        }
      }
    }
  }
`);

const EVENT_SUBSCRIPTION = graphql(`
  subscription BatchedPerEvent {
    resourceEvents {
      resource {
        auditLog {
          totalCount
        }
      }
    }
  }
`);

type PageData = ResultOf<typeof PAGE_QUERY>;

describe('a page of resources with their audit log and recommendations', () => {
  let dataDir: string;
  let raw: Database;
  let count: ReturnType<typeof counting>;
  let services: Services;
  const pods: Resource[] = [];
  const events = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 });
  let audit: AuditStore;
  let intent: (target: Resource, action: AuditAction, reverts: string | null) => IntentInput;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'oi-batched-'));
    raw = await openDatabase({ dataDir });
    await migrate(raw);
    count = counting(raw);
    const provider = new FixtureProvider();
    for (let i = 0; i < 120; i++) {
      const name = `pod-${String(i).padStart(3, '0')}`;
      pods.push({
        id: `k8s:lab:POD:batch:${name}`,
        provider: 'KUBERNETES',
        kind: 'POD',
        cluster: 'lab',
        namespace: 'batch',
        name,
        state: 'RUNNING',
        labels: {},
        createdAt: null,
        object: {},
      });
    }
    provider.resources.push(...pods);
    // No Merkle integration on a timer: its statements would land inside a counted page.
    audit = new AuditStore(count.db, { integrateAfterMs: null });
    const store = new RecommendationStore(count.db);
    // Every 10th pod of the first 100: four actions (the last reverting the first) and advice,
    // one piece of it applied by the first action.
    intent = (target, action, reverts) => ({
      actor: 'ada',
      actorRole: 'admin',
      source: 'API',
      action,
      verb: 'restart',
      target: {
        id: target.id,
        provider: 'KUBERNETES',
        kind: 'POD',
        cluster: 'lab',
        namespace: 'batch',
        name: target.name,
      },
      parameters: {},
      dryRun: false,
      requestId: null,
      idempotencyKey: null,
      inputHash: null,
      reverts,
      instanceId: 'test',
    });
    // Apart in time, so that newest-first is the order they were written in.
    const tick = () => new Promise((r) => setTimeout(r, 2));
    for (let i = 0; i < 100; i += 10) {
      const pod = pods[i] as Resource;
      const first = await audit.recordIntent(intent(pod, 'restart', null));
      for (const [action, reverts] of [
        ['restart', null],
        ['restart', null],
        ['revert', first.id],
      ] as const) {
        await tick();
        await audit.recordIntent(intent(pod, action, reverts));
      }
      for (const [type, savings] of [
        ['CPU_RIGHTSIZE', 12.5],
        ['MEMORY_RIGHTSIZE', 3],
        ['IDLE_WORKLOAD', 40],
      ] as const) {
        const { rec } = await store.upsertOpen({
          targetId: pod.id,
          targetKind: 'POD',
          targetName: pod.name,
          targetNamespace: 'batch',
          type,
          title: type,
          summary: type,
          current: null,
          recommended: null,
          evidence: {},
          confidence: 0.9,
          estimatedMonthlySavings: savings,
          risk: 'LOW',
          source: 'analyzer:test',
          action: null,
        });
        if (type === 'IDLE_WORKLOAD') await store.resolve(rec.id, 'APPLIED', 'applied', first.id);
      }
    }
    services = {
      providers: new ProviderRegistry([provider]),
      audit,
      recommendations: { store },
      events,
    } as unknown as Services;
  }, 60_000);

  afterAll(async () => {
    await raw?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const context = () =>
    createContext(
      { viewer: { name: 'v', role: 'viewer' }, requestId: 'r', log: createLogger('silent') },
      services,
    );

  async function page(first: number): Promise<{ data: PageData; statements: number }> {
    const before = count.statements();
    const result = await execute({
      schema,
      document: PAGE_QUERY,
      variableValues: { first },
      contextValue: context(),
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return { data: result.data as PageData, statements: count.statements() - before };
  }

  it('costs the same number of SQL statements for 10 resources as for 100', async () => {
    const ten = await page(10);
    const hundred = await page(100);
    expect(ten.data.resources.edges).toHaveLength(10);
    expect(hundred.data.resources.edges).toHaveLength(100);
    // auditLog pages, their counts, the reverted events, recommendation pages, their totals,
    // the applied events: one statement each, at most.
    expect(hundred.statements).toBeLessThanOrEqual(6);
    expect(hundred.statements).toBe(ten.statements);
  });

  it('answers each resource with its own rows', async () => {
    const { data } = await page(100);
    const byName = new Map(data.resources.edges.map((e) => [e.node.name, e.node]));
    expect(byName.size).toBe(100);
    let withHistory = 0;
    for (const [i, pod] of pods.slice(0, 100).entries()) {
      const node = byName.get(pod.name);
      if (i % 10 !== 0) {
        expect(node?.auditLog).toEqual({ totalCount: 0, edges: [] });
        expect(node?.recommendations?.totalCount).toBe(0);
        continue;
      }
      withHistory++;
      const log = node?.auditLog;
      if (!log || !node.recommendations) throw new Error(`${pod.name}: no audit log or advice`);
      expect(log.totalCount).toBe(4);
      expect(log.edges.map((e) => e.node.action)).toEqual(['REVERT', 'RESTART', 'RESTART']);
      expect(log.edges[0]?.node.reverts?.action).toBe('RESTART');
      expect(log.edges[1]?.node.reverts).toBeNull();
      const recs = node.recommendations;
      expect(recs.totalCount).toBe(3);
      expect(recs.totalMonthlySavings).toBe(55.5);
      // Highest savings first: the applied IDLE_WORKLOAD (40), then CPU (12.5).
      expect(recs.edges.map((e) => e.node.status)).toEqual(['APPLIED', 'OPEN']);
      expect(recs.edges[0]?.node.appliedAuditEvent?.action).toBe('RESTART');
      expect(recs.edges[1]?.node.appliedAuditEvent).toBeNull();
    }
    expect(withHistory).toBe(10);
  });

  it('loads afresh for each subscription event (loaders live for one event, not the socket)', async () => {
    const pod = pods[110] as Resource;
    const stream = (await subscribe({
      schema,
      document: EVENT_SUBSCRIPTION,
      contextValue: context(),
    })) as AsyncGenerator<ExecutionResult<ResultOf<typeof EVENT_SUBSCRIPTION>>, void>;
    const counts: number[] = [];
    for (let i = 0; i < 2; i++) {
      await events.append(RESOURCE_TOPIC, {
        type: 'MODIFIED',
        resource: pod,
        timestamp: new Date().toISOString(),
      });
      const { value } = await stream.next();
      expect(value?.errors).toBeUndefined();
      counts.push(value?.data?.resourceEvents.resource.auditLog?.totalCount ?? -1);
      await audit.recordIntent(intent(pod, 'restart', null));
    }
    await stream.return(undefined);
    expect(counts).toEqual([0, 1]);
  });
});
