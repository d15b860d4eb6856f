import type { InboundAttachment } from '../../core/shared/messages';

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
