import { hash } from 'node:crypto';

/** JSON with object keys sorted at every depth: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
          a < b ? -1 : a > b ? 1 : 0,
        ),
      );
    }
    return v;
  });
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of one chain record: its position, its exact body text, and the previous hash. */
export function recordHash(seq: number, body: string, prevHash: string): string {
  return hash('sha256', `${seq}\n${prevHash}\n${body}`, 'hex');
}

export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}
