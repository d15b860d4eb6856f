import { REPLY_LIMITS, replyLength, type ChannelKind } from './vocabulary';

/**
 * Checked in the core before a reply is queued and again by each connector before it calls the platform, so an
 * over-long or empty reply is refused with a sentence that says the limit instead of being queued and then refused
 * by the platform. The table itself is in the shared vocabulary, where the composer reads it too.
 */
export { REPLY_LIMITS, replyLength };
export type ReplyLimit = NonNullable<(typeof REPLY_LIMITS)[ChannelKind]>;

/** Null when the reply may be sent on this kind of channel, else a sentence for the agent. */
export function replyProblem(kind: string, text: string): string | null {
  if (typeof text !== 'string' || !text.trim()) return 'The reply is empty; write something before sending.';
  const limit = REPLY_LIMITS[kind as ChannelKind];
  if (!limit) return null;
  const n = replyLength(text, limit.unit);
  if (n > limit.max) {
    return `${limit.platform} accepts replies of at most ${limit.max.toLocaleString('en')} ${limit.unit}; this one has ${n.toLocaleString('en')}. Shorten it or split it into several replies.`;
  }
  return null;
}
