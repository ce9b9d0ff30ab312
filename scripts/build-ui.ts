// Bundles the dashboard and GraphiQL's start-up script into dist/ui with esbuild, when any input
// changed (npm's prepare, prestart and predev run it; the browser tests call buildUi()).
// Fails when the dashboard is over its budget of 300 KB gzipped.
import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type * as Esbuild from 'esbuild';
import type { UiManifest } from '../src/server/browser.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = join(ROOT, 'src', 'dashboard');
const OUT = join(ROOT, 'dist', 'ui');
export const BUDGET_GZIP_BYTES = 300 * 1024;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Hash of every input: the sources, the locked dependencies, this script. */
function inputsHash(): string {
  const h = createHash('sha256');
  const files = [
    ...walk(SOURCES).sort(),
    join(ROOT, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ];
  for (const f of files)
    h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

function current(): UiManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as UiManifest;
    return m.files.every((f) => existsSync(join(OUT, f))) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Builds unless the bundle in dist/ui was built from the same inputs; returns its manifest. */
export async function buildUi(options: { force?: boolean } = {}): Promise<UiManifest | undefined> {
  const hash = inputsHash();
  const existing = current();
  if (!options.force && existing?.inputsHash === hash) return existing;
  let esbuild: typeof Esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    // A production install (npm ci --omit=dev) has no bundler: keep what was built before.
    process.stderr.write(
      `build-ui: esbuild is not installed; ${existing ? 'keeping the existing (possibly stale) bundle' : 'the dashboard is not built'}\n`,
    );
    return existing;
  }
  // Several builds may race (npm test runs files in parallel): each works in its own directory.
  const tmp = `${OUT}.tmp-${randomUUID()}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const result = await esbuild.build({
    entryPoints: {
      dashboard: join(SOURCES, 'main.tsx'),
      graphiql: join(SOURCES, 'graphiql.ts'),
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    outdir: tmp,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const entries = {} as UiManifest['entries'];
  const files: string[] = [];
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    const name = relative(tmp, join(ROOT, file));
    files.push(name);
    const entry = meta.entryPoint
      ? (/[/\\](main|graphiql)\.tsx?$/.exec(meta.entryPoint)?.[1] ?? '')
      : '';
    const key = entry === 'main' ? 'dashboard' : entry === 'graphiql' ? 'graphiql' : undefined;
    if (key)
      entries[key] = {
        js: name,
        ...(meta.cssBundle ? { css: relative(tmp, join(ROOT, meta.cssBundle)) } : {}),
      };
  }
  const dashboard = [entries.dashboard.js, entries.dashboard.css].filter((f): f is string => !!f);
  const dashboardGzipBytes = dashboard.reduce(
    (n, f) => n + gzipSync(readFileSync(join(tmp, f)), { level: 9 }).length,
    0,
  );
  const manifest: UiManifest = { inputsHash: hash, entries, files, dashboardGzipBytes };
  writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (dashboardGzipBytes > BUDGET_GZIP_BYTES) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `build-ui: the dashboard is ${(dashboardGzipBytes / 1024).toFixed(1)} KB gzipped, over its budget of ${BUDGET_GZIP_BYTES / 1024} KB`,
    );
  }
  rmSync(OUT, { recursive: true, force: true });
  try {
    renameSync(tmp, OUT);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    // Another build of the same inputs got there first: its result is as good as ours.
    if (current()?.inputsHash === hash) return current();
    throw err;
  }
  const bytes = dashboard.reduce((n, f) => n + statSync(join(OUT, f)).size, 0);
  process.stderr.write(
    `build-ui: dist/ui built: dashboard ${(bytes / 1024).toFixed(1)} KB, ${(dashboardGzipBytes / 1024).toFixed(1)} KB gzipped\n`,
  );
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildUi({ force: process.argv.includes('--force') });
}
