import { writeFileSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * An HTTP proxy in front of a real emulator that answers the requests `fail` picks with an
 * EC2-style error instead of forwarding them: for failures the emulator cannot produce (moto
 * finishes a stop at once, so a stop-wait that never ends has to be made here).
 */
export interface FaultProxy {
  endpoint: string;
  /** Decides per request body (the form-encoded EC2 query) whether to fail it. */
  fail: (body: string) => boolean;
  /**
   * Rewrites the emulator's answer to a request (given both bodies), e.g. to show a stop that
   * takes its time; undefined forwards answers unchanged.
   */
  rewrite: ((request: string, response: string) => string) | undefined;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const proxy: FaultProxy = {
    endpoint: '',
    fail: () => false,
    rewrite: undefined,
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (proxy.fail(body.toString())) {
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end(
          '<Response><Errors><Error><Code>UnauthorizedOperation</Code>' +
            '<Message>injected by the test proxy</Message></Error></Errors>' +
            '<RequestID>fault</RequestID></Response>',
        );
        return;
      }
      const out = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          const rewrite = proxy.rewrite;
          if (!rewrite) {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
            return;
          }
          const parts: Buffer[] = [];
          up.on('data', (c: Buffer) => parts.push(c));
          up.on('end', () => {
            const text = rewrite(body.toString(), Buffer.concat(parts).toString());
            const { 'content-length': _, 'transfer-encoding': __, ...headers } = up.headers;
            res.writeHead(up.statusCode ?? 502, {
              ...headers,
              'content-length': Buffer.byteLength(text),
            });
            res.end(text);
          });
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  proxy.endpoint = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  proxy.close = () => new Promise((resolve) => server.close(() => resolve()));
  return proxy;
}

/**
 * A plain-HTTP front of a real Kubernetes API server that forwards every request (watches
 * stream through) with the kubeconfig's credentials, except those `answer` takes over: for
 * answers the lab cannot give (kwok's nodes serve no pod logs).
 */
export interface KubeProxy {
  /** A kubeconfig (file path) whose one context reaches the API server through this proxy. */
  kubeconfig: string;
  /** Answers the request itself and returns true, or returns false to forward it. */
  answer: (req: IncomingMessage, res: ServerResponse) => boolean;
  close(): Promise<void>;
}

export async function startKubeProxy(kc: KubeConfig, dir: string): Promise<KubeProxy> {
  const upstream = new URL(kc.getCurrentCluster()?.server ?? '');
  const open = new Set<Socket>();
  const proxy: KubeProxy = { kubeconfig: '', answer: () => false, close: async () => {} };
  const server = createServer((req, res) => {
    if (proxy.answer(req, res)) return;
    void (async () => {
      const opts: https.RequestOptions = {
        method: req.method,
        headers: { ...req.headers, host: upstream.host },
      };
      await kc.applyToHTTPSOptions(opts);
      const out = https.request(new URL(req.url ?? '/', upstream), opts, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        res.on('close', () => up.destroy());
      });
      out.on('error', () => res.destroy());
      req.pipe(out);
    })();
  });
  server.on('connection', (s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  proxy.kubeconfig = join(dir, 'proxied.kubeconfig');
  writeFileSync(
    proxy.kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
- name: proxied
  cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}
users:
- name: proxied
  user: {}
contexts:
- name: proxied
  context: {cluster: proxied, user: proxied}
current-context: proxied
`,
  );
  proxy.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of open) s.destroy();
    });
  return proxy;
}
