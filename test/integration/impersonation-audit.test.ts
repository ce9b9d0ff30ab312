// KUBE_IMPERSONATION=on against the lab: an audit event without a target whose details sum what
// the whole estate holds (a recommendation run's counts in its `after` and `message`, a failed
// run's `error`) is shown to a person who may not list every pod and node with those details
// withheld, however it is read: the log, node(id), its inclusion proofs, the auditEvents
// subscription, and the answer of the run she asked for herself. Carol (admin in the orchestrator) once bound to list every
// pod and node reads them, as the orchestrator's own tokens do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../src/errors.ts';
import { NO_VERB } from '../../src/recommendations/decisions.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS } from '../support/app.ts';
import {
  dropClusterWide,
  grantClusterWide,
  impersonationLab,
  READ_NODES,
  socketAs,
} from '../support/impersonation.ts';
import { eventually, sleep } from './kubernetes-support.ts';

const Run = graphql(`
  mutation AuditRun {
    runRecommendations {
      __typename
      ... on RunRecommendationsSuccess {
        run {
          workloads
          open
        }
        auditEvent {
          id
          withheld
          after
          message
        }
      }
    }
  }
`);

const Runs = graphql(`
  query AuditRuns($id: ID!) {
    auditLog(first: 100, filter: { actions: [RUN_RECOMMENDATIONS] }) {
      edges {
        node {
          id
          withheld
          parameters
          after
          message
          inclusionProof {
            treeSize
          }
        }
      }
    }
    node(id: $id) {
      ... on AuditEvent {
        withheld
        after
        message
      }
    }
  }
`);

const FailedRuns = graphql(`
  query AuditFailedRuns {
    auditLog(first: 100, filter: { actions: [RUN_RECOMMENDATIONS], statuses: [FAILED] }) {
      edges {
        node {
          id
          withheld
          error {
            code
            message
          }
        }
      }
    }
  }
`);

const Proof = graphql(`
  query AuditProof($id: ID!) {
    auditInclusionProof(eventId: $id) {
      leaves {
        record
      }
    }
  }
`);

const Checkpoint = graphql(`
  mutation AuditCheckpoint {
    createAuditCheckpoint {
      treeSize
    }
  }
`);

const lab = impersonationLab('audit', 'view');
/** A run asked for with the orchestrator's admin token, as that token read it. */
let run: { id: string; after: unknown; message: string | null };
/** Carol's cluster-wide grant on the shared lab, deleted at the end. */
const carolSees = `audit-carol-${process.pid}`;

/** A run by `token`: its counts and its audit event as `token` reads them. */
async function runAs(token: string) {
  const r = expectNoErrors((await gql(lab.t.url, token, Run)).body).runRecommendations;
  if (r.__typename !== 'RunRecommendationsSuccess') throw new Error(r.__typename);
  return r;
}

/** The run's event as `token` reads it: in the log, by node(id), and its inclusion proof. */
async function readRun(token: string) {
  const data = expectNoErrors((await gql(lab.t.url, token, Runs, { id: run.id })).body);
  const listed = data.auditLog?.edges.find((e) => e.node.id === run.id)?.node;
  const proof = expectNoErrors((await gql(lab.t.url, token, Proof, { id: run.id })).body);
  return { listed, byId: data.node, proof: proof.auditInclusionProof };
}

beforeAll(async () => {
  const r = await runAs(TOKENS.admin);
  expect(r.run.workloads).toEqual(expect.any(Number));
  run = r.auditEvent;
  expect(run.after).toMatchObject({ workloads: r.run.workloads, open: r.run.open });
  expect(run.message).toMatch(/created, .* refreshed, .* expired; .* open/);
  // Its records in a signed tree: inclusion proofs hold the records' bytes.
  expectNoErrors((await gql(lab.t.url, TOKENS.admin, Checkpoint)).body);
}, 120_000);

afterAll(() => dropClusterWide(carolSees).catch(() => undefined));

