import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/app';
import { exportGrant, fixedClock, inbound, revealOriginal, storeCore } from '../helpers/store';

let core: Core | undefined;
afterEach(() => core?.close());

describe('ingest path (real SQLite, real keychain)', () => {
  it('stores masked text, field spans and encrypted originals; a reveal decrypts one field', async () => {
    core = await storeCore();
    const { store } = core;
    const r = store.sink.ingest('tg', [inbound(1, { text: 'my phone is 0501234567 and mail ali@example.com' })], 'offset-2');
    expect(r).toMatchObject({ inserted: 1, duplicates: 0 });
    const [conv] = store.conversations.list().items;
    const [msg] = store.conversations.messages(conv!.id);
    expect(msg!.maskedText).toBe('my phone is ⟦NUMBER·••67⟧ and mail ⟦EMAIL⟧');
    expect(msg!.fields.map((f) => [f.type, msg!.maskedText.slice(f.start, f.end)])).toEqual([
      ['NUMBER', '⟦NUMBER·••67⟧'],
      ['EMAIL', '⟦EMAIL⟧'],
    ]);
    expect(revealOriginal(store, msg!.id, 0)).toEqual({ type: 'NUMBER', value: '0501234567' });
    expect(revealOriginal(store, msg!.id, 1).value).toBe('ali@example.com');
    const raw = core.db.prepare('SELECT masked_text, text_enc FROM messages').get() as { masked_text: string; text_enc: Buffer };
    expect(raw.text_enc.includes(Buffer.from('0501234567'))).toBe(false);
    expect(store.sink.cursor('tg')).toBe('offset-2');
  });

  it('is idempotent by (channel, platform message id) and keeps the cursor with its batch', async () => {
    core = await storeCore();
    const { store } = core;
    const batch = [inbound(1), inbound(2), inbound(3)];
    expect(store.sink.ingest('tg', batch, 'c3')).toMatchObject({ inserted: 3, duplicates: 0 });
    expect(store.sink.ingest('tg', [...batch, inbound(4)], 'c4')).toMatchObject({ inserted: 1, duplicates: 3 });
    expect(store.sink.ingest('tg', [inbound(5), inbound(5)])).toMatchObject({ inserted: 1, duplicates: 1 });
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(5);
    expect(store.sink.cursor('tg')).toBe('c4');
    expect(store.conversations.list().items[0]).toMatchObject({ unread: 5, status: 'open' });
  });

  it('rejects a bad batch whole, with a clear error, and writes nothing', async () => {
    core = await storeCore();
    const { store } = core;
    const bad = { ...inbound(2), sentAt: -5 };
    expect(() => store.sink.ingest('tg', [inbound(1), bad], 'c')).toThrow(/Message 2 of the batch is not valid: sentAt/);
    expect(() => store.sink.ingest('nope', [inbound(1)])).toThrow(/no channel "nope"/);
    expect(core.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    expect(store.sink.cursor('tg')).toBeNull();
  });

  it('masks display names and attachment file names, keeping the original name encrypted', async () => {
    core = await storeCore();
    const { store } = core;
    store.sink.ingest('tg', [
      inbound(1, { contact: { platformUserId: 'u9', displayName: 'Sara 0551112222', handle: 'sara' }, attachments: [{ kind: 'document', fileName: 'id-1234567.pdf', size: 10 }] }),
    ]);
    const [c] = store.conversations.list().items;
    expect(c!.contact).toMatchObject({ displayName: 'Sara ⟦NUMBER·••22⟧', handle: 'sara' });
    expect(store.conversations.messages(c!.id)[0]!.attachments).toEqual([{ kind: 'document', fileName: 'id-⟦NUMBER·••67⟧.pdf', mimeType: null, size: 10, fetchable: false }]);
    const exported = store.subjects.export({ contactId: c!.contact.id }, 'u-admin', exportGrant(store));
    expect(exported.contact.displayName).toBe('Sara 0551112222');
  });

  it('a sealed blob copied to another row does not open there', async () => {
    core = await storeCore();
    const { store } = core;
    store.sink.ingest('tg', [inbound(1, { text: 'card 4111111111111111' }), inbound(2, { text: 'pin 9876' })]);
    const ids = core.db.prepare('SELECT id FROM messages ORDER BY id').pluck().all() as number[];
    core.db.prepare('UPDATE message_fields SET value_enc = (SELECT value_enc FROM message_fields WHERE message_id = ?) WHERE message_id = ?').run(ids[0], ids[1]);
    expect(() => revealOriginal(store, ids[1]!, 0)).toThrow(expect.objectContaining({ code: 'sealed_mismatch' }));
    expect(revealOriginal(store, ids[0]!, 0).value).toBe('4111111111111111');
  });

  it('lists conversations by last activity with filters and keyset pages', async () => {
    const clock = fixedClock();
    core = await storeCore({ clock });
    const { store } = core;
    store.channels.create({ id: 'wa', kind: 'whatsapp', name: 'WhatsApp' });
    for (let i = 0; i < 12; i++) {
      const ch = i % 3 === 0 ? 'wa' : 'tg';
      store.sink.ingest(ch, [inbound(i, { platformConversationId: `c${i}`, contact: { platformUserId: `u${i}` }, sentAt: 1000 + i })]);
    }
    const all = store.conversations.list({}, { limit: 5 });
    expect(all.items.map((c) => c.lastActivityAt)).toEqual([1011, 1010, 1009, 1008, 1007]);
    const page2 = store.conversations.list({}, { limit: 5, after: all.next! });
    expect(page2.items.map((c) => c.lastActivityAt)).toEqual([1006, 1005, 1004, 1003, 1002]);
    const page3 = store.conversations.list({}, { limit: 5, after: page2.next! });
    expect(page3.items).toHaveLength(2);
    expect(page3.next).toBeNull();

    expect(store.conversations.list({ channelId: 'wa' }).items.map((c) => c.lastActivityAt)).toEqual([1009, 1006, 1003, 1000]);
    const target = all.items[1]!.id;
    store.conversations.setStatus(target, 'resolved');
    store.conversations.assign(target, 'user-7');
    store.conversations.markRead(all.items[0]!.id);
    const vip = store.labels.create('VIP', '#aa0000');
    store.labels.attach(target, vip.id);
    expect(store.conversations.list({ status: 'resolved' }).items.map((c) => c.id)).toEqual([target]);
    expect(store.conversations.list({ assigneeId: 'user-7' }).items.map((c) => c.id)).toEqual([target]);
    expect(store.conversations.list({ labelId: vip.id }).items[0]).toMatchObject({ id: target, labelIds: [vip.id] });
    expect(store.conversations.list({ unreadOnly: true }).items).toHaveLength(11);
    expect(store.conversations.list({ assigneeId: null }).items).toHaveLength(11);
    expect(() => store.conversations.setStatus(target, 'gone' as never)).toThrow(/one of: open/);

    // A new inbound message reopens a resolved conversation.
    store.sink.ingest('tg', [inbound(99, { platformConversationId: 'c10', contact: { platformUserId: 'u10' }, sentAt: 2000 })]);
    expect(store.conversations.get(target)).toMatchObject({ status: 'open', lastActivityAt: 2000 });
  });

  it('opens a conversation: the last N messages, oldest first, and pages back', async () => {
    core = await storeCore();
    const { store } = core;
    store.sink.ingest('tg', Array.from({ length: 30 }, (_, i) => inbound(i)));
    const id = store.conversations.list().items[0]!.id;
    const last10 = store.conversations.messages(id, { limit: 10 });
    expect(last10.map((m) => m.maskedText)).toEqual(Array.from({ length: 10 }, (_, i) => `hello ${20 + i}`));
    const before = store.conversations.messages(id, { limit: 5, before: { sentAt: last10[0]!.sentAt, id: last10[0]!.id } });
    expect(before.map((m) => m.maskedText)).toEqual(['hello 15', 'hello 16', 'hello 17', 'hello 18', 'hello 19']);
  });

  it('searches masked text only, with Arabic and Persian normalisation and highlights', async () => {
    core = await storeCore();
    const { store } = core;
    store.sink.ingest('tg', [
      inbound(1, { text: 'أريد إلغاء الطلب رقم 0501234567' }),
      inbound(2, { text: 'مي‌خواهم سفارش را لغو کنم' }),
      inbound(3, { text: 'الفاتورة ١٢٣ جاهزة' }),
      inbound(4, { text: 'nothing to see' }),
    ]);
    const hits = store.search.search('اريد الغاء');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.highlights.map((r) => hits[0]!.maskedText.slice(...r))).toEqual(['أريد', 'إلغاء']);
    expect(store.search.search('كنم')[0]!.maskedText).toMatch(/سفارش/);
    expect(store.search.search('فاتوره 123')).toHaveLength(1);
    expect(store.search.search('۱۲۳')).toHaveLength(1);
    // The original value never reached the index; its masked token did.
    expect(store.search.search('0501234567')).toHaveLength(0);
    expect(store.search.search('number')).toHaveLength(1);
    expect(store.search.search('"unbalanced NEAR(')).toEqual([]);
    expect(store.search.search('hello', { channelId: 'tg' })).toEqual([]);
  });

  it('keeps notes (masked), labels and canned replies', async () => {
    core = await storeCore();
    const { store } = core;
    store.sink.ingest('tg', [inbound(1)]);
    const id = store.conversations.list().items[0]!.id;
    store.notes.add(id, 'agent-1', 'customer said his id is 1234567890');
    expect(store.notes.list(id).map((n) => n.maskedText)).toEqual(['customer said his id is ⟦NUMBER·••90⟧']);
    expect(() => store.labels.create('vip')).not.toThrow();
    expect(() => store.labels.create('VIP')).toThrow(/already exists/);
    expect(store.labels.create('callback 0501234567').name).not.toContain('0501234567');
    store.canned.save({ shortcut: 'greet', title: 'Greeting', body: 'Hello, how can we help?' });
    store.canned.save({ shortcut: 'greet', title: 'Greeting', body: 'Hi!' });
    expect(store.canned.list()).toMatchObject([{ shortcut: 'greet', body: 'Hi!' }]);
    expect(() => store.canned.save({ shortcut: 'a b', title: 't', body: 'b' })).toThrow(/shortcut/);
  });

  it('refuses secrets in channel configuration', async () => {
    core = await storeCore();
    expect(() => core!.store.channels.create({ id: 'x1', kind: 'x', name: 'X', config: { auth: { botToken: 'abc' } } })).toThrow(
      /may not hold "auth(\.botToken)?".*keychain/,
    );
    await core.vault.setChannelToken('tg', 'bot-token-123');
    expect(await core.vault.channelToken('tg')).toBe('bot-token-123');
  });
});
