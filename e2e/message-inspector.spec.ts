// Clicking a message in flight opens it in the inspector: its route, times, every payload field,
// and for an election notification why its vote wins or loses, in both languages.
import type { Page } from '@playwright/test';
import { expect, test, type Zoo } from './fixtures';

interface MessageInView { id: number; from: number; to: number; label: string }

async function openFirstElection(page: Page, zoo: Zoo, atMs: number, lang: string): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await zoo.open();
  const url = await page.evaluate(() => (window as unknown as { __zooscope: { catalog(): { scenarios: { id: string; url: string }[] } } })
    .__zooscope.catalog().scenarios.find((entry) => entry.id === 'first-election')!.url);
  await page.goto('about:blank');
  await page.goto(`${url}&t=${atMs}&lang=${lang}`);
  await zoo.ready();
  await zoo.pause();
  await zoo.seek(atMs);
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`a notification in flight opens in the inspector with its fields and its vote verdict (${lang})`, async ({ page, zoo }) => {
    await openFirstElection(page, zoo, 1, lang);
    const view = await zoo.view<{ messages: MessageInView[] }>();
    // Dots can overlap on the ring: take a notification whose dot is on top (what a click hits).
    const onTop = await page.evaluate(() => Array.from(document.querySelectorAll('g.message[data-label="NOTIFICATION"]')).map((element) => {
      const box = element.querySelector('circle')!.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return hit?.closest('g.message') === element ? Number(element.getAttribute('data-message-id')) : null;
    }).filter((id) => id !== null));
    const notification = view.messages.find((message) => message.label === 'NOTIFICATION' && onTop.includes(message.id));
    expect(notification, 'a NOTIFICATION in flight at 1 ms, not hidden under another dot').toBeDefined();

    // A real click on the dot's centre (its own label may overlap the dot, which is fine).
    const dot = (await page.locator(`g.message[data-message-id="${notification!.id}"] circle`).boundingBox())!;
    await page.mouse.click(dot.x + dot.width / 2, dot.y + dot.height / 2);
    const inspector = page.getByTestId('message-inspector');
    await expect(inspector).toBeVisible();
    await expect(inspector.getByTestId('message-summary')).toContainText(`NOTIFICATION LOOKING leader=`);
    const fields = inspector.getByTestId('message-fields');
    for (const name of ['state', 'leader', 'zxid', 'electionEpoch', 'peerEpoch']) await expect(fields.getByText(name, { exact: true })).toBeVisible();
    await expect(fields).toContainText('0:0 (0x0)');
    await expect(inspector).toContainText(`${notification!.from} → ${notification!.to}`);
    const verdict = inspector.getByTestId('vote-verdict');
    if (lang === 'en') {
      await expect(inspector).toContainText('Every field of the payload');
      await expect(verdict).toContainText(new RegExp(`This vote (beats|loses to) server ${notification!.to}'s: same peerEpoch and zxid, (higher|lower) sid`));
    } else {
      await expect(inspector).toContainText('负载的每个字段');
      await expect(verdict).toContainText(new RegExp(`这张选票(胜过|输给) server ${notification!.to} 的选票：peerEpoch 和 zxid 都相同，sid 更(高|低)`));
    }
    await expect(page.locator(`g.message[data-message-id="${notification!.id}"]`)).toHaveAttribute('data-selected', '');
    await inspector.screenshot({ path: test.info().outputPath(`message-inspector-${lang}.png`) });

    // Once it has arrived the inspector says so and keeps showing it.
    await zoo.seek(400);
    await expect(inspector.getByTestId('message-delivered')).toBeVisible();
  });
}
