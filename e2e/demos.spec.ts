// Every classroom demo opens from its URL and reaches its outcome, judged on view() (not pixels).
// The end time of each demo comes from running it headless here, in Node, with the same engine.
import type { Page } from '@playwright/test';
import { expect, test, type Zoo } from './fixtures';
import { BUG_LAB, DEMOS } from '../src/engine/scenario/demos';
import { parseRunJson } from '../src/engine/scenario/run-input';
import { createWorld } from '../src/engine/world';
import type { WorldView } from '../src/engine/world/view';

function endTimeMs(scenario: Record<string, unknown>): number {
  const input = parseRunJson(scenario);
  const world = createWorld(input.scenario, input.inputs, { traceMessages: false });
  for (let guard = 0; guard < 5_000_000 && !world.scriptDone(); guard++) if (!world.stepEvent()) break;
  return world.timeMs();
}

test('the catalog lists every demo with a share URL', async ({ page, zoo }) => {
  await zoo.open();
  const catalog = await page.evaluate(() => window.__zooscope!.catalog());
  expect(catalog.scenarios.map((scenario: { id: string }) => scenario.id)).toEqual([...DEMOS, ...BUG_LAB].map((demo) => demo.id));
});

/** Opens catalog entry `id` from its URL at the end of its scenario and returns the view there. */
async function openAtEnd(page: Page, zoo: Zoo, id: string, scenario: Record<string, unknown>): Promise<WorldView> {
  await zoo.open();
  const url = await page.evaluate((wanted) => window.__zooscope!.catalog().scenarios.find((entry: { id: string }) => entry.id === wanted)!.url, id);
  const endMs = endTimeMs(scenario);
  await page.goto('about:blank'); // a hash-only change would not reload the app
  await page.goto(`${url}&t=${endMs}`);
  await page.waitForFunction(() => window.__zooscope);
  await page.evaluate(() => window.__zooscope!.ready());
  await zoo.seek(endMs);
  const view = await zoo.view<WorldView>();
  expect(view.timeMs).toBe(endMs);
  return view;
}

for (const demo of DEMOS) {
  test(`demo ${demo.id} opens from its URL and reaches its outcome`, async ({ page, zoo }) => {
    const view = await openAtEnd(page, zoo, demo.id, demo.scenario);
    expect(view.title).toBe((demo.scenario as { title: string }).title);
    expect(demo.outcome(view)).toBeNull();
  });
}

// Bug-lab entries that are flawed recipes (no engine bug) are judged, like demos, on what the user sees.
for (const demo of BUG_LAB.filter((entry) => entry.outcome !== undefined)) {
  test(`bug lab ${demo.id} opens from its URL and shows its outcome`, async ({ page, zoo }) => {
    const view = await openAtEnd(page, zoo, demo.id, demo.scenario);
    expect(demo.outcome!(view)).toBeNull();
    await expect(page.getByTestId('invariants')).not.toContainText(/violated/);
  });
}

test('the demo picker opens a demo', async ({ page, zoo }) => {
  await zoo.open();
  await page.getByTestId('demo-picker').selectOption('leader-crash');
  await expect(page.getByTestId('scenario-title')).toHaveText('Leader crash');
  expect(page.url()).toContain('#s=1.');
});

test('a bug-lab scenario runs the broken engine and the header says the invariants broke', async ({ page, zoo }) => {
  await zoo.open();
  await page.getByTestId('demo-picker').selectOption('bug-commit-before-quorum');
  await expect(page.getByTestId('scenario-title')).toHaveText('Bug lab: commit-before-quorum');
  await zoo.seek(40_000);
  await expect(page.getByTestId('invariants')).toContainText(/violated/);
});
