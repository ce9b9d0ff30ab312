// Starting, probing and stopping the lab's detached processes. Each component runs in
// its own session (detached), so it outlives `lab up`; its pid and the binary it runs
// are recorded so `lab down` can stop exactly what was started, and nothing else.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_DIR, LOG_DIR, LabError, portInUse, sleep } from './util.ts';

export interface Component {
  name: string;
  bin: string;
  args: string[];
  env?: Record<string, string>;
  /** Ports it will listen on: checked free before start, named in errors. */
  ports?: number[];
  healthy: () => Promise<boolean>;
  timeoutMs?: number;
}

export interface Started {
  name: string;
  pid: number;
  bin: string;
}

export const logFile = (name: string) => join(LOG_DIR, `${name}.log`);

function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return '(no log)';
  const all = readFileSync(file, 'utf8').trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

/** Starts a component detached and resolves once its health probe passes. */
export async function startComponent(c: Component): Promise<Started> {
  const file = logFile(c.name);
  for (const p of c.ports ?? []) {
    if (await portInUse(p)) {
      throw new LabError(
        `${c.name}: port ${p} is already in use by another process; stop it or run 'lab down' (log: ${file})`,
      );
    }
  }
  const fd = openSync(file, 'a');
  const child = spawn(c.bin, c.args, {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, ...c.env },
    cwd: LAB_DIR,
  });
  closeSync(fd);
  let exit: string | undefined;
  child.on('error', (e) => (exit = e.message));
  child.on('exit', (code, sig) => (exit = sig ? `signal ${sig}` : `exit code ${code}`));
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new LabError(`${c.name}: could not start ${c.bin} (log: ${file})`);
  writeFileSync(join(LAB_DIR, `${c.name}.pid`), `${pid}\n`);
  const deadline = Date.now() + (c.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exit !== undefined) {
      const t = tail(file);
      const hint = /address already in use/i.test(t) ? ' (a port it needs is in use)' : '';
      throw new LabError(`${c.name} died during start-up (${exit})${hint}; see ${file}:\n${t}`);
    }
    if (await c.healthy().catch(() => false)) return { name: c.name, pid, bin: c.bin };
    await sleep(250);
  }
  throw new LabError(
    `${c.name} did not become healthy within ${(c.timeoutMs ?? 60_000) / 1000}s; see ${file}:\n${tail(file)}`,
  );
}

/** Alive and still running the binary we started (guards against a recycled pid). */
export function isOurs(s: Started): boolean {
  try {
    const stat = readFileSync(`/proc/${s.pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z/.test(stat)) return false; // a zombie has exited already
    const cmdline = readFileSync(`/proc/${s.pid}/cmdline`, 'utf8');
    const base = s.bin.split('/').pop() ?? s.bin;
    return cmdline.includes(base);
  } catch {
    return false;
  }
}

/** SIGTERM the component's process group, then SIGKILL whatever is left. */
export async function stopComponent(s: Started, graceMs = 10_000): Promise<void> {
  if (!isOurs(s)) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-s.pid, sig); // the whole group: wrapper scripts and their children
    } catch {
      try {
        process.kill(s.pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && isOurs(s)) await sleep(100);
  if (isOurs(s)) {
    signal('SIGKILL');
    while (isOurs(s)) await sleep(100);
  }
  // A wrapper (e.g. a pyenv shim) may have exited on SIGTERM while a child ignored it.
  for (let i = 0; i < 50 && groupMembers(s.pid).length > 0; i++) {
    if (i === 20) signal('SIGKILL');
    await sleep(100);
  }
}

/** Every process still in a component's process group (used to prove nothing is left). */
export function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is the state, fields[2] the process group id
      if (fields[0] !== 'Z' && Number(fields[2]) === pgid) out.push(Number(entry));
    } catch {
      /* raced with exit */
    }
  }
  return out;
}
