// Writes the audit log, its signed checkpoints and the verifier key to a directory, for
// `npm run audit:verify`. Reads the same configuration as the server (DATABASE_URL or
// DATA_DIR; an embedded PGlite directory must not be in use by a running server).
//   npm run audit:export -- <directory>
import { loadSigner } from '../src/audit/ledger.ts';
import { verifierKey } from '../src/audit/note.ts';
import { exportAuditLog } from '../src/audit/offline.ts';
import { AuditStore } from '../src/audit/store.ts';
import { loadConfig, readEnvironment } from '../src/config.ts';
import { openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: npm run audit:export -- <directory>\n');
  process.exit(2);
}
const config = loadConfig(readEnvironment());
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await migrate(db);
  const store = new AuditStore(db);
  await store.integrate();
  const lc = config.auditLedger;
  const vkey = verifierKey(loadSigner(lc.signingKey, config.dataDir, lc.origin));
  const out = await exportAuditLog(db, vkey, dir);
  process.stdout.write(
    `exported ${out.records} records and ${out.checkpoints} checkpoints to ${dir}\n`,
  );
} finally {
  await db.close();
}
