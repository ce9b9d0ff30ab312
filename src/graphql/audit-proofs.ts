import type { AuditInclusion, StoredCheckpoint } from '../audit/ledger.ts';
import type { MISMATCH_KINDS } from '../audit/log-check.ts';
import { type Mismatch } from '../audit/log-check.ts';
import type { Hash } from '../audit/merkle.ts';
import type { VerifyResult } from '../audit/verify.ts';
import { ValidationError } from '../errors.ts';
import { AuditEventRef, detailsShown } from './audit.ts';
import type { GraphQLContext } from './context.ts';
import { parseGlobalId } from './global-id.ts';
import { builder } from './builder.ts';
import { pageSize } from './pagination.ts';

const MISMATCH_PAGE = { max: 500, fallback: 50 };

const b64 = (h: Hash) => h.toString('base64');
const hashField = 'base64 SHA-256 (RFC 9162)';

const CheckpointRef = builder.objectRef<StoredCheckpoint>('AuditCheckpoint').implement({
  description: 'A signed tree head: a C2SP tlog-checkpoint signed note (Ed25519).',
  fields: (t) => ({
    origin: t.exposeString('origin', {
      description: "The log's name in the note (AUDIT_LOG_ORIGIN), which verifiers pin.",
    }),
    treeSize: t.exposeInt('size', { description: 'Leaves (records) the signed tree holds.' }),
    rootHash: t.string({ description: hashField, resolve: (c) => b64(c.root) }),
    note: t.exposeString('note', { description: 'The signed note, verbatim.' }),
    createdAt: t.field({
      type: 'DateTime',
      description: 'When it was signed.',
      resolve: (c) => c.createdAt,
    }),
  }),
});

const LeafProofRef = builder
  .objectRef<AuditInclusion['leaves'][number]>('AuditLeafProof')
  .implement({
    description: "One record's inclusion proof (RFC 9162 2.1.3), hashes bottom up.",
    fields: (t) => ({
      phase: t.exposeString('phase', { description: 'intent or outcome' }),
      leafIndex: t.exposeInt('leafIndex', { description: 'Its leaf in the tree, from 0.' }),
      record: t.exposeString('record', { description: 'The exact bytes hashed into the leaf.' }),
      leafHash: t.string({ description: hashField, resolve: (l) => b64(l.leafHash) }),
      hashes: t.stringList({ description: hashField, resolve: (l) => l.hashes.map(b64) }),
    }),
  });

const InclusionRef = builder.objectRef<AuditInclusion>('AuditInclusionProof').implement({
  description: "Proofs that an event's records are in the tree of treeSize leaves.",
  fields: (t) => ({
    eventId: t.exposeID('eventId', { description: 'The audit event (its stored id, a UUID).' }),
    treeSize: t.exposeInt('treeSize', { description: 'The size of the tree proved against.' }),
    rootHash: t.string({ description: hashField, resolve: (p) => b64(p.rootHash) }),
    leaves: t.field({
      type: [LeafProofRef],
      description: 'One proof per record of the event in that tree (intent, then outcome).',
      resolve: (p) => p.leaves,
    }),
  }),
});

const ConsistencyRef = builder
  .objectRef<{ from: number; to: number; fromRoot: Hash; toRoot: Hash; hashes: Hash[] }>(
    'AuditConsistencyProof',
  )
  .implement({
    description: 'RFC 9162 2.1.4: the tree of `from` leaves is a prefix of the tree of `to`.',
    fields: (t) => ({
      from: t.exposeInt('from', { description: 'The smaller tree size.' }),
      to: t.exposeInt('to', { description: 'The larger tree size.' }),
      fromRoot: t.string({ description: hashField, resolve: (p) => b64(p.fromRoot) }),
      toRoot: t.string({ description: hashField, resolve: (p) => b64(p.toRoot) }),
      hashes: t.stringList({ description: hashField, resolve: (p) => p.hashes.map(b64) }),
    }),
  });

