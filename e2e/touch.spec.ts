// Touch: everything on the ring works by tap (no hover-only affordances): a tap on a server opens
// its actions, the visible "Multi-select" switch or a long press picks servers for a partition,
// and a tap on a link picks it for the Network tab's loss/delay/cut controls.
import { expect, test } from './fixtures';
import { clearPointOnLink } from './ring-points';

test.use({ hasTouch: true, isMobile: false, viewport: { width: 1024, height: 768 } });

test('tap a server for its actions; multi-select and long-press pick servers; tap a link to pick it', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  await zoo.seek(3000);
  await page.getByTestId('server-2').tap();
  await expect(page.getByTestId('tab-inspector')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('action-crash')).toBeVisible();
  const clientId = (await zoo.view<{ clients: { id: string }[] }>()).clients[0]!.id;
  await page.getByTestId(`client-${clientId}`).tap();
  await expect(page.getByTestId('action-expire')).toBeVisible();

  await page.getByTestId('multi-select').tap();
  await expect(page.getByTestId('multi-select')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('server-4').tap();
  await page.getByTestId('server-5').tap();
  await expect(page.getByTestId('server-4')).toHaveAttribute('data-picked', 'true');
  await expect(page.getByTestId('server-5')).toHaveAttribute('data-picked', 'true');
  await expect(page.getByTestId('multi-select')).toContainText('(2)');
  await page.getByTestId('server-5').tap();
  await expect(page.getByTestId('server-5')).toHaveAttribute('data-picked', 'false');
  await page.getByTestId('multi-select').tap();

  // A long press picks without the switch (and does not open the inspector).
  const box = (await page.getByTestId('server-1').locator('.server-body').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(800);
  await page.mouse.up();
  await expect(page.getByTestId('server-1')).toHaveAttribute('data-picked', 'true');
  await expect(page.getByTestId('server-1')).toHaveAttribute('aria-pressed', 'false');

  const onLink = await clearPointOnLink(page, 'link-2-5');
  await page.touchscreen.tap(onLink.x, onLink.y);
  await expect(page.getByTestId('tab-network')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('link-from')).toHaveValue('2');
  await expect(page.getByTestId('link-to')).toHaveValue('5');
  await expect(page.getByTestId('select-server-1')).toBeChecked();
  await expect(page.getByTestId('select-server-4')).toBeChecked();
  await expect(page.getByTestId('action-partition-selected')).toBeEnabled();
});
