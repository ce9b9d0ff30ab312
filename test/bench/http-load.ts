// The HTTP load generator and statistics shared by the benches that compare servers (or one
// server under two credentials) in alternating slices.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type SelectionSetNode } from 'graphql';
import { ResourcesQuery } from '../../src/dashboard/operations.ts';
import { ROOT } from '../support/process.ts';
import { sleep } from '../integration/kubernetes-support.ts';

export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
export const out = (s: string) => process.stdout.write(`${s}\n`);

/** CPU time (user + system) a process has used so far, ms. */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

export function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function waitHttp(url: string, ok = 200): Promise<void> {
  for (;;) {
    const s = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (s === ok) return;
    await sleep(100);
  }
}

/** Latencies (ms) of the requests completed by `concurrency` keep-alive clients in `seconds`. */
export async function load(
  url: string,
  body: string,
  seconds: number,
  concurrency: number,
  token?: string,
  accept?: string,
): Promise<number[]> {
  const latencies: number[] = [];
  const headers = {
    'content-type': 'application/json',
    ...(accept ? { accept } : {}),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const res = await fetch(url, { method: 'POST', headers, body });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

export const summary = (latencies: number[], seconds: number) => ({
  rps: latencies.length / seconds,
  p50: pct(latencies, 0.5),
  p99: pct(latencies, 0.99),
});

/**
 * Ratios of runs made in alternating order (run i second when i is odd), in pairs: the geometric
 * mean of each pair's two ratios, which cancels whatever favours the side that runs second.
 */
export const orderBalanced = (ratios: number[]) =>
  ratios.flatMap((r, i) => (i % 2 === 1 ? [Math.sqrt(r * (ratios[i - 1] ?? r))] : []));

export const perSlice = (rs: number[]) =>
  `per slice ${rs.map((r) => `${(100 * r).toFixed(0)}%`).join(' ')} (median ${(100 * median(rs)).toFixed(0)}%)`;

/** The dashboard's pod page: first 100 pods of a namespace with their deployment and node. */
export const DASHBOARD = `query Dashboard($ns: String!) {
  resources(filter: { namespaces: [$ns], kinds: [POD] }, first: 100) {
    totalCount
    edges { node { __typename id name state ... on Pod { phase restarts ip
      workload { __typename id name state ... on Deployment { desiredReplicas readyReplicas } }
      node { __typename id name state unschedulable } } } }
  }
}`;

/**
 * The dashboard's resource list (`DashResources`, src/dashboard/operations.ts) as the dashboard
 * sends it (src/dashboard/api.ts: the persisted manifest's text, its hash as the APQ extension,
 * the view's variables) and the Accept header it sends.
 */
export const DASH_ACCEPT = 'application/graphql-response+json, application/json';
const DASH_HASH = (ResourcesQuery as unknown as { __meta__: { hash: string } }).__meta__.hash;
export const DASH_RESOURCES =
  (
    JSON.parse(
      readFileSync(
        new URL('../../src/dashboard/gql/persisted-documents.json', import.meta.url),
        'utf8',
      ),
    ) as Record<string, string>
  )[DASH_HASH] ?? '';
export const dashResourcesBody = (variables: Record<string, unknown>) =>
  JSON.stringify({
    query: DASH_RESOURCES,
    variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: DASH_HASH.slice('sha256:'.length) } },
  });

/**
 * The query with `__typename` in every selection set: what a plain yoga baseline needs in its
 * precomputed data to resolve abstract types the query itself does not ask the type of.
 */
export function withTypenames(query: string): string {
  const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;
  return print(
    visit(parse(query), {
      SelectionSet: (set: SelectionSetNode) => ({
        ...set,
        selections: [...set.selections, typename],
      }),
    }),
  );
}
