import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LeaderGate } from '../leader.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../store/database.ts';
import type { SignedCheckpoint } from './log-check.ts';
import {
  consistencyProof,
  consistencyRanges,
  foldRange,
  hashRangeSets,
  inclusionRanges,
  leafHash,
  rootRange,
  verifyConsistency,
  type Hash,
} from './merkle.ts';
import {
  checkpointText,
  openNote,
  parseCheckpoint,
  parseSignerKey,
  signerFromSeed,
  signerKey,
  signNote,
  verifierKey,
  type NoteSigner,
  type NoteVerifier,
} from './note.ts';
import { AuditRecordMissing } from './chain-tables.ts';
import type { CheckpointSink } from './sink.ts';
import type { AuditStore } from './store.ts';
import { verifyAuditLog, type ScanStart, type VerifyResult } from './verify.ts';

export interface StoredCheckpoint {
  origin: string;
  size: number;
  root: Hash;
  note: string;
  createdAt: string;
}

export interface LeafProof {
  phase: 'intent' | 'outcome';
  leafIndex: number;
  record: string;
  leafHash: Hash;
  hashes: Hash[];
}

export interface AuditInclusion {
  eventId: string;
  treeSize: number;
  rootHash: Hash;
  leaves: LeafProof[];
}

export interface LedgerOptions {
  db: Database;
  store: AuditStore;
  signer: NoteSigner;
  /** Keys whose checkpoints count (this one, and earlier ones after a rotation). */
  trusted: NoteVerifier[];
  sink: CheckpointSink | undefined;
  log: Logger;
  leader: LeaderGate;
  intervalSeconds: number;
}

/**
 * Reads or creates the checkpoint signing key: AUDIT_SIGNING_KEY (the key, or a file holding
 * it), else a key generated at first start and kept in the data directory (never in the
 * database, which it protects).
 */
