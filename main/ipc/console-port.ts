import type { z } from 'zod';
import type { ChannelCheckOutcome, InterfaceLanguage } from '../core/shared/vocabulary';
import type { AttachmentOpener, SaveFilePort } from '../core/app/attachments';
import type { ThreadControl } from '../core/app/thread-control';
import type {
  AlertDto,
  ChannelDto,
  ChannelHealth,
  ConsentRecordDto,
  ConversationStatus,
  Delivery,
  DeviceStatus,
  GuardVerdict,
  InboxFilter,
  ReplyWindow,
  ReportSummary,
  ReviewItem,
  Role,
  UserRef,
} from './console-contract';

/**
 * What the console's handlers need from the core (store, identity, guards, connectors), as one thin seam.
 * Rows carry masked text exactly as stored; the handlers turn it into segments, directions and highlights, so
 * no implementation can hand the renderer a raw token string or an original by mistake.
 */
type Out<T extends z.ZodType> = z.output<T>;
export type ChannelKindT = 'telegram' | 'x' | 'messenger' | 'instagram' | 'whatsapp' | 'email' | 'demo';
export type StatusT = Out<typeof ConversationStatus>;

/** The signed-in user a call comes from (from the call's session, never from state the port keeps). */
export interface Actor {
  id: string;
  username: string;
  name: string;
  role: Out<typeof Role>;
}

export interface ConversationRow {
  id: number;
  channelId: string;
  channelKind: ChannelKindT;
  channelName: string;
  /** Masked display name (may hold tokens). */
  contactName: string;
  /** Masked text of the latest message. */
  preview: string;
  status: StatusT;
  snoozedUntil: number | null;
  assignee: Out<typeof UserRef> | null;
  unread: number;
  labels: string[];
  lastActivityAt: number;
  /** Copies of a campaign held by the team hub's flood control that count on this conversation (absent: none). */
  heldCopies?: number;
}

export interface MessageRow {
  id: number;
  direction: 'in' | 'out';
  sentAt: number;
  maskedText: string;
  delivery?: Out<typeof Delivery>;
  author: Out<typeof UserRef> | null;
  flags?: Array<{ code: string; explanation: string }>;
  /** File names masked as stored. */
  attachments?: Array<{ index: number; kind: string; name: string; mimeType: string | null; size: number | null; fetchable: boolean }>;
  /** The message's sealed whole original (an e-mail's HTML): revealed as this field, under the `WHOLE_ORIGINAL` scope. */
  original?: { fieldIndex: number; revealable: boolean };
  /** The customer edited or deleted it on the platform; `by` is the entry that superseded it. */
  revision?: { kind: 'edited' | 'deleted'; by: number | null };
}

export interface NoteRow {
  id: number;
  author: Out<typeof UserRef> | null;
  createdAt: number;
  maskedText: string;
}

export interface ConversationDetailRow {
  summary: ConversationRow;
  messages: MessageRow[];
  notes: NoteRow[];
  customer: {
    name: string;
    handle: string;
    fields: Array<{ label: string; maskedText: string }>;
    earlier: Array<{ id: number; status: StatusT; lastActivityAt: number; preview: string; channelKind: ChannelKindT }>;
    /** Team mode: the hub's consent record of the contact (`ConsentRecordDto`); a single seat leaves it out. */
    consent?: Out<typeof ConsentRecordDto> | null;
    /** Team mode, the hub not asked or not answering: `fields` come from this many cached messages only (`CustomerPanel.fieldsFrom`). */
    fieldsFrom?: { messages: number; hubUnreachable?: true };
  };
  replyWindow: Out<typeof ReplyWindow>;
  /** The newest customer message id (it may be older than the page of messages sent). */
  latestInboundId?: number | null;
  /** Whether the conversation has messages older than `messages`. */
  moreBefore?: boolean;
}

export interface SearchRow {
  conversationId: number;
  messageId: number;
  channelKind: ChannelKindT;
  sentAt: number;
  direction: 'in' | 'out';
  maskedText: string;
  /** The customer's masked display name (or handle) and the conversation's status now. */
  contactName: string;
  status: StatusT;
}

/** A conversation found by its customer's name or handle: that customer's most recent one passing the filters. */
export interface CustomerSearchRow {
  conversationId: number;
  channelKind: ChannelKindT;
  /** Masked, as the inbox shows it. */
  contactName: string;
  handle: string;
  status: StatusT;
  lastActivityAt: number;
}

