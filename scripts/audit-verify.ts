// Checks an audit export with no server and no database (see docs/audit.md).
//   npm run audit:verify -- <export> [--key <vkey|file>]… [--checkpoint <note file>]…
//   npm run audit:verify -- --proof <proof.json> --checkpoint <note file> --key <vkey|file>
// Exit status: 0 valid, 1 mismatches found, 2 bad usage.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseVerifierKey } from '../src/audit/note.ts';
import { verifyExport, verifyProofFile } from '../src/audit/offline.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    key: { type: 'string', multiple: true, default: [] },
    checkpoint: { type: 'string', multiple: true, default: [] },
    proof: { type: 'string' },
  },
});
const text = (v: string) => (existsSync(v) ? readFileSync(v, 'utf8') : v);
const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};

const exportDir = positionals[0];
let keys = values.key.map((k) => parseVerifierKey(text(k)));
if (keys.length === 0 && exportDir) {
  process.stderr.write(
    "warning: no --key given; trusting the export's own key.vkey (pass the key you obtained independently)\n",
  );
  keys = [parseVerifierKey(readFileSync(join(exportDir, 'key.vkey'), 'utf8'))];
}
if (keys.length === 0) fail('a --key is needed');

if (values.proof) {
  const cp = values.checkpoint[0] ?? fail('--proof needs --checkpoint');
  const raw = JSON.parse(readFileSync(values.proof, 'utf8')) as Record<string, unknown>;
  // Accepts the GraphQL response as saved, or the auditInclusionProof object itself.
  const data = (raw.data as Record<string, unknown> | undefined)?.auditInclusionProof ?? raw;
  const problems = verifyProofFile(data as Parameters<typeof verifyProofFile>[0], text(cp), keys);
  for (const p of problems) process.stdout.write(`MISMATCH ${p}\n`);
  process.stdout.write(problems.length === 0 ? 'proof OK\n' : 'proof FAILED\n');
  process.exit(problems.length === 0 ? 0 : 1);
}

if (!exportDir) fail('usage: npm run audit:verify -- <export> [--key …] [--checkpoint …]');
const extra = values.checkpoint.map((f) => ({ source: `checkpoint ${f}`, note: text(f) }));
const started = performance.now();
const r = await verifyExport(exportDir as string, keys, extra);
for (const m of r.mismatches) {
  process.stdout.write(
    `MISMATCH ${m.kind}${m.seq != null ? ` record ${m.seq}` : ''}${m.eventId ? ` event ${m.eventId}` : ''}: ${m.reason}\n`,
  );
}
process.stdout.write(
  `${r.valid ? 'VALID' : 'INVALID'}: ${r.checkedRecords} records, tree size ${r.treeSize}, root ${r.rootHash}, ` +
    `${r.checkpoints.length} signed checkpoints checked, ${r.mismatchCount} mismatches ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
);
process.exit(r.valid ? 0 : 1);
