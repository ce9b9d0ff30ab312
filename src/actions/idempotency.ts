import { canonicalJson, sha256 } from '../audit/chain.ts';
import type { AuditStore } from '../audit/store.ts';
import type { AuditEvent } from '../audit/types.ts';
import { ValidationError } from '../errors.ts';
import type { RecordInput } from './pipeline.ts';

/**
 * A client's idempotency key: short, printable ASCII (a UUID fits), so it is stored, indexed
 * and hashed as the same bytes (a longer one overflowed the index; a lone surrogate was stored
 * as U+FFFD while the audit hash kept the original).
 */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:~-]{1,128}$/;

export function checkIdempotencyKey(key: string | null | undefined): void {
  if (key === null || key === undefined || IDEMPOTENCY_KEY.test(key)) return;
  throw new ValidationError('idempotencyKey must be 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -', [
    { path: 'idempotencyKey', message: 'not 1 to 128 of A-Z a-z 0-9 . _ : ~ -' },
  ]);
}

/** What a key promises to mean: the hash of the input it was first sent with. */
export function inputHashOf(cmd: RecordInput): string {
  return sha256(
    canonicalJson({
      action: cmd.action,
      verb: cmd.verb,
      targetId: cmd.target?.id ?? null,
      params: cmd.params,
      dryRun: cmd.dryRun,
      precondition: cmd.precondition ?? null,
      reverts: cmd.reverts ?? null,
    }),
  );
}

/**
 * The event an actor's key already recorded, to be answered again; undefined when the key is
 * new. The same key with another input is refused.
 */
export async function recordedUnder(
  audit: AuditStore,
  actor: string,
  key: string,
  inputHash: string | null,
): Promise<AuditEvent | undefined> {
  const found = await audit.findByIdempotencyKey(actor, key);
  if (!found) return undefined;
  if (found.inputHash !== inputHash) {
    throw new ValidationError('This idempotencyKey was already used with a different input', [
      { path: 'idempotencyKey', message: 'reused with a different input' },
    ]);
  }
  return found.event;
}
