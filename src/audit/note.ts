import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign as edSign,
  verify as edVerify,
  type KeyObject,
} from 'node:crypto';

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures, and the checkpoints
 * (c2sp.org/tlog-checkpoint) they carry: origin, tree size, base64 root hash. Shared by the
 * server (signing) and the offline verifier (checking), with node:crypto only.
 */
const ED25519 = 0x01;
const SIG_PREFIX = '\u2014 ';
/** PKCS#8 and SPKI DER prefixes of a raw 32-byte Ed25519 key (RFC 8410). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

export interface NoteSigner {
  name: string;
  seed: Buffer;
  keyId: number;
  privateKey: KeyObject;
  publicKey: Buffer;
}

export interface NoteVerifier {
  name: string;
  keyId: number;
  publicKey: KeyObject;
  /** `<name>+<hex key id>+<base64(0x01 ‖ public key)>` */
  vkey: string;
}

const validName = (name: string) => name.length > 0 && !/[\s+]/u.test(name);

function keyId(name: string, publicKey: Buffer): number {
  const h = createHash('sha256')
    .update(`${name}\n`, 'utf8')
    .update(Buffer.of(ED25519))
    .update(publicKey)
    .digest();
  return h.readUInt32BE(0);
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** A signer from a 32-byte Ed25519 seed. */
export function signerFromSeed(name: string, seed: Buffer): NoteSigner {
  if (!validName(name)) throw new Error(`invalid key name ${JSON.stringify(name)}`);
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = spki.subarray(SPKI_PREFIX.length);
  return { name, seed, keyId: keyId(name, publicKey), privateKey, publicKey };
}

export function verifierKey(signer: NoteSigner): string {
  return `${signer.name}+${hex8(signer.keyId)}+${Buffer.concat([Buffer.of(ED25519), signer.publicKey]).toString('base64')}`;
}

/** The signer key text of Go's sumdb/note: `PRIVATE+KEY+name+keyid+base64(0x01 ‖ seed)`. */
export function signerKey(signer: NoteSigner): string {
  const seed = Buffer.concat([Buffer.of(ED25519), signer.seed]).toString('base64');
  return `PRIVATE+KEY+${signer.name}+${hex8(signer.keyId)}+${seed}`;
}

export function parseSignerKey(text: string): NoteSigner {
  const m = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(text.trim());
  if (!m) throw new Error('not a signer key (PRIVATE+KEY+name+keyid+base64key)');
  const [, name, id, key] = m as unknown as [string, string, string, string];
  const raw = Buffer.from(key, 'base64');
  if (raw.length !== 33 || raw[0] !== ED25519) throw new Error('not an Ed25519 signer key');
  const signer = signerFromSeed(name, raw.subarray(1));
  if (signer.keyId !== parseInt(id, 16)) throw new Error('signer key id mismatch');
  return signer;
}

/** Parses a verifier key (`name+keyid+base64key`); throws on anything else. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+=*)$/.exec(vkey.trim());
  if (!m) throw new Error('not a verifier key (name+keyid+base64key)');
  const [, name, id, key] = m as unknown as [string, string, string, string];
  const raw = Buffer.from(key, 'base64');
  if (raw.length !== 33 || raw[0] !== ED25519) throw new Error('not an Ed25519 verifier key');
  const publicKey = raw.subarray(1);
  if (keyId(name, publicKey) !== parseInt(id, 16)) throw new Error('verifier key id mismatch');
  return {
    name,
    keyId: parseInt(id, 16),
    publicKey: createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, publicKey]),
      format: 'der',
      type: 'spki',
    }),
    vkey: vkey.trim(),
  };
}

export function checkpointText(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.root.toString('base64')}\n`;
}

/** A signed note: the text, a blank line, one signature line. */
export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n')) throw new Error('note text must end with a newline');
  const sig = edSign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  const id = Buffer.alloc(4);
  id.writeUInt32BE(signer.keyId);
  return `${text}\n${SIG_PREFIX}${signer.name} ${Buffer.concat([id, sig]).toString('base64')}\n`;
}

export interface OpenedNote {
  text: string;
  /** Names of the known keys whose signatures verified. */
  verifiedBy: string[];
  /** Why no known key verified it, when none did. */
  problem: string | null;
}

/**
 * Splits a signed note and checks its signatures against the known keys. Unknown keys are
 * ignored (witness cosignatures, rotated keys); a known key with a bad signature is a problem.
 */
export function openNote(note: string, known: NoteVerifier[]): OpenedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) {
    return { text: '', verifiedBy: [], problem: 'not a signed note' };
  }
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const verifiedBy: string[] = [];
  let problem: string | null = null;
  for (const line of lines) {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/]+=*)$/u.exec(line);
    if (!m) return { text, verifiedBy: [], problem: 'malformed signature line' };
    const [, name, b64] = m as unknown as [string, string, string];
    const raw = Buffer.from(b64, 'base64');
    if (raw.length < 5) return { text, verifiedBy: [], problem: 'malformed signature' };
    const key = known.find((k) => k.name === name && k.keyId === raw.readUInt32BE(0));
    if (!key) continue;
    if (edVerify(null, Buffer.from(text, 'utf8'), key.publicKey, raw.subarray(4))) {
      verifiedBy.push(name);
    } else {
      problem = `the signature of ${name} does not verify`;
    }
  }
  if (verifiedBy.length === 0 && !problem) problem = 'signed by no known key';
  return { text, verifiedBy, problem: verifiedBy.length > 0 ? null : problem };
}

/** Parses a checkpoint's note text (its extension lines are ignored). */
export function parseCheckpoint(text: string): Checkpoint {
  const [origin, size, root] = text.split('\n');
  if (!origin || !size || !root) throw new Error('a checkpoint has origin, size and root lines');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size)) throw new Error('bad checkpoint tree size');
  const hash = Buffer.from(root, 'base64');
  if (hash.length !== 32 || hash.toString('base64') !== root) {
    throw new Error('bad checkpoint root hash');
  }
  return { origin, size: Number(size), root: hash };
}
