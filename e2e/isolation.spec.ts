// Another user's things do not exist for you: every page that takes an id answers 404 (the "Page
// not found" page, HTTP status 404) when the id is someone else's, and list pages never show them.
// Pages are found by walking app/**/page.tsx, so a new page with an id joins this test by itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { newCredentials, SIGNED_OUT, signUpVia } from './support/users';

const APP_DIR = join(process.cwd(), 'app');

/** Every page route, e.g. /runs/[id], from the page.tsx files (route groups like (auth) left out). */
function pageRoutes(dir = APP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'api' ? [] : pageRoutes(path);
    if (entry.name !== 'page.tsx') return [];
    const folders = relative(APP_DIR, dir)
      .split(sep)
      .filter((folder) => folder && !/^\(.*\)$/.test(folder));
    return ['/' + folders.join('/')];
  });
}

const PUBLIC_PAGES = ['/sign-in', '/sign-up', '/docs/api'];

test("a second user gets 404 for the first user's pages and sees none of their data", async ({ browser }) => {
  // Two users of their own, so this spec's data shows in no other spec's lists.
  const owner = await browser.newContext({ storageState: SIGNED_OUT });
  await signUpVia(owner.request, newCredentials('owner'));
  const cspViolations: string[] = [];
  const watchCsp = (each: Page) =>
    each.on('console', (message) => {
      if (/Content[ -]Security[ -]Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  const page = await owner.newPage();
  watchCsp(page);
  const name = `owned-${Date.now()}`;
  const uploaded = await page.request.post('/api/datasets', {
    multipart: {
      name,
      file: { name: 'owned.csv', mimeType: 'text/csv', buffer: readFileSync('e2e/fixtures/small-sales.csv') },
    },
  });
  expect(uploaded.status()).toBe(201);
  const { dataset } = (await uploaded.json()) as { dataset: { id: string; series: { id: string }[] } };
  const seriesId = dataset.series[0].id;
  const created = await page.request.post('/api/runs', {
    data: { seriesId, horizon: 7, lookback: 14, epochs: 1, units: 4 },
  });
  expect(created.status()).toBe(202);
  const runId = ((await created.json()) as { run: { id: string } }).run.id;
  // Not needed trained; keeps the worker free for other specs.
  await page.request.post(`/api/runs/${runId}/cancel`);
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId('run-status')).toBeVisible();
  const batched = await page.request.post(`/api/datasets/${dataset.id}/runs`, {
    data: { horizon: 7, lookback: 14, epochs: 1, units: 4 },
  });
  expect(batched.status()).toBe(202);
  const batchId = ((await batched.json()) as { batch: { id: string } }).batch.id;
  await page.request.post(`/api/batches/${batchId}/cancel`);

  const idFor: Record<string, string> = { runs: runId, series: seriesId, datasets: dataset.id, batches: batchId };
  const other = await browser.newContext({ storageState: SIGNED_OUT });
  await signUpVia(other.request, newCredentials('other'));
  const otherPage = await other.newPage();
  watchCsp(otherPage);

  const routes = pageRoutes();
  expect(routes).toEqual(
    expect.arrayContaining(['/', '/runs', '/runs/[id]', '/series/[id]', '/datasets/[id]', '/compare']),
  );
  for (const route of routes) {
    if (PUBLIC_PAGES.includes(route)) continue;
    if (route.includes('[')) {
      const kind = route.split('/')[1];
      expect(idFor[kind], `no owned id for the pages under /${kind}: add one to idFor`).toBeDefined();
      const url = route.replace(/\[\w+\]/, idFor[kind]);
      const response = await otherPage.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(otherPage.getByText('Page not found')).toBeVisible();
      continue;
    }
    // Pages without an id: the comparison takes run ids in the query; lists must not show them.
    const url = route === '/compare' ? `/compare?runs=${runId}` : route;
    const response = await otherPage.goto(url);
    if (route === '/compare') {
      expect(response?.status(), url).toBe(404);
      continue;
    }
    expect(response?.status(), url).toBe(200);
    await otherPage.waitForLoadState('networkidle');
    const text = await otherPage.locator('main').innerText();
    expect(text, url).not.toContain(name);
    expect(await otherPage.content(), url).not.toContain(runId);
  }
  await otherPage.goto(`/runs/${runId}`);
  await otherPage.screenshot({ path: test.info().outputPath('other-user-run-404.png'), fullPage: true });
  expect(cspViolations).toEqual([]);
  await Promise.all([owner.close(), other.close()]);
});

test('security headers are sent with every page', async ({ page }) => {
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});
