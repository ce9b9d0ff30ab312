// Fails when test/gql/ (GraphQL Code Generator output) is stale against the schema and documents.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'codegen-'));
try {
  execFileSync('graphql-codegen', ['--config', 'codegen.ts', '--silent'], {
    env: { ...process.env, CODEGEN_OUT: `${scratch}/` },
    stdio: 'inherit',
  });
  const stale: string[] = [];
  for (const file of readdirSync(scratch)) {
    let committed = '';
    try {
      committed = readFileSync(join('test/gql', file), 'utf8');
    } catch {
      // Missing: stale.
    }
    if (committed !== readFileSync(join(scratch, file), 'utf8')) stale.push(file);
  }
  if (stale.length > 0) {
    process.stderr.write(`test/gql is stale (${stale.join(', ')}). Run \`npm run codegen\`.\n`);
    process.exit(1);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
