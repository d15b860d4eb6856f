import { z } from 'zod';

/**
 * The console ⇄ relay wire format, version 1. Both sides import it from here (the relay may import the core; the
 * core never imports the relay). Every string and array is bounded.
 */

export const RELAY_API = '/v1';

/** What a device signs to prove it holds its key: a domain, the relay's nonce, the time, and who it claims to be. */
export function deviceAuthMessage(nonce: string, timestamp: number, fingerprint: string): string {
  return `diwan-relay-auth-v1\n${nonce}\n${timestamp}\n${fingerprint}`;
}

const id = z.string().min(1).max(256);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const challengeRequest = z.object({ fingerprint: hex64 });
export const challengeResponse = z.object({ nonce: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/), expiresAt: z.number() });

export const sessionRequest = z.object({
  fingerprint: hex64,
  nonce: z.string().max(128),
  timestamp: z.number().int(),
  /** Ed25519 signature of `deviceAuthMessage(nonce, timestamp, fingerprint)`, base64. */
  signature: z.string().max(256),
});
export const sessionResponse = z.object({ token: z.string().min(32).max(128), expiresAt: z.number() });

const attachment = z.object({
  kind: z.enum(['photo', 'document', 'audio', 'video', 'sticker', 'other']),
  // Meta and X give CDN URLs as the file reference; they run to several hundred characters.
  platformFileId: z.string().max(4096).optional(),
  fileName: z.string().max(1024).optional(),
  mimeType: z.string().max(256).optional(),
  size: z.number().optional(),
});

export const inboundMessage = z.object({
  platformMessageId: id,
  platformConversationId: id,
  contact: z.object({ platformUserId: id, displayName: z.string().max(512).optional(), handle: z.string().max(512).optional() }),
  direction: z.enum(['in', 'out']),
  text: z.string().max(64 * 1024),
  sentAt: z.number(),
  attachments: z.array(attachment).max(32).optional(),
  revises: z.object({ platformMessageId: id, kind: z.enum(['edited', 'deleted']) }).optional(),
  movesTo: id.optional(),
});

export const deliveryReceipt = z.object({
  platformMessageId: id,
  state: z.enum(['delivered', 'read', 'failed']),
  reason: z.string().max(1024).optional(),
});

export const relayEvent = z.discriminatedUnion('kind', [
  z.object({ seq: z.number().int().positive(), kind: z.literal('message'), message: inboundMessage }),
  z.object({ seq: z.number().int().positive(), kind: z.literal('receipt'), receipt: deliveryReceipt }),
]);
export type RelayEvent = z.infer<typeof relayEvent>;

/** `GET /v1/channels/:id/events?after=SEQ&wait=SECONDS&limit=N`: `after` is also the console's acknowledgement. */
export const eventsResponse = z.object({ events: z.array(relayEvent).max(1000), more: z.boolean() });
export const MAX_EVENTS = 1000;
export const MAX_WAIT_SECONDS = 30;

/** `POST /v1/channels/:id/replies`: idempotent by `outboxId`. */
export const replyRequest = z.object({
  outboxId: id,
  platformConversationId: id,
  text: z.string().max(64 * 1024),
  options: z.record(z.string().max(64), z.string().max(4096)).optional(),
});

export const replyState = z.enum(['queued', 'sending', 'sent', 'failed', 'unknown']);
export type ReplyState = z.infer<typeof replyState>;

/** The relay's answer for a reply (POST, or `GET /v1/channels/:id/replies/:outboxId?wait=SECONDS`). */
export const replyResponse = z.object({
  outboxId: id,
  state: replyState,
  platformMessageId: z.string().max(256).optional(),
  at: z.number().optional(),
  reason: z.string().max(2048).optional(),
  retryAt: z.number().optional(),
});
export type ReplyResponse = z.infer<typeof replyResponse>;

export const errorResponse = z.object({ error: z.string().max(64), message: z.string().max(1024) });
