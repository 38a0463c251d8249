import { expect, test } from './fixtures';

test('app boots: hook ready, server-1 visible, no console or page errors', async ({ page, zoo }) => {
  // Collect explicitly as well (the zoo fixture also checks after the test).
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));

  await page.goto('/');
  await page.waitForFunction(() => !!(window as unknown as { __zooscope?: unknown }).__zooscope);
  await page.evaluate(async () => {
    await (window as unknown as { __zooscope: { ready(): Promise<void> } }).__zooscope.ready();
  });

  await expect(page.locator('[data-testid="server-1"]')).toBeVisible();
  expect(errors).toEqual([]);
  expect(zoo.consoleErrors).toEqual([]);
});
