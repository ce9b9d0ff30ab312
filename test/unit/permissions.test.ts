// "Why can't I?": every resource says what the viewer may do to it and why not, from the same
// role table the action pipeline enforces; a refused mutation names the role that would allow
// it. In-process against the schema over the fixture provider (no cluster needed).
import type { ResultOf } from '@graphql-typed-document-node/core';
import { execute } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.ts';
import { PermissionService } from '../../src/auth/permissions.ts';
import type { Role } from '../../src/auth/viewer.ts';
import { createContext } from '../../src/graphql/context.ts';
import { schema } from '../../src/graphql/schema.ts';
import { createLogger } from '../../src/logger.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import { graphql } from '../gql/gql.ts';
import { FixtureProvider } from './chat-fixtures.ts';

const Permissions = graphql(`
  query ResourcePermissions {
    resources(filter: { namespaces: ["prod"], kinds: [DEPLOYMENT, POD] }, first: 100) {
      edges {
        node {
          kind
          name
          actions
          permissions {
            verb
            allowed
            requiredRole
            reason
          }
          canScale: can(verb: SCALE) {
            allowed
            requiredRole
            reason
          }
        }
      }
    }
  }
`);

const providers = new ProviderRegistry([new FixtureProvider()]);
const services = {
  providers,
  permissions: new PermissionService({ providers }),
} as unknown as Services;

async function ask(role: Role) {
  const result = await execute({
    schema,
    document: Permissions,
    contextValue: createContext(
      { viewer: { name: `${role}-user`, role }, requestId: 'r', log: createLogger('silent') },
      services,
    ),
  });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return (result.data as ResultOf<typeof Permissions>).resources.edges.map((e) => e.node);
}

describe('Resource.permissions and can(verb)', () => {
  it('a viewer may do nothing, and each refusal names the role that would allow it', async () => {
    const nodes = await ask('viewer');
    const deployment = nodes.find((n) => n.kind === 'DEPLOYMENT');
    expect(deployment?.actions).toEqual([]);
    expect(deployment?.permissions.map((p) => [p.verb, p.allowed, p.requiredRole])).toEqual([
      ['SCALE', false, 'OPERATOR'],
      ['STOP', false, 'OPERATOR'],
      ['START', false, 'OPERATOR'],
      ['RESTART', false, 'OPERATOR'],
      ['DELETE', false, 'ADMIN'],
    ]);
    expect(deployment?.permissions[0]?.reason).toBe(
      'viewer-user (viewer) may not scale; it needs the operator role',
    );
  });

  it('an operator may act but not delete; an admin may do everything', async () => {
    const operator = (await ask('operator')).find((n) => n.kind === 'DEPLOYMENT');
    expect(operator?.actions).toEqual(['SCALE', 'STOP', 'START', 'RESTART']);
    expect(operator?.permissions.find((p) => p.verb === 'DELETE')).toMatchObject({
      allowed: false,
      requiredRole: 'ADMIN',
      reason: 'operator-user (operator) may not delete; it needs the admin role',
    });
    expect(operator?.canScale).toEqual({ allowed: true, requiredRole: 'OPERATOR', reason: null });
    const admin = (await ask('admin')).find((n) => n.kind === 'DEPLOYMENT');
    expect(admin?.permissions.every((p) => p.allowed && p.reason === null)).toBe(true);
  });

  it('can(verb) for a verb the kind does not take is refused whatever the role', async () => {
    const pod = (await ask('admin')).find((n) => n.kind === 'POD');
    expect(pod?.permissions.map((p) => p.verb)).toEqual(['RESTART', 'DELETE']);
    expect(pod?.canScale).toEqual({
      allowed: false,
      requiredRole: 'OPERATOR',
      reason: 'a POD cannot be asked to scale',
    });
  });
});
