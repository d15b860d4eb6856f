import type { Core } from '../../core/app';
import { DiwanError } from '../../core/shared/errors';
import { BusinessCalendar, slaRisk, type CalendarSpec, type SlaClock } from '../../core/sla';
import type { LiveMarker, PresenceView, TeamSeat } from '../../core/team';
import { mentionCompletions } from '../../core/workflow';
import type { CallContext, Handlers } from '../dispatch';
import type { workflowContract } from '../workflow-contract';
import { TeamRows } from './rows';
import { workflowSettingsHandlers, workflowSettingsOffHandlers } from './workflow-settings';

type WorkflowChannel = keyof typeof workflowContract;
export type WorkflowHandlers = Pick<Handlers<CallContext>, WorkflowChannel>;

/** How long a console keeps the team's calendar before asking the hub again (a lead may have changed it). */
const CALENDAR_TTL_MS = 60_000;
/**
 * How often a seat asks the hub for everyone's presence. In between, the stream's `presence.updated` events (in the
 * cache) keep it current; the hub's answer covers what a fresh cache has not seen (and the time-to-live's verdicts).
 */
const PRESENCE_TTL_MS = 30_000;

/** What one seat keeps in memory for the workflow: colleagues' live markers, where each draft began, the calendar. */
interface SeatWorkflow {
  /** `${userId}:${conversationId}` → the newest marker of that colleague there. */
  markers: Map<string, LiveMarker>;
  /** Conversation → the stream position when this person began the draft (or last chose to look first). */
  draftSeen: Map<number, number>;
  calendar: { at: number; cal: BusinessCalendar } | null;
  presence: { at: number; rows: PresenceView[] } | null;
}

const seats = new WeakMap<TeamSeat, SeatWorkflow>();

/** The seat's workflow state in memory (markers, drafts, the calendar). */
function stateOf(seat: TeamSeat): SeatWorkflow {
  let s = seats.get(seat);
  if (!s) seats.set(seat, (s = { markers: new Map(), draftSeen: new Map(), calendar: null, presence: null }));
  return s;
}

/** Markers the hub pushed to a seat: the newest of each colleague per conversation, "left" removing it. */
function keepMarkers(seat: TeamSeat, markers: readonly LiveMarker[]): void {
  const state = stateOf(seat);
  for (const m of markers) {
    if (m.userId === seat.user.id) continue;
    const key = `${m.userId}:${m.conversationId}`;
    const prev = state.markers.get(key);
    if (m.kind === 'left') state.markers.delete(key);
    // "Writing" says more than "viewing": a viewing renewal does not hide a live writing marker.
    else if (!(m.kind === 'viewing' && prev?.kind === 'writing' && prev.expiresAt > m.at)) state.markers.set(key, m);
  }
}

/** The stream position a reply in this conversation says its author saw: where the draft began, when known. */
export function draftSeenSeq(seat: TeamSeat, conversationId: number): number | undefined {
  return seats.get(seat)?.draftSeen.get(conversationId);
}

/** A reply went (or was dropped): the next draft starts from what is on screen then. */
export function draftDone(seat: TeamSeat, conversationId: number): void {
  seats.get(seat)?.draftSeen.delete(conversationId);
}

/**
 * The team workflow's calls in team mode (issue 18): presence, markers, the held reply, SLA countdowns, mentions,
 * notifications and the lead's board. Reads come from the seat's cache and the hub; changes go to the hub.
 */
