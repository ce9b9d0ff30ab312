import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type * as K8s from '@kubernetes/client-node';
import type { KubeConfig } from '@kubernetes/client-node';
import type { WatcherTuning } from './informer.ts';

// Where the Kubernetes provider finds its clusters: the options it is opened with, and the
// kubeconfig files (or the in-cluster service account) they name.

/** Where a pod's service account token and CA are mounted. */
const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export type ClientModule = typeof K8s;

export interface KubernetesOptions {
  /** KUBECONFIG: one path or several joined by the platform's delimiter. */
  kubeconfig: string | undefined;
  /** KUBE_CONTEXTS; empty means the kubeconfig's current context. */
  contexts: string[];
  tuning?: Partial<WatcherTuning>;
  /** POD_LOGS_MAX_BYTES: the most of a log `podLogs` reads (and asks the API server for). */
  podLogsMaxBytes?: number;
  /** KUBE_IMPERSONATION=on: a signed-in person's actions run as them. */
  impersonation?: boolean;
  /** Test seam: where ~/.kube/config would be. */
  home?: string;
  /**
   * Test seam: the directory the in-cluster paths (`/var/run/secrets/…`) are read under, so a
   * test can lay out a token and CA in a temporary directory; production reads them from `/`.
   */
  serviceAccountRoot?: string;
}

/** The kubeconfig files to read, or the in-cluster service account: found without the client. */
export function configSource(
  opts: KubernetesOptions,
): { paths: string[] } | { inCluster: string } | undefined {
  const paths = opts.kubeconfig?.split(delimiter).filter(Boolean) ?? [];
  if (paths.length === 0) {
    const home = join(opts.home ?? homedir(), '.kube', 'config');
    if (existsSync(home)) paths.push(home);
  }
  if (paths.length > 0) return { paths };
  const root = opts.serviceAccountRoot ?? '';
  if (existsSync(`${root}${SERVICE_ACCOUNT_TOKEN}`)) return { inCluster: root };
  return undefined;
}

export function loadKubeConfig(
  k8s: ClientModule,
  source: NonNullable<ReturnType<typeof configSource>>,
): KubeConfig {
  const kc = new k8s.KubeConfig();
  if ('inCluster' in source) {
    // KUBERNETES_SERVICE_HOST/PORT, the token and the CA, as every in-cluster client reads them.
    kc.loadFromCluster(source.inCluster);
    return kc;
  }
  kc.loadFromFile(source.paths[0] ?? '');
  for (const p of source.paths.slice(1)) {
    const more = new k8s.KubeConfig();
    more.loadFromFile(p);
    kc.mergeConfig(more, true);
  }
  return kc;
}
