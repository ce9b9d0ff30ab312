import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ActionPipeline } from '../../src/actions/pipeline.ts';
import { AuditLedger } from '../../src/audit/ledger.ts';
import { leafHash, verifyInclusion } from '../../src/audit/merkle.ts';
import {
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  signerFromSeed,
  verifierKey,
} from '../../src/audit/note.ts';
import { FileSink, type CheckpointSink } from '../../src/audit/sink.ts';
import type { AuditStore } from '../../src/audit/store.ts';
import type { IntentInput, OutcomeInput } from '../../src/audit/chain-tables.ts';
import type { AuditEvent } from '../../src/audit/types.ts';
import { MemoryEventLog } from '../../src/eventlog.ts';
import { SINGLE_REPLICA } from '../../src/leader.ts';
import { createLogger } from '../../src/logger.ts';
import { ProviderRegistry } from '../../src/providers/registry.ts';
import type { Database } from '../../src/store/database.ts';
import { graphql } from '../gql/gql.ts';
import type { AuditLogFilter, ProvenAuditEventsQuery } from '../gql/graphql.ts';
import { expectNoErrors, gql, present, TOKENS } from './app.ts';

export const TEST_ORIGIN = 'audit.test/log';
export const testSigner = (seed = 1) => signerFromSeed(TEST_ORIGIN, Buffer.alloc(32, seed));

/** A ledger with a fixed test key and (by default) a file sink in a fresh directory. */
export function testLedger(
  db: Database,
  store: AuditStore,
  options: { sink?: CheckpointSink | null; seed?: number; intervalSeconds?: number } = {},
): AuditLedger {
  const signer = testSigner(options.seed);
  const sink =
    options.sink === null
      ? undefined
      : (options.sink ??
        new FileSink(join(mkdtempSync(join(tmpdir(), 'oi-sink-')), 'checkpoint.txt')));
  return new AuditLedger({
    db,
    store,
    signer,
    trusted: [parseVerifierKey(verifierKey(testSigner()))],
    sink,
    log: createLogger('silent'),
    leader: SINGLE_REPLICA,
    intervalSeconds: options.intervalSeconds ?? 3600,
  });
}

/** The action pipeline over `store` with no providers: for the orchestrator's own changes. */
export const testPipeline = (store: AuditStore): ActionPipeline =>
  new ActionPipeline({
    audit: store,
    providers: new ProviderRegistry([]),
    events: new MemoryEventLog({ maxEvents: 1000, maxAgeMs: 3_600_000 }),
    log: createLogger('silent'),
    instanceId: 'test',
    pauseAfterExecuteMs: 0,
  });

/** A scale of deployment shop/web-{i} by alice; `over` replaces any field. */
export function auditIntent(i: number, over: Partial<IntentInput> = {}): IntentInput {
  return {
    actor: 'alice',
    actorRole: 'operator',
    source: 'API',
    action: 'scale',
    verb: 'scale',
    target: {
      id: `k8s:lab:DEPLOYMENT:shop:web-${i}`,
      provider: 'KUBERNETES',
      kind: 'DEPLOYMENT',
      cluster: 'lab',
      namespace: 'shop',
      name: `web-${i}`,
    },
    parameters: { replicas: i },
    dryRun: false,
    requestId: null,
    idempotencyKey: null,
    inputHash: null,
    reverts: null,
    instanceId: 'test',
    ...over,
  };
}

/** Records an intent and its (by default succeeded) outcome; returns the completed event. */
export async function recordAction(
  store: AuditStore,
  intent: IntentInput,
  outcome: Partial<OutcomeInput> = {},
): Promise<AuditEvent> {
  const pending = await store.recordIntent(intent);
  return store.recordOutcome(pending.id, {
    status: 'SUCCEEDED',
    error: null,
    before: null,
    after: null,
    message: null,
    durationMs: 1,
    ...outcome,
  });
}

const ProvenEvents = graphql(`
  query ProvenAuditEvents($filter: AuditLogFilter) {
    auditLogKey
    auditCheckpoint {
      note
    }
    auditLog(filter: $filter, first: 50) {
      edges {
        node {
          id
          action
          actor
          actorRole
          source
          status
          parameters
          target {
            kind
            name
          }
          error {
            code
            message
          }
          inclusionProof {
            treeSize
            rootHash
            leaves {
              phase
              leafIndex
              leafHash
              record
              hashes
            }
          }
        }
      }
    }
  }
`);

const Checkpoint = graphql(`
  mutation CheckpointNow {
    createAuditCheckpoint {
      treeSize
    }
  }
`);

export type ProvenEvent = NonNullable<ProvenAuditEventsQuery['auditLog']>['edges'][number]['node'];

/**
 * The events matching `filter` as `token` reads them over GraphQL, after an admin checkpoint;
 * asserts that each one's records are proven in the checkpoint the served key signed.
 */
export async function provenEvents(
  url: string,
  token: string,
  filter: AuditLogFilter,
  admin: string = TOKENS.admin,
): Promise<ProvenEvent[]> {
  expectNoErrors((await gql(url, admin, Checkpoint)).body);
  const data = expectNoErrors((await gql(url, token, ProvenEvents, { filter })).body);
  const opened = openNote(data.auditCheckpoint!.note, [parseVerifierKey(data.auditLogKey)]);
  expect(opened.problem).toBeNull();
  const checkpoint = parseCheckpoint(opened.text);
  const events = present(data.auditLog).edges.map((e) => e.node);
  for (const e of events) {
    const proof = e.inclusionProof!;
    expect(proof.treeSize).toBe(checkpoint.size);
    expect(proof.rootHash).toBe(checkpoint.root.toString('base64'));
    expect(proof.leaves.length).toBeGreaterThan(0);
    for (const leaf of proof.leaves) {
      const hash = Buffer.from(leaf.leafHash, 'base64');
      expect(leafHash(leaf.record).equals(hash)).toBe(true);
      const path = leaf.hashes.map((h) => Buffer.from(h, 'base64'));
      expect(verifyInclusion(leaf.leafIndex, proof.treeSize, hash, path, checkpoint.root)).toBe(
        true,
      );
    }
  }
  return events;
}
