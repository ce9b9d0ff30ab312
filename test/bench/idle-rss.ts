// Idle RSS of the server with nothing configured, as docs/deploy.md states it: a fresh
// DATA_DIR and HOME (no ~/.kube/config), production mode, VmRSS read 20 s after "listening".
//   node test/bench/idle-rss.ts [--database-url postgres://…] [--runs 3] [--settle 20] [--image-env] [--bundle]
//     [--memory-limit MiB]
// --image-env adds the environment the Dockerfile sets for glibc's allocator (MALLOC_*);
// --bundle runs the image's bundle (dist/server/main.js, built first by
// scripts/build-server.ts) instead of src/main.ts; --memory-limit runs each process in a memory
// cgroup with that limit, as a pod's limit would (root; cgroup v1 or v2), and reports the
// cgroup's peak (page cache included, as the kernel charges it) or the OOM kill.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, spawnOrchestrator } from '../support/process.ts';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    runs: { type: 'string', default: '3' },
    settle: { type: 'string', default: '20' },
    'image-env': { type: 'boolean', default: false },
    bundle: { type: 'boolean', default: false },
    'memory-limit': { type: 'string' },
  },
});

if (values.bundle) {
  execFileSync(process.execPath, ['scripts/build-server.ts'], { cwd: ROOT, stdio: 'inherit' });
}

/** The Dockerfile's MALLOC_* lines, as the image's process gets them. */
function imageEnv(): Record<string, string> {
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
  return Object.fromEntries(
    [...dockerfile.matchAll(/\b(MALLOC_[A-Z_]+)=(\S+)/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}
const extraEnv = values['image-env'] ? imageEnv() : {};
if (values['image-env']) console.log('image env:', extraEnv);

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Math.round(Number(line?.split(/\s+/)[1]) / 1024);
}

/** A memory cgroup of `mib` MiB (v2 when mounted unified, else v1's memory controller). */
function memoryCgroup(mib: number) {
  const v2 = existsSync('/sys/fs/cgroup/cgroup.controllers');
  const dir = join(v2 ? '/sys/fs/cgroup' : '/sys/fs/cgroup/memory', `idle-rss-${process.pid}`);
  const file = (v1: string, v2name: string) => join(dir, v2 ? v2name : v1);
  mkdirSync(dir);
  writeFileSync(file('memory.limit_in_bytes', 'memory.max'), String(mib * 1024 * 1024));
  const read = (v1: string, v2name: string) => readFileSync(file(v1, v2name), 'utf8');
  return {
    add: (pid: number) => writeFileSync(join(dir, 'cgroup.procs'), String(pid)),
    peakMb: () =>
      Math.round(Number(read('memory.max_usage_in_bytes', 'memory.peak')) / 1024 / 1024),
    oomKills: () => Number(/oom_kill (\d+)/.exec(read('memory.oom_control', 'memory.events'))?.[1]),
    remove: () => rmdirSync(dir),
  };
}

const rows: { rss: number; peak: number }[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  const dir = mkdtempSync(join(tmpdir(), 'idle-rss-'));
  const proc = spawnOrchestrator(
    {
      HOME: dir,
      DATA_DIR: join(dir, 'data'),
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...(values['database-url'] ? { DATABASE_URL: values['database-url'] } : {}),
      ...extraEnv,
    },
    values.bundle ? 'dist/server/main.js' : undefined,
  );
  // Moved in as soon as it exists: module loading comes first, PGlite's initdb seconds later.
  const cgroup = values['memory-limit'] ? memoryCgroup(Number(values['memory-limit'])) : undefined;
  cgroup?.add(proc.child.pid ?? 0);
  try {
    // A cold start (initdb) on the loaded shared machine has taken over 90 s.
    const started = await Promise.race([
      proc.waitFor(/OptiInfra Orchestrator .* listening/, 300_000).then(
        () => true,
        () => false,
      ),
      proc.exited.then(() => false),
    ]);
    if (!started) {
      console.log(
        `run ${i + 1}: ended before listening${cgroup ? `, OOM kills ${cgroup.oomKills()}, cgroup peak ${cgroup.peakMb()} MB of ${values['memory-limit']} MiB` : ''}`,
      );
      continue;
    }
    await new Promise((r) => setTimeout(r, Number(values.settle) * 1000));
    const pid = proc.child.pid ?? 0;
    rows.push({ rss: rssMb(pid, 'VmRSS'), peak: rssMb(pid, 'VmHWM') });
    console.log(
      `run ${i + 1}: VmRSS ${rows.at(-1)?.rss} MB, peak (VmHWM) ${rows.at(-1)?.peak} MB${cgroup ? `, cgroup peak ${cgroup.peakMb()} MB of ${values['memory-limit']} MiB` : ''}`,
    );
  } finally {
    proc.child.kill('SIGTERM');
    await proc.exited;
    cgroup?.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}
const sorted = rows.map((r) => r.rss).sort((a, b) => a - b);
if (rows.length === 0) throw new Error('no run reached listening');
console.log(
  `${values['database-url'] ? 'DATABASE_URL' : 'PGlite'}${values.bundle ? ' (bundle)' : ''}${values['image-env'] ? ' (image env)' : ''}: median VmRSS ${sorted[Math.floor(sorted.length / 2)]} MB over ${rows.length} runs (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`,
);
// A run that ended before listening leaves its wait's timer behind.
process.exit(0);
