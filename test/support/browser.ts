// Debian's Chromium driven by playwright-core (no browser download): a fresh profile per
// launch, every request that is not to this machine refused (as on an air-gapped network:
// by the context's routing, which records it, and by the browser's name resolution),
// screenshots kept under artifacts/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildUi } from '../../scripts/build-ui.ts';
import { ROOT } from './process.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

/**
 * Whether the browser tests can run here. Without Chromium they are skipped with a loud
 * message locally; on CI (CI=true) that is a failure (scripts/ensure-services.sh installs it).
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const msg = `${CHROMIUM} not found: the browser tests are SKIPPED. Install Debian's chromium (scripts/ensure-services.sh does).`;
  if (process.env.CI === 'true') throw new Error(`${msg} (failing because CI=true)`);
  process.stderr.write(`\n${'!'.repeat(100)}\n!! ${msg}\n${'!'.repeat(100)}\n\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  // The bundle the server will serve: built now if its inputs changed (as npm start does).
  await buildUi();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The network cut off below the page as well: nothing resolves but this machine, so a
      // request that escaped the context's routing (a WebSocket, a worker) fails too.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
}

export interface Offline {
  context: BrowserContext;
  /** Requests refused because they left this machine (each would have been a CDN or similar). */
  blocked: string[];
}

/** A new context (empty cache and storage) that can reach only 127.0.0.1 and localhost. */
export async function offlineContext(browser: Browser): Promise<Offline> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return route.continue();
    blocked.push(url.href);
    return route.abort('internetdisconnected');
  });
  return { context, blocked };
}

/** Collects what went wrong inside the page: uncaught errors and console errors. */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A new offline context on the dashboard at `url`, signed in with `token`. */
export async function openSignedIn(
  browser: Browser,
  url: string,
  token: string,
): Promise<{ page: Page; problems: string[]; blocked: string[] }> {
  const { context, blocked } = await offlineContext(browser);
  const page = await context.newPage();
  const problems = pageProblems(page);
  await page.goto(`${url}/`);
  await page.fill('input[name=token]', token);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=viewer]');
  await expectTokenKeptInTab(page, token);
  return { page, problems, blocked };
}

/** The token lives in this tab's sessionStorage only: not in the URL, not in localStorage. */
export async function expectTokenKeptInTab(page: Page, token: string): Promise<void> {
  expect(page.url()).not.toContain(token);
  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem('optiinfra.token'),
    local: JSON.stringify({ ...localStorage }),
  }));
  expect(stored.session).toBe(token);
  expect(stored.local).not.toContain(token);
}
