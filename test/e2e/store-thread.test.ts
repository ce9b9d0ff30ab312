// The embedded store runs PGlite on a thread of its own (src/store/pglite.ts): what callers
// see through `Database` must be what they saw when it ran on the main thread, and the main
// thread must stay free while a query runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.ts';

const dirs: string[] = [];
const open = async (pgliteHeapMb?: number): Promise<Database> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'oi-pglite-thread-'));
  dirs.push(dataDir);
  return openDatabase({ dataDir, pgliteHeapMb });
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the embedded store on its own thread', () => {
  it('leaves the event loop free while a long query runs', async () => {
    const db = await open();
    try {
      // The longest gap between ticks of a 10 ms timer: how long the loop was held.
      let maxGap = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
      }, 10);
      const started = performance.now();
      await db.query('SELECT sum(length(md5(g::text))) FROM generate_series(1, 3000000) g');
      const took = performance.now() - started;
      // A held loop shows in the tick after it.
      await new Promise((r) => setTimeout(r, 50));
      clearInterval(timer);
      // On the main thread the loop waited for the whole query (max gap ≈ took).
      expect(took).toBeGreaterThan(1000);
      expect(maxGap).toBeLessThan(took / 4);
    } finally {
      await db.close();
    }
  });

  it('keeps PostgreSQL error fields and value types', async () => {
    const db = await open();
    try {
      await db.exec('CREATE TABLE t (id int PRIMARY KEY, at timestamptz, b bytea, j jsonb)');
      const at = new Date('2026-01-02T03:04:05.678Z');
      await db.query('INSERT INTO t VALUES (1, $1, $2, $3)', [
        at,
        new Uint8Array([0, 1, 255]),
        { nested: [1, 'two', null] },
      ]);
      const error = await db.query('INSERT INTO t (id) VALUES (1)').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({
        code: '23505',
        constraint: 't_pkey',
        table: 't',
        detail: 'Key (id)=(1) already exists.',
        message: 'duplicate key value violates unique constraint "t_pkey"',
      });
      const [row] = await db.query<Record<string, unknown>>(
        'SELECT at, b, j, 9007199254740993::int8 AS big, 1.50::numeric AS num, $1::int8 AS param FROM t',
        [42n],
      );
      expect(row?.at).toEqual(at);
      expect(row?.b).toEqual(new Uint8Array([0, 1, 255]));
      expect(row?.j).toEqual({ nested: [1, 'two', null] });
      // What PGlite itself returns: int8 as a number, or a bigint past 2^53; numeric as text.
      expect(row?.big).toBe(9007199254740993n);
      expect(row?.num).toBe('1.50');
      expect(row?.param).toBe(42);
    } finally {
      await db.close();
    }
  });

  it('holds every other caller while a transaction is open, and rolls it back on a throw', async () => {
    const db = await open();
    try {
      await db.exec('CREATE TABLE t (id int)');
      const order: string[] = [];
      const tx = db.transaction(async (q) => {
        await q.query('INSERT INTO t VALUES (1)');
        await new Promise((r) => setTimeout(r, 300));
        order.push('transaction threw');
        throw new Error('boom');
      });
      await new Promise((r) => setTimeout(r, 50));
      const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t').then((rows) => {
        order.push(`outside saw ${rows[0]?.n}`);
      });
      await expect(tx).rejects.toThrow('boom');
      await outside;
      expect(order).toEqual(['transaction threw', 'outside saw 0']);
      await db.transaction(async (q) => q.query('INSERT INTO t VALUES (2)'));
      expect(await db.query('SELECT id FROM t')).toEqual([{ id: 2 }]);
    } finally {
      await db.close();
    }
  });

  it('fails the calls of a thread that dies, not the process, and starts a new one', async () => {
    // A small heap: a 300 MB result ends the thread (ERR_WORKER_OUT_OF_MEMORY).
    const db = await open(32);
    try {
      await db.exec('CREATE TABLE t (id int); INSERT INTO t VALUES (7)');
      await expect(
        db.query("SELECT repeat('x', 100000) || g AS s FROM generate_series(1, 3000) g"),
      ).rejects.toThrow(/memory limit/);
      expect(await db.query('SELECT id FROM t')).toEqual([{ id: 7 }]);
      await db.ping();
    } finally {
      await db.close();
    }
    await expect(db.query('SELECT 1')).rejects.toThrow('database is closed');
    await expect(db.ping()).rejects.toThrow('database is closed');
  });
});
