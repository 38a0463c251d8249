// Screenshots of the UI in a busy state (znodes created from the console, a client selected):
// node scripts/dev/shots-ui.mjs <base-url> <out-dir>  → <out-dir>/{en,zh-CN}-{1280x720,1920x1080}[-<tab>].png
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS } from '../find-chromium.mjs';
const { path } = findChromium({ install: false });
const [base = 'http://127.0.0.1:4173/', out = '/tmp/shots'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
const errors = [];
async function send(page, client, op, path, mode, data) {
  await page.getByTestId('console-client').selectOption(client);
  await page.getByTestId('console-op').selectOption(op);
  if (mode) await page.getByTestId('console-mode').selectOption(mode);
  await page.getByTestId('console-path').fill(path);
  if (data !== undefined) await page.getByTestId('console-data').fill(data);
  await page.getByTestId('console-send').click();
}
for (const lang of ['en', 'zh-CN']) {
  for (const [w, h] of [[1280, 720], [1920, 1080]]) {
    const page = await browser.newPage({ viewport: { width: w, height: h } });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}#lang=${lang}`);
    await page.waitForFunction(() => window.__zooscope);
    await page.evaluate(() => window.__zooscope.ready());
    await page.evaluate(() => window.__zooscope.seek(3000));
    await send(page, 'c1', 'create', '/app', 'PERSISTENT', 'config-v1');
    await send(page, 'c1', 'create', '/app/lock-', 'EPHEMERAL_SEQUENTIAL', '');
    await send(page, 'c2', 'create', '/app/lock-', 'EPHEMERAL_SEQUENTIAL', '');
    await send(page, 'c2', 'getData', '/app');
    await page.evaluate(() => window.__zooscope.play(1));
    await page.waitForTimeout(600);
    await send(page, 'c1', 'setData', '/app', null, 'config-v2');
    await page.waitForTimeout(150);
    await page.evaluate(() => window.__zooscope.play(0.01));
    await page.waitForTimeout(100);
    await page.evaluate(() => window.__zooscope.pause());
    await page.waitForTimeout(2000); // let the "changed" highlights fade
    await page.screenshot({ path: `${out}/${lang}-${w}x${h}.png` });
    for (const tab of ['sessions', 'events']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForTimeout(100);
      await page.screenshot({ path: `${out}/${lang}-${w}x${h}-${tab}.png` });
    }
    await page.getByTestId('server-5').click();
    await page.waitForTimeout(100);
    await page.screenshot({ path: `${out}/${lang}-${w}x${h}-server.png` });
    // Faults: isolate server 4, expire c1's session, then look a few seconds later.
    await page.getByTestId('server-4').click();
    await page.getByTestId('action-isolate').click();
    await page.getByTestId('client-c1').click();
    await page.getByTestId('action-expire').click();
    await page.evaluate(() => window.__zooscope.play(1));
    await page.waitForTimeout(1500);
    await page.evaluate(() => window.__zooscope.pause());
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${lang}-${w}x${h}-faults.png` });
    await page.close();
  }
}
console.log('errors', errors);
await browser.close();
