// The fast path's hand-built WebSocket frames, written to a real TCP socket and read by a real
// `ws` client: every length encoding (7-bit, 16-bit, 64-bit) and multi-byte UTF-8.
import { createServer, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { nextFrame } from '../../src/server/ws-frame.ts';

let server: Server;
let transport: Duplex;
let client: WebSocket;
const received: string[] = [];

beforeAll(async () => {
  server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const connected = new Promise<void>((resolve) =>
    server.on('upgrade', (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, () => {
        transport = socket;
        resolve();
      }),
    ),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  client = new WebSocket(`ws://127.0.0.1:${port}`);
  client.on('message', (data: Buffer, isBinary: boolean) => {
    expect(isBinary).toBe(false);
    received.push(data.toString('utf8'));
  });
  await Promise.all([connected, new Promise((r) => client.once('open', r))]);
});

afterAll(async () => {
  client.terminate();
  await new Promise((r) => server.close(r));
});

describe('nextFrame', () => {
  it('is a text frame a ws client reads back whole, at every length encoding', async () => {
    const head = Buffer.from('{"id":"ü-1","type":"next","payload":');
    // Frame lengths on both sides of 125/126 and 65535/65536 bytes, and multi-byte UTF-8.
    const lengths = [125, 126, 127, 65_535, 65_536, 65_537, 200_000];
    const payloads = lengths.map((n) => JSON.stringify('x'.repeat(n - head.length - 3)));
    payloads.push(JSON.stringify({ v: '€😀'.repeat(50) }), '""');
    expect(payloads.slice(0, lengths.length).map((p) => head.length + p.length + 1)).toEqual(
      lengths,
    );
    const expected = payloads.map((p) => `${head.toString()}${p}}`);
    for (const p of payloads) transport.write(nextFrame(head, Buffer.from(p)));
    await expect.poll(() => received.length).toBe(expected.length);
    expect(received.map((r) => Buffer.byteLength(r))).toEqual(
      expected.map((e) => Buffer.byteLength(e)),
    );
    expect(received).toEqual(expected);
  });
});
