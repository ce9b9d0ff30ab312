import { randomBytes } from 'node:crypto';
import type { Entities, TemplateName } from './intents.ts';

export type Manifest = Record<string, unknown>;

/**
 * The annotation naming a Secret's keys the orchestrator generates. Plans are stored and shown,
 * so a generated Secret is planned with no data at all: the workload refers to it by name and
 * key (`secretKeyRef`), and its values are made when the plan runs ({@link fillGeneratedSecrets})
 * and then live only in the cluster's Secret.
 */
export const GENERATED_KEYS_ANNOTATION = 'optiinfra.io/generated-keys';

/** The manifests to create, each Secret's generated keys given fresh random values. */
export function fillGeneratedSecrets(manifests: Manifest[]): Manifest[] {
  return manifests.map((m) => {
    const metadata = m.metadata as { annotations?: Record<string, string> } | undefined;
    const keys =
      m.kind === 'Secret' ? metadata?.annotations?.[GENERATED_KEYS_ANNOTATION] : undefined;
    if (!keys) return m;
    const generated = Object.fromEntries(
      keys.split(',').map((k) => [k.trim(), randomBytes(18).toString('base64url')]),
    );
    return { ...m, stringData: { ...(m.stringData as object | undefined), ...generated } };
  });
}

export interface Generated {
  template: TemplateName;
  name: string;
  namespace: string;
  replicas: number;
  manifests: Manifest[];
  /** What the reply should tell the user about this template (next steps, caveats). */
  notes: string[];
}

interface Spec {
  image: string;
  port: number;
  replicas: number;
  stateful: boolean;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  config: Record<string, string>;
  configMount?: { path: string; file: string } | undefined;
  probe: Record<string, unknown>;
  storage?: string | undefined;
}

/** Sensible, conservative defaults per template; requests and limits are always set. */
function specOf(t: TemplateName, e: Entities): Spec {
  switch (t) {
    case 'redis': {
      const replicas = e.replicas ?? 3;
      const clustered = replicas >= 3;
      return {
        image: e.image ?? 'redis:7.4-alpine',
        port: e.port ?? 6379,
        replicas,
        stateful: true,
        resources: {
          requests: { cpu: '100m', memory: '128Mi' },
          limits: { cpu: '500m', memory: '256Mi' },
        },
        config: {
          'redis.conf': [
            'appendonly yes',
            'maxmemory 200mb',
            'maxmemory-policy allkeys-lru',
            ...(clustered
              ? [
                  'cluster-enabled yes',
                  'cluster-config-file /data/nodes.conf',
                  'cluster-node-timeout 5000',
                ]
              : []),
            '',
          ].join('\n'),
        },
        configMount: { path: '/usr/local/etc/redis', file: 'redis.conf' },
        probe: { exec: { command: ['redis-cli', 'ping'] } },
        storage: '1Gi',
      };
    }
    case 'postgres':
      return {
        image: e.image ?? 'postgres:16-alpine',
        port: e.port ?? 5432,
        replicas: e.replicas ?? 1,
        stateful: true,
        resources: {
          requests: { cpu: '250m', memory: '256Mi' },
          limits: { cpu: '1', memory: '1Gi' },
        },
        config: {
          POSTGRES_DB: 'app',
          POSTGRES_USER: 'app',
          PGDATA: '/var/lib/postgresql/data/pgdata',
        },
        probe: { exec: { command: ['pg_isready', '-U', 'app', '-d', 'app'] } },
        storage: '5Gi',
      };
    case 'nginx':
      return {
        image: e.image ?? 'nginx:1.27-alpine',
        port: e.port ?? 80,
        replicas: e.replicas ?? 2,
        stateful: false,
        resources: {
          requests: { cpu: '50m', memory: '64Mi' },
          limits: { cpu: '250m', memory: '128Mi' },
        },
        config: {
          'default.conf': `server {\n  listen ${e.port ?? 80};\n  location / { root /usr/share/nginx/html; }\n  location = /healthz { return 200 'ok'; }\n}\n`,
        },
        configMount: { path: '/etc/nginx/conf.d', file: 'default.conf' },
        probe: { httpGet: { path: '/healthz', port: 'http' } },
      };
    default:
      return {
        image: e.image ?? 'nginx:1.27-alpine',
        port: e.port ?? 8080,
        replicas: e.replicas ?? 2,
        stateful: false,
        resources: {
          requests: { cpu: '100m', memory: '128Mi' },
          limits: { cpu: '500m', memory: '256Mi' },
        },
        config: { LOG_LEVEL: 'info' },
        probe: { tcpSocket: { port: 'http' } },
      };
  }
}

/** A DNS-1123 label from the image ("ghcr.io/acme/api:1.4" -> "api"). */
function nameFromImage(image: string): string {
  const last = image.split('/').pop() ?? 'app';
  return (
    last
      .split(/[:@]/)[0]
      ?.replace(/[^a-z0-9-]/g, '-')
      .slice(0, 40) || 'app'
  );
}

