import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
// Inlined by the image's bundle (scripts/build-server.ts), which ships no package.json.
import pkg from '../package.json' with { type: 'json' };
import {
  amount,
  apiTokens,
  bool,
  count,
  list,
  manifest,
  origins,
  port,
  retentionDays,
  url,
} from './config-values.ts';
import { readCustomPrices, type CustomPrices } from './cost/prices.ts';
import { limitsEnv, limitsConfig, type LimitsConfig } from './limits-config.ts';
import { oidcConfig, oidcEnv, type OidcConfig } from './oidc-config.ts';

// Ordered by what a role may do; `agent` reads like a viewer and, besides, speaks for the
// registered agent of its name (agentHeartbeat, submitRecommendations), which no other role does.
export const ROLES = ['viewer', 'agent', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiToken {
  name: string;
  role: Role;
  secret: string;
}

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      message: 'expected development, production or test',
    })
    .default('development'),
  PORT: port.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
      message: 'expected trace, debug, info, warn, error, fatal or silent',
    })
    .default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty'], { message: 'expected json or pretty' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  STREAM_RETENTION_EVENTS: z.coerce
    .number({ message: 'expected a whole number of events between 10 and 1000000' })
    .int('expected a whole number of events between 10 and 1000000')
    .min(10, 'expected a whole number of events between 10 and 1000000')
    .max(1_000_000, 'expected a whole number of events between 10 and 1000000')
    .default(10_000),
  STREAM_RETENTION_SECONDS: amount('seconds', 1, 604_800).default(3600),
  STREAM_KEY_PREFIX: z.string().min(1).max(100).default('oi:stream:'),
  API_TOKENS: apiTokens(ROLES).default([]),
  AUTH_MODE: z.enum(['token', 'none'], { message: 'expected token or none' }).default('token'),
  CORS_ORIGINS: origins.default([]),
  TRUSTED_DOCUMENTS: manifest.optional(),
  RATE_LIMIT_PER_SECOND: count(0, 1_000_000).default(50),
  RATE_LIMIT_BURST: count(0, 1_000_000).default(500),
  RATE_LIMIT_EXPENSIVE_COST: count(1, 1_000_000).default(20),
  KUBECONFIG: z.string().optional(),
  KUBE_CONTEXTS: list.default([]),
  KUBE_IMPERSONATION: z.enum(['on', 'off'], { message: 'expected on or off' }).default('off'),
  KUBE_AUTHORIZED_TTL_SECONDS: amount('seconds', 1, 3600).default(60),
  KUBE_UNAUTHORIZED_TTL_SECONDS: amount('seconds', 1, 3600).default(30),
  PROMETHEUS_URL: url(['http', 'https']).optional(),
  AWS_ENDPOINT: url(['http', 'https']).optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_REGIONS: list.default([]),
  AWS_POLL_INTERVAL_SECONDS: amount('seconds', 1, 3600).default(30),
  METRICS_INTERVAL_SECONDS: amount('seconds', 1, 3600).default(15),
  METRICS_WINDOW_MINUTES: amount('minutes', 5, 1440).default(15),
  METRICS_MINUTE_RETENTION_HOURS: amount('hours', 1, 720).default(24),
  METRICS_HOUR_RETENTION_DAYS: amount('days', 1, 3650).default(30),
  COST_CUSTOM_PRICES: z.string().min(1).optional(),
  AI_ENGINE_URL: url(['http', 'https']).optional(),
  RECOMMENDER_INTERVAL_SECONDS: amount('seconds', 1, 86_400).default(900),
  RECOMMENDER_WINDOW_HOURS: amount('hours', 1, 2160).default(168),
  RECOMMENDER_MIN_HISTORY_HOURS: amount('hours', 0, 2160).default(24),
  REJECT_SUPPRESS_HOURS: amount('hours', 0, 8760).default(168),
  LLM_URL: url(['http', 'https']).optional(),
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce
    .number({ message: 'expected a number of milliseconds between 100 and 60000' })
    .int('expected a number of milliseconds between 100 and 60000')
    .min(100, 'expected a number of milliseconds between 100 and 60000')
    .max(60_000, 'expected a number of milliseconds between 100 and 60000')
    .default(4000),
  CHAT_TOKEN_TTL_SECONDS: amount('seconds', 1, 3600).default(300),
  SHUTDOWN_TIMEOUT_SECONDS: amount('seconds', 1, 600).default(5),
  MAX_REQUEST_BYTES: z.coerce
    .number({ message: 'expected a positive integer' })
    .int('expected a positive integer')
    .min(1024, 'expected at least 1024')
    .default(1024 * 1024),
  GRAPHIQL: bool.optional(),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_SUGGESTIONS: bool.optional(),
  AUDIT_RETENTION_DAYS: z.coerce
    .number({ message: 'expected a number of days (0 keeps everything)' })
    .min(0, 'expected a number of days (0 keeps everything)')
    .default(0),
  CHAT_RETENTION_DAYS: retentionDays(30),
  RECOMMENDATION_RETENTION_DAYS: retentionDays(90),
  INSTANCE_RETENTION_DAYS: retentionDays(7),
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  AUDIT_TRUSTED_KEYS: list.default([]),
  AUDIT_CHECKPOINT_SINK: z
    .string()
    .refine(
      (v) => !v.includes('://') || /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(v),
      {
        message: 'expected a file path or s3://bucket/key',
      },
    )
    .optional(),
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: amount('seconds', 1, 3600).default(5),
  AUDIT_LOG_ORIGIN: z
    .string()
    .regex(/^[^\s+]{1,200}$/, 'expected a name without spaces or +, e.g. example.com/audit')
    .default('optiinfra.local/audit'),
  LEADER_ELECTION_LEASE: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/,
      'expected namespace/name of a Lease (lower-case DNS names)',
    )
    .optional(),
  LEADER_ELECTION_LEASE_SECONDS: amount('seconds', 1, 300).default(15),
  LEADER_ELECTION_CONTEXT: z.string().optional(),
  // A test hook, honoured only with NODE_ENV=test: pause between execution and outcome.
  TEST_PAUSE_AFTER_EXECUTE_MS: z.coerce.number().int().min(0).default(0),
  ...limitsEnv,
  ...oidcEnv,
});

