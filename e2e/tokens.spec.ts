// API tokens: created on the settings page (shown once), used by a script with fetch, revoked.
import { expect, test } from './support/test';

test('create a token, call the API with it, revoke it', async ({ page, baseURL, takeScreenshot }) => {
  await page.goto('/');
  const menu = page.getByRole('banner').locator('.user-menu');
  await menu.locator('summary').click();
  await menu.getByRole('link', { name: 'API tokens' }).click();
  await page.waitForURL(/\/settings\/tokens$/);
  await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();

  const form = page.getByRole('form', { name: 'Create an API token' });
  await form.getByRole('button', { name: 'Create token' }).click();
  await expect(form.getByText('is required')).toBeVisible();
  await form.getByLabel('Token name').fill('e2e script');
  await form.getByRole('button', { name: 'Create token' }).click();
  const secret = page.getByTestId('new-token-value');
  await expect(secret).toHaveText(/^hzn_/);
  const token = (await secret.textContent())!.trim();
  await expect(page.getByTestId('token-list')).toContainText('e2e script');
  await takeScreenshot('token-created');

  // A script outside the browser: no cookie, only the token.
  const call = (authorization?: string) =>
    fetch(`${baseURL}/api/datasets`, { headers: authorization ? { authorization } : {} });
  expect((await call()).status).toBe(401);
  const withToken = await call(`Bearer ${token}`);
  expect(withToken.status).toBe(200);
  expect(await withToken.json()).toHaveProperty('datasets');

  // Shown once: a reload lists the token by its prefix only.
  await page.reload();
  await expect(page.getByTestId('token-list')).toContainText(token.slice(0, 10));
  await expect(page.getByText(token)).toHaveCount(0);

  await page.getByRole('button', { name: 'Revoke e2e script' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByTestId('token-list')).toHaveCount(0);
  await takeScreenshot('token-revoked');
  expect((await call(`Bearer ${token}`)).status).toBe(401);
});
