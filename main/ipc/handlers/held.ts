import type { Core } from '../../core/app';
import { heldNoLongerWaiting, type ReleaseFilter } from '../../core/guard';
import type { CallContext } from '../dispatch';
import { heldListing, type HeldHandlers } from '../team/held';
import { channelKindOf } from '../team/rows';

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
      const limits = {
        perSender: { perMinute: flood.senderPerMinute, burst: flood.senderBurst },
        perChannel: { perMinute: flood.channelPerSecond * 60, burst: flood.channelBurst },
      };
      return heldListing(quarantine().channels(), quarantine().held(), limits, named);
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
