import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { ingestMessage, PEOPLE, signIn } from '../helpers/console';
import { shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

// The limit as each language writes it (Arabic-Indic and Persian digits, their own group separators).
const THOUSAND = { en: '1,000', ar: '١٬٠٠٠', fa: '۱٬۰۰۰' } as const;
const COUNT = { en: '1,002', ar: '١٬٠٠٢', fa: '۱٬۰۰۲' } as const;

describe('the composer counts a reply as its platform does (Chromium)', () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: an Instagram reply is counted in UTF-8 bytes and refused past 1,000 with the limit in the sentence', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      bridge.core.store.channels.create({ id: 'ig', kind: 'instagram', name: 'Instagram' });
      const id = ingestMessage(bridge.core, { contact: 'Leila Karimi', text: 'سلام، سفارشم کجاست؟', channelId: 'ig' });
      bridge.emit('inboxChanged', { conversationIds: [id], assignedToMe: [] });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      const composer = page.getByTestId('composer');
      const send = page.getByTestId('send');

      // 450 Arabic letters are 900 bytes: under the limit, but near it, so the count shows and sending is allowed.
      await composer.fill('س'.repeat(450));
      await expect.poll(() => page.getByTestId('reply-length').count()).toBe(1);
      expect(await page.getByTestId('reply-too-long').count()).toBe(0);
      await expect.poll(() => send.isDisabled()).toBe(false);

      // 501 letters are 1,002 bytes though only 501 characters: refused, and the sentence names the limit.
      await composer.fill('س'.repeat(501));
      const alert = page.getByTestId('reply-too-long');
      await expect.poll(() => alert.count()).toBe(1);
      const sentence = await alert.textContent();
      expect(sentence).toContain(THOUSAND[lang]);
      expect(sentence).toContain(COUNT[lang]);
      expect(await send.isDisabled()).toBe(true);
      await shot(page, 'reply-too-long', lang);

      // Whitespace alone is not a reply.
      await composer.fill('  \n ');
      await expect.poll(() => send.isDisabled()).toBe(true);
      expect(await alert.count()).toBe(0);

      // A short reply goes through.
      await composer.fill('س'.repeat(10));
      await expect.poll(() => send.isDisabled()).toBe(false);
      expect(errors).toEqual([]);
    });
  });
});
