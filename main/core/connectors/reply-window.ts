import type { ChannelKind } from './types';

const HOUR = 3_600_000;
export const STANDARD_WINDOW_MS = 24 * HOUR;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR;

export type ReplyWindowState = 'open' | 'human_agent' | 'template-only' | 'closed';

export interface ReplyWindow {
  state: ReplyWindowState;
  /** When the current state ends (epoch ms), or null when it does not end by itself. */
  closesAt: number | null;
}

/**
 * Which reply the platform allows now, from the customer's last inbound message. Messenger and Instagram: free replies
 * for 24 hours, then a human agent's reply with the `HUMAN_AGENT` tag up to 7 days, then nothing. WhatsApp: free
 * text for 24 hours, then approved templates only. Telegram, X, e-mail and the demo have no window.
 * A reply the agent tagged for the human-agent window is queued with the `window` option `human_agent` (`sendReply`).
 */
export function replyWindow(kind: ChannelKind, lastInboundAt: number | null, now: number): ReplyWindow {
  const since = lastInboundAt === null ? Infinity : now - lastInboundAt;
  switch (kind) {
    case 'messenger':
    case 'instagram':
      if (since < STANDARD_WINDOW_MS) return { state: 'open', closesAt: lastInboundAt! + STANDARD_WINDOW_MS };
      if (since < HUMAN_AGENT_WINDOW_MS) return { state: 'human_agent', closesAt: lastInboundAt! + HUMAN_AGENT_WINDOW_MS };
      return { state: 'closed', closesAt: null };
    case 'whatsapp':
      if (since < STANDARD_WINDOW_MS) return { state: 'open', closesAt: lastInboundAt! + STANDARD_WINDOW_MS };
      return { state: 'template-only', closesAt: null };
    default:
      return { state: 'open', closesAt: null };
  }
}
