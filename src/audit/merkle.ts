import { hash, timingSafeEqual } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 (section 2.1): leaf `SHA-256(0x00 ‖ data)`, node
 * `SHA-256(0x01 ‖ left ‖ right)`, and its inclusion and consistency proofs. Pure functions:
 * the store reads the stored subtree hashes a proof names (`NodeId`) and folds them here, and
 * the offline verifier checks proofs with the same code.
 *
 * A stored subtree is (level, index): the complete subtree over leaves
 * [index·2^level, (index+1)·2^level); level 0 is a leaf's hash. Sizes and indexes are plain
 * numbers (exact to 2^53) and never go through 32-bit bitwise operators.
 */
export type Hash = Buffer;
export interface NodeId {
  level: number;
  index: number;
}
/** Reads stored subtree hashes, in the order asked. */
export type NodeReader = (ids: NodeId[]) => Promise<Hash[]>;

export const EMPTY_ROOT: Hash = hash('sha256', '', 'buffer');

/**
 * One-shot SHA-256 over a reused input buffer: a million leaves cost a million digests, not a
 * million hash objects and prefix buffers (node:crypto's createHash per leaf took about twice
 * the CPU). Synchronous, so the shared buffer is never seen half-written.
 */
let scratch = Buffer.allocUnsafe(4096);

export function leafHash(data: string | Buffer): Hash {
  const most = typeof data === 'string' ? data.length * 3 : data.length;
  if (most + 1 > scratch.length) scratch = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(most + 1)));
  scratch[0] = 0;
  const n = typeof data === 'string' ? scratch.write(data, 1, 'utf8') : data.copy(scratch, 1);
  return hash('sha256', scratch.subarray(0, n + 1), 'buffer');
}

const pair = Buffer.alloc(65, 1);

export function nodeHash(left: Hash, right: Hash): Hash {
  left.copy(pair, 1);
  right.copy(pair, 33);
  return hash('sha256', pair, 'buffer');
}

export function sameHash(a: Hash, b: Hash): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const half = (n: number) => Math.floor(n / 2);
const odd = (n: number) => n % 2 === 1;

/** The largest power of two smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The complete subtrees, left to right, whose right fold is the hash of leaves [lo, hi). */
export function rangeNodes(lo: number, hi: number): NodeId[] {
  const out: NodeId[] = [];
  while (lo < hi) {
    let size = 1;
    while (lo % (size * 2) === 0 && lo + size * 2 <= hi) size *= 2;
    out.push({ level: Math.log2(size), index: lo / size });
    lo += size;
  }
  return out;
}

/** MTH of a range from its complete subtrees (as listed by rangeNodes). */
export function foldRange(hashes: Hash[]): Hash {
  if (hashes.length === 0) return EMPTY_ROOT;
  let h = hashes[hashes.length - 1] as Hash;
  for (let i = hashes.length - 2; i >= 0; i--) h = nodeHash(hashes[i] as Hash, h);
  return h;
}

export type Range = [lo: number, hi: number];

/** RFC 9162 PATH(m, D[lo:hi]): the ranges whose hashes make the inclusion proof, bottom up. */
function pathRanges(m: number, lo: number, hi: number, out: Range[]): void {
  if (hi - lo <= 1) return;
  const k = splitPoint(hi - lo);
  if (m < lo + k) {
    pathRanges(m, lo, lo + k, out);
    out.push([lo + k, hi]);
  } else {
    pathRanges(m, lo + k, hi, out);
    out.push([lo, lo + k]);
  }
}

/** RFC 9162 SUBPROOF(m, D[lo:hi], b): the ranges of a consistency proof. */
function subproofRanges(m: number, lo: number, hi: number, b: boolean, out: Range[]): void {
  const n = hi - lo;
  if (m === n) {
    if (!b) out.push([lo, hi]);
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    subproofRanges(m, lo, lo + k, b, out);
    out.push([lo + k, hi]);
  } else {
    subproofRanges(m - k, lo + k, hi, false, out);
    out.push([lo, lo + k]);
  }
}

/** The ranges whose hashes make leaf `index`'s inclusion proof in the tree of `size`. */
export function inclusionRanges(index: number, size: number): Range[] {
  checkSize(index, size);
  const ranges: Range[] = [];
  pathRanges(index, 0, size, ranges);
  return ranges;
}

