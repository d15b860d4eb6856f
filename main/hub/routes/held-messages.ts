import { z } from 'zod';
import { DiwanError } from '../../core/shared/errors';
import { HELD_BATCH_MAX, HELD_LIST_MAX, HubHeldMessages, type HeldDelivery, type HeldPick } from '../store/held-messages';
import { relayTargets } from '../store/relay-queue';
import { enrolledDevices } from '../store/webhooks';
import { parse, type ApiDeps, type AreaHelpers, type Route } from './route';

const channelPath = (verb: string) => new RegExp(`^\\/v1\\/quarantine\\/([a-z0-9][a-z0-9_-]{0,63})\\/${verb}$`);
// `ids` names exactly which held messages (the console's list); `sameSenderAs` takes the oldest `limit` from the sender
// of that held message (the sender's id never leaves the hub); with neither, the oldest `limit` of the channel.
const body = z
  .object({
    limit: z.number().int().min(1).max(HELD_BATCH_MAX).default(HELD_BATCH_MAX),
    ids: z.array(z.number().int().positive()).min(1).max(HELD_BATCH_MAX).optional(),
    sameSenderAs: z.number().int().positive().optional(),
  })
  .strict()
  .refine((b) => !(b.ids && b.sameSenderAs), { message: 'Name the held messages by ids or by sameSenderAs, not both.' })
  .default({ limit: HELD_BATCH_MAX });
const pickOf = (b: z.output<typeof body>): HeldPick | undefined => (b.sameSenderAs ? { sameSenderAs: b.sameSenderAs } : b.ids);

/**
 * Messages the hub's flood control held back (`store/held-messages.ts`): leads and administrators see how many per
 * channel and the oldest ones masked (opened, masked by the ingest's rule, never kept open); releasing delivers the oldest as they would have been (the hub's ingest, masked and sealed; for a channel
 * relayed to desks, the desks' queue), discarding erases them unread.
 */
export function heldMessageRoutes(d: ApiDeps, h: AreaHelpers): Route[] {
  const held = new HubHeldMessages(d.store);
  const channelOf = async (id: string) => {
    const c = (await d.store.channels()).find((x) => x.id === id);
    if (!c) throw new DiwanError('channel_unknown', `The hub has no channel "${id}".`);
    return c;
  };
  return [
    {
      method: 'GET',
      path: /^\/v1\/quarantine$/,
      permission: 'reports.read',
      handle: async () => ({ channels: await held.counts() }),
    },
    {
      method: 'GET',
      path: /^\/v1\/quarantine\/messages$/,
      permission: 'workflow.manage',
      handle: async ({ query }) => {
        const limit = Math.min(Number(query.get('limit') ?? HELD_LIST_MAX) || HELD_LIST_MAX, HELD_LIST_MAX);
        const [channels, rows] = await Promise.all([held.counts(), held.oldest(limit)]);
        const messages = rows.map((r) => {
          const base = { id: r.id, channelId: r.channelId, reason: r.reason, receivedAt: r.receivedAt, fromSender: r.fromSender, copiesOn: r.copiesOn };
          try {
            const m = d.sealer.openHeld(r.channelId, r.platformMessageId, r.sealed);
            const shown = d.sealer.maskedHeld(m);
            return { ...base, sentAt: m.sentAt, sender: shown.sender, maskedText: shown.text, readable: true };
          } catch {
            // Sealed under another outbox-key, or damaged: listed so it can be discarded; a release would refuse it.
            return { ...base, sentAt: null, sender: '', maskedText: '', readable: false };
          }
        });
        // The limits as configured now (a held row keeps which one held it, not the numbers of the day).
        return { channels, messages, limits: d.floodRates ?? null };
      },
    },
    {
      method: 'POST',
      path: channelPath('release'),
      permission: 'workflow.manage',
      handle: async ({ who, params, body: b }) => {
        const c = await channelOf(params[0]!);
        const asked = parse(body, b ?? {});
        const desks = relayTargets(c.config);
        const relay = d.relayHub;
        const deliver: HeldDelivery =
          desks.length && relay
            ? async (t, messages) => relay.queue.enqueueIn(t, c.id, await enrolledDevices(t, desks), messages.map((message) => ({ kind: 'message' as const, message })))
            : async (t, messages) => (await d.store.ingest(c.id, messages.map((m) => d.sealer.prepare(m)), undefined, t)).inserted;
        const out = await held.release(c.id, asked.limit, h.actorOf(who!), (id, sealed) => d.sealer.openHeld(c.id, id, sealed), deliver, pickOf(asked));
        if (desks.length && relay && out.delivered) relay.bell.ring();
        return out;
      },
    },
    {
      method: 'POST',
      path: channelPath('discard'),
      permission: 'workflow.manage',
      handle: async ({ who, params, body: b }) => {
        const c = await channelOf(params[0]!);
        const asked = parse(body, b ?? {});
        return held.discard(c.id, asked.limit, h.actorOf(who!), pickOf(asked));
      },
    },
  ];
}
