import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { logFormatFor } from '../../src/logger.ts';
import { publicUrl, startLine } from '../../src/startup.ts';

describe('start-up line and log format', () => {
  it('names the URLs a browser can open and every component with its state', () => {
    const line = startLine({
      version: '1.2.3',
      host: '0.0.0.0',
      port: 8080,
      graphiql: true,
      dashboard: false,
      components: [
        { name: 'kubernetes', state: 'UP', message: '2/2 context(s) reachable', latencyMs: 1 },
        { name: 'aws', state: 'DISABLED', message: 'not configured', latencyMs: 0 },
        { name: 'prometheus', state: 'DOWN', message: 'x'.repeat(200), latencyMs: 3 },
      ],
    });
    expect(line).toBe(
      `OptiInfra Orchestrator 1.2.3 listening: API http://localhost:8080/graphql · dashboard not built (npm run build:ui) · GraphiQL http://localhost:8080/graphql | kubernetes UP, aws DISABLED (not configured), prometheus DOWN (${'x'.repeat(59)}…)`,
    );
    expect(line.split('\n')).toHaveLength(1);
    expect(publicUrl('::1', 9000)).toBe('http://[::1]:9000');
    expect(publicUrl('::', 9000)).toBe('http://localhost:9000');
  });

  it('logs JSON for machines, pretty for a person at a terminal in development', () => {
    expect(logFormatFor(undefined, 'development', true)).toBe('pretty');
    expect(logFormatFor(undefined, 'development', false)).toBe('json');
    expect(logFormatFor(undefined, 'production', true)).toBe('json');
    expect(logFormatFor('json', 'development', true)).toBe('json');
    expect(logFormatFor('pretty', 'production', false)).toBe('pretty');
  });

  it('reads LOG_FORMAT and names it when it is wrong', () => {
    expect(loadConfig({}).logFormat).toBeUndefined();
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(
      'Invalid configuration: LOG_FORMAT: expected json or pretty (got "yaml")',
    );
  });
});
