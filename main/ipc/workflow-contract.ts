import { z } from 'zod';
import { calendarSpecSchema } from '../core/sla';
import { agentCapacitySchema, channelRuleSchema, consentNoticeTextsSchema } from '../core/workflow';
import type { ChannelSpec } from './channel';
import { ChannelKind, Id } from './console-contract';

/**
 * The team workflow in the console (issue 18): presence, live markers, the send-time hold, SLA countdowns, @mention
 * completion and notifications, and the lead's board. Team mode only: a single-seat console refuses these calls in
 * words and its screens do not show them (`session.team` is null there).
 *
 * Nothing here carries customer text except a mention's note excerpt, which is masked staff text as every note is.
 */
const Time = z.number().int().nonnegative().max(8.64e15);
const Name = z.string().max(200);
const Empty = z.object({}).strict();
const Done = z.object({ done: z.literal(true) });

export const PresenceState = z.enum(['online', 'away', 'offline']);
const Presence = z.object({ userId: Id, name: Name, role: z.string().max(20), state: PresenceState, since: Time });

export const MarkerKind = z.enum(['viewing', 'writing', 'left']);
const LiveMarker = z.object({ conversationId: Id, userId: Id, name: Name, kind: z.enum(['viewing', 'writing']), expiresAt: Time });

export const SlaTarget = z.enum(['first_response', 'next_response', 'resolution']);
export const SlaRisk = z.enum(['ok', 'at_risk', 'breached']);
const SlaClock = z.object({
  conversationId: Id,
  target: SlaTarget,
  startedAt: Time,
  dueAt: Time,
  risk: SlaRisk,
  /** Business time left on the team's calendar when it was computed (0 once due). */
  businessLeftMs: z.number().int().nonnegative(),
});

const Notification = z.discriminatedUnion('kind', [
  z.object({ seq: Id, kind: z.literal('note.mention'), conversationId: Id, by: Name, maskedText: z.string().max(1000) }),
  z.object({ seq: Id, kind: z.literal('conversation.returned'), conversationId: Id, minutes: z.number().int().nonnegative() }),
  z.object({ seq: Id, kind: z.literal('sla.breached'), conversationId: Id, target: SlaTarget, dueAt: Time }),
]);

const BoardAgent = z.object({
  userId: Id,
  name: Name,
  role: z.string().max(20),
  presence: z.object({ state: PresenceState, since: Time }),
  open: z.array(Id).max(1000),
  handled: z.number().int().nonnegative(),
  medianFirstResponseMs: z.number().int().nonnegative().nullable(),
  medianResolutionMs: z.number().int().nonnegative().nullable(),
});
const BoardChannel = z.object({ channelId: z.string().max(64), name: Name, kind: ChannelKind, mode: z.string().max(20), queued: z.number().int().nonnegative() });
const BoardRisk = z.object({ conversationId: Id, channelName: Name, assignee: Name.nullable(), target: SlaTarget, dueAt: Time, risk: SlaRisk });

const ChannelId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const SettingsChannel = z.object({ channelId: ChannelId, name: Name, kind: ChannelKind, rule: channelRuleSchema });
const SettingsAgent = z.object({ userId: Id, name: Name, role: z.string().max(20), capacity: agentCapacitySchema });
const ConsentNoticeVersion = z.object({ version: z.number().int().positive(), texts: consentNoticeTextsSchema, createdAt: Time, createdBy: Name });

