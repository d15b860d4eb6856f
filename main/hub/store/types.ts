import type { Role } from '../../core/auth';
import type { ConversationView, FieldView, MessageView, TeamMember } from '../../core/team/wire';

export type { ConversationView, FieldView, MessageView, TeamMember };

export interface HubUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  totpSecret: string | null;
  disabled: boolean;
  failures: number;
  lockedUntil: number;
  channels: string[];
}

export interface HubDevice {
  fingerprint: string;
  publicKey: string;
  label: string;
  revoked: boolean;
}

/** What ended or changed sessions, for the nodes' caches of verified sessions (`session-cache.ts`). */
export type SessionChange = { tokenHash: string } | { userId: number } | { device: string };

export interface HubSession {
  tokenHash: string;
  userId: number;
  device: string;
  /** `enrol`: the policy requires a second factor the person has not set up yet; only the set-up routes take it. */
  stage: 'second-factor' | 'enrol' | 'full';
  expiresAt: number;
}

export interface HubChannel {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  enabled: boolean;
}

/** A message made ready by the hub's ingest step: masked text, sealed original, sealed fields. */
export interface PreparedMessage {
  platformMessageId: string;
  platformConversationId: string;
  contact: { platformUserId: string; displayName?: string; handle?: string };
  direction: 'in' | 'out';
  maskedText: string;
  sealedText: Buffer | null;
  sentAt: number;
  attachments: unknown[];
  /** Sealed per field; `seal(messageId)` runs inside the transaction once the message has its id. */
  fields: Array<{ type: string; shown: string }>;
  seal: (messageId: number) => { text: Buffer | null; fields: Buffer[] };
  /**
   * Does deferred masking now (`OriginalsSealer.prepare` masks on first read): the store calls it while a statement is
   * in flight, so the masking's CPU runs beside the database's work instead of before it.
   */
  ready?: () => void;
  /** Other ids of the same customer (`InboundMessage.aliases`); see `conversation-aliases.ts`. */
  aliases?: string[];
  /** The conversation continues under this id from here on (a number change). */
  movesTo?: string;
  /** The earlier message this one edits or deletes (`InboundMessage.revises`); see `revisions.ts`. */
  revises?: { platformMessageId: string; kind: 'edited' | 'deleted' };
}

export type Audience = 'team' | 'admins' | 'leads' | 'conversation' | `user:${number}`;

/** An event about to be written to the event table (its seq and time are given on writing). */
export interface EventInput {
  kind: string;
  audience: Audience;
  payload: unknown;
  where?: { channelId?: string | null; conversationId?: number | null };
}

export interface HubEvent {
  seq: number;
  at: number;
  kind: string;
  audience: Audience;
  channelId: string | null;
  conversationId: number | null;
  payload: unknown;
}

export interface OutboxClaim {
  outboxId: number;
  messageId: number;
  channelId: string;
  platformConversationId: string;
  sealedText: Buffer | null;
  attempts: number;
  /** Per-connector choices queued with the reply (the human-agent tag). */
  options?: Record<string, string>;
}

export interface RevealRow {
  id: number;
  messageId: number;
  fieldN: number;
  requesterId: number;
  device: string;
  reason: string;
  state: 'pending' | 'granted' | 'denied';
  approverId: number | null;
  createdAt: number;
  expiresAt: number;
}

/** Who did it: a username (or `it:<name>`, `hub:<node>` for IT and the hub itself) and the device, when one. */
export interface Actor {
  actor: string;
  device?: string | null;
}

export interface AuditInput extends Actor {
  action: string;
  target?: string | null;
  details?: Record<string, unknown>;
}
