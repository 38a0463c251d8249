// Guided walkthroughs in the browser: every walkthrough opens from its URL and shows, at each
// checkpoint up to its last, the outcome its narration claims (judged on window.__zooscope.view()
// by the walkthrough's own expect); the quiz buttons; "open at checkpoint 3"; both languages;
// bad addresses; presenter keys; embed mode. Checkpoints are reached by seeking, not real time.
import type { Page } from '@playwright/test';
import { WALKTHROUGHS } from '../src/content/walkthroughs/index';
import type { TestWalkthrough } from '../src/ui/test-api';
import { expect, test } from './fixtures';

type Status = TestWalkthrough;

const status = (page: Page): Promise<Status | null> => page.evaluate(() => window.__zooscope!.walkthrough!());

const panel = (page: Page) => page.getByTestId('wt-panel');

/** After Next: skips the real-time play (whenever it shows the Skip button) until `step` is reached. */
async function skipTo(page: Page, step: number): Promise<void> {
  await expect(panel(page)).toHaveAttribute('data-step', String(step));
  await expect(async () => {
    const skip = page.getByTestId('wt-skip');
    if (await skip.isVisible()) await skip.click();
    await expect(panel(page)).toHaveAttribute('data-arrived', 'true', { timeout: 300 });
  }).toPass();
}

/** Waits until the panel stands at `step`, paused exactly at its checkpoint. */
async function arrivedAt(page: Page, step: number): Promise<void> {
  await expect(panel(page)).toHaveAttribute('data-step', String(step));
  await expect(panel(page)).toHaveAttribute('data-arrived', 'true');
}

test('the catalog lists every walkthrough with its languages and checkpoints', async ({ page, zoo }) => {
  await zoo.open();
  const catalog = await page.evaluate(() => window.__zooscope!.catalog());
  expect(catalog.walkthroughs.map((entry) => entry.id)).toEqual(WALKTHROUGHS.map((def) => def.id));
  for (const [index, entry] of catalog.walkthroughs.entries()) {
    expect(entry.languages).toEqual(['en', 'zh-CN']);
    expect(entry.checkpoints).toBe(WALKTHROUGHS[index]!.checkpoints.length);
    expect(entry.title.length).toBeGreaterThan(0);
  }
});

// Every checkpoint's claim is also checked headless (tests/walkthroughs.test.ts); here each
// walkthrough opens from its URL at its first checkpoint and jumps to its last, in the browser.
for (const def of WALKTHROUGHS) {
  test(`walkthrough ${def.id} opens from its URL and reaches its last checkpoint with its outcome`, async ({ page, zoo }) => {
    const last = def.checkpoints.length;
    await zoo.open(`#w=${def.id}&cp=1`);
    for (const step of last > 1 ? [1, last] : [1]) {
      if (step > 1) await page.getByTestId(`wt-dot-${step}`).click();
      await arrivedAt(page, step);
      const checkpoint = def.checkpoints[step - 1]!;
      const now = await status(page);
      expect(now).toMatchObject({ id: def.id, checkpoint: checkpoint.id, atMs: checkpoint.atMs, arrived: true });
      expect(now!.outcome ?? null, `checkpoint ${checkpoint.id}`).toBeNull();
      expect((await zoo.view<{ timeMs: number }>()).timeMs).toBe(checkpoint.atMs);
      if (checkpoint.expect) await expect(panel(page)).toHaveAttribute('data-outcome', 'holds');
    }
    await expect(page).toHaveURL(new RegExp(`#w=${def.id}&cp=${last}(&|$)`));
    await page.getByTestId('wt-next').click();
    await expect(page.getByTestId('wt-answer')).toBeVisible();
    await expect(page.getByTestId('error-banner')).toHaveCount(0);
  });
}

