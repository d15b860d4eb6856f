import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerVerification,
  hubSignature,
  parseMessagingWebhook,
  parseWhatsAppWebhook,
  replyWindow,
  statusesToReceipts,
  verifyHubSignature,
} from '../../../main/core/connectors';

const H = 3_600_000;

describe('reply windows', () => {
  const now = 1_767_225_600_000;
  it.each([
    ['messenger', 1 * H, 'open', now - H + 24 * H],
    ['messenger', 25 * H, 'human_agent', now - 25 * H + 168 * H],
    ['instagram', 169 * H, 'closed', null],
    ['whatsapp', 23 * H, 'open', now - 23 * H + 24 * H],
    ['whatsapp', 24 * H, 'template-only', null],
    ['telegram', 1000 * H, 'open', null],
    ['x', 1000 * H, 'open', null],
  ] as const)('%s, %i ms after the last inbound → %s', (kind, ago, state, closesAt) => {
    expect(replyWindow(kind, now - ago, now)).toEqual({ state, closesAt });
  });
  it('without any inbound: Meta is closed, WhatsApp needs a template', () => {
    expect(replyWindow('messenger', null, now).state).toBe('closed');
    expect(replyWindow('whatsapp', null, now).state).toBe('template-only');
  });
});

describe('X-Hub-Signature-256', () => {
  const secret = 'app-secret';
  it('accepts exactly the signed bytes and nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat({ max: 299 }), (bytes, flip) => {
        const raw = Buffer.from(bytes);
        const sig = hubSignature(raw, secret);
        expect(verifyHubSignature(raw, sig, secret)).toBe(true);
        expect(verifyHubSignature(raw, sig.toUpperCase().replace('SHA256', 'sha256'), secret)).toBe(true);
        expect(verifyHubSignature(raw, sig, 'other')).toBe(false);
        if (raw.length) {
          const changed = Buffer.from(raw);
          changed[flip % raw.length]! ^= 1;
          expect(verifyHubSignature(changed, sig, secret)).toBe(false);
        }
      }),
    );
  });
  it('refuses missing, malformed and sha1 headers, and an empty secret', () => {
    const raw = Buffer.from('{}');
    for (const h of [undefined, '', 'sha256=', 'sha1=' + crypto.createHmac('sha1', secret).update(raw).digest('hex'), 'sha256=zz']) {
      expect(verifyHubSignature(raw, h, secret)).toBe(false);
    }
    expect(verifyHubSignature(raw, hubSignature(raw, ''), '')).toBe(false);
  });
  it('a re-serialised body does not verify (non-ASCII is escaped in what Meta signs)', () => {
    const signed = Buffer.from('{"t":"\\u0645\\u0631\\u062d\\u0628\\u0627"}');
    const sig = hubSignature(signed, secret);
    expect(verifyHubSignature(Buffer.from(JSON.stringify(JSON.parse(signed.toString()))), sig, secret)).toBe(false);
  });
  it('answers the verification handshake only with the right token', () => {
    const q = (t: string, mode = 'subscribe') => new URLSearchParams({ 'hub.mode': mode, 'hub.challenge': '1158201444', 'hub.verify_token': t });
    expect(answerVerification(q('relay-verify-7f3'), 'relay-verify-7f3')).toBe('1158201444');
    expect(answerVerification(q('wrong'), 'relay-verify-7f3')).toBeNull();
    expect(answerVerification(q('relay-verify-7f3', 'unsubscribe'), 'relay-verify-7f3')).toBeNull();
  });
});

