import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { MESSAGE_PAGE } from '../../main/ipc/console-contract';
import { consoleBridge, ingestMessage, PEOPLE, receive, signIn } from '../helpers/console';
import { openWindow, shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

/** Each step waits for a round trip to main; a loaded machine gets time (a bound, not a speed assumption). */
const WAIT = { timeout: 10_000 };

/** The thread's scroll position, read in the page. */
const scroll = (page: Page) =>
  page.getByTestId('messages').evaluate((el) => {
    const e = el as unknown as { scrollTop: number; scrollHeight: number; clientHeight: number };
    return { top: e.scrollTop, fromBottom: e.scrollHeight - e.scrollTop - e.clientHeight };
  });

/** WCAG contrast of an element's computed text colour on its computed background (both opaque rgb()). */
const pillContrast = (el: unknown) => {
  const style = (globalThis as unknown as { getComputedStyle(e: unknown): { color: string; backgroundColor: string } }).getComputedStyle(el);
  const lum = (rgb: string) => {
    const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [lum(style.color), lum(style.backgroundColor)].sort((a, b) => b - a);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('issue 22, last items, in Chromium', () => {
  it.each(['en', 'ar'] as const)('%s: new arrivals follow the reader at the bottom and wait on a pill when they read above; status pills pass AA in light and dark', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      // Longer than the thread, shorter than a page: the top is the conversation's start (reaching the top of a
      // longer one reads the page before, which moves what is at the top).
      const lines = MESSAGE_PAGE - 5;
      let id = 0;
      for (let i = 0; i < lines; i++) id = ingestMessage(bridge.core, { contact: 'Rania Haddad', text: `Line ${i + 1} of a long story about my order` });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      await expect.poll(async () => (await page.getByTestId('message').count()) >= lines, WAIT).toBe(true);
      expect((await scroll(page)).top).toBeGreaterThan(0);
      await expect.poll(async () => (await scroll(page)).fromBottom, WAIT).toBeLessThanOrEqual(2);

      // At the bottom: a new message scrolls into view.
      receive(bridge, { contact: 'Rania Haddad', text: 'Are you still there?' });
      await expect.poll(() => page.getByTestId('message').last().textContent(), WAIT).toContain('Are you still there?');
      await expect.poll(async () => (await scroll(page)).fromBottom, WAIT).toBeLessThanOrEqual(2);
      expect(await page.getByTestId('new-messages-pill').count()).toBe(0);

      // Reading further up: the place is kept, the arrivals are counted on the pill.
      await page.getByTestId('messages').evaluate((el) => void ((el as unknown as { scrollTop: number }).scrollTop = 0));
      await expect.poll(async () => (await scroll(page)).top, WAIT).toBe(0);
      receive(bridge, { contact: 'Rania Haddad', text: 'Hello?' });
      receive(bridge, { contact: 'Rania Haddad', text: 'Anyone?' });
      const pill = page.getByTestId('new-messages-pill');
      await expect.poll(() => pill.textContent(), WAIT).toMatch(lang === 'ar' ? /رسالتان جديدتان/ : /2 new messages/);
      expect((await scroll(page)).top).toBe(0);
      await shot(page, 'thread-new-messages-pill', lang);
      await pill.click();
      await expect.poll(async () => (await scroll(page)).fromBottom, WAIT).toBeLessThanOrEqual(2);
      expect(await pill.count()).toBe(0);

      // The status pill in both themes, as Chromium computes it.
      const status = page.getByTestId('status-pill');
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await status.evaluate(pillContrast), colorScheme).toBeGreaterThanOrEqual(4.5);
      }
      await shot(page, 'thread-dark', lang);
      await page.emulateMedia({ colorScheme: 'light' });
      expect(errors, errors.join('\n')).toEqual([]);
    });
  }, 120_000);

  it.each(['en', 'ar'] as const)('%s: a long thread opens at its latest page; scrolling up reads the earlier pages by themselves without moving the reader, to the first message, and they stay through a reload', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const total = 4 * MESSAGE_PAGE + 7;
      let id = 0;
      for (let i = 0; i < total; i++) id = ingestMessage(bridge.core, { contact: 'Sara Karimi', text: `Part ${i + 1} of my complaint` });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      const messages = page.getByTestId('message');
      await expect.poll(() => messages.count(), WAIT).toBe(MESSAGE_PAGE);
      expect(await messages.first().textContent()).toContain(`Part ${total - MESSAGE_PAGE + 1} `);
      // The page fills the thread: nothing more is read until the reader goes up.
      expect(await page.getByTestId('older-messages').textContent()).toBe(lang === 'ar' ? 'عرض الرسائل الأقدم' : 'Show earlier messages');
      expect((await scroll(page)).top).toBeGreaterThan(0);
      expect(await messages.count()).toBe(MESSAGE_PAGE);

      // Up to the top, again and again: each time the page before comes in above, and the message that was first
      // stays where the reader saw it (its distance from the end of the thread is unchanged).
      const firstFromEnd = () =>
        page.getByTestId('messages').evaluate((el) => {
          const list = el as unknown as { scrollHeight: number; querySelector(s: string): { offsetTop: number; textContent: string } | null };
          const first = list.querySelector('[data-testid=message]')!;
          return { text: first.textContent, fromEnd: list.scrollHeight - first.offsetTop };
        });
      let shown = MESSAGE_PAGE;
      while (shown < total) {
        const before = await firstFromEnd();
        await page.getByTestId('messages').evaluate((el) => void ((el as unknown as { scrollTop: number }).scrollTop = 0));
        const expected = Math.min(total, shown + MESSAGE_PAGE);
        await expect.poll(() => messages.count(), WAIT).toBe(expected);
        // The reader's place: what they had at the top is still at the top, the new page above it.
        const kept = await page.getByTestId('messages').evaluate(
          (el, text) => {
            type Box = { getBoundingClientRect(): { top: number } };
            const list = el as unknown as Box & { scrollTop: number; scrollHeight: number; querySelectorAll(s: string): Iterable<Box & { offsetTop: number; textContent: string }> };
            const item = [...list.querySelectorAll('[data-testid=message]')].find((m) => m.textContent === text)!;
            return { fromEnd: list.scrollHeight - item.offsetTop, top: list.scrollTop, inView: item.getBoundingClientRect().top - list.getBoundingClientRect().top };
          },
          before.text,
        );
        expect(Math.abs(kept.fromEnd - before.fromEnd)).toBeLessThanOrEqual(2);
        expect(kept.top).toBeGreaterThan(0);
        // Just below the top of the view, where it was when the reader reached the top (under the button's row).
        expect(kept.inView).toBeGreaterThanOrEqual(0);
        expect(kept.inView).toBeLessThanOrEqual(150);
        shown = expected;
      }
      expect(await messages.first().textContent()).toContain('Part 1 ');
      expect(await page.getByTestId('older-messages').count()).toBe(0);
      // A new arrival reloads the conversation: the earlier pages already read stay.
      receive(bridge, { contact: 'Sara Karimi', text: 'Any news?' });
      await expect.poll(() => messages.count(), WAIT).toBe(total + 1);
      expect(await messages.first().textContent()).toContain('Part 1 ');
      expect(errors, errors.join('\n')).toEqual([]);
    });
  }, 120_000);

  it.each(['en', 'ar'] as const)('%s: in a window taller than a page, the thread reads the page before by itself until it is filled', async (lang) => {
    const bridge = await consoleBridge({ conversations: 0 });
    // A thread about 2,600 px tall: one page of one-line messages (63 px each) does not fill it, two do.
    const win = await openWindow(browser, bridge.url, { lang, width: 1600, height: 2900 });
    try {
      let id = 0;
      for (let i = 0; i < 4 * MESSAGE_PAGE; i++) id = ingestMessage(bridge.core, { contact: 'Omid Rahimi', text: `Note ${i + 1}` });
      await signIn(win.page, PEOPLE.agent);
      await win.page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      const messages = win.page.getByTestId('message');
      await expect.poll(() => messages.count(), WAIT).toBeGreaterThan(MESSAGE_PAGE);
      // Filled: the thread scrolls, the reader is at the newest message, and not everything was read.
      const filled = await scroll(win.page);
      expect(filled.top).toBeGreaterThan(0);
      expect(filled.fromBottom).toBeLessThanOrEqual(2);
      expect(await messages.count()).toBeLessThan(4 * MESSAGE_PAGE);
      expect(await messages.last().textContent()).toContain(`Note ${4 * MESSAGE_PAGE}`);
      expect(win.errors, win.errors.join('\n')).toEqual([]);
    } finally {
      await win.close();
      await bridge.close();
    }
  }, 120_000);

  it.each(['en', 'ar'] as const)('%s: the search box finds a customer by name or handle, folded, with the match marked', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const found = ingestMessage(bridge.core, { contact: 'أحمد الزيتوني', text: 'my parcel is late' });
      ingestMessage(bridge.core, { contact: 'Omar Farouk', text: 'please call Zaytouni at the depot' });
      await signIn(page, PEOPLE.agent);
      await page.getByTestId('nav-search').click();
      // Persian yeh for the Arabic one, and without the article.
      await page.getByTestId('search-input').fill('زيتونی');
      await page.getByTestId('search-go').click();
      const hit = page.getByTestId('customer-hit');
      await expect.poll(() => hit.count(), WAIT).toBe(1);
      expect(await hit.getAttribute('data-id')).toBe(String(found));
      expect(await hit.locator('mark').first().textContent()).toBe('زيتوني');
      await shot(page, 'search-customer', lang);
      await hit.getByRole('button').click();
      await expect.poll(() => page.locator('.thread-title h2').textContent(), WAIT).toContain('الزيتوني');
      expect(errors, errors.join('\n')).toEqual([]);
    });
  }, 120_000);

  it.each(['en', 'ar'] as const)('%s: an administrator tests a channel and removes one, told that its conversations stay', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      bridge.core.store.channels.create({ id: 'old-bot', kind: 'telegram', name: 'Old bot', config: { baseUrl: 'http://127.0.0.1:9' } });
      ingestMessage(bridge.core, { contact: 'Kept Customer', text: 'hello', channelId: 'old-bot' });
      await signIn(page, PEOPLE.admin);
      await page.getByTestId('nav-admin').click();
      await page.getByTestId('tab-channels').click();
      const row = (id: string) => page.locator(`[data-testid=channel-row][data-id="${id}"]`);
      await row('demo').getByTestId('channel-test').click();
      const demoResult = row('demo').getByTestId('channel-test-result');
      await expect.poll(() => demoResult.getAttribute('data-outcome'), WAIT).toBe('ok');
      expect(await demoResult.textContent()).toMatch(lang === 'ar' ? /قبلت المنصة/ : /accepted this channel's credentials/);

      await row('old-bot').getByTestId('channel-test').click();
      const noCreds = row('old-bot').getByTestId('channel-test-result');
      await expect.poll(() => noCreds.getAttribute('data-outcome'), WAIT).toBe('no_credentials');
      expect(await noCreds.textContent()).toMatch(lang === 'ar' ? /لا توجد بيانات اعتماد/ : /No credentials are stored/);

      await row('old-bot').getByTestId('channel-remove').click();
      const dialog = page.getByTestId('channel-remove-confirm');
      await dialog.waitFor();
      expect(await dialog.textContent()).toMatch(lang === 'ar' ? /تبقى محادثاتها/ : /conversations stay/);
      await shot(page, 'channel-remove-confirm', lang);
      await page.getByTestId('channel-remove-confirm-go').click();
      await expect.poll(() => page.getByTestId('channel-removed').textContent(), WAIT).toMatch(lang === 'ar' ? /أُزيلت/ : /was removed; its conversation stays/);
      await expect.poll(() => row('old-bot').count(), WAIT).toBe(0);
      expect(bridge.core.store.channels.get('old-bot').removedAt).not.toBeNull();
      expect(bridge.core.db.prepare("SELECT count(*) FROM conversations WHERE channel_id = 'old-bot'").pluck().get()).toBe(1);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  }, 120_000);
});
