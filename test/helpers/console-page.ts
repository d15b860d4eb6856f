import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningBridge } from '../bridge/server';
import { consoleBridge } from './console';
import { artifactPath } from './browser';

export type ConsoleBridge = Awaited<ReturnType<typeof consoleBridge>>;
export type Lang = 'en' | 'ar' | 'fa';

/** A console window on the bridge, in its own browser context (own cookie, so its own session), collecting errors. */
export async function openWindow(browser: Browser, url: string, opts: { lang?: Lang; width?: number; height?: number; timeoutMs?: number; clock?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 } });
  const page = await context.newPage();
  // `clock`: the page's timers run on a clock the test can move on (`hurryUntil`); it still runs at real speed.
  if (opts.clock) await page.clock.install();
  // A step that cannot happen fails with the locator it waited for, well before the test's own timeout (a suite whose
  // steps cross several processes on a shared machine may allow more).
  page.setDefaultTimeout(opts.timeoutMs ?? 10_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  if (opts.lang && opts.lang !== 'en') await chooseLanguage(page, opts.lang);
  return { page, errors, close: () => context.close() };
}

export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId('language').selectOption(lang);
  await page.waitForFunction(`document.documentElement.lang === '${lang}'`);
}

/** One bridge, one window (in `lang`), closed whatever happens. */
export async function withConsole(
  browser: Browser,
  opts: Parameters<typeof consoleBridge>[0] & { lang?: Lang; clock?: boolean },
  run: (page: Page, bridge: ConsoleBridge, errors: string[]) => Promise<void>,
): Promise<void> {
  const bridge = await consoleBridge(opts);
  const win = await openWindow(browser, bridge.url, { lang: opts.lang, clock: opts.clock });
  try {
    await run(win.page, bridge, win.errors);
  } finally {
    await win.close();
    await bridge.close();
  }
}

/**
 * Moves the page's clock (a window opened with `clock: true`) on a second at a time until `holds`: what the console
 * does on an interval (asking about waiting reveal requests) happens at once instead of at its next tick, whatever the
 * interval. Nothing else is hurried, and nothing is asserted about the interval itself.
 */
export async function hurryUntil(page: Page, holds: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await holds()) return true;
        await page.clock.fastForward(1_000);
        return holds();
      },
      { timeout: timeoutMs, message: what },
    )
    .toBe(true);
}

/** A second person's window on the same bridge (see RunningBridge.anotherWindow). */
export function secondWindow(browser: Browser, bridge: RunningBridge, lang?: Lang) {
  return openWindow(browser, bridge.anotherWindow(), { lang });
}

/** A screenshot kept under test/artifacts, named `<name>-<lang>.png`. */
export function shot(page: Page, name: string, lang: Lang): Promise<Buffer> {
  return page.screenshot({ path: artifactPath(`${name}-${lang}.png`), fullPage: false });
}

/**
 * Opens a conversation from the list, clicking its row until it is the one selected: the list can re-sort under the
 * pointer (a read mark, a request landing) between Playwright's check of the row and its click. Each click is bounded
 * well inside the whole wait: one that stalls on a row still moving must leave time for the next (a page's own
 * default may be as long as the wait).
 */
export async function openConversationRow(page: Page, id: number, timeoutMs = 20_000): Promise<void> {
  const row = page.locator(`[data-testid=conversation-row][data-id="${id}"]`);
  let lastClick = 'none finished';
  try {
    await expect
      .poll(
        async () => {
          lastClick = await row.click({ timeout: 5_000 }).then(
            () => 'it landed',
            (e: Error) => e.message.split('\n')[0]!,
          );
          return row.getAttribute('aria-selected', { timeout: 5_000 });
        },
        { timeout: timeoutMs },
      )
      .toBe('true');
  } catch (e) {
    throw new Error(`Clicking the row of conversation ${id} did not select it (last click: ${lastClick}).`, { cause: e });
  }
}
