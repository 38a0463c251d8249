// Screenshot tests of the main views at 1280x720, paused at fixed simulated times, in English and
// Simplified Chinese: the ring after the first election, a server's inspector, the znode tree, the
// recipe panel (lock queue hand-off, the naive lock's herd). Reduced motion and disabled animations
// keep them still; nothing is masked. The panels are shot on their own (their size follows their
// content); the ring and the herd take the whole stage, whose size follows the header's height. Baselines: e2e/screenshots/screenshots.spec.ts/ (update
// with `E2E_PORT=… node scripts/e2e.mjs e2e/screenshots.spec.ts --update-snapshots`, then look).
import type { Page } from '@playwright/test';
import { expect, test, type Zoo } from './fixtures';
import { DEMOS } from '../src/engine/scenario/demos';
import { parseRunJson } from '../src/engine/scenario/run-input';
import { createWorld } from '../src/engine/world';

test.use({ viewport: { width: 1280, height: 720 } });

const SHOT = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.002 } as const;

/** Opens a demo from its share URL, paused at `atMs`, in `lang`. */
async function openDemo(page: Page, zoo: Zoo, id: string, atMs: number, lang: string): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await zoo.open();
  const url = await page.evaluate((demo) => window.__zooscope!.catalog().scenarios.find((entry: { id: string }) => entry.id === demo)!.url, id);
  await page.goto('about:blank');
  await page.goto(`${url}&t=${atMs}&lang=${lang}`);
  await zoo.ready();
  await zoo.pause();
  await zoo.seek(atMs);
  await page.evaluate(() => document.fonts.ready);
  await expect(page.getByTestId('play')).toBeVisible();
}

/** Just after the naive lock's first release: the herd is being woken. */
function herdMoment(): number {
  const demo = DEMOS.find((entry) => entry.id === 'herd-effect')!;
  const input = parseRunJson(demo.scenario);
  const world = createWorld(input.scenario, input.inputs, { traceMessages: false });
  while (world.stepEvent()) {
    const released = world.drain().find((record) => record.type === 'actor' && record.event === 'released' && record.actor.startsWith('N'));
    if (released) return released.t + 60;
  }
  throw new Error('the naive lock was never released');
}

for (const lang of ['en', 'zh-CN']) {
  test.describe(`main views (${lang})`, () => {
    test('the ring after the first election', async ({ page, zoo }) => {
      await openDemo(page, zoo, 'first-election', 600, lang);
      await expect(page.getByTestId('server-5')).toHaveAttribute('data-role', 'LEADING');
      await expect(page.locator('main.stage')).toHaveScreenshot(`ring-first-election-${lang}.png`, SHOT);
    });

    test('the inspector of a server', async ({ page, zoo }) => {
      await openDemo(page, zoo, 'leader-crash', 3500, lang);
      await page.getByTestId('server-4').click();
      await expect(page.getByTestId('action-crash')).toBeVisible();
      await expect(page.getByTestId('inspector')).toHaveScreenshot(`inspector-server-4-${lang}.png`, SHOT);
    });

    test('the znode tree', async ({ page, zoo }) => {
      await openDemo(page, zoo, 'reconnect-keeps-session', 6000, lang);
      await page.getByTestId('tab-znodes').click();
      await expect(page.locator('[data-testid="znode"][data-path="/mine"]')).toBeVisible();
      await expect(page.locator('section.panel.znodes')).toHaveScreenshot(`znode-tree-${lang}.png`, SHOT);
    });

    test('the recipe panel: lock queue hand-off', async ({ page, zoo }) => {
      await openDemo(page, zoo, 'lock-handoff', 10_300, lang);
      await expect(page.getByTestId('recipe-lock')).toBeVisible();
      await expect(page.locator('[data-testid="recipe-entry"][data-actor="B"]')).toHaveAttribute('data-first', 'true');
      await expect(page.getByTestId('recipe-panel')).toHaveScreenshot(`recipes-lock-handoff-${lang}.png`, SHOT);
    });

    test('the recipe panel: the naive lock\'s herd', async ({ page, zoo }) => {
      await openDemo(page, zoo, 'herd-effect', herdMoment(), lang);
      await expect(page.getByTestId('herd-storm')).toBeVisible();
      await expect(page.locator('main.stage')).toHaveScreenshot(`recipes-herd-${lang}.png`, SHOT);
    });
  });
}
