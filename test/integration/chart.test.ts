// The Helm chart: lint, render, apply to the lab's real API server (server-side validation;
// kwok nodes, so the pod never runs) and check its ServiceAccount's permissions with
// `kubectl auth can-i --as`. helm is built from its Go module by scripts/helm.sh (cached).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/process.ts';
import { kubectlBin, lab } from './kubernetes-support.ts';

const CHART = join(ROOT, 'deploy/helm/optiinfra');
const NS = `optiinfra-chart-${process.pid}`;
const SEVERAL =
  'replicaCount=2,postgres.url=postgres://u@db/x,redis.url=redis://r:6379,leaderElection.enabled=true';

function run(cmd: string, args: string[], input?: string) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: 40 * 60_000,
    env: { ...process.env, KUBECONFIG: lab().KUBECONFIG },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}
function ok(cmd: string, args: string[], input?: string): string {
  const r = run(cmd, args, input);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}):\n${r.out}`);
  return r.stdout;
}

let helm = '';
let kubectl = '';

beforeAll(() => {
  helm = ok(join(ROOT, 'scripts/helm.sh'), []).trim();
  kubectl = kubectlBin();
}, 40 * 60_000);

describe('the Helm chart', () => {
  it('lints and refuses several replicas on the embedded store', () => {
    expect(ok(helm, ['lint', '--strict', CHART])).toMatch(
      /1 chart\(s\) linted, 0 chart\(s\) failed/,
    );
    const bad = run(helm, ['template', 't', CHART, '--set', 'replicaCount=2']);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatch(/replicaCount > 1 needs postgres.url/);
  });

  it('renders a hardened Deployment with probes on /ready and /health', () => {
    const y = ok(helm, ['template', 't', CHART]);
    for (const s of [
      'runAsNonRoot: true',
      'readOnlyRootFilesystem: true',
      'allowPrivilegeEscalation: false',
      'type: RuntimeDefault',
      'path: /ready',
      'path: /health',
      'type: Recreate',
      'kind: PodDisruptionBudget',
      'kind: NetworkPolicy',
    ]) {
      expect(y).toContain(s);
    }
  });

  describe('installed into the lab', () => {
    const sa = `system:serviceaccount:${NS}:t-optiinfra`;
    const can = (...args: string[]) =>
      run(kubectl, ['auth', 'can-i', '--as', sa, ...args]).stdout.trim();

    beforeAll(() => {
      ok(kubectl, ['create', 'namespace', NS]);
    });
    afterAll(() => {
      run(kubectl, ['delete', 'namespace', NS, '--wait=false']);
      run(kubectl, [
        'delete',
        'clusterrole,clusterrolebinding',
        't-optiinfra',
        '--ignore-not-found',
      ]);
    });

    it('applies server-side and grants exactly the rules the actions use', () => {
      const manifests = ok(helm, ['template', 't', CHART, '--namespace', NS, '--set', SEVERAL]);
      ok(kubectl, ['apply', '--server-side', '--namespace', NS, '-f', '-'], manifests);
      expect(
        ok(kubectl, ['get', 'deployment,sa,pdb,networkpolicy,role', '-n', NS, '-o', 'name']),
      ).toMatch(/deployment.apps\/t-optiinfra/);
      // Reads of every served kind, everywhere.
      for (const r of [
        'pods',
        'nodes',
        'namespaces',
        'services',
        'deployments.apps',
        'statefulsets.apps',
        'daemonsets.apps',
        'replicasets.apps',
        'horizontalpodautoscalers.autoscaling',
        'persistentvolumes',
        'persistentvolumeclaims',
        'storageclasses.storage.k8s.io',
        'events',
      ]) {
        expect(can('list', r, '-A'), r).toBe('yes');
        expect(can('watch', r, '-A'), r).toBe('yes');
      }
      expect(can('get', 'pods', '--subresource=log', '-n', 'default')).toBe('yes');
      // Actions.
      for (const r of ['deployments.apps', 'statefulsets.apps', 'replicasets.apps']) {
        expect(can('patch', r, '--subresource=scale', '-n', 'default'), r).toBe('yes');
      }
      expect(can('patch', 'nodes')).toBe('yes');
      expect(can('delete', 'pods', '-n', 'default')).toBe('yes');
      expect(can('create', 'deployments.apps', '-n', 'default')).toBe('yes');
      // Never granted: reading Secrets, changing RBAC, exec, updating what only patch needs.
      expect(can('get', 'secrets', '-n', 'default')).toBe('no');
      expect(can('list', 'secrets', '-A')).toBe('no');
      expect(can('create', 'pods', '--subresource=exec', '-n', 'default')).toBe('no');
      expect(can('create', 'clusterroles.rbac.authorization.k8s.io')).toBe('no');
      expect(can('update', 'deployments.apps', '-n', 'default')).toBe('no');
      // The Lease: only in the release namespace, only its own name for get/update.
      expect(can('update', 'leases.coordination.k8s.io/t-optiinfra', '-n', NS)).toBe('yes');
      expect(can('update', 'leases.coordination.k8s.io/other', '-n', NS)).toBe('no');
      expect(can('create', 'leases.coordination.k8s.io', '-n', 'default')).toBe('no');
      console.log(
        `kubectl auth can-i --list --as ${sa}:\n${run(kubectl, ['auth', 'can-i', '--list', '--as', sa, '-n', NS]).stdout}`,
      );
    });

    it('grants no action with rbac.actions=false', () => {
      const manifests = ok(helm, [
        'template',
        't',
        CHART,
        '--namespace',
        NS,
        '--set',
        `${SEVERAL},rbac.actions=false`,
      ]);
      ok(
        kubectl,
        ['apply', '--server-side', '--force-conflicts', '--namespace', NS, '-f', '-'],
        manifests,
      );
      expect(can('list', 'pods', '-A')).toBe('yes');
      expect(can('delete', 'pods', '-n', 'default')).toBe('no');
      expect(can('patch', 'deployments.apps', '--subresource=scale', '-n', 'default')).toBe('no');
    });
  });
});
