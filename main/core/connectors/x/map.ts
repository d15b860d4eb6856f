import type { InboundAttachment, InboundMessage } from '../../shared/messages';
import { render, unsupportedNote } from '../render';
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
