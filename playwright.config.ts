import { defineConfig, devices } from '@playwright/test';

// Run through `npm run test:e2e` (scripts/e2e.mjs): it resolves Chromium (installing Debian's
// if needed), builds with Vite and passes the browser path in ZOOSCOPE_CHROMIUM.
// Running `npx playwright test` directly also works after `npx vite build`, if CHROMIUM_PATH
// is set or Playwright's own browser is installed.
const executablePath = process.env.ZOOSCOPE_CHROMIUM || process.env.CHROMIUM_PATH || undefined;

const PORT = 4173;
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // toHaveScreenshot() baselines live next to the specs (committed); everything else
  // (traces, failure screenshots) goes to the gitignored test-results/.
  snapshotPathTemplate: 'e2e/screenshots/{testFilePath}/{arg}{ext}',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
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
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
