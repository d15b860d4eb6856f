import type { InboundMessage } from '../../main/core/shared/messages';
import type { HubStore, PreparedMessage } from '../../main/hub/store';

const TEXTS = [
  (i: number) => `Hello, my order ${1000 + i} has not arrived. Call me on +44 7700 900${String(i % 1000).padStart(3, '0')} please.`,
  (i: number) => `سلام، رقم طلبي ${i} ولم يصل بعد. هاتفي ٠٥٠١٢٣٤${String(i % 1000).padStart(3, '0').replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!)}`,
  (i: number) => `سلام، کارت من ۶۰۳۷۹۹۷۵۰۰۰۰${String(i % 10000).padStart(4, '0').replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!)} مسدود شده است`,
  (i: number) => `Please refund to card 4111 1111 1111 1111, my e-mail is customer${i}@example.com`,
  (i: number) => `Thanks! Is the store open on Friday? (ticket ${i})`,
];

/** Customer messages as a connector hands them over: 50 conversations, English, Arabic and Persian, with fields. */
export function sampleMessages(count: number, tag: string): InboundMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const chat = 7000 + (i % 50);
    return {
      platformMessageId: `${tag}:${chat}:${i}`,
      platformConversationId: String(chat),
      contact: { platformUserId: String(chat), displayName: `Customer ${chat}` },
      direction: 'in',
      text: TEXTS[i % TEXTS.length]!(i),
      sentAt: Date.now(),
    };
  });
}

/**
 * The raw limit: the rows HubStore.ingest writes for a batch (contacts, conversations, messages with their sealed
 * original, their fields, two event rows each), as one plain multi-row statement per table in one transaction, from
 * values masked and sealed beforehand. No masking, sealing, duplicate check, event lock or NOTIFY.
 */
export async function rawInsert(store: HubStore, channelId: string, rows: Array<{ m: InboundMessage; p: PreparedMessage; sealed: ReturnType<PreparedMessage['seal']> }>): Promise<void> {
  await store.q.tx(async (t) => {
    const firsts = [...new Map(rows.map(({ m }) => [m.platformConversationId, m] as const)).values()];
    const contactRows = [...new Map(firsts.map((m) => [m.contact.platformUserId, m] as const)).values()];
    const contacts = new Map<string, number>();
    const contactIds = await t.all<{ id: number; platform_user_id: string }>(
      `INSERT INTO contacts (channel_id, platform_user_id, display_name) VALUES ${contactRows.map(() => '(?, ?, ?)').join(', ')}
         ON CONFLICT (channel_id, platform_user_id) DO UPDATE SET display_name = excluded.display_name RETURNING id, platform_user_id`,
      contactRows.flatMap((m) => [channelId, m.contact.platformUserId, m.contact.displayName ?? null]),
    );
    for (const r of contactIds) contacts.set(r.platform_user_id, r.id);
    const conversations = new Map<string, number>();
    const convIds = await t.all<{ id: number; platform_conversation_id: string }>(
      `INSERT INTO conversations (channel_id, platform_conversation_id, contact_id, last_message_at) VALUES ${firsts.map(() => '(?, ?, ?, ?)').join(', ')}
         ON CONFLICT (channel_id, platform_conversation_id) DO UPDATE SET last_message_at = excluded.last_message_at, version = conversations.version + 1
         RETURNING id, platform_conversation_id`,
      firsts.flatMap((m) => [channelId, m.platformConversationId, contacts.get(m.contact.platformUserId)!, m.sentAt]),
    );
    for (const r of convIds) conversations.set(r.platform_conversation_id, r.id);
    const ids = await t.all<{ id: number }>(
      `INSERT INTO messages (conversation_id, channel_id, platform_message_id, direction, masked_text, sealed_text, sent_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')} RETURNING id`,
      rows.flatMap(({ m, p, sealed }) => [conversations.get(m.platformConversationId)!, channelId, m.platformMessageId, m.direction, p.maskedText, sealed.text, m.sentAt]),
    );
    const fields = rows.flatMap(({ p, sealed }, i) => p.fields.map((f, n) => [ids[i]!.id, n, f.type, f.shown, sealed.fields[n]!] as const));
    if (fields.length) await t.run(`INSERT INTO message_fields (message_id, n, type, shown, sealed) VALUES ${fields.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, fields.flat());
    const events = rows.flatMap(({ m, p }, i) => {
      const conversationId = conversations.get(m.platformConversationId)!;
      const payload = JSON.stringify({ id: ids[i]!.id, conversationId, direction: m.direction, authorId: null, maskedText: p.maskedText, sentAt: m.sentAt, fields: p.fields, attachments: [], delivery: null });
      return [
        [Date.now(), 'conversation.updated', 'conversation', channelId, conversationId, payload],
        [Date.now(), 'message.added', 'conversation', channelId, conversationId, payload],
      ];
    });
    await t.run(`INSERT INTO events (at, kind, audience, channel_id, conversation_id, payload) VALUES ${events.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`, events.flat());
  });
}
