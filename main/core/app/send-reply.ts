import { AUDIT_ACTIONS } from '../audit';
import { replyWindow, type ChannelKind } from '../connectors';
import { detectLang, type GuardLang } from '../guard';
import { say, sayNumber, unitName } from '../guard/messages';
import { REPLY_LIMITS, replyLength } from '../shared/reply-limits';
import { DiwanError } from '../shared/errors';
import type { Core } from './core';
import { ERROR_CODES } from '../shared/vocabulary';

/** The platform's reply window in the console's terms: no window, open, human-agent tag only, or closed. */
export interface ReplyWindowView {
  kind: 'none' | 'open' | 'human_agent' | 'closed';
  closesAt: number | null;
  rule: 'none' | '24h' | '7d-human-agent';
}

export function replyWindowView(kind: string, lastInboundAt: number | null, now: number): ReplyWindowView {
  const rule = kind === 'messenger' || kind === 'instagram' ? '7d-human-agent' : kind === 'whatsapp' ? '24h' : 'none';
  if (rule === 'none') return { kind: 'none', closesAt: null, rule };
  const w = replyWindow(kind as ChannelKind, lastInboundAt, now);
  return { kind: w.state === 'open' || w.state === 'human_agent' ? w.state : 'closed', closesAt: w.closesAt, rule };
}

/**
 * The rules every reply meets before it is queued, in single-seat and team mode alike: the author has seen the
 * customer's newest message, the platform takes a reply this long, and its window still takes one (with the
 * human-agent tag past 24 hours). Each refusal is worded in `lang`, the agent's interface language.
 */
export function checkReplyAllowed(r: {
  latestInboundId: number | null;
  seenInboundId: number | null;
  window: ReplyWindowView;
  humanAgentTag: boolean;
  channelKind: string;
  text: string;
  lang: GuardLang;
}): void {
  if (r.latestInboundId !== null && (r.seenInboundId === null || r.latestInboundId > r.seenInboundId)) {
    throw new DiwanError(ERROR_CODES.newerMessage, say('send.newer_message', r.lang), { latestInboundId: r.latestInboundId });
  }
  // The same table and count as `replyProblem`, which the store and the connectors ask again (in English, for logs).
  const limit = REPLY_LIMITS[r.channelKind as ChannelKind];
  const length = limit ? replyLength(r.text, limit.unit) : 0;
  if (limit && length > limit.max) {
    throw new DiwanError(
      'reply_bad_text',
      say('send.too_long', r.lang, { platform: limit.platform, max: sayNumber(limit.max, r.lang), unit: unitName(limit.unit, r.lang), count: sayNumber(length, r.lang) }),
    );
  }
  checkReplyWindow(r.window, r.humanAgentTag, r.lang);
}

/** The platform's window, checked by the console before queuing and by the hub again against what it holds. */
export function checkReplyWindow(window: ReplyWindowView, humanAgentTag: boolean, lang: GuardLang = 'en'): void {
  if (window.kind === 'closed') throw new DiwanError('reply_window_closed', say('send.window_closed', lang));
  if (window.kind === 'human_agent' && !humanAgentTag) throw new DiwanError('human_agent_tag_needed', say('send.human_agent_tag', lang, { hours: sayNumber(24, lang) }));
}

/**
 * The outbox options of a reply, in single-seat and at the hub alike: one ticked "human agent" is queued with the
 * `window` option `human_agent`, which the Meta connector sends with the `HUMAN_AGENT` tag; an unticked one has none.
 */
export function replyOptions(humanAgentTag: boolean): { window: 'human_agent' } | undefined {
  return humanAgentTag ? { window: 'human_agent' } : undefined;
}

/**
 * Sending a reply on this console's own store: the checks above, a phishing drill's reply judged (whether or not
 * the guard lets it out), the outbound guard (a block goes only with a lead's one-time approval of this exact
 * text), then the outbox and the audit trail. Returns the stored message's id.
 */
export function sendReply(
  core: Core,
  r: {
    actor: { id: string; username: string };
    conversationId: number;
    text: string;
    humanAgentTag: boolean;
    seenInboundId: number | null;
    approvalToken?: string;
    /** The agent's interface language, for every refusal; absent: English, and the guard's in the draft's language. */
    lang?: GuardLang;
  },
): number {
  const { store } = core;
  const c = store.conversations.get(r.conversationId);
  const kind = store.channels.list().find((ch) => ch.id === c.channelId)?.kind ?? 'demo';
  checkReplyAllowed({
    latestInboundId: store.conversations.latestInboundId(r.conversationId),
    seenInboundId: r.seenInboundId,
    window: replyWindowView(kind, store.conversations.lastInboundAt(r.conversationId), core.clock.now()),
    humanAgentTag: r.humanAgentTag,
    channelKind: kind,
    text: r.text,
    lang: r.lang ?? 'en',
  });
  for (const drillMessage of core.phishingDrills.drillMessagesIn(r.conversationId)) core.guards.drills.recordReply(drillMessage, r.actor.username, r.text);
  core.guards.outbound.authorizeSend(r.text, { agentUsername: r.actor.username, conversationId: r.conversationId, lang: r.lang ?? detectLang(r.text) }, r.approvalToken);
  const options = replyOptions(r.humanAgentTag);
  const { messageId } = store.outbox.enqueue({ conversationId: r.conversationId, text: r.text, authorId: r.actor.id, ...(options ? { options } : {}) });
  core.audit({ action: AUDIT_ACTIONS.messageSent, actor: r.actor.username, target: `conversation:${r.conversationId}`, details: { message: messageId, humanAgentTag: r.humanAgentTag } });
  return messageId;
}
