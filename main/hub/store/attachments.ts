import type { InboundAttachment } from '../../core/shared/messages';
import type { HubStore } from './hub-store';
import type { Actor } from './types';

/** What consoles see of a file: its metadata and whether it can be fetched, never the platform's reference (a link or id that opens it). */
export interface AttachmentView {
  kind: string;
  fileName?: string;
  mimeType?: string;
  size?: number;
  fetchable: boolean;
}

/** The stored attachments of a message (as ingested) → what goes on the stream and into message views. */
export function attachmentViews(stored: unknown[]): AttachmentView[] {
  return stored.map((raw) => {
    const a = (raw ?? {}) as Partial<InboundAttachment>;
    return {
      kind: typeof a.kind === 'string' ? a.kind : 'other',
      ...(typeof a.fileName === 'string' ? { fileName: a.fileName } : {}),
      ...(typeof a.mimeType === 'string' ? { mimeType: a.mimeType } : {}),
      ...(typeof a.size === 'number' ? { size: a.size } : {}),
      fetchable: typeof a.platformFileId === 'string' && a.platformFileId.length > 0,
    };
  });
}

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
