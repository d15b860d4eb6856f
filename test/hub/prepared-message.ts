import type { PreparedMessage } from '../../main/hub/store';

/**
 * A customer's message as the hub's intake prepares it, for store tests and benches that have no sealing keys: the
 * masked text as given, nothing sealed. Defaults: inbound, "hello", contact `u-<chat>`; `over` sets any other field.
 * (No vitest here: the benches use it too.)
 */
export function preparedMessage(id: string, chat: string, sentAt: number, over: Partial<PreparedMessage> = {}): PreparedMessage {
  return {
    platformMessageId: id,
    platformConversationId: chat,
    contact: { platformUserId: `u-${chat}` },
    direction: 'in',
    maskedText: 'hello',
    sealedText: null,
    sentAt,
    attachments: [],
    fields: [],
    seal: () => ({ text: null, fields: [] }),
    ...over,
  };
}
