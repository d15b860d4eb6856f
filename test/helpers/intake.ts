import type { Core } from '../../main/core/app';
import { DEMO_CHANNEL_ID } from '../../main/core/app/channels';

let nextMessage = 0;

/** A customer message stored as a connector would store it (default: the demo channel, now). */
export function ingestMessage(core: Core, m: { contact: string; text: string; assignTo?: string; channelId?: string; sentAt?: number }): number {
  const key = m.contact.toLowerCase().replace(/[^a-z0-9\u0600-\u06ff]+/g, '-');
  const result = core.store.sink.ingest(m.channelId ?? DEMO_CHANNEL_ID, [
    {
      platformMessageId: `test-${process.pid}-${++nextMessage}`,
      platformConversationId: `test-${key}`,
      contact: { platformUserId: `test-${key}`, displayName: m.contact },
      direction: 'in',
      text: m.text,
      sentAt: m.sentAt ?? core.clock.now(),
    },
  ]);
  const id = result.conversationIds[0]!;
  if (m.assignTo) core.store.conversations.assign(id, m.assignTo);
  return id;
}
