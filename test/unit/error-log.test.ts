// What an operator reads when a resolver fails: the masked error's message, stack, path and
// request id at `error`; a client's mistake at `info`.
import { Writable } from 'node:stream';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { errorLoggingPlugin, yogaLogger } from '../../src/server/error-log.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger('debug', stream) };
}

describe('error logs', () => {
  it('logs a masked error once, with message, stack, path and reqId; a client error at info', async () => {
    const { lines, log } = capture();
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { broken: Int  missing: Int }',
        resolvers: {
          Query: {
            broken: () => {
              throw new TypeError('cannot read the disk');
            },
            missing: () => {
              throw new NotFoundError('no such thing');
            },
          },
        },
      }),
      logging: yogaLogger(log),
      context: () => ({ log: log.child({ reqId: 'req-42' }) }),
      plugins: [errorLoggingPlugin()],
    });
    const res = await yoga.fetch('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ broken missing }' }),
    });
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors.map((e) => e.message)).toContain('Unexpected error.');
    await new Promise((r) => setImmediate(r));
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      reqId: 'req-42',
      path: 'broken',
      err: { type: 'TypeError', message: 'cannot read the disk' },
    });
    expect((errors[0]?.err as { stack: string }).stack).toContain('error-log.test.ts');
    const info = lines.filter((l) => l.level === 30);
    expect(info.map((l) => l.msg)).toContain('no such thing');
    expect(JSON.stringify(lines)).not.toContain('{"yoga":[{}]}');
  });

  it('logs a masked error of a subscription event with the request id, as for HTTP', async () => {
    const { lines, log } = capture();
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { ok: Int }  type Subscription { ticks: Tick }  type Tick { n: Int }',
        resolvers: {
          Subscription: {
            ticks: {
              subscribe: async function* () {
                yield { ticks: { n: 1 } };
              },
            },
          },
          Tick: {
            n: () => {
              throw new RangeError('the tick went wrong');
            },
          },
        },
      }),
      logging: yogaLogger(log),
      context: () => ({ log: log.child({ reqId: 'sub-7' }) }),
      plugins: [errorLoggingPlugin()],
    });
    const res = await yoga.fetch('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription Ticks { ticks { n } }' }),
    });
    expect(await res.text()).toContain('Unexpected error.');
    await new Promise((r) => setImmediate(r));
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      reqId: 'sub-7',
      path: 'ticks.n',
      operationName: 'Ticks',
      err: { type: 'RangeError', message: 'the tick went wrong' },
    });
  });
});
