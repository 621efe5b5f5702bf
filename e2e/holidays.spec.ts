// A run with a holiday calendar: the run page says what the calendar did to the best LSTM (scored
// with and without it on the same windows) and marks the holidays on the forecast chart, with the
// holiday's name on hover; the marks stay readable in dark mode and on a 390 px phone. Its
// leaderboard gives the champion's honest score as the API has it.
import { readFile } from 'node:fs/promises';
import { expect, test, TRAINING_TIMEOUT } from './support/test';

test.describe.configure({ mode: 'serial' });

test('a run with US holidays shows their effect and marks them on the forecast chart', async ({
  page,
  takeScreenshot,
}) => {
  const request = page.request;
  const upload = await request.post('/api/datasets', {
    multipart: {
      name: 'holiday-sales',
      file: { name: 'small-sales.csv', mimeType: 'text/csv', buffer: await readFile('e2e/fixtures/small-sales.csv') },
    },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { dataset } = await upload.json();
  const seriesId = dataset.series.find((s: { name: string }) => s.name === 'store_north').id;
  const created = await request.post('/api/runs', {
    data: { seriesId, horizon: 7, lookback: 14, epochs: 2, units: 8, backtestWindows: 3, holidays: 'US' },
  });
  expect(created.status(), await created.text()).toBe(202);
  const { run } = await created.json();

  await page.goto(`/runs/${run.id}`);
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });
  const effect = page.getByTestId('covariate-effect');
  await expect(effect).toContainText(/The US holiday calendar (cut|made)/);
  await expect(effect).toContainText(/Backtest MASE of the (LSTM|Hybrid LSTM): .* with, .* without \(same windows\)/);

  // The champion's honest score, and beside it one model picked the same way where a pick averaged.
  const { run: done } = await (await request.get(`/api/runs/${run.id}`)).json();
  const { testMase, nested } = done.evaluation.champion;
  const testLine = page.getByTestId('champion-test-mase');
  await expect(testLine).toContainText(`MASE ${testMase.toFixed(3)}: champion, scored on windows it was not chosen on`);
  if (nested.windows.some((w: { model: string }) => w.model === 'ensemble')) {
    await expect(testLine).toContainText(
      `One model picked the same way, without averaging, scores ${nested.singlePick.mase.toFixed(3)} there`,
    );
  } else {
    await expect(testLine).not.toContainText('picked the same way');
  }
  // The headline's gain over seasonal naive is that honest score's, on the same windows.
  const headline = page.getByTestId('verdict-headline');
  if (!/no model beats seasonal naive/.test((await headline.textContent())!)) {
    const relation =
      testMase < nested.reference.mase ? 'better than' : testMase > nested.reference.mase ? 'worse than' : 'level with';
    await expect(headline).toContainText(
      new RegExp(`hosen the same way from earlier windows only, the champion was .*${relation} seasonal naive`),
    );
    await expect(headline).toContainText(
      `on ${nested.windows.length} backtest window${nested.windows.length === 1 ? '' : 's'} ` +
        `(MASE ${testMase.toFixed(2)} vs ${nested.reference.mase.toFixed(2)}).`,
    );
  }

  // The data runs from 4 July to 31 October 2026: Labor Day (7 September) and Columbus Day
  // (12 October) fall in the backtest part the chart opens on.
  const chart = page.getByTestId('forecast-chart');
  const markers = chart.getByTestId('holiday-marker');
  await expect(markers.first()).toBeAttached();
  await expect(chart.locator('[data-testid="holiday-marker"] title', { hasText: 'Columbus Day' })).toHaveCount(1);
  await expect(chart.getByText('Public holiday', { exact: true })).toBeVisible();
  await takeScreenshot('run-with-holidays');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(effect).toBeVisible();
  await expect(markers.first()).toBeAttached();
  const box = await effect.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await takeScreenshot('run-with-holidays-dark-390');
});
