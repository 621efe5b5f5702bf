// The first vertical slice as one user walks it, in order, on one uploaded file: upload a CSV →
// train an LSTM and watch it learn → download its predictions → compare two runs → schedule
// retraining → cancel a long run → see all runs, then delete the dataset. Each step starts where
// the user would (a page of the app) and reaches the next through the UI; later steps build on
// what earlier ones created, so the steps run in order and stop at the first failure.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import {
  expect,
  expectChartDrawn,
  fillTraining,
  idFromUrl,
  test,
  TINY_TRAINING,
  TRAINING_TIMEOUT,
} from './support/test';

const SMALL_SALES = 'e2e/fixtures/small-sales.csv';
const HORIZON = Number(TINY_TRAINING.Horizon);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const DAY_MS = 86_400_000;

test.describe.configure({ mode: 'serial' });

// What the earlier steps created, for the later ones.
let datasetUrl = '';
const seriesUrl = { north: '', south: '' };
let firstRunId = '';

/** `Run abc123`: how runs are named in lists, legends and checkbox labels. */
const runLabel = (id: string) => `Run ${id.slice(-6)}`;

/** Submits the Train forecast form and returns the id of the run page it opens. */
async function train(page: Page, settings: Parameters<typeof fillTraining>[1]): Promise<string> {
  const form = page.getByRole('form', { name: 'Train forecast' });
  await fillTraining(form, settings);
  await form.getByTestId('train-submit').click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  return idFromUrl(page, /^\/runs\/([^/]+)$/);
}

async function downloadedText(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

test('upload: a CSV is previewed, then imported as a dataset with its series', async ({ page, takeScreenshot }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
  await takeScreenshot('home');

  await page.getByTestId('upload-input').setInputFiles(SMALL_SALES);
  const detected = page.getByTestId('detected-series');
  await expect(page.getByRole('heading', { name: '2 series detected' })).toBeVisible();
  await expect(detected.locator('tbody tr')).toHaveCount(2);
  for (const name of ['store_north', 'store_south']) {
    const row = detected.locator('tbody tr').filter({ hasText: name });
    await expect(row).toContainText('Daily');
    await expect(row).toContainText('120');
  }
  await expect(page.getByTestId('file-errors')).toHaveCount(0);
  await takeScreenshot('upload-preview');

  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);
  datasetUrl = new URL(page.url()).pathname;

  await expect(page.getByRole('heading', { name: 'small-sales', level: 1 })).toBeVisible();
  await expect(page.getByText('2 series · 240 points')).toBeVisible();
  const seriesTable = page.getByTestId('series-table');
  for (const name of ['store_north', 'store_south']) {
    await expect(seriesTable.getByRole('link', { name, exact: true })).toBeVisible();
  }
  seriesUrl.north = (await seriesTable.getByRole('link', { name: 'store_north' }).getAttribute('href')) ?? '';
  seriesUrl.south = (await seriesTable.getByRole('link', { name: 'store_south' }).getAttribute('href')) ?? '';
  expect(seriesUrl.north).toMatch(/^\/series\/.+/);
  expect(seriesUrl.south).toMatch(/^\/series\/.+/);
  await takeScreenshot('dataset');
});

