// The upload mapping step with a long-layout file (one row per store and day): the layout and id
// column are detected and shown, a gap policy fills the missing day before import, and the
// dataset page appends newer rows to the stored series.
import { expect, test } from './support/test';

/** Days `from`..`to` of January 2024 for two stores; north lacks `skip` (when given). */
function storeSales(from: number, to: number, skip?: number): Buffer {
  const rows = ['date,store,sales'];
  for (let day = from; day <= to; day++) {
    const date = `2024-01-${String(day).padStart(2, '0')}`;
    if (day !== skip) rows.push(`${date},north,${10 + day}`);
    rows.push(`${date},south,${50 - day}`);
  }
  return Buffer.from(`${rows.join('\n')}\n`);
}

test('long layout: map, fill gaps, import, then append newer rows', async ({ page, takeScreenshot }) => {
  await page.goto('/');
  await page
    .getByTestId('upload-input')
    .setInputFiles({ name: 'store-long.csv', mimeType: 'text/csv', buffer: storeSales(1, 14, 6) });

  const detected = page.getByTestId('detected-series');
  await expect(page.getByRole('heading', { name: '2 series detected' })).toBeVisible();
  await expect(page.getByTestId('layout-select')).toHaveValue('');
  await expect(page.getByTestId('layout-select').locator('option:checked')).toHaveText('Detect (long)');
  await expect(page.getByTestId('id-columns').getByLabel('store')).toBeChecked();
  await expect(page.getByTestId('file-warnings')).toContainText('lacks 1 timestamp');
  const north = detected.locator('tbody tr').filter({ hasText: 'north' });
  // Points, then gaps 1, filled —, duplicates —.
  await expect(north.locator('td.num')).toHaveText(['13', '1', '—', '—']);

  await page.getByTestId('gap-policy').selectOption('linear');
  await expect(
    page.getByText('Missing timestamps get a value on the straight line between their neighbours.'),
  ).toBeVisible();
  await expect(north.locator('td.num')).toHaveText(['14', '1', '1', '—']);
  await expect(page.getByTestId('file-errors')).toHaveCount(0);
  await takeScreenshot('long-layout-preview');

  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);
  await expect(page.getByText('2 series · 28 points')).toBeVisible();

  // Days 13..18: 13 and 14 are stored (the new values win), 15..18 are new — for both stores.
  await page
    .getByTestId('append-input')
    .setInputFiles({ name: 'store-newer.csv', mimeType: 'text/csv', buffer: storeSales(13, 18) });
  await expect(page.getByTestId('append-status')).toContainText(
    'Added 8 points to 2 series; 4 stored points were replaced.',
  );
  await expect(page.getByText('2 series · 36 points')).toBeVisible();
  await takeScreenshot('appended');

  // A broken file is refused with its problems, and the counts stay.
  await page.getByTestId('append-input').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date,store,sales\n2024-01-19,north,1\nyesterday,north,2\n'),
  });
  await expect(page.getByTestId('file-errors')).toContainText('Nothing was appended');
  await expect(page.getByText('2 series · 36 points')).toBeVisible();
});
