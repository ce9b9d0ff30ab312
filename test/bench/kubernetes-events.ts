// Phase 3 of the Kubernetes benchmark (kubernetes.ts): the latency from `scaleResource`
// returning to the matching `resourceEvent` reaching a graphql-ws subscriber.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { deploymentYaml, kubectl, sleep } from '../integration/kubernetes-support.ts';
import { median, out } from './http-load.ts';

/** Median latency from scaleResource returning to the matching resourceEvent (20 scales). */
export async function scaleToEvent(url: string, token: string): Promise<void> {
  const ns = `k8s-bench-scale`;
  await kubectl(['create', 'namespace', ns]).catch(() => undefined);
  await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns, 'target', 1) });
  const gqlPost = async (query: string, variables: unknown) =>
    (await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as { data: Record<string, unknown> };
  let id = '';
  while (!id) {
    const r = await gqlPost(
      'query($ns:String!){resources(filter:{namespaces:[$ns],kinds:[DEPLOYMENT]}){edges{node{id}}}}',
      { ns },
    );
    id = (r.data.resources as { edges: { node: { id: string } }[] }).edges[0]?.node.id ?? '';
    await sleep(50);
  }
  const client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const waiters = new Map<number, (t: number) => void>();
  client.subscribe(
    {
      query: `subscription($ns:String!){resourceEvents(filter:{namespaces:[$ns],kinds:[DEPLOYMENT]}){type resource{... on Deployment{desiredReplicas}}}}`,
      variables: { ns },
    },
    {
      next: (v) => {
        const d = (v.data as { resourceEvents: { resource: { desiredReplicas?: number } } })
          .resourceEvents.resource.desiredReplicas;
        if (d !== undefined) waiters.get(d)?.(performance.now());
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  await sleep(500);
  const fromReturn: number[] = [];
  const fromStart: number[] = [];
  for (let i = 0; i < 20; i++) {
    const replicas = 2 + (i % 2);
    const arrived = new Promise<number>((resolve) => waiters.set(replicas, resolve));
    const t0 = performance.now();
    const r = await gqlPost(
      'mutation($id:ID!,$n:Int!){scaleResource(input:{id:$id,replicas:$n}){__typename ... on Error{message}}}',
      { id, n: replicas },
    );
    const returned = performance.now();
    const typename = (r.data.scaleResource as { __typename: string }).__typename;
    if (typename !== 'ScaleResourceSuccess') throw new Error(JSON.stringify(r));
    const at = await arrived;
    fromReturn.push(at - returned);
    fromStart.push(at - t0);
    waiters.delete(replicas);
  }
  await client.dispose();
  await kubectl(['delete', 'namespace', ns, '--wait=false']);
  out(
    `scaleResource -> resourceEvent (20 scales): median ${median(fromReturn).toFixed(1)} ms after the mutation returned (negative: before), ${median(fromStart).toFixed(1)} ms after it was sent`,
  );
}
