import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SignInSettings } from '../oidc-config.ts';
import { CONTENT_TYPES, StaticFiles, type StaticFile } from './static.ts';

/** `dist/ui/manifest.json`, written by `scripts/build-ui.ts`. */
export interface UiManifest {
  /** Hash of every input of the build; a different one means the bundle is stale. */
  inputsHash: string;
  entries: Record<'dashboard' | 'graphiql', { js: string; css?: string }>;
  files: string[];
  /** The dashboard's JavaScript and CSS, gzipped, in bytes. */
  dashboardGzipBytes: number;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const UI_DIR = join(ROOT, 'dist', 'ui');

const GRAPHIQL_FILES = [
  'graphiql.css',
  'yoga-graphiql.umd.js',
  'monacoeditorwork/editor.worker.bundle.js',
  'monacoeditorwork/json.worker.bundle.js',
  // Sic: the package names this worker with two dots.
  'monacoeditorwork/graphql.worker..bundle.js',
];

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Inline JSON inside a <script> element: nothing in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function sendHtml(res: ServerResponse, status: number, html: string, csp?: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-cache',
    ...SECURITY_HEADERS,
    ...(csp ? { 'content-security-policy': csp } : {}),
  });
  res.end(html);
}

/**
 * The `@graphql-yoga/graphiql` package's prebuilt bundle and workers. It is a dev dependency
 * (its declared dependencies, monaco and React among them, are ~180 MB the server never loads):
 * the image copies just these files in, and `npm ci --omit=dev` elsewhere goes without GraphiQL.
 */
