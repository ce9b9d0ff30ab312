import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactEndpoints } from '../../src/audit/redact.ts';
import { ProviderError, ValidationError } from '../../src/errors.ts';
import { TOKENS, startTestApp, type TestApp } from '../support/app.ts';
import { auditIntent, provenEvents } from '../support/audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('provider errors in the audit log keep internal endpoints out', () => {
  it('redacts URLs, IPv4 and IPv6 addresses and host names, keeping the rest', () => {
    const cases: [string, string][] = [
      [
        'cluster lab unreachable during scale deployment shop/web: request to https://10.0.3.7:6443/apis/apps/v1/namespaces/shop/deployments/web failed',
        'cluster lab unreachable during scale deployment shop/web: request to <url> failed',
      ],
      ['connect ECONNREFUSED 10.0.3.7:6443', 'connect ECONNREFUSED <address>'],
      ['connect ECONNREFUSED [fd00:ec2::254]:443', 'connect ECONNREFUSED <address>'],
      ['connect ECONNREFUSED fe80::1%eth0', 'connect ECONNREFUSED <address>'],
      ['getaddrinfo ENOTFOUND kube-api.prod.example.com', 'getaddrinfo ENOTFOUND <host>'],
      ['dial tcp: lookup etcd-0.etcd on 10.96.0.10:53', 'dial tcp: lookup <host> on <address>'],
      ['proxy kube.prod.example.com:8443 refused', 'proxy <host> refused'],
      ['metadata server ip-10-0-0-12.ec2.internal timed out', 'metadata server <host> timed out'],
      // Not endpoints: Kubernetes resource names, versions, times.
      [
        'deployments.apps "web" not found at 19:44:58 (v1.31.0)',
        'deployments.apps "web" not found at 19:44:58 (v1.31.0)',
      ],
    ];
    for (const [input, expected] of cases) expect(redactEndpoints(input)).toBe(expected);
  });

  it('records the redacted text, which a viewer reads with its proof over GraphQL', async () => {
    const secretUrl = 'https://kube-api.corp.example:6443/api/v1/namespaces/shop/pods';
    const intent = auditIntent(1, { action: 'restart', verb: 'restart' });
    const result = await t.app.services.actions.record(
      {
        ...intent,
        params: {},
        recorded: {},
        viewer: { name: 'operator-user', role: 'operator' },
      },
      () => {
        throw new ProviderError('kubernetes', `restart failed: GET ${secretUrl} (10.1.2.3)`);
      },
    );
    expect(result).toBeInstanceOf(ProviderError);
    // The caller gets what the log keeps (an idempotent replay gives the same).
    expect((result as ProviderError).message).toBe('restart failed: GET <url> (<address>)');

    await t.app.services.actions.record(
      {
        ...auditIntent(2),
        params: {},
        recorded: {},
        viewer: { name: 'operator-user', role: 'operator' },
      },
      () => {
        throw new ValidationError('refused by 192.168.7.7', [
          { path: 'replicas', message: 'quota at https://quota.internal/' },
        ]);
      },
    );

    const events = await provenEvents(t.url, TOKENS.viewer, { statuses: ['FAILED'] });
    expect(events.map((e) => e.error)).toEqual([
      { code: 'VALIDATION_FAILED', message: 'refused by <address>' },
      { code: 'PROVIDER_ERROR', message: 'restart failed: GET <url> (<address>)' },
    ]);
    // What was hashed and proven is the redacted text too: the secret is nowhere in the log.
    const records = events.flatMap((e) => e.inclusionProof!.leaves.map((l) => l.record));
    expect(records.join('\n')).not.toMatch(/corp\.example|10\.1\.2\.3|192\.168|quota\.internal/);
  });
});