test('train and watch: a run shows its progress live, then its forecast, loss and verdict', async ({
  page,
  takeScreenshot,
}) => {
  await page.goto(datasetUrl);
  await page.getByTestId('series-table').getByRole('link', { name: 'store_north' }).click();
  await page.waitForURL(seriesUrl.north);
  await expect(page.getByRole('heading', { name: 'store_north', level: 1 })).toBeVisible();
  await expectChartDrawn(page.getByTestId('history-chart'));
  await expect(page.getByText('No runs yet')).toBeVisible();
  await takeScreenshot('series-before-training');

  firstRunId = await train(page, TINY_TRAINING);

  // Live: the status moves through queued/running with a progress bar, then succeeds.
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText(/Queued|Running/);
  await expect(page.getByTestId('run-progress')).toBeVisible();
  await takeScreenshot('run-training');
  await expect(status).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });
  await expect(page.getByTestId('run-progress')).toHaveCount(0);
  await expect(page.getByTestId('cancel-run')).toHaveCount(0);

  // The headline names the champion (the leaderboard's badge row) and its skill against seasonal
  // naive; it is green only when an LSTM is that champion.
  const verdict = page.getByTestId('verdict');
  await expect(page.getByTestId('verdict-headline')).toContainText(/is the champion.*MASE/);
  const championName = (await page
    .getByTestId('leaderboard')
    .getByRole('row')
    .filter({ has: page.getByTestId('champion-badge') })
    .getByRole('rowheader')
    .textContent())!
    .replace(/\s*Champion.*$/s, '')
    .trim();
  const headlineText = (await page.getByTestId('verdict-headline').textContent())!.toLowerCase();
  expect(headlineText).toContain(championName.toLowerCase());
  const lstmChampion = /^(LSTM|Hybrid LSTM|Global LSTM)$/.test(championName);
  // Good news only when an LSTM won and, chosen on earlier windows only, beat seasonal naive.
  const { champion: stored } = (await (await page.request.get(`/api/runs/${firstRunId}`)).json()).run.evaluation;
  const keptItsGain = stored.testMase < stored.nested.reference.mase;
  await expect(verdict).toHaveAttribute(
    'data-tone',
    lstmChampion && keptItsGain
      ? 'good'
      : /^seasonal naive$/i.test(championName) || !keptItsGain
        ? 'bad'
        : /neutral|bad/,
  );
  if (!lstmChampion) await expect(page.getByTestId('verdict-lstm')).toContainText(/LSTM is \d+(st|nd|rd|th) of \d+/);
  // Actuals, both models over the test window and both into the future.
  await expectChartDrawn(page.getByTestId('forecast-chart'), 5);
  await expectChartDrawn(page.getByTestId('loss-chart'));

  const metrics = page.getByTestId('metrics-table');
  for (const model of ['LSTM', 'Seasonal naive']) {
    const row = metrics.getByRole('row').filter({ has: page.getByRole('rowheader', { name: model, exact: true }) });
    // MAE, RMSE, MAPE, sMAPE, MASE, WAPE (MAPE may be — only when every actual is 0).
    await expect(row.getByRole('cell')).toHaveCount(6);
    for (const cell of await row.getByRole('cell').all()) await expect(cell).toHaveText(/^-?\d+(\.\d+)?/);
  }
  // The leaderboard ranks every model, marks one champion and says why, with the best LSTM beside it.
  const leaderboard = page.getByTestId('leaderboard');
  for (const model of ['LSTM', 'Hybrid LSTM', 'MSTL', 'ETS', 'AutoARIMA', 'Theta', 'Seasonal naive']) {
    await expect(leaderboard.getByRole('rowheader', { name: new RegExp(`^${model}\\b`) }).first()).toBeVisible();
  }
  await expect(leaderboard.getByTestId('champion-badge')).toHaveCount(1);
  await expect(page.getByTestId('champion-reason')).toContainText(/lowest MASE/);
  await expect(page.getByTestId('lstm-family')).toContainText(/Best LSTM: (LSTM|Hybrid LSTM), MASE \d/);
  // Its honest score (nested selection) and its interval coverage per horizon step.
  await expect(page.getByTestId('champion-test-mase')).toContainText(
    /^MASE \d.*champion, scored on windows it was not chosen on/,
  );
  const stepCoverage = page.getByTestId('step-coverage');
  await stepCoverage.locator('summary').click();
  await expect(stepCoverage.getByRole('rowheader', { name: '1', exact: true })).toBeVisible();
  await expect(stepCoverage).toContainText(/MSIS \(95% interval\) [\d—]/);
  const backend = page.locator('xpath=//dt[normalize-space()="Backend"]/following-sibling::dd[1]');
  await expect(backend).toHaveText(/^(WebAssembly|JavaScript|TensorFlow native|WebGL) \((CPU|GPU)\)$/);
  // The LSTM's inputs: the transform chosen on validation (the reason in its tooltip) and daily calendar features.
  await expect(page.getByTestId('lstm-transform')).toHaveAttribute(
    'data-transform',
    /^(none|log|difference|seasonalDifference)$/,
  );
  await expect(page.getByTestId('lstm-transform')).toHaveText(/^(None|Logarithm|Differences|Seasonal differences) ?/);
  await expect(page.getByTestId('lstm-transform')).toHaveAttribute(
    'title',
    /validation MAE|only transform|no validation split/,
  );
  const calendar = page.locator('xpath=//dt[normalize-space()="LSTM calendar features"]/following-sibling::dd[1]');
  await expect(calendar).toHaveText('day of week, month of year');
  await takeScreenshot('run-succeeded');
});

