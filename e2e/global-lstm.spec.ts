// The global LSTM from the train form: on a dataset of two series the option trains one LSTM
// across both, and the run page ranks it in the leaderboard and says what it was trained across;
// on a dataset of one series the option is disabled and says why.
import type { Page } from '@playwright/test';
import { expect, fillTraining, test, TINY_TRAINING, TRAINING_TIMEOUT } from './support/test';

test.describe.configure({ mode: 'serial' });

/** Uploads a CSV and opens the page of its series `name`. */
async function openSeries(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, name: string) {
  await page.goto('/');
  await page.getByTestId('upload-input').setInputFiles(file);
  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);
  await page.getByTestId('series-table').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('a run with the global LSTM ranks it beside the per-series LSTM and says it was trained across 2 series', async ({
  page,
  takeScreenshot,
}) => {
  await openSeries(page, 'e2e/fixtures/small-sales.csv', 'store_north');
  const form = page.getByRole('form', { name: 'Train forecast' });
  const option = form.getByRole('checkbox', { name: /global LSTM across this dataset/ });
  await expect(option).toBeEnabled();
  await expect(option).not.toBeChecked();
  await expect(form.getByText(/this series and 1 other of the dataset/)).toBeVisible();
  await option.check();
  await fillTraining(form, TINY_TRAINING);
  await form.getByTestId('train-submit').click();
  await page.waitForURL(/\/runs\/[^/]+$/);

  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });
  const leaderboard = page.getByTestId('leaderboard');
  await expect(leaderboard.getByTestId('leaderboard-lstmGlobal')).toContainText(/Global LSTM/);
  await expect(leaderboard.getByTestId('leaderboard-lstm')).toBeVisible();
  await expect(page.getByTestId('global-lstm')).toHaveText(
    'Trained across 2 series: this one and 1 other series of its dataset (store_south).',
  );
  await takeScreenshot('run-with-global-lstm');
});

test('on a dataset of one series the option is disabled, and the form says why', async ({ page }) => {
  const rows = Array.from(
    { length: 60 },
    (_, i) => `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},${100 + (i % 7)}`,
  );
  const csv = ['date,kiosk', ...rows].join('\n');
  await openSeries(page, { name: 'kiosk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, 'kiosk');
  const form = page.getByRole('form', { name: 'Train forecast' });
  await expect(form.getByRole('checkbox', { name: /global LSTM across this dataset/ })).toBeDisabled();
  await expect(
    form.getByText('Not available: the dataset has no other series of this frequency to learn from.'),
  ).toBeVisible();
});

test('a schedule can retrain with the global LSTM, and its settings say so', async ({ page }) => {
  await openSeries(page, 'e2e/fixtures/small-sales.csv', 'store_north');
  const form = page.getByRole('form', { name: 'New schedule' });
  // A daily cron schedule: it does not fire during the test.
  await form.getByRole('radio', { name: /cron/i }).check();
  await form.getByText('Training settings (optional)').click();
  const option = form.getByRole('checkbox', { name: /global LSTM across this dataset/ });
  await expect(option).toBeEnabled();
  await option.check();
  await form.getByTestId('schedule-submit').click();

  const item = page.getByTestId('schedule-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Global LSTM across the dataset on');
});
