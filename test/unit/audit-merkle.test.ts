import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  Frontier,
  inclusionProof,
  leafHash,
  rootAt,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type NodeId,
} from '../../src/audit/merkle.ts';

// Computed by golang.org/x/mod/sumdb/tlog (test/fixtures/audit/gen), not by our code.
const vectors = JSON.parse(
  readFileSync(new URL('../fixtures/audit/vectors.json', import.meta.url), 'utf8'),
) as {
  leaves: string[];
  roots: Record<string, string>;
  inclusion: { index: number; size: number; hashes: string[] }[];
  consistency: { from: number; to: number; hashes: string[] }[];
};
const b64 = (h: Hash) => h.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

/** Builds the tree with Frontier and keeps every subtree it completes, as the store does. */
function build(leaves: (string | Buffer)[]) {
  const frontier = new Frontier();
  const nodes = new Map<string, Hash>();
  const roots: Hash[] = [EMPTY_ROOT];
  for (const leaf of leaves) {
    for (const n of frontier.append(leafHash(leaf))) nodes.set(`${n.level}/${n.index}`, n.hash);
    roots.push(frontier.root());
  }
  const read = async (ids: NodeId[]) =>
    ids.map((id) => {
      const h = nodes.get(`${id.level}/${id.index}`);
      if (!h) throw new Error(`node ${id.level}/${id.index} was never stored`);
      return h;
    });
  return { frontier, roots, read };
}

describe('RFC 9162 Merkle tree', () => {
  it('gives the RFC 6962 reference roots (certificate-transparency test data)', () => {
    const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657'].map((h) =>
      Buffer.from(h, 'hex'),
    );
    leaves.push(Buffer.from('606162636465666768696a6b6c6d6e6f', 'hex'));
    const { roots } = build(leaves);
    expect(roots.map((r) => r.toString('hex'))).toEqual([
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ]);
  });

  it("matches Go's sumdb/tlog: roots at every size, from the frontier and from stored nodes", async () => {
    const { roots, read } = build(vectors.leaves);
    for (const [size, root] of Object.entries(vectors.roots)) {
      expect(b64(roots[Number(size)]!)).toBe(root);
      expect(b64(await rootAt(Number(size), read))).toBe(root);
    }
  });

  it("makes the same inclusion proofs as Go's tlog, and verifies them", async () => {
    const { read } = build(vectors.leaves);
    for (const v of vectors.inclusion) {
      const proof = await inclusionProof(v.index, v.size, read);
      expect(proof.map(b64), `leaf ${v.index} in ${v.size}`).toEqual(v.hashes);
      const root = unb64(vectors.roots[v.size]!);
      const leaf = leafHash(vectors.leaves[v.index]!);
      expect(verifyInclusion(v.index, v.size, leaf, proof, root)).toBe(true);
      // Another leaf, another position or another root does not verify.
      expect(verifyInclusion(v.index, v.size, leafHash('x'), proof, root)).toBe(false);
      if (v.size > 1) {
        const other = (v.index + 1) % v.size;
        expect(verifyInclusion(other, v.size, leaf, proof, root)).toBe(false);
      }
      expect(verifyInclusion(v.index, v.size, leaf, proof, leafHash('root'))).toBe(false);
    }
  });

  it("makes the same consistency proofs as Go's tlog, and verifies them", async () => {
    const { read } = build(vectors.leaves);
    for (const v of vectors.consistency) {
      const proof = await consistencyProof(v.from, v.to, read);
      expect(proof.map(b64), `${v.from} -> ${v.to}`).toEqual(v.hashes);
      const [oldRoot, newRoot] = [unb64(vectors.roots[v.from]!), unb64(vectors.roots[v.to]!)];
      expect(verifyConsistency(v.from, v.to, proof, oldRoot, newRoot)).toBe(true);
      expect(verifyConsistency(v.from, v.to, proof, newRoot, oldRoot)).toBe(v.from === v.to);
      if (proof.length > 0) {
        const bent = [...proof];
        bent[bent.length - 1] = leafHash('tampered');
        expect(verifyConsistency(v.from, v.to, bent, oldRoot, newRoot)).toBe(false);
      }
    }
  });

  it('refuses proofs outside the tree', async () => {
    const { read } = build(vectors.leaves.slice(0, 4));
    await expect(inclusionProof(4, 4, read)).rejects.toThrow(RangeError);
    await expect(inclusionProof(-1, 4, read)).rejects.toThrow(RangeError);
    await expect(consistencyProof(0, 4, read)).rejects.toThrow(RangeError);
    await expect(consistencyProof(5, 4, read)).rejects.toThrow(RangeError);
    expect(() => new Frontier(3, [leafHash('a')])).toThrow(/2 hashes/);
  });
});
