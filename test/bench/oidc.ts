// OIDC bench against the lab's OIDC provider (not part of npm test):
//   node test/bench/oidc.ts [--namespace lab-demo] [--seconds 20] [--slices 10] [--concurrency 8]
//     [--only impersonation]
// With `--namespace lab-scale` after `npm run lab:seed -- --scale 10000` the orchestrator
// watches 10,000 pods in that namespace (phase 3 at the issue's scale).
// 1. the cost of authenticating one request, in-process: a static token (one hash) against
//    an OIDC ID token (static lookup misses, then jose verifies the RS256 signature and the
//    claims with the JWKS cached), in alternating blocks;
// 2. dashboard throughput of one orchestrator process (node src/main.ts, production) with
//    the same query sent under the static token and under the OIDC token in alternating
//    slices, so the only difference is the credential. Target: OIDC >= 90% of static.
// 3. the same with KUBE_IMPERSONATION=on, where the OIDC person's reads are filtered by the
//    cluster's RBAC (alice bound to `view` in the namespace and to reading nodes, so both
//    answers hold the same objects): the per-request cost of that filtering against the
//    static token, which is not filtered. Target (issue 23): >= 90% of static. Two queries:
//    the pod page, and the front page (the overview's counts, actions and advice, which a
//    person's scope sums object by object over the whole cache, beside the same pod page);
//    besides the whole-run ratio, each pair of slices (one in each order) gives the geometric
//    mean of its two ratios, which cancels the order effect, and each slice the server's CPU
//    per request; their medians are the figures least moved by the machine's other load;
// 4. in-process, at 10,000 cached pods (the shared lab has far fewer): one page of 100 and its
//    totalCount, unfiltered against filtered by a person's scope, for a page her rules cover
//    (one namespace she may read), pages narrowed to her namespaces (none or both asked for),
//    one tested object by object (no kind asked: cluster-scoped kinds may be in it), and that
//    one again with the store changing before each request (no cached count).
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TokenAuthenticator } from '../../src/auth/tokens.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { PersonScope } from '../../src/providers/kubernetes/person-scope.ts';
import { kindSpec, toResource } from '../../src/providers/kubernetes/kinds.ts';
import { ResourceStore } from '../../src/providers/kubernetes/store.ts';
import type { KubeObject } from '../../src/providers/kubernetes/types.ts';
import type { Provider, ResourceFilter } from '../../src/providers/provider.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { kubectl, lab } from '../integration/kubernetes-support.ts';
import { startOidcProvider } from '../lab/lib/oidc.ts';
import { dropClusterWide, grantClusterWide, READ_NODES } from '../support/impersonation.ts';
import {
  cpuMs,
  DASHBOARD,
  load,
  median,
  orderBalanced,
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
    only: { type: 'string' },
  },
});

/** The dashboard's front page: counts, recent actions and advice, beside the pod page. */
const FRONT_PAGE = DASHBOARD.replace(
  'query Dashboard($ns: String!) {',
  `query FrontPage($ns: String!) {
  overview { resources { total byKind { key count } byState { key count } }
    recentActions { id } recommendations { count totalMonthlySavings } }`,
);
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

async function dashboard(
  oidcEnv: Record<string, string>,
  jwt: string,
  label: string,
  queries: [string, string][] = [['dashboard query', DASHBOARD]],
): Promise<void> {
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
    const c = Number(opts.concurrency);
    const seconds = Number(opts.seconds);
    const slices = Number(opts.slices);
    const count = async (where: string[]) =>
      (await kubectl(['get', 'pods', ...where, '--no-headers'])).split('\n').filter(Boolean).length;
    const pods = await count(['-A']);
    const here = await count(['-n', opts.namespace]);
    for (const [name, query] of queries) {
      const body = JSON.stringify({ query, variables: { ns: opts.namespace } });
      await load(url, body, 5, c, STATIC); // warm-up, both
      await load(url, body, 5, c, jwt);
      // Alternating slices, each credential first in turn. Around each slice: the server's
      // CPU time (its capacity, whatever the machine's other load) and this process's (the
      // load generator's: when the server idles, the clients bound the throughput).
      const sides = [
        { label: 'static token', token: STATIC },
        { label: 'OIDC token', token: jwt },
      ].map((side) => ({
        ...side,
        latencies: [] as number[],
        rates: [] as number[],
        /** Server CPU ms per request, slice by slice. */
        cpu: [] as number[],
        server: 0,
        client: 0,
      }));
      for (let i = 0; i < slices; i++) {
        for (let k = 0; k < sides.length; k++) {
          const side = sides[(i + k) % sides.length] as (typeof sides)[number];
          const server = cpuMs(app.pid);
          const client = process.cpuUsage();
          const l = await load(url, body, seconds / slices, c, side.token);
          const spent = cpuMs(app.pid) - server;
          side.server += spent;
          side.cpu.push(spent / Math.max(1, l.length));
          const used = process.cpuUsage(client);
          side.client += (used.user + used.system) / 1000;
          side.latencies.push(...l);
          side.rates.push(l.length);
        }
      }
      out(
        `${name}${label} (first 100 of the ${here} pods of ${opts.namespace}, ${pods} pods in the lab; ${c} concurrent, ${seconds}s each in ${slices} alternating slices, one process; load ${loadavg()[0]?.toFixed(1)}):`,
      );
      const perRequest = sides.map((side) => ({
        server: side.server / side.latencies.length,
        client: side.client / side.latencies.length,
      }));
      for (const [j, side] of sides.entries()) {
        const s = summary(side.latencies, seconds);
        const cpu = perRequest[j] as { server: number; client: number };
        out(
          `  ${side.label}: ${s.rps.toFixed(0)} req/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms; CPU per request: server ${cpu.server.toFixed(2)} ms, load generator ${cpu.client.toFixed(2)} ms`,
        );
      }
      const [st, oi] = sides as [(typeof sides)[number], (typeof sides)[number]];
      const [stCpu, oiCpu] = [perRequest[0]?.server ?? NaN, perRequest[1]?.server ?? NaN];
      const ratios = oi.rates.map((n, i) => n / (st.rates[i] ?? 1));
      out(
        `  ratio: ${((100 * oi.latencies.length) / st.latencies.length).toFixed(0)}% of the static-token throughput; ${perSlice(ratios)}; server CPU per request ${((100 * stCpu) / oiCpu).toFixed(0)}%`,
      );
      // The side that runs second in a slice is favoured (the ratio swings with the order):
      // a pair of slices, one in each order, cancels that; its ratio is their geometric mean.
      const pairs = orderBalanced(ratios);
      const [stSlices, oiSlices] = [median(st.cpu), median(oi.cpu)];
      out(
        `  order-balanced: pairs of slices ${pairs.map((r) => `${(100 * r).toFixed(0)}%`).join(' ')} (median ${(100 * median(pairs)).toFixed(0)}%); server CPU per request, median of slices: static ${stSlices.toFixed(2)} ms, OIDC ${oiSlices.toFixed(2)} ms (${((100 * stSlices) / oiSlices).toFixed(0)}%)`,
      );
    }
  } finally {
    app.kill();
  }
}

