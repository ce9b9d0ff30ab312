// Helpers shared by the Kubernetes integration tests: kubectl against the lab, scratch
// namespaces (the lab is shared, so every test file works in its own), identities.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { aggregate } from '../../src/metrics/aggregate.ts';
import { HOUR, rollUp, RollupStore } from '../../src/metrics/rollups.ts';
import { KubeClient } from '../../src/providers/kubernetes/client.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import { startOidcProvider } from '../lab/lib/oidc.ts';
import { API_TOKENS, startTestApp, type TestApp } from '../support/app.ts';
import { labEnv } from '../support/lab.ts';
import { ROOT } from '../support/process.ts';

export function lab(): Record<string, string> {
  return labEnv();
}

export function kubectlBin(): string {
  // The lab named by LAB_DIR, like lab(): another checkout may have no .lab of its own.
  const dir = process.env.LAB_DIR ?? join(ROOT, '.lab');
  const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as {
    binDir: string;
  };
  return join(state.binDir, 'kubectl');
}

export function kubectl(
  args: string[],
  opts: { input?: string; kubeconfig?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      kubectlBin(),
      ['--kubeconfig', opts.kubeconfig ?? lab().KUBECONFIG ?? '', ...args],
      { maxBuffer: 1024 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr || err.message}`))
          : resolve(stdout),
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

export async function kubectlJson<T>(args: string[]): Promise<T> {
  return JSON.parse(await kubectl([...args, '-o', 'json'])) as T;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `fn` returns without throwing; rethrows its last error at the deadline. */
export async function eventually<T>(
  fn: () => T | Promise<T>,
  timeoutMs = 15_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(everyMs);
    }
  }
}

/** A namespace of our own on the shared lab; `drop()` deletes it without waiting. */
export async function scratchNamespace(
  prefix = 'k8s-test',
): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  await kubectl(['create', 'namespace', name]);
  return {
    name,
    drop: () => kubectl(['delete', 'namespace', name, '--wait=false']).then(() => undefined),
  };
}

export function deploymentYaml(ns: string, name: string, replicas: number, extra = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}, labels: {app: ${name}}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: registry.example/${name}:1
        resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
${extra}`;
}

/** A kubeconfig that talks to the lab as the given bearer token (e.g. the view-bound identity). */
export function tokenKubeconfig(
  token: string,
  context = 'lab-token',
  server = lab().LAB_APISERVER_URL,
): string {
  const admin = readFileSync(lab().KUBECONFIG ?? '', 'utf8');
  const ca = /certificate-authority-data:\s*(\S+)/.exec(admin)?.[1] ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'oi-kube-'));
  const file = join(dir, 'kubeconfig');
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
- name: lab
  cluster: {server: ${server}, certificate-authority-data: ${ca}}
users:
- name: token-user
  user: {token: ${token}}
contexts:
- name: ${context}
  context: {cluster: lab, user: token-user}
current-context: ${context}
`,
  );
  return file;
}

export function kubeProvider(t: TestApp): KubernetesProvider {
  const p = t.app.services.providers.providers.find((x) => x instanceof KubernetesProvider);
  if (!p) throw new Error('no Kubernetes provider in the app');
  return p;
}

/** One hour of every pod's and node's cost in the app's stores, from their requests (no usage). */
export async function costHour(t: TestApp, hour: number): Promise<void> {
  const kube = kubeProvider(t);
  const none = { get: () => undefined, size: 0 };
  await new RollupStore(t.app.services.db).write(
    HOUR,
    hour,
    rollUp([await aggregate(kube, none, hour)]),
  );
  await t.app.services.cost.record(kube);
}

export async function waitReady(
  p: { notReadyReason(): string | null },
  timeoutMs = 120_000,
): Promise<number> {
  const t0 = performance.now();
  await eventually(
    () => {
      const why = p.notReadyReason();
      if (why) throw new Error(why);
    },
    timeoutMs,
    20,
  );
  return performance.now() - t0;
}

/** The lab's kubeconfig, loaded (its current context is the lab). */
export function labKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(lab().KUBECONFIG ?? '');
  return kc;
}

/** Sum of apiserver_request_total for LIST requests on the given resources. */
export async function apiserverListCount(resources: string[]): Promise<number> {
  const kc = labKubeConfig();
  const client = new KubeClient(kc, kc.getCurrentContext());
  const text = await client.text('GET', '/metrics');
  client.close();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const labels = line.slice(line.indexOf('{') + 1, line.lastIndexOf('}'));
    if (!labels.includes('verb="LIST"')) continue;
    const resource = /(?:^|,)resource="([^"]*)"/.exec(labels)?.[1] ?? '';
    if (resources.includes(resource)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

/** A real app watching the lab's cluster and Prometheus, returned once its caches have synced. */
export async function startLabApp(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await startTestApp({
    API_TOKENS,
    KUBECONFIG: lab().KUBECONFIG ?? '',
    PROMETHEUS_URL: lab().PROMETHEUS_URL ?? '',
    ...env,
  });
  await waitReady(kubeProvider(t));
  return t;
}

/** Binds the lab OIDC provider's alice (`oidc:u-alice`) to a ClusterRole in one namespace. */
export function bindAlice(namespace: string, clusterrole: string): Promise<string> {
  return kubectl([
    'create',
    'rolebinding',
    `alice-${clusterrole}`,
    '-n',
    namespace,
    `--clusterrole=${clusterrole}`,
    '--user=oidc:u-alice',
  ]);
}

/**
 * KUBE_IMPERSONATION=on on the lab: its OIDC provider, two scratch namespaces with a
 * Deployment `web` each, alice bound to `clusterrole` in the first, and an app signing people
 * in through the provider (sre = operator, admins = admin; `env` added to its environment),
 * returned once its caches synced.
 */
export async function startImpersonationLab(
  prefix: string,
  clusterrole: string,
  env: Record<string, string> = {},
) {
  const idp = await startOidcProvider();
  const mine = await scratchNamespace(`${prefix}-mine`);
  const other = await scratchNamespace(`${prefix}-other`);
  for (const ns of [mine.name, other.name]) {
    await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns, 'web', 1) });
  }
  await bindAlice(mine.name, clusterrole);
  const t = await startLabApp({
    PROMETHEUS_URL: '',
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: 'orchestrator',
    OIDC_ROLES: 'sre=operator,admins=admin',
    KUBE_IMPERSONATION: 'on',
    ...env,
  });
  return {
    idp,
    t,
    mine,
    other,
    close: async () => {
      await t.close();
      await idp.stop();
      await mine.drop();
      await other.drop();
    },
  };
}