export const workflowContract = {
  /** Who I am at the hub right now and the team's presence (everyone signed in may see it; the lead's board uses it). */
  teamPresence: channel({ request: Empty, response: z.object({ me: PresenceState, team: z.array(Presence).max(2000) }), permission: 'session' }),
  /** I step away, or come back. */
  setMyPresence: channel({ request: z.object({ state: z.enum(['online', 'away']) }).strict(), response: z.object({ state: PresenceState }), permission: 'conversations.read' }),
  /**
   * I am viewing or writing in a conversation, or left it. `fresh` starts a new draft: what this console has seen
   * of the team's events now is what the reply will say its author saw (the hub's send-time check compares with it).
   */
  markConversation: channel({
    request: z.object({ conversationId: Id, kind: MarkerKind, fresh: z.boolean().default(false) }).strict(),
    response: Done,
    permission: 'conversations.read',
  }),
  /** Colleagues' live markers this console holds now (never my own; expired ones are gone). */
  liveMarkers: channel({ request: Empty, response: z.object({ markers: z.array(LiveMarker).max(2000) }), permission: 'conversations.read' }),
  /** A reply the hub held because something newer arrived: sent anyway (the hub audits it), or dropped to look first. */
  settleHeldReply: channel({
    request: z.object({ conversationId: Id, heldId: z.string().min(8).max(64), action: z.enum(['send_anyway', 'look_first']) }).strict(),
    response: z.object({ state: z.enum(['sent', 'dropped']) }),
    permission: 'messages.send',
  }),
  /** The running SLA clocks of the conversations I may read, with their risk on the team's calendar. */
  slaClocks: channel({ request: Empty, response: z.object({ at: Time, clocks: z.array(SlaClock).max(20_000) }), permission: 'conversations.read' }),
  /** Colleagues whose name starts with the `@partial` right before the caret of a note being written. */
  mentionCompletions: channel({
    request: z.object({ text: z.string().max(5000), caret: z.number().int().nonnegative().max(5000) }).strict(),
    response: z.object({ from: z.number().int().nonnegative(), query: z.string().max(70), matches: z.array(z.object({ username: Name, name: Name })).max(8) }).nullable(),
    permission: 'conversations.read',
  }),
  /** What the hub told me alone (named in a note, a conversation taken back) or the leads (an SLA breached). Newest first. */
  listNotifications: channel({ request: Empty, response: z.object({ items: z.array(Notification).max(100) }), permission: 'conversations.read' }),
  /** The lead's live board: who is on what, queue depth per channel, conversations at SLA risk, per-agent figures. */
  leadBoard: channel({
    request: z.object({ sinceHours: z.number().int().min(1).max(24 * 90).default(24) }).strict(),
    response: z.object({ at: Time, since: Time, agents: z.array(BoardAgent).max(2000), channels: z.array(BoardChannel).max(500), atRisk: z.array(BoardRisk).max(2000) }),
    permission: 'team.board',
  }),

  // What leads and administrators edit (permission `workflow.manage`); the hub checks each again and audits it.
  // A bad field comes back as `bad_request` with the field's path, which the screens turn into a sentence naming it.
  /** Each channel's assignment rule and SLA targets, the agents' own capacities, the team's business calendar. */
  workflowSettings: channel({
    request: Empty,
    response: z.object({ channels: z.array(SettingsChannel).max(500), agents: z.array(SettingsAgent).max(2000), calendar: calendarSpecSchema }),
    permission: 'workflow.manage',
  }),
  saveAssignmentRule: channel({ request: z.object({ channelId: ChannelId, rule: channelRuleSchema }).strict(), response: z.object({ rule: channelRuleSchema }), permission: 'workflow.manage' }),
  setAgentCapacity: channel({ request: z.object({ userId: Id, capacity: agentCapacitySchema }).strict(), response: Done, permission: 'workflow.manage' }),
  saveBusinessCalendar: channel({ request: z.object({ calendar: calendarSpecSchema }).strict(), response: z.object({ calendar: calendarSpecSchema }), permission: 'workflow.manage' }),
  /** A channel's consent notice, every version, newest last. */
  consentNotices: channel({ request: z.object({ channelId: ChannelId }).strict(), response: z.object({ notices: z.array(ConsentNoticeVersion).max(1000) }), permission: 'workflow.manage' }),
  /** A new version of a channel's notice, written in one or more languages; first contacts from now on get it in theirs. */
  publishConsentNotice: channel({ request: z.object({ channelId: ChannelId, texts: consentNoticeTextsSchema }).strict(), response: z.object({ version: z.number().int().positive() }), permission: 'workflow.manage' }),
} as const;

function channel<Req extends z.ZodType, Res extends z.ZodType>(spec: ChannelSpec<Req, Res>): ChannelSpec<Req, Res> {
  return spec;
}

/** Events of the team workflow. Ids only. */
export const workflowEvents = {
  /** Colleagues' live markers changed on these conversations: the renderer asks `liveMarkers` (pushed, not polled). */
  markersChanged: z.object({ conversationIds: z.array(Id).max(500) }),
} as const;
