import {
  createSourceEventStream,
  getOperationAST,
  Kind,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { execute as executeEvent } from '@graphql-tools/executor';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { Viewer } from '../auth/viewer.ts';
import type { BoundedStream } from '../streams.ts';
import { nextFrame } from './ws-frame.ts';

/** Root-value key under which ws.ts hands an eligible `metrics` subscription its sink. */
export const FAST_PATH = Symbol('metrics fast path');

/** The `metrics` root field's arguments that only choose samples (the per-subscriber filter). */
const FILTER_ARGS = new Set(['targets', 'names']);
/** Directives that would make a result incremental: never on the fast path. */
const INCREMENTAL = new Set(['defer', 'stream']);

type Subscribe = (args: ExecutionArgs) => unknown;

/**
 * One event rendered for a selection: the result, and when it has no errors the `next`
 * payload's JSON bytes. An error-free result also carries yoga's `stringify` hook returning
 * that same JSON, so HTTP (SSE, multipart) subscribers send it without serialising again.
 */
type Rendered = { result: ExecutionResult; payload?: Buffer };

/**
 * Subscribers of `metrics` with the same document, operation, viewer and (non-filter)
 * variables. Each sample is executed once for the group, with the first member's arguments
 * and context, and its payload serialised once; members differ only in which samples they
 * receive (their own `targets`/`names`) and in their subscription id.
 */
class Group {
  members = 0;
  private readonly args: ExecutionArgs;
  /** Keyed by the hub's sample object, which every listener of a key shares. */
  private readonly rendered = new WeakMap<object, Rendered | Promise<Rendered>>();

  constructor(args: ExecutionArgs) {
    this.args = args;
  }

  render(event: object): Rendered | Promise<Rendered> {
    let out = this.rendered.get(event);
    if (!out) {
      // Exactly what the executor yoga uses does per event (MapSourceToResponseEvent).
      const result: unknown = executeEvent({ ...this.args, rootValue: event });
      out = isPromiseLike(result) ? Promise.resolve(result).then(toRendered) : toRendered(result);
      this.rendered.set(event, out);
    }
    return out;
  }
}

const isPromiseLike = (v: unknown): v is PromiseLike<unknown> =>
  typeof (v as { then?: unknown } | null)?.then === 'function';

function toRendered(result: unknown): Rendered {
  const r = result as ExecutionResult;
  if ('initialResult' in (result as object)) throw new Error('incremental result on fast path');
  if (r.errors?.length) return { result: r };
  // graphql-ws and yoga send the result without its `errors` key when there are none.
  const { errors: _none, ...rest } = r;
  const json = JSON.stringify(rest);
  // yoga serialises a result with its own `stringify` when it has one (graphql-jit's hook).
  Object.defineProperty(rest, 'stringify', { value: () => json });
  return { result: rest, payload: Buffer.from(json) };
}

/** Which variables of an eligible document only feed the filter (null: not eligible). */
function analyse(document: DocumentNode, operationName: string | null): Set<string> | null {
  const op = getOperationAST(document, operationName);
  if (op?.operation !== OperationTypeNode.SUBSCRIPTION) return null;
  const [root, ...more] = op.selectionSet.selections;
  if (more.length > 0 || root?.kind !== Kind.FIELD || root.name.value !== 'metrics') return null;
  if (root.directives?.length) return null;
  const filterArgs = new Set(root.arguments?.filter((a) => FILTER_ARGS.has(a.name.value)));
  const filterVars = new Set<string>();
  const otherVars = new Set<string>();
  let incremental = false;
  let inFilter = 0;
  visit(document, {
    Argument: {
      enter: (a) => void (filterArgs.has(a) && inFilter++),
      leave: (a) => void (filterArgs.has(a) && inFilter--),
    },
    Variable: (v) => void (inFilter > 0 ? filterVars : otherVars).add(v.name.value),
    VariableDefinition: () => false,
    Directive: (d) => void (INCREMENTAL.has(d.name.value) && (incremental = true)),
  });
  if (incremental) return null;
  for (const v of otherVars) filterVars.delete(v);
  return filterVars;
}

/** A graphql-ws subscription's socket: the fast path writes its `next` frames itself. */
export interface FrameTarget {
  socket: WebSocket;
  /** The TCP socket under `socket`: frames are written to it whole, in one write each. */
  transport: Duplex;
  /** The subscription's id. */
  id: string;
}

/** The handle on one subscription that takes the fast path. */
export interface FastSink {
  subscribe(args: ExecutionArgs, normal: Subscribe): unknown;
}

/** One subscriber in its group. */
interface Member {
  group: Group;
  events: AsyncIterator<unknown>;
  left: boolean;
  leave(): void;
}

const DONE: IteratorResult<ExecutionResult> = { value: undefined, done: true };

/**
 * The fast path for `metrics` subscriptions. A sample is executed and serialised once per
 * group of subscribers with the same selection, whatever their transport:
 * - graphql-ws: each member's `next` frame is that JSON with its id spliced in, written
 *   straight to its TCP socket — from the hub's fan-out itself when the socket is idle (no
 *   promise per delivery); a subscriber never has more than one frame unsent (a busy socket's
 *   samples wait in its bounded buffer, newest per key kept, as with graphql-ws), and
 *   graphql-ws keeps the protocol (ids, complete, close);
 * - HTTP (SSE, multipart): the shared result is handed to yoga with its JSON attached, so yoga
 *   writes it without serialising it again.
 * Everything else stays on the normal path: the subscribe resolver (auth, target validation,
 * the per-subscriber filter and its bounded, conflating buffer) runs per subscriber exactly
 * as before, and a sample whose result carries errors goes back through envelop so it is
 * masked and sent as usual.
 */
export class SampleFastPath {
  private readonly groups = new Map<string, Group>();
  /** Filter-only variables per parsed document and operation (null: not eligible). */
  private readonly shapes = new WeakMap<DocumentNode, Map<string | null, Set<string> | null>>();

  /** Frames written synchronously from the hub's fan-out (the rest went through `next`). */
  directWrites = 0;

  /** Groups alive (each has at least one member). */
  get groupCount(): number {
    return this.groups.size;
  }

  /** A sink for this subscription, or undefined when the normal path must serve it. */
  sink(opts: {
    /** The source text: it keys the group, so sharing survives yoga's parse cache evictions. */
    query: string;
    document: DocumentNode;
    operationName: string | null;
    variables: Record<string, unknown> | null | undefined;
    viewer: Viewer;
    /** Over graphql-ws; without it the result goes back to yoga (HTTP). */
    frames?: FrameTarget;
  }): FastSink | undefined {
    let byOperation = this.shapes.get(opts.document);
    if (!byOperation)
      this.shapes.set(opts.document, (byOperation = new Map<string | null, Set<string> | null>()));
    let filter = byOperation.get(opts.operationName);
    if (filter === undefined) {
      filter = analyse(opts.document, opts.operationName);
      byOperation.set(opts.operationName, filter);
    }
    if (!filter) return undefined;
    const filterVars = filter;
    const shared = Object.entries(opts.variables ?? {})
      .filter(([k]) => !filterVars.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // The viewer is part of the key: field-level auth and role-dependent fields differ by it.
    const key = JSON.stringify([opts.query, opts.operationName, opts.viewer, shared]);
    const { frames } = opts;
    return { subscribe: (args, normal) => this.subscribe(key, frames, args, normal) };
  }

  private async subscribe(
    key: string,
    frames: FrameTarget | undefined,
    args: ExecutionArgs,
    normal: Subscribe,
  ): Promise<unknown> {
    // The resolver's own source stream: auth, validation, filter, bounded buffer, first samples.
    const source = await createSourceEventStream(args);
    // An error (unknown target, forbidden): the normal path answers it, byte for byte.
    if (!isAsyncIterable(source)) return normal(args);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = new Group(args)));
    group.members++;
    const member: Member = {
      group,
      events: source[Symbol.asyncIterator](),
      left: false,
      leave: () => {
        if (member.left) return;
        member.left = true;
        if (--member.group.members === 0 && this.groups.get(key) === member.group)
          this.groups.delete(key);
      },
    };
    if (!frames) return iterate(member);
    const { socket, transport } = frames;
    // The bytes graphql-ws would write before the payload: {"id":…,"type":"next","payload":
    const head = Buffer.from(`{"id":${JSON.stringify(frames.id)},"type":"next","payload":`);
    // The common case, synchronously from the hub's fan-out: a rendered sample written at
    // once to an idle socket. The stream offers samples here only while `next` waits for one
    // (so never past a write in flight or a result graphql-ws has yet to send); a socket with
    // unsent bytes, a sample still executing or one with errors goes to `next`. Frames go to
    // the TCP socket as ws itself would write them (the server negotiates no extension), one
    // buffer per frame; ws's `bufferedAmount` counts them as its own.
    (source as Partial<BoundedStream<object>>).consumeDirectly?.((event) => {
      if (member.left || socket.readyState !== socket.OPEN || socket.bufferedAmount > 0) {
        return false;
      }
      const out = group.render(event);
      if (out instanceof Promise || !out.payload) return false;
      transport.write(nextFrame(head, out.payload));
      this.directWrites++;
      return true;
    });
    return iterate(member, (payload) =>
      socket.readyState !== socket.OPEN
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) =>
            transport.write(nextFrame(head, payload), (err) => (err ? reject(err) : resolve())),
          ),
    );
  }
}

