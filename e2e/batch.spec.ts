// Forecasting every series of a dataset at once: "Forecast all series" on the dataset page starts
// a batch; its page shows progress, then the scores across series, the skill histogram and a
// sortable, filterable table of the series linking to each run; one download holds every series'
// predictions; the runs list shows the batch as one row. A schedule on the dataset page forecasts
// the dataset's series again as a batch per firing. Every row's sparkline draws the series' history
// and its champion's forecast, drawn without scrolling to it first.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, fillTraining, test, TINY_TRAINING, TRAINING_TIMEOUT } from './support/test';

/** Every row of the series table has a sparkline with a drawn history and a drawn forecast. */
async function expectSparklinesDrawn(table: Locator, rows: number): Promise<void> {
  const sparklines = table.locator('tbody tr').getByTestId('sparkline');
  await expect(sparklines).toHaveCount(rows);
  for (const sparkline of await sparklines.all()) {
    await expect(sparkline.locator('path[data-segment="history"]')).toHaveAttribute(
      'd',
      /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/,
    );
    await expect(sparkline.locator('path[data-segment="forecast"]')).toHaveAttribute(
      'd',
      /^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+$/,
    );
    await expect(sparkline).toHaveAttribute(
      'aria-label',
      /: the last \d+ values, then the .+ forecast of the next \d+ steps \(dashed\)$/,
    );
  }
}

/** Imports a fixture file from the home page and waits for its dataset page. */
async function importFixture(page: Page, file: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('upload-input').setInputFiles(file);
  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);
}

test('forecast all series of a dataset, read the batch page, download everything', async ({ page, takeScreenshot }) => {
  // The batch trains its global LSTM, then both series (each with its own LSTMs), all small.
  test.setTimeout(3 * TRAINING_TIMEOUT + 120_000);
  await importFixture(page, 'e2e/fixtures/small-sales.csv');

  // Two series: each also trains its own LSTMs beside the batch's one global LSTM.
  const form = page.getByRole('form', { name: 'Forecast all series' });
  await expect(page.getByTestId('forecast-all-per-series-lstm')).toBeChecked();
  await expect(page.getByTestId('forecast-all-models')).toContainText('one global LSTM trained across both series');
  // Small training settings, checked as the server would before anything is sent.
  await form.getByText('Training settings (optional)').click();
  await fillTraining(form, { ...TINY_TRAINING, Epochs: '0' });
  await page.getByTestId('forecast-all').click();
  await expect(form.getByText('Epochs must be at least 1.')).toBeVisible();
  await expect(page).toHaveURL(/\/datasets\/[^/]+$/);
  await fillTraining(form, TINY_TRAINING);
  await page.getByTestId('forecast-all').click();
  await page.waitForURL(/\/batches\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Batch of 2 series', level: 1 })).toBeVisible();
  await expect(page.getByTestId('batch-status')).toHaveText('Succeeded', { timeout: 3 * TRAINING_TIMEOUT });

  await expect(page.getByTestId('batch-global-lstm')).toContainText('Trained on 2 series');
  const table = page.getByTestId('batch-series');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  for (const row of await table.locator('tbody tr').all()) {
    await expect(row).toContainText('Succeeded');
    // Skill as the run page writes it: a signed percentage.
    await expect(row.locator('td').nth(3)).toHaveText(/^([+−]\d+%|0%)$/);
  }
  await expectSparklinesDrawn(table, 2);
  // Each row's MASE is its champion's on the windows it was not chosen on (the run's test MASE),
  // not the backtest score it was chosen by; no row needs the footnote for the latter.
  const { batch } = await (await page.request.get(`/api${new URL(page.url()).pathname}`)).json();
  // The settings typed in the form, for every series.
  expect(batch.config).toMatchObject({ horizon: 7, lookback: 14, epochs: 2, units: 8 });
  for (const series of batch.series) {
    const { run } = await (await page.request.get(`/api/runs/${series.runId}`)).json();
    expect(run.config).toMatchObject({ horizon: 7, lookback: 14, epochs: 2, units: 8 });
    expect(series.nested).toBe(true);
    expect(series.mase).toBe(run.evaluation.champion.testMase);
    await expect(
      table
        .locator('tbody tr')
        .filter({ has: page.getByRole('rowheader', { name: series.name }) })
        .locator('td')
        .nth(2),
    ).toHaveText(series.mase.toFixed(3));
  }
  await expect(page.getByTestId('batch-backtest-note')).toHaveCount(0);
  await expect(page.getByTestId('batch-scores').locator('tbody tr').first()).toBeVisible();
  // How often the LSTM won: the count first, then the share.
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: / of 2 / })
      .first(),
  ).toHaveText(/^[0-2] of 2 \(\d+%\)$/);
  await expect(page.getByTestId('skill-histogram')).toBeVisible();
  await expect(page.getByTestId('skill-histogram').locator('text').first()).toHaveText(/^([+−]\d+%|0%)$/);
  await takeScreenshot('batch-page');

  // Sort by MASE, then filter by name.
  const mase = table.getByRole('columnheader', { name: /MASE/ });
  await mase.getByRole('button').click();
  await expect(mase).toHaveAttribute('aria-sort', 'ascending');
  await mase.getByRole('button').click();
  await expect(mase).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('Filter').fill('north');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  // Its champion averages three or more models (see the run page below): the cell names the best
  // two and counts the rest, the full list in its title.
  const championCell = table.locator('tbody tr td').nth(1);
  await expect(championCell).toHaveText(/^Average of [^,+]+, [^+]+ \+ \d+ more$/);
  await expect(championCell).toHaveAttribute('title', /^Average of [^+]+ \+ [^+]+ \+ /);

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
  // Its champion averages several models (those within 20% of the best): at 390 px the model picker
  // that names them all still fits the screen.
  await expect(page.getByTestId('download-model').locator('option').first()).toHaveText(
    /^Champion: Average of [^+]+ \+ [^+]+ \+ /,
  );
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/runs');
  await expect(page.getByTestId('batch-groups').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('batch-groups')).toContainText('2 succeeded');
});

