// Upload steps that need a real browser: the day/month question for dates that read either way,
// and the progress of a large import or append (bytes sent and rows the server has read) while it runs.
import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './support/test';

/** 01/01/2024 .. 01/12/2024: the first of each month (day first) or twelve January days (month first). */
function ambiguousDates(): Buffer {
  const rows = ['date,visitors'];
  for (let n = 1; n <= 12; n++) rows.push(`01/${String(n).padStart(2, '0')}/2024,${100 + n * 3}`);
  return Buffer.from(`${rows.join('\n')}\n`);
}

test('ambiguous DD/MM dates: the preview asks which order, and the import reads them that way', async ({
  page,
  takeScreenshot,
}) => {
  await page.goto('/');
  await page
    .getByTestId('upload-input')
    .setInputFiles({ name: 'visits.csv', mimeType: 'text/csv', buffer: ambiguousDates() });

  const choice = page.getByTestId('date-order-choice');
  // Asked with a date that reads differently each way (not 01/01/2024).
  await expect(choice).toContainText('Is 01/02/2024 1 February 2024 or January 2, 2024?');
  await expect(page.getByTestId('file-warnings')).toContainText('day and month cannot be told apart');
  const detected = page.getByTestId('detected-series');
  await expect(detected).toContainText('Daily');
  await takeScreenshot('date-order-question');

  await choice.getByRole('radio', { name: /1 February 2024/ }).check();
  // Read day first: the first of twelve months, and the question is answered. What warning is
  // left says that twelve months are too few for the LSTMs' defaults.
  await expect(detected).toContainText('Monthly');
  await expect(page.getByText('DD/MM/YYYY', { exact: true })).toBeVisible();
  const warnings = page.getByTestId('file-warnings');
  await expect(warnings).not.toContainText('day and month cannot be told apart');
  await expect(warnings).toContainText('has 12 points');
  await expect(choice.getByRole('radio', { name: /1 February 2024/ })).toBeChecked();
  await takeScreenshot('date-order-chosen');

  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);
  await expect(page.getByText('1 series · 12 points')).toBeVisible();
  await expect(page.getByRole('row', { name: /visitors/ })).toContainText('1 Jan 2024 – 1 Dec 2024');
});

