// The dashboard and GraphiQL in a real browser (Debian's Chromium) against the lab, with every
// request that leaves the machine refused: sign-in, a kubectl change appearing without reload,
// scaling from the page (checked with kubectl), its live chart and history range and its audit
// event, a recommendation applied and reverted and another rejected, a chat plan confirmed, a
// viewer without buttons, GraphiQL's query, reload and subscription. Prints the first-load and
// live-update figures; screenshots go to artifacts/screenshots/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UI_DIR, type UiManifest } from '../../src/server/browser.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS, type TestApp } from '../support/app.ts';
import {
  browserAvailable,
  expectTokenKeptInTab,
  launchBrowser,
  offlineContext,
  openSignedIn as openOn,
  pageProblems,
  screenshot,
} from '../support/browser.ts';
import {
  deploymentYaml,
  eventually,
  kubectl,
  kubectlJson,
  kubeProvider,
  scratchNamespace,
  startLabApp,
} from './kubernetes-support.ts';

const RegisterAgent = graphql(`
  mutation UiRegisterAgent($input: RegisterAgentInput!) {
    registerAgent(input: $input) {
      __typename
    }
  }
`);

const SubmitAdvice = graphql(`
  mutation UiSubmitAdvice($input: SubmitRecommendationsInput!) {
    submitRecommendations(input: $input) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

const PodCount = graphql(`
  query UiPodCount {
    resources(filter: { kinds: [POD] }, first: 1) {
      totalCount
    }
  }
`);

const env = inject('labEnv');
const run = env && browserAvailable();

let t: TestApp;
let browser: Browser;
let ns: { name: string; drop: () => Promise<void> };
const openSignedIn = (token: string) => openOn(browser, t.url, token);
const figures: string[] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const replicas = async (name: string) =>
  (await kubectlJson<{ spec: { replicas: number } }>(['-n', ns.name, 'get', 'deploy', name])).spec
    .replicas;

/** Advice on the test's Deployment from the agent `ui-agent` (registered by the apply test). */
async function submitAdvice(advice: Record<string, unknown>): Promise<void> {
  const context = kubeProvider(t).contexts[0] ?? '';
  const sub = await gql(t.url, TOKENS.admin, SubmitAdvice, {
    input: {
      agent: 'ui-agent',
      recommendations: [
        {
          targetId: `k8s:${context}:DEPLOYMENT:${ns.name}:web`,
          confidence: 0.9,
          estimatedMonthlySavings: 4.5,
          risk: 'LOW',
          ...advice,
        },
      ],
    },
  });
  expect(expectNoErrors(sub.body).submitRecommendations).toMatchObject({
    __typename: 'SubmitRecommendationsSuccess',
  });
}

describe.skipIf(!run)('dashboard and GraphiQL in Chromium', () => {
  beforeAll(async () => {
    ns = await scratchNamespace('ui-test');
    t = await startLabApp({ METRICS_INTERVAL_SECONDS: '2' });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await ns?.drop();
    if (figures.length) process.stdout.write(`\n[browser figures]\n${figures.join('\n')}\n\n`);
  });

  it('signs in; a Deployment created with kubectl appears without a reload', async () => {
    const { page, problems, blocked } = await openSignedIn(TOKENS.operator);
    expect(await page.textContent('[data-testid=viewer]')).toContain('operator');
    await page.goto(`${t.url}/#/resources?namespace=${ns.name}`);
    await page.waitForSelector('[data-testid=resource-count]');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'web', 2) });
    await page.waitForSelector('tr[data-resource-name=web]', { timeout: 20_000 });
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    // From the watch event (its timestamp) to the row rendered in the page.
    // A few more changes: each watch event (ADDED, then MODIFIED as the controllers work) to
    // the moment its row was painted, as the page marked it.
    for (const n of [3, 4, 2]) {
      await kubectl(['-n', ns.name, 'scale', 'deploy', 'web', `--replicas=${n}`]);
      await page.waitForSelector('tr[data-resource-name=web]');
      await page.waitForTimeout(1000);
    }
    const lags = await page.evaluate(() =>
      performance
        .getEntriesByName('resource-visible')
        .map((m) => (m as PerformanceMark).detail as Record<string, string | number>)
        .filter((d) => d.kind === 'DEPLOYMENT' && d.name === 'web')
        .map((d) => Number(d.shownAt) - Date.parse(String(d.eventTimestamp))),
    );
    expect(lags.length).toBeGreaterThanOrEqual(4);
    figures.push(
      `kubectl change visible after the watch event: median ${Math.round(median(lags))} ms, max ${Math.max(...lags)} ms over ${lags.length} events of the Deployment`,
    );
    // The target (< 1 s), on the median: one event may meet a stalled CPU on a busy box.
    expect(median(lags)).toBeLessThan(1000);
    await screenshot(page, 'resources-live');
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('scales from the resource page (dry-run preview, then kubectl sees it) and the audit view shows it', async () => {
    const { page, problems } = await openSignedIn(TOKENS.operator);
    await page.goto(`${t.url}/#/resources?namespace=${ns.name}&kind=DEPLOYMENT`);
    await page.click('tr[data-resource-name=web] a');
    await page.waitForSelector('[data-testid=resource]');
    await page.fill('input[name=replicas]', '3');
    await page.click('button[data-action=Scale]');
    await page.waitForSelector('[data-testid=dry-run]');
    expect(await replicas('web')).toBe(2); // a preview changes nothing
    await page.click('text=Confirm scale');
    await page.waitForSelector('[data-testid=outcome]');
    await eventually(async () => expect(await replicas('web')).toBe(3), 20_000);
    // The page follows the change live (the watch, not a reload).
    await page.waitForSelector('[data-testid=replicas][data-desired="3"]', { timeout: 20_000 });
    // The live metrics chart: history, then samples from the `metrics` subscription.
    const points = async () =>
      Number(await page.getAttribute('[data-testid=cpu-chart]', 'data-points'));
    await eventually(async () => expect(await points()).toBeGreaterThan(0), 60_000, 500);
    const before = await points();
    await eventually(async () => expect(await points()).toBeGreaterThan(before), 60_000, 500);
    // The history range: another range asks the API for that range's history.
    const history = page.waitForRequest((r) => (r.postData() ?? '').includes('"last":"PT6H"'));
    await page.selectOption('select[name=range]', 'PT6H');
    await history;
    await eventually(async () => expect(await points()).toBeGreaterThan(0), 30_000, 500);
    await screenshot(page, 'resource');
    await page.goto(`${t.url}/#/audit?actions=scale`);
    await page.waitForSelector('tr[data-audit-action=scale][data-audit-target=web]');
    await page.waitForSelector('[data-testid=verification][data-valid=true]');
    await screenshot(page, 'audit');
    expect(problems).toEqual([]);
  });

  it('applies a recommendation after its dry run, then reverts it; rejects another with a reason', async () => {
    const reg = await gql(t.url, TOKENS.admin, RegisterAgent, {
      input: { name: 'ui-agent', capabilities: ['submit'] },
    });
    expect(expectNoErrors(reg.body).registerAgent.__typename).toBe('RegisterAgentSuccess');
    await submitAdvice({
      type: 'REPLICAS',
      title: `Run web in ${ns.name} on one replica`,
      summary: 'Three replicas idle at night.',
      current: { replicas: 3 },
      recommended: { replicas: 1 },
      evidence: { p95CpuCores: 0.01 },
      action: { verb: 'scale', params: { replicas: 1 } },
    });
    const { page, problems } = await openSignedIn(TOKENS.operator);
    await page.goto(`${t.url}/#/recommendations?status=OPEN`);
    const card = page.locator('article[data-recommendation]', { hasText: `Run web in ${ns.name}` });
    await card.locator('details summary', { hasText: 'Evidence' }).click();
    await card.locator('details pre', { hasText: 'p95CpuCores' }).waitFor();
    await card.locator('button[data-action=Apply]').click();
    await card.locator('[data-testid=dry-run]').waitFor();
    expect(await replicas('web')).toBe(3);
    await card.locator('text=Confirm apply').click();
    await eventually(async () => expect(await replicas('web')).toBe(1), 20_000);
    await screenshot(page, 'recommendation-applied');
    await page.goto(`${t.url}/#/recommendations?status=APPLIED`);
    const applied = page.locator('article[data-recommendation]', {
      hasText: `Run web in ${ns.name}`,
    });
    await applied.locator('button[data-action=Revert]').click();
    await applied.locator('[data-testid=dry-run]').waitFor();
    await applied.locator('text=Confirm revert').click();
    await eventually(async () => expect(await replicas('web')).toBe(3), 20_000);
    // Reject: a reason, a dry run that changes nothing, then the advice moves to REJECTED.
    const title = `Give web in ${ns.name} less CPU`;
    await submitAdvice({
      type: 'CPU_RIGHTSIZE',
      title,
      summary: 'CPU requests far above use.',
      current: { cpu: '500m' },
      recommended: { cpu: '100m' },
    });
    await page.goto(`${t.url}/#/recommendations?status=OPEN`);
    const rejecting = page.locator('article[data-recommendation]', { hasText: title });
    await rejecting.locator('input[name=reason]').fill('headroom for the sale');
    await rejecting.locator('button[data-action=Reject]').click();
    await rejecting.locator('[data-testid=dry-run]').waitFor();
    await rejecting.locator('text=Confirm reject').click();
    await rejecting.waitFor({ state: 'detached' });
    await page.goto(`${t.url}/#/recommendations?status=REJECTED`);
    await page
      .locator('article[data-recommendation][data-status=REJECTED]', { hasText: title })
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('confirms a chat plan', async () => {
    const { page, problems } = await openSignedIn(TOKENS.operator);
    await page.goto(`${t.url}/#/chat`);
    await page.fill('input[name=message]', `scale deployment web in ${ns.name} to 2`);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=plan]');
    expect(await replicas('web')).toBe(3);
    await page.click('[data-action=confirm-plan]');
    await page.waitForSelector('[data-testid=confirmed]');
    await eventually(async () => expect(await replicas('web')).toBe(2), 20_000);
    await screenshot(page, 'chat');
    expect(problems).toEqual([]);
  });

  it('shows a viewer no action buttons, and why not', async () => {
    const { page, problems } = await openSignedIn(TOKENS.viewer);
    await page.goto(`${t.url}/#/resources?namespace=${ns.name}&kind=DEPLOYMENT`);
    await page.click('tr[data-resource-name=web] a');
    await page.waitForSelector('[data-testid=resource-audit]');
    expect(await page.locator('button[data-action]').count()).toBe(0);
    expect(
      await page.locator('[data-testid=refused-actions] li[data-verb=SCALE]').textContent(),
    ).toBe('scale: viewer-user (viewer) may not scale; it needs the operator role');
    await page.goto(`${t.url}/#/audit`);
    await page.waitForSelector('tr[data-audit-action]');
    expect(await page.locator('button[data-action]').count()).toBe(0);
    await submitAdvice({
      type: 'SPOT_CANDIDATE',
      title: `Run web in ${ns.name} on spot nodes`,
      summary: 'Stateless and restart-tolerant.',
      recommended: { nodeSelector: { lifecycle: 'spot' } },
    });
    await page.goto(`${t.url}/#/recommendations?status=OPEN`);
    await page.locator('article[data-recommendation]', { hasText: 'on spot nodes' }).waitFor();
    expect(await page.locator('button[data-action]').count()).toBe(0);
    await page.goto(`${t.url}/#/chat`);
    await page.fill('input[name=message]', `scale deployment web in ${ns.name} to 4`);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=reply]');
    expect(await page.locator('[data-action=confirm-plan]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('loads a usable overview from a cold cache (figure printed)', async () => {
    const pods = expectNoErrors((await gql(t.url, TOKENS.viewer, PodCount)).body).resources
      .totalCount;
    // The figure is at 1,000 pods: BROWSER_MIN_PODS=1000 against a lab seeded with
    // `npm run lab:seed -- --scale 1000` refuses to print a figure from a smaller lab.
    const minPods = Number(process.env.BROWSER_MIN_PODS ?? 0);
    expect(pods, `the lab has ${pods} pods, fewer than BROWSER_MIN_PODS`).toBeGreaterThanOrEqual(
      minPods,
    );
    const times: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < 7; i++) {
      // A new context: empty HTTP cache; the tab already holds its token.
      const { context } = await offlineContext(browser);
      await context.addInitScript(
        (token) => sessionStorage.setItem('optiinfra.token', token),
        TOKENS.viewer,
      );
      const page = await context.newPage();
      // Baseline in the same run, same browser and load: a bare page (the JSON of /health).
      await page.goto(`${t.url}/health`);
      baseline.push(
        await page.evaluate(
          () => performance.getEntriesByType('navigation')[0]?.duration ?? Number.NaN,
        ),
      );
      await page.goto(`${t.url}/`);
      await page.waitForSelector('[data-testid=overview][data-ready=true]');
      times.push(
        await page.evaluate(
          () => performance.getEntriesByName('overview-ready')[0]?.startTime ?? Number.NaN,
        ),
      );
      if (i === 0) await screenshot(page, 'overview');
      await context.close();
    }
    const manifest = JSON.parse(readFileSync(join(UI_DIR, 'manifest.json'), 'utf8')) as UiManifest;
    figures.push(
      `first load to a usable overview, cold cache, ${pods} pods: median ${Math.round(median(times))} ms (runs: ${times.map(Math.round).join(', ')})`,
      `  baseline, a bare page (/health) in the same runs: median ${Math.round(median(baseline))} ms; overview / baseline: ${(median(times) / median(baseline)).toFixed(1)}`,
      `dashboard bundle: ${(manifest.dashboardGzipBytes / 1024).toFixed(1)} KB gzipped`,
    );
    expect(times.every(Number.isFinite)).toBe(true);
    // The targets: a usable overview in < 1.5 s (median of the cold loads), < 300 KB.
    expect(median(times)).toBeLessThan(1500);
    expect(manifest.dashboardGzipBytes).toBeLessThan(300 * 1024);
  });

  it('GraphiQL: served without a token, assets local, token once, query, reload, subscription', async () => {
    const { context, blocked } = await offlineContext(browser);
    const page = await context.newPage();
    const problems = pageProblems(page);
    const res = await page.goto(`${t.url}/graphql`);
    expect(res?.status()).toBe(200);
    // The network really is cut off: the public CDN GraphiQL would otherwise load from (tried
    // from a page of its own, whose console error is not one of this page's problems).
    const probe = 'https://unpkg.com/@graphql-yoga/graphiql/package.json';
    const probePage = await context.newPage();
    await probePage.goto(`${t.url}/health`);
    expect(
      await probePage.evaluate(
        (u) =>
          fetch(u).then(
            () => 'reached',
            () => 'refused',
          ),
        probe,
      ),
    ).toBe('refused');
    await probePage.close();
    await page.fill('.graphiql-signin input[name=token]', TOKENS.admin);
    await page.click('.graphiql-signin button[type=submit]');
    await page.waitForSelector('.graphiql-container');
    await page.waitForSelector('text=signed in as admin-user');
    await expectTokenKeptInTab(page, TOKENS.admin);
    // Introspection followed the token: the docs know the schema.
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer >> text=Query');
    // The default tab is a real example: it runs.
    await page.click('.graphiql-execute-button');
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 30_000 }).toContain('"ADMIN"');
    await screenshot(page, 'graphiql');
    // A subscription from GraphiQL (?query=, so a reload keeps it), fed by a kubectl change.
    const subscription = `subscription Live { resourceEvents(filter: {namespaces: ["${ns.name}"], kinds: [DEPLOYMENT]}) { type resource { name } } }`;
    await page.goto(`${t.url}/graphql?query=${encodeURIComponent(subscription)}`);
    const reloaded = await page.reload();
    expect(reloaded?.status()).toBe(200);
    await page.waitForSelector('.graphiql-container');
    // Entered once: the reloaded page did not ask again.
    expect(await page.locator('.graphiql-signin input[name=token]').count()).toBe(0);
    await page.click('.graphiql-execute-button');
    await page.waitForTimeout(1000);
    await kubectl(['apply', '-f', '-'], { input: deploymentYaml(ns.name, 'gq', 1) });
    await expect.poll(() => response.innerText(), { timeout: 20_000 }).toContain('"gq"');
    await screenshot(page, 'graphiql-subscription');
    await expectTokenKeptInTab(page, TOKENS.admin);
    // The probe above is the only request that tried to leave the machine.
    expect(blocked).toEqual([probe]);
    expect(problems.filter((p) => !p.includes('favicon'))).toEqual([]);
  });
});
