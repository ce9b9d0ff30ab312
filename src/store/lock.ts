import { randomUUID } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export interface DirectoryLock {
  release(): void;
}

/** Who holds a lock. A PID alone names no process in a container: every container's is 1. */
export interface LockOwner {
  host: string;
  /** /proc/sys/kernel/random/boot_id: two processes share it only on one running kernel. */
  bootId: string;
  /** The PID namespace (/proc/self/ns/pid, e.g. `pid:[4026531836]`) the pid is valid in. */
  pidNamespace: string;
  pid: number;
  /** Start time in clock ticks since boot (/proc/self/stat field 22): tells a reused pid apart. */
  startTicks: string;
  /** Random per acquisition, so a take-over removes exactly the lock it judged stale. */
  token: string;
  acquiredAt: string;
}

export interface LockOptions {
  /** How often the holder touches the lock file. */
  heartbeatMs?: number;
  /** A lock whose holder cannot be checked is stale once not touched for this long. */
  staleAfterMs?: number;
}

const HEARTBEAT_MS = 5_000;
const STALE_AFTER_MS = 30_000;

export class DataDirLockedError extends Error {
  constructor(dir: string, owner: Partial<LockOwner>, reason: string) {
    super(
      `DATA_DIR ${dir} is in use by process ${owner.pid ?? '?'} on ${owner.host ?? '?'} (${reason}); ` +
        'the embedded database serves one process. Stop that process, use another DATA_DIR, ' +
        'or set DATABASE_URL to share a PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
  }
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return fallback;
  }
}

function startTicksOf(pid: number | 'self'): string {
  // The command name (field 2) may hold spaces and parentheses; count fields after the last ')'.
  const stat = readOr(`/proc/${pid}/stat`, '');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
}

function pidNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
}

export function currentOwner(): Omit<LockOwner, 'token' | 'acquiredAt'> {
  return {
    host: hostname(),
    bootId: readOr('/proc/sys/kernel/random/boot_id', ''),
    pidNamespace: pidNamespace(),
    pid: process.pid,
    startTicks: startTicksOf('self'),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks held by this process, by token: a second open in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * Why the lock recorded in `path` still stands, or undefined when its holder is gone. A holder
 * in this PID namespace on this kernel is checked directly (pid alive with the same start
 * time); any other (another container, another machine sharing the volume) only by its
 * heartbeat, the lock file's mtime.
 */
function liveness(path: string, owner: Partial<LockOwner>, staleAfterMs: number) {
  const me = currentOwner();
  if (owner.token && heldHere.has(owner.token)) return 'open in this process';
  const sameKernel = !!me.bootId && owner.bootId === me.bootId;
  if (sameKernel && owner.pidNamespace === me.pidNamespace && typeof owner.pid === 'number') {
    if (owner.pid === me.pid && owner.startTicks === me.startTicks) return undefined;
    if (alive(owner.pid) && (!owner.startTicks || startTicksOf(owner.pid) === owner.startTicks)) {
      return 'process alive';
    }
    return undefined;
  }
  const age = Date.now() - statSync(path).mtimeMs;
  if (age < staleAfterMs) return `heartbeat ${Math.round(age / 1000)} s ago`;
  return undefined;
}

function parseOwner(text: string): Partial<LockOwner> {
  try {
    return JSON.parse(text) as Partial<LockOwner>;
  } catch {
    // A lock from an older version holds a bare pid; half-written JSON has no owner at all.
    const pid = Number.parseInt(text, 10);
    return Number.isFinite(pid) ? { pid } : {};
  }
}

function createExclusive(path: string, content: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Removes the stale lock at `path` if it still holds `token`. Two processes may judge the same
 * lock stale at once; the take-over marker lets only one of them remove it, so neither deletes
 * the other's fresh lock.
 */
function takeOver(path: string, token: string | undefined, staleAfterMs: number): void {
  const marker = `${path}.takeover`;
  if (!createExclusive(marker, String(process.pid))) {
    // A take-over abandoned midway (the process died) would block every later one.
    try {
      if (Date.now() - statSync(marker).mtimeMs > staleAfterMs) rmSync(marker, { force: true });
    } catch {
      /* removed meanwhile */
    }
    return;
  }
  try {
    const now = parseOwner(readOr(path, '{}'));
    if (now.token === token) rmSync(path, { force: true });
  } finally {
    rmSync(marker, { force: true });
  }
}

/**
 * An exclusive lock file naming its holder by host, boot id, PID namespace, pid and start time,
 * with a heartbeat. Taken over only when its holder is provably gone: dead (same kernel and PID
 * namespace) or silent for `staleAfterMs` (anywhere else).
 */
export function acquireDirectoryLock(dir: string, options: LockOptions = {}): DirectoryLock {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const path = join(dir, '.lock');
  const owner: LockOwner = {
    ...currentOwner(),
    token: randomUUID(),
    acquiredAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(path, JSON.stringify(owner))) {
      heldHere.add(owner.token);
      const beat = setInterval(() => {
        const now = new Date();
        try {
          utimesSync(path, now, now);
        } catch {
          /* the directory is gone; release() will find nothing to remove */
        }
      }, heartbeatMs);
      beat.unref();
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          clearInterval(beat);
          heldHere.delete(owner.token);
          if (parseOwner(readOr(path, '{}')).token === owner.token) rmSync(path, { force: true });
        },
      };
    }
    const holder = parseOwner(readOr(path, '{}'));
    let reason: string | undefined;
    try {
      reason = liveness(path, holder, staleAfterMs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw err;
    }
    if (reason) throw new DataDirLockedError(dir, holder, reason);
    takeOver(path, holder.token, staleAfterMs);
  }
  throw new Error(`could not lock ${path}`);
}
