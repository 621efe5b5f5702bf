// The schedules page: a dataset schedule made there (a chosen series, on a cron expression, so it
// does not fire during the test) is listed with what it retrains, and shows on its dataset's page.
// Firing and the batch it starts: e2e/batch.spec.ts.
import { readFileSync } from 'node:fs';
import { expect, test } from './support/test';

test('create a dataset schedule on the schedules page', async ({ page, takeScreenshot }) => {
  const uploaded = await page.request.post('/api/datasets', {
    multipart: {
      name: 'scheduled-stores',
      file: { name: 'three-stores.csv', mimeType: 'text/csv', buffer: readFileSync('e2e/fixtures/three-stores.csv') },
    },
  });
  expect(uploaded.status()).toBe(201);
  const { dataset } = (await uploaded.json()) as { dataset: { id: string } };

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedules' }).click();
  await page.waitForURL(/\/schedules$/);
  await expect(page.getByTestId('all-schedules')).toContainText('No schedules yet');
  await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue(dataset.id);

  const form = page.getByTestId('schedule-form');
  await form.getByLabel('Choose series').check();
  await form.getByTestId('schedule-series').getByLabel('store_south').check();
  await form.getByLabel('Cron').check();
  await form.getByLabel('Cron expression').fill('0 3 * * *');
  await form.getByTestId('schedule-submit').click();

  const item = page.getByTestId('all-schedules').getByTestId('schedule-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Dataset scheduled-stores · a batch per firing');
  await expect(item).toContainText('store_south');
  await expect(item).toContainText('No batches yet.');
  await takeScreenshot('schedules-page');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await takeScreenshot('schedules-page-narrow-dark');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The same schedule on its dataset's page.
  await item.getByRole('link', { name: 'scheduled-stores' }).click();
  await page.waitForURL(new RegExp(`/datasets/${dataset.id}$`));
  const panel = page.getByTestId('schedules-panel');
  await expect(panel.getByTestId('schedule-item')).toHaveCount(1);
  await expect(panel.getByTestId('schedule-item')).toContainText('store_south');
});
