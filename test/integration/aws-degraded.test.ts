import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, ProviderError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { AwsProvider } from '../../src/providers/aws/provider.ts';
import type { Resource } from '../../src/providers/provider.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS } from '../support/app.ts';
import { Flaky } from '../support/flaky.ts';
import {
  MOTO_CREDENTIALS,
  seedEstate,
  motoProvider,
  startAwsTestApp,
  startMoto,
  type Moto,
} from '../support/moto.ts';

// us-east-1 answers; eu-west-1 is an AWS that rejects our credentials; ap-south-1 is an
// endpoint nobody listens on; sa-east-1 throttles every request.
const GOOD = 'us-east-1';
const BAD_CREDENTIALS = 'eu-west-1';
const UNREACHABLE = 'ap-south-1';
const THROTTLED = 'sa-east-1';

let moto: Moto;
let strictMoto: Moto;
let throttler: Server;
let throttledCalls = 0;
let deadPort: number;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  [moto, strictMoto] = await Promise.all([startMoto(), startMoto({ requireAuth: true })]);
  await seedEstate(moto.endpoint, GOOD);
  // What EC2 answers when its request rate is exceeded (a 503 with RequestLimitExceeded); the
  // other services' Query APIs share the shape closely enough for the SDK's classifier.
  throttler = createServer((req, res) => {
    throttledCalls++;
    req.resume();
    res.writeHead(503, { 'content-type': 'text/xml' });
    res.end(
      '<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>t</RequestID></Response>',
    );
  });
  const throttlePort = await listen(throttler);
  const closed = createServer();
  deadPort = await listen(closed);
  await new Promise((r) => closed.close(r));
  provider = new AwsProvider({
    endpoint: moto.endpoint,
    regions: [GOOD, BAD_CREDENTIALS, UNREACHABLE, THROTTLED],
    pollIntervalSeconds: 3600,
    log: createLogger('silent'),
    regionTargets: {
      [GOOD]: { credentials: MOTO_CREDENTIALS },
      [BAD_CREDENTIALS]: {
        endpoint: strictMoto.endpoint,
        credentials: { accessKeyId: 'AKIANOTAREALKEY00000', secretAccessKey: 'wrong' },
      },
      [UNREACHABLE]: { endpoint: `http://127.0.0.1:${deadPort}`, credentials: MOTO_CREDENTIALS },
      [THROTTLED]: { endpoint: `http://127.0.0.1:${throttlePort}`, credentials: MOTO_CREDENTIALS },
    },
  });
  await provider.start();
}, 120_000);

let provider: AwsProvider;

afterAll(async () => {
  await provider?.stop();
  await new Promise((r) => throttler?.close(r));
  await Promise.all([moto?.stop(), strictMoto?.stop()]);
});

