// Faults from the UI that enter the input log: a partition of servers chosen by selection, loss
// and delay on a link, a one-way cut; and the share URL replays them. Plus the per-server znode
// tree (a lagging replica visibly behind) and the timeline's keyboard access.
import { expect, test } from './fixtures';
import { clearPointOnLink } from './ring-points';
import { DEMOS } from '../src/engine/scenario/demos';
import { parseRunJson } from '../src/engine/scenario/run-input';
import { createWorld } from '../src/engine/world';
import type { WorldView } from '../src/engine/world/view';

async function reopen(page: import('@playwright/test').Page, url: string): Promise<void> {
  await page.goto('about:blank'); // a hash-only change would not reload the app
  await page.goto(url);
  await page.waitForFunction(() => !!window.__zooscope);
  await page.evaluate(() => window.__zooscope!.ready());
}

test('partition the selected servers from the rest: the minority stops serving, and the share URL replays it', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await zoo.seek(3000);
  const before = await zoo.view<WorldView>();
  expect(before.servers.every((server) => server.serving)).toBe(true);
  // One by shift-click on the ring, one by Shift+Enter from the keyboard; the Network tab's
  // checkboxes show the same selection (and change it too).
  await page.getByTestId('server-4').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('server-4')).toHaveAttribute('data-picked', 'true');
  await page.getByTestId('server-5').focus();
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByTestId('server-5')).toHaveAttribute('data-picked', 'true');
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('select-server-4')).toBeChecked();
  await page.getByTestId('select-server-5').uncheck();
  await expect(page.getByTestId('server-5')).toHaveAttribute('data-picked', 'false');
  await page.getByTestId('select-server-5').check();
  await page.getByTestId('action-partition-selected').click();
  await expect.poll(async () => (await zoo.view<WorldView>()).network.partition).toEqual([[4, 5], [1, 2, 3]]);
  await zoo.seek(20_000);
  const after = await zoo.view<WorldView>();
  expect(after.servers.filter((server) => server.id >= 4).map((server) => server.serving)).toEqual([false, false]);
  const leader = after.servers.find((server) => server.role === 'LEADING' && server.serving);
  expect(leader && leader.id <= 3).toBe(true);

  const url = await page.evaluate(() => window.__zooscope!.shareUrl());
  await reopen(page, url);
  const replayed = await zoo.view<WorldView>();
  expect(replayed.timeMs).toBe(20_000);
  expect(replayed.network.partition).toEqual([[4, 5], [1, 2, 3]]);
  expect(replayed.servers.map((server) => [server.id, server.role, server.serving])).toEqual(after.servers.map((server) => [server.id, server.role, server.serving]));
});

test('loss, delay and a one-way cut on a link enter the share URL; reloading it shows the same network', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await zoo.seek(2000);
  // Pick the link by clicking it on the ring.
  const onLink = await clearPointOnLink(page, 'link-1-4');
  await page.mouse.click(onLink.x, onLink.y);
  await expect(page.getByTestId('tab-network')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('link-from')).toHaveValue('1');
  await expect(page.getByTestId('link-to')).toHaveValue('4');
  await page.getByTestId('link-latency').fill('800');
  await page.getByTestId('action-delay').click();
  await page.getByTestId('link-loss').fill('30');
  await page.getByTestId('action-loss').click();
  await page.getByTestId('action-cut').click();
  const rules = [
    { from: 1, to: 4, latencyMsMin: 800, latencyMsMax: 800, lossRatio: 0.3 },
    { from: 4, to: 1, latencyMsMin: 800, latencyMsMax: 800, lossRatio: 0.3 },
  ];
  const sorted = (list: { from: number; to: number }[]) => [...list].sort((a, b) => a.from - b.from || a.to - b.to);
  await expect.poll(async () => sorted((await zoo.view<WorldView>()).network.slowLinks)).toEqual(rules);
  await expect.poll(async () => (await zoo.view<WorldView>()).network.cuts).toEqual([{ from: 1, to: 4 }]);
  await expect(page.getByTestId('link-rules')).toContainText('1 → 4: 800–800 ms, loss 30%');
  await expect(page.getByTestId('action-cut')).toHaveText('Restore 1 → 4');
  await zoo.seek(2500);
  const original = await zoo.view<WorldView>();

  const url = await page.evaluate(() => window.__zooscope!.shareUrl());
  await reopen(page, url);
  const replayed = await zoo.view<WorldView>();
  expect(replayed.timeMs).toBe(2500);
  expect(sorted(replayed.network.slowLinks)).toEqual(rules);
  expect(replayed.network.cuts).toEqual([{ from: 1, to: 4 }]);
  expect(replayed.messages.map((message) => message.id)).toEqual(original.messages.map((message) => message.id));
  await page.getByTestId('tab-network').click();
  await expect(page.getByTestId('link-rules')).toContainText('4 → 1: 800–800 ms, loss 30%');
});

