import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** One file the server may send: where it lives, its type, whether its URL is versioned. */
export interface StaticFile {
  path: string;
  type: string;
  /** Versioned or content-hashed URL: browsers may keep it for a year. */
  immutable: boolean;
}

interface Loaded {
  raw: Buffer;
  gzipped: Buffer;
}

/**
 * Serves a fixed set of files (no path from the request ever reaches the file system), each
 * read and gzipped once, on first request, then kept in memory.
 */
export class StaticFiles {
  private readonly files: Map<string, StaticFile>;
  private readonly loaded = new Map<string, Promise<Loaded>>();

  constructor(files: Map<string, StaticFile>) {
    this.files = files;
  }

  has(urlPath: string): boolean {
    return this.files.has(urlPath);
  }

  /** Sends the file for `urlPath`; false when there is none. */
  async serve(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean> {
    const file = this.files.get(urlPath);
    if (!file) return false;
    let entry = this.loaded.get(urlPath);
    if (!entry) {
      entry = readFile(file.path).then(async (raw) => ({ raw, gzipped: await gzip(raw) }));
      this.loaded.set(urlPath, entry);
      entry.catch(() => this.loaded.delete(urlPath));
    }
    const { raw, gzipped } = await entry;
    const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGzip ? gzipped : raw;
    res.writeHead(200, {
      'content-type': file.type,
      'content-length': body.length,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
}

export const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
