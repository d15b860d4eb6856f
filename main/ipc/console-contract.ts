import { z } from 'zod';
import { channel } from './channel';
import { CHANNEL_CHECK_OUTCOMES, CHANNEL_KINDS, CONVERSATION_STATUSES, DELIVERY_STATES, DRILL_KINDS, INTERFACE_LANGUAGES, REPLY_TEXT_MAX_UNITS, ROLES, THREAD_CONTROL_ACTIONS } from '../core/shared/vocabulary';
import { NOTICE_LANGUAGES } from '../core/workflow/notice-language';

/**
 * The console's calls: inbox, conversation, composer, search, lead and admin views.
 *
 * The DTO rule: the renderer never parses masked tokens. Main turns masked text into `segments` (plain text runs
 * and field chips carrying only the field's type and a short hint), gives each message its text direction, and
 * returns an original value only through Identity's `requestReveal`/`readReveal`, for one field, for a limited time.
 * Sessions, people, reveal, review transcripts, scores and the audit trail are Identity's channels (contract.ts).
 *
 * Permissions are the Identity work's names and role table (main/core/auth/permissions.ts).
 */

// ── building blocks ────────────────────────────────────────────────────────────────────────────────────────────
/** A stored row's id (conversation, message, note, label…): a positive integer, the same on every channel. */
export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A label's name as stored: up to 64 typed characters, masked (a placeholder may be longer than what it hides). */
const LabelName = z.string().max(200);
const Name = z.string().min(1).max(200);
/** The agent's interface language: explanations from main are worded in it (not in the language of what was typed). */
const InterfaceLanguage = z.enum(INTERFACE_LANGUAGES);
const Time = z.number().int().nonnegative().max(8.64e15);
const Cursor = z.string().max(200);

export { CHANNEL_KINDS, CONVERSATION_STATUSES, DELIVERY_STATES, DRILL_KINDS, ROLES } from '../core/shared/vocabulary';
export const ChannelKind = z.enum(CHANNEL_KINDS);
export const ConversationStatus = z.enum(CONVERSATION_STATUSES);
export const DeliveryState = z.enum(DELIVERY_STATES);
export const TextDirection = z.enum(['rtl', 'ltr', 'auto']);
export const Role = z.enum(ROLES);

/** A run of masked text: plain text (possibly a search match) or a masked field shown as a chip. */
export const Segment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().max(20_000), match: z.boolean().optional() }),
  z.object({ kind: z.literal('field'), fieldIndex: z.number().int().nonnegative().max(1000), type: z.string().max(40), hint: z.string().max(64) }),
]);
export const Segments = z.array(Segment).max(2000);

export const UserRef = z.object({ id: z.string().max(100), name: z.string().max(200) });

export const ConversationSummary = z.object({
  id: Id,
  channelId: z.string().max(100),
  channelKind: ChannelKind,
  channelName: z.string().max(200),
  contactName: Segments,
  preview: Segments,
  previewDirection: TextDirection,
  status: ConversationStatus,
  snoozedUntil: Time.nullable(),
  assignee: UserRef.nullable(),
  unread: z.number().int().nonnegative(),
  labels: z.array(LabelName).max(50),
  lastActivityAt: Time,
  /** Copies of a campaign the team hub holds as near-duplicates that count on this conversation (its first copy opened it); absent when none. */
  heldCopies: z.number().int().positive().optional(),
});

export const Delivery = z.object({ state: DeliveryState, reason: z.string().max(500).optional() });

