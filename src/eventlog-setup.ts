import { createHash } from 'node:crypto';
import type { Config } from './config.ts';
import { RedisEventLog } from './eventlog-redis.ts';
import { LOGGED_TOPICS, MemoryEventLog, RESOURCE_TOPIC, type EventLog } from './eventlog.ts';
import type { Logger } from './logger.ts';
import type { ResourceEvent } from './providers/provider.ts';
import type { ProviderRegistry } from './providers/registry.ts';

/** Redis Streams with REDIS_URL (shared by the replicas), an in-process ring otherwise. */
export function createEventLog(config: Config): EventLog {
  const retention = {
    maxEvents: config.streams.retentionEvents,
    maxAgeMs: config.streams.retentionSeconds * 1000,
  };
  return config.redisUrl
    ? new RedisEventLog({
        url: config.redisUrl,
        prefix: config.streams.keyPrefix,
        topics: LOGGED_TOPICS,
        retention,
      })
    : new MemoryEventLog(retention);
}

/**
 * The same change as every replica sees it: Kubernetes objects by resourceVersion, anything
 * else by its content (the event's own timestamp left out).
 */
export function resourceEventKey(e: ResourceEvent): string {
  const version = (e.resource.object as { metadata?: { resourceVersion?: unknown } } | null)
    ?.metadata?.resourceVersion;
  const what =
    typeof version === 'string'
      ? version
      : createHash('sha256').update(JSON.stringify(e.resource)).digest('base64url');
  return `${e.type}:${e.resource.id}:${what}`;
}

/** Appends every watch event to the log; each replica does, the log keeps one of each. */
export function logResourceEvents(
  providers: ProviderRegistry,
  events: EventLog,
  log: Logger,
): () => void {
  return providers.onEvent((e) => {
    events
      .append(RESOURCE_TOPIC, e, events.kind === 'redis' ? resourceEventKey(e) : undefined)
      .catch((err: unknown) => log.warn({ err }, 'could not stream a resource event'));
  });
}
