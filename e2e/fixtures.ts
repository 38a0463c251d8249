import { test as base, expect, type Page } from '@playwright/test';

/**
 * The test hook the app exposes on `window.__zooscope` (see src/ui). Only the members the
 * e2e page object uses are listed; `view()` returns whatever the app chooses to expose.
 * Deliberately not a `declare global` augmentation of Window, so it cannot clash with the
 * app's own declaration when both are type-checked together.
 */
export interface ZooscopeHook {
  ready(): Promise<void> | void;
  view(): unknown;
  pause(): Promise<void> | void;
  play(speed?: number): Promise<void> | void;
  seek(ms: number): Promise<void> | void;
}
type WithHook = { __zooscope?: ZooscopeHook };

export class Zoo {
  /** Console errors and uncaught page errors seen so far; asserted empty after each test. */
  readonly consoleErrors: string[] = [];
  private readonly allowed: RegExp[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (this.allowed.some((re) => re.test(text))) return;
      const loc = msg.location();
      this.consoleErrors.push(`console.error: ${text}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    });
    page.on('pageerror', (err) => {
      if (this.allowed.some((re) => re.test(err.message))) return;
      this.consoleErrors.push(`pageerror: ${err.stack ?? err.message}`);
    });
  }

  /** Tolerate console errors matching `re` for the rest of this test (use sparingly). */
  allowConsoleError(re: RegExp): void {
    this.allowed.push(re);
  }

  /**
   * Navigate to the app and wait until it is ready. `urlFragment` is appended to `/`:
   * `'#seed=7'`, `'?lang=zh-CN'`, or a path such as `'/index.html#x'`.
   */
  async open(urlFragment = ''): Promise<void> {
    const url = urlFragment.startsWith('/') ? urlFragment : `/${urlFragment}`;
    await this.page.goto(url);
    await this.ready();
  }

  /** Wait for `window.__zooscope` to exist, then for its `ready()` promise. */
  async ready(): Promise<void> {
    await this.page.waitForFunction(() => !!(window as unknown as WithHook).__zooscope);
    await this.page.evaluate(async () => {
      await (window as unknown as WithHook).__zooscope!.ready();
    });
  }

  /** Snapshot of the app's state via `window.__zooscope.view()` (must be structured-cloneable). */
  async view<T = any>(): Promise<T> {
    return (await this.page.evaluate(() => (window as unknown as WithHook).__zooscope!.view())) as T;
  }

  async pause(): Promise<void> {
    await this.page.evaluate(async () => {
      await (window as unknown as WithHook).__zooscope!.pause();
    });
  }

  async play(speed = 1): Promise<void> {
    await this.page.evaluate(async (s) => {
      await (window as unknown as WithHook).__zooscope!.play(s);
    }, speed);
  }

  async seek(ms: number): Promise<void> {
    await this.page.evaluate(async (t) => {
      await (window as unknown as WithHook).__zooscope!.seek(t);
    }, ms);
  }
}

/**
 * `test` with a `zoo` page object. The fixture is automatic, so every test using this `test`
 * fails if the page logged a console error or threw an uncaught error, even without
 * mentioning `zoo`.
 */
export const test = base.extend<{ zoo: Zoo }>({
  zoo: [
    async ({ page }, use) => {
      const zoo = new Zoo(page);
      await use(zoo);
      expect(zoo.consoleErrors, 'console errors / page errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
