// Covariates (issue 22) from upload to forecast: a file whose last 14 rows leave the sales empty and
// fill the promotions and prices; the preview says so, the train form offers both as known-future
// covariates and says when they do not cover the horizon, the server refuses such a run, and a
// run with them and a holiday calendar forecasts the 14 future dates.
import type { Page } from '@playwright/test';
import { expect, fillTraining, test, TINY_TRAINING, TRAINING_TIMEOUT } from './support/test';

test.describe.configure({ mode: 'serial' });

const FILE = 'e2e/fixtures/promo-sales.csv';
/** The future rows of the fixture: the 14 days after its last day of sales (2026-10-31). */
const FUTURE_DATES = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);

async function uploadAndOpenSeries(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('upload-input').setInputFiles(FILE);
  await expect(page.getByTestId('future-rows')).toContainText('14 future rows: used as known-future covariates');
  await expect(page.getByTestId('future-rows')).toContainText('"promotion" and "price" go on');
  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);
  await page.getByTestId('series-table').getByRole('link', { name: 'store_north', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'store_north', level: 1 })).toBeVisible();
}

test('a run with known-future covariates and a holiday calendar forecasts the future rows', async ({
  page,
  takeScreenshot,
}) => {
  await uploadAndOpenSeries(page);
  const form = page.getByRole('form', { name: 'Train forecast' });
  const covariates = form.getByTestId('covariates');
  await covariates.getByRole('checkbox', { name: 'promotion' }).check();
  await covariates.getByRole('checkbox', { name: 'price' }).check();
  // Both go on after the sales end, so they are known future unless the user says otherwise.
  await expect(covariates.getByRole('combobox', { name: 'How “promotion” is used' })).toHaveValue('future');
  await expect(covariates.getByRole('combobox', { name: 'How “price” is used' })).toHaveValue('future');

  // 20 steps reach past the 14 known days: the form warns, and the server refuses with the dates.
  await fillTraining(form, { ...TINY_TRAINING, Horizon: '20' });
  await expect(form.getByTestId('coverage-note')).toContainText('The future is not covered');
  await expect(form.getByTestId('coverage-note')).toContainText('Shorten the horizon to 14');
  await form.getByTestId('train-submit').click();
  await expect(form.getByText('The run was not started')).toBeVisible();
  await expect(form.getByText(/"promotion" has no value at 2026-11-15/)).toBeVisible();

  await fillTraining(form, { Horizon: '14' });
  await expect(form.getByTestId('coverage-note')).toContainText('The known future covers the 14-step forecast');
  await form.getByTestId('holiday-country').selectOption('US');
  await takeScreenshot('train-form-with-covariates');
  await form.getByTestId('train-submit').click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  const runId = page.url().split('/').pop()!;

  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });
  const config = page.getByTestId('run-config');
  await expect(config).toContainText('promotion (known future), price (known future)');
  await expect(config).toContainText('US');
  // The fields typed in the form are named as not searched; a layer count the search changed shows both.
  const fact = (label: string) => config.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
  await expect(fact('Not searched (set by you)')).toHaveText('Lookback, LSTM units');
  const { run } = (await (await page.request.get(`/api/runs/${runId}`)).json()) as {
    run: { config: { layers: number }; evaluation: { search?: { chosen: { layers: number } } } };
  };
  const chosen = run.evaluation.search?.chosen.layers ?? run.config.layers;
  await expect(fact('LSTM layers')).toHaveText(
    chosen === run.config.layers ? String(chosen) : `${run.config.layers} → ${chosen} (search)`,
  );
  await takeScreenshot('run-with-covariates');

  const response = await page.request.get(`/api/runs/${runId}/predictions`);
  expect(response.status()).toBe(200);
  const { predictions } = (await response.json()) as {
    predictions: { timestamp: string; forecast: number | null; segment: string }[];
  };
  const future = predictions.filter((row) => row.segment === 'future');
  expect(future.map((row) => row.timestamp.slice(0, 10))).toEqual(FUTURE_DATES);
  for (const row of future) expect(row.forecast).toEqual(expect.any(Number));
});

