import { z } from 'zod';
import type { InboundAttachment, InboundMessage } from '../../shared/messages';
import { render, unsupportedNote } from '../render';
import type { DeliveryReceipt, PullBatch } from '../types';
import { dmEvent, dmEventsPage, xMedia, type DmEvent, type XMedia } from './schema';

const MEDIA_KINDS: Record<string, InboundAttachment['kind']> = { photo: 'photo', video: 'video', animated_gif: 'video' };
const MEDIA_LABELS: Record<string, string> = { photo: 'Photo', video: 'Video', animated_gif: 'GIF' };

/** One DM event as Diwan stores it; null when it names no conversation (counted as unreadable). */
export function dmEventToInbound(
  ev: DmEvent,
  userId: string,
  users: Map<string, { name?: string; username?: string }>,
  media: Map<string, XMedia>,
  unsupported: string[],
  now: number,
): InboundMessage | null {
  const conv = ev.dm_conversation_id;
  if (!conv) return null;
  const sender = ev.sender_id ?? ev.participant_ids?.[0];
  const out = sender === userId;
  const other = out || !sender ? (conv.split('-').find((p) => p !== userId) ?? conv) : sender;
  const u = users.get(other);
  const nameOf = (id: string) => users.get(id)?.username ?? users.get(id)?.name ?? id;
  const keys = ev.attachments?.media_keys ?? [];
  const files = keys.map((k) => media.get(k) ?? { media_key: k });
  const at = ev.created_at ? Date.parse(ev.created_at) : NaN;
  let text: string;
  if (ev.event_type === 'MessageCreate') {
    text = render.join(ev.text, ...(ev.text ? [] : files.map((f) => render.attachment(MEDIA_LABELS[f.type ?? ''] ?? 'Attachment'))));
    if (!text) {
      unsupported.push('empty MessageCreate');
      text = render.unsupported('empty message');
    }
  } else if (ev.event_type === 'ParticipantsJoin' || ev.event_type === 'ParticipantsLeave') {
    const who = (ev.participant_ids ?? (sender ? [sender] : [])).map(nameOf).join(', ') || 'someone';
    text = render.event(`${who} ${ev.event_type === 'ParticipantsJoin' ? 'joined' : 'left'} the conversation`);
  } else {
    unsupported.push(ev.event_type);
    text = render.unsupported(ev.event_type);
  }
  return {
    platformMessageId: ev.id,
    platformConversationId: conv,
    contact: { platformUserId: other, ...(u?.name ? { displayName: u.name } : {}), ...(u?.username ? { handle: u.username } : {}) },
    direction: out ? 'out' : 'in',
    text,
    sentAt: Number.isNaN(at) ? now : at,
    ...(files.length
      ? { attachments: files.map((f) => ({ kind: MEDIA_KINDS[f.type ?? ''] ?? ('other' as const), platformFileId: f.url ?? f.preview_image_url ?? f.media_key })) }
      : {}),
  };
}

/**
 * One `dm_events` answer as Diwan would store it, for `diwan channel parse` and tests (the connector's pull walks
 * pages and the cursor around the same per-event mapping). `userId` is the business's own X account.
 */
