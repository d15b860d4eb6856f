import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { ingestMessage, PEOPLE, receive, signIn } from '../helpers/console';
import { shot, withConsole } from '../helpers/console-page';

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
      let id = 0;
      for (let i = 0; i < 40; i++) id = ingestMessage(bridge.core, { contact: 'Rania Haddad', text: `Line ${i + 1} of a long story about my order` });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      await expect.poll(async () => (await page.getByTestId('message').count()) >= 40, WAIT).toBe(true);
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

  it.each(['en', 'ar'] as const)('%s: a long thread opens at its latest page; earlier messages load above without moving the reader, and stay through a reload', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      let id = 0;
      for (let i = 0; i < 70; i++) id = ingestMessage(bridge.core, { contact: 'Sara Karimi', text: `Part ${i + 1} of my complaint` });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      await expect.poll(() => page.getByTestId('message').count(), WAIT).toBe(50);
      expect(await page.getByTestId('message').first().textContent()).toContain('Part 21 ');
      await page.getByTestId('messages').evaluate((el) => void ((el as unknown as { scrollTop: number }).scrollTop = 0));
      const older = page.getByTestId('older-messages');
      await expect.poll(() => older.textContent(), WAIT).toBe(lang === 'ar' ? 'عرض الرسائل الأقدم' : 'Show earlier messages');
      const before = await scroll(page);
      const marker = await page.getByTestId('message').first().evaluate((el) => (el as unknown as { offsetTop: number }).offsetTop);
      await older.click();
      await expect.poll(() => page.getByTestId('message').count(), WAIT).toBe(70);
      expect(await older.count()).toBe(0);
      expect(await page.getByTestId('message').first().textContent()).toContain('Part 1 ');
      // The message that was first is where the reader left it: everything new went above.
      const after = await scroll(page);
      expect(Math.abs(after.fromBottom - before.fromBottom)).toBeLessThanOrEqual(2);
      expect(await page.getByTestId('message').nth(20).evaluate((el) => (el as unknown as { offsetTop: number }).offsetTop)).toBeGreaterThan(marker);
      // A new arrival reloads the conversation: the earlier pages already read stay.
      receive(bridge, { contact: 'Sara Karimi', text: 'Any news?' });
      await expect.poll(() => page.getByTestId('message').count(), WAIT).toBe(71);
      expect(await page.getByTestId('message').first().textContent()).toContain('Part 1 ');
      expect(errors, errors.join('\n')).toEqual([]);
    });
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
