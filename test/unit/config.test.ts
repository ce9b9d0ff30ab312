import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('has defaults for a laptop run', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.env).toBe('development');
    expect(c.graphiql).toBe(true);
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.auth).toEqual({ mode: 'token', tokens: [] });
    expect(c.shutdownTimeoutSeconds).toBe(5);
    expect(c.metricsIntervalSeconds).toBe(15);
  });

  it('parses tokens, lists and regions', () => {
    const c = loadConfig({
      API_TOKENS: 'ci:viewer:0123456789abcdef, ops:admin:abc:def:0123456789abcdef',
      KUBE_CONTEXTS: 'a, b,,c',
      AWS_REGION: 'eu-west-1',
      NODE_ENV: 'production',
    });
    expect(c.auth.tokens).toEqual([
      { name: 'ci', role: 'viewer', secret: '0123456789abcdef' },
      { name: 'ops', role: 'admin', secret: 'abc:def:0123456789abcdef' },
    ]);
    expect(c.kubernetes.contexts).toEqual(['a', 'b', 'c']);
    expect(c.aws.regions).toEqual(['eu-west-1']);
    expect(c.graphiql).toBe(false);
  });

  it('names every bad variable on its own line', () => {
    const found = problems({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      SHUTDOWN_TIMEOUT_SECONDS: '0',
      AUTH_MODE: 'maybe',
    });
    expect(found).toHaveLength(5);
    expect(found.find((p) => p.includes('PORT'))).toMatch(
      /^Invalid configuration: PORT: .*"eighty"/,
    );
    expect(found.find((p) => p.includes('LOG_LEVEL'))).toContain('expected trace, debug');
    expect(found.find((p) => p.includes('DATABASE_URL'))).not.toContain('mysql://x');
    expect(found.some((p) => p.startsWith('Invalid configuration: SHUTDOWN_TIMEOUT_SECONDS'))).toBe(
      true,
    );
    expect(found.some((p) => p.startsWith('Invalid configuration: AUTH_MODE'))).toBe(true);
  });

  it('reads the review TTLs under impersonation, 60 s allowed and 30 s denied by default', () => {
    expect(loadConfig({}).kubernetes.reviewTtl).toEqual({ allowedMs: 60_000, deniedMs: 30_000 });
    expect(
      loadConfig({ KUBE_AUTHORIZED_TTL_SECONDS: '5', KUBE_UNAUTHORIZED_TTL_SECONDS: '1.5' })
        .kubernetes.reviewTtl,
    ).toEqual({ allowedMs: 5_000, deniedMs: 1_500 });
    const found = problems({
      KUBE_AUTHORIZED_TTL_SECONDS: '0',
      KUBE_UNAUTHORIZED_TTL_SECONDS: 'x',
    });
    expect(found).toEqual([
      'Invalid configuration: KUBE_AUTHORIZED_TTL_SECONDS: expected a number of seconds between 1 and 3600 (got "0")',
      'Invalid configuration: KUBE_UNAUTHORIZED_TTL_SECONDS: expected a number of seconds between 1 and 3600 (got "x")',
    ]);
  });

  it('rejects bad API_TOKENS without echoing secrets', () => {
    const found = problems({ API_TOKENS: 'a:root:0123456789abcdef,b:viewer:short,c' });
    expect(found).toHaveLength(3);
    expect(found.join('\n')).not.toContain('0123456789abcdef');
    expect(found[0]).toContain('role must be one of viewer, agent, operator, admin');
    expect(found[1]).toContain('at least 16 characters');
    expect(found[2]).toContain('expected name:role:secret');
  });

  it('names the leader Lease as namespace/name, or none (a single replica)', () => {
    expect(loadConfig({}).leaderElection).toBeUndefined();
    expect(loadConfig({ LEADER_ELECTION_LEASE: 'optiinfra/orchestrator' }).leaderElection).toEqual({
      namespace: 'optiinfra',
      name: 'orchestrator',
      leaseSeconds: 15,
      context: undefined,
    });
    expect(
      loadConfig({ LEADER_ELECTION_LEASE: 'ops/leader', LEADER_ELECTION_CONTEXT: 'prod-eu' })
        .leaderElection?.context,
    ).toBe('prod-eu');
    expect(problems({ LEADER_ELECTION_CONTEXT: 'prod-eu' })).toEqual([
      'Invalid configuration: LEADER_ELECTION_CONTEXT: needs LEADER_ELECTION_LEASE (got "prod-eu")',
    ]);
    for (const bad of ['orchestrator', 'a/b/c', 'Ops/leader', '/leader', 'ops/']) {
      expect(problems({ LEADER_ELECTION_LEASE: bad })).toEqual([
        `Invalid configuration: LEADER_ELECTION_LEASE: expected namespace/name of a Lease (lower-case DNS names) (got "${bad}")`,
      ]);
    }
    expect(problems({ LEADER_ELECTION_LEASE_SECONDS: '0' })).toHaveLength(1);
  });

  it('rejects out-of-range ports', () => {
    expect(problems({ PORT: '70000' })).toHaveLength(1);
    expect(problems({ PORT: '-1' })).toHaveLength(1);
  });

  it('refuses two tokens with one secret, naming both and echoing neither secret', () => {
    const found = problems({
      API_TOKENS: 'root:admin:shared-secret-0123456789,ci:viewer:shared-secret-0123456789',
    });
    expect(found).toEqual([
      'Invalid configuration: API_TOKENS: entry 2 (ci): same secret as root; every token needs its own',
    ]);
  });

  it('refuses AUTH_MODE=none in production, in one line', () => {
    expect(problems({ AUTH_MODE: 'none', NODE_ENV: 'production' })).toEqual([
      'Invalid configuration: AUTH_MODE: none is refused with NODE_ENV=production (every caller would be admin); use API_TOKENS',
    ]);
    expect(loadConfig({ AUTH_MODE: 'none' }).auth.mode).toBe('none');
  });

  it('reads CORS_ORIGINS as exact origins, none by default', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173/' }).corsOrigins,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
    for (const bad of ['*', 'https://*.example.com', 'app.example.com', 'https://a.com/path']) {
      expect(problems({ CORS_ORIGINS: bad })).toEqual([
        `Invalid configuration: CORS_ORIGINS: "${bad}" is not an origin: expected scheme://host[:port] like https://app.example.com (no *, no path) (got "${bad}")`,
      ]);
    }
  });

  it('discloses the schema to every role outside production, to admins in it', () => {
    expect(loadConfig({}).disclosure).toEqual({ introspection: 'all', suggestions: 'all' });
    expect(loadConfig({ NODE_ENV: 'production' }).disclosure).toEqual({
      introspection: 'admin',
      suggestions: 'admin',
    });
    expect(
      loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).disclosure,
    ).toEqual({ introspection: 'all', suggestions: 'admin' });
    expect(loadConfig({ GRAPHQL_SUGGESTIONS: 'false' }).disclosure.suggestions).toBe('admin');
  });
});
