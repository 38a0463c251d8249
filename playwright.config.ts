import { defineConfig, devices } from '@playwright/test';

// Run through `npm run test:e2e` (scripts/e2e.mjs): it resolves Chromium (installing Debian's
// if needed), builds with Vite and passes the browser path in ZOOSCOPE_CHROMIUM.
// Running `npx playwright test` directly also works after `npx vite build`, if CHROMIUM_PATH
// is set or Playwright's own browser is installed.
const executablePath = process.env.ZOOSCOPE_CHROMIUM || process.env.CHROMIUM_PATH || undefined;

// E2E_PORT and E2E_OUT_DIR let two checkouts (or two people on one machine) run side by side.
const PORT = Number(process.env.E2E_PORT || 4173);
const OUT_DIR = process.env.E2E_OUT_DIR || 'dist';
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUT_DIR ? `test-results-${PORT}` : 'test-results',
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
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${OUT_DIR}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
