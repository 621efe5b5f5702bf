// The whole journey without a mouse: Tab / Shift+Tab to move, Enter / Space to activate, typing
// into fields, arrow keys in a select. Every control reached shows a visible focus indicator. The
// only non-key step is handing the file to the focused file input (a native file dialog cannot be
// driven from a test; a keyboard user opens it with Space and picks the file there).
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, idFromUrl, test, TINY_TRAINING, TRAINING_TIMEOUT, type TrainingLabel } from './support/test';
import { sameOriginHeaders } from './support/users';

const SMALL_SALES = 'e2e/fixtures/small-sales.csv';
// Far more stops than any page has: a target never reached fails instead of looping.
const MAX_TAB_STOPS = 80;

const runLabel = (id: string) => `Run ${id.slice(-6)}`;

/** Whether the focused element (for a visually hidden input: the box around it) draws a focus outline or ring. */
async function showsFocus(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const drawn = (el: Element) => {
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow !== 'none';
    };
    // A visually hidden input (the file picker) has to show its focus on the box around it.
    const box = element.getBoundingClientRect();
    if (box.width > 1 && box.height > 1) return drawn(element);
    const holder = element.closest('.dropzone, label');
    return holder !== null && drawn(holder);
  });
}

/** Presses Tab (or Shift+Tab) until `target` has focus, then checks that the focus is visible. */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}): Promise<void> {
  await expect(target).toBeAttached();
  for (let stop = 0; stop < MAX_TAB_STOPS; stop++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      expect(await showsFocus(target), `a focus indicator on ${target}`).toBe(true);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${MAX_TAB_STOPS} presses of ${backwards ? 'Shift+Tab' : 'Tab'} did not reach ${target}`);
}

/** Tabs to each field of `form` by its label and types the value over what it held. */
async function typeTraining(
  page: Page,
  form: Locator,
  settings: Partial<Record<TrainingLabel, string>>,
): Promise<void> {
  for (const [label, value] of Object.entries(settings)) {
    await tabTo(page, form.getByLabel(label, { exact: true }));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  }
}

/** From a series page: trains with `settings`, waits for success on the run page, returns its id. */
async function trainByKeyboard(page: Page, settings: Partial<Record<TrainingLabel, string>>): Promise<string> {
  const form = page.getByRole('form', { name: 'Train forecast' });
  await typeTraining(page, form, settings);
  await tabTo(page, form.getByTestId('train-submit'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/runs\/[^/]+$/);
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });
  return idFromUrl(page, /^\/runs\/([^/]+)$/);
}

/**
 * Goes back to the series page through a link to it in the page (a breadcrumb), found by its
 * address: its text may name the dataset too when another dataset has a series of the same name.
 */
async function backToSeries(page: Page, seriesUrl: string, { backwards = false } = {}): Promise<void> {
  await tabTo(page, page.getByRole('main').locator(`a[href="${seriesUrl}"]`).first(), { backwards });
  await page.keyboard.press('Enter');
  await page.waitForURL(seriesUrl);
}

let datasetId = '';

// Later specs count the runs they see: leave nothing behind (runs and schedules go with the dataset).
test.afterAll(async ({ playwright }, testInfo) => {
  if (!datasetId) return;
  const api = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    ...sameOriginHeaders(testInfo.project.use.baseURL),
  });
  expect((await api.delete(`/api/datasets/${datasetId}`)).status()).toBe(204);
  await api.dispose();
});

test('keyboard only: import, train, download, compare and schedule', async ({ page, takeScreenshot }, testInfo) => {
  testInfo.setTimeout(3 * TRAINING_TIMEOUT + 120_000);

  await page.goto('/');
  const fileInput = page.getByTestId('upload-input');
  await tabTo(page, fileInput);
  await fileInput.setInputFiles(SMALL_SALES);
  await expect(page.getByRole('heading', { name: '2 series detected' })).toBeVisible();
  await tabTo(page, page.getByTestId('import-button'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/datasets\/[^/]+$/);
  datasetId = idFromUrl(page, /^\/datasets\/([^/]+)$/);
  await expect(page.getByRole('heading', { name: 'small-sales', level: 1 })).toBeVisible();

  await tabTo(page, page.getByTestId('series-table').getByRole('link', { name: 'store_north', exact: true }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/series\/[^/]+$/);
  const seriesUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: 'store_north', level: 1 })).toBeVisible();

  // The focus ring on the submit button, kept for a reviewer to look at.
  await typeTraining(page, page.getByRole('form', { name: 'Train forecast' }), TINY_TRAINING);
  await tabTo(page, page.getByTestId('train-submit'));
  await page.screenshot({ path: testInfo.outputPath('focus-ring-train-submit.png') });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/runs\/[^/]+$/);
  await expect(page.getByTestId('run-status')).toHaveText('Succeeded', { timeout: TRAINING_TIMEOUT });
  const firstRunId = idFromUrl(page, /^\/runs\/([^/]+)$/);

  const download = page.waitForEvent('download');
  await tabTo(page, page.getByTestId('download-csv'));
  await page.keyboard.press('Enter');
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv.split('\n')[0]).toBe(
    'timestamp,forecast,actual,lo80,hi80,lo95,hi95,segment,model,modelName,series,p10,p50,p90',
  );
  expect(csv.trimEnd().split('\n')).toHaveLength(1 + 2 * Number(TINY_TRAINING.Horizon));

  // Back up the page: Shift+Tab reaches the breadcrumb to the series.
  await backToSeries(page, seriesUrl, { backwards: true });
  const secondRunId = await trainByKeyboard(page, { ...TINY_TRAINING, 'LSTM units': '4' });

  await backToSeries(page, seriesUrl);
  await expect(page.getByTestId('run-list').locator('tbody tr')).toHaveCount(2);
  for (const id of [firstRunId, secondRunId]) {
    const checkbox = page.getByRole('checkbox', { name: `Select ${runLabel(id)} for comparison` });
    await tabTo(page, checkbox);
    await page.keyboard.press('Space');
    await expect(checkbox).toBeChecked();
  }
  await tabTo(page, page.getByTestId('compare-button'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/compare\?runs=/);
  const metrics = page.getByTestId('compare-metrics');
  await expect(metrics.locator('tbody tr')).toHaveCount(2);
  for (const id of [firstRunId, secondRunId])
    await expect(metrics.getByRole('link', { name: runLabel(id) })).toBeVisible();

  await backToSeries(page, seriesUrl);
  const form = page.getByRole('form', { name: 'New schedule' });
  await tabTo(page, form.getByLabel('Every', { exact: true }));
  await page.keyboard.press('ControlOrMeta+A');
  // The shortest interval allowed (HORIZON_MIN_SCHEDULE_MINUTES, 5 by default).
  await page.keyboard.type('5');
  // Arrow keys move through a closed select's options: up to the first ("minutes"), down to
  // "hours" and back.
  const unit = form.getByLabel('Time unit');
  await tabTo(page, unit);
  for (let option = 0; option < (await unit.locator('option').count()); option++) await page.keyboard.press('ArrowUp');
  await expect(unit).toHaveValue('m');
  await page.keyboard.press('ArrowDown');
  await expect(unit).toHaveValue('h');
  await page.keyboard.press('ArrowUp');
  await expect(unit).toHaveValue('m');
  await tabTo(page, form.getByText('Training settings (optional)'));
  await page.keyboard.press('Enter');
  await typeTraining(page, form, TINY_TRAINING);
  await tabTo(page, form.getByTestId('schedule-submit'));
  await page.keyboard.press('Enter');

  const item = page.getByTestId('schedule-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Every 5 minutes');
  await expect(item).toContainText('Active');
  await tabTo(page, page.getByRole('button', { name: 'Pause schedule: Every 5 minutes' }));
  await page.keyboard.press('Space');
  await expect(item).toContainText('Paused');
  await expect(page.getByRole('button', { name: 'Resume schedule: Every 5 minutes' })).toBeVisible();
  await takeScreenshot('schedule-paused-by-keyboard');
});
