import type { InboundAttachment, InboundMessage } from '../../shared/messages';
import type { TelegramMessage } from './schema';

/** Telegram's id for a message: message ids are unique per chat only. */
export function telegramMessageId(chatId: number | string, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/** A Telegram message as Diwan stores it. An edit becomes its own entry, keyed by its edit time. */
export function toInbound(m: TelegramMessage, edited: boolean): InboundMessage {
  const from = m.from;
  const name = [from?.first_name, from?.last_name].filter(Boolean).join(' ') || m.chat.title;
  const base = telegramMessageId(m.chat.id, m.message_id);
  return {
    platformMessageId: edited ? `${base}:edit:${m.edit_date ?? m.date}` : base,
    platformConversationId: String(m.chat.id),
    contact: {
      platformUserId: String(from?.id ?? m.chat.id),
      ...(name ? { displayName: name } : {}),
      ...(from?.username ? { handle: from.username } : {}),
    },
    direction: 'in',
    text: m.text ?? m.caption ?? '',
    sentAt: (edited ? (m.edit_date ?? m.date) : m.date) * 1000,
    ...(attachments(m).length ? { attachments: attachments(m) } : {}),
  };
}

function attachments(m: TelegramMessage): InboundAttachment[] {
  const out: InboundAttachment[] = [];
  const largest = m.photo?.[m.photo.length - 1];
  if (largest) out.push({ kind: 'photo', platformFileId: largest.file_id, ...(largest.file_size ? { size: largest.file_size } : {}) });
  const files: Array<[InboundAttachment['kind'], typeof m.document]> = [
    ['document', m.document],
    ['audio', m.voice ?? m.audio],
    ['video', m.video],
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
