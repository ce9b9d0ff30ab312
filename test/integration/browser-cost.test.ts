// The dashboard's cost view (#/cost) in Debian's Chromium against the lab: an hour of every
// pod's and node's cost written into the server's store (their requests at the kwok nodes'
// m5.2xlarge rates), then the page's rows, totals and month-to-date checked against what the
// API answers for the same window and grouping.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { usd } from '../../src/dashboard/format.ts';
import { HOUR } from '../../src/metrics/rollups.ts';
import { graphql } from '../gql/gql.ts';
import { expectNoErrors, gql, TOKENS, type TestApp } from '../support/app.ts';
import { browserAvailable, launchBrowser, openSignedIn, screenshot } from '../support/browser.ts';
import { costHour, eventually, startLabApp } from './kubernetes-support.ts';

const CostAnswer = graphql(`
  query UiCostAnswer($window: String!, $aggregate: [String!]) {
    costAllocation(window: $window, aggregate: $aggregate) {
      __typename
      ... on CostAllocation {
        rows {
          name
          cpuCost
          memoryCost
          storageCost
          totalCost
        }
        total {
          totalCost
        }
      }
    }
    overview {
      cost {
        monthToDate
      }
    }
  }
`);

const env = inject('labEnv');
const run = env && browserAvailable();

let t: TestApp;
let browser: Browser;

/** The API's answer: each row's CPU, memory, storage and total as the page formats them. */
async function answer(window: string, aggregate: string[]) {
  const data = expectNoErrors(
    (await gql(t.url, TOKENS.viewer, CostAnswer, { window, aggregate })).body,
  );
  const a = data.costAllocation;
  if (a.__typename !== 'CostAllocation') throw new Error(`no allocation: ${a.__typename}`);
  return {
    rows: new Map(
      a.rows.map((r) => [
        r.name,
        [usd(r.cpuCost), usd(r.memoryCost), usd(r.storageCost), usd(r.totalCost)],
      ]),
    ),
    total: usd(a.total.totalCost),
    monthToDate: usd(data.overview.cost?.monthToDate),
    raw: a,
  };
}

/** The page's rows: name (without the unpriced mark) → CPU, memory, storage, total cells. */
async function rendered(page: Page) {
  const rows = await page.$$eval('[data-testid=cost-rows] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  return {
    rows: new Map(rows.map((c) => [(c[0] ?? '').replace(/ \*$/, ''), [c[1], c[2], c[4], c[6]]])),
    total: await page.textContent('[data-testid=cost-rows] tfoot td.num'),
  };
}

describe.skipIf(!run)('dashboard cost view (Chromium)', () => {
  beforeAll(async () => {
    t = await startLabApp();
    browser = await launchBrowser();
    // The last complete hour, as the collector would have folded it.
    await costHour(t, Math.floor(Date.now() / HOUR) * HOUR - HOUR);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the API’s figures: each row, the total and month to date (by namespace, then pod and container)', async () => {
    const { page, problems } = await openSignedIn(browser, t.url, TOKENS.viewer);
    for (const by of ['namespace', 'pod,container']) {
      const want = await answer('24h', by.split(','));
      // Something is costed: the lab's demo pods ran the hour at a known price.
      const demo = want.raw.rows.filter((r) => r.name.startsWith('lab-demo'));
      expect(demo.length).toBeGreaterThan(0);
      expect(demo.some((r) => (r.totalCost ?? 0) > 0)).toBe(true);
      expect(want.rows.has('__idle__')).toBe(true);

      await page.goto(`${t.url}/#/cost?window=24h&by=${by}`);
      // The table of the previous grouping stays until the new answer arrives.
      await eventually(
        async () => {
          const got = await rendered(page);
          expect(got.rows).toEqual(want.rows);
          expect(got.total).toBe(want.total);
        },
        20_000,
        200,
      );
      expect(await page.textContent('[data-testid=cost] p')).toContain(
        `Month to date ${want.monthToDate}`,
      );
      await screenshot(page, `cost-${by.replace(',', '-')}`);
    }
    expect(problems).toEqual([]);
  });
});
