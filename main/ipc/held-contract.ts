import { z } from 'zod';
import { channel } from './channel';
import { ChannelKind, Id, Segments, TextDirection } from './console-contract';

/**
 * Messages flood control held back, for leads and administrators: at the team hub (`webhook_quarantine`; the embedded
 * hub runs the same code), which checks the role again and audits each decision, or in a single-seat console's own
 * quarantine (`guard_quarantine`). The list, masked, and release or discard of chosen ones.
 */
const Time = z.number().int().nonnegative().max(8.64e15);
const ChannelId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
/** At most this many held messages are decided in one call (the screen decides one at a time). */
export const HELD_DECIDE_MAX = 200;
/** Exactly these held messages (the screen's single decision), or every one from the sender of this held message. */
const Decide = z.union([
  z.object({ channelId: ChannelId, ids: z.array(Id).min(1).max(HELD_DECIDE_MAX) }).strict(),
  z.object({ channelId: ChannelId, sameSenderAs: Id }).strict(),
]);

/**
 * Why a message is held: the sender went over its own limit, the channel over its limit (all senders together), the
 * same text as a campaign's (a single-seat console collapses near-duplicates), or flood control without saying which
 * (held before the hub recorded it); `other` for a reason this console does not know.
 */
export const HELD_REASONS = ['sender_rate', 'channel_rate', 'duplicate', 'flood', 'other'] as const;
const Rate = z.object({ perMinute: z.number().nonnegative().max(1e9), burst: z.number().nonnegative().max(1e9) });

const HeldChannel = z.object({ channelId: z.string().max(64), channelName: z.string().max(200), kind: ChannelKind, held: z.number().int().nonnegative(), oldestAt: Time });
const HeldMessage = z.object({
  id: Id,
  channelId: z.string().max(64),
  channelName: z.string().max(200),
  kind: ChannelKind,
  receivedAt: Time,
  /** The sender's name or handle, masked (never the platform id: on WhatsApp it is a phone number); empty when neither is known. */
  sender: Segments,
  /** The message's opening, masked; `cut` when it goes on. */
  preview: Segments,
  previewDirection: TextDirection,
  cut: z.boolean(),
  reason: z.enum(HELD_REASONS),
  /** How many of this sender's messages the channel holds and when the first and last came; null when the hub does not know the sender. */
  fromSender: z.object({ held: z.number().int().nonnegative(), firstAt: Time, lastAt: Time }).nullable(),
  /** False: the hub cannot open it any more (sealed under an earlier key); it can only be discarded. */
  readable: z.boolean(),
  /** A campaign's copy (`duplicate`): the conversation its first copy opened, and how many copies held count on it now. */
  copiesOn: z.object({ conversationId: Id, held: z.number().int().nonnegative() }).optional(),
});

export const heldContract = {
  /** Counts per channel and the oldest held messages (at most 200), masked. */
  listHeldMessages: channel({
    request: z.object({}).strict(),
    response: z.object({
      channels: z.array(HeldChannel).max(500),
      messages: z.array(HeldMessage).max(200),
      /** The hub's flood limits now (null from a hub that does not say): what "too many" meant. */
      limits: z.object({ perSender: Rate, perChannel: Rate }).nullable(),
    }),
    permission: 'workflow.manage',
  }),
  /** How many messages are held in all: the navigation's badge for leads and administrators. */
  countHeldMessages: channel({ request: z.object({}).strict(), response: z.object({ held: z.number().int().nonnegative() }), permission: 'workflow.manage' }),
  /** These held messages (or all of one sender's, up to the hub's batch of 1,000) go on as if they had just arrived (the inbox, or the desks a relayed channel names). */
  releaseHeldMessages: channel({ request: Decide, response: z.object({ released: z.number().int().nonnegative(), left: z.number().int().nonnegative() }), permission: 'workflow.manage' }),
  /** These held messages (or all of one sender's, up to the hub's batch) are erased unread. */
  discardHeldMessages: channel({ request: Decide, response: z.object({ discarded: z.number().int().nonnegative(), left: z.number().int().nonnegative() }), permission: 'workflow.manage' }),
} as const;

/** The hub's stream said a channel's held messages changed (held, released, discarded): screens showing them list them again. */
export const heldEvents = {
  heldMessagesChanged: z.object({ channelId: z.string().max(64) }),
} as const;
