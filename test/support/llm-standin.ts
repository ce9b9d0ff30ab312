// A local stand-in for an OpenAI-compatible chat-completions endpoint (the one thing the
// tests cannot run for real). Each test scripts what it answers: a tool call, prose, garbage,
// an error status, or silence.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInReply {
  status?: number;
  /** An object is sent as JSON; a string as-is. */
  body: unknown;
  delayMs?: number;
}

export interface StandIn {
  /** The base URL, like https://api.openai.com/v1. */
  url: string;
  /** Every request body received, parsed. */
  requests: Record<string, unknown>[];
  /** What to answer next (and after): set per test. */
  respond(fn: (request: Record<string, unknown>) => StandInReply): void;
  close(): Promise<void>;
}

/** A chat-completions answer whose only content is one tool call with these arguments. */
export function toolCall(args: unknown, name = 'interpret_request'): StandInReply {
  return {
    body: {
      id: 'chatcmpl-standin',
      object: 'chat.completion',
      model: 'stand-in',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_1',
                type: 'function',
                function: {
                  name,
                  arguments: typeof args === 'string' ? args : JSON.stringify(args),
                },
              },
            ],
          },
        },
      ],
    },
  };
}

/** A plain prose answer, as a model that ignores the tool would give. */
export function prose(text: string): StandInReply {
  return {
    body: {
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text } }],
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLlmStandIn(): Promise<StandIn> {
  let handler: (request: Record<string, unknown>) => StandInReply = () => prose('not scripted');
  const requests: Record<string, unknown>[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      const request = JSON.parse(await readBody(req)) as Record<string, unknown>;
      requests.push({ ...request, authorization: req.headers.authorization });
      const reply = handler(request);
      const send = () => {
        if (res.destroyed) return;
        const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(text);
      };
      if (reply.delayMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, reply.delayMs);
        timers.add(t);
      } else send();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    respond: (fn) => {
      handler = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
