import { describe, expect, it } from 'vitest';
import { fitToStore } from '../../../main/core/connectors/bounds';
import { INBOUND_LIMITS, type InboundMessage } from '../../../main/core/shared/messages';

const msg = (over: Partial<InboundMessage> = {}): InboundMessage => ({
  platformMessageId: 'm1',
  platformConversationId: 'c1',
  contact: { platformUserId: 'u1' },
  direction: 'in',
  text: 'hello',
  sentAt: 1,
  ...over,
});

describe('fitting pulled messages to the store', () => {
  it('passes ordinary messages through untouched and says nothing', () => {
    const m = msg();
    expect(fitToStore([m])).toEqual({ messages: [m] });
  });

  it('cuts text over the limit with a visible marker, never splitting a surrogate pair, and notes it', () => {
    const long = 'a'.repeat(INBOUND_LIMITS.textChars - 41) + '🙂'.repeat(100); // the cut falls inside an emoji
    const { messages, note } = fitToStore([msg({ text: long })]);
    const text = messages[0]!.text;
    expect(text.length).toBeLessThanOrEqual(INBOUND_LIMITS.textChars);
    expect(text).toMatch(/… \[cut: \d+ characters in all\]$/);
    expect(text).not.toMatch(/[\uD800-\uDBFF]\u2026/); // no lone high surrogate before the marker
    expect(note).toMatch(/1 message\(s\) were longer than Diwan keeps/);
  });

  it('skips messages without usable ids and keeps the rest of the batch', () => {
    const good = msg({ platformMessageId: 'ok' });
    const { messages, note } = fitToStore([msg({ platformMessageId: '' }), msg({ platformConversationId: 'x'.repeat(300) }), good, msg({ contact: {} as never })]);
    expect(messages).toEqual([good]);
    expect(note).toMatch(/3 message\(s\) had no usable id/);
  });

  it('keeps an HTML original within the limit whole, and drops (never cuts) a larger one, keeping its text', () => {
    const small = msg({ platformMessageId: 'small', html: '<p>hello</p>' });
    const large = msg({ platformMessageId: 'large', html: `<p>${'x'.repeat(INBOUND_LIMITS.htmlChars)}</p>` });
    const { messages, note } = fitToStore([small, large]);
    expect(messages[0]).toBe(small);
    expect(messages[1]).toEqual(msg({ platformMessageId: 'large' }));
    expect(messages[1]).not.toHaveProperty('html');
    expect(note).toMatch(/1 message\(s\) had an original larger than Diwan keeps/);
  });
});
