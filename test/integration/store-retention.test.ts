import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { exportGrant, fixedClock, inbound, revealOriginal, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const count = (c: Core, sql: string) => c.db.prepare(sql).pluck().get() as number;

describe('retention', () => {
  it('originals mode: drops old originals, keeps the masked transcript and search', async () => {
    core = await storeCore({ clock: fixedClock(NOW) });
    const { store } = core;
    store.channels.setRetention('tg', 'originals', 30);
    store.sink.ingest('tg', [
      inbound(1, { text: 'old 0501234567 refund', sentAt: NOW - 40 * DAY }),
      inbound(2, { text: 'new 0507654321 refund', sentAt: NOW - 1 * DAY }),
    ]);
    expect(store.runRetention()).toEqual([{ channelId: 'tg', mode: 'originals', originalsCleared: 1, messagesDeleted: 0, conversationsDeleted: 0 }]);
    const [old, recent] = store.conversations.messages(store.conversations.list().items[0]!.id);
    expect(old!.maskedText).toBe('old ⟦NUMBER·••67⟧ refund');
    expect(old!.fields[0]!.revealable).toBe(false);
    expect(() => revealOriginal(store, old!.id, 0)).toThrow(/deleted by the retention policy/);
    expect(revealOriginal(store, recent!.id, 0).value).toBe('0507654321');
    expect(store.search.search('refund')).toHaveLength(2);
    expect(store.runRetention()[0]!.originalsCleared).toBe(0);
    await core.ready();
    const runs = core.auditTrail.list().filter((e) => e.action === 'retention.run');
    expect(runs.map(({ actor, target, details }) => ({ actor, target, details }))).toEqual([
      { actor: 'system', target: 'channel:tg', details: { mode: 'originals', days: 30, sealedValuesCleared: 1, messagesDeleted: 0, conversationsDeleted: 0 } },
      { actor: 'system', target: 'channel:tg', details: { mode: 'originals', days: 30, sealedValuesCleared: 0, messagesDeleted: 0, conversationsDeleted: 0 } },
    ]);
  });

  it('all mode: deletes old messages, their search entries and empty conversations', async () => {
    core = await storeCore({ clock: fixedClock(NOW) });
    const { store } = core;
    store.channels.setRetention('tg', 'all', 7);
    store.sink.ingest('tg', [
      inbound(1, { platformConversationId: 'a', text: 'ancient refund', sentAt: NOW - 10 * DAY, attachments: [{ kind: 'photo' }] }),
      inbound(2, { platformConversationId: 'b', text: 'older refund', sentAt: NOW - 9 * DAY }),
      inbound(3, { platformConversationId: 'b', text: 'recent refund', sentAt: NOW - 1 * DAY }),
    ]);
    expect(store.runRetention()[0]).toMatchObject({ messagesDeleted: 2, conversationsDeleted: 1 });
    expect(store.search.search('refund').map((h) => h.maskedText)).toEqual(['recent refund']);
    expect(count(core, 'SELECT count(*) FROM conversations')).toBe(1);
    expect(count(core, 'SELECT count(*) FROM attachments')).toBe(0);
    expect(count(core, 'SELECT count(*) FROM message_fields')).toBe(0);
  });

  it('refuses a policy without a period', async () => {
    core = await storeCore();
    expect(() => core!.store.channels.setRetention('tg', 'all', null)).toThrow(/whole number of days/);
  });
});

describe('data-subject requests', () => {
  it('erases one customer entirely, leaves others, and records an audit entry without their data', async () => {
    core = await storeCore();
    await core.ready();
    const audit = () =>
      core!.auditTrail
        .list()
        .filter((e) => e.action.startsWith('customer.'))
        .map(({ action, actor, target, details }) => ({ action, actor, target, details }));
    const { store } = core;
    store.sink.ingest('tg', [
      inbound(1, { contact: { platformUserId: 'victim', displayName: 'Layla Haddad' }, platformConversationId: 'v', text: 'zanzibarite 0501234567', attachments: [{ kind: 'document', fileName: 'passport.pdf' }] }),
      inbound(2, { contact: { platformUserId: 'other' }, platformConversationId: 'o', text: 'zanzibarite other' }),
    ]);
    const victim = store.conversations.list().items.find((c) => c.contact.displayName === 'Layla Haddad')!;
    store.notes.add(victim.id, 'agent', 'called back');
    store.outbox.enqueue({ conversationId: victim.id, text: 'we will help', authorId: 'agent' });
    store.labels.attach(victim.id, store.labels.create('vip').id);

    const r = store.subjects.erase({ channelId: 'tg', platformUserId: 'victim' }, 'admin-1');
    expect(r).toMatchObject({ conversations: 1, messages: 2 });
    expect(audit()).toEqual([{ action: 'customer.erase', actor: 'admin-1', target: `contact:${victim.contact.id}`, details: { channel: 'tg', conversations: 1, messages: 2 } }]);
    expect(store.search.search('zanzibarite').map((h) => h.maskedText)).toEqual(['zanzibarite other']);
    for (const t of ['notes', 'outbox', 'attachments', 'conversation_labels']) expect(count(core, `SELECT count(*) FROM ${t}`)).toBe(0);
    expect(count(core, 'SELECT count(*) FROM contacts')).toBe(1);
    // Nothing of them is left in the file's free pages or the WAL (secure_delete, FTS optimize, checkpoint).
    const bytes = Buffer.concat([core.databaseFile, `${core.databaseFile}-wal`].filter(fs.existsSync).map((f) => fs.readFileSync(f)));
    for (const s of ['Layla', 'passport.pdf', 'called back', 'we will help']) expect(bytes.includes(Buffer.from(s))).toBe(false);
    expect(() => store.subjects.erase({ contactId: victim.contact.id }, 'admin-1')).toThrow(/No such customer/);
  });

  it('exports one customer as JSON with originals, and audits it', async () => {
    core = await storeCore();
    await core.ready();
    const audit = () =>
      core!.auditTrail
        .list()
        .filter((e) => e.action.startsWith('customer.'))
        .map(({ action, actor, target, details }) => ({ action, actor, target, details }));
    const { store } = core;
    store.sink.ingest('tg', [inbound(1, { text: 'my number 0501234567' }), inbound(2, { contact: { platformUserId: 'someone-else' }, platformConversationId: 'x' })]);
    const contactId = store.conversations.list().items.find((c) => c.contact.displayName === 'Customer One')!.contact.id;
    const out = store.subjects.export({ contactId }, 'admin-1', exportGrant(store));
    expect(out.contact).toMatchObject({ platformUserId: 'u1', displayName: 'Customer One' });
    expect(out.conversations).toHaveLength(1);
    expect(out.conversations[0]!.messages).toMatchObject([{ direction: 'in', text: 'my number 0501234567', originalDeletedByRetention: false }]);
    expect(audit()).toEqual([{ action: 'customer.export', actor: 'admin-1', target: `contact:${contactId}`, details: { conversations: 1 } }]);
  });
});
