// The pipeline's parameter table: what each verb accepts, and what the audit log keeps.
import { describe, expect, it } from 'vitest';
import { MAX_MANIFESTS, recordedParams, validateParams } from '../../src/actions/params.ts';
import { ValidationError } from '../../src/errors.ts';

const configMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'team-a' },
  data: { password: 'hunter2' },
});

function refusal(verb: Parameters<typeof validateParams>[0], params: unknown): ValidationError {
  try {
    validateParams(verb, params);
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error(`${verb} accepted ${JSON.stringify(params)}`);
}

describe('action parameters', () => {
  it('refuses bad scale input with the field named', () => {
    expect(refusal('scale', { replicas: -1 }).fields).toEqual([
      { path: 'replicas', message: 'replicas cannot be negative' },
    ]);
    expect(refusal('scale', { replicas: 2, extra: true }).message).toMatch(/extra/);
  });

  it('accepts a creation of named manifests and refuses malformed ones', () => {
    expect(validateParams('create', { manifests: [configMap('a')] })).toEqual({
      manifests: [configMap('a')],
    });
    expect(refusal('create', { manifests: [] }).message).toMatch(/cannot be empty/);
    expect(refusal('create', { manifests: [{ kind: 'ConfigMap', metadata: {} }] }).fields).toEqual(
      expect.arrayContaining([
        { path: 'manifests.0.apiVersion', message: 'every manifest needs an apiVersion' },
        { path: 'manifests.0.metadata.name', message: 'every manifest needs metadata.name' },
      ]),
    );
    const many = Array.from({ length: MAX_MANIFESTS + 1 }, (_, i) => configMap(`c${i}`));
    expect(refusal('create', { manifests: many }).message).toMatch(/at most/);
  });

  it('records a creation by object names and digest, never the content', () => {
    const params = validateParams('create', { manifests: [configMap('a'), configMap('b')] });
    const kept = recordedParams('create', params);
    expect(kept.objects).toEqual(['ConfigMap a', 'ConfigMap b']);
    expect(kept.manifestsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(kept).sort()).toEqual(['manifestsSha256', 'objects']);
    expect(JSON.stringify(kept)).not.toContain('hunter2');
    // The digest pins the exact manifests: any change gives another one.
    const changed = recordedParams('create', {
      manifests: [configMap('a'), { ...configMap('b'), data: { password: 'other' } }],
    });
    expect(changed.manifestsSha256).not.toBe(kept.manifestsSha256);
    // Other verbs are recorded as given.
    expect(recordedParams('scale', { replicas: 3 })).toEqual({ replicas: 3 });
  });
});
