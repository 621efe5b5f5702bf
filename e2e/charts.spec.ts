// Charts at depth: zooming a long history reloads the zoomed range at full detail (series page
// and run page), the run chart marks every backtest window and the training split, draws the
// champion (or the model picked in the leaderboard or the picker) with the best LSTM and seasonal
// naive beside it, the per-step error chart follows the same pick, times of a series uploaded with
// a UTC offset are shown at that offset on the run page, and a comparison of runs of two series
// draws one panel per series. Data and runs are set up through the API; the charts are checked in the page.
import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page, Request } from '@playwright/test';
import {
  expect,
  expectChartDrawn,
  fillTraining,
  idFromUrl,
  test,
  TINY_TRAINING,
  TRAINING_TIMEOUT,
} from './support/test';

const HOUR = 3_600_000;

/** An hourly CSV of `points` rows: a daily cycle with a spike at a third of the way. */
function hourlyCsv(points: number): Buffer {
  const start = Date.UTC(2024, 0, 1);
  const rows = Array.from({ length: points }, (_, i) => {
    const value = i === Math.floor(points / 3) ? 500 : 100 + 20 * Math.sin((2 * Math.PI * i) / 24) + (i % 5);
    return `${new Date(start + i * HOUR).toISOString()},${value.toFixed(2)}`;
  });
  return Buffer.from(['time,load', ...rows].join('\n') + '\n');
}

async function upload(
  request: APIRequestContext,
  name: string,
  file: Buffer,
): Promise<{ id: string; series: { id: string; name: string }[] }> {
  const response = await request.post('/api/datasets', {
    multipart: { name, file: { name: `${name}.csv`, mimeType: 'text/csv', buffer: file } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).dataset;
}

/** What the run page names and draws for a run: its champion and the best LSTM beside it. */
interface TrainedRun {
  id: string;
  champion: { model: string; members: string[]; lstmFamily: { model: string } };
}

/** Starts a small run and waits until it has succeeded. */
async function trainedRun(request: APIRequestContext, seriesId: string): Promise<string> {
  const response = await request.post('/api/runs', {
    data: { seriesId, horizon: 7, lookback: 14, epochs: 2, units: 8, backtestWindows: 3, validationSplit: 0.2 },
  });
  expect(response.status(), await response.text()).toBe(202);
  const { run } = await response.json();
  await expect
    .poll(async () => (await (await request.get(`/api/runs/${run.id}`)).json()).run.status, {
      timeout: TRAINING_TIMEOUT,
      intervals: [1000],
    })
    .toBe('succeeded');
  return run.id;
}

async function runEvaluation(request: APIRequestContext, runId: string): Promise<TrainedRun> {
  const { run } = await (await request.get(`/api/runs/${runId}`)).json();
  return { id: run.id, champion: run.evaluation.champion };
}

/** Points requests the page makes from now on, with their query. */
function pointsRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (/\/api\/series\/[^/]+\/points$/.test(url.pathname)) seen.push(url);
  });
  return seen;
}

