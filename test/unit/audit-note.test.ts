import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkpointText,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  signerFromSeed,
  signNote,
  verifierKey,
} from '../../src/audit/note.ts';

// Signed by golang.org/x/mod/sumdb/note (test/fixtures/audit/gen) with a fixed seed.
const { note } = JSON.parse(
  readFileSync(new URL('../fixtures/audit/vectors.json', import.meta.url), 'utf8'),
) as { note: { seedHex: string; name: string; vkey: string; signed: string } };

describe('C2SP signed notes and checkpoints', () => {
  const signer = signerFromSeed(note.name, Buffer.from(note.seedHex, 'hex'));

  it("derives the same verifier key and signs the same bytes as Go's sumdb/note", () => {
    expect(verifierKey(signer)).toBe(note.vkey);
    const text = note.signed.slice(0, note.signed.lastIndexOf('\n\n') + 1);
    expect(signNote(text, signer)).toBe(note.signed);
  });

  it("opens Go's note and reads its checkpoint", () => {
    const opened = openNote(note.signed, [parseVerifierKey(note.vkey)]);
    expect(opened).toMatchObject({ verifiedBy: [note.name], problem: null });
    const cp = parseCheckpoint(opened.text);
    expect(cp).toMatchObject({ origin: note.name, size: 5 });
    expect(checkpointText(cp)).toBe(opened.text);
  });

  it('rejects an edited text, an unknown key, a forged key and bad key strings', () => {
    const known = [parseVerifierKey(note.vkey)];
    const edited = note.signed.replace('\n5\n', '\n6\n');
    expect(openNote(edited, known).problem).toMatch(/does not verify/);
    const other = signerFromSeed(note.name, Buffer.alloc(32, 7));
    const byOther = signNote('audit.test/log\n5\nAAAA\n', other);
    expect(openNote(byOther, known)).toMatchObject({ verifiedBy: [], problem: /no known key/ });
    // Cosigned by an unknown witness as well: the unknown line is ignored.
    const cosigned = note.signed + byOther.slice(byOther.lastIndexOf('\u2014'));
    expect(openNote(cosigned, known).verifiedBy).toEqual([note.name]);
    expect(() => parseVerifierKey('nope')).toThrow(/not a verifier key/);
    expect(() => parseVerifierKey(note.vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'))).toThrow(
      /id mismatch/,
    );
    expect(openNote('no signature', known).problem).toBe('not a signed note');
    expect(() => parseCheckpoint('o\n01\nAAAA\n')).toThrow(/size/);
    expect(() => parseCheckpoint('o\n1\nAAAA\n')).toThrow(/root/);
  });
});
