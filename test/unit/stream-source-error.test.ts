// A subscription's source that fails after it has delivered events (a store or a provider going
// away mid-stream) ends that operation with a masked INTERNAL_SERVER_ERROR, logged with its
// request id and path; the socket and its other operations go on. Real yoga with this server's
// masking and error-log plugin, real graphql-ws over a real socket; only the source is the
// test's, so that it can fail at the moment the test chooses.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import {
  GraphQLBoolean,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLError,
} from 'graphql';
import type { OperationResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createLogger } from '../../src/logger.ts';
import { errorLoggingPlugin, maskUnexpected, yogaLogger } from '../../src/server/error-log.ts';

/** Each `tick` subscription: yields 1, then fails when the test calls `breakSources`. */
let breakSources: () => void = () => {};
const broken = () => new Promise<void>((r) => (breakSources = r));

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      tick: {
        type: GraphQLInt,
        args: { fail: { type: GraphQLBoolean } },
        subscribe: async function* (_root: unknown, args: { fail?: boolean | null }) {
          yield { tick: 1 };
          if (args.fail) await broken();
          else await new Promise<never>(() => {});
          throw new Error('connect ECONNREFUSED 10.0.0.7:5432 (internal detail)');
        },
      },
    },
  }),
});

const lines: Record<string, unknown>[] = [];
const log = createLogger(
  'info',
  new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  }),
);
const yoga = createYoga({
  schema,
  maskedErrors: { maskError: maskUnexpected },
  logging: yogaLogger(log),
  plugins: [errorLoggingPlugin()],
});
let wss: WebSocketServer;
let url = '';

/** The parts of yoga's envelop used here, typed (envelop types them loosely). */
interface Root {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}
interface Enveloped extends Root {
  schema: GraphQLSchema;
  contextFactory: () => Promise<object>;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
}

beforeAll(async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  if (!wss.address()) await once(wss, 'listening');
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  useServer(
    {
      execute: (args) => (args.rootValue as Root).execute(args),
      subscribe: (args) => (args.rootValue as Root).subscribe(args),
      onSubscribe: async (ctx, id, payload) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
        }) as Enveloped;
        const document = parse(payload.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const contextValue = { ...(await contextFactory()), log: log.child({ reqId: id }) };
        const rootValue: Root = { execute, subscribe };
        return { schema, document, contextValue, rootValue };
      },
    },
    wss,
  );
});
afterAll(() => new Promise<void>((r) => wss.close(() => r())));

interface Message {
  id?: string;
  type: string;
  payload?: unknown;
}

/** A graphql-ws client that keeps every message it receives. */
async function connect() {
  const ws = new WebSocket(url, 'graphql-transport-ws');
  const received: Message[] = [];
  ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()) as Message));
  await once(ws, 'open');
  ws.send(JSON.stringify({ type: 'connection_init' }));
  const waitFor = async (match: (m: Message) => boolean): Promise<Message> => {
    for (let i = 0; i < 200; i++) {
      const m = received.find(match);
      if (m) return m;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no such message; received ${JSON.stringify(received)}`);
  };
  await waitFor((m) => m.type === 'connection_ack');
  const subscribe = (id: string, query: string) =>
    ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  return { ws, received, waitFor, subscribe };
}

describe('a subscription source that fails mid-stream, over graphql-ws', () => {
  it('ends that operation with a masked INTERNAL_SERVER_ERROR, logged; the socket goes on', async () => {
    const c = await connect();
    try {
      c.subscribe('failing', 'subscription { tick(fail: true) }');
      c.subscribe('steady', 'subscription { tick }');
      await c.waitFor((m) => m.id === 'failing' && m.type === 'next');
      await c.waitFor((m) => m.id === 'steady' && m.type === 'next');

      breakSources();
      const error = await c.waitFor((m) => m.id === 'failing' && m.type !== 'next');
      expect(error.type).toBe('error');
      expect(error.payload).toEqual([
        expect.objectContaining({
          message: 'Unexpected error.',
          extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) as unknown,
        }),
      ]);
      expect(JSON.stringify(c.received)).not.toContain('10.0.0.7');

      // The socket is open, its other operation untouched, and it takes new ones.
      expect(c.ws.readyState).toBe(WebSocket.OPEN);
      expect(c.received.filter((m) => m.id === 'steady' && m.type !== 'next')).toEqual([]);
      c.subscribe('after', 'subscription { tick }');
      await c.waitFor((m) => m.id === 'after' && m.type === 'next');

      const logged = lines.find((l) => l.reqId === 'failing' && Number(l.level) >= 50);
      expect(logged, JSON.stringify(lines)).toMatchObject({
        path: 'tick',
        msg: 'unexpected error: connect ECONNREFUSED 10.0.0.7:5432 (internal detail)',
        err: expect.objectContaining({
          stack: expect.stringContaining('\n    at ') as unknown,
        }) as unknown,
      });
    } finally {
      c.ws.close();
    }
  });
});
