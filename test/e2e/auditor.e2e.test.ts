import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { newSessionSlot } from '../../main/core/auth';
import { PEOPLE, signIn } from '../helpers/console';
import { confirmAsSecondAdmin } from '../helpers/console-people';
import { shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const AUDITOR = { username: 'aya', displayName: 'Aya Auditor', role: 'auditor', password: 'auditor-password-1' } as const;
const WORDS = { en: { granted: 'Field revealed' }, ar: { granted: 'كُشف حقل' }, fa: { granted: 'فیلد آشکار شد' } } as const;

describe("an auditor's day in Chromium: their own screen, readable entries, filter and older pages", () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: lands on the audit trail, reads named actions and dated details, filters, pages back, verifies', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const core = bridge.core;
      const slot = newSessionSlot();
      await core.identity.signIn(slot, { username: PEOPLE.admin.username, password: PEOPLE.admin.password });
      const auditor = await core.identity.createUser(core.identity.requireSession(slot), { ...AUDITOR });
      core.identity.signOut(slot);
      // an auditor is a privileged role: a second administrator confirms it (separation of duties)
      if (auditor.pendingRole) confirmAsSecondAdmin(core, auditor.id);
      const expiresAt = Date.UTC(2026, 11, 3, 9, 30);
      core.audit({ action: 'reveal.granted', actor: PEOPLE.agent.username, target: 'message:7#0', details: { type: 'PHONE', reason: 'call back', expiresAt } });
      for (let i = 0; i < 230; i++) core.audit({ action: 'search', actor: PEOPLE.agent.username, details: { terms: 1, hits: i } });

      await signIn(page, AUDITOR);
      await page.getByTestId('audit-table').waitFor();
      expect(await page.getByTestId('nav-audit').getAttribute('aria-current')).toBe('page');
      expect(await page.getByTestId('nav-inbox').count()).toBe(0);
      const rows = page.getByTestId('audit-row');
      await expect.poll(() => rows.count()).toBe(200);
      const table = (await page.getByTestId('audit-table').textContent())!;
      expect(table).not.toContain('{"');
      expect(await page.evaluate("getComputedStyle(document.querySelector('td.nowrap')).whiteSpace")).toBe('nowrap');

      // Every entry up to the newest shown, once each, newest first.
      const total = Number(await rows.first().getAttribute('data-seq'));
      await page.getByTestId('audit-older').click();
      await expect.poll(() => rows.count()).toBe(total);
      const seqs = (await rows.evaluateAll((els) => els.map((e) => (e as { dataset: { seq?: string } }).dataset.seq))).map(Number);
      expect(seqs).toEqual(Array.from({ length: total }, (_, i) => total - i));
      await page.getByTestId('audit-action').selectOption('reveal.granted');
      await expect.poll(() => rows.count()).toBe(1);
      const row = rows.first();
      expect(await row.textContent()).toContain(WORDS[lang].granted);
      // The grant's end is a date in the interface's digits, never milliseconds.
      const details = (await row.getByTestId('audit-details').textContent())!;
      expect(details).not.toContain(String(expiresAt));
      if (lang === 'ar') expect(details).toMatch(/[٠-٩]/);
      if (lang === 'fa') expect(details).toMatch(/[۰-۹]/);
      await page.getByTestId('audit-action').selectOption('');
      await page.getByTestId('audit-filter').fill('call back');
      await expect.poll(() => rows.count()).toBe(1);
      await page.getByTestId('audit-filter').fill('');
      await page.getByTestId('audit-verify').click();
      await page.getByTestId('audit-verify-result').waitFor();
      await shot(page, 'auditor', lang);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
