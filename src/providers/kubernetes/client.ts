import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import type { KubeConfig } from '@kubernetes/client-node';
import { readCapped } from '../../read-capped.ts';

/** A non-2xx answer from the API server, with its `Status` body when it sent one. */
export class KubeApiError extends Error {
  readonly status: number;
  readonly reason: string;
  readonly causes: { field?: string; message?: string; reason?: string }[];
  /** The person the request impersonated, if any: a 403 is then their authorizers', not ours. */
  readonly actingAs: Impersonation | undefined;
  constructor(status: number, body: string, actingAs?: Impersonation) {
    let parsed: {
      message?: string;
      reason?: string;
      details?: { causes?: KubeApiError['causes'] };
    } = {};
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      /* not a Status object (a proxy, a kubelet) */
    }
    super(parsed.message ?? (body.trim().slice(0, 300) || `HTTP ${status}`));
    this.status = status;
    this.reason = parsed.reason ?? '';
    this.causes = parsed.details?.causes ?? [];
    this.actingAs = actingAs;
  }
}

/** A person the API server is asked to act as (Impersonate-User / Impersonate-Group). */
export interface Impersonation {
  user: string;
  groups: string[];
  /**
   * Their rules review in this cluster was incomplete (a webhook in the authorizer chain), as
   * KubeAccess last learned it: a refusal is then the chain's, not RBAC's alone (mapKubeError).
   */
  incomplete?: boolean;
}

/** An error answer is a Status object or a proxy's page: never more than this is read of it. */
const ERROR_BODY_MAX = 64 * 1024;

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * One context's HTTP access to the API server. The generated client deserializes into
 * class instances (dates as Date); the watch stream is raw JSON. We speak raw JSON
 * everywhere, through one keep-alive agent, so the caches hold one representation and a
 * 10k-pod list is parsed once, not twice.
 */
export class KubeClient {
  readonly context: string;
  readonly server: string;
  private readonly kc: KubeConfig;
  /** One keep-alive pool for this context, shared with the clients that impersonate on it. */
  private readonly pool: { agent?: http.Agent | undefined };
  private readonly identity: Impersonation | undefined;

  constructor(
    kc: KubeConfig,
    context: string,
    pool: KubeClient['pool'] = {},
    identity?: Impersonation,
  ) {
    this.kc = kc;
    this.context = context;
    this.pool = pool;
    this.identity = identity;
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error(`kubeconfig context ${context} names no cluster`);
    this.server = cluster.server.replace(/\/$/, '');
  }

  /**
   * This context's client acting as a person: the orchestrator's credentials ask the API
   * server to impersonate them, so the cluster's RBAC for that person decides.
   */
  as(identity: Impersonation): KubeClient {
    return new KubeClient(this.kc, this.context, this.pool, identity);
  }

  /** Auth is applied per request: exec and token-file credentials rotate. */
  private async options(method: string, url: URL, headers: http.OutgoingHttpHeaders) {
    const opts: https.RequestOptions = { method, headers: { ...headers } };
    await this.kc.applyToHTTPSOptions(opts);
    if (this.identity) {
      opts.headers = {
        ...opts.headers,
        'Impersonate-User': this.identity.user,
        ...(this.identity.groups.length > 0 ? { 'Impersonate-Group': this.identity.groups } : {}),
      };
    }
    if (!this.pool.agent) {
      const tls = { ca: opts.ca, cert: opts.cert, key: opts.key, servername: opts.servername };
      this.pool.agent =
        url.protocol === 'https:'
          ? new https.Agent({
              keepAlive: true,
              ...tls,
              ...(opts.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
            })
          : new http.Agent({ keepAlive: true });
    }
    opts.agent = this.pool.agent;
    return opts;
  }

  private url(path: string, query: RequestOptions['query']): URL {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    return url;
  }

  private async open(
    method: string,
    path: string,
    o: RequestOptions,
  ): Promise<http.IncomingMessage> {
    const url = this.url(path, o.query);
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) {
      headers['content-type'] = o.contentType ?? 'application/json';
      // Without a length Node sends a DELETE body chunked; the API server answers before the
      // final chunk, which then poisons the next request on the kept-alive socket (HTTP 400).
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const opts = await this.options(method, url, headers);
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(url, { ...opts, signal: o.signal }, resolve);
      req.on('error', reject);
      if (o.timeoutMs) {
        req.setTimeout(o.timeoutMs, () =>
          req.destroy(new Error(`no answer from ${this.server} in ${o.timeoutMs} ms`)),
        );
      }
      req.end(body);
    });
  }

  private static async readAll(res: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async text(method: string, path: string, o: RequestOptions = {}): Promise<string> {
    const res = await this.open(method, path, { timeoutMs: 30_000, ...o });
    const text = await KubeClient.readAll(res);
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) throw new KubeApiError(status, text, this.identity);
    return text;
  }

  /**
   * A text answer read up to `max` bytes (the rest is never buffered; the connection is
   * dropped), the last character kept whole. For answers the API server streams from a
   * kubelet, whose size it does not bound: pod logs.
   */
  async textCapped(
    method: string,
    path: string,
    max: number,
    o: RequestOptions = {},
  ): Promise<{ text: string; truncated: boolean }> {
    const res = await this.open(method, path, { timeoutMs: 30_000, ...o });
    const status = res.statusCode ?? 0;
    const { bytes, truncated } = await readCapped(
      res,
      status >= 200 && status < 300 ? max : ERROR_BODY_MAX,
    );
    // stream: true holds back a character the cap cut in two instead of turning it into U+FFFD.
    const text = new TextDecoder('utf-8').decode(bytes, { stream: truncated });
    if (status < 200 || status >= 300) throw new KubeApiError(status, text, this.identity);
    return { text, truncated };
  }

  async request<T>(method: string, path: string, o: RequestOptions = {}): Promise<T> {
    return JSON.parse(await this.text(method, path, o)) as T;
  }

  /**
   * Streams a watch: `onLine` gets each parsed event; resolves when the server ends the
   * stream, rejects on a non-200 answer or a broken connection. `onOpen` fires on 200.
   */
  async watch(
    path: string,
    query: RequestOptions['query'],
    onEvent: (event: { type: string; object: unknown }) => void,
    signal: AbortSignal,
    onOpen: () => void,
  ): Promise<void> {
    const res = await this.open('GET', path, {
      query: { ...query, watch: true },
      signal,
      timeoutMs: 15_000,
    });
    if (res.statusCode !== 200)
      throw new KubeApiError(res.statusCode ?? 0, await KubeClient.readAll(res));
    // The connect timeout above is for the handshake only; silence is the watchdog's job.
    res.socket.setTimeout(0);
    onOpen();
    const lines = createInterface({ input: res, crlfDelay: Infinity });
    await new Promise<void>((resolve, reject) => {
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('watch connection aborted')));
      lines.on('error', reject);
      lines.on('line', (line) => {
        if (!line) return;
        let event: { type: string; object: unknown };
        try {
          event = JSON.parse(line) as typeof event;
        } catch {
          return; // a torn line at a broken connection; the restart resumes from the last rv
        }
        try {
          onEvent(event);
        } catch (err) {
          // An ERROR event (410 Gone) ends this watch; the caller decides what follows.
          reject(err instanceof Error ? err : new Error(String(err)));
          res.destroy();
        }
      });
      lines.on('close', resolve);
    });
  }

  close(): void {
    this.pool.agent?.destroy();
    this.pool.agent = undefined;
  }
}
