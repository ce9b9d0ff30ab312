import type { Config } from '../config.ts';
import type { LeaderGate } from '../leader.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../store/database.ts';
import { AuditLedger, loadSigner } from './ledger.ts';
import { parseVerifierKey, verifierKey } from './note.ts';
import { openSink } from './sink.ts';
import { AuditStore } from './store.ts';

/**
 * The audit log's store and its ledger from the configuration: the Merkle tree caught up with
 * the stored records, the signing key loaded (or made), the checkpoint sink opened.
 */
export async function createAudit(
  config: Config,
  db: Database,
  leader: LeaderGate,
  log: Logger,
): Promise<{ audit: AuditStore; ledger: AuditLedger }> {
  const audit = new AuditStore(db, { leader });
  const added = await audit.integrate();
  if (added > 0) log.info({ added }, 'audit records added to the Merkle tree');
  const lc = config.auditLedger;
  const signer = loadSigner(lc.signingKey, config.dataDir, lc.origin);
  const ledger = new AuditLedger({
    db,
    store: audit,
    signer,
    trusted: [verifierKey(signer), ...lc.trustedKeys].map(parseVerifierKey),
    sink: openSink(lc.sink, {
      endpoint: config.aws.endpoint,
      region: config.aws.regions[0] ?? 'us-east-1',
    }),
    log: log.child({ component: 'audit-ledger' }),
    leader,
    intervalSeconds: lc.intervalSeconds,
  });
  return { audit, ledger };
}
