// node(id) of recommendations is batched: an operation asking for any number of them by id
// (aliases, as a dashboard refetching the advice it shows does) costs one SQL statement.
// Real PGlite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { execute, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.ts';
import { createContext } from '../../src/graphql/context.ts';
import { schema } from '../../src/graphql/schema.ts';
import { createLogger } from '../../src/logger.ts';
import { RecommendationStore } from '../../src/recommendations/store.ts';
import type { Recommendation } from '../../src/recommendations/types.ts';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';

describe('node(id) of many recommendations', () => {
  let dataDir: string;
  let raw: Database;
  let statements = 0;
  let services: Services;
  const recs: Recommendation[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'oi-nodes-'));
    raw = await openDatabase({ dataDir });
    await migrate(raw);
    const db: Database = {
      ...raw,
      kind: raw.kind,
      query: (sql, params) => {
        statements++;
        return raw.query(sql, params);
      },
    };
    const store = new RecommendationStore(db);
    for (let i = 0; i < 40; i++) {
      const { rec } = await store.upsertOpen({
        targetId: `k8s:lab:POD:batch:pod-${i}`,
        targetKind: 'POD',
        targetName: `pod-${i}`,
        targetNamespace: 'batch',
        type: 'CPU_RIGHTSIZE',
        title: `advice ${i}`,
        summary: 'less CPU',
        current: null,
        recommended: null,
        evidence: {},
        confidence: 0.9,
        estimatedMonthlySavings: i,
        risk: 'LOW',
        source: 'analyzer:test',
        action: null,
      });
      recs.push(rec);
    }
    services = { recommendations: { store } } as unknown as Services;
  }, 300_000);

  afterAll(async () => {
    await raw?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** One operation with a `node(id:)` alias per id; what it answers and the statements it cost. */
  async function nodes(ids: string[]) {
    // Built here: the number of aliases is what the test varies, so it cannot be one typed document.
    const document = parse(
      `{ ${ids.map((id, i) => `n${i}: node(id: ${JSON.stringify(id)}) { id ... on Recommendation { title } }`).join(' ')} }`,
    );
    const before = statements;
    const result = await execute({
      schema,
      document,
      contextValue: createContext(
        { viewer: { name: 'v', role: 'viewer' }, requestId: 'r', log: createLogger('silent') },
        services,
      ),
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const data = result.data as Record<string, { id: string; title: string } | null>;
    return { answers: ids.map((_, i) => data[`n${i}`] ?? null), statements: statements - before };
  }

  const globalId = (r: Recommendation) => encodeGlobalID('Recommendation', r.id);

  it('loads 3 or 40 of them with one statement, each answered with its own', async () => {
    const three = await nodes(recs.slice(0, 3).map(globalId));
    const forty = await nodes(recs.map(globalId));
    expect(three.statements).toBe(1);
    expect(forty.statements).toBe(1);
    expect(forty.answers.map((a) => a?.title)).toEqual(recs.map((r) => r.title));
    expect(forty.answers.map((a) => a?.id)).toEqual(recs.map(globalId));
  });

  it('answers null for an id that names no recommendation, in the same statement', async () => {
    const gone = encodeGlobalID('Recommendation', '00000000-0000-4000-8000-000000000000');
    const { answers, statements: n } = await nodes([globalId(recs[0] as Recommendation), gone]);
    expect(n).toBe(1);
    expect(answers[0]?.title).toBe('advice 0');
    expect(answers[1]).toBeNull();
  });
});
