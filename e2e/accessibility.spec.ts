// Every page of Horizon checked by axe against WCAG 2.0/2.1 A and AA, in the light and in the dark
// color scheme. The data comes through the API (one upload, two tiny runs) so that each page is
// checked in its full state: charts drawn, tables filled, a run that succeeded.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectChartDrawn, test, TRAINING_TIMEOUT } from './support/test';
import { sameOriginHeaders } from './support/users';

const SMALL_SALES = 'e2e/fixtures/small-sales.csv';
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TINY_RUN = { epochs: 2, units: 8, lookback: 14, horizon: 7 };

test.describe.configure({ mode: 'serial' });

interface Fixture {
  datasetId: string;
  seriesId: string;
  runIds: [string, string];
}
// Set by beforeAll; every test runs after it.
let fixture!: Fixture;

async function trainedRun(api: APIRequestContext, seriesId: string): Promise<string> {
  const created = await api.post('/api/runs', { data: { seriesId, ...TINY_RUN } });
  expect(created.status(), await created.text()).toBe(202);
  const { run } = (await created.json()) as { run: { id: string } };
  await expect
    .poll(
      async () => ((await (await api.get(`/api/runs/${run.id}`)).json()) as { run: { status: string } }).run.status,
      { timeout: TRAINING_TIMEOUT, message: `run ${run.id} succeeds` },
    )
    .toBe('succeeded');
  return run.id;
}

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(2 * TRAINING_TIMEOUT + 60_000);
  const api = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    ...sameOriginHeaders(testInfo.project.use.baseURL),
  });
  const uploaded = await api.post('/api/datasets', {
    multipart: { file: { name: 'small-sales.csv', mimeType: 'text/csv', buffer: await readFile(SMALL_SALES) } },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { dataset } = (await uploaded.json()) as { dataset: { id: string; series: { id: string }[] } };
  const seriesId = dataset.series[0].id;
  const runIds: [string, string] = [await trainedRun(api, seriesId), await trainedRun(api, seriesId)];
  fixture = { datasetId: dataset.id, seriesId, runIds };
  await api.dispose();
});

// Later specs count the runs they see: leave nothing behind (the runs go with the dataset).
test.afterAll(async ({ playwright }, testInfo) => {
  if (!fixture) return;
  const api = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    ...sameOriginHeaders(testInfo.project.use.baseURL),
  });
  expect((await api.delete(`/api/datasets/${fixture.datasetId}`)).status()).toBe(204);
  await api.dispose();
});

/** Fails with one readable paragraph per serious or critical violation: rule, why, and where. */
async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) =>
    [
      `${v.impact}: ${v.id} — ${v.help} (${v.helpUrl})`,
      ...v.nodes
        .slice(0, 5)
        .map((node) => `  at ${node.target.join(' ')}: ${node.failureSummary?.replaceAll('\n', ' ')}`),
      v.nodes.length > 5 ? `  …and ${v.nodes.length - 5} more` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  expect(report, `axe violations on ${state}:\n${report.join('\n\n')}`).toEqual([]);
}

