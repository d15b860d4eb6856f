import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { say } from '../../main/core/guard/messages';
import { PEOPLE, receive, signIn } from '../helpers/console';
import { chooseLanguage, shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

/** Each step waits for a round trip to main; a loaded machine gets time (a bound, not a speed assumption). */
const WAIT = { timeout: 10_000 };

const ENGLISH_DRAFT = 'To verify you, please send me the code we just texted you.';
const NEVER_LABEL = { en: 'cannot be revealed', ar: 'لا يمكن كشفه', fa: 'نمایش‌دادنی نیست' } as const;

describe("the guard explains in the interface's language, whatever language the draft is in (Chromium)", () => {
  it.each(['ar', 'fa'] as const)('%s interface, English draft: the finding is worded in the interface language', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const id = receive(bridge, { contact: 'Omar Farouk', text: 'I cannot sign in to my account.' });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      await page.getByTestId('composer').fill(ENGLISH_DRAFT);
      const verdict = page.getByTestId('verdict');
      await expect.poll(() => verdict.getAttribute('data-verdict'), WAIT).toBe('block');
      const finding = await verdict.locator('li').first().textContent();
      expect(finding).toContain(say('outbound.otp', lang));
      expect(finding).not.toContain(say('outbound.otp', 'en'));
      await shot(page, 'guard-interface-language', lang);

      // Switching the interface back to English asks again: the same draft is now explained in English.
      await chooseLanguage(page, 'en');
      await expect.poll(() => verdict.locator('li').first().textContent(), WAIT).toContain(say('outbound.otp', 'en'));
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});

describe('a value no one may reveal says so on its chip, without asking for a reason (Chromium)', () => {
  it.each(['en', 'ar'] as const)('%s: a one-time-code chip reads "cannot be revealed" and opens no dialog; a phone chip still asks for a reason', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const id = receive(bridge, { contact: 'Salma Idris', text: 'My verification code is 482913 and my number is +966 50 123 4567' });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${id}"]`).click();
      const message = page.getByTestId('message').last();
      const never = message.getByTestId('chip-never');
      await expect.poll(() => never.count(), WAIT).toBe(1);
      expect(await never.textContent()).toContain(NEVER_LABEL[lang]);
      // Not a button: nothing to press, no reason to type.
      expect(await never.evaluate((el) => (el as { tagName: string }).tagName)).toBe('SPAN');
      await never.click();
      expect(await page.getByTestId('reveal-reason').count()).toBe(0);
      await shot(page, 'chip-never-revealable', lang);

      // A type the policy lets an agent reveal keeps the reason-gated button.
      await message.getByTestId('chip').click();
      await page.getByTestId('reveal-reason').waitFor();
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
