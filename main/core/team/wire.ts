/**
 * What the hub sends a console about conversations, messages and colleagues: masked shapes only. Both sides import
 * them from here (the hub may import the core; the core never imports the hub).
 */
import type { Role } from '../auth';

/**
 * A console acknowledges its stream at most once per this many ms (the last frame's `upTo`), and the hub writes its
 * copy of the cursor no more often. The console resumes from its own cursor; the hub's copy is for `diwan hub status`.
 * One acknowledgement per frame cost a hub node a TLS read and a parse per frame per console.
 */
export const STREAM_ACK_MS = 1_000;

/** One masked field of a message: what the console may show; the original stays sealed in the hub. */
export interface FieldView {
  n: number;
  type: string;
  shown: string;
}

export interface MessageView {
  id: number;
  conversationId: number;
  direction: 'in' | 'out';
  authorId: number | null;
  maskedText: string;
  sentAt: number;
  fields: FieldView[];
  attachments: unknown[];
  delivery: string | null;
  /** The customer edited or deleted this message on the platform; `revisedBy` is the message that superseded it. */
  revision?: 'edited' | 'deleted';
  revisedBy?: number;
}

export interface ConversationView {
  id: number;
  channelId: string;
  contact: { id: number; displayName: string | null; handle: string | null };
  /** `snoozed`: until the wake-up time the hub announces (`conversation.snoozed`), then open again. */
  status: 'open' | 'pending' | 'snoozed' | 'resolved';
  assigneeId: number | null;
  lastMessageAt: number;
  version: number;
  /**
   * Copies of a campaign the hub's flood control holds that count on this conversation (its first copy opened it);
   * absent when none. The hub sends it in its list and as `conversation.copies`, not with `conversation.updated`.
   */
  heldCopies?: number;
}

/**
 * The customer panel of one conversation as the hub answers it (`GET /v1/conversations/:id/customer`): the contact
 * details of the whole conversation (masked tokens, the panel's one rule) and the contact's other conversations that
 * the asker's role may read. Masked text only.
 */
export interface CustomerPanelView {
  fields: Array<{ label: string; maskedText: string }>;
  earlier: Array<{ id: number; channelId: string; status: ConversationView['status']; lastMessageAt: number; preview: string }>;
}

/** What every member of the team may know of a colleague (the "assign to" list). */
export interface TeamMember {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
}

/** A privileged role asked for from a console, waiting at the hub for a second administrator (`GET /v1/admin/role-grants`). */
export interface RoleGrantView {
  id: number;
  userId: number;
  username: string;
  role: Role;
  from: Role;
  requestedBy: string;
  requestedById: number;
  requestedAt: number;
  expiresAt: number;
}

/** A reset of someone's second factor, waiting at the hub for a second administrator (`GET /v1/admin/factor-resets`). */
export interface FactorResetView {
  id: number;
  userId: number;
  username: string;
  requestedById: number;
  requestedBy: string;
  requestedAt: number;
  expiresAt: number;
}

/** A label of the team's list; its name is masked staff text. */
export interface LabelView {
  id: number;
  name: string;
}

/** A canned reply of the team; title and body are masked staff text. */
export interface CannedReplyView {
  id: number;
  shortcut: string;
  title: string;
  body: string;
  updatedAt: number;
}

export const MARKER_KINDS = ['viewing', 'writing', 'left'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** "Someone is viewing / writing a reply in this conversation": live only, never stored by the hub or the console. */
export interface LiveMarker {
  conversationId: number;
  channelId: string;
  userId: number;
  username: string;
  kind: MarkerKind;
  at: number;
  /** Shown until then unless renewed ("left" clears it at once). */
  expiresAt: number;
  /** The hub node it was posted to. */
  node: string;
}

/** A colleague's presence as the hub announces it. */
export interface PresenceView {
  userId: number;
  state: 'online' | 'away' | 'offline';
  since: number;
}
