import { Kind, visit, type DocumentNode, type ExecutionArgs, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { GraphQLContext } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import { FAST_PATH } from './sample-fastpath.ts';

/** Fields whose work grows with the audit log: each occurrence costs `expensiveCost` points. */
const EXPENSIVE_FIELDS = new Set(['verifyAuditLog']);
/** The window over which the burst allowance refills. */
const BURST_WINDOW_SECONDS = 10;
const KEY_PREFIX = 'optiinfra:rate';

export interface RateLimitSettings {
  /** Points each identity may spend every second; 0 turns rate limiting off. */
  perSecond: number;
  /** Points beyond that for bursts, refilled every 10 seconds. */
  burst: number;
  /** What one expensive field (verifyAuditLog) costs on top of its operation's point. */
  expensiveCost: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Per-identity (token name) budget for HTTP operations and WebSocket subscribes, kept by
 * rate-limiter-flexible: a steady limiter plus a burst limiter (its BurstyRateLimiter, the
 * library's token-bucket equivalent), in process memory, or in Redis when one is configured so
 * that every replica draws from the same budget (memory takes over while Redis is away).
 */
export class RateLimiter {
  private readonly limiter: BurstyRateLimiter | undefined;
  private readonly redis: Redis | undefined;
  private readonly settings: RateLimitSettings;
  private readonly log: Logger;
  /** The most one request can cost: more could never fit the steady or the burst limiter. */
  private readonly capacity: number;

  constructor(options: { settings: RateLimitSettings; redisUrl: string | undefined; log: Logger }) {
    this.settings = options.settings;
    this.log = options.log;
    const { perSecond, burst } = options.settings;
    this.capacity = Math.max(perSecond, burst);
    if (perSecond === 0) return;
    if (options.redisUrl) {
      // Fail fast while Redis is away (no offline queue): the memory limiter answers instead.
      this.redis = new Redis(options.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      });
      this.redis.on('error', () => {});
    }
    const limiter = (points: number, duration: number, name: string): RateLimiterAbstract => {
      const keyPrefix = `${KEY_PREFIX}:${name}`;
      const memory = new RateLimiterMemory({ points, duration, keyPrefix });
      return this.redis
        ? new RateLimiterRedis({
            storeClient: this.redis,
            points,
            duration,
            keyPrefix,
            rejectIfRedisNotReady: true,
            insuranceLimiter: memory,
          })
        : memory;
    };
    this.limiter = new BurstyRateLimiter(
      limiter(perSecond, 1, 'steady'),
      limiter(Math.max(burst, 1), BURST_WINDOW_SECONDS, 'burst'),
    );
  }

  /**
   * Resolves once Redis answers, or after `timeoutMs` (then memory serves until it does): the
   * first requests after a start would otherwise each replica's own budget.
   */
  async connected(timeoutMs = 2000): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  get enabled(): boolean {
    return this.limiter !== undefined;
  }

  /** Points a document costs beyond its operation's one: its expensive fields, aliases counted. */
  extraCost(document: DocumentNode): number {
    if (!this.limiter) return 0;
    let cost = 0;
    visit(document, {
      [Kind.FIELD]: (node) => {
        if (EXPENSIVE_FIELDS.has(node.name.value)) cost += this.settings.expensiveCost;
      },
    });
    return cost;
  }

  /** Spends `points` of `identity`'s budget, or says how long until it can. */
  async consume(identity: string, points = 1): Promise<RateDecision> {
    if (!this.limiter || points <= 0) return { allowed: true };
    try {
      await this.limiter.consume(identity, Math.min(points, this.capacity));
      return { allowed: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
        };
      }
      // Neither Redis nor the memory fallback answered: serve rather than refuse everyone.
      this.log.warn({ err }, 'rate limiter unavailable; request allowed');
      return { allowed: true };
    }
  }

  close(): void {
    this.redis?.disconnect();
  }
}

/** The refusal a client reads, with the wait in seconds. */
export function rateLimited(retryAfterSeconds: number) {
  return {
    message: `Rate limit exceeded for this token: retry in ${retryAfterSeconds} s`,
    extensions: { code: 'RATE_LIMITED', retryAfter: retryAfterSeconds },
  };
}

/** The refusal as an error: a graphql-ws error message, or yoga's HTTP 429 with Retry-After. */
export function rateLimitedError(retryAfterSeconds: number): GraphQLError {
  const { message, extensions } = rateLimited(retryAfterSeconds);
  return createGraphQLError(message, {
    extensions: {
      ...extensions,
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  });
}

/**
 * Charges an HTTP operation's expensive fields once it is parsed (the front has already
 * charged its one point before reading the body). graphql-ws operations are charged whole in
 * the socket's onSubscribe; they carry the fast path's root value, which tells them apart.
 */
export function rateLimitPlugin(limiter: RateLimiter): Plugin<GraphQLContext> {
  const charge = async (args: ExecutionArgs): Promise<void> => {
    const root = args.rootValue as object | null | undefined;
    if (root && typeof root === 'object' && FAST_PATH in root) return;
    const extra = limiter.extraCost(args.document);
    if (extra === 0) return;
    const { viewer } = args.contextValue as GraphQLContext;
    const decision = await limiter.consume(viewer.name, extra);
    if (!decision.allowed) throw rateLimitedError(decision.retryAfterSeconds);
  };
  return {
    onExecute: ({ args }) => charge(args),
    onSubscribe: ({ args }) => charge(args),
  };
}