test('election: play to each checkpoint, answer the quizzes with the buttons, end on the answer and myths', async ({ page, zoo }) => {
  test.setTimeout(60_000); // six checkpoints through the real buttons, on a shared machine
  await zoo.open('#w=election');
  await expect(page.getByTestId('wt-title')).toHaveText('How ZooKeeper elects its leader');
  await page.getByTestId('wt-next').click();
  await arrivedAt(page, 1);
  // The prediction: the right option turns green, the explanation shows, the URL records it.
  await page.getByTestId('wt-option-2').click();
  await expect(page.getByTestId('wt-option-2')).toHaveAttribute('data-state', 'right');
  await expect(page.getByTestId('wt-explanation')).toContainText('Right!');
  await expect(page).toHaveURL(/#w=election&cp=1&q=3/);
  // Next plays (the worker pauses exactly at the checkpoint); skip ahead instead of waiting.
  await page.getByTestId('wt-next').click();
  await skipTo(page, 2);
  expect((await zoo.view<{ servers: { id: number; role: string }[] }>()).servers.find((server) => server.id === 5)!.role).toBe('LEADING');
  await expect(page.locator('[data-testid="server-5"][data-wt-focus]')).toHaveCount(1);
  // A wrong answer: marked wrong, the right one shown.
  await page.getByTestId('wt-option-0').click();
  await expect(page.getByTestId('wt-option-0')).toHaveAttribute('data-state', 'wrong');
  await expect(page.getByTestId('wt-option-1')).toHaveAttribute('data-state', 'right');
  await expect(page.getByTestId('wt-explanation')).toContainText('the answer is B');
  for (let step = 3; step <= 6; step++) {
    await page.keyboard.press('PageDown');
    await skipTo(page, step);
    await expect(panel(page)).toHaveAttribute('data-outcome', 'holds');
  }
  await page.getByTestId('wt-next').click();
  await expect(page.getByTestId('wt-answer')).toContainText('Fast Leader Election');
  await expect(page.getByTestId('wt-myth')).toHaveCount(2);
  await expect(page.getByTestId('wt-score')).toHaveText('Quiz: 1 of 3 right.');
  await expect(page).toHaveURL(/#w=election&cp=answer/);
});

test('a link opens at checkpoint 3, paused there, with what it talks about highlighted', async ({ page, zoo }) => {
  await zoo.open('#w=election&cp=3');
  await arrivedAt(page, 3);
  expect(await status(page)).toMatchObject({ checkpoint: 'client', atMs: 620, outcome: null });
  await expect(page.locator('[data-testid="client-c1"][data-wt-focus]')).toHaveCount(1);
  await expect(page.locator('[data-testid="znode"][data-path="/hello"][data-wt-focus]')).toHaveCount(1);
  // Previous seeks back to checkpoint 2.
  await page.getByTestId('wt-prev').click();
  await arrivedAt(page, 2);
  expect((await zoo.view<{ timeMs: number }>()).timeMs).toBe(300);
});

test('Simplified Chinese: the walkthrough text and the controls are in Chinese', async ({ page, zoo }) => {
  await zoo.open('#w=election&cp=1&lang=zh-CN');
  await arrivedAt(page, 1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('wt-title')).toHaveText('ZooKeeper 如何选举 leader');
  await expect(page.getByTestId('wt-progress')).toHaveText('检查点 1 / 6');
  await expect(page.getByTestId('wt-quiz')).toContainText('哪台服务器会成为 leader');
  await page.getByTestId('wt-option-2').click();
  await expect(page.getByTestId('wt-explanation')).toContainText('答对了');
  await expect(page).toHaveURL(/&lang=zh-CN/);
});

test('bad addresses: an unknown walkthrough or checkpoint shows the error banner and the app stays usable', async ({ page, zoo }) => {
  await zoo.open('#w=no-such-thing');
  await expect(page.getByTestId('error-banner')).toContainText('no walkthrough "no-such-thing"');
  await expect(page.getByTestId('server-1')).toBeVisible();
  await expect(panel(page)).toHaveCount(0);
  await page.getByTestId('error-dismiss').click();
  await zoo.open('#w=election&cp=99');
  await expect(page.getByTestId('error-banner')).toContainText('no checkpoint "99"');
  await expect(panel(page)).toHaveAttribute('data-step', '0');
  await page.getByTestId('wt-next').click();
  await expect(panel(page)).toHaveAttribute('data-step', '1');
});

test('the Interview questions menu opens a walkthrough; a demo closes it', async ({ page, zoo }) => {
  await zoo.open();
  await page.getByTestId('walkthrough-picker').selectOption('election');
  await expect(panel(page)).toHaveAttribute('data-step', '0');
  await expect(page).toHaveURL(/#w=election$/);
  await page.getByTestId('demo-picker').selectOption({ index: 1 });
  await expect(panel(page)).toHaveCount(0);
});

test('presenter mode: chrome hidden, remote keys move between checkpoints, blank the screen, spotlight', async ({ page, zoo }) => {
  await zoo.open('#w=election&cp=2&present=1');
  await arrivedAt(page, 2);
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.side-panel')).toBeHidden();
  await page.keyboard.press('PageUp');
  await arrivedAt(page, 1);
  await page.keyboard.press('PageDown');
  await expect(panel(page)).toHaveAttribute('data-step', '2');
  await page.keyboard.press('.');
  await expect(page.getByTestId('presenter-blank')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('presenter-blank')).toHaveCount(0);
  await page.keyboard.press('s');
  await expect(page.getByTestId('presenter-spotlight')).toBeVisible();
  await page.mouse.move(300, 200);
  await expect(page.getByTestId('presenter-spotlight')).toHaveAttribute('style', /--spot-x: 300px/);
  await expect(page).toHaveURL(/&present=1/);
  await page.keyboard.press('p');
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.getByTestId('presenter-bar')).toHaveCount(0);
  // Outside presenter mode '.' is the step key again: it does not blank the screen.
  await page.keyboard.press('.');
  await expect(page.getByTestId('presenter-blank')).toHaveCount(0);
});

test('presenter toggle in the header, and PageDown runs to the next event without a walkthrough', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('.app-header')).toBeHidden();
  const before = (await zoo.view<{ timeMs: number }>()).timeMs;
  await page.keyboard.press('PageDown');
  await expect.poll(async () => (await zoo.view<{ timeMs: number }>()).timeMs).toBeGreaterThan(before);
  await page.getByTestId('presenter-exit').click();
  await expect(page.locator('.app-header')).toBeVisible();
});

test('embed mode: the ring and minimal controls, no header, a link to the full app', async ({ page, zoo }) => {
  await page.setViewportSize({ width: 640, height: 400 });
  await zoo.open('?embed=1#w=election&cp=2');
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(0);
  await expect(page.locator('.side-panel')).toHaveCount(0);
  await expect(page.getByTestId('server-5')).toHaveAttribute('data-role', 'LEADING');
  const link = page.getByTestId('embed-open');
  await expect(link).toBeVisible();
  await expect(link).not.toHaveAttribute('href', /embed=1/);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('pause')).toBeVisible();
});
