import { recordHash } from './chain.ts';
import type { Frontier } from './merkle.ts';
import { leafHash, sameHash, type Hash } from './merkle.ts';
import { openNote, parseCheckpoint, type Checkpoint, type NoteVerifier } from './note.ts';

/**
 * The checks over the records themselves, shared by `verifyAuditLog` (records read from the
 * database) and the offline verifier (records read from an export): record by record, the
 * sequence, the hash chain, each record's hash, its Merkle leaf, and the tree's root wherever
 * a signed checkpoint names a size. It never stops at the first mismatch.
 */
export const MISMATCH_KINDS = [
  'RECORD_MISSING',
  'CHAIN_BROKEN',
  'RECORD_EDITED',
  'LEAF_MISMATCH',
  'CHECKPOINT_UNSIGNED',
  'CHECKPOINT_MISMATCH',
  'LOG_TRUNCATED',
  'EVENT_EDITED',
  'EVENT_MISSING',
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export interface Mismatch {
  kind: MismatchKind;
  /** The record's sequence number, when one record is at fault. */
  seq: number | null;
  eventId: string | null;
  reason: string;
}

export interface LogRecord {
  seq: number;
  eventId: string;
  phase: string;
  body: string;
  prevHash: string;
  hash: string;
  /** The leaf hash the store keeps for it (absent in an export). */
  storedLeaf?: Hash | undefined;
}

export interface SignedCheckpoint {
  /** Where it came from ("database", "sink", a file name). */
  source: string;
  note: string;
}

/** Kept mismatches; beyond this only counted. */
const MAX_KEPT = 100_000;

export class LogCheck {
  readonly mismatches: Mismatch[] = [];
  count = 0;
  checkedRecords = 0;
  readonly tree: Frontier;
  private seq: number;
  private prevHash: string;
  /** The hash of the last record scanned (the chain link the next one must carry). */
  get lastHash(): string {
    return this.prevHash;
  }
  private readonly baseSeq: number;
  /** Verified checkpoints still ahead of the scan, by tree size. */
  private readonly pending = new Map<number, (Checkpoint & { source: string })[]>();
  readonly checkpoints: (Checkpoint & { source: string; verifiedBy: string[] })[] = [];

  /** Starts at leaf `tree.size` (record baseSeq + tree.size), after `prevHash`. */
  constructor(start: { baseSeq: number; tree: Frontier; prevHash: string }) {
    this.baseSeq = start.baseSeq;
    this.tree = start.tree.clone();
    this.seq = start.baseSeq + start.tree.size;
    this.prevHash = start.prevHash;
  }

  add(m: Mismatch): void {
    this.count++;
    if (this.mismatches.length < MAX_KEPT) this.mismatches.push(m);
  }

  /**
   * Checks a checkpoint's signature and origin; a good one is compared with the tree when the
   * scan reaches its size (or by `checkBehind` when it is already behind).
   */
  addCheckpoint(c: SignedCheckpoint, keys: NoteVerifier[], origin: string): Checkpoint | null {
    const opened = openNote(c.note, keys);
    let cp: Checkpoint;
    try {
      cp = parseCheckpoint(opened.text);
    } catch (err) {
      this.add({
        kind: 'CHECKPOINT_UNSIGNED',
        seq: null,
        eventId: null,
        reason: `${c.source}: ${(err as Error).message}`,
      });
      return null;
    }
    if (opened.problem || cp.origin !== origin) {
      const why = opened.problem ?? `origin ${cp.origin} is not ${origin}`;
      this.add({
        kind: 'CHECKPOINT_UNSIGNED',
        seq: null,
        eventId: null,
        reason: `${c.source} checkpoint at size ${cp.size}: ${why}`,
      });
      return null;
    }
    this.checkpoints.push({ ...cp, source: c.source, verifiedBy: opened.verifiedBy });
    const list = this.pending.get(cp.size) ?? [];
    list.push({ ...cp, source: c.source });
    this.pending.set(cp.size, list);
    if (cp.size === this.tree.size) this.compareRoot();
    return cp;
  }

  push(r: LogRecord): void {
    const at = (kind: MismatchKind, reason: string) =>
      this.add({ kind, seq: r.seq, eventId: r.eventId, reason });
    if (r.seq > this.seq) {
      this.add({
        kind: 'RECORD_MISSING',
        seq: this.seq,
        eventId: null,
        reason:
          r.seq === this.seq + 1
            ? `record ${this.seq} is missing`
            : `records ${this.seq}-${r.seq - 1} are missing`,
      });
      // The tree has a hole: its later roots cannot match; the checkpoints will say so.
    } else if (r.seq < this.seq) {
      at('RECORD_MISSING', `record ${r.seq} is out of order`);
    }
    if (r.prevHash !== this.prevHash) at('CHAIN_BROKEN', 'previous-hash link broken');
    if (recordHash(r.seq, r.body, r.prevHash) !== r.hash) {
      at('RECORD_EDITED', 'record content does not match its hash');
    }
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(r.body) as Record<string, unknown>;
    } catch {
      at('RECORD_EDITED', 'record body is not JSON');
    }
    if (body && (body.eventId !== r.eventId || body.phase !== r.phase)) {
      at('RECORD_EDITED', 'record columns do not match its hashed body');
    }
    const leaf = leafHash(r.body);
    if (r.storedLeaf && !sameHash(leaf, r.storedLeaf)) {
      at('LEAF_MISMATCH', 'the stored leaf hash is not the hash of the record');
    }
    this.tree.append(leaf);
    this.seq = Math.max(this.seq, r.seq) + 1;
    this.prevHash = r.hash;
    this.checkedRecords++;
    this.compareRoot();
  }

  private compareRoot(): void {
    const due = this.pending.get(this.tree.size);
    if (!due) return;
    this.pending.delete(this.tree.size);
    const root = this.tree.root();
    for (const cp of due) {
      if (!sameHash(root, cp.root)) {
        this.add({
          kind: 'CHECKPOINT_MISMATCH',
          seq: this.baseSeq + cp.size - 1,
          eventId: null,
          reason: `the log's root at size ${cp.size} differs from the ${cp.source} checkpoint's`,
        });
      }
    }
  }

  /** Checkpoints the scan began beyond (checked by the caller, e.g. with a consistency proof). */
  behind(): (Checkpoint & { source: string })[] {
    return [...this.pending.entries()]
      .filter(([size]) => size < this.tree.size)
      .flatMap(([, l]) => l);
  }

  /** Ends the scan: a checkpoint larger than the log means records were cut off. */
  finish(): void {
    for (const [size, list] of this.pending) {
      if (size <= this.tree.size) continue;
      for (const cp of list) {
        this.add({
          kind: 'LOG_TRUNCATED',
          seq: null,
          eventId: null,
          reason: `the ${cp.source} checkpoint covers ${size} records but the log has ${this.tree.size}: records were removed or the database was rolled back`,
        });
      }
      this.pending.delete(size);
    }
  }
}
