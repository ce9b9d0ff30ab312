import type { DocumentNode } from 'graphql';

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

/**
 * `fn` of a document, computed once per parsed document: yoga's parse cache hands out the
 * same object for the same text, so a check that reads only the document runs once per text.
 */
export function perDocument<T>(fn: (document: DocumentNode) => T): (document: DocumentNode) => T {
  const memo = new WeakMap<DocumentNode, { value: T }>();
  return (document) => {
    let entry = memo.get(document);
    if (!entry) {
      entry = { value: fn(document) };
      memo.set(document, entry);
    }
    return entry.value;
  };
}
