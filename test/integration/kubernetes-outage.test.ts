// Failure modes: a context that cannot be reached degrades `status` and is named in answers
// without failing the others; and the kube-apiserver killed mid-watch and started again —
// caches converge, /ready goes 503 and back, nothing crashes. The second test restarts the
// SHARED lab's apiserver (about 10-20 s of outage for everyone), so it runs last and always
// brings the apiserver back.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import { LAB_DIR, LOG_DIR, STATE_FILE } from '../lab/lib/util.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  kubectlJson,
  kubeProvider,
  lab,
  scratchNamespace,
  sleep,
  waitReady,
} from './kubernetes-support.ts';

const Degraded = graphql(`
  query K8sDegraded {
    status {
      name
      state
      message
    }
    resources(filter: { kinds: [NODE] }, first: 1) {
      totalCount
      failures {
        provider
        cluster
        message
      }
    }
  }
`);

const apps: TestApp[] = [];
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

async function ready(url: string): Promise<number> {
  return (await fetch(`${url}/ready`)).status;
}

describe('Kubernetes failure modes', () => {
  it('names an unreachable context and keeps serving the reachable one', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(lab().KUBECONFIG ?? '');
    const user = kc.getCurrentUser()?.name ?? '';
    kc.addCluster({ name: 'gone', server: 'https://127.0.0.1:1', skipTLSVerify: true });
    kc.addContext({ name: 'gone', cluster: 'gone', user });
    const file = join(mkdtempSync(join(tmpdir(), 'oi-kube-')), 'kubeconfig');
    writeFileSync(file, kc.exportConfig());

    const t = await startTestApp({ KUBECONFIG: file, KUBE_CONTEXTS: 'lab,gone' });
    apps.push(t);
    await waitReady(kubeProvider(t));
    await eventually(async () => expect(await ready(t.url)).toBe(200));
    const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Degraded)).body);
    const k8s = data.status.find((c) => c.name === 'kubernetes');
    expect(k8s?.state).toBe('DEGRADED');
    expect(k8s?.message).toMatch(/1\/2 context\(s\) reachable.*gone: unreachable/);
    expect(data.resources.totalCount).toBeGreaterThan(0);
    expect(data.resources.failures).toContainEqual(
      expect.objectContaining({ provider: 'KUBERNETES', cluster: 'gone' }),
    );
  });

  it('survives the kube-apiserver being killed mid-watch and started again', async () => {
    const ns = await scratchNamespace('k8s-outage');
    await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'before', 1) });
    const t = await startTestApp({ KUBECONFIG: lab().KUBECONFIG ?? '' });
    apps.push(t);
    const p = kubeProvider(t);
    await waitReady(p);
    await eventually(async () => expect(await ready(t.url)).toBe(200));

    const stateFile = STATE_FILE;
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      components: { name: string; pid: number; bin: string }[];
    };
    const component = state.components.find((c) => c.name === 'kube-apiserver');
    if (!component) throw new Error('no kube-apiserver in .lab/state.json');
    const args = readFileSync(`/proc/${component.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const env = Object.fromEntries(
      readFileSync(`/proc/${component.pid}/environ`, 'utf8')
        .split('\0')
        .filter((kv) => kv.includes('='))
        .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
    );
    const restart = () => {
      const fd = openSync(join(LOG_DIR, 'kube-apiserver.log'), 'a');
      const child = spawn(args[0] ?? component.bin, args.slice(1), {
        detached: true,
        stdio: ['ignore', fd, fd],
        env,
        cwd: LAB_DIR,
      });
      closeSync(fd);
      child.unref();
      // `lab down` stops what state.json names: record the new process.
      component.pid = child.pid ?? 0;
      writeFileSync(stateFile, JSON.stringify(state, null, 2));
      writeFileSync(join(LAB_DIR, 'kube-apiserver.pid'), `${component.pid}\n`);
    };

    let restarted = false;
    try {
      process.kill(component.pid, 'SIGKILL');
      const t0 = Date.now();
      await eventually(async () => expect(await ready(t.url)).toBe(503), 30_000, 100);
      const notReadyAfterMs = Date.now() - t0;
      // Still serving from the cache meanwhile, and saying what is wrong.
      const during = expectNoErrors((await gql(t.url, TOKENS.viewer, Degraded)).body);
      expect(during.resources.totalCount).toBeGreaterThan(0);
      expect(during.status.find((c) => c.name === 'kubernetes')?.state).toBe('DOWN');
      await sleep(3000); // watches back off against a closed port
      restart();
      restarted = true;
      await eventually(async () => expect(await ready(t.url)).toBe(200), 120_000, 250);
      const recoveredMs = Date.now() - t0;
      process.stdout.write(
        `apiserver outage: /ready 503 after ${notReadyAfterMs} ms, 200 again ${recoveredMs} ms after the kill\n`,
      );

      // Changes after the restart reach the cache; the cache agrees with kubectl.
      await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'after', 2) });
      await eventually(
        () => expect(p.get(`k8s:lab:DEPLOYMENT:${ns.name}:after`)).toBeDefined(),
        30_000,
      );
      await eventually(
        async () => {
          const pods = await kubectlJson<{ items: { metadata: { uid: string } }[] }>([
            'get',
            'pods',
            '-n',
            ns.name,
          ]);
          const cached = p.list({ kinds: ['POD'], namespaces: [ns.name] });
          expect(
            cached.map((r) => (r.object as { metadata: { uid: string } }).metadata.uid).sort(),
          ).toEqual(pods.items.map((i) => i.metadata.uid).sort());
        },
        60_000,
        500,
      );
    } finally {
      if (!restarted) restart();
      await ns.drop().catch(() => undefined);
    }
  });
});
