// Prints the sorted SDL to schema/schema.graphql; with --check, fails when it drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import { printSortedSchema } from '../src/graphql/schema.ts';

const path = new URL('../schema/schema.graphql', import.meta.url);
const printed = printSortedSchema();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    // Missing file: reported as drift below.
  }
  if (committed !== printed) {
    process.stderr.write(
      'schema/schema.graphql is out of date with the code. Run `npm run schema` and review the diff.\n',
    );
    process.exit(1);
  }
} else {
  writeFileSync(path, printed);
}
