import { describe, expect, it } from 'vitest';
import { TokenAuthenticator } from '../../src/auth/tokens.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { createScratchDatabase } from '../support/postgres.ts';
import { STORES } from '../support/stores.ts';

const log = createLogger('silent');

describe.each(STORES)('storage on $kind', (store) => {
  it('applies every migration once and is idempotent', async () => {
    const { db, cleanup } = await store.open();
    try {
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await cleanup();
    }
  });

  it('rolls a failed transaction back', async () => {
    const { db, cleanup } = await store.open();
    try {
      await expect(
        db.transaction(async (tx) => {
          await tx.query(
            "INSERT INTO api_tokens (name, role, secret_hash) VALUES ('x', 'viewer', 'h')",
          );
          await tx.query('SELECT * FROM no_such_table');
        }),
      ).rejects.toThrow(/no_such_table/);
      expect(await db.query('SELECT * FROM api_tokens')).toEqual([]);
    } finally {
      await cleanup();
    }
  });

  it('bootstraps one admin token, stored as a hash, and recognises it after a restart', async () => {
    const { db, cleanup } = await store.open();
    try {
      const first = new TokenAuthenticator({ mode: 'token', tokens: [] });
      await first.init(db, log);
      expect(first.authenticate('Bearer nope')).toBeNull();
      const bootstrapSecret = (await first.bootstrap(db)) ?? '';
      expect(bootstrapSecret).toMatch(/^[\w-]{32}$/);
      const rows = await db.query<{ secret_hash: string }>('SELECT secret_hash FROM api_tokens');
      expect(rows).toHaveLength(1);
      expect(rows[0]?.secret_hash).not.toContain(bootstrapSecret);
      const again = new TokenAuthenticator({ mode: 'token', tokens: [] });
      await again.init(db, log);
      expect(await again.bootstrap(db)).toBeUndefined();
      expect(again.authenticate(`Bearer ${bootstrapSecret}`)).toEqual({
        name: 'admin',
        role: 'admin',
      });
      expect(again.authenticate('Bearer nope')).toBeNull();
    } finally {
      await cleanup();
    }
  });
});

describe('several processes on one PostgreSQL', () => {
  it('migrate concurrently without corrupting the schema', async () => {
    const scratch = await createScratchDatabase();
    const dbs = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: scratch.url, dataDir: '' })),
    );
    try {
      const applied = await Promise.all(dbs.map((db) => migrate(db)));
      expect(applied.flat()).toEqual(MIGRATIONS.map((m) => m.version));
      const rows = await dbs[1]!.query('SELECT version FROM schema_migrations');
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await scratch.drop();
    }
  });
});
