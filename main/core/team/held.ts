import { z } from 'zod';
import { DiwanError } from '../shared/errors';
import type { HubCaller } from './reveals';

const Count = z.object({ channelId: z.string(), held: z.number().int().nonnegative(), oldestAt: z.number() });
const Held = z.object({
  id: z.number().int().positive(),
  channelId: z.string(),
  reason: z.string(),
  receivedAt: z.number(),
  sentAt: z.number().nullable(),
  /** Masked at the hub by the ingest's rule, like every text a console gets. */
  sender: z.string(),
  maskedText: z.string(),
  /** False when the hub could not open it (sealed under another key): it can only be discarded. */
  readable: z.boolean(),
  /** This sender's messages the channel holds now, and when the first and last came; null when the hub does not know the sender (absent from an older hub). */
  fromSender: z.object({ held: z.number().int().nonnegative(), firstAt: z.number(), lastAt: z.number() }).nullable().optional(),
  /** A campaign's copy: the conversation its first copy opened and the copies held on it now (absent from an older hub). */
  copiesOn: z.object({ conversationId: z.number().int().positive(), held: z.number().int().nonnegative() }).nullable().optional(),
});
const Rate = z.object({ perMinute: z.number().nonnegative(), burst: z.number().nonnegative() });
const Listing = z.object({
  channels: z.array(Count),
  messages: z.array(Held),
  /** The hub's webhook flood limits now (absent from an older hub). */
  limits: z.object({ perSender: Rate, perChannel: Rate }).nullable().optional(),
});

export type HeldCountView = z.infer<typeof Count>;
export type HeldListing = z.infer<typeof Listing>;
/** Which held messages of a channel a decision takes: these ids, or all (up to the hub's batch) from the sender of one of them. */
export type HeldPick = { ids: readonly number[] } | { sameSenderAs: number };
export type HeldMessageView = z.infer<typeof Held>;

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new DiwanError('hub_malformed', 'The hub answered about held messages in a form this console does not know. Nothing was changed; tell IT (the hub and the console may be of different releases).');
  return r.data;
}

/**
 * What webhook flood control held back at the hub, for a lead or an administrator (the hub checks the role again and
 * audits each release and discard): counts per channel and the oldest messages, masked.
 */
export async function listHeld(hub: HubCaller): Promise<HeldListing> {
  return parsed(Listing, await hub.call('GET', '/v1/quarantine/messages'));
}

/** How many messages the hub holds back in all (counts per channel, `reports.read`): the navigation's badge. */
export async function countHeld(hub: HubCaller): Promise<number> {
  const { channels } = parsed(z.object({ channels: z.array(Count) }), await hub.call('GET', '/v1/quarantine'));
  return channels.reduce((n, c) => n + c.held, 0);
}

const bodyOf = (pick: HeldPick) => ('ids' in pick ? { ids: [...pick.ids] } : { sameSenderAs: pick.sameSenderAs });

/** Delivers exactly these held messages of one channel (or one sender's) as if they had just arrived (the hub's ingest, or its desks' queue). */
export async function releaseHeld(hub: HubCaller, channelId: string, pick: HeldPick): Promise<{ released: number; delivered: number; left: number }> {
  const out = await hub.call('POST', `/v1/quarantine/${encodeURIComponent(channelId)}/release`, bodyOf(pick));
  return parsed(z.object({ released: z.number().int(), delivered: z.number().int(), left: z.number().int() }), out);
}

/** Erases exactly these held messages of one channel (or one sender's), unread. */
export async function discardHeld(hub: HubCaller, channelId: string, pick: HeldPick): Promise<{ discarded: number; left: number }> {
  const out = await hub.call('POST', `/v1/quarantine/${encodeURIComponent(channelId)}/discard`, bodyOf(pick));
  return parsed(z.object({ discarded: z.number().int(), left: z.number().int() }), out);
}
