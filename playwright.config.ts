// End-to-end tests: Chromium from the system package (/usr/bin/chromium, installed by `npm test`
// with apt when missing; never `playwright install`, which downloads), against a throwaway Horizon
// started by scripts/e2e-server.ts. Screenshots, traces of failures and the server's output are
// kept under test-results/. Specs run signed in: the `setup` project signs a user up first
// (e2e/auth.setup.ts) and every spec starts with its cookie (e2e/support/users.ts).
import { defineConfig } from '@playwright/test';
import { SIGNED_IN_STATE } from './e2e/support/users';

const port = Number(process.env.HORIZON_E2E_PORT ?? 3107);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One app, one database, one worker that trains one job at a time: specs run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Specs train small models through the UI; two shared cores make that slow, not broken.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Playwright's API requests (request.post, page.request) send no Origin, which Horizon's CSRF
    // check wants on state-changing requests; Chromium's own fetches send this same value anyway.
    extraHTTPHeaders: { origin: `http://127.0.0.1:${port}` },
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1280, height: 800 },
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
    screenshot: 'on',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'chromium', testMatch: /\.spec\.ts$/, dependencies: ['setup'], use: { storageState: SIGNED_IN_STATE } },
  ],
  webServer: {
    command: 'node --import tsx scripts/e2e-server.ts',
    // The suite signs up more accounts from 127.0.0.1 in an hour than the default allows one address.
    env: { HORIZON_E2E_PORT: String(port), HORIZON_SIGN_UPS_PER_HOUR: '500' },
    // Printed by e2e-server.ts once /api/health reports a worker.
    wait: { stdout: /Horizon e2e server ready/ },
    // Covers a web build when the sources changed since the last one.
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the server stop the web, the worker and the databases and delete its folder.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 60_000 },
    reuseExistingServer: false,
  },
});
