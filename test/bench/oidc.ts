// OIDC bench against the lab's OIDC provider (not part of npm test):
//   node test/bench/oidc.ts [--namespace lab-demo] [--seconds 20] [--slices 10] [--concurrency 8]
// 1. the cost of authenticating one request, in-process: a static token (one hash) against
//    an OIDC ID token (static lookup misses, then jose verifies the RS256 signature and the
//    claims with the JWKS cached), in alternating blocks;
// 2. dashboard throughput of one orchestrator process (node src/main.ts, production) with
//    the same query sent under the static token and under the OIDC token in alternating
//    slices, so the only difference is the credential. Target: OIDC >= 90% of static.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TokenAuthenticator } from '../../src/auth/tokens.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { lab } from '../integration/kubernetes-support.ts';
import { startOidcProvider } from '../lab/lib/oidc.ts';
import {
  DASHBOARD,
  load,
  median,
  out,
  perSlice,
  spawnNode,
  summary,
  waitHttp,
} from './http-load.ts';

const { values: opts } = parseArgs({
  options: {
    namespace: { type: 'string', default: 'lab-demo' },
    seconds: { type: 'string', default: '20' },
    slices: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '8' },
    iterations: { type: 'string', default: '10000' },
  },
});
const STATIC = 'bench-operator-secret-0123456789';

async function authenticator(env: Record<string, string>): Promise<TokenAuthenticator> {
  const { auth } = loadConfig({ API_TOKENS: `bench:operator:${STATIC}`, ...env });
  const a = new TokenAuthenticator(auth);
  // With API_TOKENS set, init() hashes the configured tokens and never reads the database.
  await a.init(null as never, createLogger('silent'));
  return a;
}

async function perRequest(oidcEnv: Record<string, string>, jwt: string): Promise<void> {
  const cached = await authenticator(oidcEnv);
  const uncached = await authenticator({ ...oidcEnv, OIDC_TOKEN_CACHE_SECONDS: '0' });
  const cases: [string, TokenAuthenticator, string, string][] = [
    ['static token', cached, STATIC, 'bench'],
    ['OIDC token, verified result cached (default, 10 s)', cached, jwt, 'oidc:u-alice'],
    ['OIDC token, full RS256 verification, JWKS cached', uncached, jwt, 'oidc:u-alice'],
  ];
  for (const [, a, token, expected] of cases) {
    const v = await a.resolve(`Bearer ${token}`); // discovery + JWKS fetch, once
    if (!('name' in v) || v.name !== expected) throw new Error(`refused: ${JSON.stringify(v)}`);
  }
  const n = Number(opts.iterations);
  const block = 500;
  const us: number[][] = cases.map(() => []);
  for (let done = 0; done < n; done += block) {
    for (const [i, [, a, token]] of cases.entries()) {
      const header = `Bearer ${token}`;
      const t0 = performance.now();
      for (let k = 0; k < block; k++) await a.resolve(header);
      us[i]?.push(((performance.now() - t0) * 1000) / block);
    }
  }
  out(
    `authentication per request, in-process (${n} each, alternating blocks of ${block}, median of block means):`,
  );
  for (const [i, [label]] of cases.entries())
    out(`  ${label}: ${median(us[i] ?? []).toFixed(1)} µs`);
}

async function dashboard(oidcEnv: Record<string, string>, jwt: string): Promise<void> {
  const port = '18191';
  const app = spawnNode(['src/main.ts'], {
    PORT: port,
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'oi-bench-oidc-')),
    API_TOKENS: `bench:operator:${STATIC}`,
    KUBECONFIG: lab().KUBECONFIG ?? '',
    AWS_ENDPOINT: '',
    AWS_REGION: '',
    AWS_REGIONS: '',
    PROMETHEUS_URL: '',
    // Throughput is the measure: one principal's rate limit would cap it.
    RATE_LIMIT_PER_SECOND: '0',
    ...oidcEnv,
  });
  try {
    await waitHttp(`http://127.0.0.1:${port}/ready`);
    const url = `http://127.0.0.1:${port}/graphql`;
    const body = JSON.stringify({ query: DASHBOARD, variables: { ns: opts.namespace } });
    const c = Number(opts.concurrency);
    const seconds = Number(opts.seconds);
    const slices = Number(opts.slices);
    await load(url, body, 5, c, STATIC); // warm-up, both
    await load(url, body, 5, c, jwt);
    const staticAll: number[] = [];
    const oidcAll: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < slices; i++) {
      const s = await load(url, body, seconds / slices, c, STATIC);
      const o = await load(url, body, seconds / slices, c, jwt);
      staticAll.push(...s);
      oidcAll.push(...o);
      ratios.push(o.length / s.length);
    }
    const st = summary(staticAll, seconds);
    const oi = summary(oidcAll, seconds);
    out(
      `dashboard query (first 100 pods of ${opts.namespace}; ${c} concurrent, ${seconds}s each in ${slices} alternating slices, one process):`,
    );
    out(
      `  static token: ${st.rps.toFixed(0)} req/s, p50 ${st.p50.toFixed(1)} ms, p99 ${st.p99.toFixed(1)} ms`,
    );
    out(
      `  OIDC token:   ${oi.rps.toFixed(0)} req/s, p50 ${oi.p50.toFixed(1)} ms, p99 ${oi.p99.toFixed(1)} ms`,
    );
    out(
      `  ratio: ${((100 * oi.rps) / st.rps).toFixed(0)}% of the static-token throughput; ${perSlice(ratios)}`,
    );
  } finally {
    app.kill();
  }
}

const idp = await startOidcProvider();
try {
  const jwt = await idp.signIn('alice');
  const oidcEnv = {
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: 'orchestrator',
    OIDC_ROLES: 'sre=operator',
  };
  await perRequest(oidcEnv, jwt);
  await dashboard(oidcEnv, jwt);
} finally {
  await idp.stop();
}
