import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialsDirSecrets, startHubNode, type RunningHub } from '../../main/hub';
import { generateSealingKey } from '../../main/core/custody';
import { OriginalsSealer } from '../../main/hub/sealing';
import { Dovecot, hubMailboxChannel, rawMail, SmtpReceiver } from '../helpers/mail-servers';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { CustodianProcess } from './custody-fixture';
import { hubFiles, inProcessHubConfig, seedHub, until, type HubFiles } from './harness';

/**
 * E-mail as a team channel: the hub runs the mailbox (IMAP against a real Dovecot, SMTP to a real receiver) on the
 * node holding its lease, masks and seals what arrives (a flood through the hub's shared flood gate), and answers
 * threaded, exactly as a console does alone.
 */
describe('e-mail at the hub', () => {
  let pg: TestPostgres;
  let files: HubFiles;
  let custodian: CustodianProcess;
  let imap: Dovecot;
  let smtp: SmtpReceiver;
  let hub: RunningHub;
  let seed: Awaited<ReturnType<typeof seedHub>>;
  const CARD = '4111 1111 1111 1111';

  beforeAll(async () => {
    pg = await startTestPostgres();
    files = await hubFiles();
    custodian = new CustodianProcess(files.custody);
    await custodian.start();
    // The hub reads the mailbox password from its credentials folder (systemd credentials: files IT protects), like
    // every hub secret in these tests; this mailbox's own password is not one the consoles' tests keep in a keychain.
    imap = await Dovecot.start({ users: { 'support@acme.test': `hub-mailbox-${crypto.randomBytes(6).toString('hex')}` } });
    smtp = await SmtpReceiver.start({ user: imap.user, pass: imap.password });
    seed = await seedHub(pg.url, { users: [{ username: 'amal', role: 'agent' }] });
    fs.writeFileSync(path.join(files.credentials, 'mail.token'), JSON.stringify({ username: imap.user, password: imap.password }), { mode: 0o400 });
    await seed.store.saveChannel(hubMailboxChannel(imap, smtp.port), { actor: 'it:test' });
    await imap.append([rawMail({ from: 'Layla Haddad <layla@customer.test>', subject: 'Card charged twice', messageId: 'm1@customer.test', text: `My card ${CARD} was charged twice.` })]);
    hub = await startHubNode({ config: inProcessHubConfig(files, pg.url, {
        officeRanges: ['127.0.0.1/32'],
        leaseRetryMs: 200,
        // One sender may send 3 mails at once (the flood test's fourth and fifth are held back).
        webhooks: { flood: { perSender: { perMinute: 0.001, burst: 3 }, perChannel: { perMinute: 6_000, burst: 1_000 } } },
      }), secrets: new CredentialsDirSecrets(files.credentials), log: () => {} });
  }, 90_000);

  afterAll(async () => {
    await hub?.close();
    await smtp?.stop();
    await imap?.stop();
    await custodian?.stop();
    await seed?.store.close();
    await pg?.destroy();
  });

  it('takes a customer\'s mail into the team inbox masked and sealed, and sends the agent\'s reply threaded', async () => {
    await until(async () => (await seed.store.conversations({ channels: ['mail'] })).length === 1, 'the mail at the hub', 30_000);
    const [conversation] = await seed.store.conversations({ channels: ['mail'] });
    const [message] = await seed.store.messages(conversation!.id);
    expect(message!.maskedText).toMatch(/^Subject: Card charged twice\n\nMy card .+ was charged twice\.$/);
    expect(message!.maskedText).not.toContain(CARD);
    expect(message!.fields.map((f) => f.type)).toEqual(['CARD']);
    const sealed = await seed.store.q.get<{ sealed_text: Buffer }>('SELECT sealed_text FROM messages WHERE id = ?', [message!.id]);
    expect(sealed!.sealed_text.toString('latin1')).not.toContain(CARD);
    // The mailbox cursor (UIDVALIDITY and UID) is the hub's, written with the message.
    expect(await seed.store.channelCursor('mail')).toMatch(/\d/);

    // A reply queued by an agent, as the hub's reply route queues it (the clear copy under the hub's outbox key).
    const outboxKey = Buffer.from(fs.readFileSync(path.join(files.credentials, 'outbox-key'), 'utf8'), 'base64');
    const key = generateSealingKey(1);
    const sealer = new OriginalsSealer('acme', () => key, outboxKey);
    const p = sealer.prepareReply('We are looking into it.');
    await seed.store.enqueueReply({ conversationId: conversation!.id, authorId: seed.ids.amal!, device: 'desk', clientId: 'client-mail-1', maskedText: p.maskedText, fields: p.fields, seal: p.seal, outboxText: p.outboxText, actor: { actor: 'amal' } });
    await until(() => smtp.received.length === 1, 'the reply at the SMTP server', 30_000);
    const reply = smtp.received[0]!;
    expect(reply.to).toEqual(['layla@customer.test']);
    expect(reply.mail.subject).toBe('Re: Card charged twice');
    expect(reply.mail.inReplyTo).toBe('<m1@customer.test>');
    await until(async () => (await seed.store.q.get<{ state: string }>("SELECT state FROM outbox WHERE client_id = 'client-mail-1'"))?.state === 'sent', 'the reply marked sent', 10_000);
  });

  it('holds one sender’s mail flood at the hub’s flood gate while another customer’s mail gets in, and moves the mailbox cursor past both', async () => {
    const cursorBefore = await seed.store.channelCursor('mail');
    const flood = Array.from({ length: 5 }, (_, i) => rawMail({ from: 'Flood Bot <bot@spam.test>', subject: `Win ${i}`, messageId: `flood${i}@spam.test`, text: `flood mail ${i}` }));
    await imap.append([...flood, rawMail({ from: 'Sara <sara@customer.test>', subject: 'Order', messageId: 'sara1@customer.test', text: 'Where is my order?' })]);
    const held = () => seed.store.q.all<{ reason: string; sender: string }>("SELECT reason, sender FROM webhook_quarantine WHERE channel_id = 'mail' ORDER BY id");
    const inbound = async () => Number((await seed.store.q.get<{ n: number | string }>("SELECT COUNT(*) AS n FROM messages WHERE channel_id = 'mail' AND direction = 'in'"))!.n);
    await until(async () => (await held()).length === 2 && (await inbound()) === 5, 'three of the flood and Sara’s mail stored, two held', 30_000);
    expect((await held()).map((h) => h.reason)).toEqual(['sender_rate', 'sender_rate']);
    expect(new Set((await held()).map((h) => h.sender)).size).toBe(1);
    expect(new Set((await seed.store.conversations({ channels: ['mail'] })).map((c) => c.contact.displayName))).toEqual(new Set(['Flood Bot', 'Layla Haddad', 'Sara']));
    expect(await seed.store.channelCursor('mail')).not.toBe(cursorBefore);
    expect((await hub.health()).webhooks.mail).toMatchObject({ polledHeld: 2 });
    const audit = await seed.store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'guard.quarantine.held'");
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ messages: 2, reason: 'flood', polled: true }]);
  });

  it('refuses an e-mail channel set up without its mailbox settings, in words', async () => {
    const { runCli } = await import('../../main/cli/run');
    const { Readable, Writable } = await import('node:stream');
    const out: string[] = [];
    const sink = new Writable({ write: (c, _e, cb) => (out.push(String(c)), cb()) });
    const config = path.join(files.dir, 'mail-hub.json');
    fs.writeFileSync(config, JSON.stringify(inProcessHubConfig(files, pg.url, { officeRanges: ['127.0.0.1/32'] })));
    const code = await runCli(['hub', 'channel', 'add', '--id', 'mail2', '--kind', 'email', '--name', 'Mail', '--settings', '{"address":"help@acme.test"}', '--config', config], {
      stdin: Readable.from([]),
      stdout: sink,
      stderr: sink,
      env: { CREDENTIALS_DIRECTORY: files.credentials },
    });
    expect(code).toBe(1);
    expect(out.join('')).toMatch(/is a email channel and needs "imapHost" and "smtpHost" in --settings \(the mailbox address and its mail servers\)/);
  });
});
