// Smoke test: the app is up, wired to its database, Redis and a worker, and the home page renders
// without uncaught errors.
import { expect, test } from '@playwright/test';

test('the home page loads', async ({ page }, testInfo) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/Horizon/);
  await expect(page.locator('main')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('/api/health reports the database, Redis and at least one worker', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const health = (await response.json()) as { db: string; redis: string; workers: number };
  expect(health).toMatchObject({ db: 'ok', redis: 'ok' });
  expect(health.workers).toBeGreaterThanOrEqual(1);
});
