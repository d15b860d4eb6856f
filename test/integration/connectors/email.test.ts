import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/app';
import type { ChannelConfig, ChannelHealth } from '../../../main/core/connectors';
import { connectorCore, fastTime, leaks, outboxRows, putSecrets, queueReply, storedMessages, testRuntime, until } from '../../helpers/connectors';
import { Dovecot, rawMail, SmtpReceiver, type DovecotOptions } from '../../helpers/mail-servers';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(opts: { dovecot?: DovecotOptions; settings?: ChannelConfig['settings']; pollIntervalMs?: number } = {}) {
  const time = fastTime(1);
  const imap = await Dovecot.start(opts.dovecot);
  const smtp = await SmtpReceiver.start({ user: imap.user, pass: imap.password });
  const core: Core = await connectorCore([{ id: 'mail', kind: 'email' }], time.clock);
  await putSecrets(core, 'mail', { username: imap.user, password: imap.password });
  const config: ChannelConfig = {
    id: 'mail',
    kind: 'email',
    ...(opts.pollIntervalMs ? { pollIntervalMs: opts.pollIntervalMs } : {}),
    settings: {
      address: 'support@acme.test',
      imapHost: '127.0.0.1',
      imapPort: imap.port,
      imapSecurity: 'plain',
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecurity: 'plain',
      idleMs: 20_000,
      ...opts.settings,
    },
  };
  const { runtime, logs } = testRuntime(core, time, [config], { errorBackoff: { baseMs: 100, capMs: 400 } });
  const states: ChannelHealth[] = [];
  runtime.on('health', (h) => states.push(h));
  cleanup.push(() => core.close(), () => imap.stop(), () => smtp.stop(), () => runtime.stop());
  return { time, imap, smtp, core, runtime, logs, states, config };
}

const conversations = (core: Core) =>
  core.db.prepare("SELECT platform_conversation_id p FROM conversations WHERE channel_id = 'mail' ORDER BY id").pluck().all() as string[];

describe('e-mail channel against Dovecot and an SMTP receiver', () => {
  it('threads five messages into one conversation and answers with two agents\' replies threaded for the customer', async () => {
    const { imap, smtp, core, runtime, logs } = await setup();
    const c = 'Layla Haddad <layla@customer.test>';
    await imap.append([
      rawMail({ from: c, subject: 'Card charged twice', messageId: 'm1@customer.test', text: 'My card 4111 1111 1111 1111 was charged twice.' }),
      rawMail({ from: c, subject: 'Re: Card charged twice', messageId: 'm2@customer.test', inReplyTo: 'm1@customer.test', references: ['m1@customer.test'], text: 'Any news?' }),
      rawMail({ from: 'Omar <omar@other.test>', subject: 'Password reset', messageId: 'o1@other.test', text: 'I cannot log in' }),
    ]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 3, 'three messages stored', 20_000);
    expect(conversations(core)).toEqual(['m1@customer.test', 'o1@other.test']);
    const first = storedMessages(core, 'mail')[0]!;
    expect(first.masked_text).toMatch(/^Subject: Card charged twice\n\nMy card .+ was charged twice\.$/);
    expect(first.masked_text).not.toMatch(/4111 1111/);

    // Agent one answers; the reply threads under the customer's latest message.
    queueReply(core, 'mail', 'm1@customer.test', 'We are looking into it.');
    runtime.notifyOutbox('mail');
    await until(() => smtp.received.length === 1, 'first reply sent', 20_000);
    const r1 = smtp.received[0]!;
    expect(r1.to).toEqual(['layla@customer.test']);
    expect(r1.mail.subject).toBe('Re: Card charged twice');
    expect(r1.mail.inReplyTo).toBe('<m2@customer.test>');
    expect(r1.mail.references).toEqual(['<m1@customer.test>', '<m2@customer.test>']);
    const r1Id = r1.mail.messageId!.slice(1, -1);

    // Agent two answers too: threaded under agent one's reply.
    core.store.outbox.enqueue({ conversationId: Number(core.db.prepare("SELECT id FROM conversations WHERE platform_conversation_id = 'm1@customer.test'").pluck().get()), text: 'Refund issued.', authorId: 'agent-2' });
    runtime.notifyOutbox('mail');
    await until(() => smtp.received.length === 2, 'second reply sent', 20_000);
    const r2 = smtp.received[1]!;
    expect(r2.mail.inReplyTo).toBe(`<${r1Id}>`);
    expect(r2.mail.references).toEqual(['<m1@customer.test>', '<m2@customer.test>', `<${r1Id}>`]);

    // The customer answers agent two with only In-Reply-To (some clients), then with full References.
    const r2Id = r2.mail.messageId!.slice(1, -1);
    await imap.append([
      rawMail({ from: c, subject: 'Re: Card charged twice', messageId: 'm3@customer.test', inReplyTo: r2Id, text: 'Thanks!' }),
      rawMail({ from: c, subject: 'Re: Card charged twice', messageId: 'm4@customer.test', inReplyTo: 'm3@customer.test', references: ['m1@customer.test', 'm2@customer.test', r1Id, r2Id, 'm3@customer.test'], text: 'Got it.' }),
      rawMail({ from: c, subject: 'Re: Card charged twice', messageId: 'm5@customer.test', inReplyTo: 'm4@customer.test', references: ['m1@customer.test', 'm4@customer.test'], text: 'All good now.' }),
    ]);
    await until(() => storedMessages(core, 'mail').length === 8, 'thread of five plus two replies plus the other customer', 20_000);
    expect(conversations(core)).toEqual(['m1@customer.test', 'o1@other.test']);
    const inThread = core.db.prepare("SELECT count(*) FROM messages m JOIN conversations v ON v.id = m.conversation_id WHERE v.platform_conversation_id = 'm1@customer.test'").pluck().get();
    expect(inThread).toBe(7);
    expect(outboxRows(core, 'mail').map((r) => r.state)).toEqual(['sent', 'sent']);
    expect(leaks('imap-pass-0s9d8f7', core, logs)).toEqual([]);
  });
});
