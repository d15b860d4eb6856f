import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { PEOPLE, receive, signIn } from '../helpers/console';
import { shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

/** Each step waits for a round trip to main; a loaded machine gets time (a bound, not a speed assumption). */
const WAIT = { timeout: 10_000 };

/** A computed style of the element, read in the page (this project's Node types have no DOM; `name` goes as the argument). */
const computed = (el: unknown, name: string) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el)[name];

const PILL = { en: { open: 'Open', pending: 'Pending' }, ar: { open: 'مفتوحة', pending: 'معلّقة' } } as const;

describe('the conversation header is a row of actions, not a settings form (Chromium)', () => {
  it.each(['en', 'ar'] as const)('%s: status as a pill, snooze and other statuses in menus, scam report on the message pointed at, a quiet clean verdict', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const a = receive(bridge, { contact: 'Omar Farouk', text: 'Where is my parcel?' });
      const b = receive(bridge, { contact: 'Salma Idris', text: 'Did you refund me?' });
      await signIn(page, PEOPLE.agent);
      const row = (id: number) => page.locator(`[data-testid=conversation-row][data-id="${id}"]`);
      await row(b).click();
      const pill = page.getByTestId('status-pill');
      await expect.poll(() => pill.textContent(), WAIT).toBe(PILL[lang].open);
      // No drop-down for the status or the snooze time in the header.
      expect(await page.locator('.thread-header select').count()).toBeLessThanOrEqual(1);
      expect(await page.getByTestId('status-select').count()).toBe(0);

      // The scam report waits on the message the agent points at.
      const report = page.getByTestId('message').first().getByTestId('report-scam');
      expect(await report.evaluate(computed, 'opacity')).toBe('0');
      await page.getByTestId('message').first().hover();
      await expect.poll(() => report.evaluate(computed, 'opacity'), WAIT).toBe('1');

      // A clean draft says so quietly: no coloured banner.
      await page.getByTestId('composer').fill(lang === 'ar' ? 'سأتحقق من ذلك الآن.' : 'Thanks Omar, a colleague will call you today.');
      const verdict = page.getByTestId('verdict');
      // The guard's verdict comes after a pause in typing and a call to main.
      await expect.poll(() => verdict.getAttribute('data-verdict'), WAIT).toBe('allow');
      expect(await verdict.evaluate(computed, 'backgroundColor')).toBe('rgba(0, 0, 0, 0)');
      await page.getByTestId('composer').fill('');

      await page.getByTestId('more').click();
      await page.getByTestId('more-status-pending').click();
      await expect.poll(() => bridge.core.store.conversations.get(b).status, WAIT).toBe('pending');
      await shot(page, 'conversation-header-menu', lang);

      await row(a).click();
      // a's header, not b's: "Open" alone could still be b's pill, and the snooze would land on b (seen once on a loaded machine)
      await expect.poll(() => page.locator('.thread-header h2').textContent(), WAIT).toBe('Omar Farouk');
      await expect.poll(() => pill.textContent(), WAIT).toBe(PILL[lang].open);
      await page.getByTestId('snooze').click();
      await page.getByTestId('snooze-menu').waitFor();
      await shot(page, 'conversation-header-snooze', lang);
      await page.getByTestId('snooze-1h').click();
      await expect.poll(() => bridge.core.store.conversations.get(a).status, WAIT).toBe('snoozed');
      const until = bridge.core.store.conversations.get(a).snoozedUntil!;
      expect(until - Date.now()).toBeGreaterThan(50 * 60_000);
      // Snoozed under "Open": it leaves the list.
      await expect.poll(() => row(a).count(), WAIT).toBe(0);
      // A filter whose list is empty shows no conversation beside it, not the one opened before.
      await page.getByTestId('filter-status').selectOption('pending');
      await row(b).click();
      await expect.poll(() => pill.textContent(), WAIT).toBe(PILL[lang].pending);
      await page.getByTestId('filter-status').selectOption('resolved');
      await page.getByTestId('no-conversation').waitFor();
      expect(await page.getByTestId('conversation').count()).toBe(0);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
