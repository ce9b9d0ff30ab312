// Files the control plane reads: kubeconfigs, the token file, the scheduler, kwok and
// Prometheus configuration. Kept apart from up.ts so the start-up sequence reads plainly.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KUBECONFIG, LAB_DIR, PKI_DIR, run } from './util.ts';

export interface Ports {
  etcd: number;
  etcdPeer: number;
  apiserver: number;
  controllerManager: number;
  scheduler: number;
  kwok: number;
  exporter: number;
  prometheus: number;
  moto: number;
}

export interface Tokens {
  admin: string;
  viewer: string;
}

const b64 = (file: string) => readFileSync(join(PKI_DIR, file)).toString('base64');

export function kubeconfigYaml(server: string, user: string, certName: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: lab
  cluster:
    server: ${server}
    certificate-authority-data: ${b64('ca.crt')}
users:
- name: ${user}
  user:
    client-certificate-data: ${b64(`${certName}.crt`)}
    client-key-data: ${b64(`${certName}.key`)}
contexts:
- name: lab
  context: {cluster: lab, user: ${user}}
current-context: lab
`;
}

/** Admin kubeconfig at .lab/kubeconfig plus one per component under .lab/kube/. */
export function writeKubeconfigs(apiserverPort: number): void {
  const server = `https://127.0.0.1:${apiserverPort}`;
  writeFileSync(KUBECONFIG, kubeconfigYaml(server, 'lab-admin', 'admin'), { mode: 0o600 });
  for (const c of ['controller-manager', 'scheduler', 'kwok', 'exporter']) {
    writeFileSync(join(LAB_DIR, 'kube', `${c}.kubeconfig`), kubeconfigYaml(server, c, c), {
      mode: 0o600,
    });
  }
}

/**
 * Static bearer tokens (kube-apiserver --token-auth-file): an admin in system:masters and a
 * viewer with no bindings at all, so RBAC tests can grant it exactly what they test.
 */
export function writeTokens(): Tokens {
  const file = join(PKI_DIR, 'tokens.csv');
  if (existsSync(file)) {
    const [admin, viewer] = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(',')[0] ?? '');
    return { admin: admin ?? '', viewer: viewer ?? '' };
  }
  const t = { admin: randomBytes(24).toString('hex'), viewer: randomBytes(24).toString('hex') };
  writeFileSync(
    file,
    `${t.admin},lab-admin-token,uid-lab-admin,"system:masters"\n${t.viewer},lab-viewer,uid-lab-viewer\n`,
    { mode: 0o600 },
  );
  return t;
}

/** The scheduler's client QPS is only settable in its config file. */
export function writeSchedulerConfig(): string {
  const file = join(LAB_DIR, 'kube', 'scheduler.yaml');
  writeFileSync(
    file,
    `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
clientConnection:
  kubeconfig: ${join(LAB_DIR, 'kube', 'scheduler.kubeconfig')}
  qps: 1000
  burst: 2000
leaderElection:
  leaderElect: false
`,
  );
  return file;
}

/** kwok's default Stage set, printed by our kwok build from the pinned kwok release. */
export async function writeKwokConfig(kwokBin: string): Promise<string> {
  const file = join(LAB_DIR, 'kwok.yaml');
  // kwok plays 4 pod stages at a time by default: ~15 pods/s to Running on this
  // hardware. Scale mode (10k pods) needs more in flight; the apiserver is unthrottled.
  const options = `apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokConfiguration
options:
  podPlayStageParallelism: 64
  nodePlayStageParallelism: 16
  nodeLeaseParallelism: 16
`;
  writeFileSync(file, `${options}---\n${await run(kwokBin, ['default-stages'])}`);
  return file;
}

export function writePrometheusConfig(ports: Ports): string {
  const file = join(LAB_DIR, 'prometheus.yml');
  // instance is pinned so backfilled samples (which carry the same label) join the live
  // series even though the exporter's port changes on every `lab up`.
  writeFileSync(
    file,
    `global:
  scrape_interval: 10s
  evaluation_interval: 10s
scrape_configs:
  - job_name: lab-exporter
    honor_labels: true
    scrape_timeout: 10s
    static_configs:
      - targets: ['127.0.0.1:${ports.exporter}']
    relabel_configs:
      - target_label: instance
        replacement: lab-exporter
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:${ports.prometheus}']
`,
  );
  return file;
}

export function writeEnv(ports: Ports, tokens: Tokens): Record<string, string> {
  const env = {
    KUBECONFIG,
    PROMETHEUS_URL: `http://127.0.0.1:${ports.prometheus}`,
    AWS_ENDPOINT: `http://127.0.0.1:${ports.moto}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    LAB_APISERVER_URL: `https://127.0.0.1:${ports.apiserver}`,
    LAB_ADMIN_TOKEN: tokens.admin,
    LAB_VIEWER_TOKEN: tokens.viewer,
  };
  writeFileSync(
    join(LAB_DIR, 'env'),
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n',
  );
  return env;
}
