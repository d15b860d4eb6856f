import { z } from 'zod';
import type { InboundAttachment, InboundMessage } from '../../shared/messages';
import { render, unsupportedNote } from '../render';
import type { DeliveryReceipt, PullBatch, WatermarkReceipt } from '../types';

const attachment = z.object({
  type: z.string(),
  payload: z
    .object({
      url: z.string().optional(),
      title: z.string().optional(),
      sticker_id: z.number().optional(),
      reel_video_id: z.union([z.string(), z.number()]).optional(),
      coordinates: z.object({ lat: z.number(), long: z.number() }).optional(),
    })
    .passthrough()
    .nullish(),
  title: z.string().optional(),
  url: z.string().optional(),
});
const referral = z.object({ ref: z.string().optional(), source: z.string().optional(), type: z.string().optional(), ad_id: z.string().optional() }).passthrough();
const event = z
  .object({
    sender: z.object({ id: z.string() }),
    recipient: z.object({ id: z.string() }),
    timestamp: z.number().optional(),
    message: z
      .object({
        mid: z.string(),
        text: z.string().optional(),
        is_echo: z.boolean().optional(),
        is_deleted: z.boolean().optional(),
        is_unsupported: z.boolean().optional(),
        attachments: z.array(attachment).optional(),
        quick_reply: z.object({ payload: z.string() }).optional(),
        reply_to: z.object({ mid: z.string().optional(), story: z.object({ url: z.string().optional(), id: z.string().optional() }).optional() }).optional(),
        referral: referral.optional(),
      })
      .passthrough()
      .optional(),
    delivery: z.object({ mids: z.array(z.string()).optional(), watermark: z.number().optional() }).optional(),
    read: z.object({ watermark: z.number().optional(), mid: z.string().optional() }).optional(),
    postback: z.object({ title: z.string().optional(), payload: z.string().optional(), mid: z.string().optional(), referral: referral.optional() }).optional(),
    referral: referral.optional(),
    reaction: z.object({ mid: z.string(), action: z.string().optional(), emoji: z.string().optional(), reaction: z.string().optional() }).optional(),
    message_edit: z.object({ mid: z.string(), text: z.string().optional(), num_edit: z.number().optional() }).optional(),
    pass_thread_control: z.object({ new_owner_app_id: z.union([z.string(), z.number()]).optional(), metadata: z.string().optional() }).optional(),
    take_thread_control: z.object({ previous_owner_app_id: z.union([z.string(), z.number()]).optional(), metadata: z.string().optional() }).optional(),
    request_thread_control: z.object({ requested_owner_app_id: z.union([z.string(), z.number()]).optional() }).optional(),
  })
  .passthrough();
type MetaEvent = z.infer<typeof event>;

const payloadShape = z.object({
  object: z.enum(['page', 'instagram']),
  entry: z.array(
    z.object({ id: z.string(), time: z.number().optional(), messaging: z.array(z.unknown()).optional(), standby: z.array(z.unknown()).optional() }),
  ),
});

const KINDS: Record<string, InboundAttachment['kind']> = {
  image: 'photo',
  video: 'video',
  audio: 'audio',
  file: 'document',
  sticker: 'sticker',
  ig_reel: 'video',
  reel: 'video',
  story_mention: 'photo',
};
const LABELS: Record<string, string> = {
  image: 'Photo',
  video: 'Video',
  audio: 'Voice message',
  file: 'File',
  sticker: 'Sticker',
  share: 'Shared a post',
  ig_reel: 'Shared a reel',
  reel: 'Shared a reel',
  story_mention: 'Mentioned the business in a story',
  fallback: 'Shared a link',
  template: 'Template',
};
/** Event keys that describe an event rather than carry one. */
const ENVELOPE = new Set(['sender', 'recipient', 'timestamp']);

/**
 * A Messenger (`object: "page"`) or Instagram (`object: "instagram"`) webhook body, already signature-checked by the
 * relay: every entry, every `messaging` item and every `standby` item (under the handover protocol, messages that
 * arrive while another app owns the thread come only as standby — they are customer messages all the same).
 * Echoes (`is_echo`) are the business's own messages (`out`), keyed by the customer. Postbacks, referrals,
 * reactions, edits, deletions and thread-control changes become visible entries; delivery and read events become
 * receipts and watermarks. Items that do not parse are counted, not fatal.
 */
