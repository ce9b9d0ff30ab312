// A WebSocket client (RFC 6455) cut to what the fan-out benchmark's load generator needs, so
// that it takes as little as possible of the CPU it shares with the server under test: a TCP
// socket reading into one shared buffer (`onread`, no stream machinery, no per-read
// allocation), frames parsed in place and handed over as views of that buffer, pings
// answered. No extensions, no fragmented messages (the servers under test send neither).
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** Every socket reads into this buffer; frames are handed over as views of it, synchronously. */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);
const HEADERS_END = Buffer.from('\r\n\r\n');

export interface LeanSocket {
  /** Sends one masked text frame. */
  send(text: string): void;
  /** Drops the connection at once (no closing handshake). */
  terminate(): void;
}

export interface LeanSocketOptions {
  port: number;
  path?: string;
  protocol?: string;
  /**
   * One text message: a view of the shared read buffer, valid only until this call returns.
   */
  onMessage(data: Buffer): void;
  onClose(reason: string): void;
}

/** Resolves once the server accepted the upgrade. */
export function leanSocket(options: LeanSocketOptions): Promise<LeanSocket> {
  return new Promise((resolve, reject) => {
    let open = false;
    let closed = false;
    let pending: Buffer | undefined; // unparsed bytes of the last read (a copy)
    const close = (reason: string) => {
      if (closed) return;
      closed = true;
      socket.destroy();
      if (open) options.onClose(reason);
      else reject(new Error(reason));
    };
    const lean: LeanSocket = {
      send: (text) => socket.write(frame(0x1, Buffer.from(text))),
      terminate: () => {
        closed = true;
        socket.destroy();
      },
    };

    /** Parses what arrived; returns the offset of the first byte not yet part of a whole frame. */
    const frames = (data: Buffer, from: number): number => {
      let at = from;
      while (!closed && data.length - at >= 2) {
        const b0 = data[at] as number;
        let length = (data[at + 1] as number) & 0x7f;
        let header = 2;
        if (length === 126) {
          if (data.length - at < 4) break;
          length = data.readUInt16BE(at + 2);
          header = 4;
        } else if (length === 127) {
          if (data.length - at < 10) break;
          length = Number(data.readBigUInt64BE(at + 2));
          header = 10;
        }
        if (data.length - at < header + length) break;
        const payload = data.subarray(at + header, at + header + length);
        at += header + length;
        const opcode = b0 & 0x0f;
        if ((b0 & 0x80) === 0 || opcode === 0x0) close('fragmented message: not supported');
        else if (opcode === 0x1) options.onMessage(payload);
        else if (opcode === 0x9) socket.write(frame(0xa, payload));
        else if (opcode === 0x8)
          close(`closed ${payload.length >= 2 ? payload.readUInt16BE(0) : 1005}`);
      }
      return at;
    };

    const socket: Socket = connect({
      port: options.port,
      host: '127.0.0.1',
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (size) => {
          let data = READ_BUFFER.subarray(0, size);
          if (pending) {
            data = Buffer.concat([pending, data]);
            pending = undefined;
          }
          let at = 0;
          if (!open) {
            const end = data.indexOf(HEADERS_END);
            if (end < 0) {
              pending = Buffer.from(data);
              return true;
            }
            const status = data.toString('latin1', 0, data.indexOf('\r\n'));
            if (!status.startsWith('HTTP/1.1 101')) {
              close(`upgrade refused: ${status}`);
              return false;
            }
            open = true;
            at = end + HEADERS_END.length;
            resolve(lean);
          }
          at = frames(data, at);
          if (at < data.length && !closed) pending = Buffer.from(data.subarray(at));
          return true;
        },
      },
    });
    socket.on('connect', () =>
      socket.write(
        [
          `GET ${options.path ?? '/'} HTTP/1.1`,
          `Host: 127.0.0.1:${options.port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          ...(options.protocol ? [`Sec-WebSocket-Protocol: ${options.protocol}`] : []),
          '',
          '',
        ].join('\r\n'),
      ),
    );
    socket.on('error', (err) => close(err.message));
    socket.on('close', () => close('connection closed'));
  });
}

/** One final, masked frame (a client must mask, RFC 6455 §5.3); payloads under 64 KiB. */
function frame(opcode: number, payload: Buffer): Buffer {
  const header = payload.length < 126 ? 2 : 4;
  const out = Buffer.allocUnsafe(header + 4 + payload.length);
  out[0] = 0x80 | opcode;
  if (header === 2) out[1] = 0x80 | payload.length;
  else {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(payload.length, 2);
  }
  const mask = randomBytes(4);
  mask.copy(out, header);
  for (let i = 0; i < payload.length; i++)
    out[header + 4 + i] = (payload[i] as number) ^ (mask[i & 3] as number);
  return out;
}
