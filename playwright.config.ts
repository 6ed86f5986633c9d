import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { findChrome, CHROME_ARGS } from './scripts/browser.mjs';

const PORT = Number(process.env['PORT'] ?? 4322);
const executablePath = findChrome();

// E2E tests run against the built site (`dist/`) served by `astro preview`; build first.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // One worker per core, here and in CI (Playwright's default is half the cores). More would only
  // queue: each worker drives a Chromium, and the preview server needs some CPU as well.
  workers: availableParallelism(),
  retries: 0,
  timeout: 30_000,
  reporter: process.env['CI'] ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    ...devices['Desktop Chrome'],
    launchOptions: executablePath ? { executablePath, args: CHROME_ARGS } : { args: CHROME_ARGS },
    serviceWorkers: 'block',
    // Each test gets the worker's one context and page back, emptied (Playwright's reuseContext: pages
    // closed but one, storage, cache, routes, init scripts, exposed functions, viewport and media reset,
    // the page taken to about:blank), instead of a new context and page: on this 2-core machine a new
    // context and page took about 0.8 s against 0.4 s for the reset, and the browser tests 341 instead
    // of 556 s (README, "Performance budgets"). What the reset keeps, and so what a test must not rely
    // on: CONTRIBUTING, "Browser tests". A test whose options differ (javaScriptEnabled: false) gets a
    // context of its own, as before.
    reuseContext: true,
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