test('download: the predictions come as CSV and JSON with test actuals and future rows', async ({
  page,
  takeScreenshot,
}) => {
  await page.goto(`/runs/${firstRunId}`);
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded');
  await takeScreenshot('run-downloads');

  // The champion's CSV by default; the picker chooses any model (the LSTM's rows are checked below).
  const championDownload = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const championLine = (await downloadedText(await championDownload)).split('\n')[1];
  expect(championLine).toMatch(
    /,(lstm|lstmHybrid|mstl|ets|autoArima|theta|naive|seasonalNaive|drift|ensemble),[A-Z][^,]*,store_north(,[^,]*){3}$/,
  );
  await page.getByTestId('download-model').selectOption('lstm');

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe(`store_north-lstm-run-${firstRunId}-predictions.csv`);
  const [header, ...lines] = (await downloadedText(csvFile)).trimEnd().split('\n');
  expect(header).toBe('timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,modelName,series,p10,p50,p90');
  const rows = lines.map((line) => {
    const [timestamp, forecast, actual, , , , , segment, model, modelName, series, ...quantiles] = line.split(',');
    expect([model, modelName, series], `a row names model and series: ${line}`).toEqual([
      'lstm',
      'LSTM',
      'store_north',
    ]);
    expect(segment).toBe(actual === '' ? 'future' : 'test');
    // P10/P50/P90 last: empty on the test window, numbers or empty (too few errors) in the future.
    expect(quantiles).toHaveLength(3);
    for (const cell of quantiles)
      expect(segment === 'test' ? cell === '' : cell === '' || Number.isFinite(Number(cell))).toBe(true);
    expect(timestamp).toMatch(ISO_UTC);
    expect(Number.isFinite(Number(forecast)) && forecast !== '').toBe(true);
    return { t: Date.parse(timestamp), actual };
  });
  const held = rows.filter((row) => row.actual !== '');
  const future = rows.filter((row) => row.actual === '');
  expect(held).toHaveLength(HORIZON);
  expect(future).toHaveLength(HORIZON);
  for (const row of held) expect(Number.isFinite(Number(row.actual))).toBe(true);
  // Daily steps, the held-out window first, the future right after it.
  expect(rows.slice(0, HORIZON).every((row) => row.actual !== '')).toBe(true);
  rows.slice(1).forEach((row, index) => expect(row.t - rows[index].t).toBe(DAY_MS));

  const jsonDownload = page.waitForEvent('download');
  await page.getByTestId('download-json').click();
  const jsonFile = await jsonDownload;
  expect(jsonFile.suggestedFilename()).toBe(`store_north-lstm-run-${firstRunId}-predictions.json`);
  const body = JSON.parse(await downloadedText(jsonFile)) as {
    runId: string;
    predictions: { timestamp: string; forecast: number; actual: number | null; segment: 'test' | 'future' }[];
  };
  expect(body.runId).toBe(firstRunId);
  expect(body.predictions).toHaveLength(rows.length);
  expect(body.predictions.filter((p) => p.segment === 'test')).toHaveLength(HORIZON);
  expect(body.predictions.filter((p) => p.segment === 'future' && p.actual === null)).toHaveLength(HORIZON);
  expect(body.predictions.map((p) => Date.parse(p.timestamp))).toEqual(rows.map((row) => row.t));
});

