import { describe, expect, it } from 'vitest';
import { parseAccountActivity, parseDmEvents, parseMessagingWebhook, parseTelegramUpdates, parseWhatsAppWebhook, whatsAppNote } from '../../../main/core/connectors';
import type { InboundMessage } from '../../../main/core/shared/messages';
import { corpus, type ExpectedEntry, type FixtureCase } from '../../fixtures/platforms/corpus';

function asStored(m: InboundMessage): ExpectedEntry {
  return {
    id: m.platformMessageId,
    conversation: m.platformConversationId,
    text: m.text,
    contact: m.contact.platformUserId,
    displayName: m.contact.displayName,
    direction: m.direction,
    attachments: m.attachments,
    revises: m.revises,
    movesTo: m.movesTo,
    aliases: m.aliases,
  };
}

/** Only the keys a case states are compared; `direction` is `in` unless the case says otherwise. */
function expectEntries(c: FixtureCase, got: InboundMessage[]): void {
  const stored = got.map(asStored);
  expect(stored.map((s) => s.id), c.name).toEqual(c.expect.map((e) => e.id));
  c.expect.forEach((e, i) => {
    const s = stored[i]!;
    const { storedIn: _storedIn, ...parsed } = e; // where the store files it: checked by the integration test
    const picked = Object.fromEntries(Object.keys({ direction: 'in', ...parsed }).map((k) => [k, s[k as keyof ExpectedEntry]]));
    expect(picked, c.name).toEqual({ direction: 'in', ...parsed });
    expect(s.text.trim(), `${c.name}: never blank`).not.toBe('');
  });
}

describe('Telegram fixture corpus through the parser', () => {
  for (const c of corpus('telegram').cases) {
    it(c.name, () => {
      const r = parseTelegramUpdates([c.update], 1_767_300_000_000);
      expectEntries(c, r.messages);
      for (const kind of c.unsupported ?? []) expect(r.note).toContain(kind);
      if (!c.unsupported) expect(r.note).toBeUndefined();
    });
  }
});

describe('WhatsApp fixture corpus through the parser', () => {
  for (const c of corpus('whatsapp').cases) {
    it(c.name, () => {
      const w = parseWhatsAppWebhook(c.payload, '420000000000002');
      expectEntries(c, w.messages);
      const note = whatsAppNote(w);
      for (const kind of c.unsupported ?? []) expect(note).toContain(kind);
      if (c.note) expect(note).toContain(c.note);
      if (!c.unsupported && !c.note) expect(note).toBeUndefined();
      if (c.receipts) expect(w.statuses.map((s) => s.platformMessageId)).toEqual(c.receipts.map((r) => r.id));
    });
  }
});

for (const platform of ['messenger', 'instagram'] as const) {
  describe(`${platform} fixture corpus through the parser`, () => {
    const self = new Set(['700000000000001', '17840000000000009']);
    for (const c of corpus(platform).cases) {
      it(c.name, () => {
        const b = parseMessagingWebhook(c.payload, self);
        expectEntries(c, b.messages);
        for (const kind of c.unsupported ?? []) expect(b.note).toContain(kind);
        if (!c.unsupported) expect(b.note).toBeUndefined();
        expect((b.watermarks ?? []).map((w) => ({ conversation: w.platformConversationId, state: w.state, upTo: w.upTo }))).toEqual(c.watermarks ?? []);
      });
    }
  });
}

describe('X fixture corpus through the parser', () => {
  const x = corpus('x');
  for (const c of x.cases) {
    it(c.name, () => {
      const e = c.event as { sender_id?: string; participant_ids?: string[] };
      const users = [...(e.sender_id ? [e.sender_id] : []), ...(e.participant_ids ?? [])].map((id) => ({ id, username: `user${id}` }));
      const page = { data: [c.event], includes: { media: c.media ?? [], users }, meta: { result_count: 1 } };
      const r = parseDmEvents(page, String(x.me), 1_767_300_000_000);
      expectEntries(c, r.messages);
      if (c.note) expect(r.note).toContain(c.note);
      else expect(r.note).toBeUndefined();
    });
  }
});

describe('X Account Activity webhook corpus through the parser', () => {
  for (const c of corpus('x').webhooks ?? []) {
    it(c.name, () => {
      const b = parseAccountActivity(c.payload, 1_767_300_000_000);
      expectEntries(c, b.messages);
      expect(b.note).toBeUndefined();
      expect((b.deliveries ?? []).map((d) => ({ id: d.platformMessageId, state: d.state }))).toEqual(c.receipts ?? []);
    });
  }
});
