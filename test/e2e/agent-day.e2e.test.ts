import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { resolveGuardPolicy } from '../../main/core/guard';
import { PEOPLE, receive, signIn } from '../helpers/console';
import { secondWindow, shot, withConsole, openConversationRow } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const TEXT = {
  // Only what the policy marks approvable can wait for a lead: a national ID where the service needs only phone + code.
  en: { a: 'Your parcel left our warehouse this morning.', b: 'I will check the refund and write back.', blocked: 'To move the line to your name, please send me your national ID number.' },
  ar: { a: 'غادر طردك مستودعنا هذا الصباح.', b: 'سأتحقق من الاسترداد وأعود إليك.', blocked: 'To move the line to your name, please send me your national ID number.' },
  fa: { a: 'بستهٔ شما امروز صبح از انبار ما بیرون رفت.', b: 'بازپرداخت را بررسی می‌کنم و خبر می‌دهم.', blocked: 'To move the line to your name, please send me your national ID number.' },
} as const;

describe("an agent's day in Chromium: drafts stay with their conversation", () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: two drafts and a pending approval request survive moving between conversations; a customer message sent meanwhile is shown first', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      bridge.core.guards.setPolicy(resolveGuardPolicy({ serviceNeedsOnlyPhoneAndActivationCode: true }));
      const a = receive(bridge, { contact: 'Omar Farouk', text: 'Where is my parcel?' });
      const b = receive(bridge, { contact: 'Salma Idris', text: 'Did you refund me?' });
      const c = receive(bridge, { contact: 'Hana Aziz', text: 'I cannot sign in.' });
      const w = TEXT[lang];
      await signIn(page, PEOPLE.agent);
      const row = (id: number) => page.locator(`[data-testid=conversation-row][data-id="${id}"]`);
      const composer = page.getByTestId('composer');
      const open = (id: number) => openConversationRow(page, id);

      await open(a);
      await composer.fill(w.a);
      await open(b);
      await expect.poll(() => composer.inputValue()).toBe('');
      await composer.fill(w.b);
      await open(c);
      await composer.fill(w.blocked);
      // The verdict follows a pause in typing and a call to main; a loaded machine gets time.
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('block');
      await page.getByTestId('ask-approval').click();
      await expect.poll(() => page.getByTestId('approval').getAttribute('data-state'), { timeout: 10_000 }).toBe('pending');

      await open(a);
      await expect.poll(() => composer.inputValue()).toBe(w.a);
      expect(await row(b).getByTestId('row-draft').count()).toBe(1);
      expect(await row(c).getByTestId('row-draft').count()).toBe(1);
      await shot(page, 'drafts', lang);
      await open(b);
      await expect.poll(() => composer.inputValue()).toBe(w.b);
      await open(c);
      await expect.poll(() => composer.inputValue()).toBe(w.blocked);
      await expect.poll(() => page.getByTestId('approval').getAttribute('data-state')).toBe('pending');
      expect(bridge.core.guards.approvals.pending()).toHaveLength(1);

      // Omar wrote again while his draft waited: returning shows the newer-message block before anything is sent.
      receive(bridge, { contact: 'Omar Farouk', text: 'Never mind, please cancel it.' });
      // The list reorders as the message arrives; click once it has.
      await expect.poll(() => row(a).textContent()).toContain('Never mind');
      await open(a);
      await page.getByTestId('newer-block').waitFor();
      expect(await page.getByTestId('send').isDisabled()).toBe(true);
      await page.getByTestId('newer-ack').click();
      await page.getByTestId('send').click();
      await expect.poll(() => composer.inputValue()).toBe('');
      expect(await row(a).getByTestId('row-draft').count()).toBe(0);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});