/** How to bring each page into the state worth checking. */
const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'home',
    open: async (page) => {
      await page.goto('/');
      await expect(page.getByTestId('dataset-list')).toBeVisible();
    },
  },
  {
    name: 'upload preview',
    open: async (page) => {
      await page.goto('/');
      await page.getByTestId('upload-input').setInputFiles(SMALL_SALES);
      await expect(page.getByRole('heading', { name: '2 series detected' })).toBeVisible();
    },
  },
  {
    name: 'dataset',
    open: async (page) => {
      await page.goto(`/datasets/${fixture.datasetId}`);
      await expect(page.getByTestId('series-table')).toBeVisible();
    },
  },
  {
    name: 'series',
    open: async (page) => {
      await page.goto(`/series/${fixture.seriesId}`);
      await expectChartDrawn(page.getByTestId('history-chart'));
      await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(2);
    },
  },
  {
    name: 'run (succeeded)',
    open: async (page) => {
      await page.goto(`/runs/${fixture.runIds[0]}`);
      await expect(page.getByTestId('run-status')).toHaveText('Succeeded');
      await expectChartDrawn(page.getByTestId('forecast-chart'), 5);
      await expectChartDrawn(page.getByTestId('loss-chart'));
    },
  },
  {
    name: 'compare',
    open: async (page) => {
      await page.goto(`/compare?runs=${fixture.runIds.join(',')}`);
      await expect(page.getByTestId('compare-metrics').locator('tbody tr')).toHaveCount(2);
      await expectChartDrawn(page.getByTestId('compare-chart'), 5);
    },
  },
  {
    name: 'runs list',
    open: async (page) => {
      await page.goto('/runs');
      await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(2);
    },
  },
  {
    name: 'schedules',
    open: async (page) => {
      await page.goto('/schedules');
      await expect(page.getByRole('heading', { name: 'Schedules', level: 1 })).toBeVisible();
      // The dataset schedule form with its series to choose from.
      await page.getByLabel('Choose series').check();
      await expect(page.getByTestId('schedule-series').getByRole('checkbox')).toHaveCount(2);
    },
  },
  {
    name: 'API tokens',
    open: async (page) => {
      await page.goto('/settings/tokens');
      await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
      await expect(page.getByRole('form', { name: 'Create an API token' })).toBeVisible();
    },
  },
  {
    name: 'API reference',
    open: async (page) => {
      await page.goto('/docs/api');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'landing (signed out)',
    open: async (page) => {
      await page.context().clearCookies();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Forecast your time series');
      // The page's own links (the header has a Sign in link of its own).
      const main = page.getByRole('main');
      await expect(main.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/sign-up');
      await expect(main.getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute('href', '/sign-in');
    },
  },
  {
    name: 'sign in (signed out)',
    open: async (page) => {
      await page.context().clearCookies();
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Sign in to Horizon' })).toBeVisible();
    },
  },
  {
    name: 'sign up (signed out)',
    open: async (page) => {
      await page.context().clearCookies();
      await page.goto('/sign-up');
      await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    },
  },
  {
    name: 'not found',
    open: async (page) => {
      await page.goto('/no-such-page');
      await expect(page.getByText('Page not found')).toBeVisible();
    },
  },
];

/** A phone held upright (iPhone 12–15): every page must fit it without sideways scrolling. */
const PHONE = { width: 390, height: 844 };

/** The page's own width never exceeds the window's: wide content scrolls inside its box, if at all. */
async function expectNoSidewaysScroll(page: Page, state: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${state}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(
    innerWidth,
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name, open } of PAGES) {
    test(`${name} (${colorScheme}) has no serious accessibility violations`, async ({ page, takeScreenshot }) => {
      await page.emulateMedia({ colorScheme });
      await open(page);
      await takeScreenshot(`${name.replaceAll(/\W+/g, '-')}-${colorScheme}`);
      await expectNoSeriousViolations(page, `${name} (${colorScheme})`);
    });

    test(`${name} (${colorScheme}, 390 px) fits the screen and has no serious accessibility violations`, async ({
      page,
      takeScreenshot,
    }) => {
      await page.setViewportSize(PHONE);
      await page.emulateMedia({ colorScheme });
      await open(page);
      await takeScreenshot(`${name.replaceAll(/\W+/g, '-')}-${colorScheme}-390`);
      await expectNoSidewaysScroll(page, `${name} (${colorScheme}, 390 px)`);
      await expectNoSeriousViolations(page, `${name} (${colorScheme}, 390 px)`);
    });
  }
}

test('at 390 px the navigation and the account menu with Sign out stay on screen', async ({ page, takeScreenshot }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/');
  const inside = async (name: string, box: { x: number; width: number } | null) => {
    expect(box, `${name} is laid out`).not.toBeNull();
    expect(box!.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${name} ends on screen`).toBeLessThanOrEqual(PHONE.width);
  };
  for (const link of await page.getByRole('navigation', { name: 'Main' }).getByRole('link').all()) {
    await inside(`nav link ${await link.textContent()}`, await link.boundingBox());
  }
  await page.getByRole('group', { name: 'Account' }).waitFor({ state: 'hidden' });
  await page.locator('.user-menu summary').click();
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await expect(signOut).toBeVisible();
  await inside('Sign out', await signOut.boundingBox());
  await inside('Account menu', await page.getByRole('group', { name: 'Account' }).boundingBox());
  await takeScreenshot('account-menu-390');
  await expectNoSidewaysScroll(page, 'home with the account menu open (390 px)');
});

test('at 390 px the leaderboard shows its priority columns and the rest behind a toggle', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(`/runs/${fixture.runIds[0]}`);
  const leaderboard = page.getByTestId('leaderboard');
  const header = leaderboard.getByRole('columnheader', { name: 'Fit time' });
  await expect(leaderboard.getByRole('columnheader', { name: 'MASE' })).toBeVisible();
  await expect(header).toBeHidden();
  await leaderboard.getByRole('button', { name: 'Show all columns' }).click();
  await expect(header).toBeVisible();
  await expect(leaderboard.getByRole('button', { name: 'Show fewer columns' })).toHaveAttribute('aria-pressed', 'true');
});
