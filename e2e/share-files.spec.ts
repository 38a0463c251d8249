// Share URLs and scenario files against hostile input (CONTRACT.md section 2, issue #7), and
// Import / Export JSON. Payloads are made with the app's real encoder.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type {} from '../src/ui/test-api';
import { encodeShareFragment } from '../src/engine/scenario/codec';
import { parseRunJson, parseRunText } from '../src/engine/scenario/run-input';
import { decodeScenarioFile } from '../src/engine/scenario/scenario-file';

interface View { timeMs: number; title: string; servers: { id: number; role: string }[]; clients: { id: string }[]; znodes: { path: string; data: string | null }[] }

/** Each payload would set window.__pwned (or open a dialog) if it ever ran. */
const SCRIPTS = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  js: 'javascript:window.__pwned=3',
  svg: '<svg onload=window.__pwned=4>',
  iframe: '<iframe srcdoc="<script>parent.__pwned=5</script>">',
  alert: '"><img src=x onerror=alert(1)>',
};

const HOSTILE = {
  version: 1,
  title: `${SCRIPTS.img} ${SCRIPTS.script}`,
  seed: 3,
  ensemble: { servers: 3 },
  clients: {
    [SCRIPTS.img]: { server: 1 },
    [SCRIPTS.svg]: { server: 2 },
  },
  steps: [
    { await: 'serving' },
    { client: SCRIPTS.img, op: 'create', path: `/${SCRIPTS.iframe.replaceAll('/', '|')}`, data: SCRIPTS.script },
    { client: SCRIPTS.svg, op: 'create', path: `/${SCRIPTS.js}`, data: SCRIPTS.alert },
    { client: SCRIPTS.img, op: 'create', path: '/__proto__', data: SCRIPTS.svg },
  ],
};

function fragmentOf(json: unknown, timeMs?: number): string {
  const run = parseRunJson(json);
  const inputs = run.inputs.map(({ atMs, action }) => ({ atMs, action: action as unknown as Record<string, unknown> }));
  return encodeShareFragment({ scenario: run.scenario, inputs, ...(timeMs === undefined ? {} : { timeMs }) });
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

test('script-bearing titles, client ids, znode names and data from a URL render as text and never run', async ({ page, zoo }) => {
  const dialogs = watchDialogs(page);
  await zoo.open(fragmentOf(HOSTILE, 3000));
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  const view = await zoo.view<View>();
  expect(view.title).toBe(HOSTILE.title);
  expect(view.znodes.map((znode) => znode.path)).toEqual(expect.arrayContaining([`/${SCRIPTS.js}`, '/__proto__']));

  // The text is on screen, literally.
  await expect(page.getByTestId('scenario-title')).toHaveText(HOSTILE.title);
  await expect(page.getByTestId(`client-${SCRIPTS.img}`)).toContainText(SCRIPTS.img);
  await expect(page.getByTestId(`client-${SCRIPTS.svg}`)).toContainText(SCRIPTS.svg);
  const tree = page.getByTestId('znode-tree');
  await expect(tree).toContainText(SCRIPTS.js);
  await expect(tree).toContainText(SCRIPTS.iframe.replaceAll('/', '|'));
  await tree.locator(`[data-path="/${SCRIPTS.js}"] .znode-button`).click();
  await expect(page.getByTestId('inspector')).toContainText(JSON.stringify(SCRIPTS.alert));

  // And nothing of it became markup or ran.
  expect(await page.locator('img[src="x"], iframe, svg[onload], [onerror], [onload]').count()).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].filter((script) => !script.src).length)).toBe(0);
  await page.waitForTimeout(300);
  expect(await pwned(page)).toBeUndefined();
  expect(await page.evaluate(() => Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'))).toBe(false);
  expect(dialogs).toEqual([]);

  // The share link carries the same text back out, unchanged.
  const shared = await page.evaluate(() => window.__zooscope!.shareUrl());
  const other = await page.context().newPage();
  await other.goto(shared);
  await other.waitForFunction(() => !!window.__zooscope);
  await other.evaluate(() => window.__zooscope!.ready());
  await expect(other.getByTestId('scenario-title')).toHaveText(HOSTILE.title);
  expect(await pwned(other)).toBeUndefined();
  await other.close();
});

test('the page forbids inline script (Content-Security-Policy)', async ({ page, zoo }) => {
  await zoo.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/script-src 'self'/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  // Even markup injected on purpose would not run its handler.
  zoo.allowConsoleError(/Content Security Policy|Refused to execute/);
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) refusals.push(message.text());
  });
  await page.evaluate(() => {
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__pwned=9">';
    document.body.append(holder);
  });
  // The handler did fire and was refused by the policy (not merely never triggered).
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  expect(await pwned(page)).toBeUndefined();
});

test('malformed fragments show the reason and open the default scenario', async ({ page, zoo }) => {
  const good = fragmentOf({ version: 1, title: 'Truncated later', ensemble: { servers: 3 }, steps: [{ sleep: 100 }] });
  const cases: [string, RegExp][] = [
    [good.slice(0, Math.floor(good.length * 0.6)), /truncated|corrupt/],
    [good.replace('#s=1.', '#s=7.'), /made by a newer ZooScope/],
    [`#s=1.${'A'.repeat(250_000)}`, /payload too long/],
    [`${good}&t=99999999999999`, /t must be a whole number/],
  ];
  for (const [fragment, reason] of cases) {
    await zoo.open(fragment);
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('Could not open the shared run');
    await expect(banner).toContainText(reason);
    const view = await zoo.view<View>();
    expect(view.title).toBe('Five servers, ready to break');
    expect(view.servers).toHaveLength(5);
    await page.goto('about:blank');
  }
});

