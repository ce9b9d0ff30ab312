// Long actions as background work, against moto behind a proxy that makes a stop take its
// time: an EC2 type change answers PENDING once the stop is sent and completes the same audit
// event later (streamed on auditEvents); a process SIGTERMed in its stop-wait exits within its
// shutdown timeout leaving the event PENDING, and the next start resumes and records it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { API_TOKENS, expectNoErrors, gql, TOKENS } from '../support/app.ts';
import { auditOutcome } from '../support/audit-outcome.ts';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { MOTO_CREDENTIALS, sdk, startAwsTestApp, startMoto, type Moto } from '../support/moto.ts';
import { spawnOrchestrator, type Spawned } from '../support/process.ts';
import { sseEvents } from '../support/sse.ts';

const REGION = 'us-east-1';

const ChangeTypeLater = graphql(`
  mutation ChangeTypeLater($input: ChangeInstanceTypeInput!) {
    changeInstanceType(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on ActionResult {
        auditEvent {
          id
          status
          message
          before
          after
        }
      }
    }
  }
`);

let moto: Moto;
let proxy: FaultProxy;
let ec2: ReturnType<typeof sdk>['ec2'];
/** While set, DescribeInstances through the proxy shows a stopped instance as still stopping. */
let holdStops = false;
const dirs: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  ec2 = sdk(moto.endpoint, REGION).ec2;
  proxy = await startFaultProxy(moto.endpoint);
  proxy.rewrite = (request, response) =>
    holdStops && request.includes('Action=DescribeInstances')
      ? response
          .replaceAll('<name>stopped</name>', '<name>stopping</name>')
          .replaceAll('<code>80</code>', '<code>64</code>')
      : response;
});

afterAll(async () => {
  ec2?.destroy();
  await proxy?.close();
  await moto?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function launch(): Promise<string> {
  const ami = (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images?.[0];
  const res = await ec2.send(
    new RunInstancesCommand({
      ImageId: ami?.ImageId,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 't3.micro',
    }),
  );
  return res.Instances?.[0]?.InstanceId ?? '';
}

/** Type and state as moto has them (not through the proxy). */
async function instance(id: string) {
  const res = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  const i = res.Reservations?.[0]?.Instances?.[0];
  return { type: i?.InstanceType, state: i?.State?.Name };
}

const gid = (native: string) =>
  encodeGlobalID('Ec2Instance', `aws:${REGION}:EC2_INSTANCE:${native}`);

async function changeType(url: string, id: string) {
  const started = Date.now();
  const res = expectNoErrors(
    (
      await gql(url, TOKENS.operator, ChangeTypeLater, {
        input: { id: gid(id), instanceType: 't3.small' },
      })
    ).body,
  ).changeInstanceType;
  if (res.__typename !== 'ChangeInstanceTypeSuccess') throw new Error(JSON.stringify(res));
  return { event: res.auditEvent, tookMs: Date.now() - started };
}

describe('long actions go on in the background', () => {
  it('answers PENDING once the stop is sent, then completes and streams the same event', async () => {
    const id = await launch();
    const t = await startAwsTestApp({ AWS_ENDPOINT: proxy.endpoint, AWS_REGIONS: REGION });
    const abort = new AbortController();
    try {
      const sse = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        signal: abort.signal,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${TOKENS.viewer}`,
        },
        body: JSON.stringify({ query: 'subscription { auditEvents { id status } }' }),
      });
      const seen: { id: string; status: string }[] = [];
      const streamed = (async () => {
        for await (const e of sseEvents(sse.body!)) {
          if (e.event !== 'next') continue;
          const ev = (
            JSON.parse(e.data) as { data: { auditEvents: { id: string; status: string } } }
          ).data.auditEvents;
          seen.push(ev);
          if (ev.status !== 'PENDING') return;
        }
      })();

      holdStops = true;
      const { event, tookMs } = await changeType(t.url, id);
      expect(event).toMatchObject({
        status: 'PENDING',
        message: null,
        before: null,
      });
      expect(tookMs).toBeLessThan(10_000);
      // moto has stopped it; the proxy shows it stopping, so the change waits.
      expect(await instance(id)).toEqual({ type: 't3.micro', state: 'stopped' });
      await new Promise((r) => setTimeout(r, 2000));
      await expect(auditOutcome(t.url, TOKENS.viewer, event.id, 0)).rejects.toThrow(/PENDING/);

      holdStops = false;
      const done = await auditOutcome(t.url, TOKENS.viewer, event.id);
      expect(done).toMatchObject({
        status: 'SUCCEEDED',
        before: { instanceType: 't3.micro', awsState: 'running' },
        after: { instanceType: 't3.small' },
        message: `changed ${id} from t3.micro to t3.small (stopped, modified, started)`,
      });
      const now = await instance(id);
      expect(now.type).toBe('t3.small');
      expect(['pending', 'running']).toContain(now.state);
      await streamed;
      expect(seen).toEqual([
        { id: event.id, status: 'PENDING' },
        { id: event.id, status: 'SUCCEEDED' },
      ]);
    } finally {
      holdStops = false;
      abort.abort();
      await t.close();
    }
  });

  it('leaves the action PENDING when SIGTERMed in the stop-wait; the next start resumes it', async () => {
    const id = await launch();
    const dataDir = mkdtempSync(join(tmpdir(), 'oi-background-'));
    dirs.push(dataDir);
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      API_TOKENS,
      AWS_ENDPOINT: proxy.endpoint,
      AWS_REGIONS: REGION,
      AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
      AWS_POLL_INTERVAL_SECONDS: '3600',
      SHUTDOWN_TIMEOUT_SECONDS: '6',
    };
    const start = async (): Promise<{ proc: Spawned; url: string }> => {
      const proc = spawnOrchestrator(env);
      const line = await proc.waitFor(/"msg":"listening"/);
      const url = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
      for (const until = Date.now() + 60_000; (await fetch(`${url}/ready`)).status !== 200;) {
        if (Date.now() > until) throw new Error(`never ready:\n${proc.output()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      return { proc, url };
    };

    holdStops = true;
    const first = await start();
    const { event } = await changeType(first.url, id);
    expect(event.status).toBe('PENDING');
    const signalled = Date.now();
    first.proc.child.kill('SIGTERM');
    expect((await first.proc.exited).code).toBe(0);
    // The grace (the shutdown timeout less 2 s) passed, then the stop-wait was abandoned.
    expect(Date.now() - signalled).toBeLessThan(6_000);
    expect(first.proc.output()).toContain('action left PENDING by shutdown');
    // Nothing was put back or changed: stopped on its old type, as the shutdown left it.
    expect(await instance(id)).toEqual({ type: 't3.micro', state: 'stopped' });

    holdStops = false;
    const second = await start();
    try {
      const done = await auditOutcome(second.url, TOKENS.viewer, event.id);
      expect(done).toMatchObject({
        status: 'SUCCEEDED',
        before: { instanceType: 't3.micro', awsState: 'stopped' },
        after: { instanceType: 't3.small' },
        message: `changed ${id} from t3.micro to t3.small (stopped, modified, started), resumed after a restart`,
      });
      const now = await instance(id);
      expect(now.type).toBe('t3.small');
      expect(['pending', 'running']).toContain(now.state);
      expect(second.proc.output()).toContain('resumed an interrupted action');
    } finally {
      second.proc.child.kill('SIGTERM');
      await second.proc.exited;
    }
  });
});
