import type { InboundAttachment } from '../../core/shared/messages';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

export { attachmentViews, type AttachmentView } from './attachment-views';

export interface LocatedAttachment {
  conversationId: number;
  channelId: string;
  kind: string;
  platformFileId: string | null;
  mimeType: string | null;
}

/** Customers' files at the hub: where one is (for the route that fetches it) and the audit entry of each fetch. */
export class HubAttachments {
  constructor(private readonly store: HubStore) {}

  async locate(messageId: number, index: number): Promise<LocatedAttachment | null> {
    const r = await this.store.q.get<{ conversation_id: number; channel_id: string; attachments: string | null }>(
      'SELECT conversation_id, channel_id, attachments FROM messages WHERE id = ?',
      [messageId],
    );
    if (!r?.attachments) return null;
    const list = JSON.parse(r.attachments) as Array<Partial<InboundAttachment>>;
    const a = list[index];
    if (!a) return null;
    return {
      conversationId: Number(r.conversation_id),
      channelId: r.channel_id,
      kind: typeof a.kind === 'string' ? a.kind : 'other',
      platformFileId: typeof a.platformFileId === 'string' && a.platformFileId ? a.platformFileId : null,
      mimeType: typeof a.mimeType === 'string' ? a.mimeType : null,
    };
  }

  /** `attachment.opened` / `attachment.saved` / `attachment.refused`, by message and position (never a name or a reference). */
  async audit(by: Actor, action: 'attachment.opened' | 'attachment.saved' | 'attachment.refused', messageId: number, index: number, details: Record<string, unknown>): Promise<void> {
    await this.store.q.tx((t) => this.store.appendAudit(t, { ...by, action, target: `message:${messageId}/attachment:${index}`, details }));
  }
}
