/**
 * Where a Telegram reply goes, written into the conversation id so that it survives restarts and reaches the
 * outbox with nothing else: the chat, the forum topic (`message_thread_id`) and the Telegram Business connection.
 *
 *   `5550001`                          a private chat or a group
 *   `-1001234567890/topic/42`          topic 42 of a forum supergroup (each topic is its own conversation)
 *   `5550001/business/AbC-xyz_123`     a chat a Telegram Business account handed to the bot
 *
 * Plain chat ids stay plain, so conversations stored before this format keep working.
 */
export interface TelegramAddress {
  chatId: string;
  threadId?: number;
  businessConnectionId?: string;
}

const PATTERN = /^(-?\d+|@\w+)(?:\/topic\/(\d+))?(?:\/business\/(.+))?$/s;

export function formatAddress(a: TelegramAddress): string {
  return `${a.chatId}${a.threadId ? `/topic/${a.threadId}` : ''}${a.businessConnectionId ? `/business/${a.businessConnectionId}` : ''}`;
}

/** The address in a conversation id, or null when it is not one Diwan wrote. */
export function parseAddress(id: string): TelegramAddress | null {
  const m = PATTERN.exec(id);
  if (!m) return null;
  return { chatId: m[1]!, ...(m[2] ? { threadId: Number(m[2]) } : {}), ...(m[3] ? { businessConnectionId: m[3] } : {}) };
}
