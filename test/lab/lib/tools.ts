// The two non-Go programs the lab runs: Prometheus (Debian package, installed here on
// demand because machines start without it) and moto_server (the AWS emulator).
import { spawnSync } from 'node:child_process';
import { LabError, log, which } from './util.ts';

export async function ensurePrometheus(): Promise<[string, string]> {
  let prom = which('prometheus');
  let promtool = which('promtool');
  if (!prom || !promtool) {
    if (process.getuid?.() !== 0 || !which('apt-get')) {
      throw new LabError(
        'prometheus/promtool not found: install the Debian package (apt-get install prometheus)',
      );
    }
    log('installing Prometheus from the Debian package (apt-get install prometheus)');
    // RUNLEVEL=1 keeps the package's init script from starting a system-wide Prometheus
    // on :9090; the lab runs its own on a free port.
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
    // Another apt-get (a parallel install on a shared machine) holds dpkg's lock: wait for it.
    const wait = ['-o', 'DPkg::Lock::Timeout=600'];
    for (const args of [
      [...wait, 'update', '-qq'],
      [...wait, 'install', '-y', '-qq', '--no-install-recommends', 'prometheus'],
    ]) {
      const r = spawnSync('apt-get', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
      if (r.status !== 0) throw new LabError(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
    }
    prom = which('prometheus');
    promtool = which('promtool');
    if (!prom || !promtool) throw new LabError('prometheus is still missing after apt-get install');
  }
  return [prom, promtool];
}

export function ensureMoto(): string {
  const moto = which('moto_server');
  if (!moto) {
    throw new LabError(
      "moto_server not found on PATH: install moto with its server extra (pip install 'moto[server]')",
    );
  }
  return moto;
}
