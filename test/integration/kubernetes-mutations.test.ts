// The Kubernetes provider behind the generic GraphQL mutations and the action pipeline:
// scale with dry run and audit, stop/start, revert, and the typed errors as union members.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, startTestApp, TOKENS, type TestApp } from '../support/app.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  kubeProvider,
  lab,
  scratchNamespace,
  waitReady,
} from './kubernetes-support.ts';

const FindDeployment = graphql(`
  query K8sMutFind($ns: String!) {
    resources(filter: { namespaces: [$ns], kinds: [DEPLOYMENT, DAEMONSET] }) {
      edges {
        node {
          id
          kind
          name
        }
      }
    }
  }
`);

const Scale = graphql(`
  mutation K8sMutScale($id: ID!, $n: Int!, $dry: Boolean) {
    scaleResource(input: { id: $id, replicas: $n, dryRun: $dry }) {
      __typename
      ... on ActionResult {
        dryRun
        auditEvent {
          id
          status
          before
          after
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Stop = graphql(`
  mutation K8sMutStop($id: ID!) {
    stopResource(input: { id: $id }) {
      __typename
      ... on ActionResult {
        auditEvent {
          id
          after
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

const Revert = graphql(`
  mutation K8sMutRevert($auditEventId: ID!) {
    revertAction(input: { auditEventId: $auditEventId }) {
      __typename
      ... on ActionResult {
        auditEvent {
          status
          after
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

let t: TestApp;
let ns: { name: string; drop: () => Promise<void> };
const ids: Record<string, string> = {};

const replicas = async (name: string) =>
  Number(
    await kubectl(['get', 'deployment', '-n', ns.name, name, '-o', 'jsonpath={.spec.replicas}']),
  );

beforeAll(async () => {
  ns = await scratchNamespace('k8s-mut');
  await kubectl(['apply', '-f', '-'], {
    input: `${deploymentYaml(ns.name, 'web', 2)}---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ${ns.name}}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {nodeSelector: {none: none}, containers: [{name: a, image: registry.example/a:1}]}
`,
  });
  t = await startTestApp({ KUBECONFIG: lab().KUBECONFIG ?? '' });
  await waitReady(kubeProvider(t));
  await eventually(async () => {
    const data = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, FindDeployment, { ns: ns.name })).body,
    );
    for (const e of data.resources.edges) ids[e.node.name] = e.node.id;
    expect(Object.keys(ids).sort()).toEqual(['agent', 'web']);
  });
});

afterAll(async () => {
  await t?.close();
  await ns?.drop();
});

describe('Kubernetes through the GraphQL mutations', () => {
  it('scales with a dry run first, records the audit event, and reverts', async () => {
    const dry = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Scale, { id: ids.web ?? '', n: 4, dry: true })).body,
    ).scaleResource;
    expect(dry).toMatchObject({ __typename: 'ScaleResourceSuccess', dryRun: true });
    expect(await replicas('web')).toBe(2);

    const real = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Scale, { id: ids.web ?? '', n: 4 })).body,
    ).scaleResource;
    if (real.__typename !== 'ScaleResourceSuccess') throw new Error(JSON.stringify(real));
    expect(real.auditEvent).toMatchObject({
      status: 'SUCCEEDED',
      before: { replicas: 2 },
      after: { replicas: 4 },
    });
    expect(await replicas('web')).toBe(4);

    const undo = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Revert, { auditEventId: real.auditEvent.id })).body,
    ).revertAction;
    expect(undo).toMatchObject({
      __typename: 'RevertActionSuccess',
      auditEvent: { status: 'SUCCEEDED' },
    });
    expect(await replicas('web')).toBe(2);
  });

  it('returns typed errors: a DaemonSet cannot stop, absurd counts are refused, viewers may not act', async () => {
    const ds = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Stop, { id: ids.agent ?? '' })).body,
    ).stopResource;
    expect(ds).toMatchObject({ __typename: 'ValidationError' });
    const absurd = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Scale, { id: ids.web ?? '', n: -1 })).body,
    ).scaleResource;
    expect(absurd.__typename).toBe('ValidationError');
    const viewer = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Scale, { id: ids.web ?? '', n: 3 })).body,
    ).scaleResource;
    expect(viewer.__typename).toBe('ForbiddenError');
    expect(await replicas('web')).toBe(2);
  });

  it('stops remembering the replicas; the revert starts them again', async () => {
    const stop = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Stop, { id: ids.web ?? '' })).body,
    ).stopResource;
    if (stop.__typename !== 'StopResourceSuccess') throw new Error(JSON.stringify(stop));
    expect(await replicas('web')).toBe(0);
    const undo = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Revert, { auditEventId: stop.auditEvent.id })).body,
    ).revertAction;
    expect(undo.__typename).toBe('RevertActionSuccess');
    expect(await replicas('web')).toBe(2);
  });
});
