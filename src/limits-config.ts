import { z } from 'zod';
import type { OperationLimits } from './server/limits.ts';

/** POD_LOGS_MAX_BYTES's default: 1 MiB, some 10,000 lines of a typical log. */
export const DEFAULT_POD_LOGS_MAX_BYTES = 1024 * 1024;

const count = (min: number, fallback: number) =>
  z.coerce
    .number({ message: `expected an integer of at least ${min}` })
    .int(`expected an integer of at least ${min}`)
    .min(min, `expected an integer of at least ${min}`)
    .default(fallback);

/**
 * The edge's limits as environment variables (merged into config.ts's model). Defaults leave
 * room for every query in the README, the dashboard and the tests (docs/security.md).
 */
export const limitsEnv = {
  MAX_QUERY_TOKENS: count(100, 5000),
  MAX_QUERY_DEPTH: count(3, 15),
  MAX_QUERY_ALIASES: count(0, 30),
  MAX_QUERY_DIRECTIVES: count(0, 30),
  MAX_QUERY_COST: count(100, 50_000),
  PARSE_CACHE_BYTES: count(64 * 1024, 4 * 1024 * 1024),
  RESPONSE_CACHE_BYTES: count(0, 16 * 1024 * 1024),
  MAX_SUBSCRIPTIONS_PER_SOCKET: count(1, 100),
  POD_LOGS_MAX_BYTES: count(1024, DEFAULT_POD_LOGS_MAX_BYTES),
};

type LimitsEnv = { [K in keyof typeof limitsEnv]: number };

export interface LimitsConfig {
  operation: OperationLimits;
  /** Bytes of document text yoga's parse caches may hold. */
  parseCacheBytes: number;
  /** Bytes of JSON the cache of answers read from the providers' caches may hold; 0: off. */
  responseCacheBytes: number;
  /** Operations one graphql-ws socket may have running at once (subscriptions, mostly). */
  maxSubscriptionsPerSocket: number;
}

export function limitsConfig(e: LimitsEnv): LimitsConfig {
  return {
    operation: {
      maxTokens: e.MAX_QUERY_TOKENS,
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxDirectives: e.MAX_QUERY_DIRECTIVES,
      maxCost: e.MAX_QUERY_COST,
    },
    parseCacheBytes: e.PARSE_CACHE_BYTES,
    responseCacheBytes: e.RESPONSE_CACHE_BYTES,
    maxSubscriptionsPerSocket: e.MAX_SUBSCRIPTIONS_PER_SOCKET,
  };
}
