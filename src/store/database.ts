import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { acquireDirectoryLock, type DirectoryLock } from './lock.ts';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** One SQL dialect (PostgreSQL) over an embedded PGlite or a real server. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for a real server. */
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // A pool error on an idle client must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db: Database = {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      const res = await pool.query(sql, params);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as R[];
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
  await db.ping();
  return db;
}

/**
 * PostgreSQL's defaults size a server's caches (shared_buffers 128 MB); the embedded store is
 * one process with small tables, and every page it touches stays in its WebAssembly memory
 * (which never shrinks). These keep an idle process near 100 MB smaller (docs/deploy.md).
 */
const PGLITE_CONF = [
  'shared_buffers = 8MB',
  'temp_buffers = 1MB',
  'work_mem = 2MB',
  'maintenance_work_mem = 8MB',
  'wal_buffers = 256kB',
];

async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  // PGlite is single-process: a second process on the same directory would corrupt it.
  const lock: DirectoryLock = acquireDirectoryLock(dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(`${dataDir}/pglite`, { postgresqlconf: PGLITE_CONF });
  } catch (err) {
    lock.release();
    throw err;
  }
  let closed = false;
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      const res = await pglite.query<T>(sql, params);
      return res.rows;
    },
    async exec(sql: string) {
      await pglite.exec(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return pglite.transaction(async (tx) =>
        fn({
          async query<R>(sql: string, params?: unknown[]) {
            return (await tx.query<R>(sql, params)).rows;
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        }),
      );
    },
    async ping() {
      if (closed) throw new Error('database is closed');
      await pglite.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await pglite.close();
      lock.release();
    },
  };
}
