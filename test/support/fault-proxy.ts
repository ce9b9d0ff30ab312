import { createServer, request, type Server } from 'node:http';

/**
 * An HTTP proxy in front of a real emulator that answers the requests `fail` picks with an
 * EC2-style error instead of forwarding them: for failures the emulator cannot produce (moto
 * finishes a stop at once, so a stop-wait that never ends has to be made here).
 */
export interface FaultProxy {
  endpoint: string;
  /** Decides per request body (the form-encoded EC2 query) whether to fail it. */
  fail: (body: string) => boolean;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const proxy: FaultProxy = { endpoint: '', fail: () => false, close: async () => {} };
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
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
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
