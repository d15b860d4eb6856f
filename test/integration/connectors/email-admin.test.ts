import { afterEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../../main/core/auth';
import type { Core } from '../../../main/core/app';
import { createMainDispatch, type CallContext } from '../../../main/ipc';
import { addPeople, PEOPLE } from '../../helpers/console';
import { until } from '../../helpers/connectors';
import { testCore } from '../../helpers/core';
import { Dovecot, rawMail, SmtpReceiver } from '../../helpers/mail-servers';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function console_(c: Core) {
  await addPeople(c);
  const d = createMainDispatch(c, () => {}, { notify: () => true });
  const as = async (who: keyof typeof PEOPLE) => {
    const ctx: CallContext = { trustedSender: true, session: newSessionSlot() };
    const ok = async <T = unknown>(channel: string, request: unknown): Promise<T> => {
      const r = await d(channel, request, ctx);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    };
    const call = (channel: string, request: unknown) => d(channel, request, ctx);
    await ok('signIn', { username: PEOPLE[who].username, password: PEOPLE[who].password });
    return { ok, call };
  };
  return as;
}

describe('the admin form\'s e-mail kind, end to end through the main dispatcher', () => {
  it('saves an e-mail channel, receives mail from Dovecot, and sends an agent\'s reply through the guards and SMTP', async () => {
    const imap = await Dovecot.start();
    const smtp = await SmtpReceiver.start({ user: imap.user, pass: imap.password });
    const c = await testCore();
    cleanup.push(() => c.close(), () => imap.stop(), () => smtp.stop(), () => c.channels.stop());
    const as = await console_(c);
    c.channels.start();
    const admin = await as('admin');
    await admin.ok('saveChannel', {
      id: 'email-1',
      kind: 'email',
      name: 'Support mailbox',
      credentials: { username: imap.user, password: imap.password },
      settings: {
        address: 'support@acme.test',
        imapHost: '127.0.0.1',
        imapPort: String(imap.port),
        imapSecurity: 'plain',
        smtpHost: '127.0.0.1',
        smtpPort: String(smtp.port),
        smtpSecurity: 'plain',
      },
    });
    await until(() => c.channels.runtime.health().some((h) => h.channelId === 'email-1' && h.state === 'connected'), 'the e-mail channel connected', 20_000);
    await imap.append([rawMail({ from: 'Layla <layla@customer.test>', subject: 'Refund', messageId: 'adm1@customer.test', text: 'Where is my refund?' })]);
    const agent = await as('agent');
    type List = { items: Array<{ id: string; channelKind: string }> };
    let list: List = { items: [] };
    for (let i = 0; i < 200 && !list.items.some((x) => x.channelKind === 'email'); i++) {
      list = await agent.ok<List>('listConversations', { filter: {} });
      await new Promise((r) => setTimeout(r, 50));
    }
    const conv = list.items.find((x) => x.channelKind === 'email');
    expect(conv).toBeDefined();
    const detail = await agent.ok<{ messages: Array<{ id: string; direction: string; segments?: unknown }> }>('openConversation', { conversationId: conv!.id });
    const seenInboundId = detail.messages.filter((m) => m.direction === 'in').at(-1)!.id;
    expect(JSON.stringify(detail.messages)).toMatch(/Subject: Refund/);
    const blocked = await agent.call('sendReply', { conversationId: conv!.id, text: 'Please send me the one-time code we just texted you.', seenInboundId });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'guard_blocked' } });
    await agent.ok('sendReply', { conversationId: conv!.id, text: 'Your refund was issued today.', seenInboundId });
    await until(() => smtp.received.length === 1, 'the reply reached the SMTP server', 20_000);
    expect(smtp.received[0]!.to).toEqual(['layla@customer.test']);
    expect(smtp.received[0]!.mail.inReplyTo).toBe('<adm1@customer.test>');
    expect(smtp.received[0]!.mail.text?.trim()).toBe('Your refund was issued today.');
    expect(smtp.received.some((m) => /one-time code/.test(m.raw))).toBe(false);
  });
});
