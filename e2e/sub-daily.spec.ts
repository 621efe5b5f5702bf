// A 15-minute sensor file through the whole app: the preview and the series page say "every 15
// minutes" (not irregular), and a run trained from the series page draws its chart and stores its
// predictions on the 15-minute grid, into the future too.
import { expect, expectChartDrawn, fillTraining, test, TINY_TRAINING, TRAINING_TIMEOUT } from './support/test';

const QUARTER_HOUR = 15 * 60_000;

/** Three days of readings every 15 minutes with a daily cycle. */
function fifteenMinuteCsv(): Buffer {
  const start = Date.UTC(2024, 4, 6);
  const rows = Array.from({ length: 3 * 96 }, (_, i) => {
    const value = 20 + 5 * Math.sin((2 * Math.PI * i) / 96) + (i % 7) * 0.1;
    return `${new Date(start + i * QUARTER_HOUR).toISOString().slice(0, 16).replace('T', ' ')},${value.toFixed(2)}`;
  });
  return Buffer.from(['time,temperature', ...rows].join('\n') + '\n');
}

/** The steps between consecutive ISO timestamps, in ms. */
function steps(times: readonly string[]): number[] {
  const t = times.map((time) => Date.parse(time));
  return t.slice(1).map((value, i) => value - t[i]);
}

test('a 15-minute file imports as every 15 minutes and its run forecasts on the 15-minute grid', async ({
  page,
  takeScreenshot,
}) => {
  await page.goto('/');
  await page
    .getByTestId('upload-input')
    .setInputFiles({ name: 'sensor.csv', mimeType: 'text/csv', buffer: fifteenMinuteCsv() });
  const detected = page.getByTestId('detected-series');
  await expect(detected).toContainText('Every 15 minutes');
  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);
  await expect(page.getByTestId('series-table')).toContainText('Every 15 minutes');
  await page.getByTestId('series-table').getByRole('link', { name: 'temperature', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'temperature', level: 1 })).toBeVisible();
  await expect(page.getByText('Every 15 minutes')).toBeVisible();

  const form = page.getByRole('form', { name: 'Train forecast' });
  await fillTraining(form, TINY_TRAINING);
  await form.getByTestId('train-submit').click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });
  await expectChartDrawn(page.getByTestId('forecast-chart'));
  // A day is 96 steps: longer than the seasons ETS fits, which the leaderboard says under its table.
  await expect(page.getByTestId('model-notes')).toContainText(
    "ETS ignores seasons longer than 24 steps, as R's ets does, so it forecast this series' 96-step season without one",
  );
  await takeScreenshot('run-of-15-minute-series');

  const runId = new URL(page.url()).pathname.split('/').pop();
  // What the chart draws: the held-out test and the future, every point 15 minutes after the last.
  const { forecast } = await (await page.request.get(`/api/runs/${runId}/forecast`)).json();
  const chartTimes: string[] = [...forecast.test, ...forecast.future].map((row: { t: string }) => row.t);
  expect(forecast.future).toHaveLength(7);
  expect(new Set(steps(chartTimes))).toEqual(new Set([QUARTER_HOUR]));
  expect(chartTimes.at(-1)).toBe('2024-05-09T01:30:00.000Z');

  const { predictions } = await (await page.request.get(`/api/runs/${runId}/predictions`)).json();
  const predicted: string[] = predictions.map((row: { timestamp: string }) => row.timestamp);
  expect(predicted).toHaveLength(14);
  expect(new Set(steps(predicted))).toEqual(new Set([QUARTER_HOUR]));
});
