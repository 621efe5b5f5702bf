// Files that cannot be imported: the user is told what is wrong and where (row numbers), the
// import is blocked or refused, and nothing is stored.
import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/test';

interface StoredDataset {
  name: string;
}

async function storedDatasetNames(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/api/datasets');
  expect(response.status()).toBe(200);
  const { datasets } = (await response.json()) as { datasets: StoredDataset[] };
  return datasets.map((dataset) => dataset.name);
}

const BROKEN_FILES = [
  { file: 'ragged.csv', problem: /Row 5 has 4 fields but the header has 3/, where: 'row 5' },
  { file: 'unparseable-dates.csv', problem: /"yesterday" in row 9/, where: 'row 5' },
];

for (const broken of BROKEN_FILES) {
  test(`${broken.file}: the preview shows the problems by row and blocks the import`, async ({
    page,
    request,
    takeScreenshot,
  }) => {
    const before = await storedDatasetNames(request);
    await page.goto('/');
    await page.getByTestId('upload-input').setInputFiles(`test/fixtures/csv/${broken.file}`);

    const errors = page.getByTestId('file-errors');
    await expect(errors).toContainText(broken.problem);
    await expect(errors).toContainText(`(${broken.where}`);
    await expect(page.getByTestId('import-button')).toBeDisabled();
    await expect(page.getByText('Fix the problems above (or change the column choice) to import.')).toBeVisible();
    await takeScreenshot('preview-blocked');

    // The server refuses the same file on its own, whatever the page allows.
    const name = broken.file.replace(/\.csv$/, '');
    const response = await request.post('/api/datasets', {
      multipart: {
        file: { name: broken.file, mimeType: 'text/csv', buffer: await readFile(`test/fixtures/csv/${broken.file}`) },
      },
    });
    expect(response.status()).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; details: { problems: { row?: number; severity: string }[] } };
    };
    expect(body.error.code).toBe('invalid_csv');
    expect(body.error.details.problems.some((p) => p.severity === 'error' && p.row === 5)).toBe(true);

    const after = await storedDatasetNames(request);
    expect(after).toEqual(before);
    expect(after).not.toContain(name);
  });
}

/**
 * A daily series longer than the 256 KB the preview reads, with one ragged row near its end:
 * the preview finds nothing wrong, the import reads the whole file and refuses it.
 */
function csvWithLateRaggedRow(rows: number, raggedRow: number): string {
  const start = Date.UTC(1950, 0, 1);
  const lines = ['date,visitors'];
  for (let i = 0; i < rows; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    // Row numbers count the header as row 1, like a spreadsheet.
    lines.push(i + 2 === raggedRow ? `${date},${100 + (i % 7)},oops` : `${date},${100 + (i % 7)}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a problem past the previewed part: the import answers 422, shows the row and stores nothing', async ({
  page,
  request,
  takeScreenshot,
}) => {
  const before = await storedDatasetNames(request);
  const rows = 20_000;
  const raggedRow = rows - 10;
  const csv = csvWithLateRaggedRow(rows, raggedRow);
  expect(csv.length).toBeGreaterThan(262_144);

  await page.goto('/');
  await page
    .getByTestId('upload-input')
    .setInputFiles({ name: 'late-ragged.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByText('Rows read (first 256 KB)')).toBeVisible();
  await expect(page.getByRole('heading', { name: '1 series detected' })).toBeVisible();
  await expect(page.getByTestId('file-errors')).toHaveCount(0);
  const importButton = page.getByTestId('import-button');
  await expect(importButton).toBeEnabled();
  await takeScreenshot('preview-looks-fine');

  // The page adds ?uploadId=… to follow the import's progress: match the path only.
  const answer = page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/datasets' && response.request().method() === 'POST',
  );
  await importButton.click();
  expect((await answer).status()).toBe(422);

  const errors = page.getByTestId('file-errors');
  await expect(errors).toContainText('The file was not imported; nothing was stored');
  await expect(errors).toContainText(`Row ${raggedRow} has 3 fields but the header has 2`);
  await expect(errors).toContainText(`(row ${raggedRow}`);
  await expect(page).toHaveURL('/');
  await takeScreenshot('import-refused');

  const after = await storedDatasetNames(request);
  expect(after).toEqual(before);
  expect(after).not.toContain('late-ragged');
});
