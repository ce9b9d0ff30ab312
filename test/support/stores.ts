import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createScratchDatabase } from './postgres.ts';

export interface StoreTarget {
  kind: 'pglite' | 'postgres';
  /** A fresh, migrated database and its cleanup. */
  open(): Promise<{ db: Database; url?: string; dataDir?: string; cleanup: () => Promise<void> }>;
}

/** Every storage test runs against both: embedded PGlite and the real PostgreSQL server. */
export const STORES: StoreTarget[] = [
  {
    kind: 'pglite',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'oi-pglite-'));
      const db = await openDatabase({ dataDir });
      await migrate(db);
      return {
        db,
        dataDir,
        cleanup: async () => {
          await db.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    kind: 'postgres',
    async open() {
      const scratch = await createScratchDatabase();
      const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
      await migrate(db);
      return {
        db,
        url: scratch.url,
        cleanup: async () => {
          await db.close();
          await scratch.drop();
        },
      };
    },
  },
];
