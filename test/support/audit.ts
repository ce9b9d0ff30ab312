import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLedger } from '../../src/audit/ledger.ts';
import { parseVerifierKey, signerFromSeed, verifierKey } from '../../src/audit/note.ts';
import { FileSink, type CheckpointSink } from '../../src/audit/sink.ts';
import type { AuditStore } from '../../src/audit/store.ts';
import { SINGLE_REPLICA } from '../../src/leader.ts';
import { createLogger } from '../../src/logger.ts';
import type { Database } from '../../src/store/database.ts';

export const TEST_ORIGIN = 'audit.test/log';
export const testSigner = (seed = 1) => signerFromSeed(TEST_ORIGIN, Buffer.alloc(32, seed));

/** A ledger with a fixed test key and (by default) a file sink in a fresh directory. */
export function testLedger(
  db: Database,
  store: AuditStore,
  options: { sink?: CheckpointSink | null; seed?: number } = {},
): AuditLedger {
  const signer = testSigner(options.seed);
  const sink =
    options.sink === null
      ? undefined
      : (options.sink ??
        new FileSink(join(mkdtempSync(join(tmpdir(), 'oi-sink-')), 'checkpoint.txt')));
  return new AuditLedger({
    db,
    store,
    signer,
    trusted: [parseVerifierKey(verifierKey(testSigner()))],
    sink,
    log: createLogger('silent'),
    leader: SINGLE_REPLICA,
    intervalSeconds: 3600,
  });
}
