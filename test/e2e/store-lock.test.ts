import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.ts';
import { acquireDirectoryLock, currentOwner, DataDirLockedError } from '../../src/store/lock.ts';
import { ROOT } from '../support/process.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'optiinfra-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockPath = () => join(dir, '.lock');
function writeLock(owner: object, ageMs = 0): void {
  writeFileSync(lockPath(), JSON.stringify({ token: 'other', ...owner }));
  const t = new Date(Date.now() - ageMs);
  utimesSync(lockPath(), t, t);
}

describe('the embedded store lock', () => {
  it('refuses a second open of one DATA_DIR, in the same process too, until the first closes', async () => {
    const db = await openDatabase({ dataDir: dir });
    expect(() => acquireDirectoryLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDirectoryLock(dir)).toThrow(/open in this process/);
    await db.close();
    acquireDirectoryLock(dir).release();
  });

  it('refuses a holder with the same pid in another PID namespace while its heartbeat is fresh', () => {
    const me = currentOwner();
    // The rolling-update case: both containers run as PID 1 on one kernel and one volume.
    writeLock({ ...me, pidNamespace: 'pid:[1]', startTicks: '1' });
    expect(() => acquireDirectoryLock(dir)).toThrow(/heartbeat \d+ s ago/);
    // Silent for longer than staleAfterMs: the holder is gone, and the lock is taken over.
    writeLock({ ...me, pidNamespace: 'pid:[1]', startTicks: '1' }, 60_000);
    const lock = acquireDirectoryLock(dir);
    expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('refuses a holder on another machine sharing the volume until its heartbeat stops', () => {
    writeLock({ host: 'elsewhere', bootId: 'another-kernel', pid: 7 });
    expect(() => acquireDirectoryLock(dir)).toThrow(/in use by process 7 on elsewhere/);
    writeLock({ host: 'elsewhere', bootId: 'another-kernel', pid: 7 }, 31_000);
    acquireDirectoryLock(dir).release();
  });

  it('takes over at once the lock of a dead process in its own PID namespace', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeLock({ ...currentOwner(), pid: dead, startTicks: '1' });
    const lock = acquireDirectoryLock(dir);
    lock.release();
    expect(() => readFileSync(lockPath())).toThrow(/ENOENT/);
  });

  const canUnshare = spawnSync('unshare', ['--pid', '--fork', 'true']).status === 0;
  it.skipIf(!canUnshare)(
    'refuses PID 1 of another PID namespace (two real processes via unshare), and takes over once it dies',
    async () => {
      const hold = (heartbeatMs = 200, staleAfterMs = 1500) => {
        const child = spawn(
          'unshare',
          [
            '--pid',
            '--fork',
            '--kill-child',
            process.execPath,
            join(ROOT, 'test/support/lock-holder.ts'),
            dir,
            String(heartbeatMs),
            String(staleAfterMs),
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        const line = new Promise<string>((resolve) =>
          child.stdout.on('data', (b: Buffer) => resolve(b.toString().trim())),
        );
        return { child, line };
      };
      const first = hold();
      expect(await first.line).toBe('locked pid=1');
      const second = hold();
      expect(await second.line).toMatch(/^refused: .*in use by process 1 .*heartbeat/);
      // Killed without releasing: the lock file stays, and its heartbeat stops.
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
      expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toMatchObject({ pid: 1 });
      await new Promise((r) => setTimeout(r, 2000));
      const third = hold();
      expect(await third.line).toBe('locked pid=1');
      third.child.kill('SIGKILL');
      await new Promise((r) => third.child.once('exit', r));
    },
  );
  if (!canUnshare) {
    console.warn(
      'store-lock: `unshare --pid --fork` is not permitted here; the two-namespace test is skipped',
    );
  }
});