type Env = z.output<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  /** Set by LOG_FORMAT; unset: pretty in development at a terminal, JSON otherwise. */
  logFormat: 'json' | 'pretty' | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Subscription streams: retention per topic, and the Redis key prefix of their streams. */
  streams: { retentionEvents: number; retentionSeconds: number; keyPrefix: string };
  /** Static tokens, and OIDC bearer JWTs beside them when OIDC_ISSUER_URL is set. */
  auth: { mode: Env['AUTH_MODE']; tokens: ApiToken[]; oidc?: OidcConfig | undefined };
  /** Origins (scheme://host[:port]) whose browser pages may call the API; none: same-origin only. */
  corsOrigins: string[];
  /** Trusted-documents mode: the manifest's texts by id; only these run for non-admins. */
  trustedDocuments: Record<string, string> | undefined;
  /** Points per token: a steady rate (0: off), a burst allowance per 10 s, expensive fields. */
  rateLimit: { perSecond: number; burst: number; expensiveCost: number };
  kubernetes: {
    kubeconfig: string | undefined;
    contexts: string[];
    podLogsMaxBytes: number;
    /** KUBE_IMPERSONATION=on: a signed-in person's actions run as them (Impersonate-User/Group). */
    impersonation: boolean;
    /**
     * How long a person's access review is trusted where RBAC's rules are not all the cluster
     * allows (a webhook authorizer), by its answer.
     */
    reviewTtl: { allowedMs: number; deniedMs: number };
  };
  prometheusUrl: string | undefined;
  aws: { endpoint: string | undefined; regions: string[]; pollIntervalSeconds: number };
  metricsIntervalSeconds: number;
  /** Collector: recent window in memory, and how long the database keeps each rollup. */
  metrics: { windowMinutes: number; minuteRetentionHours: number; hourRetentionDays: number };
  /** Cost: per-unit prices for on-prem clusters (COST_CUSTOM_PRICES, a JSON file). */
  cost: { customPrices: CustomPrices | undefined };
  aiEngineUrl: string | undefined;
  /** The recommendation engine: how often, over how much history, and rejection memory. */
  recommender: {
    intervalSeconds: number;
    windowHours: number;
    minHistoryHours: number;
    rejectSuppressHours: number;
  };
  /** ChatOps: the optional OpenAI-compatible model, and how long a plan's token lives. */
  chat: {
    llm: { url: string; model: string; apiKey: string | undefined; timeoutMs: number } | undefined;
    tokenTtlSeconds: number;
  };
  /** Kubernetes Lease election of the replica that runs the periodic jobs (none: this one). */
  leaderElection:
    | {
        namespace: string;
        name: string;
        leaseSeconds: number;
        /** The watched context whose cluster holds the Lease (undefined: the first). */
        context: string | undefined;
      }
    | undefined;
  shutdownTimeoutSeconds: number;
  maxRequestBytes: number;
  graphiql: boolean;
  /** Introspection and "Did you mean" hints: for every role, or admins only (production). */
  disclosure: { introspection: 'all' | 'admin'; suggestions: 'all' | 'admin' };
  auditRetentionDays: number;
  /** Days chat, resolved recommendations and silent instances' heartbeats are kept (0: for ever). */
  retentionDays: { chat: number; recommendations: number; instances: number };
  /** Signed checkpoints: key (value or file), extra trusted keys, sink, interval, origin. */
  auditLedger: {
    signingKey: string | undefined;
    trustedKeys: string[];
    sink: string | undefined;
    intervalSeconds: number;
    origin: string;
  };
  testPauseAfterExecuteMs: number;
  /** Operation limits and memory bounds of the GraphQL edge (docs/security.md). */
  limits: LimitsConfig;
  version: string;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads `.env` (if present) beneath the real environment, which always wins. */