export interface InboxPort {
  listConversations(q: { actorId: string; filter: Out<typeof InboxFilter>; cursor: string | null; limit: number }): {
    items: ConversationRow[];
    nextCursor: string | null;
    total: number;
  };
  counts(actorId: string): {
    mine: number;
    unassigned: number;
    all: number;
    labels: string[];
    channels: Array<{ id: string; kind: ChannelKindT; name: string; unread: number }>;
  };
  channelHealth(): Array<Out<typeof ChannelHealth>>;
  agents(): Array<Out<typeof UserRef>>;
  /** Null when there is no such conversation. `opener` marks it read and records the opening in the audit trail. */
  conversation(id: number, opts: { opener: Actor | null; lang?: 'en' | 'ar' | 'fa' }): ConversationDetailRow | null;
  /** The page of messages before `before`, oldest first; recorded in the audit trail as part of the reader's view. */
  olderMessages(q: { actor: Actor; conversationId: number; before: { sentAt: number; id: number }; lang?: 'en' | 'ar' | 'fa' }): { messages: MessageRow[]; moreBefore: boolean };
  setStatus(q: { actor: Actor; conversationId: number; status: StatusT; snoozeUntil: number | null }): ConversationRow;
  assign(q: { actor: Actor; conversationId: number; assigneeId: string | null }): ConversationRow;
  /** Masks the note's text like any customer text before keeping it. */
  addNote(q: { actor: Actor; conversationId: number; text: string }): NoteRow;
  setLabels(q: { actor: Actor; conversationId: number; labels: string[] }): ConversationRow;
  labels(): Array<{ id: number; name: string }>;
  /** Creates (no id) or renames a label, masking the name like any staff text. */
  saveLabel(q: { actor: Actor; id?: number; name: string }): { id: number; name: string };
  /** Deletes a label and takes it off the conversations it marked. */
  deleteLabel(q: { actor: Actor; id: number }): void;
  resolveUnknownDelivery(q: { actor: Actor; messageId: number; action: 'resend' | 'mark_failed' }): MessageRow;
  search(q: { actor: Actor; query: string; channelId?: string; status?: StatusT; from?: number; to?: number; limit: number }): {
    rows: SearchRow[];
    total: number;
    customers: CustomerSearchRow[];
    customersTotal: number;
    /** The last word began more words than were searched (store `PrefixNarrowing`). */
    narrowed?: { prefix: string; searched: number; named: number; more: boolean };
  };
}

export interface ComposerPort {
  cannedReplies(): Array<{ id: number; shortcut: string; title: string; body: string }>;
  /** Creates (no id) or edits one; a shortcut another reply already uses is refused, never overwritten. */
  saveCannedReply(q: { actor: Actor; id?: number; shortcut: string; title: string; body: string }): { id: number; shortcut: string; title: string; body: string };
  deleteCannedReply(q: { actor: Actor; id: number }): void;
  /** Variables a canned reply may use, from masked data only (e.g. customer.firstName is the masked first name). */
  templateVariables(q: { actor: Actor; conversationId: number; cannedReplyId: number }): { body: string; variables: Record<string, string> } | null;
  /** The outbound guard's verdict on a draft (the Guards work), explained in `lang` (the interface's). */
  check(q: { actor: Actor; conversationId: number; text: string; lang: InterfaceLanguage }): Out<typeof GuardVerdict>;
  /** The core's send-reply use case (checks, drills, guard, outbox, audit); the connector then sends it. */
  queueReply(q: { actor: Actor; conversationId: number; text: string; humanAgentTag: boolean; seenInboundId: number | null; approvalToken?: string; lang?: InterfaceLanguage }): MessageRow;
}

export interface LeadPort {
  reviewQueue(): Array<Out<typeof ReviewItem>>;
  report(q: { from: number; to: number }): Out<typeof ReportSummary>;
  alerts(): Array<Out<typeof AlertDto>>;
  acknowledgeAlert(q: { actor: Actor; alertId: number }): Out<typeof AlertDto>;
}

export interface AdminPort {
  channels(): Array<Omit<Out<typeof ChannelDto>, 'hasCredentials'>>;
  /** Saves the channel's configuration (never its credentials, which main writes to the keychain itself). */
  saveChannel(q: { actor: Actor; id: string; kind: ChannelKindT; name: string; settings?: Record<string, string | number | boolean> }): void;
  device(): Out<typeof DeviceStatus>;
  /** Asks the platform whether the channel's stored credentials work, and records that it was asked. */
  testChannel(q: { actor: Actor; id: string }): Promise<{ outcome: ChannelCheckOutcome; detail: string | null }>;
  /** Stops the channel, deletes its credentials from the keychain and marks it removed; its conversations stay. */
  removeChannel(q: { actor: Actor; id: string }): Promise<{ conversationsKept: number }>;
  /** For the audit trail: who saved which channel's credentials (never the credentials). */
  recordCredentialsSaved(q: { actor: Actor; channelId: string; fields: string[] }): void;
}

/** Shows an OS notification. Main builds title and body from non-customer data only. */
export interface NotifierPort {
  notify(n: { title: string; body: string }): boolean;
}

export interface ConsoleServices {
  inbox: InboxPort;
  composer: ComposerPort;
  lead: LeadPort;
  admin: AdminPort;
  notifier: NotifierPort;
  /** Customers' files, fetched on demand (checked, audited), and where saved files go. */
  attachments: AttachmentOpener;
  saveFile: SaveFilePort;
  /** Messenger / Instagram handover (take, pass, request thread control), audited. */
  threadControl: ThreadControl;
}
