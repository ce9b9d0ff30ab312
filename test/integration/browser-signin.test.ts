// Sign-in from the browser with the lab's real OIDC provider (test/lab/oidc): a spawned server
// with OIDC configured, Debian's Chromium on the dashboard and GraphiQL, and the provider's
// own login form. Authorization code + PKCE from the page; the token the server verifies kept
// in the tab's sessionStorage; a refused or expired token back to sign-in on the same page;
// a person without a role told why; sign-out clears the tab.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OIDC_PASSWORD,
  startOidcProvider,
  type OidcProvider,
  type OidcUser,
} from '../lab/lib/oidc.ts';
import { freePort } from '../lab/lib/util.ts';
import {
  browserAvailable,
  launchBrowser,
  offlineContext,
  pageProblems,
  screenshot,
} from '../support/browser.ts';
import { API_TOKENS, TOKENS } from '../support/app.ts';
import { spawnOrchestrator, type Spawned } from '../support/process.ts';

const REDIRECT_PATH = '/auth/callback';
const run = browserAvailable();

let idp: OidcProvider;
let server: Spawned;
let url = '';
let browser: Browser;
const dirs: string[] = [];

/** A fresh tab (its own sessionStorage) that can reach only this machine. */
async function newTab(): Promise<{ page: Page; problems: string[] }> {
  const { context } = await offlineContext(browser);
  const page = await context.newPage();
  return { page, problems: pageProblems(page) };
}

/** Clicks the page's provider button and signs in on the provider's own login form. */
async function signInAt(page: Page, user: OidcUser): Promise<void> {
  await page.click('[data-testid=oidc-sign-in]');
  await page.waitForURL((u) => u.origin === new URL(idp.issuer).origin);
  await page.fill('#username', user);
  await page.fill('#password', OIDC_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => u.origin === url && u.pathname !== REDIRECT_PATH);
}

const storage = (page: Page) =>
  page.evaluate(() => ({
    token: sessionStorage.getItem('optiinfra.token'),
    pending: sessionStorage.getItem('optiinfra.signin'),
    local: JSON.stringify({ ...localStorage }),
  }));