test('a batch whose runs have one backtest window marks each MASE as the backtest one it was chosen on', async ({
  page,
  takeScreenshot,
}) => {
  test.setTimeout(2 * TRAINING_TIMEOUT + 60_000);
  await importFixture(page, 'e2e/fixtures/small-sales.csv');
  // A horizon of 35 days leaves these 120 days room for one backtest window and no earlier one to
  // choose the champion on: no score on windows it was not chosen on, as on runs from before it.
  const form = page.getByRole('form', { name: 'Forecast all series' });
  await page.getByTestId('forecast-all-per-series-lstm').uncheck();
  await form.getByText('Training settings (optional)').click();
  await fillTraining(form, { ...TINY_TRAINING, Horizon: '35' });
  await page.getByTestId('forecast-all').click();
  await page.waitForURL(/\/batches\/[^/]+$/);
  const batchPath = new URL(page.url()).pathname;
  await expect(page.getByTestId('batch-status')).toHaveText('Succeeded', { timeout: 2 * TRAINING_TIMEOUT });

  const { batch } = await (await page.request.get(`/api${batchPath}`)).json();
  const table = page.getByTestId('batch-series');
  for (const series of batch.series) {
    const { run } = await (await page.request.get(`/api/runs/${series.runId}`)).json();
    expect(run.evaluation.champion.testMase).toBeUndefined();
    expect(series.nested).toBe(false);
    expect(series.mase).toBe(run.evaluation.champion.metrics.mase);
    const cell = table
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: series.name }) })
      .locator('td')
      .nth(2);
    await expect(cell).toContainText(series.mase.toFixed(3));
    await expect(cell.locator('sup')).toHaveText('†');
  }
  await expect(page.getByTestId('batch-backtest-note')).toContainText(
    '† On the whole backtest, where the champion was chosen: that run has no window it was not chosen on',
  );
  await takeScreenshot('batch-one-backtest-window');
});

test('a dataset schedule forecasts all its series as a batch; every sparkline shows history and forecast', async ({
  page,
  takeScreenshot,
}) => {
  // Three series trained one after another by the e2e server's one worker.
  test.setTimeout(8 * 60_000);
  await importFixture(page, 'e2e/fixtures/three-stores.csv');

  const panel = page.getByTestId('schedules-panel');
  const form = panel.getByTestId('schedule-form');
  // A selection must name at least one series; all of them is the default.
  await form.getByLabel('Choose series').check();
  await expect(form.getByTestId('schedule-series').getByRole('checkbox')).toHaveCount(3);
  await form.getByTestId('schedule-submit').click();
  await expect(form.getByRole('alert')).toHaveText('Choose at least one series.');
  await form.getByLabel('All 3 series').check();
  await form.getByLabel('Every', { exact: true }).fill('5');
  await form.getByLabel('Time unit').selectOption('m');
  await form.getByText('Training settings (optional)').click();
  await fillTraining(form, TINY_TRAINING);
  await form.getByTestId('schedule-submit').click();

  // An interval schedule fires at once: its batch appears under it.
  const item = panel.getByTestId('schedule-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('All series');
  const batchLink = item.getByTestId('schedule-batches').getByRole('link');
  await expect(batchLink).toHaveCount(1, { timeout: TRAINING_TIMEOUT });
  await takeScreenshot('dataset-schedule');
  await batchLink.click();
  await page.waitForURL(/\/batches\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Batch of 3 series', level: 1 })).toBeVisible();
  await expect(page.getByText('by a schedule of the dataset')).toBeVisible();
  await expect(page.getByTestId('batch-status')).toHaveText('Succeeded', { timeout: 5 * TRAINING_TIMEOUT });

  // The rows below the fold are drawn too, without scrolling to them.
  const table = page.getByTestId('batch-series');
  await expectSparklinesDrawn(table, 3);
  await takeScreenshot('scheduled-batch');
  await page.setViewportSize({ width: 390, height: 844 });
  await takeScreenshot('scheduled-batch-narrow');
  await page.emulateMedia({ colorScheme: 'dark' });
  await takeScreenshot('scheduled-batch-narrow-dark');
  await page.setViewportSize({ width: 1280, height: 800 });
  await takeScreenshot('scheduled-batch-dark');
  await page.goBack();
  await page.waitForURL(/\/datasets\/[^/]+$/);
  await takeScreenshot('dataset-schedule-dark');
  // Paused, so that it fires no more batches: the e2e server's one worker would train them while
  // later tests wait for their own runs behind them.
  await item.getByRole('button', { name: /^Pause schedule: / }).click();
  await expect(item).toContainText('Paused: no runs until resumed.');
});
