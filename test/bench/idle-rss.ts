// Idle RSS of the server with nothing configured, as docs/deploy.md states it: a fresh
// DATA_DIR and HOME (no ~/.kube/config), production mode, VmRSS read 20 s after "listening".
//   node test/bench/idle-rss.ts [--database-url postgres://…] [--runs 3] [--settle 20] [--image-env] [--bundle]
// --image-env adds the environment the Dockerfile sets for glibc's allocator (MALLOC_*);
// --bundle runs the image's bundle (dist/server/main.js, built first by
// scripts/build-server.ts) instead of src/main.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  try {
    // A cold start (initdb) on the loaded shared machine has taken over 90 s.
    await proc.waitFor(/OptiInfra Orchestrator .* listening/, 300_000);
    await new Promise((r) => setTimeout(r, Number(values.settle) * 1000));
    const pid = proc.child.pid ?? 0;
    rows.push({ rss: rssMb(pid, 'VmRSS'), peak: rssMb(pid, 'VmHWM') });
    console.log(`run ${i + 1}: VmRSS ${rows.at(-1)?.rss} MB, peak (VmHWM) ${rows.at(-1)?.peak} MB`);
  } finally {
    proc.child.kill('SIGTERM');
    await proc.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
const sorted = rows.map((r) => r.rss).sort((a, b) => a - b);
console.log(
  `${values['database-url'] ? 'DATABASE_URL' : 'PGlite'}${values.bundle ? ' (bundle)' : ''}${values['image-env'] ? ' (image env)' : ''}: median VmRSS ${sorted[Math.floor(sorted.length / 2)]} MB over ${rows.length} runs (load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`,
);
