import type { Plugin } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import type { GraphQLContext } from '../graphql/context.ts';

/**
 * Gives every event of a cursor-bearing subscription its cursor as the SSE `id:`, so an
 * EventSource that reconnects sends it back as Last-Event-ID and resumes where it was. Yoga's
 * SSE writer prints `data: <stringify(result)>` then a blank line; the `id:` line rides in the
 * same event after the data (field order within an SSE event does not matter). Other
 * transports ignore `stringify`.
 */
export function streamIdsPlugin(): Plugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ args }) {
          const ctx = args.contextValue as Partial<GraphQLContext>;
          return {
            onNext({ result, setResult }) {
              const cursor = ctx.stream?.cursor;
              if (!cursor) return;
              setResult({
                ...result,
                stringify: (r: ExecutionResult) => `${JSON.stringify(r)}\nid: ${cursor}`,
              } as typeof result);
            },
          };
        },
      };
    },
  };
}