const CANNED = {
  en: { title: 'Greeting', body: 'Hello {{customer.firstName}}, this is {{agent.name}}. How can I help?', filled: 'Hello Omar, this is Sam. How can I help?' },
  ar: { title: 'تحية', body: 'مرحبًا {{customer.firstName}}، معك {{agent.name}}. كيف أساعدك؟', filled: 'مرحبًا Omar، معك Sam. كيف أساعدك؟' },
  fa: { title: 'خوشامد', body: 'سلام {{customer.firstName}}، {{agent.name}} هستم. چطور می‌توانم کمک کنم؟', filled: 'سلام Omar، Sam هستم. چطور می‌توانم کمک کنم؟' },
} as const;

describe('canned replies in Chromium: a fresh install says where they come from; the administrator writes one; the agent types /shortcut', () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: empty picker explains, admin creates and edits, agent inserts it filled from masked data', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      bridge.core.guards.setPolicy(resolveGuardPolicy({ serviceNeedsOnlyPhoneAndActivationCode: true }));
      const a = receive(bridge, { contact: 'Omar Farouk', text: 'Where is my parcel?' });
      await signIn(page, PEOPLE.agent);
      await page.locator(`[data-testid=conversation-row][data-id="${a}"]`).click();
      await page.getByTestId('canned').click();
      await page.getByTestId('canned-picker-empty').waitFor();
      await page.keyboard.press('Escape');

      const admin = await secondWindow(browser, bridge, lang);
      try {
        await signIn(admin.page, PEOPLE.admin);
        await admin.page.getByTestId('nav-admin').click();
        await admin.page.getByTestId('tab-canned').click();
        const c = CANNED[lang];
        await admin.page.getByTestId('canned-shortcut').fill('greet');
        await admin.page.getByTestId('canned-title').fill(c.title);
        await admin.page.getByTestId('canned-body').fill('draft');
        await admin.page.getByTestId('canned-save').click();
        await admin.page.locator('[data-testid=canned-item][data-shortcut=greet]').waitFor();
        await admin.page.getByTestId('canned-shortcut').fill('thanks');
        await admin.page.getByTestId('canned-title').fill('x');
        await admin.page.getByTestId('canned-body').fill('Thank you!');
        await admin.page.getByTestId('canned-save').click();
        await admin.page.locator('[data-testid=canned-item][data-shortcut=thanks]').waitFor();
        // Edit: the body gets its variables.
        await admin.page.locator('[data-testid=canned-item][data-shortcut=greet]').getByTestId('canned-edit').click();
        await admin.page.getByTestId('canned-body').fill(c.body);
        await admin.page.getByTestId('canned-save').click();
        await expect.poll(() => admin.page.locator('[data-testid=canned-item][data-shortcut=greet]').textContent()).toContain('{{agent.name}}');
        // A shortcut in use is refused in words, and nothing is overwritten.
        await admin.page.getByTestId('canned-shortcut').fill('GREET');
        await admin.page.getByTestId('canned-title').fill('Other');
        await admin.page.getByTestId('canned-body').fill('Other');
        await admin.page.getByTestId('canned-save').click();
        await admin.page.getByTestId('canned-form').getByRole('alert').waitFor();
        await admin.page.getByTestId('canned-filter').fill({ en: 'help', ar: 'كيف', fa: 'کمک' }[lang]);
        await expect.poll(() => admin.page.getByTestId('canned-item').count()).toBe(1);
        await shot(admin.page, 'canned-admin', lang);
        expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
      } finally {
        await admin.close();
      }

      // The agent's composer loads the replies each time a conversation opens: no restart needed.
      const b = receive(bridge, { contact: 'Salma Idris', text: 'Hello?' });
      await page.locator(`[data-testid=conversation-row][data-id="${b}"]`).click();
      await page.getByTestId('conversation').waitFor();
      await page.locator(`[data-testid=conversation-row][data-id="${a}"]`).click();
      const composer = page.getByTestId('composer');
      await composer.fill('/gre');
      await page.locator('[data-testid=canned-option][data-shortcut=greet]').waitFor();
      expect(await page.getByTestId('canned-option').count()).toBe(1);
      await shot(page, 'canned-picker', lang);
      await composer.press('Enter');
      await expect.poll(() => composer.inputValue()).toBe(CANNED[lang].filled);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