describe('audit events without a target under KUBE_IMPERSONATION=on', () => {
  it('a namespace-bound person reads a run’s event without its counts', async () => {
    const alice = await lab.idp.signIn('alice');
    const hers = await readRun(alice);
    const withheld = { withheld: true, after: null, message: null };
    expect(hers.listed).toEqual({ id: run.id, ...withheld, parameters: {}, inclusionProof: null });
    expect(hers.byId).toEqual(withheld);
    expect(hers.proof).toBe(null);
    // The orchestrator's token reads every detail, and the records that hold them.
    const all = await readRun(TOKENS.viewer);
    expect(all.listed).toMatchObject({ withheld: false, after: run.after, message: run.message });
    expect(all.byId).toEqual({ withheld: false, after: run.after, message: run.message });
    const records = all.proof?.leaves.map((l) => l.record).join('\n') ?? '';
    expect(records).toContain(run.message);
  });

  it('a failed run’s error is withheld from her too', async () => {
    // Nothing in the lab makes a pass fail on demand: its failure is handed to the same
    // pipeline a pass records through (runAsked), in process.
    const why = `usage of the workloads in ${lab.other} could not be read (${process.pid}-${Date.now()})`;
    const failed = await lab.t.app.services.actions.record(
      {
        action: 'run_recommendations',
        verb: NO_VERB,
        target: null,
        params: {},
        recorded: {},
        dryRun: false,
        source: 'API',
        viewer: { name: 'admin', role: 'admin' },
        requestId: null,
      },
      () => Promise.reject(new ProviderError('prometheus', why)),
    );
    expect(failed).toBeInstanceOf(ProviderError);
    const read = async (token: string) =>
      expectNoErrors((await gql(lab.t.url, token, FailedRuns)).body).auditLog?.edges.map(
        (e) => e.node,
      ) ?? [];
    const event = (await read(TOKENS.viewer)).find((e) => e.error?.message === why);
    expect(event).toMatchObject({ withheld: false, error: { code: 'PROVIDER_ERROR' } });
    const alice = await lab.idp.signIn('alice');
    const hers = (await read(alice)).find((e) => e.id === event?.id);
    expect(hers).toEqual({ id: event?.id, withheld: true, error: null });
  });

  it('an admin who may not list every pod runs a pass and reads neither its counts nor its event’s', async () => {
    const carol = await lab.idp.signIn('carol');
    const r = await runAs(carol);
    expect(r.run).toEqual({ workloads: null, open: null });
    expect(r.auditEvent).toMatchObject({ withheld: true, after: null, message: null });
  });

  it('auditEvents delivers a run’s event to her without its counts', async () => {
    const alice = await lab.idp.signIn('alice');
    const client = socketAs(lab.t, alice);
    const got: unknown[] = [];
    const off = client.subscribe(
      {
        query:
          'subscription { auditEvents(filter: { actions: [RUN_RECOMMENDATIONS] }) { withheld after message } }',
      },
      { next: (v) => got.push(v.data?.auditEvents), error: () => {}, complete: () => {} },
    );
    try {
      await sleep(500); // the subscription is registered
      const asked = await runAs(TOKENS.admin);
      expect(asked.auditEvent.after).not.toBe(null);
      await eventually(() => expect(got.length).toBeGreaterThan(0), 15_000);
      expect(got).toEqual([{ withheld: true, after: null, message: null }]);
    } finally {
      off();
      await client.dispose();
    }
  });

  it('once she may list every pod and node, an admin reads the counts', async () => {
    const carol = await lab.idp.signIn('carol');
    await grantClusterWide(
      carolSees,
      'oidc:u-carol',
      `{apiGroups: [""], resources: [pods], verbs: [get, list, watch]}, ${READ_NODES}`,
    );
    const hers = await eventually(async () => {
      const r = await readRun(carol);
      expect(r.byId?.withheld).toBe(false);
      return r;
    }, 15_000);
    expect(hers.listed).toMatchObject({ after: run.after, message: run.message });
    expect(hers.byId).toEqual({ withheld: false, after: run.after, message: run.message });
    expect(hers.proof?.leaves.map((l) => l.record).join('\n')).toContain(run.message);
    const own = await runAs(carol);
    expect(own.run.workloads).toEqual(expect.any(Number));
    expect(own.auditEvent).toMatchObject({
      withheld: false,
      after: { workloads: own.run.workloads },
    });
  });
});