export function parseDmEvents(body: unknown, userId: string, now: number): { messages: InboundMessage[]; note?: string } {
  const page = dmEventsPage.safeParse(body);
  if (!page.success) return { messages: [], note: 'The X payload is not a dm_events answer.' };
  const users = new Map((page.data.includes?.users ?? []).map((u) => [u.id, u]));
  const media = new Map(
    (page.data.includes?.media ?? []).flatMap((m) => {
      const r = xMedia.safeParse(m);
      return r.success ? [[r.data.media_key, r.data] as const] : [];
    }),
  );
  const messages: InboundMessage[] = [];
  const unsupported: string[] = [];
  let malformed = 0;
  for (const raw of page.data.data ?? []) {
    const ev = dmEvent.safeParse(raw);
    const m = ev.success ? dmEventToInbound(ev.data, userId, users, media, unsupported, now) : null;
    if (m) messages.push(m);
    else malformed++;
  }
  const note = [
    page.data.errors?.length ? `X reported ${page.data.errors.length} partial error(s).` : '',
    malformed ? `${malformed} X event(s) could not be read and were skipped.` : '',
    unsupportedNote('X', unsupported) ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return { messages, ...(note ? { note } : {}) };
}

/** X's 1:1 conversation id for two accounts: `<smaller id>-<larger id>`, as `dm_events` names it. */
export function pairConversationId(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`;
}

const activity = z.object({
  for_user_id: z.string(),
  direct_message_events: z.array(z.unknown()).optional(),
  direct_message_mark_read_events: z.array(z.unknown()).optional(),
  users: z.record(z.string(), z.object({ name: z.string().optional(), screen_name: z.string().optional() })).optional(),
});
const activityMessage = z.object({
  type: z.string(),
  id: z.string().regex(/^\d+$/),
  created_timestamp: z.string().regex(/^\d+$/).optional(),
  message_create: z
    .object({
      target: z.object({ recipient_id: z.string().regex(/^\d+$/) }),
      sender_id: z.string().regex(/^\d+$/),
      message_data: z
        .object({
          text: z.string().optional(),
          attachment: z
            .object({ type: z.string(), media: z.object({ id_str: z.string().optional(), media_url_https: z.string().optional(), type: z.string().optional() }).optional() })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});
const markRead = z.object({ last_read_event_id: z.string(), sender_id: z.string(), target: z.object({ recipient_id: z.string() }) });

/**
 * An Account Activity API webhook body (X's push for DMs): `direct_message_events` become the same entries polling
 * makes — same event ids, same `<id>-<id>` conversation — so a message seen both ways is stored once;
 * `direct_message_mark_read_events` become read receipts. Typing indicators and other activity carry no message.
 */
export function parseAccountActivity(payload: unknown, now: number): PullBatch {
  const a = activity.safeParse(payload);
  if (!a.success) return { messages: [], note: 'A relayed X webhook was not an Account Activity payload and was ignored.' };
  const me = a.data.for_user_id;
  const users = new Map(Object.entries(a.data.users ?? {}).map(([id, u]) => [id, { name: u.name, username: u.screen_name }]));
  const messages: InboundMessage[] = [];
  const deliveries: DeliveryReceipt[] = [];
  const unsupported: string[] = [];
  let malformed = 0;
  for (const raw of a.data.direct_message_events ?? []) {
    const e = activityMessage.safeParse(raw);
    const mc = e.success ? e.data.message_create : undefined;
    if (!e.success || !mc) {
      malformed++;
      continue;
    }
    const media = mc.message_data?.attachment?.media;
    const key = media?.id_str ?? `${e.data.id}:media`;
    const ev: DmEvent = {
      id: e.data.id,
      event_type: e.data.type === 'message_create' ? 'MessageCreate' : e.data.type,
      text: mc.message_data?.text,
      sender_id: mc.sender_id,
      dm_conversation_id: pairConversationId(mc.sender_id, mc.target.recipient_id),
      ...(e.data.created_timestamp ? { created_at: new Date(Number(e.data.created_timestamp)).toISOString() } : {}),
      ...(media ? { attachments: { media_keys: [key] } } : {}),
    };
    const files = new Map(media ? [[key, { media_key: key, type: media.type, url: media.media_url_https }]] : []);
    const m = dmEventToInbound(ev, me, users, files, unsupported, now);
    if (m) messages.push(m);
  }
  for (const raw of a.data.direct_message_mark_read_events ?? []) {
    const r = markRead.safeParse(raw);
    // The customer read up to this event: if it is one of the business's replies, it is read.
    if (r.success && r.data.sender_id !== me) deliveries.push({ platformMessageId: r.data.last_read_event_id, state: 'read' });
    else if (!r.success) malformed++;
  }
  const note = [malformed ? `${malformed} relayed X event(s) could not be read.` : '', unsupportedNote('X', unsupported) ?? ''].filter(Boolean).join(' ');
  return { messages, deliveries, ...(note ? { note } : {}) };
}
