/** One server-sent event: its `event` field, its `data` lines joined, and its `id` if any. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * The events of an SSE response body as they arrive (comments such as yoga's `:` pings are
 * skipped); ends when the body does or the request is aborted.
 */
export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      text += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end).split('\n');
        text = text.slice(end + 2);
        const field = (name: string) =>
          block
            .filter((l) => l.startsWith(`${name}:`))
            .map((l) => l.slice(name.length + 1).trimStart());
        if (block.every((l) => l.startsWith(':'))) continue;
        const id = field('id')[0];
        yield {
          event: field('event')[0] ?? 'message',
          data: field('data').join('\n'),
          ...(id !== undefined && { id }),
        };
      }
    }
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  } finally {
    reader.releaseLock();
  }
}
