// The Recipes tab on the four recipe demos: what a student should see at the key moment of each.
import type { Page } from '@playwright/test';
import { expect, test, type Zoo } from './fixtures';

async function openAt(page: Page, zoo: Zoo, id: string, atMs: number): Promise<void> {
  await zoo.open();
  const url = await page.evaluate((demo) => window.__zooscope!.catalog().scenarios.find((entry: { id: string }) => entry.id === demo)!.url, id);
  await page.goto('about:blank');
  await page.goto(`${url}&t=${atMs}`);
  await zoo.ready();
  await zoo.pause();
  await zoo.seek(atMs);
}

const entry = (page: Page, actor: string) => page.locator(`[data-testid="recipe-entry"][data-actor="${actor}"]`);

test('lock hand-off: the queue with its watch arrows, then B holds while A only thinks it does', async ({ page, zoo }) => {
  await openAt(page, zoo, 'lock-handoff', 3500);
  // A run with recipe actors opens on the Recipes tab.
  await expect(page.getByTestId('tab-recipes')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('recipe-entry')).toHaveCount(3);
  await expect(entry(page, 'A')).toHaveAttribute('data-first', 'true');
  await expect(entry(page, 'B')).toHaveAttribute('data-watches', 'A');
  await expect(entry(page, 'C')).toHaveAttribute('data-watches', 'B');
  await expect(page.getByTestId('watch-arrow')).toHaveCount(2);
  await zoo.seek(10_300);
  await expect(entry(page, 'B')).toHaveAttribute('data-first', 'true');
  await expect(entry(page, 'B')).toHaveClass(/is-woken/);
  await expect(entry(page, 'A')).toContainText('thinks it holds');
  await expect(entry(page, 'C')).toHaveAttribute('data-watches', 'B');
});

test('herd effect: a release wakes every naive waiter at once, the recipe wakes one', async ({ page, zoo }) => {
  await openAt(page, zoo, 'herd-effect', 4200);
  await expect(page.getByTestId('herd-storm')).toContainText('woke 4 waiters at once');
  await expect(page.getByTestId('recipe-naive-lock').locator('.rq-row.is-woken')).toHaveCount(4);
  await expect(page.getByTestId('herd-compare')).toContainText('naive lock 4.0, recipe 1.0');
});

test('leader election recipe: E2 is elected after E1\'s session expires', async ({ page, zoo }) => {
  await openAt(page, zoo, 'leader-election-recipe', 3500);
  await expect(page.getByTestId('election-leader')).toHaveText('Leader: E1');
  await zoo.seek(16_000);
  await expect(page.getByTestId('election-leader')).toHaveText('Leader: E2');
  await expect(entry(page, 'E3')).toHaveAttribute('data-watches', 'E2');
});

test('service discovery: P2 leaves the tree, the consumers drop it, P2\'s own cache is stale', async ({ page, zoo }) => {
  await openAt(page, zoo, 'service-discovery', 2500);
  await expect(page.getByTestId('registry-members')).toContainText('P1P2P3');
  await zoo.seek(15_000);
  await expect(page.getByTestId('registry-members')).toContainText('P1P3');
  await expect(entry(page, 'U1')).toHaveAttribute('data-members', 'P1,P3');
  await expect(entry(page, 'U2')).toHaveAttribute('data-members', 'P1,P3');
  await expect(entry(page, 'P2').locator('.chip-gone')).toHaveText('P2');
});