const MismatchKindEnum = builder.enumType('AuditMismatchKind', {
  description: 'What kind of tampering or loss a verification found.',
  values: {
    RECORD_MISSING: { description: 'A record between the first and the last is gone.' },
    CHAIN_BROKEN: { description: "A record's prevHash is not the hash of the one before." },
    RECORD_EDITED: { description: "A record's body no longer hashes to its stored hash." },
    LEAF_MISMATCH: { description: 'A stored tree node does not match the records under it.' },
    CHECKPOINT_UNSIGNED: {
      description: 'A checkpoint whose signature no trusted key verifies.',
    },
    CHECKPOINT_MISMATCH: {
      description: "A signed checkpoint's root differs from the tree's at that size.",
    },
    LOG_TRUNCATED: { description: 'The log is shorter than a signed checkpoint says it was.' },
    EVENT_EDITED: { description: 'A queryable event differs from the records it came from.' },
    EVENT_MISSING: { description: 'Records whose event is missing from the queryable log.' },
  } satisfies Record<(typeof MISMATCH_KINDS)[number], { description: string }>,
});

const MismatchRef = builder.objectRef<Mismatch>('AuditMismatch').implement({
  description: 'One thing in the log that does not match what was hashed or signed.',
  fields: (t) => ({
    kind: t.field({
      type: MismatchKindEnum,
      description: 'What is wrong.',
      resolve: (m) => m.kind,
    }),
    seq: t.exposeInt('seq', { nullable: true, description: 'The record, when one is at fault.' }),
    eventId: t.exposeID('eventId', {
      nullable: true,
      description: 'The audit event concerned (a UUID), when one is.',
    }),
    reason: t.exposeString('reason', { description: 'What was found, for people.' }),
  }),
});

type Page = VerifyResult & { offset: number; first: number };

const VerificationRef = builder.objectRef<Page>('AuditVerification').implement({
  description: 'The result of checking the log against its hashes and signed checkpoints.',
  fields: (f) => ({
    valid: f.exposeBoolean('valid', { description: 'True when nothing at all mismatched.' }),
    treeSize: f.exposeInt('treeSize', { description: 'Leaves in the tree after the scan.' }),
    checkedRecords: f.exposeInt('checkedRecords', {
      description: 'Records hashed in this check (only new ones, when incremental).',
    }),
    checkedEvents: f.exposeInt('checkedEvents', {
      description: 'Queryable events compared with their records in this check.',
    }),
    checkedCheckpoints: f.stringList({
      description: 'The signed checkpoints checked, as "source@size".',
      resolve: (r) => r.checkpoints.map((c) => `${c.source}@${c.size}`),
    }),
    mismatchCount: f.exposeInt('mismatchCount', { description: 'Every mismatch found.' }),
    mismatches: f.field({
      type: [MismatchRef],
      description: 'This page of the mismatches, in log order.',
      resolve: (r) => r.mismatches.slice(r.offset, r.offset + r.first),
    }),
    nextOffset: f.int({
      nullable: true,
      description: 'Pass as `offset` for the next page of mismatches.',
      resolve: (r) => (r.offset + r.first < r.mismatches.length ? r.offset + r.first : null),
    }),
    firstInvalidEventId: f.id({
      nullable: true,
      description: 'The event of the first mismatch (a UUID); null when valid or none is named.',
      resolve: (r) => r.mismatches[0]?.eventId,
    }),
    firstInvalidSeq: f.int({
      nullable: true,
      description: 'The record of the first mismatch; null when valid or none is named.',
      resolve: (r) => r.mismatches[0]?.seq,
    }),
    reason: f.string({
      nullable: true,
      description: 'The first mismatch, for people; null when valid.',
      resolve: (r) => r.mismatches[0]?.reason,
    }),
  }),
});

const nonNegative = (n: number | null | undefined, path: string) => {
  if (n != null && n < 0)
    throw new ValidationError(`${path} is negative`, [{ path, message: 'negative' }]);
  return n ?? undefined;
};

/**
 * The stored id of an event whose records the viewer may read (the records hold every detail):
 * one they may read (the log's scope) whose details are not withheld; undefined otherwise.
 */
