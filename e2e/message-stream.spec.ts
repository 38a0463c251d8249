// Heavy traffic while playing: the plain dots are streamed as paths (model/message-stream.ts), a
// click on one still opens its message, and pausing gives every message its own element back.
import { uiLoadFragment } from '../bench/ui-scenario';
import { STREAM_ABOVE } from '../src/ui/model/message-stream';
import { expect, test } from './fixtures';

const SLOWEST_SPEED = 0.001;

interface MessagesView { messages: { id: number; label: string }[] }

test('heavy traffic streams as paths while playing, stays clickable, and is elements again when paused', async ({ page, zoo }) => {
  await zoo.open(uiLoadFragment());
  const layer = page.locator('.message-layer');
  await expect(layer).not.toHaveClass(/is-streaming/);
  expect((await zoo.view<MessagesView>()).messages.length).toBeGreaterThan(STREAM_ABOVE);

  // The slowest speed: still playing (so streaming), but a dot found on the screen is still there
  // when the click arrives, however busy the machine running the test.
  await zoo.play(SLOWEST_SPEED);
  await expect(layer).toHaveClass(/is-streaming/);
  // The plain dots are drawn by the paths: many circles there, their elements hidden.
  const drawn = await page.evaluate(() => ({
    arcs: Array.from(document.querySelectorAll('.message-stream-path')).reduce((sum, path) => sum + ((path.getAttribute('d') ?? '').match(/M/g)?.length ?? 0), 0),
    shownElements: Array.from(document.querySelectorAll('g.message')).filter((element) => getComputedStyle(element).display !== 'none').length,
  }));
  expect(drawn.arcs).toBeGreaterThan(STREAM_ABOVE);
  expect(drawn.shownElements).toBeLessThan(drawn.arcs / 4);

  // A click on a streamed dot (one not under a server or another element) opens its message.
  const point = await page.evaluate(() => {
    for (const path of document.querySelectorAll('.message-stream-path')) {
      const box = (path as SVGGraphicsElement).ownerSVGElement!.getBoundingClientRect();
      for (const match of (path.getAttribute('d') ?? '').matchAll(/M([\d.-]+),([\d.-]+)/g)) {
        const x = box.left + Number(match[1]) + 7;
        const y = box.top + Number(match[2]);
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    }
    return null;
  });
  expect(point, 'a streamed dot not covered by anything').not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  const inspector = page.getByTestId('message-inspector');
  await expect(inspector).toBeVisible();
  await expect(inspector.getByTestId('message-summary')).not.toBeEmpty();

  // Paused: one element per message again, each visible, and the paths empty.
  await zoo.pause();
  await expect(layer).not.toHaveClass(/is-streaming/);
  const view = await zoo.view<MessagesView>();
  const paused = await page.evaluate(() => ({
    shown: Array.from(document.querySelectorAll('g.message')).filter((element) => getComputedStyle(element).display !== 'none').length,
    pathData: Array.from(document.querySelectorAll('.message-stream-path')).filter((path) => path.hasAttribute('d')).length,
  }));
  expect(paused.pathData).toBe(0);
  expect(paused.shown).toBe(view.messages.length);
});