test('Export JSON saves the run with the user\'s actions; npm run sim reads the same file', async ({ page, zoo }) => {
  test.setTimeout(90_000); // two runs of the CLI
  await zoo.open();
  await zoo.pause();
  await zoo.seek(1500);
  await page.getByTestId('server-3').click();
  await page.getByTestId('action-crash').click();
  await expect(page.getByTestId('server-3')).toHaveAttribute('data-role', 'DOWN');
  const downloading = page.waitForEvent('download');
  await page.locator('[data-testid="file-menu"] > summary').click();
  await page.getByTestId('export-json').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^zooscope-five-servers-ready-to-break-\d+ms\.json$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const json = JSON.parse(text);
  expect(json).toMatchObject({ version: 1, title: 'Five servers, ready to break', ensemble: { servers: 5 } });
  expect(json.inputs).toEqual([{ atMs: 1500, action: { fault: 'crash', server: 3 } }]);
  // The CLI's own parser (npm run sim) accepts the file, actions included.
  expect(parseRunText(text).inputs).toEqual([{ atMs: 1500, action: { kind: 'fault', fault: 'crash', server: 3 } }]);
  expect(decodeScenarioFile(text).inputs).toHaveLength(1);

  // CONTRACT.md section 2: the browser's share URL and `npm run sim -- --encode-url/--decode-url` agree.
  const shareUrl = await page.evaluate(() => window.__zooscope!.shareUrl());
  const sim = (args: string[], input?: string) => spawnSync('npm', ['run', '--silent', 'sim', '--', ...args], { input, encoding: 'utf8' });
  const encoded = sim(['--encode-url', '-'], text);
  expect(encoded.status).toBe(0);
  expect(new URL(shareUrl).hash.split('&')[0]).toBe(encoded.stdout.trim());
  const decoded = sim(['--decode-url', shareUrl]);
  expect(decoded.status).toBe(0);
  expect(JSON.parse(decoded.stdout)).toEqual(json);
});

test('Import JSON opens a file; a bad file shows why and keeps the current run', async ({ page, zoo }) => {
  await zoo.open();
  await zoo.pause();
  const picker = page.getByTestId('import-json-file');
  const file = { version: 1, title: 'Imported three', seed: 2, ensemble: { servers: 3 }, steps: [], inputs: [{ atMs: 800, action: { fault: 'crash', server: 2 } }] };
  await picker.setInputFiles({ name: 'three.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('scenario-title')).toHaveText('Imported three');
  await zoo.pause();
  await zoo.seek(2000);
  expect((await zoo.view<View>()).servers.map((server) => server.role)[1]).toBe('DOWN');
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=1\./);

  const bad: [string, string, RegExp][] = [
    ['not-json.json', '<html><script>window.__pwned=1</script>', /not valid JSON/],
    ['shape.json', JSON.stringify({ version: 1, steps: [{ fault: 'crash', server: 9 }] }), /steps\[0\]\.server: server 9 is out of range/],
    ['newer.json', JSON.stringify({ version: 4, steps: [] }), /made by a newer ZooScope/],
    ['deep.json', `${'['.repeat(5000)}${']'.repeat(5000)}`, /nested more than 64 levels/],
    ['big.json', `{"version":1,"steps":[],"title":"${'x'.repeat(4_100_000)}"}`, /too large/],
  ];
  for (const [name, text, reason] of bad) {
    await picker.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const banner = page.getByTestId('error-banner');
    await expect(banner).toContainText('Could not open the file');
    await expect(banner).toContainText(reason);
    await expect(banner).toContainText('The current run is unchanged.');
    await expect(page.getByTestId('scenario-title')).toHaveText('Imported three');
    expect((await zoo.view<View>()).servers).toHaveLength(3);
  }
  expect(await pwned(page)).toBeUndefined();
});

test('a scenario file dropped onto the page opens', async ({ page, zoo }) => {
  await zoo.open();
  const text = JSON.stringify({ version: 1, title: 'Dropped in', ensemble: { servers: 7 }, steps: [] });
  await page.evaluate((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, text);
  await expect(page.getByTestId('scenario-title')).toHaveText('Dropped in');
  expect((await zoo.view<View>()).servers).toHaveLength(7);
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
});

test('a run too long for a link is offered as a JSON file by Share, and says why', async ({ page, zoo }) => {
  await zoo.open();
  // Distinct data in every step, so the compressed link cannot stay short.
  let state = 7;
  const noise = (): string => Array.from({ length: 24 }, () => ((state = (state * 1103515245 + 12345) % 2147483648) % 36).toString(36)).join('');
  const steps = [{ await: 'serving' }, ...Array.from({ length: 400 }, (_, index) => ({ client: 'c1', op: 'create', path: `/n${index}`, data: noise() }))];
  await page.getByTestId('import-json-file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, title: 'Long one', steps })) });
  await expect(page.getByTestId('scenario-title')).toHaveText('Long one');
  await page.getByTestId('share').click();
  const note = page.getByTestId('share-too-long');
  await expect(note).toContainText('over 8,000');
  await expect(page.getByTestId('share-url')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('share-download-json').click();
  const saved = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8'));
  expect(saved.title).toBe('Long one');
  expect(saved.steps).toHaveLength(401);
});
