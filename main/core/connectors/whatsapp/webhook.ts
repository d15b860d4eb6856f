import { z } from 'zod';
import type { InboundAttachment, InboundMessage } from '../../shared/messages';
import type { DeliveryReceipt } from '../types';

const waError = z.object({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});
const media = z.object({ id: z.string(), mime_type: z.string().optional(), caption: z.string().optional(), filename: z.string().optional() });
const message = z.object({
  id: z.string(),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  image: media.optional(),
  document: media.optional(),
  audio: media.optional(),
  voice: media.optional(),
  video: media.optional(),
  sticker: media.optional(),
  button: z.object({ text: z.string() }).optional(),
  interactive: z
    .object({
      button_reply: z.object({ title: z.string() }).optional(),
      list_reply: z.object({ title: z.string() }).optional(),
    })
    .optional(),
  location: z.object({ name: z.string().optional(), address: z.string().optional() }).optional(),
  errors: z.array(waError).optional(),
});
const status = z.object({
  id: z.string(),
  status: z.enum(['sent', 'delivered', 'read', 'played', 'failed', 'deleted']),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z.array(waError).optional(),
});
const contact = z.object({ wa_id: z.string().optional(), user_id: z.string().optional(), profile: z.object({ name: z.string().optional(), username: z.string().optional() }).optional() });
const envelope = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z
            .object({
              metadata: z.object({ phone_number_id: z.string() }).optional(),
              contacts: z.array(z.unknown()).optional(),
              messages: z.array(z.unknown()).optional(),
              statuses: z.array(z.unknown()).optional(),
            })
            .passthrough(),
        }),
      ),
    }),
  ),
});

export interface WhatsAppStatus {
  platformMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'played' | 'failed' | 'deleted';
  at?: number;
  /** For `failed`: code and Meta's words, e.g. `131047 Re-engagement message: …`. */
  reason?: string;
  errorCode?: number;
}

export interface WhatsAppWebhook {
  messages: InboundMessage[];
  statuses: WhatsAppStatus[];
  /** Entries or items that did not parse (counted, never fatal). */
  skipped: number;
  phoneNumberIds: string[];
}

const MEDIA_KINDS: Record<string, InboundAttachment['kind']> = {
  image: 'photo',
  document: 'document',
  audio: 'audio',
  voice: 'audio',
  video: 'video',
  sticker: 'sticker',
};

/**
 * A WhatsApp Cloud API webhook body (after `verifyHubSignature`): every entry, change and message; inbound messages
 * and delivery statuses. Conversations are keyed by the business-scoped `user_id` when Meta sends one, else `wa_id`.
 * When `phoneNumberId` is given, changes for other numbers are ignored.
 */
export function parseWhatsAppWebhook(payload: unknown, phoneNumberId?: string): WhatsAppWebhook {
  const out: WhatsAppWebhook = { messages: [], statuses: [], skipped: 0, phoneNumberIds: [] };
  const env = envelope.safeParse(payload);
  if (!env.success) {
    out.skipped = 1;
    return out;
  }
  for (const entry of env.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const v = change.value;
      const number = v.metadata?.phone_number_id;
      if (number && !out.phoneNumberIds.includes(number)) out.phoneNumberIds.push(number);
      if (phoneNumberId && number && number !== phoneNumberId) continue;
      const contacts = (v.contacts ?? []).flatMap((c) => {
        const p = contact.safeParse(c);
        return p.success ? [p.data] : [];
      });
      for (const raw of v.messages ?? []) {
        const m = message.safeParse(raw);
        if (!m.success) {
          out.skipped++;
          continue;
        }
        const inbound = toInbound(m.data, contacts);
        if (inbound) out.messages.push(inbound);
      }
      for (const raw of v.statuses ?? []) {
        const s = status.safeParse(raw);
        if (!s.success) {
          out.skipped++;
          continue;
        }
        const e = s.data.errors?.[0];
        out.statuses.push({
          platformMessageId: s.data.id,
          status: s.data.status,
          ...(s.data.timestamp ? { at: Number(s.data.timestamp) * 1000 } : {}),
          ...(e ? { errorCode: e.code, reason: `${e.code} ${e.title ?? e.message ?? ''}${e.error_data?.details ? `: ${e.error_data.details}` : ''}`.trim() } : {}),
        });
      }
    }
  }
  return out;
}

/** Statuses as receipts for the outbox: `sent` adds nothing, `played` counts as read, `deleted` is dropped. */
export function statusesToReceipts(statuses: readonly WhatsAppStatus[]): DeliveryReceipt[] {
  const out: DeliveryReceipt[] = [];
  for (const s of statuses) {
    if (s.status === 'delivered') out.push({ platformMessageId: s.platformMessageId, state: 'delivered' });
    else if (s.status === 'read' || s.status === 'played') out.push({ platformMessageId: s.platformMessageId, state: 'read' });
    else if (s.status === 'failed') out.push({ platformMessageId: s.platformMessageId, state: 'failed', reason: s.reason ?? 'failed' });
  }
  return out;
}

function toInbound(m: z.infer<typeof message>, contacts: Array<z.infer<typeof contact>>): InboundMessage | null {
  if (m.type === 'reaction' || m.type === 'system' || m.type === 'request_welcome') return null;
  const userId = m.from_user_id ?? m.from;
  if (!userId) return null;
  const c = contacts.find((x) => (m.from_user_id && x.user_id === m.from_user_id) || (m.from && x.wa_id === m.from));
  const file = m.image ?? m.document ?? m.audio ?? m.voice ?? m.video ?? m.sticker;
  const attachments: InboundAttachment[] = file
    ? [
        {
          kind: MEDIA_KINDS[m.type] ?? 'other',
          platformFileId: file.id,
          ...(file.mime_type ? { mimeType: file.mime_type } : {}),
          ...(file.filename ? { fileName: file.filename } : {}),
        },
      ]
    : [];
  const text =
    m.text?.body ??
    file?.caption ??
    m.button?.text ??
    m.interactive?.button_reply?.title ??
    m.interactive?.list_reply?.title ??
    [m.location?.name, m.location?.address].filter(Boolean).join(', ');
  return {
    platformMessageId: m.id,
    platformConversationId: userId,
    contact: {
      platformUserId: userId,
      ...(c?.profile?.name ? { displayName: c.profile.name } : {}),
      ...(c?.profile?.username ? { handle: c.profile.username } : {}),
    },
    direction: 'in',
    text,
    sentAt: Number(m.timestamp) * 1000,
    ...(attachments.length ? { attachments } : {}),
  };
}
