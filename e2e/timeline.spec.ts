// The timeline under the ring (leader/epoch bands, click to seek), the swimlane of messages, the
// SVG/PNG export and the high-contrast theme.
import type { Page } from '@playwright/test';
import { expect, test, type Zoo } from './fixtures';

interface View {
  timeMs: number;
  servers: { id: number; role: string; epoch: number }[];
}

/** Plays fast from the start until a leader is elected, then pauses. */
async function runToLeader(zoo: Zoo): Promise<View> {
  await zoo.pause();
  await zoo.play(1);
  await expect.poll(async () => (await zoo.view<View>()).servers.some((server) => server.role === 'LEADING'), { timeout: 15_000 }).toBe(true);
  await zoo.pause();
  return zoo.view<View>();
}

/** Clicks the timeline at simulated time `timeMs`. */
async function clickTimelineAt(page: Page, timeMs: number): Promise<void> {
  const svg = page.getByTestId('timeline').locator('svg.timeline-svg');
  const attrs = await svg.evaluate((element) => ({
    end: Number(element.getAttribute('data-end')), x0: Number(element.getAttribute('data-x0')), x1: Number(element.getAttribute('data-x1')),
  }));
  const x = attrs.x0 + ((attrs.x1 - attrs.x0) * timeMs) / attrs.end;
  await svg.click({ position: { x, y: 18 } });
}

test('the timeline shows a leader band after the first election, and clicking it seeks', async ({ page, zoo }) => {
  await zoo.open();
  const view = await runToLeader(zoo);
  const leader = view.servers.find((server) => server.role === 'LEADING')!;
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toBeVisible();
  const band = timeline.getByTestId('leader-band').last();
  await expect(band).toHaveAttribute('data-server', String(leader.id));
  await expect(band).toHaveAttribute('data-epoch', String(leader.epoch));

  await zoo.seek(3_000);
  expect((await zoo.view<View>()).timeMs).toBe(3_000);
  const end = Number(await timeline.locator('svg.timeline-svg').getAttribute('data-end'));
  const width = await timeline.locator('svg.timeline-svg').evaluate((element) => Number(element.getAttribute('data-x1')) - Number(element.getAttribute('data-x0')));
  const tolerance = Math.max(20, (3 * end) / width);
  await clickTimelineAt(page, 1_000);
  await expect.poll(async () => Math.abs((await zoo.view<View>()).timeMs - 1_000)).toBeLessThanOrEqual(tolerance);
  await expect(page.getByTestId('time-value')).not.toHaveText('3.000 s');
});

test('the swimlane shows message arrows', async ({ page, zoo }) => {
  await zoo.open();
  await runToLeader(zoo);
  await page.getByTestId('tab-swimlane').click();
  const swimlane = page.getByTestId('swimlane');
  await expect(swimlane).toBeVisible();
  // the widest window reaches back to the election traffic
  const zoomOut = page.getByTestId('swimlane-zoom-out');
  while (await zoomOut.isEnabled()) await zoomOut.click();
  await expect.poll(async () => Number(await swimlane.getAttribute('data-arrows'))).toBeGreaterThan(0);
  const box = await swimlane.locator('canvas').boundingBox();
  expect(box!.height).toBeGreaterThan(100);
});

test('export buttons download the ensemble as SVG and PNG', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await zoo.seek(2_000);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
  const svgPath = await svgDownload.path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(svgPath, 'utf8');
  expect(text).toContain('<svg');
  expect(text).toContain('server 1');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
  const png = readFileSync(await pngDownload.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.length).toBeGreaterThan(2_000);
});

test('the contrast toggle switches the high-contrast theme on <html>', async ({ page, zoo }) => {
  await zoo.open();
  const html = page.locator('html');
  await expect(html).not.toHaveAttribute('data-contrast');
  await page.getByTestId('contrast').click();
  await expect(html).toHaveAttribute('data-contrast', '');
  await expect(html).toHaveClass(/high-contrast/);
  await expect(page.getByTestId('contrast')).toHaveAttribute('aria-pressed', 'true');
  const ink = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim());
  expect(ink).toMatch(/^#000(000)?$/);
  await page.getByTestId('contrast').click();
  await expect(html).not.toHaveAttribute('data-contrast');
});