test('compare: two runs that differ in one setting, side by side', async ({ page, takeScreenshot }) => {
  await page.goto(seriesUrl.north);
  const secondRunId = await train(page, { ...TINY_TRAINING, 'LSTM units': '4' });
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });

  await page.getByRole('link', { name: 'store_north', exact: true }).click();
  await page.waitForURL(seriesUrl.north);
  const runList = page.getByTestId('run-list');
  await expect(runList.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('checkbox', { name: `Select ${runLabel(firstRunId)} for comparison` }).check();
  await page.getByRole('checkbox', { name: `Select ${runLabel(secondRunId)} for comparison` }).check();
  await takeScreenshot('series-two-runs-selected');
  await page.getByTestId('compare-button').click();
  await page.waitForURL(/\/compare\?runs=/);

  const metrics = page.getByTestId('compare-metrics');
  await expect(metrics.locator('tbody tr')).toHaveCount(2);
  for (const id of [firstRunId, secondRunId]) {
    await expect(metrics.getByRole('link', { name: runLabel(id) })).toBeVisible();
    // Each champion's score on the windows it was not chosen on, as the run's API has it.
    const { run } = await (await page.request.get(`/api/runs/${id}`)).json();
    const row = metrics.locator('tbody tr').filter({ has: page.getByRole('link', { name: runLabel(id) }) });
    await expect(row.locator('td[data-column="championTestMase"]')).toHaveText(
      new RegExp(`^${run.evaluation.champion.testMase.toFixed(3)}(best)?$`),
    );
  }
  // Actuals plus each run's test-window and future lines.
  await expectChartDrawn(page.getByTestId('compare-chart'), 5);

  const settings = page.getByTestId('compare-params');
  const units = settings.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^LSTM units/ }) });
  await expect(units).toHaveAttribute('data-differs', 'true');
  await expect(units).toContainText('differs');
  // Columns follow the order of the runs in the address.
  const compared = new URL(page.url()).searchParams.get('runs')?.split(',') ?? [];
  expect(compared.toSorted()).toEqual([firstRunId, secondRunId].toSorted());
  await expect(units.getByRole('cell')).toHaveText(compared.map((id) => (id === firstRunId ? '8' : '4')));
  const horizon = settings.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Horizon/ }) });
  await expect(horizon).not.toHaveAttribute('data-differs');
  await expect(settings.locator('tr[data-differs]')).toHaveCount(1);
  await takeScreenshot('compare');
});

test('schedule: retraining every 5 minutes creates a run, then is paused and deleted', async ({
  page,
  takeScreenshot,
}) => {
  await page.goto(seriesUrl.south);
  await expect(page.getByRole('heading', { name: 'store_south', level: 1 })).toBeVisible();
  await expect(page.getByText('No schedules')).toBeVisible();

  // 5 minutes is the shortest interval allowed (HORIZON_MIN_SCHEDULE_MINUTES); an interval schedule
  // fires once right away.
  const form = page.getByRole('form', { name: 'New schedule' });
  // A cron expression is read back in words, with its first firing in the user's time zone.
  await form.getByLabel('Cron').check();
  await form.getByLabel('Cron expression').fill('30 6 * * 1');
  await expect(form.getByText('At 06:30, only on Monday UTC.')).toBeVisible();
  await expect(form.getByTestId('schedule-first-run')).toContainText(/^First run in .+ your time \(06:30 UTC\)\.$/);
  await form.getByLabel('Interval').check();
  await form.getByLabel('Every', { exact: true }).fill('5');
  await form.getByLabel('Time unit').selectOption('m');
  await expect(form.getByTestId('schedule-first-run')).toHaveText(
    'First run as soon as it is created, then every 5 minutes.',
  );
  await form.getByText('Training settings (optional)').click();
  await fillTraining(form, TINY_TRAINING);
  await form.getByTestId('schedule-submit').click();

  const item = page.getByTestId('schedule-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Every 5 minutes');
  await expect(item).toContainText('Active');
  await expect(item).toContainText(/Next run in .+\(/);
  await expect(item).toContainText('Epochs 2');

  // The same schedule again is refused, saying which one exists.
  await fillTraining(form, TINY_TRAINING);
  await form.getByTestId('schedule-submit').click();
  await expect(form.getByText('The schedule was not created')).toBeVisible();
  await expect(form).toContainText(/already has a schedule every 5m with the same settings/);
  await expect(item).toHaveCount(1);

  // The first firing's run appears under the schedule and in the series' runs, marked scheduled.
  const scheduledRuns = item.getByRole('list', { name: 'Runs created by this schedule' }).getByRole('link');
  await expect(scheduledRuns.first()).toBeVisible({ timeout: 60_000 });
  const runHref = (await scheduledRuns.first().getAttribute('href')) ?? '';
  const scheduledRunId = runHref.replace('/runs/', '');
  const runRow = page.locator(`tr[data-run-id="${scheduledRunId}"]`);
  await expect(runRow).toContainText('scheduled');
  await takeScreenshot('schedule-with-run');

  // It trains with the schedule's settings.
  await scheduledRuns.first().click();
  await page.waitForURL(runHref);
  await expect(page.getByText('Started by a schedule')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });
  const epochs = page
    .getByTestId('run-config')
    .locator('xpath=.//dt[normalize-space()="Epochs"]/following-sibling::dd[1]');
  await expect(epochs).toHaveText('2');
  await takeScreenshot('scheduled-run');

  await page.getByRole('link', { name: 'store_south', exact: true }).click();
  await page.waitForURL(seriesUrl.south);
  await page.getByRole('button', { name: 'Pause schedule: Every 5 minutes' }).click();
  await expect(item).toContainText('Paused');
  await expect(item).toContainText('Paused: no runs until resumed.');
  await expect(page.getByRole('button', { name: 'Resume schedule: Every 5 minutes' })).toBeVisible();
  await takeScreenshot('schedule-paused');

  await page.getByRole('button', { name: 'Delete schedule: Every 5 minutes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this schedule?' });
  await dialog.getByRole('button', { name: 'Delete schedule' }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByText('No schedules')).toBeVisible();
  // Runs it created are kept.
  await expect(runRow).toBeVisible();
  await takeScreenshot('schedule-deleted');
});