/** Manifests for a template: a workload, its Service and ConfigMap (and a Secret for postgres). */
export function generate(e: Entities, defaultNamespace: string): Generated {
  const template = e.template ?? 'deployment';
  const spec = specOf(template, e);
  const name = (e.name ?? (template === 'deployment' ? nameFromImage(spec.image) : template)).slice(
    0,
    52,
  );
  const namespace = e.namespace ?? defaultNamespace;
  const labels = {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/component': template,
    'app.kubernetes.io/managed-by': 'optiinfra-chatops',
  };
  const selector = { 'app.kubernetes.io/name': name };
  const meta = (suffix = '') => ({ name: `${name}${suffix}`, namespace, labels });
  const notes: string[] = [];
  const manifests: Manifest[] = [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('-config'), data: spec.config },
  ];
  const env: Record<string, unknown>[] = [];
  const envFrom: Record<string, unknown>[] = [];
  if (!spec.configMount) envFrom.push({ configMapRef: { name: `${name}-config` } });
  if (template === 'postgres') {
    const secret = `${name}-credentials`;
    manifests.push({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        ...meta('-credentials'),
        annotations: { [GENERATED_KEYS_ANNOTATION]: 'POSTGRES_PASSWORD' },
      },
      type: 'Opaque',
    });
    env.push({
      name: 'POSTGRES_PASSWORD',
      valueFrom: { secretKeyRef: { name: secret, key: 'POSTGRES_PASSWORD' } },
    });
    notes.push(
      `The password is generated when you confirm, straight into Secret \`${secret}\` (the plan only refers to it; read it from the Secret); rotate it as you would any credential.`,
    );
  }
  const probe = (delay: number) => ({
    ...spec.probe,
    initialDelaySeconds: delay,
    periodSeconds: 10,
    timeoutSeconds: 3,
  });
  const volumeMounts: Record<string, unknown>[] = [];
  const volumes: Record<string, unknown>[] = [];
  if (spec.configMount) {
    volumeMounts.push({ name: 'config', mountPath: spec.configMount.path });
    volumes.push({ name: 'config', configMap: { name: `${name}-config` } });
  }
  if (spec.storage)
    volumeMounts.push({
      name: 'data',
      mountPath: template === 'postgres' ? '/var/lib/postgresql/data' : '/data',
    });
  const container = {
    name: template === 'deployment' ? 'app' : template,
    image: spec.image,
    ...(template === 'redis'
      ? { command: ['redis-server', '/usr/local/etc/redis/redis.conf'] }
      : {}),
    ports: [
      {
        name: template === 'redis' || template === 'postgres' ? template.slice(0, 15) : 'http',
        containerPort: spec.port,
      },
    ],
    ...(env.length ? { env } : {}),
    ...(envFrom.length ? { envFrom } : {}),
    resources: spec.resources,
    readinessProbe: probe(5),
    livenessProbe: probe(15),
    ...(volumeMounts.length ? { volumeMounts } : {}),
  };
  // Named ports keep the probes right whatever number the user picked.
  const portName = container.ports[0]?.name ?? 'http';
  if ('httpGet' in spec.probe || 'tcpSocket' in spec.probe) {
    const key = 'httpGet' in spec.probe ? 'httpGet' : 'tcpSocket';
    container.readinessProbe = {
      ...container.readinessProbe,
      [key]: { ...(spec.probe[key] as object), port: portName },
    };
    container.livenessProbe = {
      ...container.livenessProbe,
      [key]: { ...(spec.probe[key] as object), port: portName },
    };
  }
  const podSpec = {
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    containers: [container],
    ...(volumes.length ? { volumes } : {}),
  };
  const workload: Manifest = {
    apiVersion: 'apps/v1',
    kind: spec.stateful ? 'StatefulSet' : 'Deployment',
    metadata: meta(),
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: selector },
      ...(spec.stateful ? { serviceName: `${name}-headless` } : {}),
      template: { metadata: { labels }, spec: podSpec },
      ...(spec.storage
        ? {
            volumeClaimTemplates: [
              {
                metadata: { name: 'data' },
                spec: {
                  accessModes: ['ReadWriteOnce'],
                  resources: { requests: { storage: spec.storage } },
                },
              },
            ],
          }
        : {}),
    },
  };
  manifests.push(workload);
  const ports = [{ name: portName, port: spec.port, targetPort: portName }];
  manifests.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(),
    spec: { selector, ports },
  });
  if (spec.stateful) {
    manifests.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('-headless'),
      spec: { clusterIP: 'None', selector, ports, publishNotReadyAddresses: true },
    });
  }
  if (template === 'redis' && spec.replicas >= 3) {
    notes.push(
      `Cluster mode is on: once the ${spec.replicas} pods are ready, join them once with \`redis-cli --cluster create\` (one pod per address from \`${name}-headless\`).`,
    );
  }
  return { template, name, namespace, replicas: spec.replicas, manifests, notes };
}

/**
 * One YAML document stream, the way `kubectl apply -f` takes it. The Kubernetes client (its
 * YAML dumper) is loaded on first use: a process with no cluster never loads it.
 */
export async function toYaml(manifests: Manifest[]): Promise<string> {
  const { dumpYaml } = await import('@kubernetes/client-node');
  return manifests.map((m) => dumpYaml(JSON.parse(JSON.stringify(m)))).join('---\n');
}
