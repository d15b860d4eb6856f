import { AUDIT_ACTIONS } from '../audit';
import { checkAttachment, type CheckedAttachment, type ConnectorRuntime } from '../connectors';
import { DiwanError } from '../shared/errors';
import type { AuditPort } from '../shared/ports';
import type { Store } from '../store';

/** The shell's save dialog: asks the person where to put the file and writes it; false when they cancelled. */
export interface SaveFilePort {
  save(suggestedName: string, content: Buffer): Promise<boolean>;
}

/** Where no shell gives a save dialog (the CLI, tests that do not need one). */
export const noSaveDialog: SaveFilePort = {
  save: () => Promise.reject(new DiwanError('save_unavailable', 'This window cannot save files; open the attachment in the Diwan app.')),
};

export type AttachmentPurpose = 'show' | 'save';

/**
 * A customer's file, fetched from the platform when an agent opens it (single-seat: through this console's own
 * channel runtime). Every fetch is audited — opened, saved or refused — by message and position, never by name.
 * The file goes to the page only as a checked raster image; anything else goes to disk through the save dialog.
 */
export class AttachmentOpener {
  constructor(
    private readonly deps: { store: Store; runtime: ConnectorRuntime; audit: AuditPort; timeoutMs?: number },
  ) {}

  async fetch(actor: string, messageId: number, index: number, purpose: AttachmentPurpose): Promise<CheckedAttachment> {
    const a = this.deps.store.conversations.attachment(messageId, index);
    if (!a) throw new DiwanError('not_found', 'That attachment no longer exists.');
    const target = `message:${messageId}/attachment:${index}`;
    const refuse = (e: unknown): never => {
      this.deps.audit({
        action: AUDIT_ACTIONS.attachmentRefused,
        actor,
        target,
        details: { conversation: a.conversationId, channel: a.channelId, purpose, code: e instanceof DiwanError ? e.code : 'error' },
      });
      throw e;
    };
    if (!a.platformFileId) {
      refuse(new DiwanError('attachment_not_fetchable', 'The platform sent no way to fetch this file (or it was over the size limit when it arrived); ask the customer to send it again.'));
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), this.deps.timeoutMs ?? 60_000);
    let file: CheckedAttachment;
    try {
      const got = await this.deps.runtime.fetchAttachment(a.channelId, a.platformFileId!, ctl.signal);
      file = checkAttachment({ ...got, ...(got.mimeType ? {} : a.mimeType ? { mimeType: a.mimeType } : {}) }, fallbackName(a.kind));
      if (purpose === 'show' && file.display !== 'image') {
        throw new DiwanError('attachment_not_image', 'This file is not a picture Diwan can show; save it instead.');
      }
    } catch (e) {
      return refuse(e);
    } finally {
      clearTimeout(timer);
    }
    this.deps.audit({
      action: purpose === 'show' ? AUDIT_ACTIONS.attachmentOpened : AUDIT_ACTIONS.attachmentSaved,
      actor,
      target,
      details: { conversation: a.conversationId, channel: a.channelId, kind: a.kind, mimeType: file.mimeType, bytes: file.content.length },
    });
    return file;
  }
}

function fallbackName(kind: string): string {
  return kind === 'photo' || kind === 'sticker' ? 'picture' : kind === 'document' ? 'file' : kind;
}
