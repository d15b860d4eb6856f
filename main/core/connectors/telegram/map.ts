import type { InboundAttachment, InboundMessage } from '../../shared/messages';
import { render } from '../render';
import { formatAddress } from './address';
import type { TelegramChat, TelegramMessage, TelegramUpdate, TelegramUser } from './schema';

/** Telegram's id for a message: message ids are unique per chat only. */
export function telegramMessageId(chatId: number | string, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/** What one update turned into: entries to store, and the names of kinds Diwan could not show (for the health note). */
export interface MappedUpdate {
  messages: InboundMessage[];
  unsupported: string[];
  /** A group upgraded to a supergroup: replies to `from` must go to `to`. */
  migration?: { from: string; to: string };
}

/** Keys of a message that describe it rather than carry content. */
const ENVELOPE = new Set([
  'message_id', 'date', 'edit_date', 'chat', 'from', 'sender_chat', 'message_thread_id', 'is_topic_message', 'business_connection_id',
  'forward_origin', 'forward_from', 'forward_from_chat', 'forward_from_message_id', 'forward_signature', 'forward_sender_name',
  'forward_date', 'is_automatic_forward', 'quote', 'reply_to_message', 'external_reply', 'reply_to_story', 'entities',
  'caption_entities', 'media_group_id', 'author_signature', 'has_protected_content', 'link_preview_options', 'via_bot',
  'reply_markup', 'has_media_spoiler', 'show_caption_above_media', 'sender_boost_count', 'sender_business_bot', 'is_from_offline',
  'effect_id', 'paid_star_count', 'sender_tag',
]);

/** Every kind of update Diwan asks for; each one below becomes an entry an agent can see. */
export const ALLOWED_UPDATES = [
  'message', 'edited_message', 'business_message', 'edited_business_message', 'deleted_business_messages', 'callback_query',
  'my_chat_member', 'message_reaction',
] as const;

/** One update as Diwan stores it. `now` dates events Telegram does not date (button taps). */
export function mapUpdate(u: TelegramUpdate, now: number): MappedUpdate {
  if (u.message) return fromMessage(u.message, false);
  if (u.business_message) return fromMessage(u.business_message, false);
  if (u.edited_message) return fromMessage(u.edited_message, true);
  if (u.edited_business_message) return fromMessage(u.edited_business_message, true);
  if (u.callback_query) {
    const q = u.callback_query;
    const chat = q.message?.chat ?? { id: q.from.id, type: 'private' };
    const what = q.data !== undefined ? `Tapped the button "${render.quote(q.data)}"` : `Tapped the game button "${render.quote(q.game_short_name)}"`;
    return event(chat, q.message ? address(q.message) : String(chat.id), q.from, `cb:${q.id}`, now, what);
  }
  if (u.my_chat_member) {
    const c = u.my_chat_member;
    const status = c.new_chat_member.status;
    const what =
      c.chat.type === 'private'
        ? status === 'kicked'
          ? 'Blocked the bot: replies cannot reach this customer until they start it again'
          : 'Started the bot again'
        : `The bot's membership changed to "${status}"`;
    return event(c.chat, String(c.chat.id), c.from, `member:${c.date}:${status}`, c.date * 1000, what);
  }
  if (u.message_reaction) {
    const r = u.message_reaction;
    const emoji = r.new_reaction.map((x) => x.emoji ?? x.type).join(' ');
    const what = emoji ? `Reacted ${emoji} to message ${r.message_id}` : `Removed a reaction from message ${r.message_id}`;
    const actor = r.user ?? { id: r.actor_chat?.id ?? r.chat.id, first_name: r.actor_chat?.title };
    return event(r.chat, String(r.chat.id), actor, `reaction:${r.message_id}:${r.date}:${actor.id}`, r.date * 1000, what);
  }
  if (u.deleted_business_messages) {
    const d = u.deleted_business_messages;
    const at = formatAddress({ chatId: String(d.chat.id), businessConnectionId: d.business_connection_id });
    const messages = d.message_ids.flatMap((id) =>
      event(d.chat, at, undefined, `deleted:${id}`, now, `Deleted message ${id}`).messages.map((m) => ({
        ...m,
        revises: { platformMessageId: telegramMessageId(d.chat.id, id), kind: 'deleted' as const },
      })),
    );
    return { messages, unsupported: [] };
  }
  const kind = Object.keys(u).find((k) => k !== 'update_id') ?? 'empty update';
  return { messages: [], unsupported: [kind] };
}

function event(chat: TelegramChat, conversation: string, who: TelegramUser | undefined, key: string, at: number, what: string): MappedUpdate {
  return {
    messages: [
      {
        platformMessageId: `${chat.id}:${key}`,
        platformConversationId: conversation,
        contact: who ? person(who) : chatAsContact(chat),
        direction: 'in',
        text: render.event(what),
        sentAt: at,
      },
    ],
    unsupported: [],
  };
}

function address(m: TelegramMessage): string {
  return formatAddress({
    chatId: String(m.chat.id),
    ...(m.is_topic_message && m.message_thread_id ? { threadId: m.message_thread_id } : {}),
    ...(m.business_connection_id ? { businessConnectionId: m.business_connection_id } : {}),
  });
}

function person(u: TelegramUser): InboundMessage['contact'] {
  const name = [u.first_name, u.last_name].filter(Boolean).join(' ');
  return { platformUserId: String(u.id), ...(name ? { displayName: name } : {}), ...(u.username ? { handle: u.username } : {}) };
}

function chatAsContact(c: TelegramChat): InboundMessage['contact'] {
  const name = c.title ?? [c.first_name, c.last_name].filter(Boolean).join(' ');
  return { platformUserId: String(c.id), ...(name ? { displayName: name } : {}), ...(c.username ? { handle: c.username } : {}) };
}

/**
 * A message as Diwan stores it. Sent "as" a group or channel (`sender_chat`), the chat is the author, not the
 * placeholder user Telegram puts in `from`. An edit becomes its own entry keyed by its edit time and says so.
 */
function fromMessage(m: TelegramMessage, edited: boolean): MappedUpdate {
  const base = telegramMessageId(m.chat.id, m.message_id);
  const unsupported: string[] = [];
  const content = body(m, unsupported);
  const atts = attachments(m);
  const text = render.join(
    edited ? render.event(`Edited message ${m.message_id}`) : null,
    forwardedFrom(m),
    replyContext(m),
    content,
  );
  return {
    messages: [
      {
        platformMessageId: edited ? `${base}:edit:${m.edit_date ?? m.date}` : base,
        platformConversationId: address(m),
        contact: m.sender_chat ? chatAsContact(m.sender_chat) : m.from ? person(m.from) : chatAsContact(m.chat),
        direction: 'in',
        text,
        sentAt: (edited ? (m.edit_date ?? m.date) : m.date) * 1000,
        ...(atts.length ? { attachments: atts } : {}),
        ...(edited ? { revises: { platformMessageId: base, kind: 'edited' as const } } : {}),
        // Only a plain group conversation moves; a topic or business address keeps its own key.
        ...(m.migrate_to_chat_id && address(m) === String(m.chat.id) ? { movesTo: String(m.migrate_to_chat_id) } : {}),
      },
    ],
    unsupported,
    ...(m.migrate_to_chat_id ? { migration: { from: String(m.chat.id), to: String(m.migrate_to_chat_id) } } : {}),
  };
}

function forwardedFrom(m: TelegramMessage): string | null {
  const o = m.forward_origin;
  if (o) {
    const who =
      o.sender_user ? [o.sender_user.first_name, o.sender_user.last_name].filter(Boolean).join(' ') : (o.sender_user_name ?? o.sender_chat?.title ?? o.chat?.title);
    return render.event(`Forwarded from ${who || 'someone'}`);
  }
  if (m.forward_from || m.forward_sender_name) return render.event(`Forwarded from ${m.forward_from?.first_name ?? m.forward_sender_name}`);
  return null;
}

function replyContext(m: TelegramMessage): string | null {
  const r = m.reply_to_message;
  // In a forum every message "replies" to the topic's opening service message; that is not a reply an agent needs.
  if (!r || (m.is_topic_message && r.forum_topic_created)) return null;
  const quoted = render.quote(m.quote?.text ?? r.text ?? r.caption ?? '');
  return render.event(`Reply to message ${r.message_id}${quoted ? `: "${quoted}"` : ''}`);
}

/** The readable content: text or caption, then whatever the message carries that is not text. */
function body(m: TelegramMessage, unsupported: string[]): string {
  const parts: string[] = [];
  if (m.text !== undefined) parts.push(m.text);
  if (m.caption !== undefined) parts.push(m.caption);
  if (m.contact) {
    const c = m.contact;
    parts.push(render.contacts([{ name: [c.first_name, c.last_name].filter(Boolean).join(' '), phones: [c.phone_number] }]));
  }
  if (m.venue) parts.push(render.location({ ...m.venue.location, name: m.venue.title, address: m.venue.address }));
  else if (m.location) parts.push(render.location({ ...m.location, live: Boolean(m.location.live_period) }));
  if (m.poll) parts.push(render.poll(m.poll.question, m.poll.options.map((o) => o.text)));
  if (m.dice) parts.push(render.event(`Rolled ${m.dice.emoji}: ${m.dice.value}`));
  const service = serviceText(m);
  if (service) parts.push(render.event(service));
  if (!parts.some((p) => p.trim())) {
    const file = fileLabel(m);
    if (file) parts.push(file);
  }
  if (!parts.some((p) => p.trim())) {
    const kind = Object.keys(m).find((k) => !ENVELOPE.has(k)) ?? 'empty message';
    unsupported.push(kind);
    parts.push(render.unsupported(kind));
  }
  return render.join(...parts);
}

function serviceText(m: TelegramMessage): string | null {
  if (m.migrate_to_chat_id) return `This group was upgraded to a supergroup (${m.migrate_to_chat_id}); the conversation continues there`;
  if (m.migrate_from_chat_id) return `This supergroup continues the group ${m.migrate_from_chat_id}`;
  if (m.pinned_message) {
    const quoted = render.quote(m.pinned_message.text ?? m.pinned_message.caption ?? '');
    return `Pinned message ${m.pinned_message.message_id}${quoted ? `: "${quoted}"` : ''}`;
  }
  if (m.forum_topic_created) return `Created the topic "${render.quote(m.forum_topic_created.name)}"`;
  if (m.forum_topic_edited) return `Renamed the topic${m.forum_topic_edited.name ? ` to "${render.quote(m.forum_topic_edited.name)}"` : ''}`;
  if ('forum_topic_closed' in m) return 'Closed the topic';
  if ('forum_topic_reopened' in m) return 'Reopened the topic';
  if (m.new_chat_members?.length) return `Joined: ${m.new_chat_members.map((u) => u.first_name ?? u.username ?? u.id).join(', ')}`;
  if (m.left_chat_member) return `Left: ${m.left_chat_member.first_name ?? m.left_chat_member.username ?? m.left_chat_member.id}`;
  if (m.new_chat_title) return `Renamed the chat to "${render.quote(m.new_chat_title)}"`;
  if ('group_chat_created' in m || 'supergroup_chat_created' in m) return 'Created the group';
  return null;
}

const FILE_LABELS: Array<[keyof TelegramMessage, string]> = [
  ['photo', 'Photo'], ['video', 'Video'], ['video_note', 'Video message'], ['animation', 'Animation'], ['voice', 'Voice message'],
  ['audio', 'Audio'], ['document', 'File'],
];

function fileLabel(m: TelegramMessage): string | null {
  if (m.sticker) return render.attachment('Sticker', m.sticker.emoji);
  for (const [key, label] of FILE_LABELS) {
    if (m[key]) return render.attachment(label);
  }
  return null;
}

function attachments(m: TelegramMessage): InboundAttachment[] {
  const out: InboundAttachment[] = [];
  const largest = m.photo?.[m.photo.length - 1];
  if (largest) out.push({ kind: 'photo', platformFileId: largest.file_id, ...(largest.file_size ? { size: largest.file_size } : {}) });
  const files: Array<[InboundAttachment['kind'], typeof m.document]> = [
    ['document', m.document],
    ['audio', m.voice ?? m.audio],
    ['video', m.video ?? m.video_note ?? m.animation],
  ];
  for (const [kind, f] of files) {
    if (!f) continue;
    out.push({
      kind,
      platformFileId: f.file_id,
      ...(f.file_name ? { fileName: f.file_name } : {}),
      ...(f.mime_type ? { mimeType: f.mime_type } : {}),
      ...(f.file_size ? { size: f.file_size } : {}),
    });
  }
  if (m.sticker) out.push({ kind: 'sticker', platformFileId: m.sticker.file_id });
  return out;
}
