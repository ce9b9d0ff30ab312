// KUBE_IMPERSONATION=on against the lab: a person signed in through the lab's OIDC provider
// acts with Impersonate-User / Impersonate-Group, so the cluster's own RBAC decides. Alice
// (group sre, operator in the orchestrator) is bound to `edit` in one namespace only: she
// scales there, and elsewhere the API server refuses her and the ForbiddenError says which
// permission is missing. A static token still acts as the orchestrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type OidcProvider } from '../lab/lib/oidc.ts';
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

const Find = graphql(`
  query ImpersonationFind($ns: String!) {
    resources(filter: { namespaces: [$ns], kinds: [DEPLOYMENT] }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const Scale = graphql(`
  mutation ImpersonationScale($id: ID!, $n: Int!) {
    scaleResource(input: { id: $id, replicas: $n }) {
      __typename
      ... on ActionResult {
        auditEvent {
          actor
          status
        }
      }
      ... on ForbiddenError {
        message
        requiredRole
        requiredPermission
      }
    }
  }
`);

let idp: OidcProvider;
let t: TestApp;
let mine: { name: string; drop: () => Promise<void> };
let other: { name: string; drop: () => Promise<void> };
const ids: Record<string, string> = {};

const replicas = (ns: string) =>
  kubectl(['get', 'deployment', '-n', ns, 'web', '-o', 'jsonpath={.spec.replicas}']);

beforeAll(async () => {
  idp = await startOidcProvider();
  mine = await scratchNamespace('imp-mine');
  other = await scratchNamespace('imp-other');
  for (const ns of [mine.name, other.name]) {
    await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns, 'web', 1) });
  }
  await kubectl([
    'create',
    'rolebinding',
    'alice-edit',
    '-n',
    mine.name,
    '--clusterrole=edit',
    '--user=oidc:u-alice',
  ]);
  t = await startTestApp({
    KUBECONFIG: lab().KUBECONFIG ?? '',
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: 'orchestrator',
    OIDC_ROLES: 'sre=operator,admins=admin',
    KUBE_IMPERSONATION: 'on',
  });
  await waitReady(kubeProvider(t));
  await eventually(async () => {
    for (const ns of [mine.name, other.name]) {
      const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Find, { ns })).body);
      ids[ns] = data.resources.edges.find((e) => e.node.name === 'web')?.node.id ?? '';
      expect(ids[ns]).not.toBe('');
    }
  });
});

afterAll(async () => {
  await t?.close();
  await idp?.stop();
  await mine?.drop();
  await other?.drop();
});

describe('KUBE_IMPERSONATION=on', () => {
  it('a person scales where the cluster binds her, as herself', async () => {
    const token = await idp.signIn('alice');
    const r = expectNoErrors(
      (await gql(t.url, token, Scale, { id: ids[mine.name] ?? '', n: 2 })).body,
    );
    expect(r.scaleResource).toMatchObject({
      __typename: 'ScaleResourceSuccess',
      auditEvent: { actor: 'oidc:u-alice', status: 'SUCCEEDED' },
    });
    expect(await replicas(mine.name)).toBe('2');
  });

  it('elsewhere her RBAC refuses, and the error names the missing permission', async () => {
    const token = await idp.signIn('alice');
    const r = expectNoErrors(
      (await gql(t.url, token, Scale, { id: ids[other.name] ?? '', n: 3 })).body,
    );
    expect(r.scaleResource).toMatchObject({
      __typename: 'ForbiddenError',
      requiredRole: null,
      requiredPermission: `get deployments/scale.apps in namespace ${other.name}`,
    });
    expect((r.scaleResource as { message: string }).message).toContain(
      `does not let oidc:u-alice get deployments/scale.apps in namespace ${other.name}`,
    );
    expect(await replicas(other.name)).toBe('1');
  });

  it('a static token still acts with the orchestrator’s own credentials', async () => {
    const r = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Scale, { id: ids[other.name] ?? '', n: 2 })).body,
    );
    expect(r.scaleResource).toMatchObject({ __typename: 'ScaleResourceSuccess' });
    expect(await replicas(other.name)).toBe('2');
  });
});