export const ATTACHMENT_KINDS = ['photo', 'document', 'audio', 'video', 'sticker', 'other'] as const;
/** A file the customer sent, as metadata: the file itself is fetched only when opened (`showAttachment`, `saveAttachment`). */
export const AttachmentDto = z.object({
  /** Position among the message's attachments; with the message id, the address for opening it. */
  index: z.number().int().nonnegative().max(49),
  kind: z.enum(ATTACHMENT_KINDS),
  /** The file name as stored (masked, digit runs blotted), as segments like any masked text. */
  name: Segments,
  mimeType: z.string().max(200).nullable(),
  size: z.number().int().nonnegative().nullable(),
  /** False when the platform gave no way to fetch it (or it was over the size limit when it arrived). */
  fetchable: z.boolean(),
});
/** Raster types the console draws; everything else is only ever saved (main/core/connectors/attachments.ts). */
export const SHOWN_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export const MessageDto = z.object({
  id: Id,
  direction: z.enum(['in', 'out']),
  sentAt: Time,
  segments: Segments,
  textDirection: TextDirection,
  /** Only for replies sent from the console. */
  delivery: Delivery.optional(),
  /** Scam and phishing warnings on a customer's message, in the agent's language (the inbound inspection). */
  flags: z.array(z.object({ code: z.string().max(40), explanation: z.string().max(500) })).max(20).optional(),
  author: UserRef.nullable(),
  attachments: z.array(AttachmentDto).max(50).optional(),
  /**
   * The message keeps its whole original (an e-mail's HTML), sealed: revealed like a field (`requestReveal` with this
   * index; its type is `ORIGINAL`), shown rendered safely. `revealable` is false once retention removed it.
   */
  original: z.object({ fieldIndex: z.number().int().nonnegative().max(10_000), revealable: z.boolean() }).optional(),
  /** The customer edited or deleted this message on the platform: it stays as it was, and `by` names the entry that superseded it. */
  revision: z.object({ kind: z.enum(['edited', 'deleted']), by: Id.nullable() }).strict().optional(),
});

export const DrillKind = z.enum(DRILL_KINDS);
export const DrillReportDto = z.object({
  drillId: z.string().max(60),
  startsAt: Time,
  endsAt: Time,
  messagesSent: z.number().int().nonnegative().max(100_000),
  agents: z.array(z.object({ agent: UserRef, flagged: z.number().int().nonnegative(), unsafeReplies: z.number().int().nonnegative(), safeReplies: z.number().int().nonnegative() })).max(1000),
});

export const NoteDto = z.object({ id: Id, author: UserRef.nullable(), createdAt: Time, segments: Segments, textDirection: TextDirection });

/** The platform's reply window: none where the platform has none, else whether a reply may still go out and how. */
export const ReplyWindow = z.object({
  kind: z.enum(['none', 'open', 'human_agent', 'closed']),
  /** When the current window closes (ms); null when there is no window. */
  closesAt: Time.nullable(),
  /** The platform's rule in words the UI translates: '24h', '7d-human-agent'. */
  rule: z.enum(['none', '24h', '7d-human-agent']),
});

/** What a team hub sent this customer on first contact: the notice's version and language, and when they wrote after it. */
export const ConsentRecordDto = z.object({
  version: z.number().int().positive(),
  /** null: a notice written before notices had languages. */
  language: z.enum(NOTICE_LANGUAGES).nullable(),
  notifiedAt: Time,
  /** The customer's first message after the notice; null until they write again. */
  acknowledgedAt: Time.nullable(),
});

export const CustomerPanel = z.object({
  name: Segments,
  handle: Segments,
  fields: z.array(z.object({ label: z.string().max(60), segments: Segments })).max(50),
  earlier: z
    .array(z.object({ id: Id, status: ConversationStatus, lastActivityAt: Time, preview: Segments, channelKind: ChannelKind }))
    .max(50),
  /**
   * Team mode only (a single seat sends no notices, so it has no such field): the contact's consent record, null when
   * no notice has gone to them; absent too when the hub could not be asked.
   */
  consent: ConsentRecordDto.nullable().optional(),
  /**
   * Team mode only, when the hub could not give the panel: `fields` were read from this many messages of the
   * conversation that this computer's cache holds, not from the whole conversation, and `earlier` is empty; the
   * panel says so, and says when it is because the hub could not be reached (`hubUnreachable`).
   */
  fieldsFrom: z.object({ messages: z.number().int().nonnegative(), hubUnreachable: z.literal(true).optional() }).strict().optional(),
});