function graphiqlAssets(): { base: string; files: StaticFiles } | undefined {
  let pkgJson: string;
  try {
    pkgJson = createRequire(import.meta.url).resolve('@graphql-yoga/graphiql/package.json');
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
  const base = `/graphiql/${version}/`;
  const dist = join(dirname(pkgJson), 'dist');
  const files = new StaticFiles(
    new Map(
      GRAPHIQL_FILES.map((f): [string, StaticFile] => [
        `${base}${f}`,
        { path: join(dist, f), type: CONTENT_TYPES[extname(f)] ?? '', immutable: true },
      ]),
    ),
  );
  return { base, files };
}

/**
 * What a browser gets: the dashboard at `/`, GraphiQL at `GET /graphql`, and their assets —
 * all from this process (the dashboard from `dist/ui`, GraphiQL from the
 * `@graphql-yoga/graphiql` package), never from a CDN. The pages themselves need no token;
 * every API call they make does. With OIDC, both pages carry the public sign-in settings and
 * the dashboard's page is also served at the redirect path, where it finishes a sign-in.
 */
export class BrowserPages {
  private readonly graphiql: boolean;
  private readonly signIn: SignInSettings | undefined;
  private readonly uiDir: string;
  /** GraphiQL's prebuilt assets; undefined where the package is not installed. */
  private readonly graphiqlAssets: { base: string; files: StaticFiles } | undefined;
  private ui: { manifest: UiManifest; files: StaticFiles; mtimeMs: number } | undefined;

  constructor(options: { graphiql: boolean; uiDir?: string; signIn?: SignInSettings | undefined }) {
    this.graphiql = options.graphiql;
    this.signIn = options.signIn;
    this.uiDir = options.uiDir ?? UI_DIR;
    this.graphiqlAssets = graphiqlAssets();
  }

  /** The built dashboard, read on first use and again whenever a build replaced it. */
  get manifest(): UiManifest | undefined {
    return this.loadUi()?.manifest;
  }

  /** Answers the request if it is a browser page or asset; false leaves it to the API. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const html = (req.headers.accept ?? '').includes('text/html');
    const path = url.pathname;
    if ((path === '/' || path === this.signIn?.redirectPath) && html) {
      this.dashboardPage(res);
      return true;
    }
    if (path === '/graphql' && html && this.graphiql) {
      this.graphiqlPage(res);
      return true;
    }
    if (path.startsWith('/ui/')) {
      const ui = this.loadUi();
      return ui ? ui.files.serve(req, res, path) : false;
    }
    const assets = this.graphiqlAssets;
    if (assets && path.startsWith(assets.base) && this.graphiql) {
      return assets.files.serve(req, res, path);
    }
    return false;
  }

  private loadUi(): { manifest: UiManifest; files: StaticFiles } | undefined {
    const file = join(this.uiDir, 'manifest.json');
    // One stat per page or asset request: `npm run build:ui` takes effect without a restart.
    const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return undefined;
    if (this.ui?.mtimeMs === mtimeMs) return this.ui;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as UiManifest;
    const files = new StaticFiles(
      new Map(
        manifest.files.map((f): [string, StaticFile] => [
          `/ui/${f}`,
          { path: join(this.uiDir, f), type: CONTENT_TYPES[extname(f)] ?? '', immutable: true },
        ]),
      ),
    );
    this.ui = { manifest, files, mtimeMs };
    return this.ui;
  }

  /** The sign-in settings as inline JSON (not a script that runs: the CSP allows none). */
  private signInConfig(): string {
    return this.signIn
      ? `<script type="application/json" id=signin-config>${scriptJson(this.signIn)}</script>`
      : '';
  }

  private dashboardPage(res: ServerResponse): void {
    const ui = this.loadUi();
    if (!ui) {
      sendHtml(
        res,
        503,
        '<!doctype html><meta charset=utf-8><title>OptiInfra Orchestrator</title>' +
          '<p>The dashboard has not been built: run <code>npm run build:ui</code> ' +
          '(<code>npm ci</code> and <code>npm start</code> do it).</p>',
      );
      return;
    }
    const { js, css } = ui.manifest.entries.dashboard;
    sendHtml(
      res,
      200,
      '<!doctype html><html lang=en><head><meta charset=utf-8>' +
        '<meta name=viewport content="width=device-width, initial-scale=1">' +
        '<title>OptiInfra Orchestrator</title>' +
        (css ? `<link rel=stylesheet href="/ui/${css}">` : '') +
        `${this.signInConfig()}<script type=module src="/ui/${js}"></script></head>` +
        '<body><div id=app></div></body></html>',
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        // The sign-in reads the provider's discovery document and redeems the code there.
        `connect-src 'self'${this.signIn ? ` ${new URL(this.signIn.issuer).origin}` : ''}; ` +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  }

  private graphiqlPage(res: ServerResponse): void {
    if (!this.graphiqlAssets) {
      sendHtml(
        res,
        503,
        '<!doctype html><meta charset=utf-8><title>OptiInfra Orchestrator · GraphiQL</title>' +
          '<p>GraphiQL is not installed: <code>@graphql-yoga/graphiql</code> is a dev ' +
          'dependency (<code>npm ci</code> installs it; the image includes its files).</p>',
      );
      return;
    }
    const ui = this.loadUi();
    const base = this.graphiqlAssets.base;
    const config = {
      endpoint: '/graphql',
      workers: {
        editorWorkerService: `${base}monacoeditorwork/editor.worker.bundle.js`,
        json: `${base}monacoeditorwork/json.worker.bundle.js`,
        graphql: `${base}monacoeditorwork/graphql.worker..bundle.js`,
      },
    };
    const starter = ui
      ? `<script src="/ui/${ui.manifest.entries.graphiql.js}"></script>`
      : "<p>GraphiQL's start-up script has not been built: run <code>npm run build:ui</code>.</p>";
    sendHtml(
      res,
      ui ? 200 : 503,
      '<!doctype html><html lang=en><head><meta charset=utf-8>' +
        '<title>OptiInfra Orchestrator · GraphiQL</title>' +
        `<link rel=stylesheet href="${base}graphiql.css">` +
        (ui?.manifest.entries.graphiql.css
          ? `<link rel=stylesheet href="/ui/${ui.manifest.entries.graphiql.css}">`
          : '') +
        '</head><body class=no-focus-outline><div id=signin></div><div id=root></div>' +
        `<script type="application/json" id=graphiql-config>${scriptJson(config)}</script>` +
        this.signInConfig() +
        `<script src="${base}yoga-graphiql.umd.js"></script>${starter}</body></html>`,
    );
  }
}
