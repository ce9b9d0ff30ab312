// KUBE_IMPERSONATION=on against the lab: a person signed in through the lab's OIDC provider
// acts with Impersonate-User / Impersonate-Group, so the cluster's own RBAC decides. Alice
// (group sre, operator in the orchestrator) is bound to `edit` in one namespace only: she
// scales there, and elsewhere the API server refuses her and the ForbiddenError says which
// permission is missing. A static token still acts as the orchestrator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OidcProvider } from '../lab/lib/oidc.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS, type TestApp } from '../support/app.ts';
import { eventually, kubectl, startImpersonationLab } from './kubernetes-support.ts';

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

let setup: Awaited<ReturnType<typeof startImpersonationLab>>;
let idp: OidcProvider;
let t: TestApp;
let mine: { name: string };
let other: { name: string };
const ids: Record<string, string> = {};

const replicas = (ns: string) =>
  kubectl(['get', 'deployment', '-n', ns, 'web', '-o', 'jsonpath={.spec.replicas}']);

beforeAll(async () => {
  setup = await startImpersonationLab('imp', 'edit');
  ({ idp, t, mine, other } = setup);
  await eventually(async () => {
    for (const ns of [mine.name, other.name]) {
      const data = expectNoErrors((await gql(t.url, TOKENS.viewer, Find, { ns })).body);
      ids[ns] = data.resources.edges.find((e) => e.node.name === 'web')?.node.id ?? '';
      expect(ids[ns]).not.toBe('');
    }
  });
}, 60_000);

afterAll(() => setup?.close());

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