describe.skipIf(!run)('OIDC sign-in from the dashboard and GraphiQL', () => {
  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({ redirectUris: [`${url}${REDIRECT_PATH}`] });
    const data = mkdtempSync(join(tmpdir(), 'oi-signin-'));
    const home = mkdtempSync(join(tmpdir(), 'oi-signin-home-'));
    dirs.push(data, home);
    server = spawnOrchestrator({
      HOME: home,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: data,
      API_TOKENS,
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_CLIENT_ID: 'orchestrator',
      OIDC_ROLES: 'sre=operator,admins=admin',
      OIDC_REDIRECT_PATH: REDIRECT_PATH,
    });
    browser = await launchBrowser();
    await server.waitFor(/listening/);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await idp?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('alice signs in through the provider and sees the overview as an operator', async () => {
    const { page, problems } = await newTab();
    await page.goto(`${url}/`);
    await signInAt(page, 'alice');
    await page.waitForSelector('[data-testid=overview]');
    const who = await page.textContent('[data-testid=viewer]');
    expect(who).toContain('Alice Operator');
    expect(who).toContain('operator');
    // The ID token, in this tab only: not in the URL, not in localStorage; the PKCE state gone.
    const kept = await storage(page);
    expect(kept.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(
      Buffer.from(kept.token?.split('.')[1] ?? '', 'base64url').toString(),
    ) as { sub: string; aud: string | string[]; nonce?: string };
    expect(claims.sub).toBe('u-alice');
    expect([claims.aud].flat()).toContain('orchestrator');
    expect(claims.nonce).toBeTruthy();
    expect(page.url()).toBe(`${url}/`);
    expect(kept.local).not.toContain(kept.token);
    expect(kept.pending).toBeNull();
    await screenshot(page, 'signin-alice');

    // A token the server refuses (here: its signature broken) sends the tab back to sign-in,
    // on the page it was on; signing in again returns there.
    await page.goto(`${url}/#/audit`);
    await page.waitForSelector('[data-testid=viewer]');
    await page.evaluate(() => {
      const t = sessionStorage.getItem('optiinfra.token') ?? '';
      sessionStorage.setItem('optiinfra.token', `${t.slice(0, -4)}AAAA`);
    });
    await page.goto(`${url}/#/recommendations`);
    await page.waitForSelector('[data-testid=oidc-sign-in]');
    expect(await page.textContent('.signin [role=alert]')).toContain('BAD_SIGNATURE');
    expect(page.url()).toBe(`${url}/#/recommendations`);
    await signInAt(page, 'alice');
    await page.waitForSelector('[data-testid=viewer]');
    expect(page.url()).toBe(`${url}/#/recommendations`);

    // Sign-out clears the tab.
    await page.click('header button');
    await page.waitForSelector('[data-testid=oidc-sign-in]');
    expect((await storage(page)).token).toBeNull();
    await page.reload();
    await page.waitForSelector('[data-testid=oidc-sign-in]');
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });

  it('an expired sign-in goes back to sign-in with the page kept', async () => {
    await idp.setIdTokenLifetime(15);
    try {
      const { page } = await newTab();
      await page.goto(`${url}/#/audit`);
      await signInAt(page, 'carol');
      await page.waitForSelector('[data-testid=viewer] >> text=admin');
      await page.waitForSelector('[data-testid=oidc-sign-in]', { timeout: 30_000 });
      expect(await page.textContent('.signin [role=alert]')).toContain('expired');
      expect(page.url()).toBe(`${url}/#/audit`);
      expect((await storage(page)).token).toBeNull();
    } finally {
      await idp.setIdTokenLifetime(3600);
    }
  });

  it('bob, in no group, is signed in but refused with the reason on the page', async () => {
    const { page } = await newTab();
    await page.goto(`${url}/`);
    await signInAt(page, 'bob');
    const alert = page.locator('.signin [role=alert]');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('Bob Nogroup');
    expect(text).toContain('no OIDC_ROLES rule matches');
    expect(text).toContain('NO_ROLE');
    expect(await page.locator('[data-testid=viewer]').count()).toBe(0);
    expect((await storage(page)).token).toBeNull();
    await screenshot(page, 'signin-bob-refused');
  });

  it('a static token still signs in beside the provider', async () => {
    const { page } = await newTab();
    await page.goto(`${url}/`);
    await page.waitForSelector('[data-testid=oidc-sign-in]');
    await page.fill('input[name=token]', TOKENS.viewer);
    await page.click('button[type=submit]');
    expect(await page.textContent('[data-testid=viewer]')).toContain('viewer-user · viewer');
    expect((await storage(page)).token).toBe(TOKENS.viewer);
  });

  it('GraphiQL signs in through the provider, runs a query, and signs out', async () => {
    const { page } = await newTab();
    const query = '{ viewer { name displayName role } }';
    await page.goto(`${url}/graphql?query=${encodeURIComponent(query)}`);
    await signInAt(page, 'alice');
    expect(new URL(page.url()).searchParams.get('query')).toBe(query);
    await page.waitForSelector('.graphiql-container');
    expect(await page.textContent('.graphiql-signin .who')).toContain('Alice Operator (operator)');
    await page.click('.graphiql-execute-button');
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.textContent(), { timeout: 30_000 }).toContain('oidc:u-alice');
    expect(await response.textContent()).toContain('OPERATOR');
    await screenshot(page, 'signin-graphiql');
    await page.click('.graphiql-signin button');
    await page.waitForSelector('[data-testid=oidc-sign-in]');
    expect(await page.locator('.graphiql-container').count()).toBe(0);
    expect((await storage(page)).token).toBeNull();
  });
});
