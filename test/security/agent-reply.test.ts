// An agent's answer is read with a byte cap: an endless reply is cut off, not buffered whole.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUBMISSION_BYTES } from '../../src/recommendations/agents.ts';
import { TOKENS } from '../support/app.ts';
import { post, spawnServer, type SpawnedServer } from './server.ts';

/** A stand-in agent (no real engine runs here) whose /analyze answer never ends. */
let agent: Server;
let written = 0;
let closed: Promise<void>;
let s: SpawnedServer;

beforeAll(async () => {
  let onClose = () => {};
  closed = new Promise((resolve) => (onClose = resolve));
  agent = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, ' ');
    const pump = () => {
      while (!res.destroyed && written < 512 * 1024 * 1024) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
    };
    res.on('close', onClose);
    req.resume();
    pump();
  });
  await new Promise<void>((r) => agent.listen(0, '127.0.0.1', r));
  const port = (agent.address() as { port: number }).port;
  s = await spawnServer({ AI_ENGINE_URL: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  await s?.stop();
  agent?.closeAllConnections();
  await new Promise((r) => agent?.close(r));
});

describe('agent replies', () => {
  it('stops reading an answer past the cap and records why', async () => {
    const run = await post(s.url, TOKENS.admin, 'mutation { runRecommendations { __typename } }');
    expect(run.body.errors, JSON.stringify(run.body.errors)).toBeUndefined();
    // The orchestrator hung up long before the stand-in's 512 MB were written.
    await closed;
    expect(written).toBeLessThan(64 * 1024 * 1024);
    const agents = await post(s.url, TOKENS.viewer, '{ recommendationAgents { name lastError } }');
    expect(agents.body.data?.recommendationAgents).toEqual([
      { name: 'ai-engine', lastError: `answer larger than ${MAX_SUBMISSION_BYTES} bytes` },
    ]);
  });
});