export function loadSigner(setting: string | undefined, dataDir: string, origin: string) {
  if (setting) {
    const text = setting.startsWith('PRIVATE+KEY+') ? setting : readFileSync(setting, 'utf8');
    return parseSignerKey(text);
  }
  const file = join(dataDir, 'audit-signing.key');
  if (existsSync(file)) return parseSignerKey(readFileSync(file, 'utf8'));
  const signer = signerFromSeed(origin, randomBytes(32));
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${signerKey(signer)}\n`, { mode: 0o600, flag: 'wx' });
  return signer;
}

/**
 * The verifiable side of the audit log: signed checkpoints (made by the leader whenever the
 * log grew, and on demand) kept in the database and in the sink, inclusion and consistency
 * proofs from the stored tree, and verification against both checkpoints.
 */
export class AuditLedger {
  private readonly o: LedgerOptions;
  private timer: NodeJS.Timeout | undefined;
  /** Where the last clean incremental verification ended (kept in memory, out of reach). */
  private verified: ScanStart | undefined;
  private making: Promise<StoredCheckpoint | null> | undefined;
  /** The scan in progress, full or incremental: callers meanwhile share its answer. */
  private readonly scanning = new Map<boolean, Promise<VerifyResult>>();

  constructor(o: LedgerOptions) {
    this.o = o;
  }

  get origin(): string {
    return this.o.signer.name;
  }

  publicKey(): string {
    return verifierKey(this.o.signer);
  }

  /**
   * Every interval, on the leader only: integrates what every replica appended (followers do
   * not integrate their own appends) and signs the tree if it grew.
   */
  start(): void {
    const run = () => {
      if (!this.o.leader.isLeader()) return;
      this.checkpoint().catch((err: unknown) =>
        this.o.log.error({ err }, 'audit checkpoint failed'),
      );
    };
    this.timer = setInterval(run, this.o.intervalSeconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async latest(): Promise<StoredCheckpoint | null> {
    const [row] = await this.o.db.query<{ note: string; created_at: Date | string }>(
      'SELECT note, created_at FROM audit_checkpoints ORDER BY size DESC LIMIT 1',
    );
    return row ? this.toCheckpoint(row.note, row.created_at) : null;
  }

  private toCheckpoint(note: string, createdAt: Date | string): StoredCheckpoint {
    const cp = parseCheckpoint(openNote(note, []).text);
    return { ...cp, note, createdAt: new Date(createdAt).toISOString() };
  }

  /** Signs the tree as it is now, unless the latest checkpoint already covers it. */
  checkpoint(): Promise<StoredCheckpoint | null> {
    // One at a time per process: the timer and an on-demand call share the result.
    this.making ??= this.makeCheckpoint().finally(() => (this.making = undefined));
    return this.making;
  }

  private async makeCheckpoint(): Promise<StoredCheckpoint | null> {
    // Every record acknowledged before now is signed: appends reach the tree a moment later.
    await this.o.store.integrate();
    const { tree } = await this.o.store.treeHead();
    const latest = await this.latest();
    if (tree.size === 0) return null;
    if (latest && latest.size >= tree.size) {
      await this.toSink(latest);
      return latest;
    }
    const root = tree.root();
    // Never sign a tree that does not extend what was signed before (a rolled-back database).
    for (const prior of [latest, await this.sinkCheckpoint()]) {
      if (prior && !(await this.extends(prior, tree.size, root))) {
        throw new Error(
          `refusing to sign: the log at size ${tree.size} does not extend the checkpoint at size ${prior.size}`,
        );
      }
    }
    const note = signNote(
      checkpointText({ origin: this.origin, size: tree.size, root }),
      this.o.signer,
    );
    await this.o.db.query(
      'INSERT INTO audit_checkpoints (size, root, note) VALUES ($1, $2, $3) ON CONFLICT (size) DO NOTHING',
      [tree.size, root, note],
    );
    const made = {
      origin: this.origin,
      size: tree.size,
      root,
      note,
      createdAt: new Date().toISOString(),
    };
    await this.toSink(made);
    return made;
  }

  private async extends(prior: { size: number; root: Hash }, size: number, root: Hash) {
    if (prior.size > size) return false;
    const proof = await consistencyProof(prior.size, size, this.o.store.readNodes);
    return verifyConsistency(prior.size, size, proof, prior.root, root);
  }

  private async sinkCheckpoint(): Promise<{ size: number; root: Hash } | null> {
    const note = await this.o.sink?.read();
    if (!note) return null;
    const opened = openNote(note, this.o.trusted);
    return opened.problem ? null : parseCheckpoint(opened.text);
  }

  /** Writes the sink only forward: a smaller or inconsistent checkpoint never replaces it. */
  private async toSink(cp: StoredCheckpoint): Promise<void> {
    const sink = this.o.sink;
    if (!sink) return;
    const there = await this.sinkCheckpoint();
    if (there && there.size >= cp.size) return;
    await sink.write(cp.note);
  }

  /**
   * Inclusion proofs of an event's records in the tree of `treeSize` (default: checkpointed).
   * Two statements whatever the log's size: the event's leaves with their records, the tree
   * head and the latest checkpoint's size; then every stored subtree the proofs and the root
   * need, in one read.
   */
  async inclusion(eventId: string, treeSize?: number): Promise<AuditInclusion | null> {
    if (!/^[0-9a-f-]{36}$/i.test(eventId)) return null;
    const [row] = await this.o.db.query<{
      intent_seq: string | number;
      last_seq: string | number;
      base_seq: string | number;
      tree_size: string | number;
      checkpointed: string | number | null;
      intent_body: string | null;
      outcome_body: string | null;
    }>(
      `SELECT e.intent_seq, e.last_seq, t.base_seq, t.size AS tree_size,
         (SELECT max(size) FROM audit_checkpoints) AS checkpointed,
         i.body AS intent_body, o.body AS outcome_body
       FROM audit_events e CROSS JOIN audit_tree t
       LEFT JOIN audit_records i ON i.seq = e.intent_seq
       LEFT JOIN audit_records o ON o.seq = e.last_seq AND e.last_seq <> e.intent_seq
       WHERE e.id = $1`,
      [eventId],
    );
    if (!row) return null;
    const size = treeSize ?? Number(row.checkpointed ?? 0);
    if (size > Number(row.tree_size)) {
      throw new RangeError(`the tree has ${Number(row.tree_size)} leaves, not ${size}`);
    }
    const base = Number(row.base_seq);
    const leaves: { phase: 'intent' | 'outcome'; index: number; record: string | null }[] = [
      { phase: 'intent', index: Number(row.intent_seq) - base, record: row.intent_body },
    ];
    if (Number(row.last_seq) !== Number(row.intent_seq)) {
      leaves.push({
        phase: 'outcome',
        index: Number(row.last_seq) - base,
        record: row.outcome_body,
      });
    }
    const inTree = leaves.filter((l) => l.index < size);
    const [root, ...paths] = await hashRangeSets(
      [rootRange(size), ...inTree.map((l) => inclusionRanges(l.index, size))],
      this.o.store.readNodes,
    );
    return {
      eventId,
      treeSize: size,
      rootHash: foldRange(root ?? []),
      leaves: inTree.map((l, k) => ({
        phase: l.phase,
        leafIndex: l.index,
        record: l.record ?? '',
        leafHash: leafHash(l.record ?? ''),
        hashes: paths[k] ?? [],
      })),
    };
  }

  /** A consistency proof with both roots: one read of the stored subtrees. */
  async consistency(from: number, to: number) {
    const { tree } = await this.o.store.treeHead();
    if (to > tree.size) throw new RangeError(`the tree has ${tree.size} leaves, not ${to}`);
    const [fromRoot, toRoot, hashes] = await hashRangeSets(
      [rootRange(from), rootRange(to), consistencyRanges(from, to)],
      this.o.store.readNodes,
    );
    return {
      from,
      to,
      fromRoot: foldRange(fromRoot ?? []),
      toRoot: foldRange(toRoot ?? []),
      hashes: hashes ?? [],
    };
  }

  /**
   * Checks the log against the latest signed checkpoint in the database and the one in the
   * sink. Incremental by default: only records written since the last clean check are read.
   */
  verify(full = false): Promise<VerifyResult> {
    // One scan at a time per kind: 30 aliases of verifyAuditLog, or 30 dashboards asking at
    // once, cost one walk of the log, not 30 interleaved ones (each as long as the log).
    const running = this.scanning.get(full);
    if (running) return running;
    const scan = this.scan(full).finally(() => this.scanning.delete(full));
    this.scanning.set(full, scan);
    return scan;
  }

  private async scan(full: boolean): Promise<VerifyResult> {
    // What was appended before the call is checked: records are verified once in the tree.
    // A record missing below newer ones stops the tree there; that is a finding, not a failure.
    let hole: AuditRecordMissing | undefined;
    await this.o.store.integrate().catch((err: unknown) => {
      if (!(err instanceof AuditRecordMissing)) throw err;
      hole = err;
    });
    const checkpoints: SignedCheckpoint[] = [];
    const latest = await this.latest();
    if (latest) checkpoints.push({ source: 'database', note: latest.note });
    if (this.o.sink) {
      let note: string | null = null;
      try {
        note = await this.o.sink.read();
      } catch (err) {
        this.o.log.warn({ err }, 'could not read the audit checkpoint sink');
      }
      if (note) checkpoints.push({ source: 'sink', note });
    }
    const result = await verifyAuditLog(this.o.db, {
      keys: this.o.trusted,
      origin: this.origin,
      checkpoints,
      readNodes: this.o.store.readStoredNodes,
      from: full ? undefined : this.verified,
    });
    if (this.o.sink && !checkpoints.some((c) => c.source === 'sink') && latest) {
      result.mismatches.push({
        kind: 'CHECKPOINT_UNSIGNED',
        seq: null,
        eventId: null,
        reason: `the checkpoint sink (${this.o.sink.name}) holds no checkpoint`,
      });
      result.mismatchCount++;
      result.valid = false;
    }
    if (hole) {
      result.mismatches.push({
        kind: 'RECORD_MISSING',
        seq: hole.seq,
        eventId: null,
        reason: hole.message,
      });
      result.mismatchCount++;
      result.valid = false;
    }
    this.verified = result.valid ? result.end : undefined;
    const { end: _end, ...rest } = result;
    return rest;
  }
}