export const ConversationDetail = z.object({
  summary: ConversationSummary,
  messages: z.array(MessageDto).max(2000),
  notes: z.array(NoteDto).max(500),
  customer: CustomerPanel,
  replyWindow: ReplyWindow,
  /** The newest customer message id; the composer sends it back so main can refuse a reply written before it. */
  latestInboundId: Id.nullable(),
  /** True when the conversation has messages older than `messages` (its latest page): `olderMessages` reads them. */
  moreBefore: z.boolean().optional(),
});

/**
 * How many of a conversation's messages an opening (or one step back with `olderMessages`) reads. A screen's worth
 * with a margin: a 1920×1080 window's thread is 780 px tall and shows 13 one-line messages (63 px each; 11 of a mix
 * of one- and three-line ones; en and ar alike, measured in Chromium, issue #26 round 24), so 30 fill 2.3 such
 * screens and a thread up to ≈ 1,900 px tall. Fewer rows is what the opening reads (the page's rows were 45 of its 57
 * pages at 50, round 23); the thread reads the page before by itself when the reader reaches its top, or when a
 * page does not fill it.
 */
export const MESSAGE_PAGE = 30;

export const InboxScope = z.enum(['mine', 'unassigned', 'all']);
export const InboxFilter = z.object({
  scope: InboxScope.default('all'),
  channelId: z.string().max(100).optional(),
  status: ConversationStatus.optional(),
  label: LabelName.optional(),
});

export const HealthState = z.enum(['ok', 'degraded', 'down', 'unknown']);
export const ChannelHealth = z.object({
  channelId: z.string().max(100),
  state: HealthState,
  detail: z.string().max(500).optional(),
  checkedAt: Time.nullable(),
});

export const ChannelDto = z.object({
  id: z.string().max(100),
  kind: ChannelKind,
  name: z.string().max(200),
  enabled: z.boolean(),
  /** Whether the keychain holds credentials for it. The credentials themselves never leave main. */
  hasCredentials: z.boolean(),
  health: ChannelHealth,
  unread: z.number().int().nonnegative(),
});

export const GuardFinding = z.object({ code: z.string().max(60), message: z.string().max(500) });
export const GuardVerdict = z.object({
  verdict: z.enum(['allow', 'warn', 'block']),
  findings: z.array(GuardFinding).max(20),
  /** False when the block can never be approved by a team lead (a code, password, PIN, card or CVV is asked for). */
  approvable: z.boolean(),
});

export const ApprovalState = z.enum(['pending', 'approved', 'declined']);
/** A blocked reply waiting for a lead: masked text as segments and the guard's reasons, never the reply itself. */
export const ReplyApprovalDto = z.object({
  id: Id,
  conversationId: Id,
  agent: UserRef.nullable(),
  segments: Segments,
  textDirection: TextDirection,
  reasons: z.array(z.string().max(500)).max(20),
  requestedAt: Time,
  state: ApprovalState,
});

export const SearchHit = z.object({
  conversationId: Id,
  messageId: Id,
  channelKind: ChannelKind,
  sentAt: Time,
  direction: z.enum(['in', 'out']),
  segments: Segments,
  textDirection: TextDirection,
  /** Whose conversation (the masked display name, as in the inbox) and where it stands now. */
  contactName: Segments,
  status: ConversationStatus,
});

/** Customers a search names at most (their conversations are opened from there; a longer list is narrowed). */
export const MAX_CUSTOMER_HITS = 20;

/** A conversation found by its customer's name or handle (the customer's most recent one passing the filters). */
export const CustomerHit = z.object({
  conversationId: Id,
  channelKind: ChannelKind,
  /** The masked display name and the handle, with the query's words marked as in message hits. */
  contactName: Segments,
  handle: Segments,
  status: ConversationStatus,
  lastActivityAt: Time,
});