describe('WhatsApp webhook payloads', () => {
  const wrap = (value: object) => ({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '42' }, ...value } }] }] });
  it('reads every message type it knows, keys by phone number when there is one, else by user_id, and counts what it cannot read', () => {
    const w = parseWhatsAppWebhook(
      wrap({
        contacts: [{ profile: { name: 'Ana' }, wa_id: '346' }, { profile: { name: 'Bo' }, user_id: 'US.1' }],
        messages: [
          { from: '346', id: 'w1', timestamp: '1767225600', type: 'text', text: { body: 'hola' } },
          { from_user_id: 'US.1', id: 'w2', timestamp: '1767225601', type: 'image', image: { id: 'media1', mime_type: 'image/jpeg', caption: 'receipt' } },
          { from: '346', id: 'w3', timestamp: '1767225602', type: 'interactive', interactive: { button_reply: { title: 'Yes' } } },
          { from: '346', id: 'w4', timestamp: '1767225603', type: 'reaction' },
          { from: '346', id: 'w5', timestamp: 'not-a-number', type: 'text', text: { body: 'x' } },
        ],
      }),
      '42',
    );
    expect(w.messages.map((m) => [m.platformMessageId, m.platformConversationId, m.text, m.contact.displayName])).toEqual([
      ['w1', '346', 'hola', 'Ana'],
      ['w2', 'US.1', 'receipt', 'Bo'],
      ['w3', '346', '[Chose "Yes"]', 'Ana'],
      ['w4', '346', '[Unsupported message (reaction)]', 'Ana'],
    ]);
    expect(w.unsupported).toEqual(['reaction']);
    expect(w.messages[1]!.attachments).toEqual([{ kind: 'photo', platformFileId: 'media1', mimeType: 'image/jpeg' }]);
    expect(w.messages[0]!.sentAt).toBe(1_767_225_600_000);
    expect(w.skipped).toBe(1);
    expect(parseWhatsAppWebhook(wrap({ messages: [{ from: '1', id: 'z', timestamp: '1', type: 'text', text: { body: 'x' } }] }), 'other-number').messages).toEqual([]);
  });
  it('turns statuses into receipts: failed with its code, played as read, sent as nothing', () => {
    const w = parseWhatsAppWebhook(
      wrap({
        statuses: [
          { id: 'o1', status: 'sent', timestamp: '1' },
          { id: 'o1', status: 'read', timestamp: '2' },
          { id: 'o2', status: 'failed', timestamp: '3', errors: [{ code: 131047, title: 'Re-engagement message', error_data: { details: 'more than 24 hours' } }] },
          { id: 'o3', status: 'played', timestamp: '4' },
        ],
      }),
    );
    expect(statusesToReceipts(w.statuses)).toEqual([
      { platformMessageId: 'o1', state: 'read' },
      { platformMessageId: 'o2', state: 'failed', reason: '131047 Re-engagement message: more than 24 hours' },
      { platformMessageId: 'o3', state: 'read' },
    ]);
  });
  it('never throws on junk', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        parseWhatsAppWebhook(junk);
        parseMessagingWebhook(junk, new Set(['p']));
      }),
    );
  });
});

describe('Messenger / Instagram webhook payloads', () => {
  it('reads messages and echoes (keyed by the customer) and delivery receipts', () => {
    const b = parseMessagingWebhook(
      {
        object: 'page',
        entry: [
          {
            id: 'P',
            time: 1,
            messaging: [
              { sender: { id: 'C1' }, recipient: { id: 'P' }, timestamp: 1767225600500, message: { mid: 'm1', text: 'Is the blue one in stock?' } },
              { sender: { id: 'P' }, recipient: { id: 'C1' }, timestamp: 1767225601500, message: { mid: 'm2', text: 'Yes', is_echo: true } },
              { sender: { id: 'C1' }, recipient: { id: 'P' }, timestamp: 1767225602500, delivery: { mids: ['m2'] } },
              { junk: true },
            ],
          },
        ],
      },
      new Set(['P']),
    );
    expect(b.messages.map((m) => [m.platformMessageId, m.platformConversationId, m.direction, m.sentAt])).toEqual([
      ['m1', 'C1', 'in', 1767225600500],
      ['m2', 'C1', 'out', 1767225601500],
    ]);
    expect(b.deliveries).toEqual([{ platformMessageId: 'm2', state: 'delivered' }]);
    expect(b.note).toMatch(/1 relayed Messenger event/);
  });
});
