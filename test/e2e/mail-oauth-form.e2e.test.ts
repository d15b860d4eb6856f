import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumForSuite } from '../helpers/chromium-suite';
import { OAuthSecrets } from '../../main/core/connectors/email/settings';
import { PEOPLE, signIn } from '../helpers/console';
import { shot, withConsole } from '../helpers/console-page';

let browser: Browser;
chromiumForSuite((b) => (browser = b));

const REFRESH = '1//0SECRET-refresh-token-for-the-mailbox';
const CLIENT_SECRET = 'GOCSPX-SECRET-client';

describe("an e-mail channel's OAuth2 sign-in in the administrator's channel form (Chromium)", () => {
  it.each(['en', 'ar', 'fa'] as const)('%s: the refresh token, client id and token endpoint go to the keychain as the connector reads them, and never come back', async (lang) => {
    await withConsole(browser, { lang, conversations: 0 }, async (page, bridge, errors) => {
      await signIn(page, PEOPLE.admin);
      await page.getByTestId('nav-admin').click();
      await page.getByTestId('channel-kind').selectOption('email');
      await page.getByTestId('channel-name').fill('Support mailbox');
      await page.getByTestId('channel-id').fill('mail-oauth');
      await page.getByTestId('setting-address').fill('support@example.com');
      await page.getByTestId('setting-imapHost').fill('127.0.0.1');
      await page.getByTestId('setting-smtpHost').fill('127.0.0.1');
      expect(await page.getByTestId('cred-refreshToken').count()).toBe(0);
      await page.getByTestId('mail-sign-in').selectOption('oauth2');
      expect(await page.getByTestId('cred-password').count()).toBe(0);
      await page.getByTestId('cred-username').fill('support@example.com');
      await page.getByTestId('cred-clientId').fill('diwan-desk.apps.example.com');
      await page.getByTestId('cred-refreshToken').fill(REFRESH);
      // Not saveable until the token endpoint is there, and a plain-http address off this machine is refused at the field.
      expect(await page.getByTestId('channel-save').isDisabled()).toBe(true);
      await page.getByTestId('cred-tokenUrl').fill('http://oauth.example.com/token');
      expect(await page.getByTestId('cred-tokenUrl').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('token-url-rule').getAttribute('class')).toBe('error');
      expect(await page.getByTestId('channel-save').isDisabled()).toBe(true);
      await page.getByTestId('cred-tokenUrl').fill('https://oauth2.example.com/token');
      await page.getByTestId('cred-clientSecret').fill(CLIENT_SECRET);
      expect(await page.getByTestId('cred-refreshToken').getAttribute('type')).toBe('password');
      expect(await page.getByTestId('cred-clientSecret').getAttribute('type')).toBe('password');
      await shot(page, 'mail-oauth-form', lang);
      await page.getByTestId('channel-save').click();
      await expect.poll(() => page.getByTestId('channels-table').textContent()).toContain('Support mailbox');

      const stored = JSON.parse((await bridge.core.vault.channelToken('mail-oauth'))!) as unknown;
      expect(OAuthSecrets.parse(stored)).toEqual({
        username: 'support@example.com',
        clientId: 'diwan-desk.apps.example.com',
        tokenUrl: 'https://oauth2.example.com/token',
        refreshToken: REFRESH,
        clientSecret: CLIENT_SECRET,
      });
      // Nothing typed into the credential fields stays on the page; the table says only that credentials are stored.
      for (const f of ['username', 'clientId', 'tokenUrl', 'refreshToken', 'clientSecret']) expect(await page.getByTestId(`cred-${f}`).inputValue(), f).toBe('');
      const html = await page.content();
      expect(html).not.toContain('SECRET-refresh');
      expect(html).not.toContain('SECRET-client');
      expect(html).not.toContain('oauth2.example.com');
      // The audit trail records that credentials were saved, never their values.
      const audit = JSON.stringify(bridge.core.db.prepare("SELECT details FROM audit_entries WHERE target = 'channel:mail-oauth'").all());
      expect(audit).toContain('credentials');
      expect(audit).not.toContain('SECRET');
      await bridge.core.vault.delete('channel:mail-oauth');
      expect(errors, errors.join('\n')).toEqual([]);
    });
  });
});