/** Drags the brush's right handle `fraction` of the chart's width to the left. */
async function dragBrushEnd(chart: ReturnType<Page['getByTestId']>, page: Page, fraction: number): Promise<void> {
  const handle = chart.locator('.recharts-brush-traveller').last();
  const box = await handle.boundingBox();
  const chartBox = await chart.boundingBox();
  if (!box || !chartBox) throw new Error('The brush is not on screen.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - chartBox.width * fraction, box.y + box.height / 2, { steps: 12 });
  await page.mouse.up();
}

test('zooming a long history reloads the zoomed range at full detail, and reset goes back', async ({
  page,
  takeScreenshot,
}) => {
  const dataset = await upload(page.request, 'long hourly load', hourlyCsv(6000));
  const requests = pointsRequests(page);
  await page.goto(`/series/${dataset.series[0].id}`);
  const chart = page.getByTestId('history-chart');
  await expectChartDrawn(chart);
  const zoomBar = page.getByTestId('zoom-bar');
  const drawnCount = async () =>
    Number((/([\d,]+) of 6,000 points drawn/.exec(await zoomBar.innerText()) ?? ['', 'NaN'])[1].replace(/,/g, ''));
  // Downsampled to the chart's 1500 points at most, the spike and both ends kept (a few fewer when they were not LTTB's pick).
  expect(await drawnCount()).toBeLessThanOrEqual(1500);
  expect(await drawnCount()).toBeGreaterThan(1400);
  await expect(page.getByTestId('reset-zoom')).toHaveCount(0);
  await takeScreenshot('series-history');

  await dragBrushEnd(chart, page, 0.8);
  // One request for the settled range, with both ends, not one per drag step.
  await expect.poll(() => requests.filter((url) => url.searchParams.has('from')).length).toBe(1);
  const zoomed = requests.find((url) => url.searchParams.has('from'))!;
  const from = Date.parse(zoomed.searchParams.get('from')!);
  const to = Date.parse(zoomed.searchParams.get('to')!);
  expect(to - from).toBeLessThan(0.4 * 6000 * HOUR);
  const inRange = Math.round((to - from) / HOUR) + 1;
  await expect(page.getByTestId('reset-zoom')).toBeVisible();
  // Every point of the range is drawn now when it fits in the chart's 1500.
  if (inRange <= 1500) await expect(zoomBar).toContainText(`${inRange.toLocaleString('en-US')} of 6,000 points drawn`);
  else await expect.poll(drawnCount).toBeLessThanOrEqual(1500);
  await expectChartDrawn(chart);
  await takeScreenshot('series-history-zoomed');

  await page.getByTestId('reset-zoom').click();
  await expect(page.getByTestId('reset-zoom')).toHaveCount(0);
  await expect(zoomBar).toContainText('1 Jan 2024, 00:00 UTC – 6 Sep 2024, 23:00 UTC');
});

test('the run chart marks every backtest window and the split and draws the champion, or the model picked; the per-step chart follows', async ({
  page,
  takeScreenshot,
}) => {
  test.setTimeout(TRAINING_TIMEOUT + 120_000);
  const dataset = await upload(page.request, 'small sales', readFileSync('e2e/fixtures/small-sales.csv'));
  const runId = await trainedRun(page.request, dataset.series[0].id);
  const requests = pointsRequests(page);
  const { champion } = await runEvaluation(page.request, runId);
  await page.goto(`/runs/${runId}`);

  const chart = page.getByTestId('forecast-chart');
  await expectChartDrawn(chart, 4);
  // The champion is drawn by default, named as such, with the best LSTM beside it unless it is one,
  // and seasonal naive unless it is the champion.
  const championLabel = /^Champion: (.+?)\./.exec(await page.getByTestId('champion-reason').innerText())![1];
  const legend = chart.locator('.chart-legend');
  await expect(legend).toContainText(`${championLabel} (champion)`);
  await expect(chart.locator('figcaption')).toContainText(`forecasts of ${championLabel} (the champion)`);
  const lstmBeside = !['lstm', 'lstmHybrid'].includes(champion.model);
  const naiveBeside = champion.model !== 'seasonalNaive';
  if (lstmBeside) await expect(legend).toContainText('(best LSTM), skill');
  else await expect(legend).not.toContainText('best LSTM');
  await expect(page.getByTestId(`leaderboard-${champion.model}`)).toHaveClass(/is-selected/);
  await expect(page.getByTestId(`show-${champion.model}`)).toBeChecked();
  // Windows 1 and 2 shaded and labelled, the last one is the test window; validation marked.
  for (const label of ['B1', 'B2', 'Last', 'Validation →']) {
    await expect(chart.locator('svg text').getByText(label, { exact: true })).toHaveCount(1);
  }
  await expect(chart.locator('.recharts-reference-area')).toHaveCount(3);
  await expect(chart.locator('figcaption')).toContainText('2 earlier backtest windows shaded with their forecasts');
  // Each earlier window's forecasts by the drawn models, beside the test window's and the future's.
  const drawnModels = 1 + Number(lstmBeside) + Number(naiveBeside);
  await expect(chart.locator('path.recharts-line-curve[d*="L"]')).toHaveCount(
    1 + 2 * drawnModels + drawnModels + drawnModels,
  );

  const steps = page.getByTestId('step-error-chart');
  // The champion, the best LSTM and seasonal naive by default; other models are a tick away.
  await expectChartDrawn(steps, 2);
  await expect(steps.locator('.chart-legend')).toContainText('LSTM');
  await expect(steps.locator('.chart-legend')).toContainText('Seasonal naive');
  if (champion.model !== 'drift') {
    await expect(steps.locator('.chart-legend')).not.toContainText('Drift');
    await steps.getByRole('checkbox', { name: 'Drift' }).check();
    await expect(steps.locator('.chart-legend')).toContainText('Drift');
  }
  await expect(steps.locator('figcaption')).toContainText('per forecast step, 1 to 7 steps ahead');
  await takeScreenshot('run-chart');

  // Picking another model in the leaderboard redraws both charts with it and sets the downloads.
  const other = champion.model === 'drift' ? 'mstl' : 'drift';
  await page.getByTestId(`show-${other}`).check();
  await expect(page.getByTestId(`show-${champion.model}`)).not.toBeChecked();
  await expect(page.getByTestId(`leaderboard-${other}`)).toHaveClass(/is-selected/);
  const otherLabel = other === 'drift' ? 'Drift' : 'MSTL';
  await expect(legend.locator('li').nth(1)).toHaveText(otherLabel);
  await expect(legend).not.toContainText('(champion)');
  await expect(legend).toContainText('(best LSTM), skill');
  await expect(chart.locator('figcaption')).toContainText(`forecasts of ${otherLabel}, `);
  await expect(page.getByTestId('download-model')).toHaveValue(other);
  await expect(page.getByTestId('download-csv')).toHaveAttribute('href', new RegExp(`model=${other}`));
  await expect(steps.locator('.chart-legend li').first()).toHaveText(otherLabel);
  await expect(chart.locator('path.recharts-line-curve[d*="L"]')).toHaveCount(1 + 4 * 3);
  await takeScreenshot('run-chart-picked');

  // The picker does the same; its first option goes back to the champion.
  await page.getByTestId('download-model').selectOption('lstm');
  await expect(legend.locator('li').nth(1)).toHaveText('LSTM');
  await expect(legend).not.toContainText('best LSTM');
  await expect(page.getByTestId('show-lstm')).toBeChecked();
  await page.getByTestId('download-model').selectOption('');
  await expect(legend).toContainText(`${championLabel} (champion)`);
  await expect(page.getByTestId('download-csv')).not.toHaveAttribute('href', /model=/);

  // The whole series, then back to the evaluation.
  await page.getByTestId('whole-series').click();
  await expect
    .poll(() => requests.some((url) => url.searchParams.get('from') === '2026-07-04T00:00:00.000Z'))
    .toBe(true);
  await expect(page.getByTestId('reset-zoom')).toBeVisible();
  await expect(page.getByTestId('zoom-bar')).toContainText('120 actual points drawn');
  await takeScreenshot('run-chart-whole-series');
  await page.getByTestId('reset-zoom').click();
  await expect(page.getByTestId('reset-zoom')).toHaveCount(0);
});

test('a run of a series uploaded at +02:00 shows its times at that offset', async ({ page, takeScreenshot }) => {
  test.setTimeout(TRAINING_TIMEOUT + 120_000);
  // Ten days of hourly load from a logger in Berlin's summer time; the last reading is 23:00 local, 21:00 UTC.
  const rows = Array.from({ length: 240 }, (_, h) => {
    const day = String(1 + Math.floor(h / 24)).padStart(2, '0');
    return `2024-03-${day}T${String(h % 24).padStart(2, '0')}:00:00+02:00,${(100 + 20 * Math.sin((2 * Math.PI * h) / 24) + (h % 5)).toFixed(2)}`;
  });
  const dataset = await upload(page.request, 'berlin hourly', Buffer.from(`time,load\n${rows.join('\n')}\n`));
  const runId = await trainedRun(page.request, dataset.series[0].id);
  await page.goto(`/runs/${runId}`);

  const chart = page.getByTestId('forecast-chart');
  await expectChartDrawn(chart, 4);
  // The zone is said once beside the chart, and every time on the page is local.
  const zoomBar = page.getByTestId('zoom-bar');
  await expect(zoomBar.locator('span.muted')).toHaveText(
    /^[^+]+ – 11 Mar 2024, 06:00 · [\d,]+ actual points drawn · times in UTC\+02:00$/,
  );
  const facts = page.getByRole('definition');
  await expect(facts.filter({ hasText: '10 Mar 2024, 17:00 +02:00 – 10 Mar 2024, 23:00 +02:00' })).toHaveCount(1);
  await expect(chart.locator('figcaption')).toContainText('Times in UTC+02:00');
  await expect(page.locator('main')).not.toContainText('UTC –');
  await expect(page.locator('main')).not.toContainText('21:00 UTC');
  // The tooltip and the axis too: the axis ends on the last future step, 06:00 local (04:00 UTC).
  // In view first: the verdict above the chart is two or three lines long.
  await chart.locator('svg.recharts-surface').first().scrollIntoViewIfNeeded();
  const box = (await chart.locator('svg.recharts-surface').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(page.locator('.chart-tooltip-title')).toContainText('+02:00');
  await page.mouse.move(0, 0);
  await takeScreenshot('run-at-its-offset');
  await page.emulateMedia({ colorScheme: 'dark' });
  await takeScreenshot('run-at-its-offset-dark');
});

test('comparing runs of two series draws one panel per series, with the metrics and settings', async ({
  page,
  takeScreenshot,
}) => {
  test.setTimeout(2 * TRAINING_TIMEOUT + 60_000);
  const dataset = await upload(page.request, 'two stores', readFileSync('e2e/fixtures/small-sales.csv'));
  const [north, south] = dataset.series;
  const runs = [await trainedRun(page.request, north.id), await trainedRun(page.request, south.id)];
  await page.goto(`/compare?runs=${runs.join(',')}`);

  const panels = page.getByTestId('compare-panel');
  await expect(panels).toHaveCount(2);
  await expect(panels.nth(0).getByRole('heading', { name: north.name })).toBeVisible();
  await expect(panels.nth(1).getByRole('heading', { name: south.name })).toBeVisible();
  // Each panel says once which zone its times are in (this file's dates carry no offset).
  await expect(panels.nth(0).getByTestId('compare-time-zone')).toHaveText('Times in UTC');
  for (const index of [0, 1]) await expectChartDrawn(panels.nth(index).getByTestId('compare-chart'), 3);
  // The old "only the first series is drawn" note is gone.
  await expect(page.getByText('forecast a different series')).toHaveCount(0);
  await expect(page.getByRole('table').first().getByRole('row')).toHaveCount(3);
  await takeScreenshot('compare-two-series');
});

test('a run named and with models picked in the train form; renamed, exported as SVG and PNG by keyboard, and listed on its dataset page', async ({
  page,
  takeScreenshot,
}) => {
  test.setTimeout(TRAINING_TIMEOUT + 90_000);
  const dataset = await upload(page.request, 'named run', readFileSync('e2e/fixtures/small-sales.csv'));
  const [north] = dataset.series;

  // Empty before any run.
  await page.goto(`/datasets/${dataset.id}`);
  await expect(page.getByTestId('dataset-runs')).toContainText('No runs yet');

  await page.goto(`/series/${north.id}`);
  const form = page.getByTestId('train-form');
  await form.getByLabel('Run name (optional)').fill('before the price change');
  await fillTraining(form, TINY_TRAINING);
  // Seasonal naive cannot be left out (MASE and skill are measured against it); the others can.
  await expect(form.getByTestId('model-option-seasonalNaive')).toBeChecked();
  await expect(form.getByTestId('model-option-seasonalNaive')).toBeDisabled();
  await expect(form.getByTestId('model-choice')).toContainText('Seasonal naive is always compared');
  await form.getByTestId('model-option-drift').uncheck();
  await form.getByTestId('model-option-theta').uncheck();
  await takeScreenshot('train-form-named-models');
  await form.getByTestId('train-submit').click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  const runId = idFromUrl(page, /^\/runs\/([^/]+)$/);
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });

  // The name is the title; the config says which models were compared; the left-out ones are absent.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('before the price change');
  await expect(page.getByTestId('run-config')).toContainText('all but Theta, Drift');
  const { run } = await (await page.request.get(`/api/runs/${runId}`)).json();
  expect(Object.keys(run.metrics).sort()).toEqual(
    ['autoArima', 'ets', 'lstm', 'lstmHybrid', 'mstl', 'naive', 'seasonalNaive'].sort(),
  );
  // Coverage figures say what their points are.
  await expect(page.getByTestId('coverage-note')).toContainText('backtest points');

  await page.getByTestId('rename-run').click();
  await page.getByTestId('rename-input').fill('after the price change');
  await page.getByTestId('rename-input').press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('after the price change');

  // The forecast chart's downloads, by keyboard: an SVG document and a PNG, named after series and run.
  const chart = page.getByTestId('forecast-chart');
  await expectChartDrawn(chart, 3);
  const svgDownload = page.waitForEvent('download');
  await chart.getByTestId('chart-export-svg').focus();
  await page.keyboard.press('Enter');
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toBe(`${north.name}-run-${runId}-forecast.svg`);
  const svg = readFileSync(await svgFile.path(), 'utf8');
  expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('Actual');
  // Colours resolved: no CSS variable a standalone file could not read.
  expect(svg).not.toContain('var(--');
  // The zoom brush is a control, not part of the picture.
  expect(svg).not.toContain('role="slider"');
  expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(3);

  const pngDownload = page.waitForEvent('download');
  await page.keyboard.press('Tab');
  await expect(chart.getByTestId('chart-export-png')).toBeFocused();
  await page.keyboard.press('Enter');
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toBe(`${north.name}-run-${runId}-forecast.png`);
  const png = readFileSync(await pngFile.path());
  await pngFile.saveAs(test.info().outputPath('exported-forecast.png'));
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Twice the chart's size (sharp on high-density screens): width is bytes 16..19 of the IHDR chunk.
  const box = await chart.locator('svg.recharts-surface').first().boundingBox();
  expect(png.readUInt32BE(16)).toBe(2 * Math.round(box!.width));
  await takeScreenshot('run-named-exported');

  // The dataset page lists the run with its name, series, status and champion.
  await page.goto(`/datasets/${dataset.id}`);
  const row = page.getByTestId('dataset-runs').locator(`tr[data-run-id="${runId}"]`);
  await expect(row).toContainText('after the price change');
  await expect(row).toContainText('Succeeded');
  await row.getByRole('link', { name: 'after the price change' }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));

  expect((await page.request.delete(`/api/datasets/${dataset.id}`)).status()).toBe(204);
});
