/**
 * Reads a body (a Node stream or a fetch body) up to `max` bytes and stops there: the rest is
 * never buffered, and leaving the loop destroys (or cancels) the stream. `truncated` tells
 * whether there was more.
 */
export async function readCapped(
  body: AsyncIterable<Uint8Array> | null,
  max: number,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body ?? []) {
    const room = max - size;
    if (chunk.length > room) {
      chunks.push(Buffer.from(chunk.subarray(0, room)));
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(Buffer.from(chunk));
    size += chunk.length;
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}
