import { INBOUND_LIMITS, type InboundMessage } from '../shared/messages';

/**
 * Fits a pulled batch to what the store accepts, so one hostile or broken item cannot block a channel forever (the
 * store refuses a whole batch with one bad message, and the platform would offer that batch again and again).
 * Too-long text is cut with a visible marker (the customer's message stays in front of the agent); a message without
 * usable ids cannot be stored at all and is skipped. Both are counted for the channel's health note.
 */
export function fitToStore(messages: InboundMessage[]): { messages: InboundMessage[]; note?: string } {
  let cut = 0;
  let skipped = 0;
  let dropped = 0;
  const kept: InboundMessage[] = [];
  for (const m of messages) {
    if (!usableId(m?.platformMessageId) || !usableId(m?.platformConversationId) || !usableId(m?.contact?.platformUserId)) {
      skipped++;
      continue;
    }
    const text = typeof m.text === 'string' ? m.text : '';
    // An original too large to keep is dropped, never cut: a cut HTML original would not be the original.
    const fitted = m.html !== undefined && (typeof m.html !== 'string' || m.html.length > INBOUND_LIMITS.htmlChars) ? withoutHtml(m) : m;
    if (fitted !== m) dropped++;
    if (text.length > INBOUND_LIMITS.textChars) {
      cut++;
      kept.push({ ...fitted, text: cutText(text) });
    } else kept.push(text === fitted.text ? fitted : { ...fitted, text });
  }
  const parts = [
    cut ? `${cut} message(s) were longer than Diwan keeps (${INBOUND_LIMITS.textChars} characters) and were cut.` : '',
    skipped ? `${skipped} message(s) had no usable id and were skipped.` : '',
    dropped ? `${dropped} message(s) had an original larger than Diwan keeps (${INBOUND_LIMITS.htmlChars} characters); their text was kept, the original was not.` : '',
  ].filter(Boolean);
  return { messages: kept, ...(parts.length ? { note: parts.join(' ') } : {}) };
}

function withoutHtml(m: InboundMessage): InboundMessage {
  const { html: _dropped, ...rest } = m;
  return rest;
}

function usableId(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && v.length <= INBOUND_LIMITS.idChars;
}

function cutText(text: string): string {
  const marker = `… [cut: ${text.length} characters in all]`;
  let head = text.slice(0, INBOUND_LIMITS.textChars - marker.length);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head + marker;
}
