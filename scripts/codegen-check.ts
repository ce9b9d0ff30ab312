// Fails when a GraphQL Code Generator target (test/gql/, src/dashboard/gql/) is stale against the
// schema and documents.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODEGEN_TARGETS } from '../codegen.ts';

const scratch = mkdtempSync(join(tmpdir(), 'codegen-'));
try {
  execFileSync('graphql-codegen', ['--config', 'codegen.ts', '--silent'], {
    env: { ...process.env, CODEGEN_SCRATCH: scratch },
    stdio: 'inherit',
  });
  const stale: string[] = [];
  for (const target of CODEGEN_TARGETS) {
    const committed = new Set(readdirSync(target));
    for (const file of readdirSync(join(scratch, target))) {
      committed.delete(file);
      let text = '';
      try {
        text = readFileSync(join(target, file), 'utf8');
      } catch {
        // Missing: stale.
      }
      if (text !== readFileSync(join(scratch, target, file), 'utf8')) stale.push(target + file);
    }
    stale.push(...[...committed].map((f) => `${target}${f} (no longer generated)`));
  }
  if (stale.length > 0) {
    process.stderr.write(
      `Generated code is stale (${stale.join(', ')}). Run \`npm run codegen\`.\n`,
    );
    process.exit(1);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
