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
});
const Listing = z.object({ channels: z.array(Count), messages: z.array(Held) });

export type HeldCountView = z.infer<typeof Count>;
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
export async function listHeld(hub: HubCaller): Promise<z.infer<typeof Listing>> {
  return parsed(Listing, await hub.call('GET', '/v1/quarantine/messages'));
}

/** Delivers exactly these held messages of one channel as if they had just arrived (the hub's ingest, or its desks' queue). */
export async function releaseHeld(hub: HubCaller, channelId: string, ids: readonly number[]): Promise<{ released: number; delivered: number; left: number }> {
  const out = await hub.call('POST', `/v1/quarantine/${encodeURIComponent(channelId)}/release`, { ids });
  return parsed(z.object({ released: z.number().int(), delivered: z.number().int(), left: z.number().int() }), out);
}

/** Erases exactly these held messages of one channel, unread. */
export async function discardHeld(hub: HubCaller, channelId: string, ids: readonly number[]): Promise<{ discarded: number; left: number }> {
  const out = await hub.call('POST', `/v1/quarantine/${encodeURIComponent(channelId)}/discard`, { ids });
  return parsed(z.object({ discarded: z.number().int(), left: z.number().int() }), out);
}