export const ReportSummary = z.object({
  from: Time,
  to: Time,
  perChannel: z
    .array(z.object({ channelId: z.string().max(100), channelKind: ChannelKind, channelName: z.string().max(200), inbound: z.number().int(), outbound: z.number().int(), conversations: z.number().int() }))
    .max(100),
  /** Customer messages per day. */
  daily: z.array(z.object({ day: z.string().max(10), inbound: z.number().int() })).max(400),
  /** Over the conversation episodes that began in the range (`core/reports`): first reply, and resolution. */
  firstResponseMs: z.object({ p50: z.number().nullable(), p90: z.number().nullable() }),
  resolutionMs: z.object({ p50: z.number().nullable(), p90: z.number().nullable() }),
  resolved: z.number().int().nonnegative(),
  slaBreaches: z.number().int().nonnegative(),
  slaTargetMs: z.number().int().positive(),
});

export const AlertDto = z.object({
  id: Id,
  kind: z.string().max(60),
  severity: z.enum(['info', 'warning', 'critical']),
  createdAt: Time,
  summary: z.string().max(500),
  conversationIds: z.array(Id).max(100),
  acknowledged: z.boolean(),
});

export const ReviewItem = z.object({
  conversationId: Id,
  channelKind: ChannelKind,
  agent: UserRef.nullable(),
  resolvedAt: Time.nullable(),
  score: z.number().int().min(1).max(5).nullable(),
});

export const DeviceStatus = z.object({
  deviceId: z.string().max(100),
  enrolled: z.boolean(),
  /** The gate's view of IT's policy: whether one is in force, and its version number when it is. */
  policy: z.object({ state: z.enum(['valid', 'missing', 'invalid', 'expired']), version: z.number().int().nonnegative().nullable() }),
  network: z.object({ verdict: z.enum(['office', 'off_network', 'unknown']), checkedAt: Time.nullable(), detail: z.string().max(500).nullable() }),
});

const Empty = z.object({}).strict();

/** A label on the team's list; the name is masked staff text (a value typed into it never reaches another desk). */
export const LabelDto = z.object({ id: Id, name: LabelName });

export const CannedReplyDto = z.object({ id: Id, shortcut: z.string().max(40), title: z.string().max(200), body: z.string().max(5000) });

