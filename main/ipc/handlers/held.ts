import type { Core } from '../../core/app';
import { heldNoLongerWaiting, type ReleaseFilter } from '../../core/guard';
import type { CallContext } from '../dispatch';
import { opening, reasonOf, type HeldHandlers } from '../team/held';
import { channelKindOf } from '../team/rows';
import { textDirection, toSegments } from './segments';

/** How much of a held message the list shows: enough to tell a customer from a bot (as at the hub). */
const PREVIEW_CHARS = 280;

/**
 * Held messages of a single-seat console: its own flood gate's quarantine (`core/guard/flood/quarantine.ts`), for
 * leads and administrators (`workflow.manage`, checked by the dispatcher). The screen is the team mode's; the sender's
 * platform id (a phone number on WhatsApp) stays in the database, so "all from this sender" names one held message.
 */
export function heldStoreHandlers(core: Core): HeldHandlers {
  const quarantine = () => core.guards.quarantine;
  const actor = (ctx: CallContext) => core.identity.requireSession(ctx.session).username;
  /** The held messages a decision takes; refused in words when none of them is waiting any more. */
  const filterOf = (r: { channelId: string } & ({ ids: number[] } | { sameSenderAs: number })): ReleaseFilter => {
    if ('ids' in r) {
      if (!quarantine().waiting({ channelId: r.channelId, ids: r.ids })) throw heldNoLongerWaiting('messages');
      return { channelId: r.channelId, ids: r.ids };
    }
    const sender = quarantine().senderOf(r.channelId, r.sameSenderAs);
    if (sender === null) throw heldNoLongerWaiting('sender');
    return { channelId: r.channelId, sender };
  };
  return {
    listHeldMessages: () => {
      const channels = new Map(core.store.channels.list().map((c) => [c.id, c]));
      const named = (channelId: string) => ({ channelName: channels.get(channelId)?.name ?? channelId, kind: channelKindOf(channels.get(channelId)?.kind ?? 'demo') });
      const flood = core.guards.policy.flood;
      return {
        channels: quarantine()
          .channels()
          .slice(0, 500)
          .map((c) => ({ channelId: c.channelId, ...named(c.channelId), held: c.held, oldestAt: Math.max(0, c.oldestAt) })),
        messages: quarantine()
          .held()
          .map((m) => {
            const preview = opening(toSegments(m.maskedText), PREVIEW_CHARS);
            return {
              id: m.id,
              channelId: m.channelId,
              ...named(m.channelId),
              receivedAt: Math.max(0, m.receivedAt),
              sender: opening(toSegments(m.sender), 100).segments,
              preview: preview.segments,
              previewDirection: textDirection(m.maskedText),
              cut: preview.cut,
              reason: reasonOf(m.reason),
              fromSender: { held: m.fromSender.held, firstAt: Math.max(0, m.fromSender.firstAt), lastAt: Math.max(0, m.fromSender.lastAt) },
              readable: m.readable,
            };
          }),
        limits: {
          perSender: { perMinute: flood.senderPerMinute, burst: flood.senderBurst },
          perChannel: { perMinute: flood.channelPerSecond * 60, burst: flood.channelBurst },
        },
      };
    },
    countHeldMessages: () => ({ held: quarantine().pendingCount() }),
    releaseHeldMessages: (r, ctx) => {
      const by = actor(ctx);
      const filter = filterOf(r);
      // Straight into the store: released messages pass the flood gate once, not twice.
      const { released } = quarantine().release(filter, core.store.sink, by, core.clock.now());
      return { released, left: quarantine().pendingCount(r.channelId) };
    },
    discardHeldMessages: (r, ctx) => {
      const by = actor(ctx);
      const { discarded } = quarantine().discard(filterOf(r), by);
      return { discarded, left: quarantine().pendingCount(r.channelId) };
    },
  };
}