describe('a failing region degrades AWS without failing the others', () => {
  it('lists the healthy region in full and names each failing region with its cause', async () => {
    expect(provider.list({ clusters: [GOOD] }).length).toBeGreaterThan(5);
    expect(provider.list({ clusters: [BAD_CREDENTIALS, UNREACHABLE, THROTTLED] })).toEqual([]);
    const failures = new Map(provider.failures().map((f) => [f.cluster, f.message]));
    expect([...failures.keys()].sort()).toEqual([UNREACHABLE, THROTTLED, BAD_CREDENTIALS].sort());
    expect(failures.get(BAD_CREDENTIALS)).toMatch(/AuthFailure|InvalidClientTokenId/);
    expect(failures.get(UNREACHABLE)).toMatch(/ECONNREFUSED/);
    expect(failures.get(THROTTLED)).toMatch(/RequestLimitExceeded/);
    // Every kind of each failing region is named.
    for (const message of failures.values())
      expect(message).toMatch(/ec2 instances.*|ebs volumes.*|rds instances.*|auto scaling groups/);
    const health = await provider.health();
    expect(health.state).toBe('DEGRADED');
    expect(health.message).toContain(BAD_CREDENTIALS);
    // A region that keeps failing does not hold the process out of readiness.
    expect(provider.notReadyReason()).toBeNull();
  });

  it('retries throttling with the SDK strategy, then reports a ProviderError', async () => {
    const before = throttledCalls;
    const ghost: Resource = {
      ...(provider.list({ clusters: [GOOD], kinds: ['EC2_INSTANCE'] })[0] as Resource),
      id: `aws:${THROTTLED}:EC2_INSTANCE:i-0123456789abcdef0`,
    };
    const err = await provider
      .execute({ verb: 'stop', target: ghost, params: {}, dryRun: false })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as Error).message).toMatch(/after 3 attempts.*RequestLimitExceeded/);
    expect(throttledCalls - before).toBe(3);
  });

  it('maps refused credentials on an action to ForbiddenError', async () => {
    const ghost: Resource = {
      ...(provider.list({ clusters: [GOOD], kinds: ['EC2_INSTANCE'] })[0] as Resource),
      id: `aws:${BAD_CREDENTIALS}:EC2_INSTANCE:i-0123456789abcdef0`,
    };
    const err = await provider
      .execute({ verb: 'stop', target: ghost, params: {}, dryRun: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
  });

  it('moves failuresVersion when a failure appears and when it goes, not while it lasts', async () => {
    // The response cache keeps answers that name failures while this version stays.
    const url = new URL(moto.endpoint);
    const flaky = new Flaky({ host: url.hostname, port: Number(url.port) });
    await flaky.up();
    const solo = await motoProvider(moto, [GOOD], {
      endpoint: `http://127.0.0.1:${flaky.port}`,
      maxAttempts: 1,
    });
    try {
      expect(solo.failures()).toEqual([]);
      const before = solo.failuresVersion;
      await flaky.down();
      await solo.pollNow();
      expect(solo.failures().map((f) => f.cluster)).toEqual([GOOD]);
      const failing = solo.failuresVersion;
      expect(failing).toBeGreaterThan(before);
      await solo.pollNow(); // the same failure again
      expect(solo.failuresVersion).toBe(failing);
      await flaky.up();
      await solo.pollNow();
      expect(solo.failures()).toEqual([]);
      expect(solo.failuresVersion).toBeGreaterThan(failing);
    } finally {
      await solo.stop();
      await flaky.down();
    }
  });

  it('keeps a region last good snapshot while it fails, publishing no DELETED', async () => {
    const soloMoto = await startMoto();
    try {
      await seedEstate(soloMoto.endpoint, GOOD);
      const solo = await motoProvider(soloMoto, [GOOD], { maxAttempts: 1 });
      const count = solo.list({}).length;
      const deleted: string[] = [];
      solo.onEvent((e) => e.type === 'DELETED' && deleted.push(e.resource.id));
      await soloMoto.stop();
      await solo.pollNow();
      expect(solo.list({}).length).toBe(count);
      expect(deleted).toEqual([]);
      expect((await solo.health()).state).toBe('DOWN');
      await solo.stop();
    } finally {
      await soloMoto.stop();
    }
  });
});

const AwsStatusAndResources = graphql(`
  query AwsDegraded {
    status {
      name
      state
      message
    }
    resources(filter: { providers: [AWS] }) {
      totalCount
      failures {
        provider
        cluster
        message
      }
    }
  }
`);

describe('through the graph', () => {
  it('answers with what worked and names the region that failed, without an error', async () => {
    const t = await startAwsTestApp({
      AWS_ENDPOINT: `http://127.0.0.1:${deadPort}`,
      AWS_REGION: UNREACHABLE,
    });
    try {
      const data = expectNoErrors((await gql(t.url, TOKENS.viewer, AwsStatusAndResources)).body);
      expect(data.status.find((c) => c.name === 'aws')).toMatchObject({ state: 'DOWN' });
      expect(data.resources.totalCount).toBe(0);
      expect(data.resources.failures).toContainEqual(
        expect.objectContaining({ provider: 'AWS', cluster: UNREACHABLE }),
      );
    } finally {
      await t.close();
    }
  });
});
