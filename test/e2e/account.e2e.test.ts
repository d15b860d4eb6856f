import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { totpCode } from '../../main/core/auth';
import { PEOPLE, signIn } from '../helpers/console';
import { shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const WORDS = {
  en: { wrong: /current password is not right/, digits: (s: string) => s },
  ar: { wrong: /كلمة المرور الحالية غير صحيحة/, digits: (s: string) => s.replace(/\d/g, (d) => ARABIC_INDIC[Number(d)]!) },
  fa: { wrong: /گذرواژهٔ فعلی درست نیست/, digits: (s: string) => s.replace(/\d/g, (d) => PERSIAN[Number(d)]!) },
} as const;

describe('account self-service in Chromium: two-step sign-in and password, and a sign-in that asks for the code only when needed', () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: set up two-step sign-in from the console, change the password, sign in with the code, then with a recovery code', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const w = WORDS[lang];
      // No second factor yet: the sign-in form has no code field at all.
      expect(await page.getByTestId('totp').count()).toBe(0);
      await signIn(page, PEOPLE.agent);
      await page.getByTestId('nav-account').click();
      expect(await page.getByTestId('two-step').getAttribute('data-enabled')).toBe('false');
      await page.getByTestId('enrol-start').click();
      await page.getByTestId('enrol-qr').waitFor();
      const secret = (await page.getByTestId('enrol-secret').textContent())!;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await shot(page, 'account-enrol', lang);
      // People type the code as their phone shows it; Arabic-Indic digits are the same code.
      await page.getByTestId('enrol-code').fill(w.digits(totpCode(secret, Date.now())));
      await page.getByTestId('enrol-confirm').click();
      await page.getByTestId('recovery-codes').waitFor();
      const codes = (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
      expect(codes.length).toBeGreaterThanOrEqual(8);
      await shot(page, 'account-recovery-codes', lang);
      await page.getByTestId('codes-saved').click();
      await page.getByTestId('two-step-on').waitFor();

      await page.getByTestId('pw-current').fill('not-my-password-at-all');
      await page.getByTestId('pw-next').fill('a brand new passphrase');
      await page.getByTestId('pw-confirm').fill('a brand new passphrase');
      await page.getByTestId('pw-submit').click();
      await expect.poll(() => page.getByTestId('change-password').getByRole('alert').textContent()).toMatch(w.wrong);
      await page.getByTestId('pw-current').fill(PEOPLE.agent.password);
      await page.getByTestId('pw-submit').click();
      await page.getByTestId('pw-done').waitFor();
      await shot(page, 'account', lang);

      // Next sign-in: password first, then (only now) the code. The enrolment's code cannot be used again, so the
      // app's next code is the one typed.
      await page.getByTestId('sign-out').click();
      await page.getByTestId('username').fill(PEOPLE.agent.username);
      await page.getByTestId('password').fill('a brand new passphrase');
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('second-factor').waitFor();
      await shot(page, 'sign-in-code', lang);
      await page.getByTestId('totp').fill('000000');
      await page.getByTestId('second-factor-submit').click();
      await page.getByTestId('second-factor').getByRole('alert').waitFor();
      await page.getByTestId('totp').fill(w.digits(totpCode(secret, Date.now() + 30_000)));
      await page.getByTestId('second-factor-submit').click();
      await page.locator('nav.nav').waitFor();

      // Without the phone: a recovery code, once.
      await page.getByTestId('sign-out').click();
      await page.getByTestId('username').fill(PEOPLE.agent.username);
      await page.getByTestId('password').fill('a brand new passphrase');
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('use-recovery').click();
      await page.getByTestId('totp').fill(codes[0]!);
      await page.getByTestId('second-factor-submit').click();
      await page.locator('nav.nav').waitFor();
      const actions = bridge.core.auditTrail.list({ newestFirst: true, limit: 100 }).map((e) => e.action);
      for (const a of ['auth.totp_enrolled', 'auth.password_changed']) expect(actions).toContain(a);
      expect(bridge.core.identity.recoveryCodesLeft(bridge.people.agent)).toBe(codes.length - 1);
      // Only the wrong code and the wrong current password were errors, both shown as sentences; nothing in the console.
      expect(errors.filter((e) => !/status of 4\d\d/.test(e)), errors.join('\n')).toEqual([]);
    });
  });
});