/** A time in the stale-read demo when server 1 (behind a 3 s delay from the leader) lacks /v's new value. */
function laggingMoment(): { timeMs: number; leader: number } {
  const demo = DEMOS.find((entry) => entry.id === 'stale-read-sync')!;
  const input = parseRunJson(demo.scenario);
  const world = createWorld(input.scenario, input.inputs, { traceMessages: false });
  for (let guard = 0; guard < 2_000_000 && world.stepEvent(); guard++) {
    const view = world.view();
    const leader = view.servers.find((server) => server.role === 'LEADING' && server.serving);
    const onLeader = view.znodes.find((node) => node.path === '/v');
    const onOne = world.serverTree(1)?.znodes?.find((node) => node.path === '/v');
    if (leader && onLeader && onOne && onLeader.version === 1 && onOne.version === 0) return { timeMs: view.timeMs + 100, leader: leader.id };
  }
  throw new Error('server 1 never lagged');
}

test('the Znodes tab shows any server\'s own tree: a lagging replica is visibly behind', async ({ page, zoo }) => {
  const moment = laggingMoment();
  await zoo.open();
  const url = await page.evaluate(() => window.__zooscope!.catalog().scenarios.find((entry: { id: string }) => entry.id === 'stale-read-sync')!.url);
  await reopen(page, `${url}&t=${moment.timeMs}`);
  await zoo.seek(moment.timeMs);
  await page.getByTestId('tab-znodes').click();
  await expect(page.locator('[data-testid="znode"][data-path="/v"]')).toContainText('v1');
  await page.getByTestId('tree-server').selectOption('1');
  await expect(page.getByTestId('replica-badge')).toHaveAttribute('data-behind', 'true');
  await expect(page.getByTestId('replica-badge')).toContainText('behind');
  const v = page.locator('[data-testid="znode"][data-path="/v"]');
  await expect(v).toHaveAttribute('data-status', 'older');
  await expect(v).toContainText('v0');
  // The leader's own tree is up to date with itself; back to the default shows the leader's again.
  await page.getByTestId('tree-server').selectOption(String(moment.leader));
  await expect(page.getByTestId('replica-badge')).toHaveAttribute('data-behind', 'false');
  await page.getByTestId('tree-server').selectOption('');
  await expect(page.getByTestId('replica-badge')).toHaveCount(0);
  await expect(v).toContainText('v1');
});

test('the timeline works from the keyboard: arrows, Shift+arrows, Home, End, Enter on a marker', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await zoo.seek(5000);
  const time = async () => (await zoo.view<WorldView>()).timeMs;
  const slider = page.getByTestId('timeline-playhead');
  await expect(slider).toHaveAttribute('role', 'slider');
  await expect(slider).toHaveAttribute('aria-label', /Timeline/);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect.poll(time).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(time).toBe(100);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(time).toBe(1100);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(time).toBe(1000);
  await page.keyboard.press('End');
  await expect.poll(time).toBe(5000);
  await expect(slider).toHaveAttribute('aria-valuenow', '5000');
  // The first election's marker: Enter goes to the moment the leader was established.
  const mark = page.getByTestId('timeline-mark').first();
  const markTime = Number(await mark.getAttribute('data-t'));
  expect(markTime).toBeGreaterThan(0);
  await expect(mark).toHaveAttribute('aria-label', /server \d leads epoch/);
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect.poll(time).toBe(markTime);
});
