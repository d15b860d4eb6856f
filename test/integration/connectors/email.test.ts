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

  it('wakes on IDLE when mail arrives, long before the IDLE would be renewed', async () => {
    const { imap, core, runtime, time } = await setup({ settings: { idleMs: 4 * 60_000 } });
    runtime.start();
    await until(() => runtime.health()[0]!.state === 'connected', 'connected', 20_000);
    await until(() => time.waits.includes(4 * 60_000), 'the runtime waiting in IDLE', 20_000);
    await imap.append([rawMail({ from: 'a@customer.test', subject: 'hello', messageId: 'idle1@customer.test', text: 'are you there?' })]);
    await until(() => storedMessages(core, 'mail').length === 1, 'the message, woken by IDLE', 20_000);
  });

  it('polls a server without IDLE at the configured interval', async () => {
    const { imap, core, runtime, time } = await setup({ dovecot: { idle: false }, pollIntervalMs: 250 });
    runtime.start();
    await until(() => time.waits.includes(250), 'a polling pause', 20_000);
    await imap.append([rawMail({ from: 'a@customer.test', subject: 'hello', messageId: 'poll1@customer.test', text: 'polled' })]);
    await until(() => storedMessages(core, 'mail').length === 1, 'the polled message', 20_000);
  });

  it('reads the mailbox again after a UIDVALIDITY change and stores nothing twice', async () => {
    const { imap, core, runtime, states } = await setup({ settings: { mailbox: 'Support' } });
    const admin = await imap.client();
    cleanup.push(() => admin.logout().catch(() => {}));
    await admin.mailboxCreate('Support');
    const one = rawMail({ from: 'a@customer.test', subject: 's', messageId: 'v1@customer.test', text: 'one' });
    const two = rawMail({ from: 'a@customer.test', subject: 's', messageId: 'v2@customer.test', text: 'two' });
    await imap.append([one, two], 'Support');
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 2, 'two stored', 20_000);
    const before = core.store.sink.cursor('mail')!;
    await runtime.stop();
    await admin.mailboxDelete('Support');
    await admin.mailboxCreate('Support');
    await imap.append([one, two, rawMail({ from: 'a@customer.test', subject: 's', messageId: 'v3@customer.test', text: 'three' })], 'Support');
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 3, 'the new message only', 20_000);
    await until(() => core.store.sink.cursor('mail') !== before && core.store.sink.cursor('mail')!.endsWith(':3'), 'the new cursor', 20_000);
    expect(core.store.sink.cursor('mail')!.split(':')[1]).not.toBe(before.split(':')[1]);
    expect(states.some((h) => /UIDVALIDITY changed/.test(h.note ?? ''))).toBe(true);
  });

  it('survives the IMAP server restarting in the middle of a backlog: every message once', async () => {
    const { imap, core, runtime } = await setup({ settings: { batchSize: 20 } });
    const filler = 'x'.repeat(20_000);
    await imap.append(Array.from({ length: 200 }, (_, i) => rawMail({ from: `c${i % 7}@customer.test`, subject: `n ${i}`, messageId: `r${i}@customer.test`, text: `${i} ${filler}` })));
    runtime.start();
    await until(() => storedMessages(core, 'mail').length >= 20, 'the first batch', 20_000);
    await imap.kill();
    const during = storedMessages(core, 'mail').length;
    expect(during).toBeLessThan(200);
    await until(() => runtime.health()[0]!.state !== 'connected', 'the channel notices', 20_000);
    await imap.run();
    await until(() => storedMessages(core, 'mail').length === 200, 'all 200 after the restart', 60_000);
    const ids = storedMessages(core, 'mail').map((m) => m.platform_message_id);
    expect(new Set(ids).size).toBe(200);
    expect(core.store.sink.cursor('mail')).toMatch(/:200$/);
  }, 120_000);

  it('stores a 30 MB message as a visible note without downloading it, and goes on with the mailbox', async () => {
    const { imap, core, runtime } = await setup();
    const big = Buffer.from(
      rawMail({ from: 'big@customer.test', subject: 'scans', messageId: 'big@customer.test', text: 'see attached\r\n' + 'A'.repeat(30 * 1024 * 1024) }),
    );
    await imap.append([big, rawMail({ from: 'next@customer.test', subject: 'after', messageId: 'after@customer.test', text: 'still here' })]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 2, 'the note and the next message', 60_000);
    const [note, next] = storedMessages(core, 'mail');
    expect(note!.masked_text).toMatch(/^Subject: scans\n⚠ This e-mail is 30\.0 MB, more than the 25\.0 MB Diwan downloads/);
    expect(note!.masked_text).not.toMatch(/AAAA/);
    expect(next!.masked_text).toMatch(/still here/);
  });

  it('shows a spoofed display name failing DMARC, trusting only its own server\'s Authentication-Results', async () => {
    const { imap, core, runtime } = await setup({ settings: { authservId: 'mx.acme.test', companyDomains: 'acme.com' } });
    await imap.append([
      rawMail({
        from: '"Acme Support" <security@acme-support.com>',
        subject: 'Verify your account',
        messageId: 'spoof@acme-support.com',
        text: 'Please confirm your login at http://acme-support.com/login',
        headers: {
          'Authentication-Results': 'mx.acme.test; spf=fail smtp.mailfrom=acme-support.com; dkim=none; dmarc=fail (p=reject dis=none) header.from=acme-support.com',
          'X-Forged': 'x',
        },
      }).replace('X-Forged: x', 'Authentication-Results: evil.test; spf=pass; dkim=pass; dmarc=pass'),
      rawMail({
        from: 'Layla <layla@customer.test>',
        subject: 'Order',
        messageId: 'fine@customer.test',
        text: 'Where is my order?',
        headers: { 'Authentication-Results': 'mx.acme.test; spf=pass smtp.mailfrom=customer.test; dkim=pass header.d=customer.test; dmarc=pass header.from=customer.test' },
      }),
    ]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 2, 'both stored', 20_000);
    const [spoof, fine] = storedMessages(core, 'mail');
    expect(spoof!.masked_text).toMatch(/SPF fail, DKIM none, DMARC fail/);
    expect(spoof!.masked_text).toMatch(/"Acme Support" presents itself as the company, but the address is at acme-support\.com/);
    expect(spoof!.masked_text).toMatch(/acme-support\.com imitates acme\.(test|com)/);
    expect(fine!.masked_text).not.toMatch(/⚠/);
  });

  it('applies a bounce to the reply it returns and keeps automatic replies out of the conversation', async () => {
    const { imap, smtp, core, runtime, states } = await setup();
    await imap.append([rawMail({ from: 'gone@customer.test', subject: 'Help', messageId: 'b1@customer.test', text: 'help me' })]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 1, 'stored', 20_000);
    queueReply(core, 'mail', 'b1@customer.test', 'On it.');
    runtime.notifyOutbox('mail');
    await until(() => smtp.received.length === 1, 'sent', 20_000);
    const sentId = smtp.received[0]!.mail.messageId!.slice(1, -1);
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>',
      'To: support@acme.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn1@mx.customer.test>',
      'Date: Fri, 20 Nov 2026 10:05:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'The mailbox gone@customer.test does not exist.',
      '--r',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.customer.test',
      '',
      'Final-Recipient: rfc822; gone@customer.test',
      'Action: failed',
      'Status: 5.1.1',
      '--r',
      'Content-Type: text/rfc822-headers',
      '',
      'From: support@acme.test',
      'To: gone@customer.test',
      `Message-ID: <${sentId}>`,
      'Subject: Re: Help',
      '--r--',
      '',
    ].join('\r\n');
    const ooo = rawMail({ from: 'gone@customer.test', subject: 'Automatic reply: Help', messageId: 'ooo@customer.test', inReplyTo: sentId, text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await imap.append([dsn, ooo]);
    await until(() => states.some((h) => /automatic repl/.test(h.note ?? '')), 'the note', 20_000);
    expect(storedMessages(core, 'mail').map((m) => m.platform_message_id)).toEqual(['b1@customer.test', sentId]);
    const sent = storedMessages(core, 'mail')[1]!;
    expect(sent.delivery).toBe('failed');
    expect(states.some((h) => /1 delivery report/.test(h.note ?? ''))).toBe(true);
  });

  it('turns HTML into text with no images, scripts or tracking pixels, and keeps messages without ids readable', async () => {
    const { imap, core, runtime } = await setup();
    await imap.append([
      rawMail({
        from: 'h@customer.test',
        subject: 'HTML',
        messageId: 'html@customer.test',
        html: '<html><head><style>p{}</style><script>alert(1)</script></head><body><p>Hello <b>team</b></p><img src="http://tracker.test/p.gif?u=1" width=1 height=1><p>See <a href="https://acme.test/order/7">my order</a></p></body></html>',
      }),
      rawMail({ from: 'n@customer.test', subject: 'No id, card 4111 1111 1111 1111', messageId: null, text: 'I have no Message-ID' }),
      'this is not an e-mail at all \x00\x01',
    ]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 3, 'three stored', 20_000);
    const [html, noId, junk] = storedMessages(core, 'mail');
    expect(html!.masked_text).toMatch(/Hello team/);
    expect(html!.masked_text).toMatch(/my order <https:\/\/acme\.test\/order\/7>/);
    expect(html!.masked_text).not.toMatch(/tracker|alert|p\{\}/);
    expect(noId!.platform_message_id).toMatch(/^sha256:[0-9a-f]{40}$/);
    expect(noId!.masked_text).toMatch(/I have no Message-ID/);
    expect(noId!.masked_text).toMatch(/^Subject: No id, card ⟦/);
    expect(noId!.masked_text).not.toMatch(/4111 1111/);
    expect(junk!.masked_text.length).toBeGreaterThan(0);
  });

  it('reports a refused password as a credentials problem, without the password anywhere', async () => {
    const { core, runtime, logs } = await setup();
    await putSecrets(core, 'mail', { username: 'support@acme.test', password: 'wrong-pass-1q2w3e' });
    runtime.start();
    await until(() => runtime.health()[0]!.state === 'token-rejected', 'token-rejected', 20_000);
    expect(runtime.health()[0]!.lastError).toMatch(/refused the channel's user name or password/);
    expect(leaks('wrong-pass-1q2w3e', core, logs)).toEqual([]);
  });

  it('answers the right person in the right thread after a restart, from the mailbox alone', async () => {
    const { imap, smtp, core, runtime, config, time } = await setup({ settings: { idleMs: 4 * 60_000 } });
    await imap.append([
      rawMail({ from: 'Sara <sara@customer.test>', subject: 'Invoice', messageId: 's1@customer.test', text: 'Wrong invoice', headers: { 'Reply-To': 'sara.billing@customer.test' } }),
      rawMail({ from: 'Sara <sara@customer.test>', subject: 'Re: Invoice', messageId: 's2@customer.test', inReplyTo: 's1@customer.test', references: ['s1@customer.test'], text: 'Hello?' }),
    ]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 2, 'stored', 20_000);
    await runtime.stop();
    // A new process: nothing remembered but the store and the mailbox.
    const second = testRuntime(core, time, [config]).runtime;
    cleanup.push(() => second.stop());
    const idles = time.waits.filter((w) => w === 4 * 60_000).length;
    second.start();
    await until(() => time.waits.filter((w) => w === 4 * 60_000).length > idles, 'the new runtime waiting in IDLE', 20_000);
    queueReply(core, 'mail', 's1@customer.test', 'Corrected invoice attached.');
    second.notifyOutbox('mail');
    await until(() => smtp.received.length === 1, 'sent after restart', 20_000);
    const r = smtp.received[0]!;
    expect(r.to).toEqual(['sara@customer.test']);
    expect(r.mail.inReplyTo).toBe('<s2@customer.test>');
    expect(r.mail.references).toEqual(['<s1@customer.test>', '<s2@customer.test>']);
    expect(r.mail.subject).toBe('Re: Invoice');
    // The thread lookup interrupted IDLE; the channel went back to it and still hears new mail at once.
    await imap.append([rawMail({ from: 'Sara <sara@customer.test>', subject: 'Re: Invoice', messageId: 's3@customer.test', inReplyTo: 's2@customer.test', references: ['s1@customer.test', 's2@customer.test'], text: 'Thanks' })]);
    await until(() => storedMessages(core, 'mail').length === 4, 'the next message, through IDLE', 15_000);
  });

  it('retries a reply the SMTP server deferred, and fails one it refused with the server\'s reason', async () => {
    const { imap, smtp, core, runtime } = await setup();
    await imap.append([rawMail({ from: 'k@customer.test', subject: 'Hi', messageId: 'k1@customer.test', text: 'hi' })]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 1, 'stored', 20_000);
    smtp.failNext.push({ code: 451, message: 'Try again later' });
    queueReply(core, 'mail', 'k1@customer.test', 'first');
    runtime.notifyOutbox('mail');
    await until(() => smtp.received.length === 1, 'sent on the second attempt', 30_000);
    // The receiver has the mail a moment before the outbox row is marked; wait for the mark, not for a time.
    await until(() => outboxRows(core, 'mail')[0]?.state === 'sent', 'marked sent', 30_000);
    expect(outboxRows(core, 'mail')[0]).toMatchObject({ state: 'sent', attempts: 2 });
    smtp.failNext.push({ code: 550, message: 'Mailbox unavailable' });
    queueReply(core, 'mail', 'k1@customer.test', 'second');
    runtime.notifyOutbox('mail');
    await until(() => outboxRows(core, 'mail')[1]?.state === 'failed', 'the refused reply failed', 20_000);
    expect(outboxRows(core, 'mail')[1]!.last_error).toMatch(/refused the reply: 550 Mailbox unavailable/);
    expect(smtp.received.length).toBe(1);
  });

  it('lists attachments as metadata and fetches one on demand from the mailbox, within the size limit', async () => {
    const { imap, core, runtime } = await setup({ settings: { maxAttachmentBytes: 100_000 } });
    const small = Buffer.from('%PDF-1.4 receipt ' + 'r'.repeat(5_000));
    const big = Buffer.alloc(300_000, 7);
    const raw = [
      'From: f@customer.test',
      'To: support@acme.test',
      'Subject: files',
      'Message-ID: <files@customer.test>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      '--m',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'two files',
      '--m',
      'Content-Type: application/pdf; name="receipt-4111111111111111.pdf"',
      'Content-Disposition: attachment; filename="receipt-4111111111111111.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      small.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--m',
      'Content-Type: application/octet-stream; name="dump.bin"',
      'Content-Disposition: attachment; filename="dump.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      big.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--m--',
      '',
    ].join('\r\n');
    await imap.append([raw]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 1, 'stored', 20_000);
    const rows = core.db.prepare('SELECT kind, platform_file_id, file_name, mime_type, size FROM attachments ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: 'document', mime_type: 'application/pdf', size: small.length });
    expect(String(rows[0]!.file_name)).not.toMatch(/4111/);
    expect(rows[1]).toMatchObject({ platform_file_id: null, size: big.length });
    const got = await runtime.connector('mail')!.fetchAttachment!(String(rows[0]!.platform_file_id), new AbortController().signal);
    expect(got.content.equals(small)).toBe(true);
    const [v, uid] = String(rows[0]!.platform_file_id).split(':');
    await expect(runtime.connector('mail')!.fetchAttachment!(`${v}:${uid}:3`, new AbortController().signal)).rejects.toThrow(/larger than/);
    await expect(runtime.connector('mail')!.fetchAttachment!(`1:${uid}:2`, new AbortController().signal)).rejects.toThrow(/renumbered/);
  });
});