test('cancel: a long run stops when cancelled, and can then be deleted', async ({ page, takeScreenshot }) => {
  await page.goto(seriesUrl.north);
  const runId = await train(page, { ...TINY_TRAINING, Epochs: '200' });

  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('Running', { timeout: TRAINING_TIMEOUT });
  await expect(page.getByTestId('run-progress')).toBeVisible();
  await takeScreenshot('run-long-training');
  await page.getByTestId('cancel-run').click();
  await expect(status).toHaveText('Cancelled');
  await expect(page.getByTestId('run-cancelled')).toBeVisible();
  await expect(page.getByTestId('cancel-run')).toHaveCount(0);
  await takeScreenshot('run-cancelled');

  // It stays cancelled: the worker stops rather than finishing and overwriting the status.
  await page.reload();
  await expect(status).toHaveText('Cancelled');

  await page.getByRole('button', { name: 'Delete run' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete run' }).click();
  await page.waitForURL(seriesUrl.north);
  await expect(page.locator(`tr[data-run-id="${runId}"]`)).toHaveCount(0);
  await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(2);
});

test('all runs: every run of every series, then deleting the dataset removes them', async ({
  page,
  request,
  takeScreenshot,
}) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click();
  await page.waitForURL('/runs');
  const runList = page.getByTestId('run-list');
  // Two runs of store_north (the cancelled one was deleted) and the scheduled one of store_south.
  await expect(runList.locator('tbody tr')).toHaveCount(3);
  await expect(runList.getByRole('link', { name: 'small-sales / store_north' })).toHaveCount(2);
  await expect(runList.getByRole('link', { name: 'small-sales / store_south' })).toHaveCount(1);
  await takeScreenshot('all-runs');

  await page.goto(datasetUrl);
  await page.getByRole('button', { name: 'Delete dataset' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete dataset' }).click();
  await page.waitForURL('/');
  await expect(page.getByTestId('dataset-list').getByRole('link', { name: 'small-sales' })).toHaveCount(0);
  await takeScreenshot('home-after-delete');

  expect((await request.get(`/api${datasetUrl}`)).status()).toBe(404);
  expect((await request.get(`/api/runs/${firstRunId}`)).status()).toBe(404);
});
