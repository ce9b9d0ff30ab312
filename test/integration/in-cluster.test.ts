// In-cluster mode against the lab's kube-apiserver: no kubeconfig anywhere, only what a pod
// gets — KUBERNETES_SERVICE_HOST/PORT and a ServiceAccount's token and CA at
// /var/run/secrets/kubernetes.io/serviceaccount, laid out under a temporary directory.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  lab,
  scratchNamespace,
  waitReady,
} from './kubernetes-support.ts';

const log = createLogger('silent');
let ns: { name: string; drop: () => Promise<void> };
let root: string;
const binding = `in-cluster-${process.pid}`;
const saved = {
  host: process.env.KUBERNETES_SERVICE_HOST,
  port: process.env.KUBERNETES_SERVICE_PORT,
};

beforeAll(async () => {
  ns = await scratchNamespace('in-cluster');
  await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'web', 2) });
  await kubectl(['create', 'serviceaccount', 'orchestrator', '-n', ns.name]);
  await kubectl([
    'create',
    'clusterrolebinding',
    binding,
    '--clusterrole=view',
    `--serviceaccount=${ns.name}:orchestrator`,
  ]);
  const token = (
    await kubectl(['create', 'token', 'orchestrator', '-n', ns.name, '--duration=1h'])
  ).trim();
  const admin = readFileSync(lab().KUBECONFIG ?? '', 'utf8');
  const ca = /certificate-authority-data:\s*(\S+)/.exec(admin)?.[1] ?? '';
  root = mkdtempSync(join(tmpdir(), 'oi-in-cluster-'));
  const sa = join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
  mkdirSync(sa, { recursive: true });
  writeFileSync(join(sa, 'token'), token);
  writeFileSync(join(sa, 'ca.crt'), Buffer.from(ca, 'base64'));
  writeFileSync(join(sa, 'namespace'), ns.name);
  const server = new URL(lab().LAB_APISERVER_URL ?? '');
  process.env.KUBERNETES_SERVICE_HOST = server.hostname;
  process.env.KUBERNETES_SERVICE_PORT = server.port;
}, 120_000);

afterAll(async () => {
  for (const [k, v] of [
    ['KUBERNETES_SERVICE_HOST', saved.host],
    ['KUBERNETES_SERVICE_PORT', saved.port],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(root, { recursive: true, force: true });
  await kubectl(['delete', 'clusterrolebinding', binding, '--ignore-not-found']);
  await ns.drop();
});

describe('in-cluster configuration', () => {
  it('is used when there is no kubeconfig: reads with the ServiceAccount, acts as it', async () => {
    const p = await KubernetesProvider.open(
      { kubeconfig: undefined, contexts: [], home: root, serviceAccountRoot: root },
      log,
    );
    expect(p.enabled).toBe(true);
    expect(p.contexts).toEqual(['inClusterContext']);
    await p.start();
    try {
      await waitReady(p);
      const pods = await eventually(() => {
        const found = p.list({ kinds: ['POD'], namespaces: [ns.name] });
        expect(found.length).toBe(2);
        return found;
      }, 60_000);
      expect(pods.every((r) => r.cluster === 'inClusterContext')).toBe(true);
      // The token's identity is `view`: a change is refused as that ServiceAccount.
      const web = p.list({ kinds: ['DEPLOYMENT'], namespaces: [ns.name] })[0];
      expect(web?.name).toBe('web');
      const err = await p
        .execute({ verb: 'scale', target: web!, params: { replicas: 3 }, dryRun: false })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ForbiddenError);
      expect((err as Error).message).toMatch(
        new RegExp(`system:serviceaccount:${ns.name}:orchestrator`),
      );
    } finally {
      await p.stop();
    }
  }, 180_000);

  it('is not used without the token file: the provider is disabled', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'oi-no-sa-'));
    try {
      const p = await KubernetesProvider.open(
        { kubeconfig: undefined, contexts: [], home: empty, serviceAccountRoot: empty },
        log,
      );
      expect(p.enabled).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