// ── the channels ───────────────────────────────────────────────────────────────────────────────────────────────
export const consoleContract = {
  // Inbox
  listConversations: channel({
    request: z.object({ filter: InboxFilter, cursor: Cursor.nullable().default(null), limit: z.number().int().min(1).max(200).default(100) }).strict(),
    response: z.object({ items: z.array(ConversationSummary).max(200), nextCursor: Cursor.nullable(), total: z.number().int().nonnegative() }),
    permission: 'conversations.read',
  }),
  inboxCounts: channel({
    request: Empty,
    response: z.object({
      mine: z.number().int(),
      unassigned: z.number().int(),
      all: z.number().int(),
      labels: z.array(LabelName).max(200),
      channels: z.array(z.object({ id: z.string().max(100), kind: ChannelKind, name: z.string().max(200), unread: z.number().int().nonnegative() })).max(100),
    }),
    permission: 'conversations.read',
  }),
  channelHealth: channel({ request: Empty, response: z.array(ChannelHealth).max(100), permission: 'conversations.read' }),
  listAgents: channel({ request: Empty, response: z.array(UserRef).max(500), permission: 'conversations.read' }),

  // Conversation
  openConversation: channel({
    request: z.object({ conversationId: Id, /** For the scam warnings' wording. */ lang: InterfaceLanguage.optional() }).strict(),
    response: ConversationDetail,
    permission: 'conversations.read',
  }),
  /** The page of messages just before `before` (the oldest one shown), oldest first, and whether there are more. */
  olderMessages: channel({
    request: z
      .object({ conversationId: Id, before: z.object({ sentAt: Time, id: Id }).strict(), /** For the scam warnings' wording. */ lang: InterfaceLanguage.optional() })
      .strict(),
    response: z.object({ messages: z.array(MessageDto).max(MESSAGE_PAGE), moreBefore: z.boolean() }),
    permission: 'conversations.read',
  }),
  /** A picture the customer sent, fetched from the platform by main (audited); refused when its bytes are not a picture. */
  showAttachment: channel({
    request: z.object({ messageId: Id, index: z.number().int().nonnegative().max(49) }).strict(),
    response: z.object({ mimeType: z.enum(SHOWN_IMAGE_TYPES), dataBase64: z.string().max(36_000_000) }),
    permission: 'conversations.read',
  }),
  /** Messenger / Instagram handover protocol: take, pass or request control of the customer's thread (audited). */
  threadControl: channel({
    request: z.object({ conversationId: Id, action: z.enum(THREAD_CONTROL_ACTIONS) }).strict(),
    response: z.object({ done: z.literal(true) }),
    permission: 'messages.send',
  }),
  /** Any file the customer sent, fetched by main and written where the person chooses in the save dialog (audited). */
  saveAttachment: channel({
    request: z.object({ messageId: Id, index: z.number().int().nonnegative().max(49) }).strict(),
    response: z.object({ saved: z.boolean() }),
    permission: 'conversations.read',
  }),
  setConversationStatus: channel({
    request: z.object({ conversationId: Id, status: ConversationStatus, snoozeUntil: Time.optional() }).strict(),
    response: ConversationSummary,
    permission: 'conversations.write',
  }),
  assignConversation: channel({
    request: z.object({ conversationId: Id, assignee: z.union([z.literal('me'), z.string().max(100)]).nullable() }).strict(),
    response: ConversationSummary,
    permission: 'conversations.write',
  }),
  addNote: channel({ request: z.object({ conversationId: Id, text: z.string().trim().min(1).max(5000) }).strict(), response: NoteDto, permission: 'conversations.write' }),
  /** The team's label list: anyone signed in reads it (the filter and the label editor offer it). */
  listLabels: channel({ request: Empty, response: z.array(LabelDto).max(1000), permission: 'session' }),
  /** Creates (no id) or renames a label; a name another label has (in any letter case) is refused. */
  saveLabel: channel({
    request: z.object({ id: Id.optional(), name: z.string().trim().min(1, 'A label needs a name.').max(64, 'A label name is at most 64 characters.') }).strict(),
    response: LabelDto,
    permission: 'labels.manage',
  }),
  /** Deletes a label and takes it off every conversation it marked. */
  deleteLabel: channel({ request: z.object({ id: Id }).strict(), response: z.object({ deleted: z.literal(true) }), permission: 'labels.manage' }),
  setLabels: channel({
    request: z.object({ conversationId: Id, labels: z.array(z.string().trim().min(1).max(64)).max(20) }).strict(),
    response: ConversationSummary,
    permission: 'conversations.write',
  }),
  /** The agent reports a customer's message as a scam attempt; `drill` tells them it was a phishing drill's message. */
  reportScam: channel({ request: z.object({ messageId: Id }).strict(), response: z.object({ drill: z.boolean() }), permission: 'conversations.write' }),
  resolveUnknownDelivery: channel({
    request: z.object({ messageId: Id, action: z.enum(['resend', 'mark_failed']) }).strict(),
    response: MessageDto,
    permission: 'messages.send',
  }),

  // Composer
  /** Company text, not customer data: anyone signed in may read it (the administrator manages it). */
  listCannedReplies: channel({ request: Empty, response: z.array(CannedReplyDto).max(500), permission: 'session' }),
  saveCannedReply: channel({
    request: z
      .object({
        id: Id.optional(),
        shortcut: z.string().trim().regex(/^[\p{L}\p{N}_-]{1,32}$/u, 'A shortcut is 1 to 32 letters, digits, "-" or "_".'),
        title: z.string().trim().min(1).max(120),
        body: z.string().trim().min(1).max(4096),
      })
      .strict(),
    response: CannedReplyDto,
    permission: 'settings.manage',
  }),
  deleteCannedReply: channel({ request: z.object({ id: Id }).strict(), response: z.object({ deleted: z.literal(true) }), permission: 'settings.manage' }),
  fillCannedReply: channel({
    request: z.object({ conversationId: Id, cannedReplyId: Id }).strict(),
    response: z.object({ text: z.string().max(REPLY_TEXT_MAX_UNITS), missing: z.array(z.string().max(60)).max(20) }),
    permission: 'messages.send',
  }),
  checkReply: channel({ request: z.object({ conversationId: Id, text: z.string().max(REPLY_TEXT_MAX_UNITS), /** Absent: the draft's own language. */ lang: InterfaceLanguage.optional() }).strict(), response: GuardVerdict, permission: 'messages.send' }),
  sendReply: channel({
    request: z
      .object({
        conversationId: Id,
        text: z.string().trim().min(1).max(REPLY_TEXT_MAX_UNITS),
        /** The newest customer message the agent had seen when they started typing. */
        seenInboundId: Id.nullable(),
        humanAgentTag: z.boolean().default(false),
        /** A team lead's one-time approval of this exact blocked text (the outbound guard's four eyes). */
        approvalToken: z.string().min(1).max(100).optional(),
        /** The interface language every refusal is worded in; absent: English (the guard's findings in the draft's language). */
        lang: InterfaceLanguage.optional(),
      })
      .strict(),
    response: MessageDto,
    permission: 'messages.send',
  }),

  /** Four eyes on a blocked reply: the agent asks a team lead, then collects the one-time token once decided. */
  requestReplyApproval: channel({
    request: z.object({ conversationId: Id, text: z.string().trim().min(1).max(REPLY_TEXT_MAX_UNITS) }).strict(),
    response: ReplyApprovalDto,
    permission: 'messages.send',
  }),
  replyApprovalStatus: channel({
    request: z.object({ requestId: Id }).strict(),
    response: z.object({ state: ApprovalState, approvalToken: z.string().max(100).nullable() }),
    permission: 'messages.send',
  }),

  // Search
  search: channel({
    request: z
      .object({
        query: z.string().trim().min(1).max(200),
        channelId: z.string().max(100).optional(),
        status: ConversationStatus.optional(),
        from: Time.optional(),
        to: Time.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    response: z.object({
      hits: z.array(SearchHit).max(200),
      total: z.number().int().nonnegative(),
      customers: z.array(CustomerHit).max(MAX_CUSTOMER_HITS),
      /** Customers whose name or handle answers the query, counted up to 1000. */
      customersTotal: z.number().int().nonnegative(),
      /** The last word began more words than were searched: only the `searched` shortest were (the reader is told). */
      narrowed: z
        .object({ prefix: z.string().max(200), searched: z.number().int().nonnegative(), named: z.number().int().nonnegative(), more: z.boolean() })
        .strict()
        .optional(),
    }),
    permission: 'conversations.read',
  }),

  // Notifications: main writes the text from non-customer data only.
  notifyAssigned: channel({ request: z.object({ conversationId: Id }).strict(), response: z.object({ shown: z.boolean() }), permission: 'conversations.read' }),

  // Team lead
  reviewQueue: channel({ request: Empty, response: z.array(ReviewItem).max(500), permission: 'review.read' }),
  reportSummary: channel({
    request: z.object({ from: Time, to: Time }).strict().refine((r) => r.to > r.from && r.to - r.from <= 400 * 86_400_000, 'Choose a range of at most 400 days.'),
    response: ReportSummary,
    permission: 'reports.read',
  }),
  listAlerts: channel({ request: Empty, response: z.array(AlertDto).max(500), permission: 'reports.read' }),
  acknowledgeAlert: channel({ request: z.object({ alertId: Id }).strict(), response: AlertDto, permission: 'reports.read' }),
  listReplyApprovals: channel({ request: Empty, response: z.array(ReplyApprovalDto).max(500), permission: 'reveal.approve' }),
  decideReplyApproval: channel({ request: z.object({ requestId: Id, approve: z.boolean() }).strict(), response: ReplyApprovalDto, permission: 'reveal.approve' }),

  // Administrator
  listChannels: channel({ request: Empty, response: z.array(ChannelDto).max(100), permission: 'channels.manage' }),
  saveChannel: channel({
    request: z
      .object({
        id: z.string().regex(/^[a-z0-9-]{1,60}$/).optional(),
        kind: ChannelKind,
        name: Name,
        /** Typed by the administrator; main writes them to the keychain and never returns them. */
        credentials: z.record(z.string().regex(/^[a-zA-Z0-9_]{1,40}$/), z.string().min(1).max(4000)).refine((c) => Object.keys(c).length <= 10, 'At most 10 credential fields.'),
        /** Non-secret settings (API root, page or phone-number id, poll interval…); the store refuses secret-looking keys. */
        settings: z
          .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), z.union([z.string().max(500), z.number().finite(), z.boolean()]))
          .refine((c) => Object.keys(c).length <= 20, 'At most 20 settings.')
          .optional(),
      })
      .strict(),
    response: ChannelDto,
    permission: 'channels.manage',
  }),
  /** Asks the platform whether the channel's stored credentials work (one read-only call); audited. */
  testChannel: channel({
    request: z.object({ id: z.string().min(1).max(100) }).strict(),
    response: z.object({ outcome: z.enum(CHANNEL_CHECK_OUTCOMES), detail: z.string().max(500).nullable() }),
    permission: 'channels.manage',
  }),
  /** Stops the channel and deletes its credentials; its conversations stay. Audited. */
  removeChannel: channel({
    request: z.object({ id: z.string().min(1).max(100) }).strict(),
    response: z.object({ removed: z.literal(true), conversationsKept: z.number().int().nonnegative() }),
    permission: 'channels.manage',
  }),
  deviceStatus: channel({ request: Empty, response: DeviceStatus, permission: 'settings.manage' }),
  /**
   * Starts a phishing drill: one scam attempt per kind arrives now, as customer messages — on the demo channel of a
   * single-seat console, or at the team hub on a channel of the agent named by `agentId` (team mode only), assigned to them.
   */
  scheduleDrill: channel({
    request: z
      .object({ kind: DrillKind.optional(), channelId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/).optional(), agentId: z.string().regex(/^\d{1,15}$/).optional() })
      .strict(),
    response: z.object({ drillId: z.string().max(60), messagesSent: z.number().int().nonnegative().max(100) }),
    permission: 'settings.manage',
  }),
  /** Who reported the drill's messages as scams and who replied unsafely (counts only, never the reply text). */
  drillReport: channel({ request: z.object({ drillId: z.string().regex(/^drill-[0-9a-f]{1,40}$/) }).strict(), response: DrillReportDto, permission: 'reports.read' }),
} as const;

/** Events the console listens to. Payloads carry ids only, never customer text. */
export const consoleEvents = {
  /** Conversations changed (new message, delivery update, assignment): the renderer refetches what it shows. */
  inboxChanged: z.object({ conversationIds: z.array(Id).max(500), assignedToMe: z.array(Id).max(500) }),
} as const;

export type ConversationSummaryDto = z.output<typeof ConversationSummary>;
export type ConversationDetailDto = z.output<typeof ConversationDetail>;
export type MessageDtoT = z.output<typeof MessageDto>;
export type SegmentDto = z.output<typeof Segment>;
export type ConsoleChannelName = keyof typeof consoleContract;
