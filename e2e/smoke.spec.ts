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

test('the bundled Chinese font loads from the build (under its CSP) and has the glyphs the UI shows', async ({ page, zoo }) => {
  await page.goto('/#lang=zh-CN');
  await page.evaluate(() => window.__zooscope!.ready());
  const sample = ((await page.getByTestId('server-1').textContent()) ?? '') + ((await page.locator('.app-header').textContent()) ?? '');
  const chinese = [...sample].filter((char) => /[\u4E00-\u9FFF]/u.test(char)).join('');
  expect(chinese.length).toBeGreaterThan(3);
  // Ask for the bundled face by name: it must load (no CSP or path problem) and cover the text.
  const loaded = await page.evaluate(async (text) => {
    const faces = await document.fonts.load("16px 'ZooScope SC'", text);
    return { faces: faces.map((face) => `${face.family} ${face.status}`), covers: document.fonts.check("16px 'ZooScope SC'", text) };
  }, chinese);
  expect(loaded.faces).toContain('ZooScope SC loaded');
  expect(loaded.covers).toBe(true);
  expect(zoo.consoleErrors).toEqual([]);
});
