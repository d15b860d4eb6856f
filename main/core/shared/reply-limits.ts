/**
 * What each platform accepts as the text of one reply. Checked in the core before a reply is queued and again by
 * each connector before it calls the platform, so an over-long or empty reply is refused with a sentence that says
 * the limit instead of being queued and then refused by the platform.
 */
export interface ReplyLimit {
  max: number;
  unit: 'characters' | 'bytes';
  platform: string;
}

/** By channel kind (the connectors' `ChannelKind`); a kind not listed here has no platform limit beyond the store's. */
export const REPLY_LIMITS: Readonly<Record<string, ReplyLimit>> = {
  telegram: { max: 4096, unit: 'characters', platform: 'Telegram' },
  whatsapp: { max: 4096, unit: 'characters', platform: 'WhatsApp' },
  messenger: { max: 2000, unit: 'characters', platform: 'Messenger' },
  // Instagram counts UTF-8 bytes: 1,000 bytes is about 500 Arabic or Persian letters.
  instagram: { max: 1000, unit: 'bytes', platform: 'Instagram' },
  x: { max: 10_000, unit: 'characters', platform: 'X' },
  demo: { max: 4096, unit: 'characters', platform: 'The demo channel' },
};

/** The length of `text` in the unit the platform counts (characters are code points, as the platforms count them). */
export function replyLength(text: string, unit: ReplyLimit['unit']): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : [...text].length;
}

/** Null when the reply may be sent on this kind of channel, else a sentence for the agent. */
export function replyProblem(kind: string, text: string): string | null {
  if (typeof text !== 'string' || !text.trim()) return 'The reply is empty; write something before sending.';
  const limit = REPLY_LIMITS[kind];
  if (!limit) return null;
  const n = replyLength(text, limit.unit);
  if (n > limit.max) {
    return `${limit.platform} accepts replies of at most ${limit.max.toLocaleString('en')} ${limit.unit}; this one has ${n.toLocaleString('en')}. Shorten it or split it into several replies.`;
  }
  return null;
}
