import { readFileSync } from 'node:fs';
import type { GraphQLUnionType } from 'graphql';
import { execute, isNonNullType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.ts';
import { printSortedSchema, schema } from '../../src/graphql/schema.ts';
import { HealthService } from '../../src/health.ts';
import { createLogger } from '../../src/logger.ts';

describe('schema', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printSortedSchema()).toBe(committed);
  });

  it('exposes the contract names clients rely on', () => {
    for (const name of ['Error', 'DateTime', 'JSON', 'Duration', 'ComponentStatus']) {
      expect(schema.getType(name), name).toBeDefined();
    }
    const query = schema.getQueryType()?.getFields() ?? {};
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['health', 'status', 'viewer']));
  });

  it('executes in-process with a context', async () => {
    const health = new HealthService();
    health.register({
      name: 'kubernetes',
      check: async () => ({ state: 'DEGRADED', message: 'cluster b unreachable' }),
    });
    health.register({
      name: 'aws',
      check: () => new Promise((_, reject) => setTimeout(() => reject(new Error('boom')), 5)),
    });
    const services = { version: '9.9.9', health } as unknown as Services;
    const result = await execute({
      schema,
      document: parse('{ health { status version } status { name state message } }'),
      contextValue: {
        viewer: { name: 'u', role: 'viewer' },
        services,
        requestId: 'r',
        log: createLogger('silent'),
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      health: { status: 'healthy', version: '9.9.9' },
      status: [
        { name: 'kubernetes', state: 'DEGRADED', message: 'cluster b unreachable' },
        { name: 'aws', state: 'DOWN', message: 'boom' },
      ],
    });
  });

  it('lists in each mutation result only the errors that mutation can answer', () => {
    const members = (name: string) =>
      (schema.getType(name) as GraphQLUnionType)
        .getTypes()
        .map((t) => t.name)
        .sort();
    const pipeline = [
      'ConflictError',
      'ForbiddenError',
      'NotFoundError',
      'ProviderError',
      'UnavailableError',
      'ValidationError',
    ];
    expect(members('ScaleResourceResult')).toEqual([...pipeline, 'ScaleResourceSuccess'].sort());
    expect(members('DeleteResourceResult')).toContain('ConfirmationRequiredError');
    expect(members('DeleteResourceResult')).not.toContain('IrreversibleError');
    expect(members('RevertActionResult')).toContain('IrreversibleError');
    expect(members('RevertActionResult')).not.toContain('ConfirmationRequiredError');
    expect(members('AgentHeartbeatResult')).toEqual(['AgentHeartbeatSuccess', 'ForbiddenError']);
    // Audited changes also fail with UnavailableError when the audit log cannot be written.
    expect(members('RegisterAgentResult')).toEqual([
      'RegisterAgentSuccess',
      'UnavailableError',
      'ValidationError',
    ]);
    expect(members('RemoveAgentResult')).toEqual([
      'NotFoundError',
      'RemoveAgentSuccess',
      'UnavailableError',
    ]);
    expect(members('RunRecommendationsResult')).toEqual([
      'RunRecommendationsSuccess',
      'UnavailableError',
    ]);
  });

  it('requires the pod id of podLogs', () => {
    const arg = schema
      .getQueryType()
      ?.getFields()
      .podLogs?.args.find((a) => a.name === 'id');
    expect(arg && isNonNullType(arg.type)).toBe(true);
  });
});
