// Builds the project's Dockerfile with buildah (no Docker daemon, no registry: the base comes
// from scripts/image-base.sh) and runs the image as a container runtime would: the image's
// user, env, workdir and command, PID 1 of its own PID namespace, a read-only root with /data
// and /tmp mounted writable. podman cannot run containers on these machines (crun refuses the
// hybrid cgroup layout), so the run is done with unshare and nsenter instead, from outside:
// the image has no shell.
import { spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/process.ts';

const TAG = 'localhost/optiinfra:test';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const isRoot = process.getuid?.() === 0;

function sh(cmd: string, args: string[], timeoutMs = 40 * 60_000): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout.trim();
}

interface ImageConfig {
  User: string;
  Env: string[];
  Cmd: string[];
  WorkingDir: string;
  Healthcheck?: { Test: string[] };
}

if (!isRoot) {
  console.warn(
    'test/deploy/image.test.ts SKIPPED: building and running the image needs root (buildah, unshare, chroot).',
  );
}

describe.skipIf(!isRoot)('the container image', () => {
  let config: ImageConfig;
  let ctr = '';
  let rootfs = '';
  let sizeText = '';

  beforeAll(() => {
    const base = sh(join(ROOT, 'scripts/image-base.sh'), []).split('\n').pop() ?? '';
    const started = Date.now();
    // Niced: in `npm test` it builds while the other projects' files run.
    sh('nice', [
      '-n',
      '10',
      'buildah',
      'build',
      '--pull=never',
      '--format',
      'docker',
      '--layers',
      '--isolation',
      'chroot',
      ...(existsSync(CA_BUNDLE) ? ['--secret', `id=npm_ca,src=${CA_BUNDLE}`] : []),
      '--build-arg',
      `NODE_IMAGE=${base}`,
      '-t',
      TAG,
      ROOT,
    ]);
    const info = JSON.parse(sh('buildah', ['inspect', '--type', 'image', TAG])) as {
      Docker: { config: ImageConfig };
    };
    config = info.Docker.config;
    sizeText = sh('buildah', ['images', '--format', '{{.Size}}', TAG]);
    const baseSize = sh('buildah', ['images', '--format', '{{.Size}}', base]);
    console.log(
      `image ${TAG}: ${sizeText} (base ${base}: ${baseSize}); built in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    ctr = sh('buildah', ['from', '--pull=never', TAG]);
    rootfs = sh('buildah', ['mount', ctr]);
  }, 60 * 60_000);

  afterAll(() => {
    if (!ctr) return;
    spawnSync('buildah', ['umount', ctr]);
    spawnSync('buildah', ['rm', ctr]);
  });

  it('runs as a numeric non-root user, with a HEALTHCHECK, and ships one Node binary', () => {
    expect(config.User).toBe('1000:1000');
    expect(config.Healthcheck?.Test[0]).toBe('CMD');
    expect(config.Cmd).toEqual(['node', 'dist/server/main.js']);
    expect(existsSync(join(rootfs, 'usr/local/bin/node'))).toBe(true);
    expect(existsSync(join(rootfs, 'app/dist/ui/manifest.json'))).toBe(true);
    expect(existsSync(join(rootfs, 'app/dist/server/pglite.wasm'))).toBe(true);
    // A distroless-like root: no shell, no package manager, no npm, no node_modules but
    // GraphiQL's served files.
    for (const absent of ['bin/sh', 'usr/bin/apt-get', 'usr/local/bin/npm', 'app/src'])
      expect(existsSync(join(rootfs, absent)), absent).toBe(false);
    expect(readdirSync(join(rootfs, 'app/node_modules'))).toEqual(['@graphql-yoga']);
  });

  it('serves /health from a read-only root as PID 1, passes its HEALTHCHECK and stops on SIGTERM', async () => {
    const work = mkdtempSync(join(tmpdir(), 'oi-image-'));
    const [data, tmp, root] = [join(work, 'data'), join(work, 'tmp'), join(work, 'root')] as const;
    for (const d of [data, tmp, root]) sh('mkdir', ['-p', d]);
    chownSync(data, 1000, 1000);
    chownSync(tmp, 1000, 1000);
    const port = 18000 + Math.floor(Math.random() * 2000);
    const env = [...config.Env, `PORT=${port}`, 'HOST=127.0.0.1', 'LOG_LEVEL=info'];
    const [uid, gid] = config.User.split(':');
    // Mounts live in a private mount namespace; the last exec makes node PID 1 of its own,
    // with the image's environment only, its root, working directory and user.
    const script = [
      'set -e',
      `mkdir -p '${root}'`,
      `mount --bind '${rootfs}' '${root}'`,
      `mount -o remount,bind,ro '${root}'`,
      `mount --bind '${data}' '${root}/data'`,
      `mount --bind '${tmp}' '${root}/tmp'`,
      `mkdir -p '${rootfs}/dev' '${rootfs}/proc'`,
      `mount --rbind /dev '${root}/dev'`,
      `mount -t proc proc '${root}/proc'`,
      `exec /usr/bin/env -i ${env.map((e) => `'${e}'`).join(' ')} /usr/bin/unshare --root='${root}' --wd='${config.WorkingDir}' --setuid=${uid} --setgid=${gid} ${config.Cmd.join(' ')}`,
    ].join('\n');
    writeFileSync(join(work, 'run.sh'), script);
    // --kill-child: node, PID 1 of the namespace, does not outlive a test that fails.
    const child = spawn(
      'unshare',
      ['--mount', '--pid', '--fork', '--kill-child', 'sh', join(work, 'run.sh')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const deadline = Date.now() + 120_000;
      let health: Response | undefined;
      while (Date.now() < deadline && !health?.ok) {
        health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        if (!health?.ok) await new Promise((r) => setTimeout(r, 500));
      }
      expect(health?.status, out).toBe(200);
      expect(((await health?.json()) as { status: string }).status).toBe('healthy');

      const pid = Number(sh('ps', ['--ppid', String(child.pid), '-o', 'pid=']));
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      expect(status).toMatch(/^NSpid:\s+\d+\s+1$/m); // PID 1 in its namespace
      expect(status).toMatch(/^Uid:\s+1000\s+1000/m);
      expect(() => writeFileSync(`/proc/${pid}/root/app/written`, 'x')).toThrow(/EROFS/);

      // The image's own HEALTHCHECK command, run inside the container's root as its user.
      const check = spawnSync(
        '/usr/bin/nsenter',
        [
          `--target=${pid}`,
          '--mount',
          '--root',
          `--wdns=${config.WorkingDir}`,
          `--setuid=${uid}`,
          `--setgid=${gid}`,
          ...(config.Healthcheck?.Test.slice(1) ?? []),
        ],
        {
          encoding: 'utf8',
          timeout: 30_000,
          // The image's environment only; nsenter itself is found by its path.
          env: Object.fromEntries(
            [...config.Env, `PORT=${port}`].map((e): [string, string] => {
              const at = e.indexOf('=');
              return [e.slice(0, at), e.slice(at + 1)];
            }),
          ),
        },
      );
      expect(check.status, check.stderr).toBe(0);

      const stopped = Date.now();
      process.kill(pid, 'SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - stopped).toBeLessThan(10_000);
      expect(out).toContain('shutdown complete');
    } finally {
      child.kill('SIGKILL');
      rmSync(work, { recursive: true, force: true });
    }
  });
});
