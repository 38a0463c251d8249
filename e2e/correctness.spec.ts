// Seeing correctness in the app: a bug-lab scenario opened from its URL breaks an invariant, the
// invariant panel says which and when, "jump to that step" moves the run there, the timeline
// marks it, and the history view draws the clients' ops with the offending window.
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { WorldView } from '../src/engine/world/view';

async function openFromCatalog(page: Page, id: string, atMs: number): Promise<void> {
  const url = await page.evaluate((wanted) => window.__zooscope!.catalog().scenarios.find((entry: { id: string }) => entry.id === wanted)!.url, id);
  await page.goto('about:blank'); // a hash-only change would not reload the app
  await page.goto(`${url}&t=${atMs}`);
  await page.waitForFunction(() => window.__zooscope);
  await page.evaluate(() => window.__zooscope!.ready());
}

test('a bug-lab run: the panel marks the broken invariant, jump-to-step seeks there, the timeline marks it', async ({ page, zoo }) => {
  await zoo.open();
  await openFromCatalog(page, 'bug-commit-before-quorum', 50_000);
  await zoo.seek(50_000);
  await page.getByTestId('tab-invariants').click();
  const lost = page.getByTestId('invariant-CommittedNeverLost');
  await expect(lost).toHaveAttribute('data-status', 'broken');
  await expect(page.getByTestId('invariant-Leadership')).toHaveAttribute('data-status', 'holds');
  await expect(page.getByTestId('invariant-Linearizability')).toHaveAttribute('data-status', 'broken');
  await expect(page.getByTestId('invariant-summary')).toContainText(/broken/);
  await expect(page.getByTestId('bug-lab-note')).toContainText('CommittedNeverLost catches it');
  await expect(page.getByTestId('tab-invariants')).toHaveClass(/is-alert/);
  await expect(page.getByTestId('timeline-violation').first()).toBeVisible();

  const jump = lost.getByTestId('invariant-jump');
  const brokeAt = Number(await jump.getAttribute('data-time'));
  expect(brokeAt).toBeGreaterThan(0);
  expect(brokeAt).toBeLessThan(50_000);
  expect((await zoo.view<WorldView>()).timeMs).toBe(50_000);
  await jump.click();
  await expect.poll(async () => (await zoo.view<WorldView>()).timeMs).toBe(brokeAt);
  // At the step where it broke, it is broken; just before, it held (and the panel says it will break).
  await expect(lost).toHaveAttribute('data-status', 'broken');
  await zoo.seek(brokeAt - 1);
  await expect(lost).toHaveAttribute('data-status', 'holds');
  await expect(lost.getByTestId('invariant-when')).toContainText(/later/);
});

test('the history view: one row per client, bars with path and result, the offending window', async ({ page, zoo }) => {
  await zoo.open();
  await openFromCatalog(page, 'bug-commit-before-quorum', 50_000);
  await zoo.seek(50_000);
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  await expect(page.getByTestId('history-verdict')).toContainText(/Not linearizable/);
  await expect(page.getByTestId('history-window')).toBeVisible();
  const ops = page.getByTestId('history-op');
  await expect(ops).toHaveCount(2);
  await expect(page.locator('[data-testid="history-op"].is-offending')).toHaveCount(2);
  await expect(page.locator('[data-testid="history-op"][data-client="c3"] title')).toHaveText(/create \/acked → OK/);
  await expect(page.getByTestId('history-explain')).toContainText(/stale read/);
});

test('a correct run: every invariant holds, and the history shows linearization points', async ({ page, zoo }) => {
  await zoo.open();
  await openFromCatalog(page, 'stale-read-sync', 30_000);
  await zoo.seek(30_000);
  await page.getByTestId('tab-invariants').click();
  await expect(page.getByTestId('invariant-summary')).toContainText(/hold/);
  await expect(page.locator('[data-testid^="invariant-"][data-status="broken"]')).toHaveCount(0);
  await page.getByTestId('invariant-Linearizability').getByTestId('show-history').click();
  await expect(page.getByTestId('history-verdict')).toContainText(/^Linearizable/);
  expect(await page.getByTestId('history-row').count()).toBeGreaterThanOrEqual(2);
  expect(await page.getByTestId('history-point').count()).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="history-op"].is-read').first()).toBeVisible();
  await page.getByTestId('lang-zh-CN').click();
  await expect(page.getByTestId('history-verdict')).toContainText('可线性化');
});
