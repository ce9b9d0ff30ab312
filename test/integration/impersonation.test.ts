// KUBE_IMPERSONATION=on against the lab: a person signed in through the lab's OIDC provider
// acts with Impersonate-User / Impersonate-Group, so the cluster's own RBAC decides. Alice
// (group sre, operator in the orchestrator) is bound to `edit` in one namespace only: she
// scales there, and elsewhere the API server refuses her and the ForbiddenError says which
// permission is missing. A static token still acts as the orchestrator.
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS } from '../support/app.ts';
import { Deployments, impersonationLab } from '../support/impersonation.ts';
import { eventually, kubectl } from './kubernetes-support.ts';

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

const lab = impersonationLab('imp', 'edit');
const ids: Record<string, string> = {};

const replicas = (ns: string) =>
  kubectl(['get', 'deployment', '-n', ns, 'web', '-o', 'jsonpath={.spec.replicas}']);

beforeAll(async () => {
  const { t, mine, other } = lab;
  await eventually(async () => {
    for (const ns of [mine, other]) {
      const data = expectNoErrors(
        (await gql(t.url, TOKENS.viewer, Deployments, { ns: [ns] })).body,
      );
      ids[ns] = data.resources.edges.find((e) => e.node.name === 'web')?.node.id ?? '';
      expect(ids[ns]).not.toBe('');
    }
  });
}, 60_000);

describe('KUBE_IMPERSONATION=on', () => {
  it('a person scales where the cluster binds her, as herself', async () => {
    const { idp, t, mine } = lab;
    const token = await idp.signIn('alice');
    const r = expectNoErrors((await gql(t.url, token, Scale, { id: ids[mine] ?? '', n: 2 })).body);
    expect(r.scaleResource).toMatchObject({
      __typename: 'ScaleResourceSuccess',
      auditEvent: { actor: 'oidc:u-alice', status: 'SUCCEEDED' },
    });
    expect(await replicas(mine)).toBe('2');
  });

  it('elsewhere her RBAC refuses, and the error names the missing permission', async () => {
    const { idp, t, other } = lab;
    const token = await idp.signIn('alice');
    const r = expectNoErrors((await gql(t.url, token, Scale, { id: ids[other] ?? '', n: 3 })).body);
    expect(r.scaleResource).toMatchObject({
      __typename: 'ForbiddenError',
      requiredRole: null,
      requiredPermission: `get deployments/scale.apps in namespace ${other}`,
    });
    expect((r.scaleResource as { message: string }).message).toContain(
      `does not let oidc:u-alice get deployments/scale.apps in namespace ${other}`,
    );
    expect(await replicas(other)).toBe('1');
  });

  it('a static token still acts with the orchestrator’s own credentials', async () => {
    const { t, other } = lab;
    const r = expectNoErrors(
      (await gql(t.url, TOKENS.operator, Scale, { id: ids[other] ?? '', n: 2 })).body,
    );
    expect(r.scaleResource).toMatchObject({ __typename: 'ScaleResourceSuccess' });
    expect(await replicas(other)).toBe('2');
  });
});
