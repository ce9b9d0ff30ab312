// Builds the lab's Go binaries once per source version. The output directory is keyed by a
// hash of go.mod, go.sum and every lab Go source (plus the Go version), and lives outside
// the repository, so a second `lab build` or `lab up` costs a hash and a stat.
// The OIDC provider (test/lab/oidc) is its own Go module with its own key: its dependencies
// do not enter the Kubernetes binaries' go.sum, and changing it rebuilds only itself.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';
import { LAB_SRC, LabError, log, run, which } from './util.ts';

export const BINARIES = [
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kwok',
  'kubectl',
  'labtool',
] as const;
export type Binary = (typeof BINARIES)[number];

export function findGo(): string | undefined {
  return which('go', [
    '/usr/local/go/bin/go',
    join(homedir(), 'go', 'bin', 'go'),
    '/usr/lib/go/bin/go',
  ]);
}

export const OIDC_SRC = join(LAB_SRC, 'oidc');

function goSources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== OIDC_SRC) goSources(p, out);
    } else if (e.name.endsWith('.go') || e.name === 'go.mod' || e.name === 'go.sum') out.push(p);
  }
  return out;
}

export async function buildKey(go: string, src = LAB_SRC): Promise<string> {
  const h = createHash('sha256');
  h.update(await run(go, ['env', 'GOVERSION', 'GOOS', 'GOARCH']));
  for (const f of goSources(src)) {
    h.update(relative(src, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

export function cacheRoot(): string {
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'optiinfra-lab');
}

/** The pinned release, read from go.mod so there is one place to change it. */
export function kubeVersion(): string {
  const m = /k8s\.io\/kubernetes (v\d+\.\d+\.\d+)/.exec(
    readFileSync(join(LAB_SRC, 'go.mod'), 'utf8'),
  );
  if (!m?.[1]) throw new LabError('test/lab/go.mod does not require k8s.io/kubernetes');
  return m[1];
}

// Stamp the release into the binaries (upstream does this with -X from its Makefile);
// otherwise /version reports v0.0.0 and clients print skew warnings.
function ldflags(): string {
  const v = kubeVersion();
  const [major, minor] = v.slice(1).split('.');
  const flags = ['-s', '-w'];
  for (const pkg of ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version']) {
    flags.push(
      `-X ${pkg}.gitVersion=${v}`,
      `-X ${pkg}.gitMajor=${major}`,
      `-X ${pkg}.gitMinor=${minor}`,
      `-X ${pkg}.gitTreeState=clean`,
      `-X ${pkg}.buildDate=1970-01-01T00:00:00Z`,
    );
  }
  return flags.join(' ');
}

interface Module {
  what: string;
  src: string;
  /** Cache directory name: the key, with a prefix for modules other than the main one. */
  prefix: string;
  packages: string;
  ldflags: string;
  binaries: readonly string[];
}

async function buildModule(m: Module): Promise<string> {
  const go = findGo();
  if (!go) {
    throw new LabError(
      'Go toolchain not found: the lab builds kube-apiserver, etcd and kwok from source and needs Go >= 1.26 on PATH (or /usr/local/go/bin/go).',
    );
  }
  const key = await buildKey(go, m.src);
  const dir = join(cacheRoot(), `${m.prefix}${key}`, 'bin');
  if (existsSync(join(dir, '.complete'))) return dir;

  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const started = Date.now();
  log(`building ${m.what} into ${dir} (cached afterwards)`);
  // -p=2 matches the CI machine; more parallelism only adds memory pressure there.
  const goflags = [process.env.GOFLAGS ?? '', '-p=2', '-buildvcs=false'].join(' ').trim();
  await new Promise<void>((res, rej) => {
    const child = spawn(
      go,
      ['build', '-trimpath', `-ldflags=${m.ldflags}`, '-o', tmp, m.packages],
      {
        cwd: m.src,
        env: { ...process.env, GOFLAGS: goflags },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('error', rej);
    child.on('exit', (code) =>
      code === 0
        ? res()
        : rej(new LabError(`go build of the ${m.what} failed (exit ${code}); output above`)),
    );
  });
  for (const b of m.binaries) {
    if (!existsSync(join(tmp, b))) throw new LabError(`go build produced no ${b} binary in ${tmp}`);
  }
  writeFileSync(
    join(tmp, '.complete'),
    `${new Date().toISOString()} ${(Date.now() - started) / 1000}s\n`,
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '..'), { recursive: true });
  renameSync(tmp, dir);
  log(`built ${m.what} in ${Math.round((Date.now() - started) / 1000)}s`);
  return dir;
}

/** Returns the directory holding every lab binary, building it first if needed. */
export function ensureBuilt(): Promise<string> {
  return buildModule({
    what: 'lab binaries (cold: ~20 min on 2 cores)',
    src: LAB_SRC,
    prefix: '',
    packages: './cmd/...',
    ldflags: ldflags(),
    binaries: BINARIES,
  });
}

/** Returns the path of the OIDC provider binary, building it first if needed. */
export async function ensureOidcBuilt(): Promise<string> {
  const dir = await buildModule({
    what: 'OIDC provider (cold: ~70 s of CPU)',
    src: OIDC_SRC,
    prefix: 'oidc-',
    packages: './cmd/...',
    ldflags: '-s -w',
    binaries: ['oidc-provider'],
  });
  return join(dir, 'oidc-provider');
}
