import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamCache } from '../../main/core/team/cache';
import { DATA_REMOVED, HubCustomerData, HubRetention, HubStore, type PreparedMessage } from '../../main/hub/store';
import { tmpDir } from '../helpers/tmp';
import { bothAdapters } from './adapters';
import { preparedMessage } from './prepared-message';

/** Erasing and exporting one customer, and retention, at the hub: the same behaviour on SQLite and PostgreSQL. */
const adapters = bothAdapters('hub-customer-data-');
const DAY = 24 * 60 * 60 * 1000;
const actor = { actor: 'it:test', device: null };

/** A customer's message with one sealed phone field, a sealed text and a fetchable attachment. */
function sealedMessage(id: string, chat: string, sentAt: number, text = `call ⟦PHONE·…19⟧ (${id})`): PreparedMessage {
  return preparedMessage(id, chat, sentAt, {
    contact: { platformUserId: `u-${chat}`, displayName: `Name of ${chat}` },
    maskedText: text,
    fields: [{ type: 'PHONE', shown: '…19' }],
    attachments: [{ kind: 'photo', platformFileId: `file-${id}`, fileName: 'id.jpg', mimeType: 'image/jpeg', size: 10 }],
    seal: (messageId) => ({ text: Buffer.from(`sealed-text-${messageId}`), fields: [Buffer.from(`sealed-field-${messageId}`)] }),
  });
}