function filterAt10k(): void {
  const store = new ResourceStore();
  const spec = kindSpec('POD');
  const pod = (ns: string, i: number) =>
    toResource('lab', spec, {
      metadata: { name: `p-${String(i).padStart(5, '0')}`, namespace: ns, uid: `${ns}-${i}` },
      status: { phase: 'Running' },
    } as KubeObject);
  for (let i = 0; i < 5_000; i++) {
    store.put(pod('shop', i));
    store.put(pod('other', i));
  }
  const kube = { name: 'KUBERNETES', enabled: true, page: store.page.bind(store) };
  const all = new ProviderRegistry([kube as unknown as Provider]);
  const ttl = { allowedMs: 60_000, deniedMs: 30_000 };
  const person = new PersonScope({ user: 'oidc:u-alice', groups: [] }, 'alice', ttl);
  person.rules.set('lab', {
    everywhere: new Set(),
    named: new Map(),
    byNamespace: new Map([
      [
        'shop',
        { kinds: new Set(['POD' as const]), named: new Map(), rules: [], incomplete: false },
      ],
    ]),
    incomplete: false,
  });
  person.complete = true;
  const hers = all.seenThrough(person);
  const churn = pod('other', 0);
  const everything: ResourceFilter = {};
  const cases: [string, ResourceFilter, boolean][] = [
    [
      'one namespace she may read (her rules cover it)',
      { namespaces: ['shop'], kinds: ['POD'] },
      false,
    ],
    ['pods of every namespace (narrowed to hers)', { kinds: ['POD'] }, false],
    [
      'pods of both namespaces (narrowed to hers)',
      { namespaces: ['shop', 'other'], kinds: ['POD'] },
      false,
    ],
    ['every kind (tested object by object)', everything, false],
    ['every kind, the store changing before each request (no cached count)', everything, true],
  ];
  const n = Number(opts.iterations) / 10;
  out(
    `per-person filter in-process, 10,000 cached pods (5,000 hers), page of 100 + totalCount, ${n} each alternating, µs per request:`,
  );
  for (const [label, filter, changing] of cases) {
    const us: [number[], number[]] = [[], []];
    for (let done = 0; done < n; done += 50) {
      for (const [i, registry] of [all, hers].entries()) {
        const t0 = performance.now();
        for (let k = 0; k < 50; k++) {
          if (changing) store.put(churn);
          registry.page(filter, { first: 100 });
        }
        us[i]?.push(((performance.now() - t0) * 1000) / 50);
      }
    }
    out(
      `  ${label}: orchestrator ${median(us[0]).toFixed(1)}, person ${median(us[1]).toFixed(1)} (${hers.page(filter, { first: 1 }).totalCount} of ${all.page(filter, { first: 1 }).totalCount} shown)`,
    );
  }
}

const impersonationOnly = opts.only === 'impersonation';
if (!impersonationOnly) filterAt10k();
const idp = await startOidcProvider();
try {
  const jwt = await idp.signIn('alice');
  const oidcEnv = {
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: 'orchestrator',
    OIDC_ROLES: 'sre=operator',
  };
  if (!impersonationOnly) {
    await perRequest(oidcEnv, jwt);
    await dashboard(oidcEnv, jwt, '');
  }
  // Alice reads the namespace (view) and the nodes its pods name, as herself.
  const binding = `bench-alice-${process.pid}`;
  await grantClusterWide(binding, 'oidc:u-alice', READ_NODES);
  try {
    await kubectl(['apply', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${binding}, namespace: ${opts.namespace}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: 'oidc:u-alice'}]
`,
    });
    await dashboard(
      { ...oidcEnv, KUBE_IMPERSONATION: 'on' },
      jwt,
      ' with KUBE_IMPERSONATION=on (OIDC reads filtered by RBAC)',
      [
        ['pod page', DASHBOARD],
        ['front page (overview counts, actions, advice + pod page)', FRONT_PAGE],
      ],
    );
  } finally {
    await dropClusterWide(binding);
    await kubectl(['delete', 'rolebinding', '-n', opts.namespace, binding, '--ignore-not-found']);
  }
} finally {
  await idp.stop();
}
