import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './process.ts';

/** The running lab's coordinates, read from `$LAB_DIR/env` (default `.lab/env`, written by `npm run lab:up`). */
export function labEnv(): Record<string, string> {
  const text = readFileSync(join(process.env.LAB_DIR ?? join(ROOT, '.lab'), 'env'), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}
