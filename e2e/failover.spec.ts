// Zab in the browser: the ensemble elects a leader; killing it from the UI makes the others
// elect a new one with a higher epoch, as real ZooKeeper does (well under a second here).
import { expect, test } from './fixtures';

interface View {
  timeMs: number;
  servers: { id: number; role: string; epoch: number; alive: boolean }[];
}

test('kill the leader from the UI and see a new leader with a higher epoch', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.seek(3_000);
  const before = await zoo.view<View>();
  const leader = before.servers.find((server) => server.role === 'LEADING');
  expect(leader, 'a leader is established after 3 s').toBeDefined();
  expect(before.servers.filter((server) => server.role === 'FOLLOWING')).toHaveLength(4);
  await page.getByTestId(`server-${leader!.id}`).click();
  await page.getByTestId('action-crash').click();
  await expect(page.getByTestId(`server-${leader!.id}`)).toHaveAttribute('data-role', 'DOWN');
  await zoo.seek(4_500);
  const after = await zoo.view<View>();
  const newLeader = after.servers.find((server) => server.role === 'LEADING');
  expect(newLeader, 'a new leader within 1.5 s').toBeDefined();
  expect(newLeader!.id).not.toBe(leader!.id);
  expect(newLeader!.epoch).toBeGreaterThan(leader!.epoch);
  await expect(page.getByTestId(`server-${newLeader!.id}`)).toHaveAttribute('data-role', 'LEADING');
});
