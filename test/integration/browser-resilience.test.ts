// The dashboard when parts of the system fail, in Debian's Chromium against the lab:
// - a partial answer: with Prometheus unreachable and the store's recommendations table gone
//   under a running server, the overview and the resource page show what they got and each
//   panel its own error;
// - a live list whose socket is cut resumes from its last cursor: a change made meanwhile
//   appears without the list being fetched again;
// - after a server restart (its in-process event log starts afresh) the stream reports a gap
//   and the list fetches itself again, so a change made while the server was down appears.
import pg from 'pg';
import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS, type TestApp } from '../support/app.ts';
import { browserAvailable, launchBrowser, openSignedIn, screenshot } from '../support/browser.ts';
import { createScratchDatabase } from '../support/postgres.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  scratchNamespace,
  sleep,
  startLabApp,
} from './kubernetes-support.ts';

const Named = graphql(`
  query UiResilienceNamed($namespace: String!, $name: String!) {
    resources(filter: { namespaces: [$namespace], names: [$name] }, first: 1) {
      totalCount
    }
  }
`);

const env = inject('labEnv');
const run = env && browserAvailable();

let browser: Browser;
let ns: { name: string; drop: () => Promise<void> };

/** Port 9 on loopback: nothing listens there, so a connection is refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9';

/** Until the server's watch cache holds the Deployment (its event is in the server's log). */
const seenByServer = (t: TestApp, name: string) =>
  eventually(async () => {
    const data = expectNoErrors(
      (await gql(t.url, TOKENS.viewer, Named, { namespace: ns.name, name })).body,
    );
    expect(data.resources.totalCount).toBe(1);
  }, 20_000);

/** The list's own query (DashResources) each time the page sends it. */
function listFetches(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if ((r.postData() ?? '').includes('query DashResources')) seen.push(r.url());
  });
  return seen;
}

/** The page's resource list for the test namespace, with at least one event (a cursor) in. */
async function openLiveList(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/resources?namespace=${ns.name}`);
  await page.reload(); // a new socket, through the test's WebSocket route if there is one
  await page.waitForSelector('tr[data-resource-name=web]');
  const marks = () => page.evaluate(() => performance.getEntriesByName('resource-visible').length);
  const before = await marks();
  await kubectl(['-n', ns.name, 'annotate', 'deploy', 'web', `touch=${Date.now()}`, '--overwrite']);
  await eventually(async () => expect(await marks()).toBeGreaterThan(before), 20_000, 200);
}

describe.skipIf(!run)('dashboard when parts fail (Chromium)', () => {
  beforeAll(async () => {
    ns = await scratchNamespace('ui-resilience');
    await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'web', 1) });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await ns?.drop();
  });

  it('a partial answer: each panel shows its own failure, the rest of the page its data', async () => {
    const db = await createScratchDatabase();
    const t = await startLabApp({ DATABASE_URL: db.url, PROMETHEUS_URL: UNREACHABLE });
    try {
      // One table of the store gone under the running server: only what reads it fails.
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query('ALTER TABLE recommendations RENAME TO recommendations_gone');
      await c.end();
      const { page, problems } = await openSignedIn(browser, t.url, TOKENS.operator);
      // The overview: the savings panel says it cannot read the advice; counts and the latest
      // actions are there.
      await page.waitForSelector('[data-testid=overview][data-ready=true]');
      await page.locator('[data-testid=overview-savings] [data-testid=field-error]').waitFor();
      expect(Number(await page.textContent('[data-testid=resource-total]'))).toBeGreaterThan(0);
      expect(await page.locator('[data-testid=overview] [data-testid=field-error]').count()).toBe(
        1,
      );
      await screenshot(page, 'overview-partial');
      await page.goto(`${t.url}/#/resources?namespace=${ns.name}&kind=DEPLOYMENT`);
      await page.click('tr[data-resource-name=web] a');
      await page.waitForSelector('[data-testid=resource]');
      // The history comes from Prometheus: its panel says why it is empty.
      const metrics = page.locator('[data-testid=resource-metrics] [data-testid=field-error]');
      await metrics.waitFor();
      expect(await metrics.innerText()).toMatch(/^Prometheus at .* is unreachable/);
      // The advice comes from the store's lost table: its panel says so …
      await page
        .locator('[data-testid=resource-recommendations] [data-testid=field-error]')
        .waitFor();
      // … and everything else in the same answer is on the page.
      expect(await page.locator('[data-testid=actions] button[data-action=Scale]').count()).toBe(1);
      await page.waitForSelector('[data-testid=resource-audit]');
      expect(
        await page.locator('[data-testid=resource-audit] [data-testid=field-error]').count(),
      ).toBe(0);
      expect(await page.locator('[data-testid=replicas]').getAttribute('data-desired')).toBe('1');
      await screenshot(page, 'resource-partial');
      expect(problems).toEqual([]);
    } finally {
      await t.close();
      await db.drop();
    }
  });

  it('a cut socket: the list resumes from its cursor and shows what changed meanwhile, with no refetch', async () => {
    const t = await startLabApp();
    try {
      const { page, problems } = await openSignedIn(browser, t.url, TOKENS.viewer);
      // Every WebSocket of the page through the test: it can cut them and refuse new ones.
      let cut = false;
      const open: { ws: WebSocketRoute; server: WebSocketRoute }[] = [];
      await page.routeWebSocket(/\/graphql$/, (ws) => {
        // 1012 (service restart): graphql-ws retries it, as it would a restarting replica.
        if (cut) return void ws.close({ code: 1012, reason: 'cut by the test' });
        open.push({ ws, server: ws.connectToServer() });
      });
      await openLiveList(page, t.url);
      const fetches = listFetches(page);
      cut = true;
      for (const { ws, server } of open.splice(0)) {
        await server.close();
        await ws.close({ code: 1012, reason: 'cut by the test' });
      }
      await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'meanwhile', 1) });
      await seenByServer(t, 'meanwhile');
      await sleep(1000);
      expect(await page.locator('tr[data-resource-name=meanwhile]').count()).toBe(0);
      cut = false;
      await page.waitForSelector('tr[data-resource-name=meanwhile]', { timeout: 40_000 });
      // Replayed from the cursor, not fetched again.
      expect(fetches).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('a server restart: the stream reports a gap and the list fetches itself again', async () => {
    let t = await startLabApp();
    try {
      const { page, problems } = await openSignedIn(browser, t.url, TOKENS.viewer);
      await openLiveList(page, t.url);
      const fetches = listFetches(page);
      const port = new URL(t.url).port;
      await t.close();
      await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'restarted', 1) });
      t = await startLabApp({ PORT: port });
      await seenByServer(t, 'restarted');
      // The page's cursor belongs to the old process's log: the next event carries a gap.
      await eventually(
        async () => {
          await kubectl([
            '-n',
            ns.name,
            'annotate',
            'deploy',
            'web',
            `touch=${Date.now()}`,
            '--overwrite',
          ]);
          await page.waitForSelector('tr[data-resource-name=restarted]', { timeout: 5000 });
        },
        60_000,
        0,
      );
      expect(fetches.length).toBeGreaterThanOrEqual(1);
      // A refused socket while the server was down is the browser's console error, not ours.
      expect(problems.filter((p) => !p.includes('WebSocket connection'))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
