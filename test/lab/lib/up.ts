// `lab up`: start the control plane, Prometheus and moto as detached processes and record
// them in .lab/state.json (see state.ts for `down` and `status`).
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from './build.ts';
import {
  type Ports,
  writeEnv,
  writeKubeconfigs,
  writeKwokConfig,
  writePrometheusConfig,
  writeSchedulerConfig,
  writeTokens,
} from './config.ts';
import { type Component, startComponent } from './procs.ts';
import {
  apiserverReady,
  down,
  isRunning,
  type LabState,
  pki,
  readState,
  saveState,
  stopAll,
} from './state.ts';
import { ensureMoto, ensurePrometheus } from './tools.ts';
import {
  freePort,
  KUBECONFIG,
  LAB_DIR,
  LabError,
  log,
  LOG_DIR,
  PKI_DIR,
  request,
  run,
  sleep,
  STATE_FILE,
} from './util.ts';

export async function up(opts: { nodes: number }): Promise<LabState> {
  const existing = readState();
  if (await isRunning(existing)) {
    log(`lab already running (started ${existing?.startedAt}); reusing it`);
    return existing as LabState;
  }
  if (existing) {
    log('found a stale or partly stopped lab; stopping its leftovers first');
    await down();
  }
  const t0 = Date.now();
  const binDir = await ensureBuilt();
  const [prometheus, promtool] = await ensurePrometheus();
  const moto = ensureMoto();
  void promtool;
  for (const d of [LAB_DIR, LOG_DIR, join(LAB_DIR, 'kube'), join(LAB_DIR, 'prometheus')]) {
    mkdirSync(d, { recursive: true });
  }
  mkdirSync(join(LAB_DIR, 'etcd'), { recursive: true, mode: 0o700 }); // etcd warns otherwise
  const bin = (b: string) => join(binDir, b);
  // Keep the previous run's logs one generation back, so each log tells one story.
  for (const f of readdirSync(LOG_DIR).filter((f) => f.endsWith('.log'))) {
    renameSync(join(LOG_DIR, f), join(LOG_DIR, `${f}.prev`));
  }
  await run(bin('labtool'), ['certs', '--dir', PKI_DIR]);
  const tokens = writeTokens();
  const ports: Ports = {
    etcd: await freePort(),
    etcdPeer: await freePort(),
    apiserver: await freePort(),
    controllerManager: await freePort(),
    scheduler: await freePort(),
    kwok: await freePort(),
    exporter: await freePort(),
    prometheus: await freePort(),
    moto: await freePort(),
  };
  writeKubeconfigs(ports.apiserver);
  const kube = (c: string) => join(LAB_DIR, 'kube', `${c}.kubeconfig`);
  const state: LabState = {
    binDir,
    ports,
    tokens,
    nodes: opts.nodes,
    components: [],
    startedAt: new Date().toISOString(),
    env: {},
  };
  const start = async (c: Component) => {
    const s = await startComponent(c);
    state.components.push(s);
    saveState(state);
    log(`${c.name} up (pid ${s.pid})`);
  };
  const insecureHealth = (port: number) => async () =>
    (await request(`https://127.0.0.1:${port}/healthz`, { insecure: true })).status === 200;
  const httpOk = (url: string) => async () => (await request(url)).status === 200;

  try {
    const etcdUrl = `http://127.0.0.1:${ports.etcd}`;
    await start({
      name: 'etcd',
      bin: bin('etcd'),
      ports: [ports.etcd, ports.etcdPeer],
      args: [
        '--name=lab',
        `--data-dir=${join(LAB_DIR, 'etcd')}`,
        `--listen-client-urls=${etcdUrl}`,
        `--advertise-client-urls=${etcdUrl}`,
        `--listen-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${ports.etcdPeer}`,
        `--initial-cluster=lab=http://127.0.0.1:${ports.etcdPeer}`,
        // A throwaway lab: skipping fsync makes etcd (and so every write) several times faster.
        '--unsafe-no-fsync',
        '--auto-compaction-retention=1',
        '--quota-backend-bytes=8589934592',
        '--log-level=warn',
      ],
      healthy: async () => (await request(`${etcdUrl}/health`)).body.includes('true'),
    });
    await start({
      name: 'kube-apiserver',
      bin: bin('kube-apiserver'),
      ports: [ports.apiserver],
      timeoutMs: 120_000,
      args: apiserverArgs(etcdUrl, ports.apiserver),
      healthy: () => apiserverReady(ports.apiserver),
    });
    const kwokConfig = await writeKwokConfig(bin('kwok'));
    const schedulerConfig = writeSchedulerConfig();
    const promConfig = writePrometheusConfig(ports);
    await Promise.all([
      start({
        name: 'kube-controller-manager',
        bin: bin('kube-controller-manager'),
        ports: [ports.controllerManager],
        args: [
          `--kubeconfig=${kube('controller-manager')}`,
          `--authentication-kubeconfig=${kube('controller-manager')}`,
          `--authorization-kubeconfig=${kube('controller-manager')}`,
          '--bind-address=127.0.0.1',
          `--secure-port=${ports.controllerManager}`,
          '--leader-elect=false',
          '--use-service-account-credentials=true',
          `--service-account-private-key-file=${pki('sa.key')}`,
          `--root-ca-file=${pki('ca.crt')}`,
          `--controllers=${CONTROLLERS.join(',')}`,
          '--kube-api-qps=1000',
          '--kube-api-burst=2000',
          '--concurrent-deployment-syncs=20',
          '--concurrent-replicaset-syncs=20',
          '--concurrent-gc-syncs=50',
          // kwok renews 1000 node leases from one process; on a busy 2-core machine a
          // renewal can be late by a minute. Past this grace period the node-lifecycle
          // controller marks the node's pods NotReady, and kwok (which only plays
          // Pending pods to Ready) never flips them back, so be generous.
          '--node-monitor-grace-period=10m',
        ],
        healthy: insecureHealth(ports.controllerManager),
      }),
      start({
        name: 'kube-scheduler',
        bin: bin('kube-scheduler'),
        ports: [ports.scheduler],
        args: [
          `--config=${schedulerConfig}`,
          `--authentication-kubeconfig=${kube('scheduler')}`,
          `--authorization-kubeconfig=${kube('scheduler')}`,
          '--bind-address=127.0.0.1',
          `--secure-port=${ports.scheduler}`,
        ],
        healthy: insecureHealth(ports.scheduler),
      }),
      start({
        name: 'kwok',
        bin: bin('kwok'),
        ports: [ports.kwok],
        args: [
          `--kubeconfig=${kube('kwok')}`,
          `--config=${kwokConfig}`,
          '--manage-all-nodes=false',
          '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
          '--node-ip=10.0.0.1',
          '--cidr=10.244.0.0/16',
          '--node-lease-duration-seconds=40',
          `--server-address=127.0.0.1:${ports.kwok}`,
        ],
        healthy: httpOk(`http://127.0.0.1:${ports.kwok}/healthz`),
      }),
      start({
        name: 'exporter',
        bin: bin('labtool'),
        ports: [ports.exporter],
        args: [
          'exporter',
          `--kubeconfig=${kube('exporter')}`,
          `--listen=127.0.0.1:${ports.exporter}`,
        ],
        healthy: httpOk(`http://127.0.0.1:${ports.exporter}/healthz`),
      }),
      start({
        name: 'prometheus',
        bin: prometheus,
        ports: [ports.prometheus],
        args: [
          `--config.file=${promConfig}`,
          `--storage.tsdb.path=${join(LAB_DIR, 'prometheus')}`,
          `--web.listen-address=127.0.0.1:${ports.prometheus}`,
          // Backfilled history may reach back months; keep all of it.
          '--storage.tsdb.retention.time=400d',
          '--web.enable-lifecycle',
          '--web.enable-admin-api',
        ],
        healthy: httpOk(`http://127.0.0.1:${ports.prometheus}/-/ready`),
      }),
      start({
        name: 'moto',
        bin: moto,
        ports: [ports.moto],
        args: ['-H', '127.0.0.1', '-p', String(ports.moto)],
        healthy: async () =>
          (await request(`http://127.0.0.1:${ports.moto}/moto-api/`)).status < 500,
      }),
    ]);
    await createNodes(state, opts.nodes);
    await waitFor('the default ServiceAccount', 60_000, async () => {
      const out = await run(bin('kubectl'), [
        '--kubeconfig',
        KUBECONFIG,
        'get',
        'sa',
        'default',
        '-n',
        'default',
        '-o',
        'name',
      ]).catch(() => '');
      return out.includes('default');
    });
  } catch (e) {
    if (process.env.LAB_KEEP_ON_FAILURE !== '1') {
      log('start-up failed; stopping what was started (LAB_KEEP_ON_FAILURE=1 keeps it)');
      await stopAll(state);
      rmSync(STATE_FILE, { force: true });
    }
    throw e;
  }
  state.env = writeEnv(ports, tokens);
  saveState(state);
  log(
    `lab up in ${Math.round((Date.now() - t0) / 1000)}s: ${opts.nodes} nodes; env in ${join(LAB_DIR, 'env')}`,
  );
  return state;
}

