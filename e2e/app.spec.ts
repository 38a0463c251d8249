import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
// Brings in the app's typed window.__zooscope declaration (CONTRACT.md section 3).
import type {} from '../src/ui/test-api';

interface ServerSummary { id: number; role: string; alive: boolean; epoch: number; lastZxid: number }
interface View { timeMs: number; servers: ServerSummary[]; messages: unknown[]; network: unknown; clients: unknown[]; znodes: unknown[] }

const server = (page: Page, id: number) => page.getByTestId(`server-${id}`);

test('the page loads: five servers on the ring, the contract view, the demo catalog', async ({ page, zoo }) => {
  await zoo.open();
  await expect(page).toHaveTitle('ZooScope');
  await expect(server(page, 1)).toBeVisible();
  const view = await zoo.view<View>();
  expect(view.servers.map((entry) => entry.id)).toEqual([1, 2, 3, 4, 5]);
  for (const entry of view.servers) expect(Object.keys(entry)).toEqual(expect.arrayContaining(['id', 'role', 'epoch', 'lastZxid', 'alive']));
  expect(Array.isArray(view.clients) && Array.isArray(view.znodes)).toBe(true);
  await expect(server(page, 1)).toHaveAttribute('data-role', view.servers[0]!.role);
  const catalog = await page.evaluate(() => window.__zooscope!.catalog());
  expect(catalog.walkthroughs.length).toBeGreaterThanOrEqual(1);
  for (const entry of catalog.walkthroughs) expect(entry).toMatchObject({ id: expect.any(String), title: expect.any(String), languages: ['en', 'zh-CN'], checkpoints: expect.any(Number) });
  expect(catalog.scenarios.length).toBeGreaterThanOrEqual(12);
  for (const scenario of catalog.scenarios) expect(scenario.url).toMatch(/#s=1\.[A-Za-z0-9_-]+$/);
});

test('the worker sends frames: simulated time advances while playing, and stands still when paused', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.play(1);
  const start = (await zoo.view<View>()).timeMs;
  await expect.poll(async () => (await zoo.view<View>()).timeMs).toBeGreaterThan(start + 100);
  await zoo.pause();
  const paused = (await zoo.view<View>()).timeMs;
  await page.waitForTimeout(300);
  expect((await zoo.view<View>()).timeMs).toBe(paused);
});

test('play and pause through the buttons', async ({ page, zoo }) => {
  await zoo.open();
  await expect(page.getByTestId('pause')).toBeVisible(); // a fresh run starts playing
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeVisible();
  const paused = (await zoo.view<View>()).timeMs;
  await page.waitForTimeout(250);
  expect((await zoo.view<View>()).timeMs).toBe(paused);
  await page.getByTestId('speed').focus();
  await page.keyboard.press('End'); // 10×
  await expect(page.getByTestId('speed-value')).toHaveText('10×');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('pause')).toBeVisible();
  await expect.poll(async () => (await zoo.view<View>()).timeMs).toBeGreaterThan(paused + 200);
});

test('seek through the test API shows that time; the time slider rewinds', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await zoo.seek(6000);
  expect((await zoo.view<View>()).timeMs).toBe(6000);
  await expect(page.getByTestId('time-value')).toHaveText('6.000 s');
  await zoo.seek(2500);
  expect((await zoo.view<View>()).timeMs).toBe(2500);
  await expect(page.getByTestId('time-value')).toHaveText('2.500 s');
  const slider = page.getByTestId('time-slider');
  await expect(slider).toHaveAttribute('max', '6000');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await zoo.view<View>()).timeMs).toBe(0);
  await expect(page.getByTestId('time-value')).toHaveText('0.000 s');
});

test('step runs one event; step-interesting runs to the next role change or fault', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  const before = (await zoo.view<View>()).timeMs;
  await page.getByTestId('step').click();
  await expect.poll(async () => (await zoo.view<View>()).timeMs).toBeGreaterThanOrEqual(before);
  await page.getByTestId('step-interesting').click();
  await expect(page.getByTestId('play')).toBeVisible();
});

test('clicking server 3 then crash takes it DOWN; restart brings it back', async ({ page, zoo }) => {
  await zoo.open();
  await server(page, 3).click();
  await expect(page.getByTestId('inspector')).toContainText('server 3');
  await expect(page.getByTestId('action-restart')).toHaveCount(0);
  await page.getByTestId('action-crash').click();
  await expect(server(page, 3)).toHaveAttribute('data-role', 'DOWN');
  await expect(page.getByTestId('action-crash')).toHaveCount(0);
  await page.getByTestId('action-restart').click();
  await expect(server(page, 3)).not.toHaveAttribute('data-role', 'DOWN');
  const view = await zoo.view<View>();
  expect(view.servers.find((entry) => entry.id === 3)!.alive).toBe(true);
});

test("keys: 'k' crashes the selected server when there is no leader, space toggles playback", async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await server(page, 2).click();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('k');
  await expect(server(page, 2)).toHaveAttribute('data-role', 'DOWN');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('pause')).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toBeVisible();
});

test('a bad share fragment shows the error banner and still draws the default run', async ({ page, zoo }) => {
  await zoo.open('#s=1.garbage');
  const banner = page.getByTestId('error-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Could not open the shared run');
  await expect(banner).toContainText('Showing the default scenario instead.');
  await expect(server(page, 1)).toBeVisible();
  await page.getByTestId('error-dismiss').click();
  await expect(banner).toHaveCount(0);
});

test('the share link reproduces the run: same view at the same time, crash included', async ({ page, browser, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await zoo.seek(1500);
  await server(page, 3).click();
  await page.getByTestId('action-crash').click();
  await expect(server(page, 3)).toHaveAttribute('data-role', 'DOWN');
  await zoo.seek(4321);
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/#s=1\.[A-Za-z0-9_-]+&t=4321$/);
  expect(await page.evaluate(() => window.__zooscope!.shareUrl())).toBe(url);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(new URL(url).hash);
  const original = await zoo.view<View>();

  const other = await browser.newPage();
  await other.goto(url);
  await other.waitForFunction(() => !!window.__zooscope);
  await other.evaluate(() => window.__zooscope!.ready());
  await expect(other.getByTestId('server-3')).toHaveAttribute('data-role', 'DOWN');
  await expect(other.getByTestId('play')).toBeVisible(); // opens paused at t
  const reopened = (await other.evaluate(() => window.__zooscope!.view())) as View;
  expect(reopened).toEqual(original);
  await other.close();
});

test('the language switch and lang=zh-CN show Chinese text, protocol words untouched', async ({ page, zoo }) => {
  await zoo.open('#lang=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await zoo.pause();
  await expect(page.getByTestId('play')).toContainText('播放');
  await expect(server(page, 1)).toContainText('LOOKING');
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('play')).toContainText('Play');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