/**
 * The iterator yoga or graphql-ws drives for a member: each sample rendered by the group.
 * With `write`, error-free samples are written by the fast path itself and `next` only
 * returns at the end of the stream or with a result that needs the normal framing.
 */
function iterate(
  m: Member,
  write?: (payload: Buffer) => Promise<void>,
): AsyncIterableIterator<ExecutionResult> {
  return {
    async next() {
      try {
        for (;;) {
          const event = await m.events.next();
          if (event.done) {
            m.leave();
            return DONE;
          }
          const rendered = m.group.render(event.value as object);
          // Most samples are already rendered: no extra turn of the microtask queue.
          const out = rendered instanceof Promise ? await rendered : rendered;
          // Completed while this sample was executing: nothing more for this subscriber.
          if (m.left) return DONE;
          if (!write || !out.payload) return { value: out.result, done: false };
          await write(out.payload);
        }
      } catch (err) {
        m.leave();
        throw err;
      }
    },
    async return() {
      m.leave();
      await m.events.return?.();
      return DONE;
    },
    async throw(err: unknown) {
      m.leave();
      await m.events.return?.();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Puts a fast-path subscription through yoga's envelop like any other (its plugins see it,
 * errors are masked), swapping only the subscribe function for the sink's. graphql-ws
 * subscriptions bring their sink in the root value (ws.ts always sets one); over HTTP the
 * sink is made here from yoga's request parameters.
 */
export function sampleFastPathPlugin(fastPath: SampleFastPath | undefined): Plugin {
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const root = args.rootValue as { [FAST_PATH]?: FastSink } | undefined;
      const sink = root ? root[FAST_PATH] : fastPath && httpSink(fastPath, args);
      if (!sink) return;
      setSubscribeFn(((a: ExecutionArgs) => sink.subscribe(a, subscribeFn as Subscribe)) as never);
    },
  };
}

function httpSink(fastPath: SampleFastPath, args: ExecutionArgs): FastSink | undefined {
  const ctx = args.contextValue as { params?: { query?: unknown }; viewer?: Viewer };
  const query = ctx.params?.query;
  if (typeof query !== 'string' || !ctx.viewer) return undefined;
  return fastPath.sink({
    query,
    document: args.document,
    operationName: args.operationName ?? null,
    variables: args.variableValues,
    viewer: ctx.viewer,
  });
}
