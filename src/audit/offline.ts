import { createReadStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../store/database.ts';
import { GENESIS_HASH } from './chain.ts';
import { LogCheck, type LogRecord, type SignedCheckpoint } from './log-check.ts';
import { Frontier, leafHash, rangeNodes, verifyInclusion } from './merkle.ts';
import { openNote, parseCheckpoint, type NoteVerifier } from './note.ts';
import { readTreeNodes } from './chain-tables.ts';

/**
 * The audit log as an auditor takes it away, and its check with no server and no database:
 * `records.jsonl` (every kept record, in order, exactly as stored), `start.json` (where the
 * kept log starts: the pruned prefix's subtree hashes and chain link), `checkpoints/*.txt`
 * (every signed checkpoint) and `key.vkey` (the log's verifier key).
 */
const BATCH = 5000;

interface Start {
  baseSeq: number;
  prunedLeaves: number;
  frontier: string[];
  prevHash: string;
}

/** Writes an export of the database's log into `dir`, from one consistent snapshot. */
export async function exportAuditLog(
  db: Database,
  vkey: string,
  dir: string,
): Promise<{ records: number; checkpoints: number }> {
  mkdirSync(join(dir, 'checkpoints'), { recursive: true });
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const [row] = await tx.query<{
      base_seq: string | number;
      seq: string | null;
      prev_hash: string | null;
    }>(
      'SELECT t.base_seq, a.seq, a.prev_hash FROM audit_tree t LEFT JOIN audit_anchor a ON a.id = 1',
    );
    const baseSeq = Number(row?.base_seq ?? 1);
    const pruned = row?.seq != null ? Math.max(0, Number(row.seq) - baseSeq) : 0;
    const start: Start = {
      baseSeq,
      prunedLeaves: pruned,
      frontier: (await readTreeNodes(tx, rangeNodes(0, pruned))).map((h) => h.toString('base64')),
      prevHash: row?.prev_hash ?? GENESIS_HASH,
    };
    writeFileSync(join(dir, 'start.json'), `${JSON.stringify(start, null, 2)}\n`);
    writeFileSync(join(dir, 'key.vkey'), `${vkey}\n`);
    const out = await open(join(dir, 'records.jsonl'), 'w');
    let records = 0;
    try {
      for (let seq = 0; ;) {
        const rows = await tx.query<{
          seq: string | number;
          event_id: string;
          phase: string;
          body: string;
          prev_hash: string;
          hash: string;
        }>(
          'SELECT seq, event_id, phase, body, prev_hash, hash FROM audit_records WHERE seq >= $1 ORDER BY seq LIMIT $2',
          [seq, BATCH],
        );
        const lines = rows.map((r) =>
          JSON.stringify({
            seq: Number(r.seq),
            eventId: r.event_id,
            phase: r.phase,
            body: r.body,
            prevHash: r.prev_hash,
            hash: r.hash,
          }),
        );
        if (lines.length > 0) await out.write(`${lines.join('\n')}\n`);
        records += rows.length;
        if (rows.length < BATCH) break;
        seq = Number(rows.at(-1)!.seq) + 1;
      }
    } finally {
      await out.close();
    }
    const notes = await tx.query<{ size: string | number; note: string }>(
      'SELECT size, note FROM audit_checkpoints ORDER BY size',
    );
    for (const n of notes) writeFileSync(join(dir, 'checkpoints', `${Number(n.size)}.txt`), n.note);
    return { records, checkpoints: notes.length };
  });
}

/**
 * A file's lines, a read's worth (1 MiB) at a time: one await per chunk, not per line as with
 * readline, which at a million records cost more than the hashing.
 */
async function* lineBatches(file: string): AsyncGenerator<string[]> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    yield lines;
  }
  if (rest) yield [rest];
}

export interface OfflineResult {
  valid: boolean;
  treeSize: number;
  checkedRecords: number;
  checkpoints: { source: string; size: number }[];
  mismatchCount: number;
  mismatches: LogCheck['mismatches'];
  rootHash: string;
}

/**
 * Checks an export: every record's hash, the chain, the tree's root at every signed checkpoint
 * (the export's own and any kept elsewhere, `extra`), and that no checkpoint is larger than the
 * log. Keys are the auditor's: a checkpoint no trusted key signed counts as a mismatch.
 */
export async function verifyExport(
  dir: string,
  keys: NoteVerifier[],
  extra: SignedCheckpoint[] = [],
): Promise<OfflineResult> {
  const start = JSON.parse(readFileSync(join(dir, 'start.json'), 'utf8')) as Start;
  const frontier = new Frontier(
    start.prunedLeaves,
    start.frontier.map((h) => Buffer.from(h, 'base64')),
  );
  const check = new LogCheck({ baseSeq: start.baseSeq, tree: frontier, prevHash: start.prevHash });
  const own = readdirSync(join(dir, 'checkpoints'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({
      source: `export ${f}`,
      note: readFileSync(join(dir, 'checkpoints', f), 'utf8'),
    }));
  const origin = keys[0]?.name ?? '';
  for (const c of [...own, ...extra]) check.addCheckpoint(c, keys, origin);
  for await (const lines of lineBatches(join(dir, 'records.jsonl'))) {
    for (const line of lines) if (line) check.push(JSON.parse(line) as LogRecord);
  }
  for (const cp of check.behind()) {
    check.add({
      kind: 'CHECKPOINT_MISMATCH',
      seq: null,
      eventId: null,
      reason: `the ${cp.source} checkpoint at size ${cp.size} is inside the pruned prefix and cannot be checked`,
    });
  }
  check.finish();
  return {
    valid: check.count === 0,
    treeSize: check.tree.size,
    checkedRecords: check.checkedRecords,
    checkpoints: check.checkpoints.map((c) => ({ source: c.source, size: c.size })),
    mismatchCount: check.count,
    mismatches: check.mismatches,
    rootHash: check.tree.root().toString('base64'),
  };
}

/** Checks an inclusion proof as `auditInclusionProof` returns it against a signed checkpoint. */
export function verifyProofFile(
  proof: {
    treeSize: number;
    leaves: { leafIndex: number; record: string; hashes: string[] }[];
  },
  checkpointNote: string,
  keys: NoteVerifier[],
): string[] {
  const opened = openNote(checkpointNote, keys);
  if (opened.problem) return [`checkpoint: ${opened.problem}`];
  const cp = parseCheckpoint(opened.text);
  if (cp.size !== proof.treeSize) {
    return [`the proof is for size ${proof.treeSize}, the checkpoint for ${cp.size}`];
  }
  const problems: string[] = [];
  for (const l of proof.leaves) {
    const hashes = l.hashes.map((h) => Buffer.from(h, 'base64'));
    if (!verifyInclusion(l.leafIndex, cp.size, leafHash(l.record), hashes, cp.root)) {
      problems.push(`leaf ${l.leafIndex} is not in the checkpoint's tree`);
    }
  }
  if (proof.leaves.length === 0) problems.push('the proof has no leaves');
  return problems;
}
