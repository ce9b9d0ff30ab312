import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnOrchestrator as spawnProcess, type Spawned } from '../support/process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'oi-startup-'));
// A test that fails half-way must not leave its orchestrator running.
const spawned: Spawned[] = [];
function spawnOrchestrator(env: Record<string, string>): Spawned {
  const p = spawnProcess(env);
  spawned.push(p);
  return p;
}
afterAll(() => {
  for (const p of spawned) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('process start', () => {
  it('exits 1 with one clear line per bad variable', async () => {
    const proc = spawnOrchestrator({ PORT: 'abc', LOG_LEVEL: 'shouty', DATA_DIR: dataDir });
    const exit = await proc.exited;
    expect(exit.code).toBe(1);
    const lines = proc.output().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Invalid configuration: (PORT|LOG_LEVEL): /);
    expect(proc.output()).toContain('PORT');
    expect(proc.output()).toContain('LOG_LEVEL');
  });

  it('exits 1 naming LEADER_ELECTION_LEASE when there is no cluster to hold the Lease', async () => {
    // An empty HOME: no ~/.kube/config, no KUBECONFIG, not in a pod.
    const home = mkdtempSync(join(tmpdir(), 'oi-home-'));
    const proc = spawnOrchestrator({
      HOME: home,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'oi-startup-lease-')),
      LEADER_ELECTION_LEASE: 'ops/orchestrator',
    });
    const exit = await proc.exited;
    rmSync(home, { recursive: true, force: true });
    expect(exit.code).toBe(1);
    expect(proc.output().trim().split('\n')).toEqual([
      'Invalid configuration: LEADER_ELECTION_LEASE: needs a Kubernetes cluster (KUBECONFIG, ~/.kube/config or the in-cluster service account)',
    ]);
  });

  it('creates an admin token on first start, prints it once, stores only its hash', async () => {
    const first = spawnOrchestrator({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    const tokenLine = await first.waitFor(/Authorization: Bearer /);
    const secret = tokenLine.split('Bearer ')[1]?.trim() ?? '';
    const listening = await first.waitFor(/"msg":"listening"/);
    const port = (JSON.parse(listening) as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ viewer { name role } }' }),
    });
    expect(await res.json()).toEqual({ data: { viewer: { name: 'admin', role: 'ADMIN' } } });

    // A second process on the same embedded database is refused, and nothing is corrupted.
    const second = spawnOrchestrator({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    expect((await second.exited).code).toBe(1);
    expect(second.output()).toMatch(/in use by process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output().split(secret).length - 1).toBe(2); // the banner only, never a log line

    const third = spawnOrchestrator({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    await third.waitFor(/"msg":"listening"/);
    expect(third.output()).not.toContain('created the first admin token');
    third.child.kill('SIGTERM');
    expect(await third.exited).toEqual({ code: 0, signal: null });
  });

  it('creates no token when the port cannot be bound; the next start that listens shows one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oi-startup-busy-'));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    try {
      const refused = spawnOrchestrator({ PORT: String(busy), HOST: '127.0.0.1', DATA_DIR: dir });
      expect((await refused.exited).code).toBe(1);
      expect(refused.output()).toMatch(/EADDRINUSE/);
      expect(refused.output()).not.toContain('created the first admin token');
    } finally {
      blocker.close();
    }
    const next = spawnOrchestrator({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir });
    const line = await next.waitFor(/OptiInfra Orchestrator \S+ listening: /);
    // One line a person can read: the URL, the dashboard, GraphiQL, each component's state.
    expect(line).toMatch(
      /listening: API http:\/\/127\.0\.0\.1:\d+\/graphql · dashboard (http:\/\/127\.0\.0\.1:\d+\/|not built) · GraphiQL http:\/\/127\.0\.0\.1:\d+\/graphql \| /,
    );
    for (const component of ['database UP', 'kubernetes ', 'aws DISABLED', 'prometheus DISABLED']) {
      expect(line).toContain(component);
    }
    await next.waitFor(/Authorization: Bearer /);
    next.child.kill('SIGTERM');
    expect(await next.exited).toEqual({ code: 0, signal: null });
    rmSync(dir, { recursive: true, force: true });
  });
});
