import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../../../main/core/connectors';
import { connectorCore, fastTime, leaks, putSecrets, queueReply, storedMessages, testRuntime, until } from '../../helpers/connectors';
import { registerSecrets } from '../../helpers/leak-registry';
import { Dovecot, rawMail, SmtpReceiver } from '../../helpers/mail-servers';
import { startOAuthProvider } from '../../helpers/oauth-provider';

const provider = () => startOAuthProvider({ initialRefresh: 'rt-initial-9f8e7d', prefix: '', onIssue: registerSecrets });

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});


describe('e-mail over OAuth2 (XOAUTH2) with the refresh token in the keychain', () => {
  it('exchanges the refresh token, saves the rotated pair, and fetches a new access token when the server refuses the old one', async () => {
    const idp = await provider();
    const imap = await Dovecot.start({ oauth2IntrospectionUrl: `${idp.url}/introspect` });
    const smtp = await SmtpReceiver.start({ user: imap.user, pass: 'unused-password-x' }, (t) => idp.live.has(t));
    const time = fastTime(1);
    const core = await connectorCore([{ id: 'mail', kind: 'email' }], time.clock);
    cleanup.push(() => idp.close(), () => imap.stop(), () => smtp.stop(), () => core.close());
    await putSecrets(core, 'mail', { username: imap.user, refreshToken: 'rt-initial-9f8e7d', clientId: 'diwan-mail', tokenUrl: `${idp.url}/token` });
    const config: ChannelConfig = {
      id: 'mail',
      kind: 'email',
      settings: { address: 'support@acme.test', imapHost: '127.0.0.1', imapPort: imap.port, imapSecurity: 'plain', smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecurity: 'plain' },
    };
    const { runtime, logs } = testRuntime(core, time, [config], { errorBackoff: { baseMs: 100, capMs: 400 } });
    cleanup.push(() => runtime.stop());
    await imap.append([rawMail({ from: 'o@customer.test', subject: 'OAuth', messageId: 'oa1@customer.test', text: 'hello' })]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 1, 'read over XOAUTH2', 20_000);
    const saved = JSON.parse((await core.vault.get('channel:mail'))!);
    expect(saved).toMatchObject({ accessToken: 'at-1-5t6y7u8i', refreshToken: 'rt-1-1a2s3d4f' });

    // The provider revokes every access token; the server restarts, so the next login is refused once.
    idp.revokeAll();
    await imap.kill();
    await imap.run();
    await imap.append([rawMail({ from: 'o@customer.test', subject: 'OAuth', messageId: 'oa2@customer.test', text: 'again' })]);
    await until(() => storedMessages(core, 'mail').length === 2, 'read again with a new token', 30_000);
    expect(JSON.parse((await core.vault.get('channel:mail'))!)).toMatchObject({ accessToken: 'at-2-5t6y7u8i', refreshToken: 'rt-2-1a2s3d4f' });
    expect(runtime.health()[0]!.state).toBe('connected');

    queueReply(core, 'mail', 'oa1@customer.test', 'Replying over XOAUTH2.');
    runtime.notifyOutbox('mail');
    await until(() => smtp.received.length === 1, 'sent over XOAUTH2', 20_000);
    expect(idp.calls.every((c) => c === 'refresh_token')).toBe(true);
    for (const secret of ['rt-initial-9f8e7d', 'at-1-5t6y7u8i', 'at-2-5t6y7u8i', 'rt-2-1a2s3d4f']) expect(leaks(secret, core, logs)).toEqual([]);
  }, 120_000);

  it('stops with a clear sentence when the provider refuses the refresh token', async () => {
    const idp = await provider();
    const imap = await Dovecot.start({ oauth2IntrospectionUrl: `${idp.url}/introspect` });
    const time = fastTime(1);
    const core = await connectorCore([{ id: 'mail', kind: 'email' }], time.clock);
    cleanup.push(() => idp.close(), () => imap.stop(), () => core.close());
    await putSecrets(core, 'mail', { username: imap.user, refreshToken: 'rt-stolen-and-revoked', clientId: 'diwan-mail', tokenUrl: `${idp.url}/token` });
    const { runtime } = testRuntime(core, time, [
      { id: 'mail', kind: 'email', settings: { address: 'support@acme.test', imapHost: '127.0.0.1', imapPort: imap.port, imapSecurity: 'plain', smtpSecurity: 'plain' } },
    ]);
    cleanup.push(() => runtime.stop());
    runtime.start();
    await until(() => runtime.health()[0]!.state === 'token-rejected', 'token-rejected', 20_000);
    expect(runtime.health()[0]!.lastError).toMatch(/refresh token was refused/);
  });
});