async function count(store: HubStore, sql: string, params: Array<string | number> = []): Promise<number> {
  return Number((await store.q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`, params))!.n);
}

for (const [name, open] of Object.entries(adapters)) {
  describe(`hub customer data: ${name}`, () => {
    let store: HubStore;
    const t = 400 * DAY;
    const now = () => t;
    let agentId = 0;

    beforeAll(async () => {
      store = await open(now);
      await store.migrate();
      for (const id of ['tg', 'wa']) await store.saveChannel({ id, kind: 'telegram', name: id, config: {}, enabled: true }, actor);
      agentId = (await store.createUser({ username: 'agent', displayName: 'Agent', role: 'agent', passwordHash: 'x' }, actor)).id;
    });
    afterAll(async () => {
      await store?.close();
    });

    /** A conversation of customer `chat` with everything hanging off it that the hub can keep. */
    async function customerWithEverything(chat: string): Promise<{ contactId: number; conversationId: number; messageIds: number[] }> {
      await store.ingest('tg', [sealedMessage(`${chat}-1`, chat, t - 2_000), sealedMessage(`${chat}-2`, chat, t - 1_000)]);
      const conv = (await store.conversations()).find((c) => c.contact.displayName === `Name of ${chat}`)!;
      const messageIds = (await store.messages(conv.id)).map((m) => m.id);
      const reply = await store.enqueueReply({
        conversationId: conv.id,
        authorId: agentId,
        device: 'dev-1',
        clientId: `reply-${chat}`,
        maskedText: 'we will call you',
        fields: [],
        seal: () => ({ text: Buffer.from('sealed-reply'), fields: [] }),
        outboxText: () => Buffer.from('clear copy under the outbox key'),
        actor,
      });
      await store.addNote(conv.id, agentId, `note about ${chat}`, Buffer.from('sealed-note'), actor);
      const label = await store.q.get<{ id: number }>('INSERT INTO labels (name, name_key, created_at) VALUES (?, ?, ?) RETURNING id', [`vip-${chat}`, `vip-${chat}`, t]);
      await store.q.run('INSERT INTO conversation_labels (conversation_id, label_id, last_message_at) VALUES (?, ?, ?)', [conv.id, label!.id, t]);
      await store.q.run('INSERT INTO quality_reviews (conversation_id, reviewer_id, score, comment, updated_at) VALUES (?, ?, 4, ?, ?)', [conv.id, agentId, 'ok', t]);
      await store.createReveal({ messageId: messageIds[0]!, fieldN: 0, requesterId: agentId, device: 'dev-1', reason: 'verify the number', state: 'granted', expiresAt: t + 60_000 }, actor);
      await store.q.run('INSERT INTO scam_reports (message_id, conversation_id, channel_id, reporter_id, device, created_at) VALUES (?, ?, ?, ?, ?, ?)', [messageIds[1]!, conv.id, 'tg', agentId, 'dev-1', t]);
      await store.q.run('INSERT INTO conversation_aliases (channel_id, alias, conversation_id, created_at) VALUES (?, ?, ?, ?)', ['tg', `alias-${chat}`, conv.id, t]);
      await store.q.run('INSERT INTO alerts (kind, raised_at, channel_id, conversation_id, payload) VALUES (?, ?, ?, ?, ?)', ['security_spike', t, 'tg', conv.id, '{}']);
      await store.q.run(
        'INSERT INTO reply_approvals (conversation_id, requester_id, device, text_hash, masked_text, reasons, state, created_at, expires_at, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [conv.id, agentId, 'dev-1', 'h', 'send your code', '[]', 'approved', t, t + 1, reply.messageId],
      );
      await store.q.run('INSERT INTO contact_consent (contact_id, channel_id, version, notice_message_id, notified_at) VALUES (?, ?, 1, ?, ?)', [conv.contact.id, 'tg', reply.messageId, t]);
      return { contactId: conv.contact.id, conversationId: conv.id, messageIds: [...messageIds, reply.messageId] };
    }

    it('erases one customer everywhere the hub keeps them, in one transaction with its event and a text-free audit entry', async () => {
      const ana = await customerWithEverything('ana');
      const bob = await customerWithEverything('bob');
      const data = new HubCustomerData(store);
      const seq = await store.latestEventSeq();
      const r = await data.erase({ channelId: 'tg', platformUserId: 'u-ana' }, actor);
      expect(r).toEqual({ contactId: ana.contactId, channelId: 'tg', conversations: 1, messages: 3, heldMessages: 0 });

      const byConversation = ['messages', 'notes', 'conversation_labels', 'quality_reviews', 'scam_reports', 'conversation_aliases', 'alerts', 'reply_approvals', 'events'];
      for (const table of byConversation) expect(await count(store, `${table} WHERE conversation_id = ?`, [ana.conversationId]), table).toBe(0);
      for (const table of byConversation) expect(await count(store, `${table} WHERE conversation_id = ?`, [bob.conversationId]), table).toBeGreaterThan(0);
      const list = ana.messageIds.map(() => '?').join(', ');
      for (const table of ['message_fields', 'outbox', 'reveals']) expect(await count(store, `${table} WHERE message_id IN (${list})`, ana.messageIds), table).toBe(0);
      expect(await count(store, 'contacts WHERE id = ?', [ana.contactId])).toBe(0);
      expect(await count(store, 'contact_consent WHERE contact_id = ?', [ana.contactId])).toBe(0);
      expect(await count(store, 'conversations WHERE id = ?', [ana.conversationId])).toBe(0);

      // Consoles hear it once (after the earlier events); the removal names ids only.
      const events = await store.eventsAfter(seq);
      expect(events.map((e) => e.kind)).toEqual([DATA_REMOVED]);
      expect(events[0]).toMatchObject({ audience: 'conversation', channelId: 'tg', payload: { conversationIds: [ana.conversationId], messageIds: [], why: 'erased' } });

      // The trail says it happened, stays verifiable, and holds none of the customer's text or name.
      const entry = await store.q.get<{ action: string; target: string; details: string }>('SELECT action, target, details FROM audit ORDER BY seq DESC LIMIT 1');
      expect(entry).toMatchObject({ action: 'customer.erase', target: `contact:${ana.contactId}` });
      expect(JSON.parse(entry!.details)).toEqual({ channel: 'tg', conversations: 1, messages: 3 });
      expect(entry!.details).not.toMatch(/ana|call|PHONE/i);
      expect((await store.verifyAudit()).broken).toBeNull();
      const auditBefore = await count(store, 'audit');

      // Again: a sentence, and nothing changes (no event, no audit entry).
      const after = await store.latestEventSeq();
      await expect(data.erase({ contactId: ana.contactId }, actor)).rejects.toMatchObject({ code: 'contact_unknown', message: expect.stringMatching(/nothing was changed/) });
      expect(await store.latestEventSeq()).toBe(after);
      expect(await count(store, 'audit')).toBe(auditBefore);
    });

    it('a console that applies the frame drops the erased conversation, its messages and notes from its cache', async () => {
      const cache = new TeamCache(path.join(tmpDir('hub-cache-'), 'cache.sqlite'), crypto.randomBytes(32));
      try {
        const cy = await customerWithEverything('cy');
        cache.applyFrame(await store.latestEventSeq(), await store.eventsAfter(0, 100_000));
        const cached = (sql: string, id: number) => Number((cache.db.prepare(`SELECT COUNT(*) AS n FROM ${sql}`).get(id) as { n: number }).n);
        expect(cached('conversations WHERE id = ?', cy.conversationId)).toBe(1);
        expect(cached('messages WHERE conversation_id = ?', cy.conversationId)).toBe(3);
        const seq = await store.latestEventSeq();
        await new HubCustomerData(store).erase({ contactId: cy.contactId }, actor);
        cache.applyFrame(await store.latestEventSeq(), await store.eventsAfter(seq));
        expect(cached('conversations WHERE id = ?', cy.conversationId)).toBe(0);
        expect(cached('messages WHERE conversation_id = ?', cy.conversationId)).toBe(0);
        expect(cached('notes WHERE conversation_id = ?', cy.conversationId)).toBe(0);
        expect(cached('conversation_labels WHERE conversation_id = ?', cy.conversationId)).toBe(0);
      } finally {
        cache.db.close();
      }
    });

    it('exports one customer as masked JSON, says originals are not in it, and audits the export', async () => {
      const dee = await customerWithEverything('dee');
      const doc = await new HubCustomerData(store).export({ contactId: dee.contactId }, actor);
      expect(doc.format).toBe('diwan-hub-customer-export/1');
      expect(doc.originals).toMatch(/Masked text only/);
      expect(doc.contact).toEqual({ id: dee.contactId, channelId: 'tg', platformUserId: 'u-dee', handle: null, displayName: 'Name of dee' });
      expect(doc.consent).toMatchObject({ version: 1, acknowledgedAt: null });
      const [conv] = doc.conversations;
      expect(conv!.labels).toEqual(['vip-dee']);
      expect(conv!.messages.map((m) => m.text)).toEqual(['call ⟦PHONE·…19⟧ (dee-1)', 'call ⟦PHONE·…19⟧ (dee-2)', 'we will call you']);
      expect(conv!.messages[0]).toMatchObject({ direction: 'in', fields: [{ n: 0, type: 'PHONE', shown: '…19' }], originalKept: true });
      expect(conv!.messages[0]!.attachments).toEqual([{ kind: 'photo', fileName: 'id.jpg', mimeType: 'image/jpeg', size: 10, fetchable: true }]);
      expect(conv!.messages[2]).toMatchObject({ direction: 'out', delivery: 'queued' });
      expect(conv!.notes.map((n) => n.text)).toEqual(['note about dee']);
      expect(JSON.stringify(doc)).not.toMatch(/sealed-|file-dee|clear copy/);
      const entry = await store.q.get<{ action: string; target: string; details: string }>('SELECT action, target, details FROM audit ORDER BY seq DESC LIMIT 1');
      expect(entry).toMatchObject({ action: 'customer.export', target: `contact:${dee.contactId}` });
      expect(JSON.parse(entry!.details)).toEqual({ channel: 'tg', conversations: 1, messages: 3, originals: false });
      await expect(new HubCustomerData(store).export({ channelId: 'tg', platformUserId: 'nobody' }, actor)).rejects.toMatchObject({ code: 'contact_unknown' });
    });

    it('refuses a bad policy with a sentence and changes nothing', async () => {
      const retention = new HubRetention(store);
      const audits = await count(store, 'audit');
      await expect(retention.setPolicy('wa', 'all', 0, actor)).rejects.toMatchObject({ code: 'retention_bad_days' });
      await expect(retention.setPolicy('wa', 'originals', null, actor)).rejects.toMatchObject({ code: 'retention_bad_days' });
      await expect(retention.setPolicy('wa', 'forever' as never, 3, actor)).rejects.toMatchObject({ code: 'retention_bad_mode' });
      await expect(retention.setPolicy('nope', 'all', 3, actor)).rejects.toMatchObject({ code: 'channel_unknown' });
      expect(await count(store, 'audit')).toBe(audits);
      expect(await retention.policies()).toEqual([]);
      expect(await retention.setPolicy('wa', 'keep', 9, actor)).toMatchObject({ channelId: 'wa', mode: 'keep', days: null });
      expect(await retention.apply(actor)).toEqual([]);
    });

    it('originals: drops sealed originals and attachment references after N days in bounded batches, resumes, keeps masked text', async () => {
      const retention = new HubRetention(store, { batch: 2 });
      // Five old messages and one new on `wa`, 40 and 1 days old.
      const old = Array.from({ length: 5 }, (_, i) => ({ ...sealedMessage(`o${i}`, 'eve', t - 40 * DAY + i), platformConversationId: 'eve' }));
      await store.ingest('wa', [...old, sealedMessage('fresh', 'eve', t - DAY)]);
      const conv = (await store.conversations()).find((c) => c.channelId === 'wa')!;
      await store.q.run('INSERT INTO notes (conversation_id, author_id, masked_text, sealed_text, created_at) VALUES (?, ?, ?, ?, ?)', [conv.id, agentId, 'old note', Buffer.from('s'), t - 40 * DAY]);
      await retention.setPolicy('wa', 'originals', 30, actor);

      const first = await retention.apply(actor, { maxBatches: 1 });
      expect(first).toEqual([expect.objectContaining({ channelId: 'wa', mode: 'originals', originalsCleared: 4, attachmentsCleared: 2, done: false })]);
      const rest = await retention.apply(actor);
      expect(rest[0]).toMatchObject({ originalsCleared: 3 * 2 + 1, attachmentsCleared: 3, done: true });

      const messages = await store.messages(conv.id);
      expect(messages).toHaveLength(6);
      expect(messages.map((m) => m.maskedText)).toContain('call ⟦PHONE·…19⟧ (o0)');
      const kept = await store.q.all<{ platform_message_id: string; sealed: number; attachments: string }>(
        'SELECT platform_message_id, CASE WHEN sealed_text IS NULL THEN 0 ELSE 1 END AS sealed, attachments FROM messages WHERE conversation_id = ? ORDER BY sent_at',
        [conv.id],
      );
      expect(kept.map((m) => [m.platform_message_id, Number(m.sealed), m.attachments.includes('platformFileId')])).toEqual([
        ['o0', 0, false],
        ['o1', 0, false],
        ['o2', 0, false],
        ['o3', 0, false],
        ['o4', 0, false],
        ['fresh', 1, true],
      ]);
      expect(messages.find((m) => m.maskedText.includes('(o0)'))!.attachments).toEqual([{ kind: 'photo', fileName: 'id.jpg', mimeType: 'image/jpeg', size: 10, fetchable: false }]);
      // The field's chip stays (type, masked shape); there is nothing left to reveal.
      const o0 = messages.find((m) => m.maskedText.includes('(o0)'))!;
      expect(o0.fields).toEqual([{ n: 0, type: 'PHONE', shown: '…19' }]);
      expect(await store.sealedField(o0.id, 0)).toBeNull();
      expect(await store.sealedField(messages.find((m) => m.maskedText.includes('fresh'))!.id, 0)).not.toBeNull();
      expect(await count(store, 'notes WHERE conversation_id = ? AND sealed_text IS NOT NULL', [conv.id])).toBe(0);

      // Nothing left to do: a run changes nothing and writes no audit entry.
      const audits = await count(store, 'audit');
      expect((await retention.apply(actor))[0]).toMatchObject({ originalsCleared: 0, attachmentsCleared: 0, done: true });
      expect(await count(store, 'audit')).toBe(audits);
      expect((await store.verifyAudit()).broken).toBeNull();
    });

    it('all: deletes stale conversations whole and old messages of live ones, keeps a held consent notice, tells consoles', async () => {
      const retention = new HubRetention(store, { batch: 40 });
      await retention.setPolicy('wa', 'keep', null, actor);
      await retention.setPolicy('tg', 'all', 10, actor);
      // `gus` went quiet 20 days ago; `hal` wrote 20 days ago and yesterday, and holds a consent notice from 20 days ago.
      await store.ingest('tg', [sealedMessage('g1', 'gus', t - 21 * DAY), sealedMessage('g2', 'gus', t - 20 * DAY)]);
      await store.ingest('tg', [sealedMessage('h1', 'hal', t - 20 * DAY), sealedMessage('h2', 'hal', t - DAY)]);
      const convs = await store.conversations();
      const gus = convs.find((c) => c.contact.displayName === 'Name of gus')!;
      const hal = convs.find((c) => c.contact.displayName === 'Name of hal')!;
      const notice = await store.enqueueReply({
        conversationId: hal.id, authorId: null, device: 'hub', clientId: 'consent-hal', maskedText: 'notice', fields: [],
        seal: () => ({ text: null, fields: [] }), outboxText: () => Buffer.from('x'), actor, stayAtHub: true,
      });
      await store.q.run('UPDATE messages SET sent_at = ? WHERE id = ?', [t - 20 * DAY, notice.messageId]);
      await store.q.run('INSERT INTO contact_consent (contact_id, channel_id, version, notice_message_id, notified_at) VALUES (?, ?, 1, ?, ?)', [hal.contact.id, 'tg', notice.messageId, t - 20 * DAY]);
      const h1 = (await store.messages(hal.id)).find((m) => m.maskedText.includes('(h1)'))!;
      // Leave the earlier tests' conversations on `tg` (bob's, ana's gone) inside the period.
      const seq = await store.latestEventSeq();

      const [r] = await retention.apply(actor);
      expect(r).toMatchObject({ channelId: 'tg', mode: 'all', conversationsDeleted: 1, messagesDeleted: 3, contactsDeleted: 1, done: true });
      expect(await count(store, 'conversations WHERE id = ?', [gus.id])).toBe(0);
      expect(await count(store, 'contacts WHERE id = ?', [gus.contact.id])).toBe(0);
      const left = (await store.messages(hal.id)).map((m) => m.maskedText);
      expect(left.sort()).toEqual(['call ⟦PHONE·…19⟧ (h2)', 'notice']);
      expect(await count(store, 'contact_consent WHERE contact_id = ?', [hal.contact.id])).toBe(1);

      // The deleted message's own events went with it; the conversation's others stay for consoles that replay.
      const halEvents = (await store.eventsAfter(0, 100_000)).filter((e) => e.conversationId === hal.id);
      expect(halEvents.some((e) => e.kind === 'message.added' && (e.payload as { id: number }).id === h1.id)).toBe(false);
      expect(halEvents.some((e) => e.kind === 'message.added' && (e.payload as { maskedText: string }).maskedText.includes('(h2)'))).toBe(true);
      expect(halEvents.some((e) => e.kind === 'conversation.updated')).toBe(true);
      const removed = (await store.eventsAfter(seq)).filter((e) => e.kind === DATA_REMOVED).map((e) => e.payload);
      expect(removed).toEqual([
        { conversationIds: [gus.id], messageIds: [], why: 'retention' },
        { conversationIds: [], messageIds: [h1.id], why: 'retention' },
      ]);
      const runs = await store.q.all<{ details: string }>("SELECT details FROM audit WHERE action = 'retention.run' AND target = 'channel:tg' ORDER BY seq");
      expect(runs.map((a) => JSON.parse(a.details) as unknown)).toEqual([
        { mode: 'all', days: 10, conversationsDeleted: 1, messagesDeleted: 2, contactsDeleted: 1 },
        { mode: 'all', days: 10, messagesDeleted: 1 },
      ]);
      expect((await store.verifyAudit()).broken).toBeNull();
    });
  });
}
