// Shared helpers for the lab controller: paths, small HTTP probes, free ports.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAB_SRC = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO = resolve(LAB_SRC, '..', '..');
export const LAB_DIR = process.env.LAB_DIR ?? join(REPO, '.lab');
export const LOG_DIR = join(LAB_DIR, 'logs');
export const PKI_DIR = join(LAB_DIR, 'pki');
export const STATE_FILE = join(LAB_DIR, 'state.json');
export const ENV_FILE = join(LAB_DIR, 'env');
export const KUBECONFIG = join(LAB_DIR, 'kubeconfig');

/** An error whose message is meant for the operator verbatim (no stack trace). */
export class LabError extends Error {}

export function log(msg: string): void {
  process.stderr.write(`[lab] ${msg}\n`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Asks the kernel for a free port: bind port 0, read it, close. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port')),
      );
    });
  });
}

/** True when something already accepts connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      res(true);
    });
    s.on('error', () => res(false));
    s.setTimeout(1000, () => {
      s.destroy();
      res(false);
    });
  });
}

export interface HttpResult {
  status: number;
  body: string;
}

export interface TlsOptions {
  ca?: string;
  cert?: string;
  key?: string;
  token?: string;
  insecure?: boolean;
}

/** A GET/POST that never throws on HTTP status; TLS material is read from files. */
export function request(
  url: string,
  opts: TlsOptions & { method?: string; body?: string; headers?: Record<string, string> } = {},
  timeoutMs = 5000,
): Promise<HttpResult> {
  const u = new URL(url);
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-length'] = String(Buffer.byteLength(opts.body));
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((res, rej) => {
    const req = mod.request(
      u,
      {
        method: opts.method ?? 'GET',
        headers,
        timeout: timeoutMs,
        ...(u.protocol === 'https:'
          ? {
              ca: opts.ca ? readFileSync(opts.ca) : undefined,
              cert: opts.cert ? readFileSync(opts.cert) : undefined,
              key: opts.key ? readFileSync(opts.key) : undefined,
              rejectUnauthorized: !opts.insecure,
            }
          : {}),
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () =>
          res({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        r.on('error', rej);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', rej);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** Runs a program to completion and returns stdout; rejects with stderr on failure. */
export function run(
  cmd: string,
  args: string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((res, rej) => {
    const child = execFile(
      cmd,
      args,
      { env: opts.env ?? process.env, maxBuffer: 256 << 20, timeout: opts.timeoutMs ?? 600_000 },
      (err, stdout, stderr) => {
        if (err)
          rej(new LabError(`${cmd} ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
        else res(stdout);
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

/** Finds an executable on PATH (or at one of the extra absolute candidates). */
export function which(name: string, extra: string[] = []): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return extra.find((p) => existsSync(p));
}

/** Parses KEY=VALUE lines (the .lab/env format). */
export function parseEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m?.[1]) out[m[1]] = m[2] ?? '';
  }
  return out;
}
