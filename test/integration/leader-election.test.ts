// Leader election on a real coordination.k8s.io Lease in the lab's API server: one leader
// among several electors, a fast takeover when the leader releases, a partitioned leader that
// steps down before anyone else may take over (through a TCP proxy the test cuts or stalls),
// the Lease held in the context LEADER_ELECTION_CONTEXT names, and two orchestrator replicas
// (one PostgreSQL, one Redis) of which only the leader collects metrics and runs the
// recommender while the other serves the leader's snapshots.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaseElector } from '../../src/leader.ts';
import { createLogger } from '../../src/logger.ts';
import { KubeClient } from '../../src/providers/kubernetes/client.ts';
import { startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import { createScratchDatabase } from '../support/postgres.ts';
import {
  eventually,
  kubectlJson,
  lab,
  labKubeConfig,
  scratchNamespace,
  sleep,
} from './kubernetes-support.ts';

let ns: Awaited<ReturnType<typeof scratchNamespace>>;
const clients: KubeClient[] = [];
const electors: LeaseElector[] = [];

beforeAll(async () => {
  ns = await scratchNamespace('lease');
});
afterAll(async () => {
  await Promise.all(electors.map((e) => e.stop()));
  for (const c of clients) c.close();
  await ns?.drop();
});

/** A client of the lab's API server, directly or through `server` (a proxy). */
function kubeClient(server?: string): KubeClient {
  const kc = labKubeConfig();
  if (server) {
    kc.loadFromOptions({
      clusters: kc.clusters.map((c) => ({ ...c, server })),
      users: kc.users,
      contexts: kc.contexts,
      currentContext: kc.getCurrentContext(),
    });
  }
  const client = new KubeClient(kc, kc.getCurrentContext());
  clients.push(client);
  return client;
}

function elector(name: string, identity: string, leaseSeconds: number, client = kubeClient()) {
  const e = new LeaseElector({
    client,
    namespace: ns.name,
    name,
    identity,
    leaseSeconds,
    log: createLogger('silent'),
  });
  electors.push(e);
  return e;
}

type LeaseJson = {
  spec: { holderIdentity?: string; leaseTransitions?: number; leaseDurationSeconds?: number };
};
const readLease = (name: string) => kubectlJson<LeaseJson>(['-n', ns.name, 'get', 'lease', name]);

/**
 * A TCP relay to the API server that the test can break and heal: `cut` refuses and resets
 * connections (a partition that fails fast), `stall` keeps them open and forwards nothing (a
 * partition where requests hang).
 */
async function faultyProxy() {
  const target = new URL(lab().LAB_APISERVER_URL ?? '');
  const open = new Set<net.Socket>();
  let fault: 'cut' | 'stall' | undefined;
  const track = (s: net.Socket) => {
    open.add(s);
    s.on('error', () => {});
    s.on('close', () => open.delete(s));
  };
  const server = net.createServer((down) => {
    track(down);
    if (fault === 'cut') return void down.destroy();
    if (fault === 'stall') return; // accepted, never answered
    const up = net.connect(Number(target.port), target.hostname);
    track(up);
    down.pipe(up).pipe(down);
    down.on('close', () => up.destroy());
    up.on('close', () => down.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    fail(kind: 'cut' | 'stall') {
      fault = kind;
      for (const s of open) {
        if (kind === 'cut') s.destroy();
        else s.unpipe().pause();
      }
    },
    /** Back to relaying; connections opened during the fault are dropped. */
    heal() {
      fault = undefined;
      for (const s of open) s.destroy();
    },
    close: () =>
      new Promise((r) => {
        server.close(r);
        for (const s of open) s.destroy();
      }),
  };
}

/** Samples the electors every few ms while `during` runs: the most that were leader at once. */
async function mostLeadersAtOnce(es: LeaseElector[], during: () => Promise<void>) {
  let most = 0;
  let done = false;
  const sampling = (async () => {
    while (!done) {
      most = Math.max(most, es.filter((e) => e.isLeader()).length);
      await sleep(5);
    }
  })();
  try {
    await during();
  } finally {
    done = true;
    await sampling;
  }
  return most;
}

describe('leader election on a Kubernetes Lease', () => {
  it('elects exactly one of three electors, and the Lease names it', async () => {
    const es = ['a', 'b', 'c'].map((id) => elector('three', id, 2));
    const most = await mostLeadersAtOnce(es, async () => {
      for (const e of es) e.start();
      await eventually(() => expect(es.filter((e) => e.isLeader())).toHaveLength(1));
      await sleep(3000); // a lease duration and more of renewals and retries
    });
    expect(most).toBe(1);
    const leader = es.find((e) => e.isLeader());
    const lease = await readLease('three');
    expect(lease.spec.holderIdentity).toBe(['a', 'b', 'c'][es.indexOf(leader!)]);
    expect(lease.spec.leaseDurationSeconds).toBe(2);
    for (const e of es) expect(e.holder).toBe(lease.spec.holderIdentity);
  });

  it('hands over when the leader stops: it releases the Lease, no waiting for it to expire', async () => {
    // A long lease: a takeover by expiry would take 20 s or more, one after a release ~3 s.
    const es = ['x', 'y'].map((id) => elector('release', id, 20));
    for (const e of es) e.start();
    const first = await eventually(() => {
      const l = es.find((e) => e.isLeader());
      expect(l).toBeDefined();
      return l!;
    });
    const other = es.find((e) => e !== first)!;
    const before = (await readLease('release')).spec.leaseTransitions ?? 0;
    const t0 = performance.now();
    await first.stop();
    expect(first.isLeader()).toBe(false);
    await eventually(() => expect(other.isLeader()).toBe(true), 15_000);
    expect(performance.now() - t0).toBeLessThan(15_000);
    const lease = await readLease('release');
    expect(lease.spec.holderIdentity).toBe(['x', 'y'][es.indexOf(other)]);
    expect(lease.spec.leaseTransitions).toBe(before + 1);
  });

  it.each([
    { fault: 'cut' as const, how: 'connections reset' },
    { fault: 'stall' as const, how: 'requests hang' },
  ])(
    'a leader cut off from the API server ($how) steps down before another takes over',
    async ({ fault }) => {
      const proxy = await faultyProxy();
      const lease = `partition-${fault}`;
      try {
        const cutOff = elector(lease, 'cut-off', 3, kubeClient(proxy.url));
        cutOff.start();
        await eventually(() => expect(cutOff.isLeader()).toBe(true));
        const other = elector(lease, 'other', 3);
        other.start();
        await sleep(1000);
        expect(other.isLeader()).toBe(false);
        const most = await mostLeadersAtOnce([cutOff, other], async () => {
          proxy.fail(fault);
          await eventually(() => expect(cutOff.isLeader()).toBe(false), 10_000, 10);
          await eventually(() => expect(other.isLeader()).toBe(true), 20_000, 10);
        });
        expect(most).toBe(1);
        expect(cutOff.lastError).toBeTruthy();
        expect((await readLease(lease)).spec.holderIdentity).toBe('other');
        // Back on the network it finds the Lease held and renewed: it stays a follower.
        proxy.heal();
        await eventually(() => expect(cutOff.lastError).toBeNull(), 10_000);
        await sleep(4000);
        expect(cutOff.isLeader()).toBe(false);
        expect(cutOff.holder).toBe('other');
        expect(other.isLeader()).toBe(true);
      } finally {
        await proxy.close();
      }
    },
  );
});

describe('replicas with LEADER_ELECTION_LEASE, PostgreSQL and Redis', () => {
  it('refuses a LEADER_ELECTION_CONTEXT that is not watched, naming the watched ones', async () => {
    const env = { ...lab(), LEADER_ELECTION_LEASE: `${ns.name}/orchestrator` };
    await expect(startTestApp({ ...env, LEADER_ELECTION_CONTEXT: 'elsewhere' })).rejects.toThrow(
      `Invalid configuration: LEADER_ELECTION_CONTEXT: not a watched context (watched: ${labKubeConfig().getCurrentContext()}) (got "elsewhere")`,
    );
  });

  let apps: TestApp[] = [];
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await scratch?.drop();
  });

  const cycles = (t: TestApp) => t.app.services.metrics.collector.state.cycles;
  /** When this replica last finished a recommender pass (the timer's: none is asked for here). */
  const recommended = (t: TestApp) => t.app.services.recommendations.last?.startedAt;
  const isLeader = async (t: TestApp) => {
    const headers = { authorization: `Bearer ${TOKENS.viewer}` };
    const text = await (await fetch(`${t.url}/metrics`, { headers })).text();
    return /^optiinfra_leader 1$/m.test(text);
  };

  it('keeps the Lease in LEADER_ELECTION_CONTEXT: cut off from that context alone, it steps down', async () => {
    // Two watched contexts on the lab's cluster, the second through a proxy the test breaks:
    // only a Lease held through the second is lost when the proxy is cut.
    const proxy = await faultyProxy();
    const dir = mkdtempSync(join(tmpdir(), 'oi-kubeconfig-'));
    let app: TestApp | undefined;
    try {
      const kc = labKubeConfig();
      const direct = kc.getContextObject(kc.getCurrentContext())!;
      kc.loadFromOptions({
        clusters: [
          ...kc.clusters,
          { ...kc.getCluster(direct.cluster)!, name: 'proxied', server: proxy.url },
        ],
        users: kc.users,
        contexts: [...kc.contexts, { ...direct, name: 'proxied', cluster: 'proxied' }],
        currentContext: direct.name,
      });
      const kubeconfig = join(dir, 'config');
      writeFileSync(kubeconfig, kc.exportConfig());
      app = await startTestApp({
        ...lab(),
        KUBECONFIG: kubeconfig,
        KUBE_CONTEXTS: `${direct.name},proxied`,
        LEADER_ELECTION_LEASE: `${ns.name}/by-context`,
        LEADER_ELECTION_LEASE_SECONDS: '3',
        LEADER_ELECTION_CONTEXT: 'proxied',
      });
      const replica = app;
      await eventually(async () => expect(await isLeader(replica)).toBe(true), 15_000);
      proxy.fail('cut');
      await eventually(async () => expect(await isLeader(replica)).toBe(false), 10_000);
    } finally {
      await app?.close();
      await proxy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('only the leader collects; the follower serves its snapshots and takes over when it shuts down', async () => {
    scratch = await createScratchDatabase();
    const env = {
      ...lab(),
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      LEADER_ELECTION_LEASE: `${ns.name}/orchestrator`,
      LEADER_ELECTION_LEASE_SECONDS: '3',
      // Named explicitly (the default is the first watched context, the same one here).
      LEADER_ELECTION_CONTEXT: labKubeConfig().getCurrentContext(),
      METRICS_INTERVAL_SECONDS: '1',
    };
    apps = await Promise.all([startTestApp(env), startTestApp(env)]);
    const [leader, follower] = await eventually(async () => {
      const flags = await Promise.all(apps.map(isLeader));
      expect(flags.filter(Boolean)).toHaveLength(1);
      return flags[0] ? [apps[0]!, apps[1]!] : [apps[1]!, apps[0]!];
    }, 30_000);
    // The leader's collector cycles; the follower's stays idle.
    const start = cycles(leader);
    await eventually(() => expect(cycles(leader)).toBeGreaterThan(start + 2), 30_000);
    expect(cycles(follower)).toBe(0);
    // The follower's values are the leader's snapshots, received over Redis.
    const hub = (t: TestApp) => t.app.services.metrics.hub;
    await eventually(() => {
      const latest = hub(leader).latest;
      expect(latest).toBeDefined();
      expect(hub(follower).latest?.t).toBe(latest?.t);
      const pod = latest!.ids.find((id) => id.includes(':POD:'))!;
      expect(hub(follower).value(pod, 'CPU_USAGE')).toBe(hub(leader).value(pod, 'CPU_USAGE'));
    }, 30_000);
    expect(cycles(follower)).toBe(0);
    // The recommender's timer too: the leader ran its first pass once its caches synced (its
    // interval is the default 15 minutes), the follower none.
    await eventually(() => expect(recommended(leader)).toBeDefined(), 30_000);
    expect(recommended(follower)).toBeUndefined();
    const status = async (t: TestApp) =>
      (await t.app.services.health.status()).find((c) => c.name === 'leader-election');
    const [ours, theirs] = [await status(leader), await status(follower)];
    expect(ours?.state).toBe('UP');
    expect(ours?.message).toMatch(/^leader \(lease lease-\w+\/orchestrator\)$/);
    expect(theirs?.state).toBe('UP');
    expect(theirs?.message).toMatch(/^follower; lease lease-\w+\/orchestrator held by .+_/);

    await leader.close();
    apps = [follower];
    await eventually(async () => expect(await isLeader(follower)).toBe(true), 15_000);
    await eventually(() => expect(cycles(follower)).toBeGreaterThan(1), 30_000);
    // The new leader runs a recommender pass at once, not an interval after the takeover.
    await eventually(() => expect(recommended(follower)).toBeDefined(), 15_000);
  });
});
