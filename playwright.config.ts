import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable } from './tests/setup/browser.mjs';
import { E2E_BUILD_ENV } from './tests/support/build-env';

// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const browser = chromiumExecutable() as { path: string | undefined } | null;
// A fresh local store per run, so tests never see another run's carts or orders.
const dataDir = path.join(os.tmpdir(), `d3k2-e2e-${process.pid}-${Date.now()}`);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    // The country the edge names for every request (lib/analytics/country-rules.ts): a shopper where no
    // privacy banner is required, unless a test says otherwise (tests/e2e/consent.spec.ts).
    extraHTTPHeaders: { 'X-Visitor-Country': 'US' },
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: browser?.path,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npm run build && npm run start -- -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/products/vitamin-d3-k2`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      SITE_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: '1',
      LOCAL_STORE_DATA_DIR: dataDir,
      REVALIDATE_SECRET: 'e2e-revalidate-secret',
      LOCAL_CHECKOUT: 'enabled',
      ...E2E_BUILD_ENV,
    },
  },
});