async function provable(eventId: string, ctx: GraphQLContext): Promise<string | undefined> {
  const parsed = parseGlobalId(eventId);
  const id = parsed?.typename === 'AuditEvent' ? parsed.id : eventId;
  const e = await AuditEventRef.getDataloader(ctx).load(id);
  return e && detailsShown(e, ctx) ? e.id : undefined;
}

/** A size outside the tree is the caller's mistake: a typed error, not a masked one. */
async function sized<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof RangeError)
      throw new ValidationError(err.message, [{ path, message: err.message }]);
    throw err;
  }
}

builder.queryFields((t) => ({
  auditLogKey: t.string({
    description: 'The verifier key of the checkpoint signer (name+keyid+base64 Ed25519 key).',
    resolve: (_root, _args, ctx) => ctx.services.ledger.publicKey(),
  }),
  auditCheckpoint: t.field({
    type: CheckpointRef,
    nullable: true,
    description: 'The latest signed checkpoint (none before the first record).',
    resolve: (_root, _args, ctx) => ctx.services.ledger.latest(),
  }),
  auditInclusionProof: t.field({
    type: InclusionRef,
    nullable: true,
    description:
      "Inclusion proofs of an event's records; treeSize defaults to the latest checkpoint's. Null for an event you may not read, or whose details are withheld from you.",
    args: {
      eventId: t.arg.id({
        required: true,
        description: 'The audit event: its global id or its stored UUID.',
      }),
      treeSize: t.arg.int({
        required: false,
        description: "Prove against this tree size (default: the latest checkpoint's).",
      }),
    },
    resolve: (_root, args, ctx) =>
      sized('treeSize', async () => {
        const treeSize = nonNegative(args.treeSize, 'treeSize');
        const id = await provable(String(args.eventId), ctx);
        return id === undefined ? null : ctx.services.ledger.inclusion(id, treeSize);
      }),
  }),
  auditConsistencyProof: t.field({
    type: ConsistencyRef,
    nullable: true,
    description:
      'A consistency proof between two tree sizes (from ≥ 1, to ≤ the tree); null with VALIDATION_FAILED for sizes outside those, or with an error when the store cannot be read.',
    args: {
      from: t.arg.int({ required: true, description: 'The older tree size, at least 1.' }),
      to: t.arg.int({ required: true, description: 'The newer tree size, at most the tree.' }),
    },
    resolve: (_root, args, ctx) =>
      sized('to', () => ctx.services.ledger.consistency(args.from, args.to)),
  }),
  verifyAuditLog: t.field({
    type: VerificationRef,
    nullable: true,
    description:
      'Checks the records, the tree, the projection and the signed checkpoints (database and sink), reporting every mismatch. Incremental unless full (operator and above). Null (with an error) when the arguments are refused or the store cannot be read.',
    authScopes: { operator: true },
    args: {
      full: t.arg.boolean({
        required: false,
        defaultValue: false,
        description:
          'Re-check the whole kept log instead of what was written since the last check.',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: 50,
        description: `Mismatches listed, 0 to ${MISMATCH_PAGE.max}.`,
      }),
      offset: t.arg.int({
        required: false,
        defaultValue: 0,
        description: "Skip this many mismatches (a previous answer's nextOffset).",
      }),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first, MISMATCH_PAGE);
      const offset = nonNegative(args.offset, 'offset') ?? 0;
      return { ...(await ctx.services.ledger.verify(args.full ?? false)), first, offset };
    },
  }),
}));

builder.mutationFields((t) => ({
  createAuditCheckpoint: t.field({
    type: CheckpointRef,
    nullable: true,
    description: 'Signs the tree now (and writes the sink); admin only.',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => ctx.services.ledger.checkpoint(),
  }),
}));

builder.objectField(AuditEventRef, 'inclusionProof', (t) =>
  t.field({
    type: InclusionRef,
    nullable: true,
    description:
      "Proofs of this event's records in the latest checkpoint's tree (empty leaves until one covers them); null when its details are `withheld`.",
    resolve: (e, _args, ctx) => (detailsShown(e, ctx) ? ctx.services.ledger.inclusion(e.id) : null),
  }),
);