test('on a 390 px screen the covariate and holiday choices fit and work', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await uploadAndOpenSeries(page);
  const form = page.getByRole('form', { name: 'Train forecast' });
  const promotion = form.getByTestId('covariates').getByRole('checkbox', { name: 'promotion' });
  await promotion.check();
  await form.getByRole('combobox', { name: 'How “promotion” is used' }).selectOption('past');
  await expect(form.getByTestId('coverage-note')).toHaveCount(0);
  await form.getByTestId('holiday-country').selectOption('DE');
  await form.getByTestId('holiday-region').selectOption('BY');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await form.getByTestId('covariates').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});

test('the dataset page forecasts the other series with the chosen covariates', async ({ page, takeScreenshot }) => {
  await uploadAndOpenSeries(page);
  await page.getByRole('link', { name: 'promo-sales' }).click();
  const form = page.getByRole('form', { name: 'Forecast all series' });
  await expect(form.getByTestId('forecast-all')).toHaveText('Forecast all series');
  await form.getByText('Covariates and holidays (optional)').click();
  await form.getByText('Training settings (optional)').click();
  // Every series is offered; those that go on after the sales end are known future by default.
  await form.getByRole('checkbox', { name: 'promotion' }).check();
  await form.getByRole('checkbox', { name: 'price' }).check();
  await expect(form.getByRole('combobox', { name: 'How “promotion” is used' })).toHaveValue('future');
  await expect(form.getByRole('combobox', { name: 'How “price” is used' })).toHaveValue('future');
  await form.getByLabel('Horizon', { exact: true }).fill('30');
  await expect(form.getByTestId('coverage-note')).toContainText('1 of 1 series would fail, e.g. “store_north”');
  await form.getByLabel('Horizon', { exact: true }).fill('14');
  await expect(form.getByTestId('coverage-note')).toContainText('covers the forecast of every series (1)');
  await expect(form.getByTestId('forecast-all')).toHaveText('Forecast the other 1 series');
  await expect(form.getByTestId('forecast-all-models')).toContainText('one global LSTM trained on that series alone');
  await takeScreenshot('dataset-forecast-all-covariates');
  // On a phone, dark: the form fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await takeScreenshot('dataset-forecast-all-covariates-narrow-dark');
});

test("in a long file, each store's sales read its own promotions, and no store's promotions are forecast", async ({
  page,
  takeScreenshot,
}) => {
  const lines = ['store,date,sales,promo'];
  for (const [k, store] of ['north', 'south'].entries()) {
    for (let day = 0; day < 67; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      const promo = (day + k) % 6 < 2 ? 1 : 0;
      const sales = day < 60 ? (40 + 10 * k + 15 * promo + 5 * Math.sin(day)).toFixed(1) : '';
      lines.push(`${store},${date},${sales},${promo}`);
    }
  }
  await page.goto('/');
  await page
    .getByTestId('upload-input')
    .setInputFiles({ name: 'stores-long.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await expect(page.getByTestId('future-rows')).toContainText('used as known-future covariates');
  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);

  const form = page.getByRole('form', { name: 'Forecast all series' });
  await form.getByText('Covariates and holidays (optional)').click();
  await form.getByRole('checkbox', { name: 'store=north / promo' }).check();
  await expect(form.getByTestId('batch-covariates-own')).toHaveText(
    'Each series reads its own id’s column: “store=south / sales” reads “store=south / promo”.',
  );
  await expect(form.getByTestId('coverage-note')).toContainText('covers the forecast of every series (2)');
  await expect(form.getByTestId('forecast-all')).toHaveText('Forecast the other 2 series');
  await takeScreenshot('batch-covariates-long-file');

  // The batch's global LSTM reads each store's own promotions, and says so (then stop the batch).
  await form.getByTestId('forecast-all').click();
  await page.waitForURL(/\/batches\/[^/]+$/);
  await expect(page.getByTestId('batch-global-lstm')).toContainText(
    "with promo (each series' own) (and again without them, to measure what they do)",
    { timeout: TRAINING_TIMEOUT },
  );
  await expect(page.getByTestId('batch-global-lstm')).toContainText('Trained on 2 series');
  await takeScreenshot('batch-covariates-long-file-batch');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await takeScreenshot('batch-covariates-long-file-batch-narrow-dark');
  await page.getByRole('button', { name: 'Cancel batch' }).click();
  await expect(page.getByTestId('batch-status')).toHaveText('Cancelled', { timeout: TRAINING_TIMEOUT });
});