/** `rows` minutely readings from minute `from`, about 33 bytes a row. */
function largeCsv(rows: number, from = 0): Buffer {
  const start = Date.UTC(2024, 0, 1);
  const lines = ['timestamp,reading'];
  for (let i = from; i < from + rows; i++)
    lines.push(`${new Date(start + i * 60_000).toISOString()},${(20 + (i % 600) / 10).toFixed(1)}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A slow uplink (1 MB/s), so a large upload lasts long enough to watch its progress. */
async function throttleUplink(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 1024 * 1024,
  });
  return cdp;
}

async function unthrottle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
}

interface ProgressSample {
  now: number;
  text: string;
}

/**
 * Reads a progress bar every 150 ms until `done()`; takes one screenshot once the server has read
 * some rows (checking the counts beside the bar then), and returns every sample.
 */
async function sampleProgress(
  bar: Locator,
  counts: Locator,
  done: () => Promise<boolean>,
  screenshot: () => Promise<void>,
): Promise<{ samples: ProgressSample[]; screenshotTaken: boolean }> {
  const samples: ProgressSample[] = [];
  let screenshotTaken = false;
  while (!(await done())) {
    const sample = await bar
      .evaluate((el) => ({
        now: Number(el.getAttribute('aria-valuenow')),
        text: el.getAttribute('aria-valuetext') ?? '',
      }))
      .catch(() => null);
    if (sample) {
      samples.push(sample);
      if (!screenshotTaken && /[1-9][\d,]* rows read/.test(sample.text) && sample.now > 10) {
        await expect(counts).toContainText('rows read');
        await screenshot();
        screenshotTaken = true;
      }
    }
    await bar.page().waitForTimeout(150);
  }
  return { samples, screenshotTaken };
}

/** The samples where the text changed, to print when an expectation fails. */
const changes = (samples: ProgressSample[]) =>
  JSON.stringify(samples.filter((s, i) => i === 0 || s.text !== samples[i - 1].text));

/** Row counts seen strictly between 0 and `rows`: the server was still reading the file. */
function partialRowCounts(samples: ProgressSample[], rows: number): number[] {
  return samples
    .map((s) => /([\d,]+) rows read/.exec(s.text)?.[1])
    .filter((count): count is string => count !== undefined)
    .map((count) => Number(count.replace(/,/g, '')))
    .filter((count) => count > 0 && count < rows);
}

test('a large upload shows bytes sent and rows read while it runs', async ({ page, takeScreenshot }) => {
  const rows = 300_000;
  await page.goto('/');
  await page
    .getByTestId('upload-input')
    .setInputFiles({ name: 'readings.csv', mimeType: 'text/csv', buffer: largeCsv(rows) });
  await expect(page.getByRole('heading', { name: '1 series detected' })).toBeVisible();

  // At 1 MB/s this file takes about 9 s: the page's progress polls are answered mid-upload even
  // on a busy machine.
  const cdp = await throttleUplink(page);
  await page.getByTestId('import-button').click();
  const bar = page.getByRole('progressbar', { name: 'Upload progress' });
  await expect(bar).toBeVisible();

  // Sample the bar until the dataset page opens: its value and its text must move mid-upload.
  const { samples, screenshotTaken } = await sampleProgress(
    bar,
    page.getByTestId('upload-counts'),
    async () => /\/datasets\/[^/]+$/.test(page.url()),
    () => takeScreenshot('upload-in-progress'),
  );
  // The bar moved through several values before the import finished...
  const sending = new Set(samples.filter((s) => s.now > 0 && s.now < 100).map((s) => s.now));
  expect(sending.size, `distinct percentages while importing: ${changes(samples)}`).toBeGreaterThanOrEqual(3);
  // ...and the server's row count grew while it was still reading the file (below the total).
  expect(
    new Set(partialRowCounts(samples, rows)).size,
    `row counts seen mid-import: ${changes(samples)}`,
  ).toBeGreaterThanOrEqual(2);
  expect(samples[0].text).toMatch(/of \d+(\.\d+)? MB sent/);
  expect(screenshotTaken).toBe(true);

  await unthrottle(cdp);
  await expect(page.getByText(`1 series · ${rows.toLocaleString('en-US')} points`)).toBeVisible();
});

test('a large append shows bytes sent and rows read while it runs', async ({ page, request, takeScreenshot }) => {
  const stored = 1_000;
  const rows = 200_000;
  const response = await request.post('/api/datasets', {
    multipart: { name: 'readings', file: { name: 'readings.csv', mimeType: 'text/csv', buffer: largeCsv(stored) } },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { dataset } = (await response.json()) as { dataset: { id: string } };
  await page.goto(`/datasets/${dataset.id}`);

  const cdp = await throttleUplink(page);
  await page
    .getByTestId('append-input')
    .setInputFiles({ name: 'newer.csv', mimeType: 'text/csv', buffer: largeCsv(rows, stored) });
  const bar = page.getByRole('progressbar', { name: 'Append progress' });
  await expect(bar).toBeVisible();

  const finished = async () =>
    (await page.getByTestId('append-status').count()) > 0 || (await page.getByTestId('append-error').count()) > 0;
  const { samples, screenshotTaken } = await sampleProgress(bar, page.getByTestId('append-counts'), finished, () =>
    takeScreenshot('append-in-progress'),
  );
  expect(
    new Set(partialRowCounts(samples, rows)).size,
    `row counts seen mid-append: ${changes(samples)}`,
  ).toBeGreaterThanOrEqual(2);
  expect(screenshotTaken).toBe(true);

  await unthrottle(cdp);
  await expect(page.getByTestId('append-status')).toContainText(
    `Added ${rows.toLocaleString('en-US')} points to 1 series.`,
  );
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByText(`1 series · ${(stored + rows).toLocaleString('en-US')} points`)).toBeVisible();
});

test('times written with a UTC offset are shown at that offset on the series page and in the chart', async ({
  page,
  request,
  takeScreenshot,
}) => {
  // Two days of hourly load from a logger in Berlin's summer time.
  const rows = Array.from({ length: 48 }, (_, h) => {
    const day = String(1 + Math.floor(h / 24)).padStart(2, '0');
    return `2024-03-${day}T${String(h % 24).padStart(2, '0')}:00:00+02:00,${10 + (h % 6)}`;
  });
  const response = await request.post('/api/datasets', {
    multipart: {
      name: 'berlin-load',
      file: { name: 'berlin.csv', mimeType: 'text/csv', buffer: Buffer.from(`time,load\n${rows.join('\n')}\n`) },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { dataset } = (await response.json()) as {
    dataset: { series: { id: string; start: string; timeOffset: string }[] };
  };
  // Stored in UTC (22:00 the day before), with the offset kept beside it.
  expect(dataset.series[0]).toMatchObject({ start: '2024-02-29T22:00:00.000Z', timeOffset: '+02:00' });

  await page.goto(`/series/${dataset.series[0].id}`);
  await expect(page.getByTestId('series-range')).toHaveText('1 Mar 2024, 00:00 +02:00 – 2 Mar 2024, 23:00 +02:00');
  const chart = page.getByTestId('history-chart');
  // The axis too: its first tick is the first reading, 00:00 at +02:00 (22:00 on 29 Feb in UTC).
  await expect(chart).toContainText('1 Mar 00:00');
  await expect(chart).not.toContainText('29 Feb');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('.chart-tooltip-title')).toContainText('+02:00');
  await page.screenshot({ path: test.info().outputPath('offset-tooltip.png') });
  await takeScreenshot('series-at-its-offset');
});
