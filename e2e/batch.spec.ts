// Forecasting every series of a dataset at once: "Forecast all series" on the dataset page starts
// a batch; its page shows progress, then the scores across series, the skill histogram and a
// sortable, filterable table of the series linking to each run; one download holds every series'
// predictions; the runs list shows the batch as one row.
import { readFile } from 'node:fs/promises';
import { expect, test, TRAINING_TIMEOUT } from './support/test';

test('forecast all series of a dataset, read the batch page, download everything', async ({ page, takeScreenshot }) => {
  // The batch trains its global LSTM, then both series (each with its own LSTMs).
  test.setTimeout(3 * TRAINING_TIMEOUT + 120_000);
  await page.goto('/');
  await page.getByTestId('upload-input').setInputFiles('e2e/fixtures/small-sales.csv');
  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);

  // Two series: each also trains its own LSTMs beside the batch's one global LSTM.
  await expect(page.getByTestId('forecast-all-per-series-lstm')).toBeChecked();
  await expect(page.getByTestId('forecast-all-models')).toContainText('one global LSTM trained across all 2 series');
  await page.getByTestId('forecast-all').click();
  await page.waitForURL(/\/batches\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Batch of 2 series', level: 1 })).toBeVisible();
  await expect(page.getByTestId('batch-status')).toHaveText('Succeeded', { timeout: 3 * TRAINING_TIMEOUT });

  await expect(page.getByTestId('batch-global-lstm')).toContainText('Trained on 2 series');
  const table = page.getByTestId('batch-series');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  for (const row of await table.locator('tbody tr').all()) await expect(row).toContainText('Succeeded');
  await expect(page.getByTestId('batch-scores').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('skill-histogram')).toBeVisible();
  await takeScreenshot('batch-page');

  // Sort by MASE, then filter by name.
  const mase = table.getByRole('columnheader', { name: /MASE/ });
  await mase.getByRole('button').click();
  await expect(mase).toHaveAttribute('aria-sort', 'ascending');
  await mase.getByRole('button').click();
  await expect(mase).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('Filter').fill('north');
  await expect(table.locator('tbody tr')).toHaveCount(1);

  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('batch-download').click();
  const csv = await readFile(await (await downloadPromise).path(), 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines[0]).toMatch(/^series,timestamp,forecast,actual,/);
  expect(new Set(lines.slice(1).map((line) => line.split(',')[0]))).toEqual(new Set(['store_north', 'store_south']));

  // Drill down to the series' run.
  await table.getByRole('link', { name: 'store_north' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded');

  await page.goto('/runs');
  await expect(page.getByTestId('batch-groups').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('batch-groups')).toContainText('2 succeeded');
});
