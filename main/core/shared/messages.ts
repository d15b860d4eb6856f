/**
 * The seam between connectors (which speak each platform) and the store (which masks, encrypts and keeps).
 * Connectors turn platform payloads into these shapes; the store implements the sink and the outbox.
 */

export type AttachmentKind = 'photo' | 'document' | 'audio' | 'video' | 'sticker' | 'other';

export interface InboundAttachment {
  kind: AttachmentKind;
  platformFileId?: string;
  fileName?: string;
  mimeType?: string;
  size?: number;
}

export interface InboundMessage {
  /** Unique per channel (Telegram `chat_id:message_id`, X `dm_event.id`, Meta `mid`, WhatsApp `wamid…`). */
  platformMessageId: string;
  /** The platform's conversation: Telegram chat id, X dm_conversation_id, Meta conversation id, WhatsApp wa_id. */
  platformConversationId: string;
  contact: { platformUserId: string; displayName?: string; handle?: string };
  /** `out` for replies sent from elsewhere (echoes); the console's own replies come through the outbox. */
  direction: 'in' | 'out';
  /** Original text, before masking. The store masks it and keeps only an encrypted original. */
  text: string;
  /** Milliseconds since the Unix epoch, as the platform reports it. */
  sentAt: number;
  attachments?: InboundAttachment[];
  /** This entry is a new version of, or the deletion of, an earlier message of the same channel. */
  revises?: { platformMessageId: string; kind: 'edited' | 'deleted' };
  /**
   * From this entry on, the platform knows the conversation (and the customer) by another id: a WhatsApp number
   * change, a Telegram group upgraded to a supergroup. The store re-keys the conversation so it continues.
   */
  movesTo?: string;
  /**
   * Other ids the platform knows this customer by in this conversation (a WhatsApp customer's business-scoped user id
   * beside their phone number). A later message keyed by any of them joins the same conversation.
   */
  aliases?: string[];
  /**
   * The message's original as the platform sent it, when it is richer than `text` (an e-mail's HTML body): sealed
   * with the message as its whole original (`WHOLE_ORIGINAL`), never shown but through a reveal of that scope.
   */
  html?: string;
}

/** What the store keeps of one inbound message: longer ids are refused, longer text is cut by the runtime. */
/** When the customer last wrote among `messages` (the latest sentAt of an inbound one); null when none is inbound. */
export function lastInboundIn(messages: Iterable<{ direction: 'in' | 'out'; sentAt: number }>): number | null {
  let at: number | null = null;
  for (const m of messages) if (m.direction === 'in' && (at === null || m.sentAt > at)) at = m.sentAt;
  return at;
}

export const INBOUND_LIMITS = { idChars: 256, textChars: 64 * 1024, htmlChars: 2 * 1024 * 1024 } as const;

export interface IngestResult {
  inserted: number;
  duplicates: number;
  /** Diwan conversation ids touched by the batch. */
  conversationIds: number[];
  /** Earlier messages this batch marked as edited or deleted (their platform ids), for the audit trail. */
  revised?: Array<{ platformMessageId: string; kind: 'edited' | 'deleted' }>;
  /** Diwan ids of conversations re-keyed by `movesTo`, for the audit trail (platform ids may be phone numbers). */
  moved?: number[];
}

/** Implemented by the store: idempotent by (channel, platformMessageId); the cursor is saved in the same transaction. */
export interface ConnectorSink {
  ingest(channelId: string, messages: InboundMessage[], cursor?: string | null): IngestResult;
  cursor(channelId: string): string | null;
}

export type { DeliveryState } from './vocabulary';

/** A reply waiting to go out, as the connector sees it. `text` is the decrypted original the agent wrote. */
export interface OutboundItem {
  outboxId: string;
  messageId: string;
  channelId: string;
  platformConversationId: string;
  text: string;
  attempts: number;
  /** Per-connector choices: Meta reads `window` (`human_agent` sends with the HUMAN_AGENT tag), Telegram `replyToMessageId`. */
  options?: Record<string, string>;
}

/** Implemented by the store. A reply is stored before it is sent; `sending` rows found at start become `unknown`. */
export interface OutboxPort {
  /** The next queued item of the channel whose time has come, marked `sending` (attempts + 1). */
  claim(channelId: string, now: number): OutboundItem | null;
  markSent(outboxId: string, platformMessageId: string, at: number): void;
  /** Retryable failures go back to `queued` until `notBefore`; others end `failed` with the platform's reason. */
  markFailed(outboxId: string, reason: string, retry: { notBefore: number } | null): void;
  /** Outcome not known (timeout after the request left, crash): never retried blindly; the agent decides. */
  markUnknown(outboxId: string, reason: string): void;
  /** Delivery receipts (WhatsApp statuses, etc.) by the platform's message id. */
  markDelivery(channelId: string, platformMessageId: string, state: 'delivered' | 'read' | 'failed', reason?: string): void;
  /** Watermark receipts (Messenger, Instagram): every reply in the conversation sent at or before `upTo` (ms). */
  markDeliveryUpTo?(channelId: string, platformConversationId: string, state: 'delivered' | 'read', upTo: number): void;
}

/** A port's answer: the console's SQLite store answers at once, the hub's PostgreSQL store with a promise. */
export type MaybePromise<T> = T | Promise<T>;
type Awaitable<P> = { [K in keyof P]: P[K] extends (...a: infer A) => infer R ? (...a: A) => MaybePromise<R> : P[K] };

/** What the channel runtime needs of a sink and an outbox: the synchronous ports above, or asynchronous ones. */
export type RuntimeSink = Awaitable<ConnectorSink>;
export type RuntimeOutbox = Awaitable<OutboxPort>;
