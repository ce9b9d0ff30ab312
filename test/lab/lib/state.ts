// The lab's recorded state (.lab/state.json) and the commands that only read or stop it:
// `lab status` and `lab down`.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ports, Tokens } from './config.ts';
import { type Started, isOurs, stopComponent } from './procs.ts';
import { LAB_DIR, log, PKI_DIR, request, STATE_FILE } from './util.ts';

export interface LabState {
  binDir: string;
  ports: Ports;
  tokens: Tokens;
  nodes: number;
  components: Started[];
  startedAt: string;
  env: Record<string, string>;
}

export function readState(): LabState | undefined {
  if (!existsSync(STATE_FILE)) return undefined;
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as LabState;
}

export const saveState = (s: LabState) => writeFileSync(STATE_FILE, JSON.stringify(s, null, 2));

export const pki = (f: string) => join(PKI_DIR, f);
const adminTls = { ca: pki('ca.crt'), cert: pki('admin.crt'), key: pki('admin.key') };

export async function apiserverReady(port: number): Promise<boolean> {
  const r = await request(`https://127.0.0.1:${port}/readyz`, adminTls).catch(() => undefined);
  return r?.status === 200;
}

/** Healthy when every recorded process is alive and the apiserver answers /readyz. */
export async function isRunning(s: LabState | undefined = readState()): Promise<boolean> {
  return (
    !!s &&
    s.components.length > 0 &&
    s.components.every(isOurs) &&
    (await apiserverReady(s.ports.apiserver))
  );
}

export async function stopAll(state: LabState): Promise<void> {
  // Reverse start order: clients before the apiserver, the apiserver before etcd.
  for (const c of [...state.components].reverse()) {
    await stopComponent(c);
  }
}

/** Stops every recorded process and deletes the lab's data (logs are kept). */
export async function down(): Promise<void> {
  const s = readState();
  if (s) {
    await stopAll(s);
    log(`stopped ${s.components.map((c) => c.name).join(', ') || 'nothing'}`);
  } else {
    log('no lab state found; nothing to stop');
  }
  for (const p of [
    'etcd',
    'prometheus',
    'kube',
    'pki',
    'backfill',
    'state.json',
    'env',
    'kubeconfig',
    'kwok.yaml',
    'prometheus.yml',
  ]) {
    rmSync(join(LAB_DIR, p), { recursive: true, force: true });
  }
  for (const c of s?.components ?? []) rmSync(join(LAB_DIR, `${c.name}.pid`), { force: true });
}

export async function status(): Promise<boolean> {
  const s = readState();
  if (!s) {
    process.stdout.write('lab: not running\n');
    return false;
  }
  for (const c of s.components) {
    process.stdout.write(
      `${c.name.padEnd(24)} pid ${String(c.pid).padEnd(8)} ${isOurs(c) ? 'running' : 'STOPPED'}\n`,
    );
  }
  const ok = await isRunning(s);
  process.stdout.write(`apiserver ${ok ? 'ready' : 'NOT ready'}; env: ${join(LAB_DIR, 'env')}\n`);
  return ok;
}
