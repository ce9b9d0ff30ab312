import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnOrchestrator } from '../support/process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'oi-config-errors-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `npm start`'s entry with `env`; the settings must be refused before anything opens. */
async function refused(env: Record<string, string>): Promise<string[]> {
  const p = spawnOrchestrator({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env });
  const { code } = await p.exited;
  expect(code, p.output()).toBe(1);
  return p.output().trim().split('\n');
}

describe.concurrent('unsafe settings are configuration errors', () => {
  it('refuses AUTH_MODE=none in production with one clear line', async () => {
    const lines = await refused({ NODE_ENV: 'production', AUTH_MODE: 'none' });
    expect(lines).toEqual([
      'Invalid configuration: AUTH_MODE: none is refused with NODE_ENV=production (every caller would be admin); use API_TOKENS',
    ]);
  });

  it('refuses two tokens sharing a secret without printing it', async () => {
    const secret = 'one-secret-for-two-0123456789';
    const lines = await refused({
      API_TOKENS: `root:admin:${secret},dash:viewer:${secret}`,
    });
    expect(lines).toEqual([
      'Invalid configuration: API_TOKENS: entry 2 (dash): same secret as root; every token needs its own',
    ]);
  });

  it('refuses a wildcard CORS origin', async () => {
    const lines = await refused({ CORS_ORIGINS: '*' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: CORS_ORIGINS: "\*" is not an origin/);
  });

  it('refuses a TRUSTED_DOCUMENTS manifest it cannot read', async () => {
    const lines = await refused({ TRUSTED_DOCUMENTS: join(dataDir, 'no-such-manifest.json') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Invalid configuration: TRUSTED_DOCUMENTS: cannot read a JSON manifest: ENOENT.*\(got ".*no-such-manifest.json"\)$/,
    );
  });
});