/**
 * The lab's kube-apiserver flags, against `etcdUrl` on `port` with the lab's PKI. `authorization`
 * replaces the authorization flags (a test runs a second apiserver with a webhook authorizer).
 */
export function apiserverArgs(
  etcdUrl: string,
  port: number,
  authorization: string[] = ['--authorization-mode=Node,RBAC'],
): string[] {
  return [
    `--etcd-servers=${etcdUrl}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${port}`,
    `--tls-cert-file=${pki('apiserver.crt')}`,
    `--tls-private-key-file=${pki('apiserver.key')}`,
    `--client-ca-file=${pki('ca.crt')}`,
    `--token-auth-file=${pki('tokens.csv')}`,
    `--service-account-key-file=${pki('sa.pub')}`,
    `--service-account-signing-key-file=${pki('sa.key')}`,
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--kubelet-client-certificate=${pki('apiserver-kubelet-client.crt')}`,
    `--kubelet-client-key=${pki('apiserver-kubelet-client.key')}`,
    // The aggregation-layer settings: without them every component logs a missing
    // requestheader CA bundle on each authentication attempt.
    `--requestheader-client-ca-file=${pki('ca.crt')}`,
    '--requestheader-allowed-names=front-proxy-client',
    '--requestheader-username-headers=X-Remote-User',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    `--proxy-client-cert-file=${pki('front-proxy-client.crt')}`,
    `--proxy-client-key-file=${pki('front-proxy-client.key')}`,
    ...authorization,
    '--enable-admission-plugins=NodeRestriction',
    '--service-cluster-ip-range=10.96.0.0/16',
    '--allow-privileged=true',
    // The advertise address is loopback, which the endpoints API rejects; nothing in
    // the lab routes to the kubernetes Service anyway.
    '--endpoint-reconciler-type=none',
    // Scale mode pushes thousands of writes per second from one machine: no throttling.
    '--max-requests-inflight=0',
    '--max-mutating-requests-inflight=0',
    '--enable-priority-and-fairness=false',
    '--profiling=false',
  ];
}

// The controllers the issue asks for plus the ones workloads quietly depend on
// (endpoints for Services, clusterrole aggregation for the admin/edit/view roles).
const CONTROLLERS = [
  'deployment-controller',
  'replicaset-controller',
  'statefulset-controller',
  'daemonset-controller',
  'namespace-controller',
  'garbage-collector-controller',
  'serviceaccount-controller',
  'serviceaccount-token-controller',
  'endpoints-controller',
  'endpointslice-controller',
  'job-controller',
  'cronjob-controller',
  'replicationcontroller-controller',
  'pod-garbage-collector-controller',
  'disruption-controller',
  'ttl-after-finished-controller',
  'resourcequota-controller',
  'root-ca-certificate-publisher-controller',
  'clusterrole-aggregation-controller',
  // Removes the not-ready taint the apiserver puts on new nodes once kwok reports them Ready.
  'node-lifecycle-controller',
];

async function waitFor(what: string, timeoutMs: number, ok: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ok().catch(() => false)) return;
    await sleep(500);
  }
  throw new LabError(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

async function createNodes(state: LabState, count: number): Promise<void> {
  const t = Date.now();
  await run(join(state.binDir, 'labtool'), [
    'nodes',
    `--kubeconfig=${KUBECONFIG}`,
    `--count=${count}`,
  ]);
  await waitFor(
    `${count} Ready kwok nodes (see ${join(LOG_DIR, 'kwok.log')})`,
    300_000,
    async () => {
      const out = await run(join(state.binDir, 'kubectl'), [
        '--kubeconfig',
        KUBECONFIG,
        'get',
        'nodes',
        '-o',
        'jsonpath={range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}',
      ]);
      return out.split('\n').filter((l) => l === 'True').length >= count;
    },
  );
  log(`${count} kwok nodes Ready in ${Math.round((Date.now() - t) / 1000)}s`);
}
