// `first` above its bound is a ValidationError naming the bound, never a silent cap: the
// resources connection (1,000), a resource's Kubernetes events (200) and pod lists (1,000),
// against a spawned server watching the lab's cluster (the lists need resources to run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../support/app.ts';
import { labEnv } from '../support/lab.ts';
import { codes, post, spawnServer, type SpawnedServer } from '../security/server.ts';

let s: SpawnedServer;
beforeAll(async () => {
  s = await spawnServer({ KUBECONFIG: labEnv().KUBECONFIG ?? '' });
  // The watch caches fill after the start: wait for pods and nodes to be listed.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const page = await post(
      s.url,
      TOKENS.viewer,
      '{ resources(filter: { kinds: [POD, NODE] }, first: 1) { totalCount } }',
    );
    const total = (page.body.data?.resources as { totalCount?: number } | undefined)?.totalCount;
    if (total && total > 1) break;
    if (Date.now() > deadline) throw new Error(`no lab resources: ${JSON.stringify(page.body)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});
afterAll(async () => {
  await s?.stop();
});

const bound = (max: number) => `first must be between 0 and ${max}`;

describe('first bounds on connections and lists', () => {
  it('resources(first) accepts 1,000 and refuses 1,001', async () => {
    const within = await post(s.url, TOKENS.viewer, '{ resources(first: 1000) { totalCount } }');
    expect(within.body.errors).toBeUndefined();
    const over = await post(s.url, TOKENS.viewer, '{ resources(first: 1001) { totalCount } }');
    expect(codes(over)).toEqual(['VALIDATION_FAILED']);
    expect(over.body.errors?.[0]?.message).toBe(bound(1000));
  });

  it('events(first) accepts 200 and refuses 201', async () => {
    const events = (n: number) =>
      `{ resources(filter: { kinds: [POD] }, first: 1) { edges { node { ... on Pod { events(first: ${n}) { reason } } } } } }`;
    const within = await post(s.url, TOKENS.viewer, events(200));
    expect(within.body.errors).toBeUndefined();
    const over = await post(s.url, TOKENS.viewer, events(201));
    expect(codes(over)).toEqual(['VALIDATION_FAILED']);
    expect(over.body.errors?.[0]?.message).toBe(bound(200));
    const negative = await post(s.url, TOKENS.viewer, events(-1));
    expect(codes(negative)).toEqual(['VALIDATION_FAILED']);
  });

  it('pods(first) accepts 1,000 and refuses 1,001', async () => {
    const pods = (n: number) =>
      `{ resources(filter: { kinds: [NODE] }, first: 1) { edges { node { ... on KubernetesNode { pods(first: ${n}) { name } } } } } }`;
    const within = await post(s.url, TOKENS.viewer, pods(1000));
    expect(within.body.errors).toBeUndefined();
    const over = await post(s.url, TOKENS.viewer, pods(1001));
    expect(codes(over)).toEqual(['VALIDATION_FAILED']);
    expect(over.body.errors?.[0]?.message).toBe(bound(1000));
  });
});
