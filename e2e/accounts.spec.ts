// Accounts in the browser: a visitor is sent to sign in, creates an account, uploads a dataset,
// signs out (and is signed out for real), then signs back in and finds the dataset.
import { expect, test } from './support/test';
import { newCredentials, SIGNED_OUT } from './support/users';

test.use({ storageState: SIGNED_OUT });

const SMALL_SALES = 'e2e/fixtures/small-sales.csv';

test('sign up, upload, sign out, sign in again', async ({ page, takeScreenshot }) => {
  const me = newCredentials('journey');

  // Signed out, any page leads to the sign-in form, remembering where the visitor was going.
  await page.goto('/runs');
  await page.waitForURL(/\/sign-in\?next=%2Fruns$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Horizon' })).toBeVisible();
  await takeScreenshot('sign-in');

  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.waitForURL(/\/sign-up/);
  const signUp = page.getByRole('form', { name: 'Create an account' });
  const signUpRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/auth/sign-up') signUpRequests.push(request.method());
  });
  // A malformed email and a too-short password are refused by the API's own schema in the browser,
  // before anything is sent, each with a message under its field (its accessible description).
  await signUp.getByLabel('Email').fill('ada-at-example');
  await signUp.getByLabel('Password').fill('short');
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await expect(signUp.getByLabel('Email')).toHaveAccessibleDescription(/Email must be an email address/);
  await expect(signUp.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(signUp.getByText('must be at least 8 characters')).toBeVisible();
  expect(signUpRequests).toEqual([]);
  await takeScreenshot('sign-up-error');

  await signUp.getByLabel('Email').fill(me.email);
  await signUp.getByLabel('Password').fill(me.password);
  await signUp.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/runs$/);
  const menu = page.getByRole('banner').locator('.user-menu');
  await expect(menu).toContainText(me.email);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible();
  await page.getByTestId('upload-input').setInputFiles(SMALL_SALES);
  await expect(page.getByRole('heading', { name: '2 series detected' })).toBeVisible();
  await page.getByTestId('import-button').click();
  await page.waitForURL(/\/datasets\/[^/]+$/);
  const datasetPath = new URL(page.url()).pathname;
  await takeScreenshot('dataset-uploaded');

  await menu.locator('summary').click();
  await menu.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in$/);
  // The session is gone on the server: the API refuses the old cookie-less browser.
  const api = await page.request.get('/api/datasets');
  expect(api.status()).toBe(401);
  await page.goto(datasetPath);
  await page.waitForURL(/\/sign-in\?next=/);

  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('Email').fill(me.email);
  await signIn.getByLabel('Password').fill('wrong password');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toHaveText('Wrong email or password.');
  await takeScreenshot('sign-in-wrong-password');

  await signIn.getByLabel('Password').fill(me.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`${datasetPath}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('small-sales');
  await takeScreenshot('signed-in-again');
});
