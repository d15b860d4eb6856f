import type { z } from 'zod';
import type { Core } from '../../core/app';
import type { heldEvents } from '../held-contract';

/** What the hub pushed, as the renderer's `inboxChanged`: which conversations to refetch, which became mine. */
export function watchTeam(core: Core, emit: (changed: { conversationIds: number[]; assignedToMe: number[] }) => void): () => void {
  return core.onTeamEvents((seat, events) => {
    const changed = new Set<number>();
    const mine = new Set<number>();
    for (const e of events) {
      const p = e.payload as { id?: unknown; conversationId?: unknown; assigneeId?: unknown };
      const id = e.kind === 'conversation.updated' ? p.id : p.conversationId;
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) continue;
      changed.add(id);
      if (e.kind === 'conversation.updated' && p.assigneeId === seat.user.id) mine.add(id);
    }
    if (changed.size) emit({ conversationIds: [...changed].slice(0, 500), assignedToMe: [...mine].slice(0, 500) });
  });
}

/** Colleagues' live markers the hub pushed, as the renderer's `markersChanged`: which conversations to look at again. */
export function watchTeamMarkers(core: Core, emit: (changed: { conversationIds: number[] }) => void): () => void {
  return core.onTeamMarkers((_seat, markers) => {
    const ids = new Set<number>();
    for (const m of markers) if (Number.isSafeInteger(m.conversationId) && m.conversationId > 0) ids.add(m.conversationId);
    if (ids.size) emit({ conversationIds: [...ids].slice(0, 500) });
  });
}

/** Kinds of the hub's events about requests waiting for a second administrator (`audience: admins`). */
const ADMIN_REQUEST_KINDS = new Set(['role_grant.requested', 'role_grant.closed', 'factor_reset.requested', 'factor_reset.closed']);

/** A request waiting for a second administrator opened or closed, as the renderer's `adminRequestsChanged` (no payload: it lists them again). */
export function watchTeamAdminRequests(core: Core, emit: () => void): () => void {
  return core.onTeamEvents((_seat, events) => {
    if (events.some((e) => ADMIN_REQUEST_KINDS.has(e.kind))) emit();
  });
}

/** Kinds of the hub's events about held messages (leads and administrators): held by flood control, released or discarded. */
const HELD_KINDS = new Set(['quarantine.held', 'quarantine.updated']);

/**
 * Held messages changed, as the renderer's `heldMessagesChanged` (the channel only: the screen lists again): at the hub,
 * or in this console's own quarantine when it works alone.
 */
export function watchHeld(core: Core, emit: (changed: z.output<(typeof heldEvents)['heldMessagesChanged']>) => void): () => void {
  const offTeam = core.onTeamEvents((_seat, events) => {
    const channels = new Set<string>();
    for (const e of events) {
      const p = e.payload as { channelId?: unknown };
      if (HELD_KINDS.has(e.kind) && typeof p.channelId === 'string') channels.add(p.channelId.slice(0, 64));
    }
    for (const channelId of channels) emit({ channelId });
  });
  const offLocal = core.guards.quarantine.onChange((channelId) => emit({ channelId: channelId.slice(0, 64) }));
  return () => {
    offTeam();
    offLocal();
  };
}
