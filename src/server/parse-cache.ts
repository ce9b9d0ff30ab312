/**
 * An LRU keyed by document text and bounded by the bytes of those texts, for yoga's parse and
 * parse-error caches. Yoga's own keeps 1,024 entries whatever their size (1,024 documents of
 * 1 MB each pin a gigabyte and their syntax trees); here a document larger than `1/32` of the
 * budget is not cached at all, and the oldest entries go once the budget is spent.
 */
export class ByteBoundedCache<T> {
  private readonly entries = new Map<string, T>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly maxEntryBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
    this.maxEntryBytes = Math.floor(maxBytes / 32);
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    const size = key.length;
    if (size > this.maxEntryBytes || this.entries.has(key)) return;
    this.entries.set(key, value);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= oldest.length;
    }
  }

  /** Text bytes held (UTF-16 code units; the syntax trees come on top). */
  get size(): number {
    return this.bytes;
  }
}
