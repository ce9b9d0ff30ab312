import { z } from 'zod';
import type { Logger } from '../logger.ts';
import { INTENTS, InterpretationSchema, type Interpretation, type Memory } from './intents.ts';

export interface LlmOptions {
  /** An OpenAI-compatible base URL (…/v1) or the full …/chat/completions URL. */
  url: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs: number;
}

const TOOL = 'interpret_request';
/** A reply larger than this is not a tool call we asked for. */
const MAX_REPLY_BYTES = 64 * 1024;

const SYSTEM = `You translate an infrastructure operator's request into ONE call of the ${TOOL} tool.
Intents: ${INTENTS.join(', ')}. Entities: kind (Kubernetes/AWS kind in SCREAMING_SNAKE), namespace,
cluster, name (as the user wrote it), names (several, as written: "scale a and b"), reference ("previous" for it/that, "all" for them/those),
ordinal ("the second one": 2, the last: -1), except (names or namespaces left out), replicas,
delta (signed), label (selector), state, notState ("not running": RUNNING), metric (cpu|memory|network), period (ISO 8601 duration), recommendation (number),
template (redis|postgres|nginx|deployment), image, port, action, status, actor, limit.
Never invent names. Use "unknown" when unsure. Do not answer in prose.`;

const ReplySchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          tool_calls: z
            .array(
              z.object({
                type: z.literal('function').optional(),
                function: z.object({ name: z.string(), arguments: z.string().max(8192) }),
              }),
            )
            .min(1),
        }),
      }),
    )
    .min(1),
});

async function readLimited(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REPLY_BYTES) {
      await reader.cancel();
      throw new Error(`reply larger than ${MAX_REPLY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The optional model: it may only return an interpretation through the tool, which is held to
 * the same schema as the built-in parser's output. Any failure (down, slow, prose, malformed,
 * out-of-schema) yields null and the built-in understanding answers instead.
 */
export class LlmInterpreter {
  private readonly opts: LlmOptions;
  private readonly log: Logger;
  private readonly endpoint: string;
  private readonly parameters = z.toJSONSchema(InterpretationSchema);

  constructor(opts: LlmOptions, log: Logger) {
    this.opts = opts;
    this.log = log;
    const base = opts.url.replace(/\/+$/, '');
    this.endpoint = base.endsWith('/chat/completions') ? base : `${base}/chat/completions`;
  }

  async interpret(message: string, memory: Memory): Promise<Interpretation | null> {
    const started = performance.now();
    try {
      const res = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.opts.model,
          temperature: 0,
          messages: [
            { role: 'system', content: SYSTEM },
            ...(memory.lastIntent
              ? [
                  {
                    role: 'system',
                    content: `Previous request: ${JSON.stringify({ intent: memory.lastIntent, entities: memory.lastEntities ?? {} })}`,
                  },
                ]
              : []),
            { role: 'user', content: message },
          ],
          tools: [
            {
              type: 'function',
              function: {
                name: TOOL,
                description: 'Report the interpreted request.',
                parameters: this.parameters,
              },
            },
          ],
          tool_choice: { type: 'function', function: { name: TOOL } },
        }),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
      const text = await readLimited(res);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const reply = ReplySchema.parse(JSON.parse(text));
      const call = reply.choices[0]?.message.tool_calls.find((c) => c.function.name === TOOL);
      if (!call) throw new Error('no call of the interpretation tool');
      const parsed = InterpretationSchema.safeParse(JSON.parse(call.function.arguments));
      if (!parsed.success)
        throw new Error(`tool arguments out of schema: ${parsed.error.issues[0]?.message ?? ''}`);
      return parsed.data;
    } catch (err) {
      this.log.warn(
        { err: (err as Error).message, ms: Math.round(performance.now() - started) },
        'LLM interpretation unusable; using the built-in understanding',
      );
      return null;
    }
  }
}