/** The ranges whose hashes make the consistency proof from size `from` to size `to`. */
export function consistencyRanges(from: number, to: number): Range[] {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || from > to) {
    throw new RangeError(`no consistency proof from size ${from} to size ${to}`);
  }
  const ranges: Range[] = [];
  if (from < to) subproofRanges(from, 0, to, true, ranges);
  return ranges;
}

/** The range of a tree's root: its hash is MTH of the first `size` leaves. */
export const rootRange = (size: number): Range[] => [[0, size]];

/**
 * Hashes of several lists of ranges (proofs, roots) from ONE read of the stored subtrees they
 * need (each node asked once): a proof with its root, or an event's two proofs, is one
 * statement.
 */
export async function hashRangeSets(sets: Range[][], read: NodeReader): Promise<Hash[][]> {
  const plans = sets.map((ranges) => ranges.map(([lo, hi]) => rangeNodes(lo, hi)));
  const keys = new Map<string, number>();
  const ids: NodeId[] = [];
  for (const id of plans.flat(2)) {
    const key = `${id.level}/${id.index}`;
    if (!keys.has(key)) keys.set(key, ids.push(id) - 1);
  }
  const hashes = await read(ids);
  const at = (id: NodeId) => hashes[keys.get(`${id.level}/${id.index}`) as number] as Hash;
  return plans.map((ranges) => ranges.map((nodes) => foldRange(nodes.map(at))));
}

export function checkSize(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  }
}

export async function rootAt(size: number, read: NodeReader): Promise<Hash> {
  return foldRange(await read(rangeNodes(0, size)));
}

export async function inclusionProof(index: number, size: number, read: NodeReader) {
  return (await hashRangeSets([inclusionRanges(index, size)], read))[0] as Hash[];
}

export async function consistencyProof(from: number, to: number, read: NodeReader) {
  return (await hashRangeSets([consistencyRanges(from, to)], read))[0] as Hash[];
}

/** RFC 9162 2.1.3.2: does `proof` show leaf `index` (hash `leaf`) in the tree `root` of `size`? */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Hash,
  proof: Hash[],
  root: Hash,
): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameHash(r, root);
}

/** RFC 9162 2.1.4.2: does `proof` show the tree (from, oldRoot) is a prefix of (to, newRoot)? */
export function verifyConsistency(
  from: number,
  to: number,
  proof: Hash[],
  oldRoot: Hash,
  newRoot: Hash,
): boolean {
  if (from < 1 || from > to) return false;
  if (from === to) return proof.length === 0 && sameHash(oldRoot, newRoot);
  const path = Number.isInteger(Math.log2(from)) ? [oldRoot, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = from - 1;
  let sn = to - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Hash;
  let sr = path[0] as Hash;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && sameHash(fr, oldRoot) && sameHash(sr, newRoot);
}

/** The levels of a tree's frontier (its right-most complete subtrees), largest first. */
export function frontierLevels(size: number): number[] {
  const levels: number[] = [];
  for (let level = 0, n = size; n > 0; level++, n = half(n)) if (odd(n)) levels.unshift(level);
  return levels;
}

/**
 * The right edge of a growing tree: the hashes of its complete subtrees that have no right
 * sibling yet. Appending a leaf yields every subtree it completes (to be stored), so a tree of
 * n leaves is built with 2n hashes in total and never re-read.
 */
export class Frontier {
  size: number;
  /** Hashes of the subtrees at frontierLevels(size), largest first. */
  hashes: Hash[];

  constructor(size = 0, hashes: Hash[] = []) {
    if (frontierLevels(size).length !== hashes.length) {
      throw new Error(`a frontier of size ${size} has ${frontierLevels(size).length} hashes`);
    }
    this.size = size;
    this.hashes = hashes;
  }

  /** Adds one leaf; returns the subtrees it completes, the leaf first. */
  append(leaf: Hash): (NodeId & { hash: Hash })[] {
    let index = this.size;
    let level = 0;
    let hash = leaf;
    const nodes = [{ level, index, hash }];
    while (odd(index)) {
      hash = nodeHash(this.hashes.pop() as Hash, hash);
      level++;
      index = half(index);
      nodes.push({ level, index, hash });
    }
    this.hashes.push(hash);
    this.size++;
    return nodes;
  }

  root(): Hash {
    return foldRange(this.hashes);
  }

  clone(): Frontier {
    return new Frontier(this.size, [...this.hashes]);
  }
}
