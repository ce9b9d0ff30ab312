import type { ArgBuilder } from '@pothos/core';
import { cursorStream, isGapAlone, type Delivered, type DeliveredEvent } from '../cursor-stream.ts';
import { StreamGapError } from '../errors.ts';
import { parseCursor } from '../eventlog.ts';
import { builder, type BuilderTypes } from './builder.ts';
import type { GraphQLContext } from './context.ts';

const StreamGapReasonEnum = builder.enumType('StreamGapReason', {
  description: 'Why a stream skipped events.',
  values: {
    CURSOR_EXPIRED: {
      description: 'The `after` cursor (or Last-Event-ID) is older than the retention.',
    },
    SLOW_CONSUMER: {
      description:
        'This subscriber fell behind by more than its buffer and the retention removed what it ' +
        'had not read yet.',
    },
    UNKNOWN_CURSOR: {
      description: 'The cursor is ahead of the stream (another deployment, or a wiped store).',
    },
  },
});

interface GapOut {
  skipped: number;
  reason: 'CURSOR_EXPIRED' | 'SLOW_CONSUMER' | 'UNKNOWN_CURSOR';
  refetch: string;
}

const StreamGapRef = builder.objectRef<GapOut>('StreamGap').implement({
  description:
    'Events this subscriber will never receive: the state it built from the stream is stale. ' +
    'Refetch with the query named in `refetch`, then carry on with this stream.',
  fields: (t) => ({
    skipped: t.exposeInt('skipped', {
      description: "Events of the stream lost (counted before this subscription's filter).",
    }),
    reason: t.field({
      type: StreamGapReasonEnum,
      description: 'Why they were lost.',
      resolve: (g) => g.reason,
    }),

    refetch: t.exposeString('refetch', {
      description: 'The query that gives the current state to start again from.',
    }),
  }),
});

const CURSOR_DESCRIPTION =
  'Where this event sits in its stream, the same on every replica: pass it as `after` (or SSE ' +
  'Last-Event-ID) to resume after it.';
const GAP_DESCRIPTION =
  'Set on the first event after events were lost: how many, and why. When no event of this ' +
  'subscription follows them yet, the gap is sent at once on its own instead: an in-stream ' +
  'error with code STREAM_GAP and skipped, reason, refetch and cursor in its extensions.';

const gapOut = (gap: Delivered<unknown>['gap'], refetch: string) =>
  gap ? { ...gap, refetch } : null;

/**
 * The event of one delivery, for the subscription field to resolve to. A gap delivered alone
 * (no event of this subscriber follows it yet) has no event: it becomes this event's error,
 * `STREAM_GAP` with the gap and its cursor in the extensions, and the stream goes on.
 */
export function eventOf<T>(d: Delivered<T>, refetch: string): DeliveredEvent<T> {
  if (isGapAlone(d)) throw new StreamGapError({ ...d.gap, refetch, cursor: d.cursor });
  return d;
}

/** `cursor` and `gap` on an event type that exists only in its subscription. */
export function streamFields<T>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, DeliveredEvent<T>>,
  refetch: string,
) {
  return {
    cursor: t.exposeString('cursor', { description: CURSOR_DESCRIPTION }),
    gap: t.field({
      type: StreamGapRef,
      nullable: true,
      description: GAP_DESCRIPTION,
      resolve: (d) => gapOut(d.gap, refetch),
    }),
  };
}

const STREAM = Symbol('stream');

/** A type shared with queries, as a subscription event: itself, with its delivery attached. */
export type Streamed<T> = T & { [STREAM]?: DeliveredEvent<T> };

export const streamed = <T extends object>(d: Delivered<T>, refetch: string): Streamed<T> => {
  const event = eventOf(d, refetch);
  return { ...event.payload, [STREAM]: event };
};

/** `cursor` and `gap` on a type that queries return too (null there). */
export function optionalStreamFields<T extends object>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>,
  refetch: string,
) {
  return {
    cursor: t.string({
      nullable: true,
      description: `${CURSOR_DESCRIPTION} Only on subscription events.`,
      resolve: (e) => (e as Streamed<T>)[STREAM]?.cursor ?? null,
    }),
    gap: t.field({
      type: StreamGapRef,
      nullable: true,
      description: `${GAP_DESCRIPTION} Only on subscription events.`,
      resolve: (e) => gapOut((e as Streamed<T>)[STREAM]?.gap ?? null, refetch),
    }),
  };
}

export const afterArg = (t: ArgBuilder<BuilderTypes>) =>
  t.string({
    required: false,
    description:
      'Resume after this cursor: missed events first, then live, each exactly once in order. ' +
      'Without it (and without Last-Event-ID) the stream starts now.',
  });

/**
 * A subscription's events from the log: replayed after `after` (or the SSE Last-Event-ID),
 * then live. Each event's cursor is recorded on the context as it is handed out, for SSE ids.
 */
export function subscribeLogged<T>(
  ctx: GraphQLContext,
  options: {
    topic: string;
    after: string | null | undefined;
    keep: (payload: T) => boolean;
    buffer: number;
  },
): AsyncIterableIterator<Delivered<T>> {
  const cursor = options.after ?? ctx.lastEventId;
  const after = cursor ? parseCursor(cursor, options.after ? 'after' : 'Last-Event-ID') : undefined;
  const stream = cursorStream<T>({ ...options, log: ctx.services.events, after });
  return {
    next: async () => {
      const r = await stream.next();
      if (!r.done) ctx.stream.cursor = r.value.cursor;
      return r;
    },
    return: () => stream.return!(),
    throw: (err) => stream.throw!(err),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