export function workflowHandlers(core: Core, seatOf: (ctx: CallContext) => TeamSeat): WorkflowHandlers {
  const now = () => core.clock.now();
  // Kept from the moment a seat follows its stream, so the first `liveMarkers` after a push already has them.
  core.onTeamMarkers(keepMarkers);
  // A lead saved the calendar (here or at another console): the countdowns ask the hub for it again.
  core.onTeamEvents((seat, events) => {
    if (events.some((e) => e.kind === 'workflow.calendar')) stateOf(seat).calendar = null;
  });
  const nameOf = (seat: TeamSeat) => {
    const people = new Map(seat.cache.team().map((m) => [m.id, m]));
    return (id: number | null) => {
      if (id === null) return null;
      const m = people.get(id);
      return m ? m.displayName || m.username : String(id);
    };
  };
  const calendarOf = async (seat: TeamSeat): Promise<BusinessCalendar> => {
    const s = stateOf(seat);
    if (!s.calendar || now() - s.calendar.at > CALENDAR_TTL_MS) {
      const r = (await seat.client.call('GET', '/v1/workflow/calendar')) as { calendar: CalendarSpec };
      s.calendar = { at: now(), cal: new BusinessCalendar(r.calendar) };
    }
    return s.calendar.cal;
  };

  return {
    ...workflowSettingsHandlers(seatOf, (seat) => (stateOf(seat).calendar = null)),
    teamPresence: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const s = stateOf(seat);
      if (!s.presence || now() - s.presence.at > PRESENCE_TTL_MS) {
        const rows = await seat.client
          .call('GET', '/v1/presence')
          .then((r) => r.presence as PresenceView[])
          .catch(() => null);
        // Out of reach: asked again on the next call; the stream's states stand meanwhile.
        if (rows) s.presence = { at: now(), rows };
      }
      // The newer of the hub's last answer and what the stream brought since, person by person.
      const by = new Map((s.presence?.rows ?? []).map((p) => [p.userId, p]));
      for (const p of seat.cache.presence()) if ((by.get(p.userId)?.since ?? -1) <= p.since) by.set(p.userId, p);
      const team = seat.cache
        .team()
        .filter((m) => !m.disabled && (m.role === 'agent' || m.role === 'lead'))
        .map((m) => ({ userId: m.id, name: m.displayName || m.username, role: m.role, state: by.get(m.id)?.state ?? ('offline' as const), since: by.get(m.id)?.since ?? 0 }));
      return { me: by.get(seat.user.id)?.state ?? (seat.client.connected ? 'online' : 'offline'), team };
    },
    setMyPresence: async (r, ctx) => {
      const seat = seatOf(ctx);
      await seat.client.setPresence(r.state);
      // My own change shows at once, before the stream brings it back.
      const s = stateOf(seat);
      if (s.presence) s.presence.rows = [...s.presence.rows.filter((p) => p.userId !== seat.user.id), { userId: seat.user.id, state: r.state, since: now() }];
      return { state: r.state };
    },

    markConversation: async (r, ctx) => {
      const seat = seatOf(ctx);
      if (!seat.cache.conversation(r.conversationId)) throw new DiwanError('not_found', 'That conversation no longer exists. Pick another one from the inbox.');
      const s = stateOf(seat);
      if (r.fresh || (r.kind === 'writing' && !s.draftSeen.has(r.conversationId))) s.draftSeen.set(r.conversationId, seat.cache.cursor());
      // A marker is a courtesy to colleagues: the hub out of reach loses nothing worth an error on screen.
      await seat.client.mark(r.conversationId, r.kind).catch(() => {});
      return { done: true as const };
    },
    liveMarkers: (_r, ctx) => {
      const seat = seatOf(ctx);
      const s = stateOf(seat);
      const t = now();
      const markers = [];
      const names = s.markers.size ? nameOf(seat) : null;
      for (const [key, m] of s.markers) {
        if (m.expiresAt <= t || m.kind === 'left') s.markers.delete(key);
        else markers.push({ conversationId: m.conversationId, userId: m.userId, name: names?.(m.userId) ?? m.username, kind: m.kind, expiresAt: m.expiresAt });
      }
      return { markers: markers.slice(0, 2000) };
    },

    settleHeldReply: async (r, ctx) => {
      const seat = seatOf(ctx);
      const entry = seat.cache.outboxEntry(r.heldId);
      const mine = seat.cache.waiting(r.conversationId).some((w) => w.clientId === r.heldId && w.state === 'held');
      if (!entry || !mine) throw new DiwanError('held_reply_gone', 'That held reply is no longer waiting (it was sent or dropped). Write the reply again if it is still needed.');
      if (r.action === 'look_first') {
        seat.cache.dropQueued(r.heldId);
        // Looking first: the next attempt says its author saw everything on screen now.
        stateOf(seat).draftSeen.set(r.conversationId, seat.cache.cursor());
        return { state: 'dropped' as const };
      }
      await seat.client.sendAnyway(r.heldId);
      const after = seat.cache.outboxEntry(r.heldId);
      if (after?.state === 'accepted') {
        draftDone(seat, r.conversationId);
        return { state: 'sent' as const };
      }
      if (after?.state === 'held') throw new DiwanError('reply_held_again', after.reason ?? 'The hub held the reply again. Read the conversation, then send.');
      throw new DiwanError('hub_unreachable', 'The hub cannot be reached right now. The reply waits in this console and goes, marked as sent anyway, when it is back.');
    },

    slaClocks: async (_r, ctx) => {
      const seat = seatOf(ctx);
      const [clocks, cal] = await Promise.all([seat.client.call('GET', '/v1/sla').then((x) => x.clocks as Array<SlaClock & { conversationId: number }>), calendarOf(seat)]);
      const t = now();
      return {
        at: t,
        clocks: clocks.slice(0, 20_000).map((c) => ({
          conversationId: c.conversationId,
          target: c.target,
          startedAt: c.startedAt,
          dueAt: c.dueAt,
          risk: slaRisk(c, t, cal),
          businessLeftMs: t >= c.dueAt ? 0 : Math.max(0, Math.round(cal.between(t, c.dueAt))),
        })),
      };
    },

    mentionCompletions: (r, ctx) => {
      const seat = seatOf(ctx);
      const team = seat.cache.team().filter((m) => !m.disabled && m.id !== seat.user.id && m.role !== 'auditor');
      const c = mentionCompletions(r.text, Math.min(r.caret, r.text.length), team);
      if (!c) return null;
      return { from: c.from, query: c.query.slice(0, 70), matches: c.matches.map((m) => ({ username: m.username, name: m.displayName || m.username })) };
    },

    listNotifications: (_r, ctx) => {
      const seat = seatOf(ctx);
      const items = [];
      for (const n of seat.cache.notifications(100)) {
        const base = { seq: n.seq, conversationId: n.conversationId };
        if (n.kind === 'note.mention' && typeof n.by === 'string' && typeof n.maskedText === 'string') items.push({ ...base, kind: n.kind, by: n.by.slice(0, 200), maskedText: n.maskedText.slice(0, 1000) });
        else if (n.kind === 'conversation.returned' && typeof n.minutes === 'number') items.push({ ...base, kind: n.kind, minutes: Math.max(0, Math.round(n.minutes)) });
        else if (n.kind === 'sla.breached' && typeof n.dueAt === 'number' && typeof n.target === 'string') items.push({ ...base, kind: n.kind, target: n.target as SlaClock['target'], dueAt: n.dueAt });
      }
      return { items };
    },

    leadBoard: async (r, ctx) => {
      const seat = seatOf(ctx);
      const since = Math.max(0, now() - r.sinceHours * 3_600_000);
      const { board } = (await seat.client.call('GET', `/v1/board?since=${since}`)) as { board: HubBoard };
      const names = nameOf(seat);
      const kinds = new TeamRows(seat.cache, now);
      const channelNames = new Map(board.channels.map((c) => [c.channelId, c.name]));
      return {
        at: board.at,
        since: board.since,
        agents: board.agents.map((a) => ({
          userId: a.userId,
          name: a.displayName || a.username,
          role: a.role,
          presence: { state: a.presence.state, since: a.presence.since },
          open: a.open.slice(0, 1000),
          handled: a.handled,
          medianFirstResponseMs: a.medianFirstResponseMs === null ? null : Math.max(0, Math.round(a.medianFirstResponseMs)),
          medianResolutionMs: a.medianResolutionMs === null ? null : Math.max(0, Math.round(a.medianResolutionMs)),
        })),
        channels: board.channels.map((c) => ({ channelId: c.channelId, name: c.name, kind: kinds.kind(c.channelId), mode: c.mode, queued: c.queued })),
        atRisk: board.atRisk.slice(0, 2000).map((x) => ({
          conversationId: x.conversationId,
          channelName: channelNames.get(x.channelId) ?? x.channelId,
          assignee: names(x.assigneeId),
          target: x.target,
          dueAt: x.dueAt,
          risk: x.risk,
        })),
      };
    },
  };
}

interface HubBoard {
  at: number;
  since: number;
  agents: Array<{
    userId: number;
    username: string;
    displayName: string;
    role: string;
    presence: PresenceView;
    open: number[];
    handled: number;
    medianFirstResponseMs: number | null;
    medianResolutionMs: number | null;
  }>;
  channels: Array<{ channelId: string; name: string; mode: string; queued: number }>;
  atRisk: Array<{ conversationId: number; channelId: string; assigneeId: number | null; target: SlaClock['target']; dueAt: number; risk: 'ok' | 'at_risk' | 'breached' }>;
}

/** Single-seat mode has no team: each call says so (the screens do not offer them there). */
export function workflowOffHandlers(): WorkflowHandlers {
  const off = (): never => {
    throw new DiwanError('team_off', 'Presence, live markers, SLA clocks, mentions and the board work with a team hub; this console works alone.');
  };
  return {
    ...workflowSettingsOffHandlers(),
    teamPresence: off,
    setMyPresence: off,
    markConversation: off,
    liveMarkers: off,
    settleHeldReply: off,
    slaClocks: off,
    mentionCompletions: off,
    listNotifications: off,
    leadBoard: off,
  };
}