export function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  envFile = '.env',
): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return { ...fromFile, ...env };
}

const SECRET_VARS = new Set([
  'API_TOKENS',
  'DATABASE_URL',
  'REDIS_URL',
  'LLM_API_KEY',
  'AUDIT_SIGNING_KEY',
]);

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as in most twelve-factor tooling.
  const cleaned = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const raw = cleaned[name];
        const shown = raw === undefined || SECRET_VARS.has(name) ? '' : ` (got "${raw}")`;
        return `Invalid configuration: ${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const e = result.data;
  if (e.AUTH_MODE === 'none' && e.NODE_ENV === 'production') {
    throw new ConfigError([
      'Invalid configuration: AUTH_MODE: none is refused with NODE_ENV=production (every caller would be admin); use API_TOKENS',
    ]);
  }
  if (e.LEADER_ELECTION_CONTEXT !== undefined && e.LEADER_ELECTION_LEASE === undefined) {
    throw new ConfigError([
      `Invalid configuration: LEADER_ELECTION_CONTEXT: needs LEADER_ELECTION_LEASE (got "${e.LEADER_ELECTION_CONTEXT}")`,
    ]);
  }
  let customPrices: CustomPrices | undefined;
  try {
    customPrices = e.COST_CUSTOM_PRICES ? readCustomPrices(e.COST_CUSTOM_PRICES) : undefined;
  } catch (err) {
    throw new ConfigError([`Invalid configuration: COST_CUSTOM_PRICES: ${(err as Error).message}`]);
  }
  const oidc = oidcConfig(e);
  if (oidc && 'problems' in oidc) throw new ConfigError(oidc.problems);
  const regions = e.AWS_REGIONS.length > 0 ? e.AWS_REGIONS : e.AWS_REGION ? [e.AWS_REGION] : [];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    streams: {
      retentionEvents: e.STREAM_RETENTION_EVENTS,
      retentionSeconds: e.STREAM_RETENTION_SECONDS,
      keyPrefix: e.STREAM_KEY_PREFIX,
    },
    auth: { mode: e.AUTH_MODE, tokens: e.API_TOKENS, oidc },
    corsOrigins: e.CORS_ORIGINS,
    trustedDocuments: e.TRUSTED_DOCUMENTS,
    rateLimit: {
      perSecond: e.RATE_LIMIT_PER_SECOND,
      burst: e.RATE_LIMIT_BURST,
      expensiveCost: e.RATE_LIMIT_EXPENSIVE_COST,
    },
    kubernetes: {
      kubeconfig: e.KUBECONFIG,
      contexts: e.KUBE_CONTEXTS,
      podLogsMaxBytes: e.POD_LOGS_MAX_BYTES,
      impersonation: e.KUBE_IMPERSONATION === 'on',
      reviewTtl: {
        allowedMs: e.KUBE_AUTHORIZED_TTL_SECONDS * 1000,
        deniedMs: e.KUBE_UNAUTHORIZED_TTL_SECONDS * 1000,
      },
    },
    prometheusUrl: e.PROMETHEUS_URL,
    aws: { endpoint: e.AWS_ENDPOINT, regions, pollIntervalSeconds: e.AWS_POLL_INTERVAL_SECONDS },
    metricsIntervalSeconds: e.METRICS_INTERVAL_SECONDS,
    metrics: {
      windowMinutes: e.METRICS_WINDOW_MINUTES,
      minuteRetentionHours: e.METRICS_MINUTE_RETENTION_HOURS,
      hourRetentionDays: e.METRICS_HOUR_RETENTION_DAYS,
    },
    cost: { customPrices },
    aiEngineUrl: e.AI_ENGINE_URL,
    recommender: {
      intervalSeconds: e.RECOMMENDER_INTERVAL_SECONDS,
      windowHours: e.RECOMMENDER_WINDOW_HOURS,
      minHistoryHours: e.RECOMMENDER_MIN_HISTORY_HOURS,
      rejectSuppressHours: e.REJECT_SUPPRESS_HOURS,
    },
    chat: {
      llm: e.LLM_URL
        ? { url: e.LLM_URL, model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS }
        : undefined,
      tokenTtlSeconds: e.CHAT_TOKEN_TTL_SECONDS,
    },
    leaderElection: leaseConfig(e),
    shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT_SECONDS,
    maxRequestBytes: e.MAX_REQUEST_BYTES,
    graphiql: e.GRAPHIQL ?? e.NODE_ENV !== 'production',
    disclosure: {
      introspection: (e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production') ? 'all' : 'admin',
      suggestions: (e.GRAPHQL_SUGGESTIONS ?? e.NODE_ENV !== 'production') ? 'all' : 'admin',
    },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    retentionDays: {
      chat: e.CHAT_RETENTION_DAYS,
      recommendations: e.RECOMMENDATION_RETENTION_DAYS,
      instances: e.INSTANCE_RETENTION_DAYS,
    },
    auditLedger: {
      signingKey: e.AUDIT_SIGNING_KEY,
      trustedKeys: e.AUDIT_TRUSTED_KEYS,
      sink: e.AUDIT_CHECKPOINT_SINK,
      intervalSeconds: e.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
      origin: e.AUDIT_LOG_ORIGIN,
    },
    testPauseAfterExecuteMs: e.NODE_ENV === 'test' ? e.TEST_PAUSE_AFTER_EXECUTE_MS : 0,
    limits: limitsConfig(e),
    version: pkg.version,
  };
}

function leaseConfig(e: Env): Config['leaderElection'] {
  if (!e.LEADER_ELECTION_LEASE) return undefined;
  const [namespace = '', name = ''] = e.LEADER_ELECTION_LEASE.split('/');
  return {
    namespace,
    name,
    leaseSeconds: e.LEADER_ELECTION_LEASE_SECONDS,
    context: e.LEADER_ELECTION_CONTEXT,
  };
}
