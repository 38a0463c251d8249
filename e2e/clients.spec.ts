// Clients, sessions and the data tree in the browser (the default scenario: five servers, c1 and
// c2 connecting at start). Actions go in while paused at a fixed time; a seek drops the records
// it jumps over, so the steps whose outcome shows in the event list play instead.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface View {
  servers: { id: number; role: string }[];
  clients: { id: string; state: string; server: number | null; sessionId: string | null }[];
  znodes: { path: string; ephemeralOwner: string | null }[];
}

const znode = (page: Page, path: string) => page.locator(`[data-testid="znode"][data-path="${path}"]`);

async function send(page: Page, client: string, op: string, path: string, options: { mode?: string; data?: string } = {}): Promise<void> {
  const console = page.getByTestId('console');
  await console.getByTestId('console-client').selectOption(client);
  await console.getByTestId('console-op').selectOption(op);
  if (options.mode) await console.getByTestId('console-mode').selectOption(options.mode);
  await console.getByTestId('console-path').fill(path);
  if (options.data !== undefined) await console.getByTestId('console-data').fill(options.data);
  await console.getByTestId('console-send').click();
}

test('an EPHEMERAL node created from the console shows in the tree, and goes away when its session expires', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.seek(3_000);
  await expect(page.getByTestId('client-c1')).toHaveAttribute('data-state', 'CONNECTED');
  await expect(page.getByTestId('client-c2')).toHaveAttribute('data-state', 'CONNECTED');

  await send(page, 'c1', 'create', '/eph', { mode: 'EPHEMERAL', data: 'mine' });
  await zoo.play(1);
  await expect(znode(page, '/eph')).toBeVisible();
  await expect(znode(page, '/eph')).toContainText('c1'); // its owner, by client label
  await expect(page.getByTestId('console-result')).toContainText('create /eph → OK');
  const view = await zoo.view<View>();
  const c1 = view.clients.find((client) => client.id === 'c1')!;
  expect(view.znodes.find((node) => node.path === '/eph')!.ephemeralOwner).toBe(c1.sessionId);

  await page.getByTestId('client-c1').click();
  await expect(page.getByTestId('inspector')).toContainText('c1');
  await page.getByTestId('action-expire').click();
  await expect(page.getByTestId('client-c1')).toHaveAttribute('data-state', 'EXPIRED');
  await page.getByTestId('tab-znodes').click();
  await expect(znode(page, '/')).toBeVisible();
  await expect(znode(page, '/eph')).toHaveCount(0);
});

test('an isolated minority server stops serving writes while the majority still commits', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.seek(3_000);
  await expect(page.getByTestId('client-c2')).toHaveAttribute('data-state', 'CONNECTED');
  const view = await zoo.view<View>();
  const c1 = view.clients.find((client) => client.id === 'c1')!;
  const c2 = view.clients.find((client) => client.id === 'c2')!;
  const isolated = c2.server!;
  expect(isolated).not.toBe(c1.server);
  expect(view.servers.find((server) => server.id === isolated)!.role, 'c2 talks to a follower').toBe('FOLLOWING');

  await page.getByTestId(`server-${isolated}`).click();
  await page.getByTestId('action-isolate').click();
  await send(page, 'c2', 'create', '/minority', { mode: 'PERSISTENT', data: 'lost' });
  await send(page, 'c1', 'create', '/majority', { mode: 'PERSISTENT', data: 'kept' });
  await zoo.play(1);
  await page.getByTestId('tab-znodes').click();
  await expect(znode(page, '/majority')).toBeVisible();
  await expect(znode(page, '/minority')).toHaveCount(0);
  await expect(page.getByTestId('console-result')).toContainText('create /majority → OK');

  // A follower gives up on its leader after syncLimit ticks without a packet, then looks for one.
  await zoo.seek(16_000);
  await expect(page.getByTestId(`server-${isolated}`)).toHaveAttribute('data-role', 'LOOKING');
  await expect(znode(page, '/majority')).toBeVisible();
  await expect(znode(page, '/minority')).toHaveCount(0);
});
