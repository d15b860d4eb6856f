import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTelegramAddress,
  parseDmEvents,
  parseMessagingWebhook,
  parseTelegramAddress,
  parseTelegramUpdates,
  parseWhatsAppWebhook,
  replyProblem,
  REPLY_LIMITS,
} from '../../../main/core/connectors';

/**
 * Generated payloads, not the fixtures: content kinds the parsers know and kinds they have never seen, with
 * whatever fields, must come out as a stored entry whose text is not blank, or be counted in the note — never
 * dropped silently, never a crash.
 */
const key = fc.stringMatching(/^[a-z][a-z_]{1,15}$/);
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.dictionary(key, fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }));
const known = ['text', 'caption', 'contact', 'location', 'venue', 'poll', 'dice', 'photo', 'sticker', 'video_note', 'pinned_message', 'forum_topic_created'];

describe('parsers never store a blank entry (generated payloads)', () => {
  it('Telegram: any content key, known or new, with any value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...known), key), anyValue, fc.integer({ min: 1, max: 2 ** 31 }), (k, v, id) => {
        const update = { update_id: 1, message: { message_id: id, date: 1_767_225_600, chat: { id: 5, type: 'private' }, from: { id: 5, is_bot: false, first_name: 'A' }, [k]: v } };
        const r = parseTelegramUpdates([update], 0);
        for (const m of r.messages) expect(m.text.trim()).not.toBe('');
        expect(r.messages.length + (r.note ? 1 : 0)).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('WhatsApp: any message type, with or without a body of that name', () => {
    const types = fc.oneof(fc.constantFrom('text', 'image', 'location', 'contacts', 'order', 'interactive', 'button', 'reaction', 'system', 'unsupported', 'edit', 'revoke'), key);
    fc.assert(
      fc.property(types, fc.option(anyValue), (type, body) => {
        const message = { from: '346', id: 'wamid.G', timestamp: '1767225600', type, ...(body === null ? {} : { [type]: body }) };
        const w = parseWhatsAppWebhook({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messages: [message] } }] }] });
        for (const m of w.messages) expect(m.text.trim()).not.toBe('');
        expect(w.messages.length + w.skipped).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('Messenger and Instagram: any event key next to sender and recipient', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('message', 'postback', 'referral', 'reaction', 'message_edit', 'optin'), key), anyValue, (k, v) => {
        const item = { sender: { id: '61' }, recipient: { id: '70' }, timestamp: 1, [k]: v };
        const b = parseMessagingWebhook({ object: 'page', entry: [{ id: '70', messaging: [item] }] }, new Set(['70']));
        for (const m of b.messages) expect(m.text.trim()).not.toBe('');
        expect(b.messages.length + (b.deliveries?.length ?? 0) + (b.note ? 1 : 0)).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('X: any event type, with or without text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('MessageCreate', 'ParticipantsJoin', 'ParticipantsLeave'), key), fc.option(fc.string()), (type, text) => {
        const ev = { id: '1880000000000000001', event_type: type, dm_conversation_id: '1-2', sender_id: '2', ...(text === null ? {} : { text }) };
        const r = parseDmEvents({ data: [ev] }, '1', 0);
        expect(r.messages).toHaveLength(1);
        expect(r.messages[0]!.text.trim()).not.toBe('');
      }),
      { numRuns: 200 },
    );
  });
});

describe('reply limits', () => {
  it('refuses empty and whitespace-only replies everywhere, with a sentence', () => {
    for (const kind of Object.keys(REPLY_LIMITS)) {
      expect(replyProblem(kind, '')).toMatch(/empty/);
      expect(replyProblem(kind, ' \n\t\u00a0')).toMatch(/empty/);
    }
  });

  it('counts characters (code points) or, for Instagram, UTF-8 bytes, and names the limit', () => {
    expect(replyProblem('messenger', 'a'.repeat(2000))).toBeNull();
    expect(replyProblem('messenger', 'a'.repeat(2001))).toMatch(/Messenger accepts replies of at most 2,000 characters; this one has 2,001/);
    expect(replyProblem('telegram', '😀'.repeat(4096))).toBeNull(); // 8,192 UTF-16 units, 4,096 characters
    expect(replyProblem('instagram', 'س'.repeat(500))).toBeNull(); // 1,000 bytes
    expect(replyProblem('instagram', 'س'.repeat(501))).toMatch(/Instagram accepts replies of at most 1,000 bytes; this one has 1,002/);
    expect(replyProblem('x', 'x'.repeat(10_001))).toMatch(/10,000 characters/);
    expect(replyProblem('email', 'x'.repeat(50_000))).toBeNull(); // no platform limit known here
  });

  it('a reply is accepted exactly when it is non-blank and within the limit (generated, Arabic, Persian and emoji)', () => {
    const ch = fc.constantFrom('a', 'س', '۴', '٣', '😀', ' ', '\u200f');
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(REPLY_LIMITS) as Array<keyof typeof REPLY_LIMITS>)), fc.array(ch, { maxLength: 1200 }).map((a) => a.join('')), (kind, text) => {
        const limit = REPLY_LIMITS[kind]!;
        const size = limit.unit === 'bytes' ? Buffer.byteLength(text) : [...text].length;
        expect(replyProblem(kind, text) === null).toBe(text.trim() !== '' && size <= limit.max);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Telegram reply addresses', () => {
  it('round-trip for any chat, topic and business connection id (generated)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }).map(String), fc.stringMatching(/^@\w{1,32}$/)),
        fc.option(fc.integer({ min: 1, max: 2 ** 31 })),
        fc.option(fc.string({ minLength: 1, maxLength: 64 })),
        (chatId, threadId, businessConnectionId) => {
          const a = { chatId, ...(threadId ? { threadId } : {}), ...(businessConnectionId ? { businessConnectionId } : {}) };
          expect(parseTelegramAddress(formatTelegramAddress(a))).toEqual(a);
        },
      ),
      { numRuns: 500 },
    );
  });
});
