import type { Core } from '../../core/app';
import { countHeld, discardHeld, listHeld, releaseHeld, type HeldPick, type TeamSeat } from '../../core/team';
import { HELD_REASONS } from '../held-contract';
import type { SegmentDto } from '../console-contract';
import type { ChannelKindT } from '../console-port';
import type { ResponseOf } from '../contract';
import type { CallContext, Handlers } from '../dispatch';
import { textDirection, toSegments } from '../handlers/segments';
import type { heldContract } from '../held-contract';
import { TeamRows } from './rows';

type HeldChannel = keyof typeof heldContract;
export type HeldHandlers = Pick<Handlers<CallContext>, HeldChannel>;

/** How much of a held message the list shows: enough to tell a customer from a bot. */
const PREVIEW_CHARS = 280;

/** The first `max` characters (code points) of masked text as segments (a masked field counts as one and is never split). */
export function opening(segments: SegmentDto[], max: number): { segments: SegmentDto[]; cut: boolean } {
  const out: SegmentDto[] = [];
  let left = max;
  for (const s of segments) {
    if (left <= 0) return { segments: out, cut: true };
    const chars = s.kind === 'text' ? [...s.text] : null;
    if (s.kind === 'text' && chars && chars.length > left) {
      out.push({ ...s, text: chars.slice(0, left).join('') });
      return { segments: out, cut: true };
    }
    out.push(s);
    left -= chars ? chars.length : 1;
  }
  return { segments: out, cut: false };
}

/**
 * Held messages in team mode (leads and administrators; the dispatcher checks `workflow.manage` with the role the
 * hub reported, and the hub checks it again and audits each decision). Masked text only: the hub masks what it opens.
 */
export function heldHandlers(core: Core, seatOf: (ctx: CallContext) => TeamSeat): HeldHandlers {
  return {
    listHeldMessages: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const { channels, messages, limits } = await listHeld(seat.client);
      const rows = new TeamRows(seat.cache, () => core.clock.now());
      const names = new Map(seat.cache.channels().map((c) => [c.id, c.name]));
      const named = (channelId: string) => ({ channelName: names.get(channelId) ?? channelId, kind: rows.kind(channelId) });
      return heldListing(channels, messages, limits ?? null, named);
    },
    countHeldMessages: async (_r, ctx) => ({ held: await countHeld(seatOf(ctx).client) }),
    releaseHeldMessages: async (r, ctx) => {
      const out = await releaseHeld(seatOf(ctx).client, r.channelId, pickOf(r));
      return { released: out.released, left: out.left };
    },
    discardHeldMessages: async (r, ctx) => discardHeld(seatOf(ctx).client, r.channelId, pickOf(r)),
  };
}

type Named = (channelId: string) => { channelName: string; kind: ChannelKindT };
interface HeldSource {
  id: number;
  channelId: string;
  receivedAt: number;
  sender: string;
  maskedText: string;
  reason: string;
  fromSender?: { held: number; firstAt: number; lastAt: number } | null;
  copiesOn?: { conversationId: number; held: number } | null;
  readable: boolean;
}

/** The screen's listing from masked held messages (the hub's, or a single seat's own quarantine): segments, cut to size. */
export function heldListing(
  channels: ReadonlyArray<{ channelId: string; held: number; oldestAt: number }>,
  messages: readonly HeldSource[],
  limits: ResponseOf<'listHeldMessages'>['limits'],
  named: Named,
): ResponseOf<'listHeldMessages'> {
  return {
    channels: channels.slice(0, 500).map((c) => ({ channelId: c.channelId, ...named(c.channelId), held: c.held, oldestAt: Math.max(0, c.oldestAt) })),
    messages: messages.slice(0, 200).map((m) => {
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
        fromSender: m.fromSender ? { held: m.fromSender.held, firstAt: Math.max(0, m.fromSender.firstAt), lastAt: Math.max(0, m.fromSender.lastAt) } : null,
        readable: m.readable,
        ...(m.copiesOn ? { copiesOn: { conversationId: m.copiesOn.conversationId, held: m.copiesOn.held } } : {}),
      };
    }),
    limits,
  };
}

/** The hub's reason for a held message as the screen words it; one it does not know is `other`. */
export function reasonOf(reason: string): (typeof HELD_REASONS)[number] {
  return (HELD_REASONS as readonly string[]).includes(reason) && reason !== 'other' ? (reason as (typeof HELD_REASONS)[number]) : 'other';
}

const pickOf = (r: { ids: number[] } | { sameSenderAs: number }): HeldPick => ('ids' in r ? { ids: r.ids } : { sameSenderAs: r.sameSenderAs });
