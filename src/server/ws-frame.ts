/** The last byte of every graphql-ws `next` frame the fast path writes: it closes the envelope. */
const CLOSE_BRACE = Buffer.from('}');

/**
 * One unmasked final text frame (RFC 6455 §5.2, as a server sends it, no extensions) holding
 * `head`, `payload` and a closing brace: a graphql-ws `next` message whose envelope start is
 * `head` and whose payload JSON is `payload`. One buffer, so the socket takes it in one write.
 */
export function nextFrame(head: Buffer, payload: Buffer): Buffer {
  const length = head.length + payload.length + 1;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  let at = headerLength;
  at += head.copy(frame, at);
  at += payload.copy(frame, at);
  CLOSE_BRACE.copy(frame, at);
  return frame;
}
