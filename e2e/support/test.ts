// The `test` every journey spec uses: Playwright's, plus numbered full-page screenshots of each
// page visited (kept in the test's output folder, so a reviewer can look at the whole journey)
// and checks that no page threw an uncaught error or broke the Content-Security-Policy along the
// way. Each spec file runs signed in as its own user (see e2e/support/users.ts).
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { signedInStateFor } from './users';

export { expect };

interface JourneyFixtures {
  /** Saves a full-page screenshot as `NN-<name>.png` in the test's output folder. */
  takeScreenshot: (name: string) => Promise<void>;
  /** Uncaught errors thrown in the page; the test fails if any remain at its end. */
  pageErrors: string[];
  /** CSP violations Chromium reported (next.config.js); the test fails if there are any. */
  cspViolations: string[];
}

export const test = base.extend<JourneyFixtures>({
  // A spec that wants another state says so with test.use({ storageState: ... }).
  storageState: async ({}, use, testInfo) => {
    await use(signedInStateFor(testInfo.file));
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  takeScreenshot: async ({ page }, use, testInfo) => {
    let count = 0;
    await use(async (name) => {
      count += 1;
      const file = `${String(count).padStart(2, '0')}-${name}.png`;
      // From the top (scrolled, the sticky header is painted across the middle of the page) and
      // with the mouse out of the way, so no chart tooltip covers what the step is about.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: testInfo.outputPath(file), fullPage: true });
    });
  },
});

/** Training through the UI is slow on two shared cores; generous, never a fixed sleep. */
export const TRAINING_TIMEOUT = 120_000;

/**
 * Settings small enough that a run takes seconds: a two-week lookback forecasting one week, a
 * tiny LSTM and two epochs. Keys are the field labels of the Train forecast and New schedule forms.
 */
export const TINY_TRAINING = { Horizon: '7', Lookback: '14', Epochs: '2', 'LSTM units': '8' } as const;

export type TrainingLabel =
  'Horizon' | 'Lookback' | 'Epochs' | 'LSTM units' | 'LSTM layers' | 'Learning rate' | 'Batch size' | 'Dropout';

/** Types each setting into the field of that label inside `form`. */
export async function fillTraining(form: Locator, settings: Partial<Record<TrainingLabel, string>>): Promise<void> {
  for (const [label, value] of Object.entries(settings)) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
}

/**
 * Asserts that a Recharts chart drew at least `series` lines or areas (paths through two or more
 * points or, for a line of a single point such as a one-epoch loss curve, its dots) on a y-axis
 * with distinct tick labels.
 */
export async function expectChartDrawn(chart: Locator, series = 1): Promise<void> {
  await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  const drawn = chart.locator(
    ['path.recharts-line-curve[d*="L"]', 'path.recharts-area-curve[d*="L"]', 'g.recharts-line-dots:has(circle)'].join(
      ', ',
    ),
  );
  await expect.poll(() => drawn.count(), { message: 'lines drawn in the chart' }).toBeGreaterThanOrEqual(series);
  // Labels rounded to the same text make the axis unreadable.
  const yTicks = chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect.poll(() => yTicks.count(), { message: 'y-axis tick labels' }).toBeGreaterThan(1);
  const labels = await yTicks.allTextContents();
  expect(labels, 'y-axis tick labels are distinct').toEqual([...new Set(labels)]);
}

/** The first capture of `pattern` in the current path, e.g. the run id of /runs/:id. */
export function idFromUrl(page: Page, pattern: RegExp): string {
  const match = pattern.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`${page.url()} does not match ${pattern}`);
  return match[1];
}
