// Bundles the server for the container image into dist/server with esbuild: `main.js` (the
// process) and `pglite-worker.js` (the embedded store's thread, src/store/pglite.ts starts it
// from beside itself), with every dynamic import kept a chunk of its own, so a provider's SDK
// is still read only when that provider is configured. PGlite's WebAssembly and file-system
// image are copied next to the bundle, where its code looks for them (import.meta.url).
// The dashboard (dist/ui, scripts/build-ui.ts) and GraphiQL's files are not part of it.
//   node scripts/build-server.ts    (the Dockerfile runs it; `npm start` runs src/ as it is)
import { copyFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'server');

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { main: 'src/main.ts', 'pglite-worker': 'src/store/pglite-worker.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  // Whitespace and syntax only: identifiers keep their names, so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  // CommonJS dependencies call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // Optional native add-ons that their packages try and do without.
  external: ['pg-native', 'bufferutil', 'utf-8-validate'],
});

const require = createRequire(import.meta.url);
const pglite = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'dist');
for (const f of ['pglite.wasm', 'pglite.data', 'initdb.wasm']) {
  copyFileSync(join(pglite, f), join(OUT, f));
}

const bytes = readdirSync(OUT).reduce((n, f) => n + statSync(join(OUT, f)).size, 0);
const chunks = Object.keys(result.metafile.outputs).length;
console.log(`dist/server: ${chunks} files of JavaScript, ${(bytes / 1e6).toFixed(1)} MB in all`);
