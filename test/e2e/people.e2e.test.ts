import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { newSessionSlot, totpCode } from '../../main/core/auth';
import { startBridge } from '../bridge/server';
import { RENDERER_DIR } from '../helpers/browser';
import { PEOPLE, signIn } from '../helpers/console';
import { openWindow, secondWindow, shot, withConsole } from '../helpers/console-page';
import { testKeychain } from '../helpers/keychain';
import { tmpDir } from '../helpers/tmp';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const WORDS = {
  en: { name: 'Rami Haddad', taken: /already an account/, disabled: /account is disabled/, status: /disabled/i },
  ar: { name: 'رامي حداد', taken: /يوجد حساب/, disabled: /الحساب معطّل/, status: /عُطِّل/ },
  fa: { name: 'رامین حدادی', taken: /حسابی با این نام کاربری/, disabled: /این حساب غیرفعال است/, status: /غیرفعال شد/ },
} as const;

describe('an administrator onboards a team from the Users tab, in Chromium', () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: add a person, refuse a duplicate, disable (signed out at once), re-enable, reset a lost second factor', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      const w = WORDS[lang];
      await signIn(page, PEOPLE.admin);
      await page.getByTestId('nav-admin').click();
      await page.getByTestId('tab-users').click();

      await page.getByTestId('new-name').fill(w.name);
      await page.getByTestId('new-username').fill('rami');
      await page.getByTestId('new-role').selectOption('agent');
      await page.getByTestId('new-password-generate').click();
      const password = await page.getByTestId('new-password').inputValue();
      expect(password).toMatch(/^[a-zA-Z2-9]{16}$/);
      await page.getByTestId('new-submit').click();
      expect(await page.getByTestId('handover').textContent()).toContain(password);
      const row = page.locator('[data-testid=user-row][data-username=rami]');
      await row.waitFor();
      expect(await row.textContent()).toContain(w.name);
      // The form emptied; the same username again is refused with a sentence in the interface's language.
      expect(await page.getByTestId('new-username').inputValue()).toBe('');
      await page.getByTestId('new-username').fill('rami');
      await page.getByTestId('new-password').fill('another-long-password');
      await page.getByTestId('new-submit').click();
      await expect.poll(() => page.getByTestId('add-person').getByRole('alert').textContent()).toMatch(w.taken);
      expect(await page.getByTestId('new-username').inputValue()).toBe('rami');
      await shot(page, 'users-add', lang);

      // The new person signs in on their own computer with the handed-over password.
      const rami = await secondWindow(browser, bridge, lang);
      try {
        await signIn(rami.page, { username: 'rami', password });

        await row.getByTestId('user-disable').click();
        await page.getByTestId('user-confirm').waitFor();
        await shot(page, 'users-disable-confirm', lang);
        await page.getByTestId('user-confirm-go').click();
        await expect.poll(() => row.getAttribute('data-disabled')).toBe('true');
        expect(await page.getByTestId('users-done').textContent()).toMatch(w.status);
        // Disabling ended Rami's session: the next call from that window is refused, and signing in again fails.
        expect(await rami.page.evaluate('window.diwan.listConversations({ filter: {} })')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
        await rami.page.reload();
        await rami.page.getByTestId('username').fill('rami');
        await rami.page.getByTestId('password').fill(password);
        await rami.page.getByTestId('sign-in-submit').click();
        // A refused sign-in still runs the password hash: give a loaded machine time.
        await expect.poll(() => rami.page.getByRole('alert').textContent(), { timeout: 10_000 }).toMatch(w.disabled);

        await row.getByTestId('user-enable').click();
        await expect.poll(() => row.getAttribute('data-disabled')).toBe('false');
        await rami.page.getByTestId('password').fill(password);
        await rami.page.getByTestId('sign-in-submit').click();
        await rami.page.locator('nav.nav').waitFor();
        expect(rami.errors).toEqual([]);
      } finally {
        await rami.close();
      }

      // Sam lost the phone with the authenticator app: the administrator resets the second factor.
      const slot = newSessionSlot();
      await bridge.core.identity.signIn(slot, { username: PEOPLE.agent.username, password: PEOPLE.agent.password });
      const sam = bridge.core.identity.requireSession(slot);
      const { otpauthUri } = await bridge.core.identity.beginTotpEnrolment(sam);
      const secret = new URL(otpauthUri).searchParams.get('secret')!;
      await bridge.core.identity.confirmTotpEnrolment(sam, totpCode(secret, Date.now()));
      await page.getByTestId('tab-channels').click();
      await page.getByTestId('tab-users').click();
      const samRow = page.locator(`[data-testid=user-row][data-username=${PEOPLE.agent.username}]`);
      await samRow.getByTestId('user-reset-2fa').click();
      await page.getByTestId('user-confirm-go').click();
      await expect.poll(() => samRow.getByTestId('user-reset-2fa').count()).toBe(0);
      expect(bridge.core.identity.users.byId(bridge.people.agent)?.totpEnabled).toBe(false);
      // The administrator cannot disable themselves (no button), and every step is in the audit trail.
      expect(await page.locator(`[data-testid=user-row][data-username=${PEOPLE.admin.username}]`).getByTestId('user-disable').count()).toBe(0);
      const actions = bridge.core.auditTrail.list({ newestFirst: true, limit: 100 }).map((e) => `${e.action} ${e.target}`);
      for (const a of ['users.created user:rami', 'users.disabled user:rami', 'users.enabled user:rami', `auth.totp_reset user:${PEOPLE.agent.username}`]) expect(actions).toContain(a);
      await shot(page, 'users', lang);
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});

describe('first run in Chromium: the new administrator lands on next steps, not on a report', () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: set up the administrator, see what is left, add a person and watch the step tick', async (lang) => {
    const { keychain, service } = testKeychain();
    const bridge = await startBridge({ embedded: 'store', dataDir: tmpDir(), rendererDir: RENDERER_DIR, keychain, keychainService: service, channels: true });
    const win = await openWindow(browser, bridge.url, { lang });
    const page = win.page;
    try {
      await page.getByTestId('setup-name').fill(PEOPLE.admin.displayName);
      await page.getByTestId('setup-username').fill(PEOPLE.admin.username);
      await page.getByTestId('setup-password').fill(PEOPLE.admin.password);
      await page.getByTestId('setup-confirm').fill(PEOPLE.admin.password);
      await page.getByTestId('setup-submit').click();
      await page.getByTestId('admin').waitFor();
      const steps = page.getByTestId('next-steps');
      await steps.waitFor();
      // The demo channel does not count as connected; there is no team and no policy yet.
      for (const step of ['channel', 'team', 'policy']) expect(await page.getByTestId(`next-${step}`).getAttribute('data-done')).toBe('false');
      expect(await page.getByTestId('nav-admin').getAttribute('aria-current')).toBe('page');
      await shot(page, 'first-run', lang);
      await page.getByTestId('next-team-go').click();
      await page.getByTestId('new-username').fill('sam');
      await page.getByTestId('new-password-generate').click();
      await page.getByTestId('new-submit').click();
      await page.getByTestId('handover').waitFor();
      await page.getByTestId('tab-channels').click();
      await expect.poll(() => page.getByTestId('next-team').getAttribute('data-done')).toBe('true');
      expect(win.errors, win.errors.join('\n')).toEqual([]);
    } finally {
      await win.close();
      await bridge.close();
    }
  });
});
