import { encodeGlobalID } from '@pothos/plugin-relay';
import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../src/app.ts';
import { schema } from '../../src/graphql/schema.ts';
import { createLogger } from '../../src/logger.ts';
import { parseResourceId } from '../../src/providers/ids.ts';
import { resourceId } from '../../src/providers/kubernetes/kinds.ts';
import { recordedTarget } from '../../src/recommendations/decisions.ts';
import type { Recommendation } from '../../src/recommendations/types.ts';

const EKS = 'arn:aws:eks:eu-west-1:123456789012:cluster/prod-eu';

describe('resource ids', () => {
  it('reads a Kubernetes id whose context is an EKS ARN (with : and /)', () => {
    const id = resourceId(EKS, 'DEPLOYMENT', 'shop', 'storefront');
    expect(parseResourceId(id)).toEqual({
      provider: 'KUBERNETES',
      cluster: EKS,
      kind: 'DEPLOYMENT',
      namespace: 'shop',
      name: 'storefront',
    });
    expect(parseResourceId(resourceId(EKS, 'NODE', null, 'ip-10-0-0-1'))).toMatchObject({
      cluster: EKS,
      kind: 'NODE',
      namespace: null,
    });
  });

  it('reads AWS ids and refuses what is neither', () => {
    expect(parseResourceId('aws:us-east-1:EC2_INSTANCE:i-0abc')).toEqual({
      provider: 'AWS',
      cluster: 'us-east-1',
      kind: 'EC2_INSTANCE',
      namespace: null,
      name: 'i-0abc',
    });
    expect(parseResourceId('k8s:ctx:NOT_A_KIND:ns:x')).toBeUndefined();
    expect(parseResourceId('gcp:x')).toBeUndefined();
  });

  it('records the whole EKS context as the cluster of a recommendation target', () => {
    const rec = {
      targetId: resourceId(EKS, 'DEPLOYMENT', 'shop', 'storefront'),
      targetKind: 'DEPLOYMENT',
      targetNamespace: 'shop',
      targetName: 'storefront',
    } as Recommendation;
    expect(recordedTarget(rec)).toMatchObject({ provider: 'KUBERNETES', cluster: EKS });
  });
});

describe('global ids', () => {
  const revert = (auditEventId: string) =>
    execute({
      schema,
      document: parse(`mutation($id: ID!) {
        revertAction(input: { auditEventId: $id }) {
          __typename
          ... on ValidationError { fields { path message } }
        }
      }`),
      variableValues: { id: auditEventId },
      contextValue: {
        viewer: { name: 'op', role: 'operator' },
        services: {} as Services,
        requestId: 'r',
        log: createLogger('silent'),
      },
    });

  it('revertAction takes only AuditEvent ids', async () => {
    for (const id of [encodeGlobalID('Recommendation', '42'), 'not-an-id']) {
      const result = await revert(id);
      expect(result.errors).toBeUndefined();
      expect(result.data?.revertAction).toMatchObject({
        __typename: 'ValidationError',
        fields: [{ path: 'auditEventId' }],
      });
    }
  });
});
