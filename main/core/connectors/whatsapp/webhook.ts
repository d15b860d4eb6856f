import { z } from 'zod';
import type { InboundAttachment, InboundMessage } from '../../shared/messages';
import { render, unsupportedNote, type ContactCard } from '../render';
import type { DeliveryReceipt } from '../types';

const waError = z.object({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});
const media = z.object({
  id: z.string(),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  url: z.string().optional(),
});
const contactCard = z.object({
  name: z.object({ formatted_name: z.string().optional(), first_name: z.string().optional(), last_name: z.string().optional() }).optional(),
  phones: z.array(z.object({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
  emails: z.array(z.object({ email: z.string().optional() })).optional(),
  org: z.object({ company: z.string().optional() }).optional(),
});
const contentFields = {
  text: z.object({ body: z.string() }).optional(),
  image: media.optional(),
  document: media.optional(),
  audio: media.optional(),
  voice: media.optional(),
  video: media.optional(),
  sticker: media.optional(),
  button: z.object({ text: z.string(), payload: z.string().optional() }).optional(),
  interactive: z
    .object({
      type: z.string().optional(),
      button_reply: z.object({ id: z.string().optional(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string().optional(), title: z.string(), description: z.string().optional() }).optional(),
      nfm_reply: z.object({ name: z.string().optional(), body: z.string().optional(), response_json: z.string().optional() }).optional(),
    })
    .optional(),
  location: z
    .object({ latitude: z.number().optional(), longitude: z.number().optional(), name: z.string().optional(), address: z.string().optional() })
    .optional(),
  contacts: z.array(contactCard).optional(),
  order: z
    .object({
      catalog_id: z.string().optional(),
      text: z.string().optional(),
      product_items: z
        .array(z.object({ product_retailer_id: z.string(), quantity: z.coerce.number().optional(), item_price: z.coerce.number().optional(), currency: z.string().optional() }))
        .optional(),
    })
    .optional(),
  reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  system: z.object({ body: z.string().optional(), type: z.string().optional(), new_wa_id: z.string().optional(), wa_id: z.string().optional() }).optional(),
  referral: z.object({ headline: z.string().optional(), source_url: z.string().optional(), source_type: z.string().optional() }).optional(),
  context: z.object({ id: z.string().optional(), from: z.string().optional(), forwarded: z.boolean().optional(), frequently_forwarded: z.boolean().optional() }).optional(),
  errors: z.array(waError).optional(),
};
const editedContent = z.object({ type: z.string().optional(), ...contentFields }).passthrough();
const message = z
  .object({
    id: z.string(),
    from: z.string().optional(),
    from_user_id: z.string().optional(),
    to: z.string().optional(),
    timestamp: z.string().regex(/^\d+$/),
    type: z.string(),
    ...contentFields,
    edit: z.object({ original_message_id: z.string(), message: editedContent.optional() }).passthrough().optional(),
    revoke: z.object({ original_message_id: z.string() }).optional(),
  })
  .passthrough();
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
              message_echoes: z.array(z.unknown()).optional(),
              statuses: z.array(z.unknown()).optional(),
              errors: z.array(z.unknown()).optional(),
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
  /** Kinds stored as "unsupported message" entries, and errors Meta reported for a whole change. */
  unsupported: string[];
  errors: string[];
}

const MEDIA_KINDS: Record<string, InboundAttachment['kind']> = {
  image: 'photo',
  document: 'document',
  audio: 'audio',
  voice: 'audio',
  video: 'video',
  sticker: 'sticker',
};

/** Fields whose value carries customer messages; others (template reviews, account updates) hold none. */
const MESSAGE_FIELDS = new Set(['messages', 'smb_message_echoes']);

/**
 * A WhatsApp Cloud API webhook body (after `verifyHubSignature`): every entry, change and message; inbound messages,
 * the business's own messages sent from the WhatsApp Business app (`smb_message_echoes`, stored as `out`) and
 * delivery statuses. When `phoneNumberId` is given, changes for other numbers are ignored.
 *
 * A customer's conversation is keyed by their phone number (`wa_id`) whenever Meta still sends one, and by the
 * business-scoped user id (`from_user_id`) only when it does not; whenever both come, the user id is given as an
 * alias, so the store keeps one conversation whichever of the two later messages carry (a number change adds the
 * old number as an alias when the store re-keys the conversation to the new one).
 */
export function parseWhatsAppWebhook(payload: unknown, phoneNumberId?: string): WhatsAppWebhook {
  const out: WhatsAppWebhook = { messages: [], statuses: [], skipped: 0, phoneNumberIds: [], unsupported: [], errors: [] };
  const env = envelope.safeParse(payload);
  if (!env.success) {
    out.skipped = 1;
    return out;
  }
  for (const entry of env.data.entry) {
    for (const change of entry.changes) {
      if (!MESSAGE_FIELDS.has(change.field)) continue;
      const v = change.value;
      const number = v.metadata?.phone_number_id;
      if (number && !out.phoneNumberIds.includes(number)) out.phoneNumberIds.push(number);
      if (phoneNumberId && number && number !== phoneNumberId) continue;
      for (const raw of v.errors ?? []) {
        const e = waError.safeParse(raw);
        out.errors.push(e.success ? describeError(e.data) : 'an error Diwan could not read');
      }
      const contacts = (v.contacts ?? []).flatMap((c) => {
        const p = contact.safeParse(c);
        return p.success ? [p.data] : [];
      });
      const echo = change.field === 'smb_message_echoes';
      for (const raw of (echo ? v.message_echoes : v.messages) ?? []) {
        const m = message.safeParse(raw);
        if (!m.success) {
          out.skipped++;
          continue;
        }
        const inbound = echo ? toEcho(m.data, out.unsupported) : toInbound(m.data, contacts, out.unsupported);
        if (inbound) out.messages.push(inbound);
        else out.skipped++;
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
          ...(e ? { errorCode: e.code, reason: describeError(e) } : {}),
        });
      }
    }
  }
  return out;
}

/** The note that goes with a parsed webhook: unreadable items, unsupported kinds, errors Meta reported. */
export function whatsAppNote(w: WhatsAppWebhook): string | undefined {
  const parts = [
    w.skipped ? `${w.skipped} relayed WhatsApp item(s) could not be read.` : '',
    unsupportedNote('WhatsApp', w.unsupported) ?? '',
    w.errors.length ? `WhatsApp reported: ${w.errors.slice(0, 3).join('; ')}${w.errors.length > 3 ? ` (and ${w.errors.length - 3} more)` : ''}.` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function describeError(e: z.infer<typeof waError>): string {
  return `${e.code} ${e.title ?? e.message ?? ''}${e.error_data?.details ? `: ${e.error_data.details}` : ''}`.trim();
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

type WaMessage = z.infer<typeof message>;

function toInbound(m: WaMessage, contacts: Array<z.infer<typeof contact>>, unsupported: string[]): InboundMessage | null {
  const c = contacts.find((x) => (m.from_user_id && x.user_id === m.from_user_id) || (m.from && x.wa_id === m.from));
  const customer = m.from ?? c?.wa_id ?? m.from_user_id ?? c?.user_id;
  if (!customer) return null;
  // The business-scoped id beside the phone number: a later message carrying only the id joins this conversation.
  const userId = m.from_user_id ?? c?.user_id;
  return {
    platformMessageId: m.id,
    platformConversationId: customer,
    contact: {
      platformUserId: customer,
      ...(c?.profile?.name ? { displayName: c.profile.name } : {}),
      ...(c?.profile?.username ? { handle: c.profile.username } : {}),
    },
    direction: 'in',
    text: readable(m, unsupported),
    sentAt: Number(m.timestamp) * 1000,
    ...withAttachments(m),
    ...revision(m),
    ...(m.system?.new_wa_id && m.system.new_wa_id !== customer ? { movesTo: m.system.new_wa_id } : {}),
    ...(userId && userId !== customer ? { aliases: [userId] } : {}),
  };
}

function revision(m: WaMessage): Pick<InboundMessage, 'revises'> {
  if (m.edit) return { revises: { platformMessageId: m.edit.original_message_id, kind: 'edited' } };
  if (m.revoke) return { revises: { platformMessageId: m.revoke.original_message_id, kind: 'deleted' } };
  return {};
}

/** A message the business sent from the WhatsApp Business app on its phone (coexistence). */
function toEcho(m: WaMessage, unsupported: string[]): InboundMessage | null {
  if (!m.to) return null;
  return {
    platformMessageId: m.id,
    platformConversationId: m.to,
    contact: { platformUserId: m.to },
    direction: 'out',
    text: readable(m, unsupported),
    sentAt: Number(m.timestamp) * 1000,
    ...withAttachments(m),
  };
}

function withAttachments(m: WaMessage): { attachments?: InboundAttachment[] } {
  const file = m.image ?? m.document ?? m.audio ?? m.voice ?? m.video ?? m.sticker;
  if (!file) return {};
  return {
    attachments: [
      {
        kind: MEDIA_KINDS[m.type] ?? 'other',
        platformFileId: file.id,
        ...(file.mime_type ? { mimeType: file.mime_type } : {}),
        ...(file.filename ? { fileName: file.filename } : {}),
      },
    ],
  };
}

const FILE_LABELS: Record<string, string> = { image: 'Photo', document: 'File', audio: 'Audio', voice: 'Voice message', video: 'Video', sticker: 'Sticker' };

/** Everything a message says, as text; a kind Diwan cannot show is named, never blank. */
function readable(m: WaMessage, unsupported: string[]): string {
  const context = m.context?.forwarded || m.context?.frequently_forwarded ? render.event('Forwarded') : m.context?.id ? render.event(`Reply to message ${m.context.id}`) : null;
  const ad = m.referral ? render.event(`Came from the ad "${render.quote(m.referral.headline ?? m.referral.source_url ?? m.referral.source_type ?? '')}"`) : null;
  if (m.edit) {
    const edited = m.edit.message ? content(m.edit.message, unsupported) : m.text?.body;
    return render.join(render.event(`Edited message ${m.edit.original_message_id}`), edited);
  }
  if (m.revoke) return render.event(`Deleted message ${m.revoke.original_message_id}`);
  return render.join(context, ad, content(m, unsupported));
}

function content(m: z.infer<typeof editedContent>, unsupported: string[]): string {
  const type = m.type ?? 'unknown';
  const i = m.interactive;
  const file = m.image ?? m.document ?? m.audio ?? m.voice ?? m.video ?? m.sticker;
  const main = (m.text?.body ??
        (file ? render.join(file.caption ?? render.attachment(FILE_LABELS[type] ?? 'File')) : null) ??
        (m.button ? render.event(`Tapped the button "${render.quote(m.button.text)}"`) : null) ??
        (i?.button_reply ? render.event(`Chose "${render.quote(i.button_reply.title)}"`) : null) ??
        (i?.list_reply ? render.event(`Chose "${render.quote(i.list_reply.title)}"${i.list_reply.description ? ` (${render.quote(i.list_reply.description)})` : ''}`) : null) ??
        (i?.nfm_reply ? flowReply(i.nfm_reply) : null) ??
        (m.location ? render.location(m.location) : null) ??
        (m.contacts ? render.contacts(m.contacts.map(card)) : null) ??
        (m.order ? order(m.order) : null) ??
        (m.reaction ? render.event(m.reaction.emoji ? `Reacted ${m.reaction.emoji} to message ${m.reaction.message_id}` : `Removed a reaction from message ${m.reaction.message_id}`) : null) ??
        (m.system ? system(m.system) : null) ??
        (type === 'request_welcome' ? render.event('Opened the chat for the first time') : null));
  if (main) return main;
  const e = m.errors?.[0];
  unsupported.push(e ? `${type} ${e.code}` : type);
  return render.unsupported(type, e ? describeError(e) : undefined);
}

function card(c: z.infer<typeof contactCard>): ContactCard {
  return {
    name: c.name?.formatted_name ?? [c.name?.first_name, c.name?.last_name].filter(Boolean).join(' '),
    phones: (c.phones ?? []).flatMap((p) => (p.phone ?? p.wa_id ? [p.phone ?? p.wa_id!] : [])),
    emails: (c.emails ?? []).flatMap((e) => (e.email ? [e.email] : [])),
    ...(c.org?.company ? { organisation: c.org.company } : {}),
  };
}

function order(o: NonNullable<WaMessage['order']>): string {
  const items = (o.product_items ?? []).map(
    (p) => `${p.quantity ?? 1} × ${p.product_retailer_id}${p.item_price !== undefined ? ` at ${p.item_price}${p.currency ? ` ${p.currency}` : ''}` : ''}`,
  );
  return render.join(`[Order] ${items.join('; ') || 'no items'}`, o.text);
}

/** A WhatsApp Flow's answer: its fields as "name: value" lines (the JSON is what the customer filled in). */
function flowReply(r: NonNullable<NonNullable<WaMessage['interactive']>['nfm_reply']>): string {
  let fields: string[] = [];
  try {
    const parsed = JSON.parse(r.response_json ?? '{}') as unknown;
    if (parsed && typeof parsed === 'object') {
      fields = Object.entries(parsed as Record<string, unknown>)
        .filter(([k]) => k !== 'flow_token')
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    }
  } catch {
    fields = [render.quote(r.response_json)];
  }
  return render.join(render.event(`Submitted the form${r.name && r.name !== 'flow' ? ` "${r.name}"` : ''}`), r.body && r.body !== 'Sent' ? r.body : null, ...fields);
}

function system(s: NonNullable<WaMessage['system']>): string {
  if (s.new_wa_id) {
    return render.event(`Changed their number to ${s.new_wa_id}; the conversation continues with the new number`);
  }
  return render.event(s.body ?? `System message (${s.type ?? 'unknown'})`);
}
