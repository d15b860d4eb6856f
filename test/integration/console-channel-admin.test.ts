import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { MetaEmulator } from '../emulators/meta';
import { TelegramEmulator } from '../emulators/telegram';
import { XEmulator } from '../emulators/x';
import { testCore } from '../helpers/core';
import { signedInConsole } from '../helpers/console';
import { Dovecot } from '../helpers/mail-servers';

const TG_TOKEN = '424242:channel-admin-test-token';
const META_TOKEN = 'EAAG-channel-admin-test-token';

let core: Core | undefined;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  await core?.channels.stop();
  core?.close();
});

type Check = { outcome: string; detail: string | null };
const trail = async (c: Core) => {
  await c.auditTrail.flush();
  return c.auditTrail.list({ newestFirst: true, limit: 100 });
};

describe('an administrator tests and removes channels (real core, keychain and platform emulators on loopback)', () => {
  it('"Test" makes the connector\'s one read-only call and says what the platform answered, audited without the token', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    const admin = await as('admin');
    const tg = await TelegramEmulator.start(TG_TOKEN, 120_000);
    cleanup.push(() => tg.close());
    const meta = await MetaEmulator.start(META_TOKEN, 120_000);
    cleanup.push(() => meta.close());

    await admin.ok('saveChannel', { id: 'tg', kind: 'telegram', name: 'Bot', credentials: { botToken: TG_TOKEN }, settings: { baseUrl: tg.url } });
    expect(await admin.ok<Check>('testChannel', { id: 'tg' })).toEqual({ outcome: 'ok', detail: null });
    expect(tg.calls.filter((x) => x.method === 'getme')).toHaveLength(1);
    // Nothing is read or sent by a test.
    expect(tg.calls.some((x) => x.method === 'getupdates' || x.method === 'sendmessage')).toBe(false);

    tg.faults.add('getme', { kind: 'status', status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } });
    expect(await admin.ok<Check>('testChannel', { id: 'tg' })).toMatchObject({ outcome: 'platform_error', detail: expect.any(String) });
    tg.faults.add('getme', { kind: 'status', status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } } });
    expect(await admin.ok<Check>('testChannel', { id: 'tg' })).toMatchObject({ outcome: 'rate_limited' });
    tg.faults.add('getme', { kind: 'drop' });
    expect(await admin.ok<Check>('testChannel', { id: 'tg' })).toMatchObject({ outcome: 'unreachable' });
    tg.revoke(TG_TOKEN);
    const refused = await admin.ok<Check>('testChannel', { id: 'tg' });
    expect(refused.outcome).toBe('token_rejected');
    expect(refused.detail).not.toContain(TG_TOKEN);

    // No credentials at all: said so without asking the platform.
    await admin.ok('saveChannel', { id: 'tg-empty', kind: 'telegram', name: 'Empty', credentials: {}, settings: { baseUrl: tg.url } });
    expect(await admin.ok<Check>('testChannel', { id: 'tg-empty' })).toMatchObject({ outcome: 'no_credentials' });

    // Messenger reads its Page, WhatsApp its phone number, with the token Graph accepts; a Page it does not know is refused.
    await admin.ok('saveChannel', { id: 'fb', kind: 'messenger', name: 'Page', credentials: { pageAccessToken: META_TOKEN }, settings: { baseUrl: meta.url, pageId: meta.pageId } });
    expect(await admin.ok<Check>('testChannel', { id: 'fb' })).toEqual({ outcome: 'ok', detail: null });
    await admin.ok('saveChannel', { id: 'wa', kind: 'whatsapp', name: 'WhatsApp', credentials: { accessToken: META_TOKEN }, settings: { baseUrl: meta.url, phoneNumberId: meta.phoneNumberId } });
    expect(await admin.ok<Check>('testChannel', { id: 'wa' })).toEqual({ outcome: 'ok', detail: null });
    await admin.ok('saveChannel', { id: 'fb-wrong', kind: 'messenger', name: 'Other page', credentials: { pageAccessToken: META_TOKEN }, settings: { baseUrl: meta.url, pageId: '999' } });
    expect((await admin.ok<Check>('testChannel', { id: 'fb-wrong' })).outcome).toBe('rejected');
    // X: users/me with the stored OAuth 2.0 token.
    const x = await XEmulator.start();
    cleanup.push(() => x.close());
    c.store.channels.create({ id: 'x1', kind: 'x', name: 'X', config: { baseUrl: x.url } });
    await c.vault.setChannelToken('x1', JSON.stringify({ ...x.issue(), clientId: x.clientId, expiresAt: c.clock.now() + 7_200_000 }));
    expect(await admin.ok<Check>('testChannel', { id: 'x1' })).toEqual({ outcome: 'ok', detail: null });
    meta.tokens.clear();
    expect((await admin.ok<Check>('testChannel', { id: 'wa' })).outcome).toBe('token_rejected');

    const tested = (await trail(c)).filter((e) => e.action === 'channel.tested');
    expect(tested.map((e) => [e.target, (e.details as { outcome: string }).outcome])).toContainEqual(['channel:tg', 'token_rejected']);
    expect(JSON.stringify(await trail(c))).not.toContain(TG_TOKEN);

    // Only an administrator may test; an unknown channel gets a sentence.
    const agent = await as('agent');
    expect(await agent.call('testChannel', { id: 'tg' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('testChannel', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'channel_unknown', message: expect.stringMatching(/no channel "nope"/) } });
  });

  it('"Test" of an e-mail channel signs in to the IMAP server and opens the mailbox; a wrong password is the credentials refused', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    const admin = await as('admin');
    const imap = await Dovecot.start();
    cleanup.push(() => imap.stop());
    const settings = { address: 'support@acme.test', imapHost: '127.0.0.1', imapPort: String(imap.port), imapSecurity: 'plain', smtpHost: '127.0.0.1', smtpPort: '9', smtpSecurity: 'plain' };
    await admin.ok('saveChannel', { id: 'mail', kind: 'email', name: 'Mailbox', credentials: { username: imap.user, password: imap.password }, settings });
    expect(await admin.ok<Check>('testChannel', { id: 'mail' })).toEqual({ outcome: 'ok', detail: null });
    await admin.ok('saveChannel', { id: 'mail', kind: 'email', name: 'Mailbox', credentials: { username: imap.user, password: 'not the password' }, settings });
    const refused = await admin.ok<Check>('testChannel', { id: 'mail' });
    expect(refused.outcome).toBe('token_rejected');
    expect(refused.detail).not.toContain('not the password');
  });

  it('"Remove" stops the channel, deletes its keychain secret, keeps its conversations, is audited, and the id can be set up again', async () => {
    const c = (core = await testCore());
    const as = await signedInConsole(c);
    const admin = await as('admin');
    const tg = await TelegramEmulator.start(TG_TOKEN, 120_000);
    cleanup.push(() => tg.close());
    await admin.ok('saveChannel', { id: 'tg', kind: 'telegram', name: 'Bot', credentials: { botToken: TG_TOKEN }, settings: { baseUrl: tg.url, longPollSeconds: 1 } });
    c.channels.start();
    tg.addText(7001, 'Hello from Telegram', { first_name: 'Layla' });
    await expect.poll(() => c.db.prepare("SELECT count(*) FROM conversations WHERE channel_id = 'tg'").pluck().get(), { timeout: 20_000 }).toBe(1);
    expect(c.channels.runtime.health().map((h) => h.channelId)).toContain('tg');

    const removed = await admin.ok<{ removed: true; conversationsKept: number }>('removeChannel', { id: 'tg' });
    expect(removed).toEqual({ removed: true, conversationsKept: 1 });
    expect(c.channels.runtime.health().map((h) => h.channelId)).not.toContain('tg');
    expect(await c.vault.channelToken('tg')).toBeNull();
    expect((await admin.ok<Array<{ id: string }>>('listChannels', {})).map((x) => x.id)).not.toContain('tg');
    // The conversation is still there for the agents, and the channel does not come back on a restart of the runtime.
    const agent = await as('agent');
    const kept = await agent.ok<{ items: Array<{ contactName: Array<{ text?: string }> }> }>('listConversations', { filter: { channelId: 'tg' } });
    expect(kept.items.map((i) => i.contactName.map((s) => s.text).join(''))).toEqual(['Layla']);
    await c.channels.stop();
    c.channels.start();
    expect(c.channels.runtime.health().map((h) => h.channelId)).not.toContain('tg');
    const entry = (await trail(c)).find((e) => e.action === 'channel.removed');
    expect(entry).toMatchObject({ target: 'channel:tg', details: { kind: 'telegram', conversationsKept: 1, keychainCleared: true } });
    expect(await admin.call('removeChannel', { id: 'tg' })).toMatchObject({ ok: false, error: { code: 'channel_unknown' } });
    expect(await admin.call('testChannel', { id: 'tg' })).toMatchObject({ ok: false, error: { code: 'channel_unknown' } });

    // Set up again under the same id: listed, running, its old conversation still its own.
    await admin.ok('saveChannel', { id: 'tg', kind: 'telegram', name: 'Bot again', credentials: { botToken: TG_TOKEN }, settings: { baseUrl: tg.url, longPollSeconds: 1 } });
    expect((await admin.ok<Array<{ id: string; name: string; hasCredentials: boolean }>>('listChannels', {})).find((x) => x.id === 'tg')).toMatchObject({ name: 'Bot again', hasCredentials: true });
    expect(c.channels.runtime.health().map((h) => h.channelId)).toContain('tg');
  });

  it('refuses a channel set to go through the relay while the policy names no relay, with a sentence, writing nothing', async () => {
    const c = (core = await testCore());
    const admin = await (await signedInConsole(c))('admin');
    const r = await admin.call('saveChannel', { id: 'wa-relay', kind: 'whatsapp', name: 'WhatsApp', credentials: { accessToken: META_TOKEN }, settings: { via: 'relay' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'relay_not_configured', message: 'Channel wa-relay goes through the relay, but the IT policy names no relay (relay.url and relay.pin). Ask IT to add it.' } });
    expect(c.store.channels.list().map((x) => x.id)).not.toContain('wa-relay');
    expect(await c.vault.channelToken('wa-relay')).toBeNull();
  });
});