export function parseMessagingWebhook(payload: unknown, selfIds: ReadonlySet<string>): PullBatch {
  const p = payloadShape.safeParse(payload);
  if (!p.success) return { messages: [], note: 'A relayed Meta webhook was not a Messenger or Instagram payload and was ignored.' };
  const platform = p.data.object === 'instagram' ? 'Instagram' : 'Messenger';
  const messages: InboundMessage[] = [];
  const deliveries: DeliveryReceipt[] = [];
  const watermarks: WatermarkReceipt[] = [];
  const unsupported: string[] = [];
  let skipped = 0;
  for (const entry of p.data.entry) {
    for (const raw of [...(entry.messaging ?? []), ...(entry.standby ?? [])]) {
      const e = event.safeParse(raw);
      if (!e.success) {
        skipped++;
        continue;
      }
      const at = e.data.timestamp ?? entry.time ?? 0;
      const out = e.data.message?.is_echo === true || selfIds.has(e.data.sender.id);
      const customer = out ? e.data.recipient.id : e.data.sender.id;
      const { delivery, read } = e.data;
      for (const mid of delivery?.mids ?? []) deliveries.push({ platformMessageId: mid, state: 'delivered' });
      if (delivery?.watermark) watermarks.push({ platformConversationId: customer, state: 'delivered', upTo: delivery.watermark });
      if (read?.watermark) watermarks.push({ platformConversationId: customer, state: 'read', upTo: read.watermark });
      if (read?.mid) deliveries.push({ platformMessageId: read.mid, state: 'read' });
      if (delivery || read) continue;
      const m = readEvent(e.data, at, unsupported);
      if (!m) continue;
      messages.push({
        platformMessageId: m.id,
        platformConversationId: customer,
        contact: { platformUserId: customer },
        direction: out ? 'out' : 'in',
        text: m.text,
        sentAt: at,
        ...(m.attachments?.length ? { attachments: m.attachments } : {}),
        ...(m.revises ? { revises: m.revises } : {}),
      });
    }
  }
  const note = [skipped ? `${skipped} relayed ${platform} event(s) could not be read.` : '', unsupportedNote(platform, unsupported) ?? '']
    .filter(Boolean)
    .join(' ');
  return { messages, deliveries, ...(watermarks.length ? { watermarks } : {}), ...(note ? { note } : {}) };
}

interface ReadEvent {
  id: string;
  text: string;
  attachments?: InboundAttachment[];
  revises?: InboundMessage['revises'];
}

function readEvent(e: MetaEvent, at: number, unsupported: string[]): ReadEvent | null {
  const who = e.sender.id;
  if (e.message) return readMessage(e.message, unsupported);
  if (e.postback) {
    const p = e.postback;
    return { id: p.mid ?? `postback:${who}:${at}`, text: render.join(render.event(`Tapped "${render.quote(p.title ?? p.payload ?? '')}"`), referralLine(p.referral)) };
  }
  if (e.referral) return { id: `referral:${who}:${at}`, text: referralLine(e.referral) ?? render.event('Arrived through a link') };
  if (e.reaction) {
    const r = e.reaction;
    const what = r.action === 'unreact' ? `Removed a reaction from message ${r.mid}` : `Reacted ${r.emoji ?? r.reaction ?? ''} to message ${r.mid}`;
    return { id: `reaction:${r.mid}:${who}:${at}`, text: render.event(what.replace(/\s+/g, ' ')) };
  }
  if (e.message_edit) {
    const m = e.message_edit;
    return {
      id: `${m.mid}:edit:${m.num_edit ?? at}`,
      text: render.join(render.event(`Edited message ${m.mid}`), m.text),
      revises: { platformMessageId: m.mid, kind: 'edited' },
    };
  }
  if (e.pass_thread_control) return { id: `handover:${who}:${at}`, text: render.event('The conversation was passed to this inbox') };
  if (e.take_thread_control) return { id: `handover:${who}:${at}`, text: render.event('Another app took over the conversation; replies may not reach the customer until it is passed back') };
  if (e.request_thread_control) return { id: `handover:${who}:${at}`, text: render.event('Another app asked to take over the conversation') };
  const kind = Object.keys(e).find((k) => !ENVELOPE.has(k)) ?? 'empty event';
  unsupported.push(kind);
  return { id: `${kind}:${who}:${at}`, text: render.unsupported(kind) };
}

function readMessage(m: NonNullable<MetaEvent['message']>, unsupported: string[]): ReadEvent {
  if (m.is_deleted) return { id: `${m.mid}:deleted`, text: render.event(`Deleted message ${m.mid}`), revises: { platformMessageId: m.mid, kind: 'deleted' } };
  const attachments: InboundAttachment[] = [];
  const lines: string[] = [];
  for (const a of m.attachments ?? []) {
    const url = a.payload?.url ?? a.url;
    const c = a.payload?.coordinates;
    if (c) lines.push(render.location({ latitude: c.lat, longitude: c.long, name: a.title ?? a.payload?.title }));
    else if (a.type === 'fallback' || a.type === 'share' || a.type === 'template') {
      lines.push(render.join(render.attachment(LABELS[a.type] ?? a.type, a.title ?? a.payload?.title), url));
    } else if (!m.text) lines.push(render.attachment(LABELS[a.type] ?? a.type));
    if (url && !c && a.type !== 'fallback' && a.type !== 'template') attachments.push({ kind: KINDS[a.type] ?? 'other', platformFileId: url });
  }
  const story = m.reply_to?.story;
  const text = render.join(
    story ? render.event(`Replied to a story${story.url ? `: ${story.url}` : ''}`) : m.reply_to?.mid ? render.event(`Reply to message ${m.reply_to.mid}`) : null,
    referralLine(m.referral),
    m.text,
    m.quick_reply && !m.text ? render.event(`Chose "${render.quote(m.quick_reply.payload)}"`) : null,
    ...lines,
  );
  if (text) return { id: m.mid, text, ...(attachments.length ? { attachments } : {}) };
  unsupported.push(m.is_unsupported ? 'unsupported' : 'empty message');
  return { id: m.mid, text: render.unsupported(m.is_unsupported ? 'not supported by the API' : 'empty message') };
}

function referralLine(r: z.infer<typeof referral> | undefined): string | null {
  if (!r) return null;
  const from = r.source === 'ADS' || r.ad_id ? 'an ad' : r.source === 'SHORTLINK' ? 'an m.me link' : (r.source?.toLowerCase() ?? 'a link');
  return render.event(`Came from ${from}${r.ref ? ` (ref ${render.quote(r.ref)})` : ''}`);
}
